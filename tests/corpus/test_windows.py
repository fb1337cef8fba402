"""Long documents tagged window by window: the cuts, the offsets, the one documented difference."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import Tagger
from canonym.corpus.windows import tag_long_document, windows

pytestmark = pytest.mark.corpus


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.text(st.sampled_from("ab \n."), max_size=300), st.integers(min_value=2, max_value=40))
def test_windows_cover_the_text_in_order_within_the_size(text: str, size: int) -> None:
    cuts = list(windows(text, size))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    for (_, end), (start, _) in pairwise(cuts):
        assert end == start
    assert all(0 < end - start <= size for start, end in cuts) or text == ""


def test_windows_end_at_the_best_break_in_their_second_half() -> None:
    assert list(windows("aaaa bbbb. cccc\n\ndddd eeee", 20)) == [(0, 17), (17, 26)]  # paragraph
    assert list(windows("aaaa bbbb cc. d\ndd eeee", 20)) == [(0, 16), (16, 23)]  # a line break before a sentence end
    assert list(windows("aaaa bbbb cccc. dddd eeee", 20)) == [(0, 16), (16, 25)]  # a sentence end
    assert list(windows("aaaa\nbbbb cccc dddd eeee", 20)) == [(0, 20), (20, 24)]  # breaks in the first half do not count
    assert list(windows("aaaa bbbb cccc dddd eeee", 20)) == [(0, 20), (20, 24)]  # a space
    assert list(windows("x" * 25, 10)) == [(0, 10), (10, 20), (20, 25)]  # no break at all: a hard cut
    assert list(windows("short", 10)) == [(0, 5)]
    with pytest.raises(ValueError, match="at least 2"):
        list(windows("text", 1))


def test_windowed_tagging_keeps_every_mention_and_offset(tagger: Tagger) -> None:
    paragraphs = [
        "Sayf al-Adl met Qassem Soleimani in Tehran.",
        "Hezbollah and the Houthis met in Sanaa.",
        "Ayman al-Zawahiri was killed in Kabul.",
    ] * 4
    text = "\n\n".join(paragraphs)
    whole = tag_long_document(tagger, "d", text, size=len(text))
    windowed = tag_long_document(tagger, "d", text, size=120)
    assert len(list(windows(text, 120))) > 5
    assert [(m.start, m.end, m.surface, m.entity_id) for m in windowed] == [
        (m.start, m.end, m.surface, m.entity_id) for m in whole
    ]
    assert all(text[m.start : m.end] == m.surface for m in windowed)


def test_a_partial_name_is_settled_within_its_window_only(tagger: Tagger) -> None:
    # The one documented difference (README, Limits): coreference does not cross windows.
    text = "Qassem Soleimani spoke in Raqqa.\n\n" + "the talks went on. " * 10 + "\n\nSoleimani left."
    whole = [(m.surface, m.method) for m in tagger.tag(text, "d")]
    assert ("Soleimani", "coref") in whole
    windowed = tag_long_document(tagger, "d", text, size=100)
    assert len(list(windows(text, 100))) > 2
    assert all(text[m.start : m.end] == m.surface for m in windowed)
    assert [m.surface for m in windowed] == [surface for surface, _ in whole]
    assert ("Soleimani", "coref") not in [(m.surface, m.method) for m in windowed]
