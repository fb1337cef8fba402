"""Tagger speed on a generated news-like corpus, beside spaCy's PhraseMatcher.

The corpus (``--mb``, 50 MB by default) is English news text made from sentence templates
with a fixed seed. The slots are filled with names of the built-in gazetteer as written
(canonical names and strong aliases), with transliteration variants of them (Yousef/Yusuf,
al-/el- ...), with bare surnames of people named earlier in the document, and with unknown
capitalised names generated from name-part lists; documents carry a Title Case headline, a
dateline in capitals, curly quotes and dashes.

Measured in one process (one core for the Python work):

- ``Tagger(resolver).tag_documents`` end to end: MB/s, documents/s, mentions/s;
- the ``canonym tag`` command on the corpus written as a folder of .txt files, writing a
  Parquet mention table (process start, gazetteer load, read, tag and write included);
- spaCy's ``PhraseMatcher(nlp.vocab, attr="LOWER")`` with the same aliases, with
  ``nlp.make_doc`` per document, on a slice (``--spacy-mb``), and canonym on the same slice;
- a reference: lowercasing and ``split()`` per document;
- peak RSS (``ru_maxrss``) before and after tagging.

The PhraseMatcher only finds the aliases; canonym also finds unknown names, resolves every
span and clusters them. Figures are noisy on a shared machine: compare the ratios.

Usage::

    python benchmarks/tag_speed.py             # 50 MB
    python benchmarks/tag_speed.py --mb 10
    python benchmarks/tag_speed.py --quick     # small smoke run (< 20 s)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_speed import NameGenerator, clear_caches, peak_rss_mb, transliteration_variant

SEED = 4242

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AGENCIES = ["Reuters", "AP", "AFP", "Al Jazeera", "BBC"]
ROLES = [
    "a senior commander of",
    "a spokesman for",
    "the leader of",
    "a founding member of",
    "a former official of",
    "an adviser to",
    "the deputy head of",
    "a financier of",
    "a negotiator for",
    "a senior figure in",
]

# Slots: {PER} a known person, {PERV} a respelled known person, {ORG}, {LOC}, {UNK} an unknown
# person, {LAST} the surname of the last person named, {ROLE}, {DAY}, {NUM}, {YEAR}.
SENTENCES = [
    "{PER}, {ROLE} {ORG}, was killed in an air strike near {LOC} on {DAY}, officials said.",
    "Speaking in {LOC}, {PER} said talks with {ORG} would resume next week.",
    "{LAST} did not respond to a request for comment.",
    "According to {ORG}, at least {NUM} people were wounded in {LOC}.",
    "{UNK}, a spokesman for the governor's office in {LOC}, told reporters the situation was under control.",
    "The attack was claimed by {ORG}, which has been active in {LOC} since {YEAR}.",
    "In a statement on {DAY}, {ORG} accused {PER} of ordering the operation.",
    "Analysts in {LOC} said {LAST}'s influence had grown since {YEAR}.",
    "{PERV} met {PER} in {LOC} on {DAY}, two people familiar with the meeting said.",
    "Residents of {LOC} described hearing explosions late into the night.",
    "“We will not accept this,” {LAST} told reporters in {LOC}.",
    "{UNK} and {UNK} were among those detained, according to a lawyer for the families.",
    "Security forces arrested {NUM} suspects linked to {ORG} in raids across {LOC} and {LOC}.",
    "On {DAY}, {PER} travelled to {LOC} for meetings with {PERV}.",
    "It was not immediately clear whether {ORG} was involved.",
    "{ORG} has denied any role in the killing of {UNK}, a local journalist.",
    "The United Nations said it was concerned about the humanitarian situation in {LOC}.",
    "{PERV}, who was sanctioned in {YEAR}, is believed to be hiding in {LOC}.",
    "A convoy carrying aid to {LOC} was stopped at a checkpoint run by {ORG} — the third such incident this month.",
    "{UNK}, {ROLE} {ORG}, said the group had lost {NUM} fighters since {YEAR}.",
    "Officials in {LOC} said {PER} had been moved to a hospital in {LOC}.",
    "The ministry said {NUM} soldiers were killed when their patrol was ambushed outside {LOC}.",
    "Prices of bread and fuel in {LOC} have more than doubled since {MONTH}, residents said.",
    "{LAST}'s supporters gathered outside the court on {DAY}.",
    "Mr. {LAST} has denied the accusations.",
    "The report, by researchers at {ORG}, named {PER} and {UNK} as key intermediaries.",
]
HEADLINES = [
    "{LOC} Strike Kills {NUM} as {ORG} Vows Revenge",
    "{PER} Meets Envoy in {LOC} Amid Tensions",
    "Talks Between {ORG} and {LOC} Officials Stall",
    "Who Is {PER}? The Man Behind {ORG}",
    "Explosions Rock {LOC} Overnight",
]


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in name)


class CorpusMaker:
    """Deterministic news-like documents over the built-in gazetteer."""

    def __init__(self, gazetteer: Any, seed: int = SEED) -> None:
        from canonym import fold

        self.rng = random.Random(seed)
        pools: dict[str, list[str]] = {"PER": [], "ORG": [], "LOC": []}
        for entity in gazetteer:
            if entity.type in pools:
                pools[entity.type].extend(n for n in (entity.name, *entity.strong) if _latin(n))
        for pool in pools.values():
            pool.sort()
        self.pools = pools
        rng = random.Random(seed + 1)
        index = gazetteer.index
        variants: list[str] = []
        for name in rng.sample(pools["PER"], min(3000, len(pools["PER"]))):
            variant = transliteration_variant(name, rng)
            if variant is not None and fold(variant) not in index.folded:
                variants.append(variant)
        self.variants = variants or pools["PER"]
        generator = NameGenerator(seed + 2)
        unknown = set()
        for _ in range(8000):
            name = generator.name()
            if fold(name) not in index.folded:
                unknown.add(name)
        self.unknown = sorted(unknown)
        self.last = "Smith"

    def _person(self, pool: Sequence[str]) -> str:
        name = self.rng.choice(pool)
        words = name.replace("-", " ").split()
        if len(words) >= 2:
            self.last = words[-1]
        return name

    def _fill(self, template: str) -> str:
        rng = self.rng

        def slot(match: re.Match[str]) -> str:
            kind = match.group(1)
            if kind == "PER":
                return self._person(self.pools["PER"])
            if kind == "PERV":
                return self._person(self.variants)
            if kind == "UNK":
                return self._person(self.unknown)
            if kind == "LAST":
                return self.last
            if kind in ("ORG", "LOC"):
                return rng.choice(self.pools[kind])
            if kind == "ROLE":
                return rng.choice(ROLES)
            if kind == "DAY":
                return rng.choice(DAYS)
            if kind == "MONTH":
                return rng.choice(MONTHS)
            if kind == "NUM":
                return str(rng.randint(2, 90))
            if kind == "YEAR":
                return str(rng.randint(1990, 2024))
            raise KeyError(kind)

        return _SLOT.sub(slot, template)

    def document(self) -> str:
        """One document: headline, dateline, 2-6 paragraphs of 2-5 sentences."""
        rng = self.rng
        headline = self._fill(rng.choice(HEADLINES))
        place = rng.choice(self.pools["LOC"]).upper()
        dateline = f"{place}, {rng.choice(MONTHS)} {rng.randint(1, 28)} ({rng.choice(AGENCIES)}) — "
        paragraphs = []
        for p in range(rng.randint(2, 6)):
            sentences = [self._fill(rng.choice(SENTENCES)) for _ in range(rng.randint(2, 5))]
            paragraphs.append((dateline if p == 0 else "") + " ".join(sentences))
        return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"

    def corpus(self, megabytes: float) -> list[tuple[str, str]]:
        """``(doc_id, text)`` documents until their UTF-8 size reaches ``megabytes``."""
        target = int(megabytes * 1e6)
        documents: list[tuple[str, str]] = []
        size = 0
        while size < target:
            text = self.document()
            documents.append((f"doc{len(documents):06d}", text))
            size += len(text.encode("utf-8"))
        return documents


_SLOT = re.compile(r"\{([A-Z]+)\}")


def corpus_bytes(documents: Iterable[tuple[str, str]]) -> int:
    """UTF-8 size of the documents' texts."""
    return sum(len(text.encode("utf-8")) for _, text in documents)


