"""Tagging through the public API: names in a list's surname-first order, the wording of
designation notices (plural acronyms, doctrines, memoranda, "the Department"), militant
groups named by ordinary words, a command named with what it is for, and a surname two
known brothers share.

Found by blind sets on Hamas's leaders, the Islamic State's leaders and al-Hol, the Gülen
movement, Peru's Shining Path and the US designation of four European groups.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_surname_first_names_of_a_list_are_people_whatever_else_their_words_spell(tagger: Tagger) -> None:
    # A list of cases: every line is capitalised words, one given name is many people's
    # (Mustafa), one surname a known cleric's (Gulen); each entry is one person.
    text = (
        "Rendition cases documented by the group:\n\n"
        "- INANDI, Orhan -- Bishkek, Kyrgyzstan, May-July 2021\n"
        "- GULEN, Selahaddin -- Nairobi, Kenya, 2021\n"
        "- GENC, Mustafa -- Nairobi, Kenya, October 2024\n"
    )
    mentions = found(tagger, text)
    for name in ("INANDI, Orhan", "GULEN, Selahaddin", "GENC, Mustafa"):
        assert mentions.get(name, ("", None))[0] == "PER", mentions
    assert not {"GULEN", "GENC", "Mustafa"} & set(mentions), mentions


def test_a_given_name_that_spells_a_places_adjective_opens_the_name(tagger: Tagger) -> None:
    # "Sami" is of Sham (Damascus) too, but a given name of millions before a surname.
    mentions = found(tagger, "Another official, Sami Khalaf Hadidi, told the agency that the talks had stalled.")
    assert "Sami Khalaf Hadidi" in mentions, mentions


def test_words_of_designation_notices_are_no_names(tagger: Tagger) -> None:
    text = (
        "The Department of State designated the four groups as FTOs and SDGTs, as the "
        "National Security Presidential Memorandum directs. The groups follow Marxist and "
        "anarchist ideas and oppose what they call Americanism. The Department will continue "
        "to use all available tools."
    )
    mentions = found(tagger, text)
    assert not {"FTOs", "SDGTs", "Marxist", "Americanism", "National Security Presidential Memorandum"} & set(mentions), mentions
    assert mentions["Department"] == ("ORG", "us-state-department"), mentions


def test_militant_groups_named_by_ordinary_words_are_organisations(tagger: Tagger) -> None:
    text = (
        "ATHENS - Officials reacted to the listing of two Greek groups, Armed Proletarian Justice and "
        "Revolutionary Class Self-Defense. Revolutionary Struggle was listed in 2009. Seized firms "
        "are run by the Savings Deposit Insurance Fund (TMSF)."
    )
    mentions = found(tagger, text)
    for name in ("Armed Proletarian Justice", "Revolutionary Class Self-Defense", "Revolutionary Struggle", "Savings Deposit Insurance Fund"):
        assert mentions.get(name, ("", None))[0] == "ORG", mentions


def test_a_command_is_one_name_with_what_it_is_for(tagger: Tagger) -> None:
    text = "LIMA - The army said the Special Command for the VRAEM had lost two soldiers."
    assert "Special Command for the VRAEM" in found(tagger, text)


def test_the_coalition_alone_is_the_coalition_the_story_named(tagger: Tagger) -> None:
    text = (
        "The Global Coalition to Defeat ISIS said the SDF remained the Coalition's main partner, "
        "and that U.S. and Coalition forces would stay."
    )
    coalitions = [m.entity_id for m in tagger.tag(text, "d") if m.surface == "Coalition"]
    assert coalitions == ["global-coalition-to-defeat-isis"] * 2, coalitions


def test_a_surname_two_known_brothers_share_stays_with_the_one_the_story_is_about(tagger: Tagger) -> None:
    # Named in passing, twice, the brother does not take the bare surname from the man the
    # story is about; between two named as often, the nearest is meant.
    text = (
        "Yahya Sinwar was killed in Rafah. Sinwar had evaded Israel for a year. Sinwar hid in the "
        "tunnels, officials said. Sinwar was 61. Sinwar planned the October 7 attack. Israeli "
        "officials believe his brother, Mohammed Sinwar, will take over. Mohammed Sinwar was "
        "involved in the abduction of Gilad Shalit. An official said Sinwar's death removed the "
        "main obstacle to a deal."
    )
    sinwars = [m.entity_id for m in tagger.tag(text, "d") if "Sinwar" in m.surface]
    assert sinwars == ["yahya-sinwar"] * 5 + ["mohammed-sinwar"] * 2 + ["yahya-sinwar"], sinwars
    brothers = "Yahya Sinwar was killed in Rafah. His brother Mohammed Sinwar will take over, and Sinwar is said to be in Khan Younis."
    assert [m.entity_id for m in tagger.tag(brothers, "d") if "Sinwar" in m.surface][-1] == "mohammed-sinwar"


def test_a_given_name_in_quotes_after_known_as_is_the_mans_nom_de_guerre(tagger: Tagger) -> None:
    text = (
        'LIMA - His brother Jorge Quispe Palomino, known as "Raul," was the military chief. Victor '
        'Quispe Palomino, known as "Jose", leads the group. Raul was reported killed; Jose remains at large.'
    )
    clusters = [(m.surface, m.cluster_id) for m in tagger.tag(text, "d") if m.type == "PER"]
    jorge, raul, victor, jose, raul_again, jose_again = clusters
    assert raul[1] == raul_again[1] == jorge[1] != victor[1] == jose[1] == jose_again[1], clusters
