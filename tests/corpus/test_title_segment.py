"""The title-case test of the segment around a name looks only as far as a title can reach,
and answers as the plain definition does: the part of the name's line between separators."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from canonym.corpus.tagger import _SEGMENT_REACH, _SEPARATOR, _is_title_case, _is_title_case_segment

_WORDS = ["Gulf ", "Policy ", "Forum ", "Analysis ", "Ali ", "Iran ", "Security ", "the ", "said ", "X" * 90, "Y " * 40]
_MARKS = [" | ", " - ", " • ", " | | ", "\n", ". ", "-", "|", " — ", "2024"]


def plain(text: str, start: int, end: int) -> bool:
    """The segment of the line around ``text[start:end]`` between separators, title case?"""
    reach = max(0, start - _SEGMENT_REACH)
    line_start = text.rfind("\n", reach, start) + 1 or reach
    line_end = text.find("\n", end, end + _SEGMENT_REACH)
    if line_end == -1:
        line_end = min(len(text), end + _SEGMENT_REACH)
    separators = list(_SEPARATOR.finditer(text, line_start, start))
    left = separators[-1].end() if separators else line_start
    found = _SEPARATOR.search(text, end, line_end)
    # A dash with a lowercase word on its other side is a sentence's, no header's.
    if separators and separators[-1].group()[1] in "–—-" and re.search(r"\b[a-z]+\Z", text[line_start : separators[-1].start()]):
        return False
    if found is not None and found.group()[1] in "–—-" and text[found.end() : found.end() + 1].islower():
        return False
    return _is_title_case(text[left : found.start() if found is not None else line_end])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _MARKS), max_size=40).map("".join), st.data())
def test_same_answer_as_the_plain_definition(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _is_title_case_segment(text, start, end) == plain(text, start, end)
