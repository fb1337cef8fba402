"""The benchmark gate: ``benchmarks/run.py --check`` passes against the frozen reference.

The check re-runs canonym on the test split and on the name labels and exits 1 when a test
score falls more than 0.005 below ``benchmarks/runs/reference-frozen.json`` or when a STRONG
name label that passed there now fails (GUIDE.md section 2, gate 5).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
REFERENCE = ROOT / "benchmarks" / "runs" / "reference-frozen.json"


@pytest.mark.corpus
def test_benchmark_check_passes() -> None:
    assert REFERENCE.is_file(), f"no frozen reference at {REFERENCE}; run `python benchmarks/run.py --freeze`"
    result = subprocess.run(
        [sys.executable, str(RUN), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    check_part = result.stdout[result.stdout.find("## Check against the frozen reference") :]
    assert result.returncode == 0, f"benchmarks/run.py --check failed:\n{check_part}\n{result.stderr[-3000:]}"
    assert "run.py --check: OK" in result.stdout
