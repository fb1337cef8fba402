"""Tagging through the public API: a crime report's role word before a name, a name that
meets a known one only roughly at both ends or through an initial, and a name written in
official Japanese order or turned round within a story.
"""

from __future__ import annotations

import pytest

from canonym import Resolver, Tagger
from factory import clusters_by_surface, entities_by_surface

pytestmark = pytest.mark.corpus


def test_a_role_word_opening_a_sentence_is_not_part_of_the_name(tagger: Tagger) -> None:
    text = (
        "Defendant Karim Bouzid appeared in court on Monday. Witness Omar Farouk told the judges "
        "he had seen the car. Gunman Tarek Saleh was shot by police. Detainee Salim Haddad was released."
    )
    surfaces = set(clusters_by_surface(tagger, text))
    assert {"Karim Bouzid", "Omar Farouk", "Tarek Saleh", "Salim Haddad"} <= surfaces, surfaces
    assert not any(s.split()[0] in {"Defendant", "Witness", "Gunman", "Detainee"} for s in surfaces), surfaces


def test_names_alike_only_roughly_at_both_ends_or_through_an_initial_are_not_known_people() -> None:
    resolver = Resolver()
    # Three parts, each end a vowel off Sajid Javid's, is another man.
    assert resolver.resolve("Sajjad Tariq Jawad") is None
    # An initial fits any name with its letter; the one full part must then be written alike.
    assert resolver.resolve("H-Blocks") is None
    assert resolver.resolve("Hans Blix").entity_id == "hans-blix"  # type: ignore[union-attr]


def test_a_surname_in_capitals_joins_the_name_in_official_japanese_order(tagger: Tagger) -> None:
    text = (
        "The court heard that MURAI Hideo had directed the production of the gas. Prosecutors said "
        "MURAI gave the order. Hideo Murai was stabbed to death in 1995; Murai had led the ministry."
    )
    clusters = clusters_by_surface(tagger, text)
    assert len({clusters["MURAI Hideo"], clusters["MURAI"], clusters["Hideo Murai"], clusters["Murai"]}) == 1, clusters


def test_a_name_turned_round_is_one_person_unless_both_parts_are_given_names(tagger: Tagger) -> None:
    text = (
        "Asahara Shoko founded the sect in 1984. Followers of Shoko Asahara were arrested in Tokyo. "
        "Ali Hassan met Hassan Ali in Cairo."
    )
    clusters = clusters_by_surface(tagger, text)
    assert clusters["Asahara Shoko"] == clusters["Shoko Asahara"], clusters
    assert clusters["Ali Hassan"] != clusters["Hassan Ali"], clusters
    assert entities_by_surface(tagger, text).get("Tokyo") == "tokyo"


def test_a_plural_in_men_before_of_is_no_part_of_the_name_after_it(tagger: Tagger) -> None:
    text = "Gunmen of al-Sadr's militia attacked a patrol. Tribesmen of the Dulaim fought back near Ramadi."
    surfaces = set(clusters_by_surface(tagger, text))
    assert not any(s.startswith(("Gunmen", "Tribesmen")) for s in surfaces), surfaces
    assert "al-Sadr" in surfaces and "Dulaim" in surfaces, surfaces


def test_a_datelines_unknown_city_and_its_province_are_two_places(tagger: Tagger) -> None:
    text = "CATBALOGAN CITY, Samar — Troops killed two rebels on Monday. Residents of Catbalogan fled."
    clusters = clusters_by_surface(tagger, text)
    assert "CATBALOGAN CITY, Samar" not in clusters, clusters
    assert clusters.get("CATBALOGAN CITY") == clusters.get("Catbalogan"), clusters
