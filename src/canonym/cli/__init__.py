"""The ``canonym`` command: a thin typer layer over the library.

stdout carries only data; messages and progress go to stderr. Exit codes: 0 success,
1 a failure of the run, 2 bad usage or bad input (a bad file, row, column or gazetteer).
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal, NoReturn, ParamSpec

import typer

from canonym.corpus.readers import MAX_DOCUMENT_CHARACTERS
from canonym.errors import CanonymError, ConfigError, GazetteerError, InputError

P = ParamSpec("P")

app = typer.Typer(
    name="canonym",
    help="Entity resolution and transliteration normalization for text about the Middle East and the security field.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
gazetteer_app = typer.Typer(help="Inspect, check, format and extend the gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

GazetteerOption = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", "-g", help="User gazetteer: CSV/TSV/Parquet/JSONL with id,name columns, or YAML records. Repeatable."),
]
NoBuiltinOption = Annotated[bool, typer.Option("--no-builtin", help="Do not load the built-in gazetteer.")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="Resolver settings as a JSON file (MatchConfig).")]
FormatOption = Annotated[str | None, typer.Option("--format", "-f", help="parquet, csv, tsv or ndjson (default: from the file suffix).")]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print an error to stderr and exit."""
    typer.echo(f"canonym: error: {message}", err=True)
    raise typer.Exit(code)


def error_code(exc: CanonymError) -> int:
    """2 for bad input or usage, 1 for other failures of the run."""
    return 2 if isinstance(exc, (InputError, GazetteerError, ConfigError)) else 1


def build_resolver(gazetteer: list[Path] | None, no_builtin: bool, config: Path | None):  # type: ignore[no-untyped-def]
    """The resolver the options ask for."""
    from canonym import Gazetteer, MatchConfig, Resolver

    paths = list(gazetteer or [])
    if no_builtin and not paths:
        raise InputError("--no-builtin needs at least one --gazetteer FILE")
    settings = MatchConfig.from_json(config) if config is not None else MatchConfig()
    return Resolver(Gazetteer.load(*paths, builtin=not no_builtin), settings)


def main() -> None:
    """Entry point of the console script."""
    app()


