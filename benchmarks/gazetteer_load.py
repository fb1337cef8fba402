"""Gazetteer load times: the built-in gazetteer into a ready Resolver, and a 100k-name table.

Every load runs in a fresh interpreter (``python -c``), timed from before ``import canonym``
to a Resolver that has resolved one name:

- **cold**: an empty ``CANONYM_CACHE`` folder, so the YAML records are read, validated and
  indexed, and the index is written to the cache;
- **warm**: a second fresh process on the same cache folder (the index is read back from the cache file).

Cold loads run ``--repeats`` times (a new empty cache each), warm loads ``--warm-repeats``
times; the median is reported. The same is done for a generated user gazetteer of 100k names
(``Gazetteer.load(tsv, builtin=False)``; see ``resolve_speed.py`` for the generator). The
built-in data is still growing, so its counts change from run to run.

Bars: built-in warm <= 0.3 s, cold <= 3 s; 100k names <= 2 s.

Usage::

    python benchmarks/gazetteer_load.py
    python benchmarks/gazetteer_load.py --quick     # small smoke run (< 20 s)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_speed import SEED, generate_names, load_in_subprocess, warm_load, write_gazetteer

BAR_WARM = 0.3
BAR_COLD = 3.0
BAR_USER_100K = 2.0


def load_average() -> str:
    """The machine's load averages, or '?' where the platform has none."""
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def median_of(runs: list[dict[str, Any]], key: str) -> float:
    """Median of one figure over runs (NaN when the runs do not have it)."""
    values = [r[key] for r in runs if key in r]
    return statistics.median(values) if values else float("nan")


def seconds(value: float, width: int = 7) -> str:
    """A figure in seconds, or '-'."""
    return f"{'-':>{width}}" if value != value else f"{value:>{width}.3f}"


def cold_runs(what: str, workdir: Path, repeats: int, label: str, *extra: str) -> list[dict[str, Any]]:
    """``repeats`` loads, each into its own empty cache folder."""
    runs = []
    for i in range(repeats):
        cache = workdir / f"cold-{label}-{i}"
        cache.mkdir()
        runs.append(load_in_subprocess(what, cache, *extra))
    return runs


def warm_runs(what: str, cache: Path, repeats: int, *extra: str) -> list[dict[str, Any]]:
    """``repeats`` loads from a cache folder that already holds the index."""
    return [warm_load(what, cache, *extra) for _ in range(repeats)]


def builtin_counts() -> dict[str, Any]:
    """Entity, alias and index counts of the built-in gazetteer (this process's cache)."""
    import canonym

    gazetteer = canonym.Gazetteer.builtin()
    index = gazetteer.index
    entities = list(gazetteer)
    return {
        "entities": len(entities),
        "by_type": dict(sorted(Counter(e.type for e in entities).items())),
        "names_strong": sum(1 + len(e.strong) for e in entities),
        "names_weak": sum(len(e.weak) for e in entities),
        "index_aliases": len(index),
        "distinct_exact": len(index.exact),
        "distinct_keys": len(index.keyed),
        "token_postings": len(index.by_token),
        "partial_keys": len(index.partial),
    }


