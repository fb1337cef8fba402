"""fold_joined: many texts folded as one haystack, each seam a boundary no name crosses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import fold
from canonym.normalize.text import BOUNDARY, fold_joined

texts = st.lists(st.text(max_size=40) | st.sampled_from(["al-Qa’ida", "Straße ", " U.S. ", "", "ß\n", "سيف العدل"]), max_size=6)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_each_segment_is_the_fold_of_its_text(items: list[str]) -> None:
    folded, offsets = fold_joined(items)
    if not items:
        return
    segments = folded.text.split(BOUNDARY)
    assert [s.strip(" ") for s in segments] == [fold(t) for t in items]
    joined = "\n".join(items)
    assert offsets == [sum(len(t) + 1 for t in items[:k]) for k in range(len(items))]
    cursor = 0
    for k, segment in enumerate(segments):
        for i in range(cursor, cursor + len(segment)):
            assert offsets[k] <= folded.start(i) < offsets[k] + len(items[k])
            assert folded.start(i) < folded.end(i + 1) <= len(joined)
        cursor += len(segment) + 1


def test_a_phrase_does_not_run_across_the_seam() -> None:
    folded, offsets = fold_joined(["He left al-Qaeda", "in Iraq, they said."])
    assert "qaeda in iraq" not in folded.text
    assert folded.text.split(BOUNDARY) == ["he left al qaeda", "in iraq they said"]
    assert offsets == [0, 17]