def timed(function: Callable[[], Any]) -> tuple[Any, float, float]:
    """Run ``function``; return its result, wall seconds and CPU seconds of this process."""
    c0, t0 = time.process_time(), time.perf_counter()
    result = function()
    return result, time.perf_counter() - t0, time.process_time() - c0


def rate_row(label: str, nbytes: int, ndocs: int, wall: float, cpu: float, extra: str = "") -> dict[str, Any]:
    """One row of the results table."""
    return {
        "label": label,
        "mb": nbytes / 1e6,
        "docs": ndocs,
        "seconds": wall,
        "mb_s": nbytes / 1e6 / wall if wall else 0.0,
        "docs_s": ndocs / wall if wall else 0.0,
        "cpu_s": cpu,
        "mb_s_cpu": nbytes / 1e6 / cpu if cpu else 0.0,
        "extra": extra,
    }


def tag_in_process(
    resolver_factory: Callable[[], Any], documents: list[tuple[str, str]], label: str
) -> tuple[dict[str, Any], list[Any]]:
    """Time a fresh Tagger over ``documents`` (its build time is reported apart)."""
    from canonym.corpus.tagger import Tagger

    clear_caches()
    tagger, build_s, _ = timed(lambda: Tagger(resolver_factory()))
    mentions, wall, cpu = timed(lambda: tagger.tag_documents(documents))
    methods = Counter(m.method for m in mentions)
    extra = f"{len(mentions):,} mentions ({len(mentions) / wall:,.0f}/s); tagger built in {build_s:.2f}s; " + ", ".join(
        f"{k} {v / max(len(mentions), 1):.0%}" for k, v in methods.most_common()
    )
    row = rate_row(label, corpus_bytes(documents), len(documents), wall, cpu, extra)
    row["mentions"] = len(mentions)
    row["methods"] = dict(methods)
    row["build_s"] = build_s
    return row, mentions


