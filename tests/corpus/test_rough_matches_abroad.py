"""Tagging through the public API: names the gazetteer meets only roughly, which a story
about another place or person does not take for the known one.
"""

from __future__ import annotations

import pytest

from canonym import Resolver, Tagger
from factory import entities_by_surface

pytestmark = pytest.mark.corpus


def test_common_given_names_are_not_met_roughly_by_a_known_persons_weak_alias() -> None:
    resolver = Resolver()
    # Hafiz Saeed is also written "Muhammad Saeed" (a weak alias); "Mohamed Saeed" is many men.
    assert resolver.resolve("Mohamed Saeed") is None
    assert resolver.resolve("Hafiz Muhammad Saeed").entity_id == "hafiz-saeed"  # type: ignore[union-attr]


def test_a_longer_place_name_met_roughly_abroad_is_the_documents_own_place(tagger: Tagger) -> None:
    text = "Soldiers clashed with NPA rebels in Samar and in the Bicol Region of the Philippines, the army said in Manila."
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("Manila") == "manila", mentions
    assert mentions.get("Bicol Region") is None, mentions  # not Somalia's Bakool region


def test_a_clergy_title_is_not_part_of_the_name(tagger: Tagger) -> None:
    text = "Pastor Andrew Brunson was freed in 2018. Bishop Matthew Kukah spoke in Sokoto."
    surfaces = {m.surface for m in tagger.tag(text, "d")}
    assert {"Andrew Brunson", "Matthew Kukah"} <= surfaces, surfaces
