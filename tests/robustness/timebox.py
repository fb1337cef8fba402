"""A per-call time limit for the robustness tests (SIGPROF: main thread, POSIX only).

The limit is on the CPU time the process spends (``ITIMER_PROF``), not on the wall clock,
so a busy machine (other test runs, CI neighbours) does not make a test flaky: the budget
measures the work the code does. Regular-expression matching and Python code are
interrupted when the limit passes, so a catastrophic pattern fails its test in seconds
instead of hanging the run.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """Raised inside the timed code when its time is up."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block once it has used ``seconds`` of CPU time."""

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(f"still running after {seconds:g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def timed(seconds: float, function: Callable[[], T]) -> tuple[T, float]:
    """Run ``function`` under :func:`time_limit`; return its result and the CPU seconds it took."""
    started = time.process_time()
    with time_limit(seconds):
        result = function()
    return result, time.process_time() - started
