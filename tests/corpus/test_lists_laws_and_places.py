"""Tagging through the public API: names as sanctions notices, state media and wires write
them (original scripts, bracketed aliases, titles of office), and the words around names
that are no entities (laws, dates) or that make a word a place."""

from __future__ import annotations

import pytest

from canonym import Tagger

pytestmark = pytest.mark.corpus


def found(tagger: Tagger, text: str) -> dict[str, tuple[str, str | None]]:
    """Each surface the tagger finds in ``text``, with its type and cluster."""
    mentions = tagger.tag(text, "d")
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    return {m.surface: (m.type, m.cluster_id) for m in mentions}


def test_an_alias_written_with_brackets_keeps_its_closing_bracket(tagger: Tagger) -> None:
    text = "Talks with the NSCN (IM) stalled. Members of the Baloch Yakjehti Committee (BYC) met; the BYC marched."
    names = found(tagger, text)
    assert names.get("NSCN (IM)") == ("ORG", "nscn-im"), names
    # The name and its acronym are two mentions, not one span cut before the bracket.
    assert names.get("Baloch Yakjehti Committee") == ("ORG", "baloch-yakjehti-committee"), names
    assert names.get("BYC") == ("ORG", "baloch-yakjehti-committee"), names
    assert not [s for s in names if s.count("(") != s.count(")")], names


def test_a_name_in_cyrillic_is_found_and_meets_its_latin_spelling(tagger: Tagger) -> None:
    text = "ZOLOTAREV, Arkadiy Olegovich (Cyrillic: ЗОЛОТАРЕВ, Аркадий Олегович), Moscow, Russia."
    names = found(tagger, text)
    latin, cyrillic = names.get("ZOLOTAREV, Arkadiy Olegovich"), names.get("ЗОЛОТАРЕВ, Аркадий Олегович")
    assert latin is not None and latin[0] == "PER", names
    assert cyrillic == latin, names
    # The script's name is no entity.
    assert "Cyrillic" not in names, names


def test_laws_plans_and_dates_are_no_entities(tagger: Tagger) -> None:
    text = (
        "Under the National Action Plan, the army launched operations. The Goldwater Act passed and the "
        "Dayton Agreement held. As of 17 November, about 90,000 people had fled to Tawila."
    )
    names = found(tagger, text)
    # Not the British group National Action, nor the Chinese navy's PLAN, nor the Greek group.
    assert set(names) == {"Tawila"}, names
    names = found(tagger, "The 17 November group killed a diplomat in Athens.")
    assert names.get("17 November") == ("ORG", "revolutionary-organization-17-november"), names


def test_a_word_after_a_place_preposition_is_no_persons_respelt_name(tagger: Tagger) -> None:
    text = (
        "The train was travelling from Quetta to Sibi when it was attacked between Mach and Sibi. "
        "Officials in Sibi said the wounded were taken to hospital. Refugees crossed into Chad at Tiné."
    )
    mentions = tagger.tag(text, "d")
    places = {m.surface: (m.type, m.entity_id) for m in mentions if m.surface in ("Sibi", "Tiné", "Mach")}
    # Not Hani al-Sebai nor Abdourahamane Tiani, whose names these only respell.
    assert places == {"Sibi": ("LOC", None), "Tiné": ("LOC", None), "Mach": ("LOC", None)}, places
    assert len({m.cluster_id for m in mentions if m.surface == "Sibi"}) == 1


def test_a_persons_own_nickname_names_the_unknown_name_before_it(tagger: Tagger) -> None:
    text = "Dagalo, also known as Hemedti, denied the charge. DAGALO, Osman Yagoub Musa Harran was listed."
    mentions = tagger.tag(text, "d")
    by_surface = {m.surface: m.entity_id for m in mentions}
    assert by_surface["Hemedti"] == "mohamed-hamdan-dagalo", by_surface
    assert by_surface["Dagalo"] == "mohamed-hamdan-dagalo", by_surface
    assert by_surface["DAGALO, Osman Yagoub Musa Harran"] is None, by_surface


def test_french_group_nouns_and_landforms(tagger: Tagger) -> None:
    names = found(tagger, "Le groupe Wagner a quitté le Mali. Les combats ont gagné les rives du Lake Kivu et le Mount Elgon.")
    assert names.get("Wagner") == ("ORG", "wagner-group"), names
    assert names.get("Lake Kivu", ("", ""))[0] == "LOC" and names.get("Mount Elgon", ("", ""))[0] == "LOC", names


def test_titles_of_office_and_honorifics_are_left_out(tagger: Tagger) -> None:
    text = (
        "COAS General Asim Munir visited Quetta. State Counsellor Daw Aung San Suu Kyi met U Than Soe. "
        "Sardar Akhtar Mengal spoke. Commander-in-Chief Min Aung Hlaing replied."
    )
    names = found(tagger, text)
    for name in ["Asim Munir", "Aung San Suu Kyi", "Than Soe", "Akhtar Mengal", "Min Aung Hlaing"]:
        assert names.get(name, ("", ""))[0] == "PER", (name, names)
    assert "COAS" not in names and "Chief Min Aung Hlaing" not in names, names


def test_bodies_named_with_and_general_or_a_demonym(tagger: Tagger) -> None:
    text = (
        "The State Security and Peace Commission met. The General Administration Department was moved. "
        "The Yemeni Journalists Syndicate condemned the raid. The Defense Department and State Department agreed."
    )
    names = found(tagger, text)
    for body in ["State Security and Peace Commission", "General Administration Department", "Yemeni Journalists Syndicate"]:
        assert names.get(body, ("", ""))[0] == "ORG", (body, names)
    # Two whole names either side of "and" stay two.
    assert names.get("Defense Department", ("", ""))[1] == "us-department-of-defense", names
    assert names.get("State Department", ("", ""))[1] == "us-state-department", names
