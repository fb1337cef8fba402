"""Inverted names ("AL-SHARABI, Nabil") are searched for only near the commas they hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canonym.corpus.finder import _INVERTED, _inverted_spans

#: Pieces that make sanctions-list lines, datelines and near misses when strung together.
PIECES = ["AL-SHARABI", "QORANE", "ABU BAKR AL BAGHDADI", ", ", ",", " ", "-", "Nabil", "Abd al-Wahid", "O'NEIL", "’", "A", "x", "Yy", "\n", "MANCHESTER", "al-", "bin ", "AB" * 30, "A" * 45, ", Ab"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=30).map("".join))
def test_same_spans_as_a_scan_of_the_whole_text(text: str) -> None:
    assert _inverted_spans(text) == [m.span() for m in _INVERTED.finditer(text)]


def test_a_surname_as_long_as_the_pattern_allows() -> None:
    surname = "-".join(["A" * 20, "B" * 39]) + " " + " ".join(["C" * 40] * 4)
    text = f"x {surname}, Nabil Ahmad and {surname}, Given."
    assert _inverted_spans(text) == [m.span() for m in _INVERTED.finditer(text)]
    assert len(_inverted_spans(text)) == 2
