"""The tagger asks the resolver as little as it can without changing an answer."""

from __future__ import annotations

import pytest

from canonym import Tagger

pytestmark = pytest.mark.corpus

TEXT = (
    "Ramadan Shalla met Narges Khamenei and Fahd al-Kidani in Tehran.\n"
    "KHAN YUNIS, July 3 (AP) — Hashd al-Shaabi Vows Revenge after Ali Ardasher Larijani spoke.\n"
    "Hemza al-Darnavi and Salim al-Baghdadi left Najaf Governorate Strike Kills Mosul."
)


def test_whole_shapes_are_linked_as_the_sure_tiers_link_them() -> None:
    """_links_whole reads the full resolver's answer when it has one from the exact, alias
    or key tier (or none at all); it must agree with a resolver without the fuzzy tier."""
    tagger = Tagger()
    tagger.tag(TEXT)
    assert tagger._whole
    for surface, linked in tagger._whole.items():
        match = tagger._sure_resolver.resolve(surface)
        assert linked == (match is not None and match.entity is not None and match.score >= 0.9), surface
