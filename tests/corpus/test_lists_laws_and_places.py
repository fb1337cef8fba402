"""Tagging through the public API: names as sanctions notices, state media and wires write
them (original scripts, bracketed aliases, titles of office), and the words around names
that are no entities (laws, dates) or that make a word a place."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


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
        "The Yemeni Journalists Syndicate condemned the raid. The Defense Department and State Department agreed. "
        "The Reconstruction and Development Coalition won most seats; the National Shiite Movement and the Non-Aligned Movement did not run."
    )
    names = found(tagger, text)
    bodies = ["State Security and Peace Commission", "General Administration Department", "Yemeni Journalists Syndicate"]
    # Ordinary words and a coalition's or movement's noun; one ordinary word before "and" too.
    bodies += ["Reconstruction and Development Coalition", "National Shiite Movement", "Non-Aligned Movement"]
    for body in bodies:
        assert names.get(body, ("", ""))[0] == "ORG", (body, names)
    # Two whole names either side of "and" stay two.
    assert names.get("Defense Department", ("", ""))[1] == "us-department-of-defense", names
    assert names.get("State Department", ("", ""))[1] == "us-state-department", names


def test_a_place_name_that_speaks_is_the_surname_of_the_person_of_the_document(tagger: Tagger) -> None:
    text = (
        '"We are fighting," Col. Abdiweli Jama Farah, a spokesman, told Garowe Online. '
        "Farah said 47 militants had been killed. Kabul said nothing, and the fighting in Farah went on."
    )
    mentions = tagger.tag(text, "d")
    farah = [m for m in mentions if m.surface == "Farah"]
    assert farah[0].cluster_id == next(m.cluster_id for m in mentions if m.surface == "Abdiweli Jama Farah"), mentions
    # A place standing for its government speaks too; and "in Farah" is the province.
    assert [m.entity_id for m in mentions if m.surface == "Kabul"] == ["kabul"], mentions
    assert farah[1].entity_id == "farah", mentions


def test_a_word_that_only_respells_a_surname_is_no_mention_of_that_person(tagger: Tagger) -> None:
    # "Catania" and "Mokolo" meet al-Qahtani's and Jamil Mukulu's surnames only by their
    # transliteration keys, and the document names neither person in full.
    text = (
        "The ship docked at Catania on Monday. Mokolo was calm. Zawahiri's successor was named. "
        "Sheikh Mokhtar Robow spoke; Rubow said later that talks had failed."
    )
    names = found(tagger, text)
    assert names.get("Catania") == ("LOC", "catania"), names
    assert names["Mokolo"][1] == "NIL:mokolo", names
    # A surname as written, or a respelt one after the full name, is still the person.
    assert names.get("Zawahiri") == ("PER", "ayman-al-zawahiri"), names
    assert names.get("Rubow") == ("PER", "mukhtar-robow"), names


def test_a_given_name_before_a_known_persons_name_is_the_son(tagger: Tagger) -> None:
    text = "Khalifa Haftar promoted his son Hamza Khalifa Haftar. Speaker of Parliament Nabih Berri objected."
    names = found(tagger, text)
    son = names.get("Hamza Khalifa Haftar")
    assert son is not None and son[0] == "PER" and son[1] != "khalifa-haftar", names
    assert names.get("Khalifa Haftar") == ("PER", "khalifa-haftar"), names
    # A word of the language before a known name is no given name.
    assert names.get("Nabih Berri") == ("PER", "nabih-berri"), names


def test_places_named_like_name_parts_after_place_words(tagger: Tagger) -> None:
    # "Cali" is only a part of listed Somali names ("Yasiin Cali Baynax"), "Abu Hardan" a
    # bare kunya: after "in", or before "district", they are places.
    text = "After the bombing in Cali, the army moved. Clashes broke out in the Abu Hardan district of Deir ez-Zor."
    names = found(tagger, text)
    assert names.get("Cali") == ("LOC", "cali"), names
    assert names.get("Abu Hardan") == ("LOC", "NIL:abu-hardan"), names


def test_the_built_in_gazetteer_knows_the_un_lists_other_regimes(tagger: Tagger) -> None:
    # Imported from the UN list's Haiti, DRC and Libya regimes, and South Sudan's leaders.
    text = (
        "Jimmy Chérizier, alias Barbecue, leads Viv Ansanm. Sultani Makenga commands the M23. "
        "Salva Kiir put Riek Machar on trial; the SPLM-IO protested."
    )
    names = found(tagger, text)
    assert names.get("Jimmy Chérizier") == ("PER", "jimmy-cherizier"), names
    assert names.get("Viv Ansanm") == ("ORG", "viv-ansanm"), names
    assert names.get("Sultani Makenga") == ("PER", "sultani-makenga"), names
    assert names.get("Riek Machar") == ("PER", "riek-machar"), names
    assert names.get("SPLM-IO") == ("ORG", "splm-io"), names


def test_an_acronym_in_capitals_is_the_one_the_document_names(tagger: Tagger) -> None:
    # "JEM" as written is Darfur's Justice and Equality Movement, "JeM" Jaish-e-Mohammed:
    # a story that names only Jaish writes its acronym in capitals too.
    kashmir = "Jaish-e-Mohammed (JeM) claimed the attack. The JEM chief Masood Azhar was not seen."
    assert found(tagger, kashmir).get("JEM") == ("ORG", "jaish-e-mohammed")
    darfur = "The JEM fought the army in Darfur."
    assert found(tagger, darfur).get("JEM") == ("ORG", "justice-and-equality-movement")
