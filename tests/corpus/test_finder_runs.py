"""Capitalised runs are found from their first capital, and a particle before it is taken
back in: the same runs as the plain pattern (``_SEQUENCE``) finds, but for a Spanish "el"
after a lowercase word ("en el Catatumbo"), which opens no name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canonym.corpus.finder import _PARTICLE_TAILS, _SEQUENCE, _SEQUENCE_FAST, _is_spanish_article, _particle_start

#: Pieces of names, particles, Arabic script, initials and near misses, to string together.
_PARTICLES = ["al-", "al ", "Al-", "el-", "bin ", "ibn ", "abu ", "ash-", "as-", "an-", "at ", "ad-", "az-", "abd "]
_WORDS = ["Baghdadi", "Abu", "Bakr", "U.S.", "A.", "D.C.", "ʿAdl", "Ḥasan", "ā", "É", "Xal-Y", "sAl", "ran", "Yy", "x"]
_ARABIC = ["مدينة", "خامنه\u200cای", "\u200c", " ب "]
_MARKS = ["ʾ", "'", "’", "-", "\u2010", "\u2011", " ", "  ", "\n", "the ", "of ", "de ", "van ", "ould ", "9", ".", ","]
PIECES = [*_PARTICLES, *_WORDS, *_ARABIC, *_MARKS]


def fast_spans(text: str) -> list[tuple[int, int]]:
    """The runs as :meth:`NameFinder.shapes` finds them."""
    spans = []
    previous_end = 0
    for match in _SEQUENCE_FAST.finditer(text):
        start = match.start()
        if text[start - 3 : start] in _PARTICLE_TAILS:
            start = _particle_start(text, start, previous_end)
        spans.append((start, match.end()))
        previous_end = match.end()
    return spans


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30).map("".join))
def test_same_runs_as_the_plain_pattern(text: str) -> None:
    assert fast_spans(text) == [plain_span(text, m.start(), m.end()) for m in _SEQUENCE.finditer(text)]


def plain_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A run of the plain pattern, without the Spanish article that opens it."""
    if text.startswith("el ", start) and _is_spanish_article(text, start):
        return start + 3, end
    return start, end


def test_a_spanish_article_after_a_lowercase_word_opens_no_run() -> None:
    assert fast_spans("al el Baghdadi") == [(6, 14)]
    assert fast_spans("Abdel Fattah el Sisi") == [(0, 20)]


def test_a_run_opened_by_a_particle() -> None:
    text = "Abu Bakr al-Baghdadi met al-Zawahiri and bin Laden; ash-Shami, xal-Y."
    assert fast_spans(text) == [m.span() for m in _SEQUENCE.finditer(text)]
    assert text[slice(*fast_spans(text)[1])] == "al-Zawahiri"
