"""Tagging and resolving through the public API: possessives before a city, list order that
ends in a particle, peoples of the Balkans, mixed-case initials, generational suffixes and
legal forms, Arabic "fi" inside a name, the UN's formal state names, ministers' portfolios,
a bare surname before a relative's full name, and a court's "Accused".

Found by blind sets on the Chechen wars and Pakistan 2007-2009, then on Afghanistan's civil
war 1992-2001, al-Qaeda's Saudi campaign 2003-2006, Indonesia 2000-2009, Iran 1979-1989 and
the Bosnian war and Kosovo.
"""

from __future__ import annotations

import pytest

from canonym import Entity, Gazetteer, Resolver, Tagger
from factory import entities_by_surface
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_an_unknown_owner_before_a_known_city_is_two_names(tagger: Tagger) -> None:
    text = "Lawyers at Memorial's Grozny office said the detainees had not been charged."
    mentions = found(tagger, text)
    assert mentions.get("Grozny", ("",))[0] == "LOC", mentions
    assert "Memorial's Grozny" not in mentions, mentions


def test_a_known_name_with_a_possessive_inside_stays_whole(tagger: Tagger) -> None:
    text = "Delegates of the People's Republic of China met officials in Cox's Bazar."
    mentions = found(tagger, text)
    assert "People's Republic of China" in mentions, mentions
    assert "Cox's Bazar" in mentions, mentions


def test_a_particle_ending_a_given_name_in_list_order_is_kept(tagger: Tagger) -> None:
    text = (
        "The notice designated REHMAN, Wali ur, a deputy of the movement in South Waziristan. "
        "The glossary lists NURHASYIM, Amrozi bin, one of the bombers."
    )
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("REHMAN, Wali ur") == "wali-ur-rehman", mentions
    assert mentions.get("NURHASYIM, Amrozi bin") == "amrozi", mentions
    assert not {"REHMAN, Wali", "NURHASYIM, Amrozi"} & set(mentions), mentions


def test_peoples_of_the_balkans_are_no_names(tagger: Tagger) -> None:
    text = (
        "Bosnian Serb forces shelled the town as Serbs and Croats fled. Ethnic Albanian "
        "guerrillas fought Serb police, and a Yugoslav army unit crossed the border."
    )
    mentions = found(tagger, text)
    assert not {"Bosnian Serb", "Serbs", "Croats", "Ethnic Albanian", "Serb", "Yugoslav"} & set(mentions), mentions


def test_mixed_case_initials_are_not_keyed_as_a_word() -> None:
    gazetteer = Gazetteer(
        [
            Entity(id="abyei", type="LOC", name="Abyei"),
            Entity(id="uk", type="LOC", name="United Kingdom", strong=("UK",)),
        ],
        builtin=False,
    )
    resolver = Resolver(gazetteer)
    assert resolver.resolve("Abyei") is not None
    # "ABiH" (the Bosnian army) and "UÇK" (the KLA) are initials, not spellings of Abyei or the UK.
    assert resolver.resolve("ABiH") is None
    assert resolver.resolve("UÇK") is None


def test_a_generational_suffix_ends_a_persons_name(tagger: Tagger) -> None:
    text = (
        "The hostage was Paul M. Johnson Jr. He worked on Apache helicopters. Militants said "
        "they had killed Johnson. The family of Paul Marshall Johnson, Jr. asked for his body."
    )
    mentions = found(tagger, text)
    assert "Paul M. Johnson Jr." in mentions, mentions
    assert "Paul Marshall Johnson, Jr." in mentions, mentions
    assert mentions.get("Johnson", ("", ""))[1] == mentions["Paul M. Johnson Jr."][1], mentions
    assert not any(surface.endswith(" He") for surface in mentions), mentions


def test_a_companys_legal_form_is_part_of_its_name(tagger: Tagger) -> None:
    text = "Vinnell Corp. trains the guard, and Lockheed Martin Corp. won the contract."
    mentions = entities_by_surface(tagger, text)
    assert "Vinnell Corp." in mentions, mentions
    assert mentions.get("Lockheed Martin Corp.") == "lockheed-martin", mentions
    assert Resolver().resolve("Lockheed Martin, Inc.").entity_id == "lockheed-martin"  # type: ignore[union-attr]


def test_the_arabic_in_joins_a_groups_name_and_its_land(tagger: Tagger) -> None:
    text = "A statement from Tanzim Al-Qaeda fi Jazirat Al-Arab claimed the Khobar attack."
    mentions = found(tagger, text)
    assert "Tanzim Al-Qaeda fi Jazirat Al-Arab" in mentions, mentions
    assert not {"Tanzim Al-Qaeda", "Jazirat Al-Arab"} & set(mentions), mentions


def test_a_states_formal_name_in_the_uns_order_is_one_mention(tagger: Tagger) -> None:
    text = "Observers from Iran (Islamic Republic of) and Korea (Democratic People's Republic of) attended."
    mentions = entities_by_surface(tagger, text)
    assert mentions == {"Iran (Islamic Republic of)": "iran", "Korea (Democratic People's Republic of)": "north-korea"}, mentions


def test_a_ministers_portfolio_is_no_magazine(tagger: Tagger) -> None:
    text = (
        "The envoy met the Taliban Minister for Foreign Affairs in Kandahar, and talks between "
        "the Ministers for Foreign Affairs opened in Geneva. An essay in Foreign Affairs disagreed."
    )
    mentions = [m for m in tagger.tag(text, "d") if m.surface == "Foreign Affairs"]
    assert [text[: m.start].endswith("essay in ") for m in mentions] == [True], mentions


def test_a_bare_surname_before_a_relatives_full_name_is_the_known_bearer(tagger: Tagger) -> None:
    text = (
        "Ayatollah Khomeini has not been seen in public for a week. A message read by his son, "
        "Ahmad Khomeini, urged the defenders to hold the city."
    )
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("Khomeini") == "ruhollah-khomeini", mentions
    assert mentions.get("Ahmad Khomeini") == "ahmad-khomeini", mentions


def test_a_courts_accused_is_a_title(tagger: Tagger) -> None:
    text = "The Accused Enver Hadžihasanović commanded the 3rd Corps; the Accused Kubura led a brigade."
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("Enver Hadžihasanović") == "enver-hadzihasanovic", mentions
    assert not any(surface.startswith("Accused") for surface in mentions), mentions
