"""Scale: `canonym tag --workers N` over growing generated corpora, time and peak memory.

For each corpus size (10 MB, 100 MB and 1 GB by default) a JSON Lines corpus of news-like
documents is generated with ``tag_speed.CorpusMaker`` (fixed seed, written in chunks so the
generator never holds the corpus) and tagged by the ``canonym tag`` command into a Parquet
mention table, once with ``--workers 1`` and once with ``--workers 2``. Reported per run:

- wall seconds and MB/s (input bytes / wall time, process start and gazetteer load included);
- peak memory of the whole process tree, sampled every 0.2 s: the sum of the processes'
  proportional set size (PSS, so pages that forked workers share with the parent count
  once) and, beside it, the parent's own high-water RSS;
- the speed-up of 2 workers over 1, and whether the two tables are identical.

The curve should be flat in memory and linear in time. Bars (issue 6): 1 GB tagged with
peak memory <= 1.5 GB; 2 workers >= 1.7x one worker.

Usage::

    python benchmarks/scale.py                       # 10 MB, 100 MB, 1 GB (long)
    python benchmarks/scale.py --sizes 10 100
    python benchmarks/scale.py --quick               # 2 MB and 6 MB, smoke run
    python benchmarks/scale.py --json out.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tag_speed import CorpusMaker, canonym_command

BAR_PEAK_MB = 1500
BAR_SPEEDUP = 1.7
CHUNK_MB = 5.0


def write_corpus(path: Path, megabytes: float, seed: int) -> tuple[int, int]:
    """Generate ``megabytes`` of documents into a JSON Lines file; return (bytes, documents)."""
    from canonym import Gazetteer

    maker = CorpusMaker(Gazetteer.load())
    maker.rng.seed(seed)
    written = documents = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < megabytes * 1e6:
            for _, text in maker.corpus(min(CHUNK_MB, megabytes - written / 1e6)):
                line = json.dumps({"id": f"doc{documents:08d}", "text": text}, ensure_ascii=False)
                handle.write(line + "\n")
                written += len(text.encode("utf-8"))
                documents += 1
    return written, documents


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        stack.extend(_children(current))
    return pids


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_tag(corpus: Path, out: Path, workers: int, cache: Path) -> dict[str, Any]:
    """One ``canonym tag`` run in a fresh process, with its peak memory sampled."""
    command = [*canonym_command(), "tag", str(corpus), "--out", str(out), "--workers", str(workers)]
    env = {**os.environ, "CANONYM_CACHE": str(cache)}
    peak_pss = peak_hwm = 0.0
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as process:
        while process.poll() is None:
            pids = _tree(process.pid)
            peak_pss = max(peak_pss, sum(_pss_mb(p) for p in pids))
            peak_hwm = max(peak_hwm, _hwm_mb(process.pid))
            time.sleep(0.2)
        stderr = process.stderr.read() if process.stderr else ""
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"canonym tag failed ({process.returncode}):\n{stderr[-2000:]}")
    return {
        "workers": workers,
        "seconds": round(wall, 2),
        "peak_pss_mb": round(peak_pss),
        "parent_hwm_mb": round(peak_hwm),
        "summary": stderr.strip().splitlines()[-1] if stderr.strip() else "",
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 100, 1000], help="corpus sizes in MB")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--quick", action="store_true", help="2 MB and 6 MB only")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args(argv)
    sizes = [2.0, 6.0] if args.quick else args.sizes
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="canonym-scale-") as tmp:
        work = Path(tmp)
        cache = work / "cache"
        for size in sizes:
            corpus = work / f"corpus-{size:g}mb.jsonl"
            t0 = time.perf_counter()
            nbytes, ndocs = write_corpus(corpus, size, args.seed)
            print(f"# {size:g} MB: {ndocs:,} documents generated in {time.perf_counter() - t0:.0f}s", flush=True)
            by_workers: dict[int, dict[str, Any]] = {}
            for workers in args.workers:
                row = run_tag(corpus, work / f"out-{workers}.parquet", workers, cache)
                row.update(size_mb=round(nbytes / 1e6, 1), documents=ndocs, mb_per_s=round(nbytes / 1e6 / row["seconds"], 2))
                by_workers[workers] = row
                rows.append(row)
                print(json.dumps(row), flush=True)
            one = by_workers.get(1)
            for workers, row in by_workers.items():
                if one is not None and workers != 1:
                    row["speedup"] = round(one["seconds"] / row["seconds"], 2)
                    row["same_table_as_1_worker"] = row["sha256"] == one["sha256"]
            corpus.unlink()
    print()
    print("| MB | docs | workers | seconds | MB/s | peak PSS MB (tree) | parent HWM MB | speed-up | same table |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(
            f"| {row['size_mb']:g} | {row['documents']:,} | {row['workers']} | {row['seconds']:.1f} | {row['mb_per_s']:.2f} "
            f"| {row['peak_pss_mb']} | {row['parent_hwm_mb']} | {row.get('speedup', '')} | {row.get('same_table_as_1_worker', '')} |"
        )
    largest = max(rows, key=lambda r: r["size_mb"])
    speedups = [r["speedup"] for r in rows if "speedup" in r and r["size_mb"] == largest["size_mb"]]
    peak = max(r["peak_pss_mb"] for r in rows if r["size_mb"] == largest["size_mb"])
    print()
    print(f"largest corpus {largest['size_mb']:g} MB: peak memory {peak} MB (bar {BAR_PEAK_MB} MB at 1 GB); "
          f"2-worker speed-up {speedups[0] if speedups else 'n/a'} (bar {BAR_SPEEDUP}x)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
