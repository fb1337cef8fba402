"""Determinism: the same input gives byte-identical outputs in every run, for any worker count.

Each run is a fresh process with its own string-hash seed (``PYTHONHASHSEED``: set and
dict-of-set orders change with it) and its own empty gazetteer cache (so the index is built
anew each time), as two runs on two machines would be. The fork workers of ``--workers``
inherit their parent's seed, so only separate processes show an order that leaks from a
set into an output. The input mixes the labelled corpus (known, unknown, ambiguous and
partial names) with seeded hostile documents and bad rows (so the errors table is compared
too); the mention table is compared as Parquet and as CSV.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from hostile import hostile_document

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"


def _run(tmp_path: Path, label: str, seed: int, inputs: list[str], workers: int) -> dict[str, bytes]:
    folder = tmp_path / label
    folder.mkdir()
    outputs = {"mentions.parquet": folder / "mentions.parquet", "errors.csv": folder / "errors.csv"}
    code = (
        "import sys; from canonym.cli import main; "
        "sys.argv = ['canonym', *sys.argv[1:]]; sys.exit(main())"
    )
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "CANONYM_CACHE": str(folder / "cache")}
    args = [*inputs, "--out", str(outputs["mentions.parquet"]), "--errors", str(outputs["errors.csv"]), "--workers", str(workers)]
    done = subprocess.run([sys.executable, "-c", code, "tag", *args], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    csv = folder / "mentions.csv"
    done = subprocess.run(
        [sys.executable, "-c", code, "tag", *inputs, "--out", str(csv)], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    return {name: path.read_bytes() for name, path in {**outputs, "mentions.csv": csv}.items()}


def test_outputs_are_byte_identical_across_processes_hash_seeds_and_workers(tmp_path: Path) -> None:
    rng = random.Random(17)
    table = tmp_path / "hostile.jsonl"
    rows = [json.dumps({"id": f"h{i}", "text": hostile_document(rng, strings=rng.randint(5, 40))}) for i in range(40)]
    rows += [json.dumps({"id": "h3", "text": "a duplicate id"}), "{not json", json.dumps({"id": "n", "text": None})]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    inputs = [str(CORPUS / "dev"), str(CORPUS / "test"), str(table)]
    first = _run(tmp_path, "first", 1, inputs, workers=1)
    assert first["mentions.parquet"] and first["errors.csv"].count(b"\n") >= 4
    again = _run(tmp_path, "second", 2, inputs, workers=2)
    for name, data in first.items():
        assert again[name] == data, f"{name} differs between two runs (hash seeds 1 and 2, workers 1 and 2)"