def lower_split(documents: list[tuple[str, str]]) -> dict[str, Any]:
    """Reference: lowercase and split each document."""

    def run() -> int:
        return sum(len(text.lower().split()) for _, text in documents)

    words, wall, cpu = timed(run)
    return rate_row(
        "reference: lower().split()", corpus_bytes(documents), len(documents), wall, cpu, f"{words:,} words"
    )


def spacy_phrase_matcher(aliases: list[str], documents: list[tuple[str, str]]) -> dict[str, Any] | None:
    """spaCy PhraseMatcher(attr=LOWER) over the same aliases, ``make_doc`` per document."""
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        return None
    nlp = spacy.blank("en")

    def build() -> Any:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("GAZETTEER", list(nlp.tokenizer.pipe(aliases)))
        return matcher

    matcher, build_s, _ = timed(build)

    def run() -> int:
        found = 0
        for _, text in documents:
            found += len(matcher(nlp.make_doc(text)))
        return found

    matches, wall, cpu = timed(run)
    return rate_row(
        f"spaCy {spacy.__version__} PhraseMatcher",
        corpus_bytes(documents),
        len(documents),
        wall,
        cpu,
        f"{matches:,} matches; {len(aliases):,} patterns built in {build_s:.2f}s",
    )


def canonym_command() -> list[str]:
    """The ``canonym`` console script of this interpreter (or the module entry point)."""
    script = Path(sys.executable).with_name("canonym")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from canonym.cli import main; main()"]