def handled(command: Callable[P, None]) -> Callable[P, None]:
    """Turn our own errors into a message on stderr and the right exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except CanonymError as exc:
            typer.echo(f"canonym: error: {exc}", err=True)
            raise typer.Exit(error_code(exc)) from None

    return wrapper


@app.command()
@handled
def normalize(
    names: Annotated[list[str], typer.Argument(help="Names to normalize.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per name.")] = False,
) -> None:
    """Show how names fold, split into parts and key.

    Example: canonym normalize "Sayf al-ʿAdl" "AL-ADL, Saif"
    """
    from canonym.normalize import fold, name_key, name_skeleton, parse_name

    if not as_json:
        typer.echo("name\tfolded\tkey\tskeleton\tparts\ttitles")
    for name in names:
        parts = parse_name(name)
        row = {
            "name": name,
            "folded": fold(name),
            "key": name_key(name) or "",
            "skeleton": name_skeleton(name) or "",
            "parts": list(parts.tokens),
            "titles": list(parts.titles),
        }
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo("\t".join([name, str(row["folded"]), str(row["key"]), str(row["skeleton"]), " | ".join(parts.tokens), ", ".join(parts.titles)]))


def _read_names(path: Path, column: str | None) -> list[str | None]:
    from canonym.tables import read_table

    if path.suffix.lower() in (".txt", "") and path.exists():
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        return [line.strip() for line in text.splitlines() if line.strip()]
    frame = read_table(path)
    if column is None:
        column = next((c for c in ("name", "query", "mention") if c in frame.columns), frame.columns[0] if frame.columns else None)
    if column is None or column not in frame.columns:
        raise InputError(f"{path}: no column {column!r} (columns: {', '.join(frame.columns)}); choose one with --column")
    return [None if v is None else str(v) for v in frame.get_column(column).to_list()]


@app.command()
@handled
def resolve(
    names: Annotated[list[str] | None, typer.Argument(help="Names to resolve.")] = None,
    input: Annotated[Path | None, typer.Option("--input", "-i", help="File of names: .txt (one per line), .csv, .tsv, .jsonl or .parquet.")] = None,
    column: Annotated[str | None, typer.Option("--column", "-c", help="Column holding the names (default: name, query, mention or the first).")] = None,
    out: Annotated[str, typer.Option("--out", "-o", help="Output table; '-' for stdout.")] = "-",
    fmt: FormatOption = None,
    gazetteer: GazetteerOption = None,
    no_builtin: NoBuiltinOption = False,
    config: ConfigOption = None,
    entity_type: Annotated[str | None, typer.Option("--type", help="Only match entities of this type (PER, ORG, LOC).")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Print why each name resolved as it did (to stderr).")] = False,
) -> None:
    """Resolve names to gazetteer entities; write the resolution table.

    Example: canonym resolve "Qasem Suleimani" "al-Qa'ida" --out -
    Example: canonym resolve --no-builtin -g list.tsv --input queries.tsv --out matches.csv
    """
    queries: list[str | None] = list(names or [])
    if input is not None:
        queries.extend(_read_names(input, column))
    if not queries:
        fail("give names as arguments or --input FILE")
    resolver = build_resolver(gazetteer, no_builtin, config)
    started = time.perf_counter()
    frame = resolver.resolve_many(queries, type=entity_type)
    if explain:
        for name in dict.fromkeys(q for q in queries if q):
            typer.echo(str(resolver.explain(name, type=entity_type)) + "\n", err=True)
    from canonym.corpus.writers import write_table

    write_table(frame, out, fmt)
    elapsed = time.perf_counter() - started
    linked = frame.filter(frame["entity_id"].is_not_null()).height
    typer.echo(f"canonym: {frame.height} names, {linked} matched, {elapsed:.2f}s", err=True)


@app.command()
@handled
def tag(
    # Strings, not Paths: pathlib would turn the URIs Spark reads (s3a://b) into s3a:/b.
    paths: Annotated[list[str], typer.Argument(help="Text/HTML files, folders of them, or tables (.jsonl, .parquet, .csv).")],
    out: Annotated[str, typer.Option("--out", "-o", help="The mention table: .parquet, .csv, .tsv or .ndjson; '-' for stdout.")],
    fmt: FormatOption = None,
    gazetteer: GazetteerOption = None,
    no_builtin: NoBuiltinOption = False,
    config: ConfigOption = None,
    text_column: Annotated[str, typer.Option("--text-column", help="Text column of table inputs.")] = "text",
    id_column: Annotated[str, typer.Option("--id-column", help="Document id column of table inputs.")] = "id",
    errors: Annotated[Path | None, typer.Option("--errors", help="Write the documents that were skipped or repaired, with reasons, to this table.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes that tag in parallel (the output does not depend on it).")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run into the same --out, skipping the documents it already tagged.")] = False,
    max_chars: Annotated[int, typer.Option("--max-chars", min=0, help="Report and skip documents longer than this many characters (0: no limit).")] = MAX_DOCUMENT_CHARACTERS,
    engine: Annotated[Literal["local", "spark"], typer.Option("--engine", help="local: this machine; spark: Apache Spark (the spark extra of canonym), Parquet in, a Parquet dataset out.")] = "local",
    spark_master: Annotated[str, typer.Option("--spark-master", help="Spark master URL for --engine spark.")] = "local[*]",
) -> None:
    """Find and resolve every mention in a corpus; write the mention table.

    Example: canonym tag articles/ --out mentions.parquet
    Example: canonym tag news.jsonl --text-column body --id-column url --out mentions.csv
    Example: canonym tag archive.parquet --workers 4 --resume --out mentions.parquet
    Example: canonym tag dumps/ --max-chars 0 --out mentions.parquet --errors errors.csv
    Example: canonym tag --engine spark s3a://bucket/news/ --text-column body --id-column url --out s3a://bucket/mentions/
    """
    if engine == "spark":
        if max_chars != MAX_DOCUMENT_CHARACTERS:
            fail("--max-chars: not available with --engine spark (long documents are tagged window by window there)")
        _tag_on_spark(paths, out, fmt, gazetteer, no_builtin, config, text_column, id_column, errors, workers, resume, spark_master)
        return
    from canonym.corpus.run import tag_corpus
    from canonym.corpus.writers import table_format

    table_format(out, fmt)  # fail early on a bad format
    resolver = build_resolver(gazetteer, no_builtin, config)
    summary = tag_corpus(
        paths, out, resolver,
        fmt=fmt, text_column=text_column, id_column=id_column, errors_path=str(errors) if errors else None,
        workers=workers, resume=resume, max_chars=max_chars,
        run_options={"gazetteer": [str(g) for g in gazetteer or []], "no_builtin": no_builtin, "config": str(config), "max_chars": max_chars},
    )
    typer.echo(summary.describe(), err=True)


def _tag_on_spark(
    paths: list[str], out: str, fmt: str | None, gazetteer: list[Path] | None, no_builtin: bool, config: Path | None,
    text_column: str, id_column: str, errors: Path | None, workers: int, resume: bool, master: str,
) -> None:
    """``canonym tag --engine spark``: Parquet documents in, a Parquet dataset of mentions out."""
    unsupported = [name for name, given in (("--errors", errors is not None), ("--workers", workers != 1), ("--resume", resume)) if given]
    if unsupported:
        fail(f"{', '.join(unsupported)}: not available with --engine spark (Spark schedules and retries the work itself)")
    if fmt not in (None, "parquet") or out == "-":
        fail("--engine spark writes a Parquet dataset (a folder): give --out a path or URI and no other --format")
    try:
        from canonym import spark
    except ImportError as exc:
        fail(f"--engine spark needs Apache Spark: pip install 'canonym[spark]' ({exc})")
    resolver = build_resolver(gazetteer, no_builtin, config)
    summary = spark.tag_parquet(
        spark.session(master), paths, out, text_column=text_column, id_column=id_column, resolver=resolver
    )
    typer.echo(summary.describe(), err=True)


def _gazetteer(gazetteer: list[Path] | None, no_builtin: bool):  # type: ignore[no-untyped-def]
    from canonym import Gazetteer

    paths = list(gazetteer or [])
    return Gazetteer.load(*paths, builtin=not no_builtin)


@gazetteer_app.command("stats")
@handled
def gazetteer_stats(gazetteer: GazetteerOption = None, no_builtin: NoBuiltinOption = False) -> None:
    """Counts of entities and aliases by type and kind.

    Example: canonym gazetteer stats
    """
    from collections import Counter

    gaz = _gazetteer(gazetteer, no_builtin)
    entities = list(gaz)
    by_type = Counter(e.type for e in entities)
    by_kind = Counter(e.kind for e in entities)
    strong = sum(len(e.strong) for e in entities)
    weak = sum(len(e.weak) for e in entities)
    typer.echo(f"entities\t{len(entities)}")
    typer.echo(f"aliases\t{strong + weak}\t(strong {strong}, weak {weak})")
    typer.echo(f"with un_ref\t{sum(1 for e in entities if e.un_ref)}")
    for etype, count in sorted(by_type.items()):
        typer.echo(f"type {etype}\t{count}")
    for kind, count in by_kind.most_common():
        typer.echo(f"kind {kind or '-'}\t{count}")


@gazetteer_app.command("show")
@handled
def gazetteer_show(entity_id: Annotated[str, typer.Argument(help="Entity id.")], gazetteer: GazetteerOption = None, no_builtin: NoBuiltinOption = False) -> None:
    """Show one entity.

    Example: canonym gazetteer show saif-al-adel
    """
    gaz = _gazetteer(gazetteer, no_builtin)
    entity = gaz.get(entity_id)
    if entity is None:
        fail(f"no entity with id {entity_id!r}", 1)
    typer.echo(json.dumps({
        "id": entity.id, "type": entity.type, "kind": entity.kind, "name": entity.name,
        "strong": list(entity.strong), "weak": list(entity.weak), "part_of": entity.part_of,
        "un_ref": entity.un_ref, "wikidata": entity.wikidata, "description": entity.description,
        "source": entity.source,
    }, ensure_ascii=False, indent=2))


@gazetteer_app.command("search")
@handled
def gazetteer_search(
    name: Annotated[str, typer.Argument(help="A name in any spelling.")],
    gazetteer: GazetteerOption = None,
    no_builtin: NoBuiltinOption = False,
) -> None:
    """Find entities for a name and explain the decision.

    Example: canonym gazetteer search "Abu Muhammad al-Masri"
    """
    from canonym import Resolver

    resolver = Resolver(_gazetteer(gazetteer, no_builtin))
    typer.echo(str(resolver.explain(name)))


@gazetteer_app.command("lint")
@handled
def gazetteer_lint(paths: Annotated[list[Path] | None, typer.Argument(help="Data folders or files (default: the built-in data).")] = None) -> None:
    """Check the gazetteer data: schema, duplicate ids, collisions, redundant aliases, homoglyphs.

    Example: canonym gazetteer lint
    """
    from canonym.gazetteer.lint import lint_paths

    problems = lint_paths(paths or None)
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        fail(f"{len(problems)} problem(s) in the gazetteer", 1)
    typer.echo("gazetteer lint: clean", err=True)


@gazetteer_app.command("fmt")
@handled
def gazetteer_fmt(
    paths: Annotated[list[Path] | None, typer.Argument(help="Data folders or files (default: the built-in data).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Only report files that are not in canonical form; exit 1 if any.")] = False,
) -> None:
    """Rewrite data files in canonical form (sorted aliases, fixed key order, comments kept).

    Example: canonym gazetteer fmt --check
    """
    from canonym.gazetteer.fmt import check_paths, format_paths
    from canonym.gazetteer.load import builtin_data_dir, yaml_files

    files: list[Path] = []
    for path in paths or [builtin_data_dir()]:
        files.extend(yaml_files(path) if path.is_dir() else [path])
    if check:
        stale = check_paths(files)
        for path in stale:
            typer.echo(f"not in canonical form: {path} (run: canonym gazetteer fmt)")
        if stale:
            raise typer.Exit(1)
        return
    changed = format_paths(files)
    typer.echo(f"formatted {len(changed)} file(s)", err=True)


@gazetteer_app.command("import")
@handled
def gazetteer_import(
    source: Annotated[Path, typer.Argument(help="UN consolidated list XML, FollowTheMoney JSONL, or a CSV/TSV table (id,name,type).")],
    into: Annotated[Path | None, typer.Option("--into", help="Data folder to merge into (default: the built-in data).")] = None,
    lists: Annotated[list[str] | None, typer.Option("--list", help="UN list types to import (e.g. Al-Qaida, Iran). Repeatable; default all.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report what would change without writing.")] = False,
) -> None:
    """Import entities into the gazetteer's format, merged without duplicates.

    Example: canonym gazetteer import un_list.xml --list Al-Qaida --list Iran
    """
    import canonym.gazetteer.importers as importers
    from canonym.gazetteer.load import builtin_data_dir

    suffix = source.suffix.lower()
    if not source.exists():
        fail(f"{source}: no such file")
    if suffix == ".xml":
        entities = importers.import_un_xml(source, set(lists) if lists else None)
    elif suffix in (".jsonl", ".ndjson", ".json"):
        entities = importers.import_ftm_jsonl(source)
    elif suffix in (".csv", ".tsv"):
        entities = importers.import_table(source)
    else:
        fail(f"{source}: unknown import format {suffix!r}; use .xml (UN list), .jsonl (FollowTheMoney), .csv or .tsv")
    report = importers.merge_into_dir(entities, into or builtin_data_dir(), dry_run=dry_run)
    typer.echo(str(report))


@gazetteer_app.command("suggest")
@handled
def gazetteer_suggest(
    mentions: Annotated[Path, typer.Argument(help="A mention table written by canonym tag.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the draft YAML records (default: print them).")] = None,
    min_count: Annotated[int, typer.Option("--min-count", help="Only NIL clusters with at least this many mentions.")] = 2,
) -> None:
    """Draft gazetteer records from frequent unknown (NIL) names, for a maintainer to review.

    Example: canonym gazetteer suggest mentions.parquet --min-count 3 --out drafts/
    """
    from canonym.corpus.suggest import draft_records

    drafts = draft_records(mentions, min_count=min_count)
    if out is None:
        for _, text in drafts:
            typer.echo(text)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, text in drafts:
        (out / name).write_text(text, encoding="utf-8")
    typer.echo(f"wrote {len(drafts)} draft record(s) to {out}", err=True)


@app.command()
@handled
def bench(
    gold: Annotated[list[Path], typer.Option("--gold", help="Hand labels (TSV: doc start end surface key type). Repeatable.")],
    pred: Annotated[Path, typer.Option("--pred", help="The mention table to score (.parquet, .csv, .tsv, .ndjson).")],
    docs: Annotated[list[Path] | None, typer.Option("--docs", help="Folder(s) of the documents, to render them in the HTML report.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="Write an HTML report here (a PNG curve beside it).")] = None,
    threshold: Annotated[float | None, typer.Option("--threshold", help="Drop predicted mentions scoring below this first.")] = None,
) -> None:
    """Score a mention table against hand labels (SPEC.md scores, errors, report).

    Example: canonym bench --gold benchmarks/corpus/test.tsv --pred mentions.parquet --json
    """
    import polars as pl

    from canonym.corpus.report import render_html, render_markdown
    from canonym.corpus.scoring import ScoringInputError, read_gold, read_mentions, score, threshold_curve

    try:
        gold_frame = pl.concat([read_gold(path) for path in gold])
        pred_frame = read_mentions(pred)
        scores = score(gold_frame, pred_frame, threshold=threshold)
    except ScoringInputError as exc:
        fail(str(exc))
    if as_json:
        data = scores.to_dict()
        typer.echo(json.dumps({k: data[k] for k in ("detect_strict", "detect_lenient", "link", "bcubed", "variants")}, indent=2))
    else:
        typer.echo(render_markdown(scores))
    if report is not None:
        texts: dict[str, str] = {}
        from canonym.corpus.readers import iter_documents

        for folder in docs or []:
            for document in iter_documents([folder], lambda problem: None):
                texts[document.doc_id] = document.text
        png = report.with_suffix(".png")
        curve = threshold_curve(gold_frame, pred_frame)
        from canonym.corpus.writers import atomic_path

        page = render_html(scores, gold_frame, pred_frame, texts, curve, png)
        with atomic_path(report) as tmp:
            tmp.write_text(page, encoding="utf-8")
        typer.echo(f"canonym: report written to {report}", err=True)
