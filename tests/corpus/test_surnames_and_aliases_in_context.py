"""Tagging through the public API: a surname alone after the full name that an adjective and
a title open, a person's alias that a body's name stands before, and a family name alone
that a known person bears only as a given name.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import clusters_by_surface

pytestmark = pytest.mark.corpus


def test_a_surname_that_is_also_a_word_joins_the_full_name_after_an_adjective_and_a_title(tagger: Tagger) -> None:
    text = (
        "HAVANA (AP) — Colombian President Juan Manuel Santos met the rebels' leader. With Cuban "
        "President Raul Castro standing between them, Santos and Rodrigo Londono shook hands."
    )
    clusters = clusters_by_surface(tagger, text)
    assert clusters.get("Santos") == "juan-manuel-santos", clusters


def test_an_alias_given_with_his_is_a_persons_not_the_body_named_before_it(tagger: Tagger) -> None:
    text = (
        "Santos and Rodrigo Londono, the leader of the Revolutionary Armed Forces of Colombia who is "
        "better known by his nom de guerre Timochenko, announced a deal."
    )
    clusters = clusters_by_surface(tagger, text)
    assert clusters.get("Revolutionary Armed Forces of Colombia") == "farc", clusters
    assert clusters.get("Timochenko") != "farc", clusters


def test_a_family_name_alone_is_the_documents_bearer_not_a_known_person_born_with_it(tagger: Tagger) -> None:
    text = (
        "Militants pledged allegiance to Abu Bakr al-Baghdadi in 2014. They had tried to kill "
        "Interior Minister Mohamed Ibrahim in 2013 and later shot an aide to Ibrahim in Cairo."
    )
    clusters = clusters_by_surface(tagger, text)
    assert clusters.get("Abu Bakr al-Baghdadi") == "abu-bakr-al-baghdadi", clusters
    assert clusters.get("Ibrahim") == clusters.get("Mohamed Ibrahim"), clusters


def test_a_semicolon_after_a_quoted_alias_list_ends_it(tagger: Tagger) -> None:
    text = (
        'The indictment named Mustafa Amine BADREDDINE, also known as "Mustafa Youssef Badreddine", '
        '"Sami Issa" and "Elias Fouad Saab"; Hassan Habib MERHI; and Hussein Hassan ONEISSI.'
    )
    clusters = clusters_by_surface(tagger, text)
    assert clusters.get("Sami Issa") == "mustafa-badreddine", clusters
    assert clusters.get("Hassan Habib MERHI") != "mustafa-badreddine", clusters
    assert clusters.get("Hussein Hassan ONEISSI") != "mustafa-badreddine", clusters