def row(label: str, runs: list[dict[str, Any]]) -> str:
    """One table line: medians of the runs."""
    hits = sum(1 for r in runs if r.get("cache_hit"))
    return (
        f"{label:34} {len(runs):>4} {seconds(median_of(runs, 'import_s'))} {seconds(median_of(runs, 'load_s'))} "
        f"{seconds(median_of(runs, 'ready_s'))} {seconds(median_of(runs, 'ready_cpu_s'))} {seconds(median_of(runs, 'process_s'), 8)} "
        f"{median_of(runs, 'maxrss_mb'):>6.0f}MB"
        f"  {hits if 'cache_hit' in runs[0] else '-'}/{len(runs)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run (< 20 s)")
    parser.add_argument("--names", type=int, default=100_000, help="size of the generated user gazetteer")
    parser.add_argument("--repeats", type=int, default=3, help="cold loads (median)")
    parser.add_argument("--warm-repeats", type=int, default=5, help="warm loads (median)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    if args.quick:
        args.names, args.repeats, args.warm_repeats = min(args.names, 5_000), 1, 2

    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:6.1f}s  {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="canonym-load-bench-") as tmp:
        workdir = Path(tmp)
        empty = workdir / "empty"
        empty.mkdir()
        baseline = [load_in_subprocess("none", empty) for _ in range(1 if args.quick else 3)]

        builtin_cold = cold_runs("builtin", workdir, args.repeats, "builtin", "tagger")
        warm_cache = workdir / "cold-builtin-0"
        builtin_warm = warm_runs("builtin", warm_cache, args.warm_repeats, "tagger")
        log("built-in gazetteer timed")
        os.environ["CANONYM_CACHE"] = str(warm_cache)
        counts = builtin_counts()

        names = generate_names(args.names, SEED + args.names)
        table = workdir / f"user-{args.names}.tsv"
        write_gazetteer(names, table)
        log(f"{args.names:,}-name table written ({table.stat().st_size / 1e6:.1f} MB)")
        user_cold = cold_runs(str(table), workdir, args.repeats, "user")
        user_warm = warm_runs(str(table), workdir / "cold-user-0", args.warm_repeats)
        log("user gazetteer timed")

    print("")
    print("== Built-in gazetteer ==")
    print(f"  entities: {counts['entities']:,} ({', '.join(f'{k} {v:,}' for k, v in counts['by_type'].items())})")
    print(
        f"  names: {counts['names_strong']:,} strong (canonical included), {counts['names_weak']:,} weak; "
        f"index: {counts['index_aliases']:,} aliases, {counts['distinct_exact']:,} distinct exact forms, "
        f"{counts['distinct_keys']:,} distinct keys, {counts['token_postings']:,} token postings, "
        f"{counts['partial_keys']:,} partial-name keys"
    )
    print("")
    print("== Load into a ready Resolver, fresh process each (medians, seconds) ==")
    print(
        f"{'':34} {'runs':>4} {'import':>7} {'load':>7} {'ready':>7} {'cpu':>7} {'process':>8} {'RSS':>8}  cache hits"
    )
    print(row("import canonym only", baseline))
    print(row("built-in, cold (empty cache)", builtin_cold))
    print(row("built-in, warm", builtin_warm))
    print(row(f"{args.names:,} names TSV, cold", user_cold))
    print(row(f"{args.names:,} names TSV, warm", user_warm))
    tagger_cold, tagger_warm = median_of(builtin_cold, "tagger_s"), median_of(builtin_warm, "tagger_s")
    print(
        f"  then Tagger(resolver) (name finder automaton): {tagger_cold:.3f}s after a cold load, {tagger_warm:.3f}s warm"
    )
    print("  ready = from before `import canonym` to a Resolver that resolved one name; cpu = CPU seconds of the")
    print("  process until then (all threads; compare with ready when the machine is busy); process = the whole")
    print("  interpreter run; a warm run that was no cache hit (the code changed meanwhile) is retried.")
    if any(not r.get("cache_hit") for r in builtin_warm + user_warm):
        print("  NOTE: some warm loads still rebuilt the index (canonym's sources changed during the run)")

    checks = [
        (f"built-in warm ready <= {BAR_WARM}s", median_of(builtin_warm, "ready_s"), BAR_WARM),
        (f"built-in cold ready <= {BAR_COLD}s", median_of(builtin_cold, "ready_s"), BAR_COLD),
        (f"{args.names:,} names cold load <= {BAR_USER_100K}s", median_of(user_cold, "load_s"), BAR_USER_100K),
        (f"{args.names:,} names warm load <= {BAR_USER_100K}s", median_of(user_warm, "load_s"), BAR_USER_100K),
    ]
    print("")
    print("== Bars ==")
    for label, value, bar in checks:
        print(f"  {'PASS' if value <= bar else 'FAIL'}  {label}: {value:.3f}s ({value / bar:.1f}x the bar)")
    print(f"\ntotal {time.perf_counter() - started:.1f}s; load average (1/5/15 min) {load_average()}")
    print("(on a busy machine wall times stretch; the cpu column shows the work done)")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "counts": counts,
                    "baseline": baseline,
                    "builtin_cold": builtin_cold,
                    "builtin_warm": builtin_warm,
                    "user_names": args.names,
                    "user_cold": user_cold,
                    "user_warm": user_warm,
                    "checks": [(label, value, bar, value <= bar) for label, value, bar in checks],
                },
                indent=2,
            )
        )
    return 1 if args.strict and not all(value <= bar for _, value, bar in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
