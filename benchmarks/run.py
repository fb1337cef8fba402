"""Benchmark canonym and the baselines against the hand labels; freeze and check a reference.

Two kinds of hand labels are scored:

- the corpus (``benchmarks/corpus/{dev,test}/*.txt`` with ``{dev,test}.tsv``): canonym's
  :class:`~canonym.Tagger` on the built-in gazetteer with the default
  :class:`~canonym.MatchConfig`, and the baselines of ``benchmarks/baselines.py`` (exact
  spaCy PhraseMatcher, folded exact, rapidfuzz WRatio), scored by
  :func:`canonym.corpus.scoring.score`;
- the name-level labels (``benchmarks/labels/*.csv``, nomenklatura name_bench style): canonym's
  :meth:`~canonym.Resolver.resolve` and each baseline's ``resolve``, scored by
  :func:`canonym.corpus.scoring.score_names`.

A run prints Markdown (the comparison tables, canonym's breakdowns and its error categories
from :func:`canonym.corpus.report.render_markdown`) and writes ``benchmarks/runs/<UTC
timestamp>/``: the mention tables (Parquet), the per-case name-label outcomes (CSV),
``report.md``, ``report.html`` (with the precision/recall curve) and ``scores.json``. Those
folders are ignored by git; only ``*-frozen.*`` files are committed.

When ``../shared/seeds`` and ``../shared/dev/seeds_gold.tsv`` exist beside the repository,
canonym (and the baselines) are also scored on those real articles. They are read in place:
no text, mention or surface of them is written anywhere, only their scores are printed.

``--freeze`` writes ``benchmarks/runs/reference-frozen.json``: canonym's scores on the test
split and the name labels, every name case's outcome, the MatchConfig and the version.
``--check`` runs canonym afresh and compares: it exits 1 when a test-split score (lenient
detection F1, link F1, B-cubed F1, variant share) falls more than 0.005 below the reference or
when a STRONG name label that passed in the reference now fails (the flipped cases are
printed), and 0 otherwise (improvements are printed). Re-freeze only in a pull request that
says why the reference moved.

Usage::

    python benchmarks/run.py                   # test split, canonym and baselines
    python benchmarks/run.py --split both
    python benchmarks/run.py --freeze          # write the reference (test split)
    python benchmarks/run.py --check           # the CI gate: compare with the reference
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import canonym  # noqa: E402
from baselines import Baseline, build_baselines  # noqa: E402
from canonym import Gazetteer, MatchConfig, Resolver, Tagger  # noqa: E402
from canonym.corpus.mentions import mentions_frame  # noqa: E402
from canonym.corpus.readers import iter_documents  # noqa: E402
from canonym.corpus.report import render_html, render_markdown  # noqa: E402
from canonym.corpus.scoring import (  # noqa: E402
    NameScores,
    Scores,
    ScoringInputError,
    read_gold,
    read_name_labels,
    score,
    score_names,
    threshold_curve,
)

CORPUS = HERE / "corpus"
LABELS = HERE / "labels"
RUNS = HERE / "runs"
REFERENCE = RUNS / "reference-frozen.json"
SEEDS = ROOT.parent / "shared" / "seeds"
SEEDS_GOLD = ROOT.parent / "shared" / "dev" / "seeds_gold.tsv"
SPLITS = ("test", "dev")

#: Test-split scores the gate watches, and how far each may fall below the reference.
CHECKED_SCORES = ("detect_lenient_f1", "link_f1", "bcubed_f1", "variants_share")
TOLERANCE = 0.005
CANONYM = "canonym"


# --------------------------------------------------------------------------------------------
# Running the systems


@dataclass
class CorpusRun:
    """One system on one set of documents: its mention table, scores and time."""

    system: str
    mentions: pl.DataFrame
    scores: Scores
    seconds: float


@dataclass
class NameRun:
    """One system on the name labels: the scores and the time per name."""

    system: str
    scores: NameScores
    seconds: float
    micros: dict[str, float] = field(default_factory=dict)


def read_documents(folder: Path) -> list[tuple[str, str]]:
    """``(doc_id, text)`` of every document of a folder, as ``canonym tag`` reads them."""
    problems: list[str] = []
    docs = [(d.doc_id, d.text) for d in iter_documents([folder], lambda p: problems.append(str(p)))]
    for problem in problems:
        print(f"run.py: warning: {problem}", file=sys.stderr)
    return sorted(docs)


def tag_with(
    system: str, tag: Callable[[list[tuple[str, str]]], list[Any]], docs: list[tuple[str, str]], gold: pl.DataFrame
) -> CorpusRun:
    """Tag ``docs`` with one system and score the mention table against ``gold``."""
    started = time.perf_counter()
    frame = mentions_frame(tag(docs))
    seconds = time.perf_counter() - started
    return CorpusRun(system, frame, score(gold, frame), seconds)


def _clear_normalizer_caches() -> None:
    """Empty canonym's per-process memo caches, as in a freshly started process."""
    from canonym import resolver as resolver_module
    from canonym.normalize import translit

    for holder, name in ((translit, "token_key"), (translit, "token_skeleton"), (resolver_module, "part_similarity")):
        cached = getattr(holder, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


def _percentiles(values: Sequence[float]) -> tuple[float, float]:
    """p50 and p95 of ``values`` (microseconds)."""
    if not values:
        return 0.0, 0.0
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def canonym_names(gazetteer: Gazetteer, config: MatchConfig, labels: pl.DataFrame) -> NameRun:
    """Resolve every label with a fresh Resolver: time each name cold, then hot (cached)."""
    names = list(dict.fromkeys(labels["mention"].to_list()))
    _clear_normalizer_caches()
    resolver = Resolver(gazetteer, config)
    results: dict[str, str | None] = {}
    cold: list[float] = []
    started = time.perf_counter()
    for name in names:
        t0 = time.perf_counter()
        match = resolver.resolve(name)
        cold.append((time.perf_counter() - t0) * 1e6)
        results[name] = match.entity_id if match is not None else None
    seconds = time.perf_counter() - started
    hot: list[float] = []
    for name in names:
        t0 = time.perf_counter()
        resolver.resolve(name)
        hot.append((time.perf_counter() - t0) * 1e6)
    scores = score_names(labels, results.__getitem__)
    cold50, cold95 = _percentiles(cold)
    hot50, hot95 = _percentiles(hot)
    micros = {"cold_p50": cold50, "cold_p95": cold95, "hot_p50": hot50, "hot_p95": hot95}
    return NameRun(CANONYM, scores, seconds, micros)


def baseline_names(system: str, baseline: Baseline, labels: pl.DataFrame) -> NameRun:
    """Resolve every label with one baseline, timing each distinct name once."""
    times: list[float] = []

    def timed(name: str) -> str | None:
        t0 = time.perf_counter()
        got = baseline.resolve(name)
        times.append((time.perf_counter() - t0) * 1e6)
        return got

    started = time.perf_counter()
    scores = score_names(labels, timed)
    seconds = time.perf_counter() - started
    p50, p95 = _percentiles(times)
    return NameRun(system, scores, seconds, {"cold_p50": p50, "cold_p95": p95})


# --------------------------------------------------------------------------------------------
# Case ids and the reference


def case_ids(labels: pl.DataFrame) -> list[str]:
    """A stable id per label row, hashed from group, mention and expected id (rows may move)."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for group, mention, expected in labels.select("case_group", "mention", "expected_id").iter_rows():
        digest = hashlib.sha1(f"{group}\x1f{mention}\x1f{expected or ''}".encode()).hexdigest()[:12]
        seen[digest] = seen.get(digest, 0) + 1
        ids.append(digest if seen[digest] == 1 else f"{digest}-{seen[digest]}")
    return ids


def corpus_summary(scores: Scores) -> dict[str, Any]:
    """The scores the reference keeps for a corpus split."""
    variants = scores.variants
    return {
        "detect_strict_f1": round(scores.detect_strict.f1, 6),
        "detect_lenient_f1": round(scores.detect_lenient.f1, 6),
        "link_precision": round(scores.link.precision, 6),
        "link_recall": round(scores.link.recall, 6),
        "link_f1": round(scores.link.f1, 6),
        "bcubed_f1": round(scores.bcubed.f1, 6),
        "variants_reconciled": variants.reconciled,
        "variants_total": variants.total,
        "variants_share": round(variants.share, 6),
        "gold_mentions": scores.counts.gold,
        "predicted_mentions": scores.counts.pred,
    }


def name_cases(labels: pl.DataFrame, run: NameRun) -> dict[str, dict[str, Any]]:
    """Every name case by id, with what the system returned and whether that was right."""
    out: dict[str, dict[str, Any]] = {}
    for case_id, case in zip(case_ids(labels), run.scores.cases, strict=True):
        out[case_id] = {
            "case_group": case.case_group,
            "mention": case.mention,
            "expected_id": case.expected,
            "quality": case.quality,
            "got": case.got,
            "ok": case.ok,
        }
    return out


def reference_data(config: MatchConfig, test: CorpusRun, labels: pl.DataFrame, names: NameRun) -> dict[str, Any]:
    """The frozen reference: canonym on the test split and the name labels (no timestamps)."""
    overall = names.scores.overall
    return {
        "canonym_version": canonym.__version__,
        "match_config": config.to_dict(),
        "label_files": sorted(str(p.relative_to(ROOT)) for p in LABELS.glob("*.csv")),
        "test": corpus_summary(test.scores),
        "names": {
            "overall": overall.to_dict(),
            "by_quality": {k: v.to_dict() for k, v in names.scores.by_quality.items()},
            "strong_failures": sum(1 for c in names.scores.cases if c.quality == "STRONG" and not c.ok),
        },
        "name_cases": name_cases(labels, names),
    }


def check_against(reference: Mapping[str, Any], fresh: Mapping[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """Compare a fresh reference-shaped result with the frozen one.

    Returns:
        ``(regressions, improvements, notes)`` as printable lines; any regression fails.
    """
    regressions: list[str] = []
    improvements: list[str] = []
    notes: list[str] = []
    for key in CHECKED_SCORES:
        before = float(reference["test"][key])
        now = float(fresh["test"][key])
        if now < before - TOLERANCE:
            regressions.append(
                f"test split {key}: {before:.4f} -> {now:.4f} ({now - before:+.4f}, tolerance {TOLERANCE})"
            )
        elif now > before + 1e-9:
            improvements.append(f"test split {key}: {before:.4f} -> {now:.4f} ({now - before:+.4f})")
    old_cases: Mapping[str, Mapping[str, Any]] = reference.get("name_cases", {})
    new_cases: Mapping[str, Mapping[str, Any]] = fresh["name_cases"]
    for case_id, case in sorted(new_cases.items(), key=lambda item: (item[1]["case_group"], item[1]["mention"])):
        before = old_cases.get(case_id)
        if before is None:
            if case["quality"] == "STRONG" and not case["ok"]:
                notes.append(f"new STRONG label fails (not in the reference): {_case_text(case)}")
            continue
        if before["ok"] and not case["ok"] and case["quality"] == "STRONG":
            regressions.append(f"STRONG label flipped: {_case_text(case)}; the reference returned {before['got']!r}")
        elif not before["ok"] and case["ok"]:
            improvements.append(f"{case['quality']} label now passes: {_case_text(case)}")
        elif before["ok"] and not case["ok"]:
            notes.append(f"{case['quality']} label now fails: {_case_text(case)}")
    gone = sorted(set(old_cases) - set(new_cases))
    if gone:
        notes.append(f"{len(gone)} label(s) of the reference are no longer in benchmarks/labels")
    if reference.get("match_config") != fresh["match_config"]:
        notes.append(
            f"MatchConfig differs from the reference: {reference.get('match_config')} -> {fresh['match_config']}"
        )
    if reference.get("canonym_version") != fresh["canonym_version"]:
        notes.append(f"canonym version {reference.get('canonym_version')} -> {fresh['canonym_version']}")
    return regressions, improvements, notes


def _case_text(case: Mapping[str, Any]) -> str:
    expected = case["expected_id"] or "(no entity)"
    return f"[{case['case_group']}] {case['mention']!r}: expected {expected}, got {case['got'] or '(none)'}"


# --------------------------------------------------------------------------------------------
# Markdown


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table; cells are plain strings (pipes escaped)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return lines


def corpus_table(runs: Sequence[CorpusRun]) -> list[str]:
    """System x scores on one set of documents, with the link F1 difference vs canonym."""
    base = next(r for r in runs if r.system == CANONYM).scores.link.f1
    rows = []
    for run in runs:
        s = run.scores
        delta = "—" if run.system == CANONYM else f"{s.link.f1 - base:+.3f}"
        rows.append(
            [
                run.system,
                f"{s.detect_lenient.f1:.3f}",
                f"{s.link.precision:.3f}",
                f"{s.link.recall:.3f}",
                f"{s.link.f1:.3f}",
                f"{s.bcubed.f1:.3f}",
                f"{s.variants.reconciled}/{s.variants.total}",
                delta,
                f"{run.seconds:.2f}",
            ]
        )
    headers = [
        "system",
        "detect lenient F1",
        "link P",
        "link R",
        "link F1",
        "B-cubed F1",
        "variants",
        "Δ link F1 vs canonym",
        "seconds",
    ]
    return md_table(headers, rows)


def names_table(runs: Sequence[NameRun]) -> list[str]:
    """System x name-label scores, with the F1 difference vs canonym."""
    base = next(r for r in runs if r.system == CANONYM).scores.f1
    rows = []
    for run in runs:
        s = run.scores
        strong = s.by_quality.get("STRONG")
        strong_ok = sum(1 for c in s.cases if c.quality == "STRONG" and c.ok)
        delta = "—" if run.system == CANONYM else f"{s.f1 - base:+.3f}"
        ok = sum(1 for c in s.cases if c.ok)
        rows.append(
            [
                run.system,
                f"{s.precision:.3f}",
                f"{s.recall:.3f}",
                f"{s.f1:.3f}",
                f"{ok}/{len(s.cases)}",
                f"{strong_ok}/{strong.cases if strong else 0}",
                delta,
                f"{run.micros.get('cold_p50', 0):.0f} / {run.micros.get('cold_p95', 0):.0f}",
            ]
        )
    headers = [
        "system",
        "precision",
        "recall",
        "F1",
        "cases right",
        "STRONG right",
        "Δ F1 vs canonym",
        "μs/name p50 / p95",
    ]
    return md_table(headers, rows)


def breakdown_table(title: str, groups: Mapping[str, Any]) -> list[str]:
    """canonym's name-label scores per quality, script or case group."""
    rows = [
        [
            name,
            str(g.cases),
            str(g.tp),
            str(g.fp),
            str(g.fn),
            f"{g.prf.precision:.3f}",
            f"{g.prf.recall:.3f}",
            f"{g.prf.f1:.3f}",
        ]
        for name, g in groups.items()
    ]
    return md_table([title, "cases", "tp", "fp", "fn", "P", "R", "F1"], rows)


def name_failures(scores: NameScores, limit: int = 60) -> list[str]:
    """canonym's wrong name cases, STRONG first."""
    order = {"STRONG": 0, "MEDIUM": 1, "WEAK": 2}
    wrong = sorted(
        (c for c in scores.cases if not c.ok), key=lambda c: (order.get(c.quality, 3), c.case_group, c.mention)
    )
    rows = [
        [c.quality, c.case_group, c.mention, c.expected or "—", c.got or "—", c.outcome, c.source]
        for c in wrong[:limit]
    ]
    lines = md_table(["quality", "group", "mention", "expected", "got", "outcome", "source"], rows)
    if len(wrong) > limit:
        lines += ["", f"… and {len(wrong) - limit} more."]
    return lines


# --------------------------------------------------------------------------------------------
# Writing a run


def new_run_dir() -> Path:
    """A fresh ``benchmarks/runs/<UTC timestamp>`` folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RUNS / stamp
    number = 2
    while path.exists():
        path = RUNS / f"{stamp}-{number}"
        number += 1
    path.mkdir(parents=True)
    return path


def write_name_cases(path: Path, labels: pl.DataFrame, runs: Sequence[NameRun]) -> None:
    """One row per name label, with each system's answer and whether it was right."""
    ids = case_ids(labels)
    header = ["case_id", "case_group", "mention", "expected_id", "script", "quality", "source"]
    for run in runs:
        header += [f"{run.system}_got", f"{run.system}_ok"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for index, case in enumerate(runs[0].scores.cases):
            row = [
                ids[index],
                case.case_group,
                case.mention,
                case.expected or "",
                case.script,
                case.quality,
                case.source,
            ]
            for run in runs:
                other = run.scores.cases[index]
                row += [other.got or "", "1" if other.ok else "0"]
            writer.writerow(row)


# --------------------------------------------------------------------------------------------
# Main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--split", choices=["test", "dev", "both"], default="test", help="corpus split(s) to score (default: test)"
    )
    parser.add_argument("--freeze", action="store_true", help=f"write the reference {REFERENCE.relative_to(ROOT)}")
    parser.add_argument(
        "--check", action="store_true", help="compare a fresh canonym run with the reference; exit 1 on a regression"
    )
    parser.add_argument("--no-baselines", action="store_true", help="run canonym only (the default with --check)")
    args = parser.parse_args(argv)
    if args.freeze and args.check:
        parser.error("--freeze and --check exclude each other")

    splits = list(SPLITS) if args.split == "both" else [args.split]
    if (args.freeze or args.check) and "test" not in splits:
        splits.insert(0, "test")  # the reference is about the test split
    with_baselines = not args.no_baselines and not args.check

    out: list[str] = []

    def emit(*lines: str) -> None:
        for line in lines:
            print(line)
            out.append(line)

    timings: list[list[str]] = []
    started = time.perf_counter()
    gazetteer = Gazetteer.builtin()
    config = MatchConfig()
    tagger = Tagger(Resolver(gazetteer, config))
    timings.append(["load gazetteer, build index and tagger", f"{time.perf_counter() - started:.2f}"])
    baselines: dict[str, Baseline] = {}
    if with_baselines:
        t0 = time.perf_counter()
        baselines = build_baselines(gazetteer)
        timings.append(["build baselines (exact, folded, wratio)", f"{time.perf_counter() - t0:.2f}"])

    emit(f"# canonym benchmark ({datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')})", "")
    emit(
        f"canonym {canonym.__version__}; built-in gazetteer, {len(gazetteer)} entities; "
        f"MatchConfig {json.dumps(config.to_dict(), sort_keys=True)}.",
        "",
    )
    if with_baselines:
        emit(
            "Baselines (same gazetteer, every alias and canonical name): **exact** = spaCy PhraseMatcher "
            "ORTH, longest match; **folded** = unidecode + lowercase + punctuation to space, longest "
            "token n-gram; **wratio** = capitalised sequences matched with rapidfuzz WRatio, cutoff 85. "
            "They emit no NIL mentions (see benchmarks/baselines.py).",
            "",
        )

    corpus_runs: dict[str, list[CorpusRun]] = {}
    golds: dict[str, pl.DataFrame] = {}
    texts: dict[str, dict[str, str]] = {}
    for split in splits:
        docs = read_documents(CORPUS / split)
        gold = read_gold(CORPUS / f"{split}.tsv")
        golds[split], texts[split] = gold, dict(docs)
        runs = [tag_with(CANONYM, tagger.tag_documents, docs, gold)]
        for name, baseline in baselines.items():
            runs.append(tag_with(name, baseline.tag_documents, docs, gold))
        corpus_runs[split] = runs
        size = sum(len(t) for _, t in docs)
        for run in runs:
            rate = size / 1e6 / run.seconds if run.seconds else 0.0
            timings.append(
                [
                    f"tag {split} split ({len(docs)} docs, {size / 1e3:.0f} kB): {run.system}",
                    f"{run.seconds:.2f} ({rate:.2f} MB/s)",
                ]
            )
        emit(f"## Corpus, {split} split ({len(docs)} documents, {gold.height} gold mentions)", "")
        emit(*corpus_table(runs), "")

    label_paths = sorted(LABELS.glob("*.csv"))
    labels = read_name_labels(label_paths)
    # Sources as repository paths (names.csv:12), not absolute ones.
    labels = labels.with_columns(pl.col("source").str.strip_prefix(f"{ROOT}/"))
    name_runs = [canonym_names(gazetteer, config, labels)]
    for name, baseline in baselines.items():
        name_runs.append(baseline_names(name, baseline, labels))
    for run in name_runs:
        micros = run.micros
        detail = f"cold p50 {micros.get('cold_p50', 0):.0f} μs, p95 {micros.get('cold_p95', 0):.0f} μs"
        if "hot_p50" in micros:
            detail += f"; hot p50 {micros['hot_p50']:.1f} μs, p95 {micros['hot_p95']:.1f} μs"
        timings.append(
            [
                f"resolve {labels['mention'].n_unique()} distinct label names: {run.system}",
                f"{run.seconds:.2f} ({detail})",
            ]
        )
    canonym_names_run = name_runs[0]
    per_quality = dict(labels["quality"].value_counts().iter_rows())
    counts = ", ".join(f"{q} {per_quality[q]}" for q in ("STRONG", "MEDIUM", "WEAK") if q in per_quality)
    files = ", ".join(p.name for p in label_paths)
    emit(f"## Name labels ({labels.height} cases in {files}: {counts})", "")
    emit(*names_table(name_runs), "")
    emit(
        "### canonym on the name labels, by quality",
        "",
        *breakdown_table("quality", canonym_names_run.scores.by_quality),
        "",
    )
    emit(
        "### canonym on the name labels, by script",
        "",
        *breakdown_table("script", canonym_names_run.scores.by_script),
        "",
    )
    emit(
        "### canonym on the name labels, by case group",
        "",
        *breakdown_table("group", canonym_names_run.scores.by_group),
        "",
    )
    emit("### canonym's wrong name cases", "", *name_failures(canonym_names_run.scores), "")

    if SEEDS.is_dir() and SEEDS_GOLD.is_file() and not args.check:
        seed_runs = score_seeds(tagger, baselines)
        if seed_runs is not None:
            count, gold_count, runs = seed_runs
            emit(
                f"## Seeds (../shared/seeds, {count} real articles, {gold_count} gold mentions; read in place, scores only)",
                "",
            )
            emit(*corpus_table(runs), "")
            for run in runs:
                timings.append([f"tag seeds: {run.system}", f"{run.seconds:.2f}"])

    emit("## Timings", "", *md_table(["step", "seconds"], timings), "")

    for split, runs in corpus_runs.items():
        canonym_run = runs[0]
        others = {run.system: run.scores for run in runs[1:]}
        emit("---", "", f"<!-- canonym report, {split} split -->", "")
        emit(render_markdown(canonym_run.scores, f"canonym, {split} split", others or None).rstrip("\n"), "")

    fresh = reference_data(config, corpus_runs["test"][0], labels, canonym_names_run) if "test" in corpus_runs else None

    if args.check:
        return run_check(fresh)

    run_dir = new_run_dir()
    for split, runs in corpus_runs.items():
        for run in runs:
            run.mentions.write_parquet(run_dir / f"mentions-{split}-{run.system}.parquet")
        canonym_run = runs[0]
        others = {run.system: run.scores for run in runs[1:]}
        curve = threshold_curve(golds[split], canonym_run.mentions)
        page = render_html(
            canonym_run.scores,
            golds[split],
            canonym_run.mentions,
            texts[split],
            curve,
            run_dir / f"curve-{split}.png",
            name=f"canonym, {split} split",
            baselines=others or None,
        )
        target = "report.html" if split == splits[0] else f"report-{split}.html"
        (run_dir / target).write_text(page, encoding="utf-8")
    write_name_cases(run_dir / "names-cases.csv", labels, name_runs)
    (run_dir / "report.md").write_text("\n".join(out).rstrip("\n") + "\n", encoding="utf-8")
    summary = {
        "canonym_version": canonym.__version__,
        "match_config": config.to_dict(),
        "corpus": {
            split: {run.system: corpus_summary(run.scores) for run in runs} for split, runs in corpus_runs.items()
        },
        "names": {run.system: run.scores.to_dict() | {"micros": run.micros} for run in name_runs},
    }
    (run_dir / "scores.json").write_text(
        json.dumps(summary, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"run.py: wrote {run_dir.relative_to(ROOT)}/", file=sys.stderr)

    if args.freeze:
        assert fresh is not None
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        REFERENCE.write_text(json.dumps(fresh, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"run.py: froze the reference in {REFERENCE.relative_to(ROOT)}", file=sys.stderr)
    return 0


def score_seeds(tagger: Tagger, baselines: Mapping[str, Baseline]) -> tuple[int, int, list[CorpusRun]] | None:
    """Score canonym and the baselines on the real articles beside the repository, in place."""
    try:
        gold = read_gold(SEEDS_GOLD)
    except ScoringInputError as exc:
        print(f"run.py: warning: seeds skipped: {exc}", file=sys.stderr)
        return None
    docs = read_documents(SEEDS)
    runs = [tag_with(CANONYM, tagger.tag_documents, docs, gold)]
    for name, baseline in baselines.items():
        runs.append(tag_with(name, baseline.tag_documents, docs, gold))
    return len(docs), gold.height, runs


def run_check(fresh: Mapping[str, Any] | None) -> int:
    """Compare ``fresh`` with the frozen reference; print the outcome; return the exit code."""
    if not REFERENCE.is_file():
        print(f"run.py: error: no reference at {REFERENCE.relative_to(ROOT)}; run with --freeze first", file=sys.stderr)
        return 1
    assert fresh is not None
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    regressions, improvements, notes = check_against(reference, fresh)
    print("## Check against the frozen reference", "", sep="\n")
    rows = [
        [
            key,
            f"{float(reference['test'][key]):.4f}",
            f"{float(fresh['test'][key]):.4f}",
            f"{float(fresh['test'][key]) - float(reference['test'][key]):+.4f}",
        ]
        for key in CHECKED_SCORES
    ]
    print("\n".join(md_table(["test-split score", "reference", "now", "Δ"], rows)), "\n")
    strong_ref = sum(1 for c in reference["name_cases"].values() if c["quality"] == "STRONG" and c["ok"])
    strong_now = sum(1 for c in fresh["name_cases"].values() if c["quality"] == "STRONG" and c["ok"])
    print(f"STRONG name labels right: reference {strong_ref}, now {strong_now}.\n")
    for line in notes:
        print(f"note: {line}")
    for line in improvements:
        print(f"improved: {line}")
    for line in regressions:
        print(f"REGRESSION: {line}")
    if regressions:
        print(f"\nrun.py --check: FAILED ({len(regressions)} regression(s)).")
        return 1
    print(f"\nrun.py --check: OK ({len(improvements)} improvement(s), no regression).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
