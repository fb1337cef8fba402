"""The atheris harness of ``fuzz/`` still runs: seeds, then a short bounded fuzzing session.

Skipped where atheris is not installed (it is the optional ``fuzz`` extra, not a test
dependency); the seeded runs of ``test_fuzz.py`` are what CI relies on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "fuzz" / "fuzz_canonym.py"


def test_seed_corpus_round_trips(tmp_path: Path) -> None:
    sys.path.insert(0, str(HARNESS.parent))
    try:
        from fuzz_canonym import TARGETS, decode, encode, write_seeds
    finally:
        sys.path.remove(str(HARNESS.parent))
    write_seeds(tmp_path, count=40)
    seeds = sorted(tmp_path.iterdir())
    assert len(seeds) == 40
    targets = {decode(path.read_bytes())[0] for path in seeds}
    assert targets == set(TARGETS)
    for target in TARGETS:
        for text in ("", "Sayf al-Adl", "\ud800 lone", "ﷺ 👨‍👩‍👧"):
            assert decode(encode(target, text)) == (target, text)


def test_harness_runs_a_bounded_session(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(HARNESS), "--seed", str(corpus)], check=True, timeout=120)
    result = subprocess.run(
        [sys.executable, str(HARNESS), str(corpus), "-runs=600", "-seed=1", "-timeout=20", "-rss_limit_mb=4096"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 600 runs" in result.stderr