def cli_folder(documents: list[tuple[str, str]], workdir: Path, cache: Path) -> dict[str, Any]:
    """``canonym tag FOLDER --out mentions.parquet`` in a fresh process."""
    folder = workdir / "docs"
    folder.mkdir()
    for doc_id, text in documents:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = workdir / "mentions.parquet"
    env = {**os.environ, "CANONYM_CACHE": str(cache)}
    command = [*canonym_command(), "tag", str(folder), "--out", str(out)]
    t0 = time.perf_counter()
    usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = 0.0
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
        stderr_chunks: list[str] = []
        reader = threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read() if process.stderr else ""))
        reader.start()
        while process.poll() is None:
            # The child's own high-water mark (ru_maxrss of children would also count the
            # parent's pages the forked child held before exec).
            value = peak_rss_mb(process.pid)
            peak = max(peak, value) if value == value else peak
            time.sleep(0.1)
        reader.join()
    wall = time.perf_counter() - t0
    usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = "".join(stderr_chunks)
    if process.returncode != 0:
        raise RuntimeError(f"canonym tag failed ({process.returncode}):\n{stderr[-2000:]}")
    cpu = (usage1.ru_utime + usage1.ru_stime) - (usage0.ru_utime + usage0.ru_stime)
    import polars as pl

    rows = pl.scan_parquet(out).select(pl.len()).collect().item()
    summary = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    row = rate_row(
        "canonym tag FOLDER --out x.parquet (CLI)",
        corpus_bytes(documents),
        len(documents),
        wall,
        cpu,
        f"{rows:,} rows, {out.stat().st_size / 1e6:.1f} MB Parquet; peak RSS {peak:.0f} MB (sampled); [{summary}]",
    )
    row["maxrss_mb"] = peak
    shutil.rmtree(folder)
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run (< 20 s)")
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (UTF-8)")
    parser.add_argument("--spacy-mb", type=float, default=5.0, help="slice for spaCy and the same-slice canonym run")
    parser.add_argument("--no-cli", action="store_true", help="skip the canonym tag command")
    parser.add_argument("--no-spacy", action="store_true", help="skip spaCy")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.quick:
        args.mb = args.spacy_mb = min(args.mb, 0.1)  # spaCy and canonym on the same (whole) corpus

    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:6.1f}s  {message}", file=sys.stderr, flush=True)

    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="canonym-tag-bench-") as tmp:
        workdir = Path(tmp)
        cache = workdir / "cache"
        cache.mkdir()
        os.environ["CANONYM_CACHE"] = str(cache)
        import canonym

        gazetteer, load_s, _ = timed(canonym.Gazetteer.builtin)
        log(
            f"built-in gazetteer: {len(gazetteer):,} entities, {len(gazetteer.index):,} aliases, loaded in {load_s:.2f}s (cold)"
        )

        maker, prep_s, _ = timed(lambda: CorpusMaker(gazetteer))
        documents, gen_s, _ = timed(lambda: maker.corpus(args.mb))
        nbytes = corpus_bytes(documents)
        log(f"corpus: {len(documents):,} documents, {nbytes / 1e6:.1f} MB in {prep_s + gen_s:.1f}s")
        rss_before = peak_rss_mb()

        rows.append(lower_split(documents))
        full, mentions = tag_in_process(lambda: canonym.Resolver(gazetteer), documents, "canonym Tagger.tag_documents")
        rows.append(full)
        distinct = len({m.surface for m in mentions})
        del mentions
        rss_after = peak_rss_mb()
        log(f"tagged in process: {full['mb_s']:.2f} MB/s")

        slice_docs: list[tuple[str, str]] = []
        size = 0
        for doc in documents:
            if size >= args.spacy_mb * 1e6:
                break
            slice_docs.append(doc)
            size += len(doc[1].encode("utf-8"))
        spacy_row = same_row = None
        if args.no_spacy:
            notes.append("spaCy: skipped (--no-spacy)")
        else:
            spacy_row = spacy_phrase_matcher(list(gazetteer.index.alias_text), slice_docs)
            if spacy_row is None:
                notes.append("spaCy: not installed; its line is skipped (pip install spacy, or the 'bench' extra)")
            else:
                rows.append(spacy_row)
                if len(slice_docs) < len(documents):
                    same, _ = tag_in_process(
                        lambda: canonym.Resolver(gazetteer), slice_docs, "canonym Tagger, same slice"
                    )
                else:
                    same = full
                same_row = same
                if same is not full:
                    rows.append(same)
                log(f"spaCy {spacy_row['mb_s']:.2f} MB/s, canonym same slice {same['mb_s']:.2f} MB/s")

        if not args.no_cli:
            rows.append(cli_folder(documents, workdir, cache))
            log("CLI done")

    print("")
    print(f"== Tagging speed: {len(documents):,} documents, {nbytes / 1e6:.1f} MB, one process ==")
    print(f"{'':44} {'MB':>6} {'docs':>7} {'s':>7} {'MB/s':>7} {'docs/s':>8} {'MB/s/cpu':>8}")
    for row in rows:
        print(
            f"{row['label']:44} {row['mb']:>6.1f} {row['docs']:>7,} {row['seconds']:>7.2f} {row['mb_s']:>7.2f} "
            f"{row['docs_s']:>8,.0f} {row['mb_s_cpu']:>8.2f}"
        )
        if row["extra"]:
            print(f"{'':6}{row['extra']}")
    for note in notes:
        print(note)
    print("")
    print("== Ratios ==")
    if spacy_row is not None and same_row is not None:
        print(f"  canonym / spaCy PhraseMatcher, same slice:   {same_row['mb_s_cpu'] / spacy_row['mb_s_cpu']:.2f}x")
        print(f"  canonym (full corpus) / spaCy PhraseMatcher: {full['mb_s_cpu'] / spacy_row['mb_s_cpu']:.2f}x")
    print(f"  canonym / lower().split() reference:         {full['mb_s_cpu'] / rows[0]['mb_s_cpu']:.3f}x")
    print("  (ratios of MB per CPU second: one core each, robust to other work on the machine)")
    print("")
    print(f"distinct surfaces tagged: {distinct:,}")
    print(
        f"peak RSS: {rss_before:.0f} MB with the corpus in memory, {rss_after:.0f} MB after tagging it "
        f"(+{rss_after - rss_before:.0f} MB for the tagger, its caches and the mention list)"
    )
    print(f"total {time.perf_counter() - started:.1f}s")
    if args.json:
        args.json.write_text(
            json.dumps({"rows": rows, "notes": notes, "rss_before_mb": rss_before, "rss_after_mb": rss_after}, indent=2)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
