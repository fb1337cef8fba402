"""Tagging through the public API: where a person's name starts and ends in running text
(an opening participle, "of" and a place, a place's name that is a given name), the bodies
of a state that ordinary words name, and the country a document is about, which settles
whose "Army" or "Parliament" it means."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it(tagger: Tagger) -> None:
    text = "The court sat in Delhi. Having Rana in an Indian room changes that. Using SunCalc, we dated the video."
    names = found(tagger, text)
    assert names.get("Rana", ("",))[0] == "PER", names
    assert "SunCalc" in names, names
    assert not [s for s in names if s.startswith(("Having", "Using"))], names
    # A name's own -ing word goes with a word of the language.
    assert found(tagger, "The Monitoring Team said so.").get("Monitoring Team") == ("ORG", "un-monitoring-team")


def test_a_places_name_that_is_a_given_name_opens_a_persons_name(tagger: Tagger) -> None:
    text = "Orlando Mapisse, who coordinates anti-poaching patrols, said the men fled. Mapisse said more."
    names = found(tagger, text)
    assert names.get("Orlando Mapisse") == ("PER", "NIL:orlando-mapisse"), names
    assert "Orlando" not in names, names


def test_a_person_of_a_place_is_two_mentions(tagger: Tagger) -> None:
    text = "Omar Maute and Abdullah Maute of Butig led the siege. Hassan Farah of Mogadishu said. The Central Bank of Yemen said."
    names = found(tagger, text)
    assert names.get("Abdullah Maute", ("",))[0] == "PER", names
    assert names.get("Butig", ("",))[0] == "LOC", names
    assert names.get("Hassan Farah", ("",))[0] == "PER", names
    assert names.get("Mogadishu") == ("LOC", "mogadishu"), names
    # A body "of" a place stays one name.
    assert "Central Bank of Yemen" in names, names


def test_a_company_entry_is_not_read_as_a_surname_and_given_names(tagger: Tagger) -> None:
    # Sanctions notices write a company's name in capitals, then its address after a comma:
    # not "SURNAME, Given" of a person.
    text = (
        "QALOUSH PETROCHEM TRADING FZE, Office 1204, Jumeirah Lakes Towers, Dubai.\n"
        "ARDENT LANTERN SHIPPING LTD, Trust Company Complex, Ajeltake Road, Majuro."
    )
    names = found(tagger, text)
    assert names.get("QALOUSH PETROCHEM TRADING FZE", ("",))[0] == "ORG", names
    assert names.get("ARDENT LANTERN SHIPPING LTD", ("",))[0] == "ORG", names
    assert names.get("Jumeirah Lakes Towers", ("",))[0] == "LOC", names


def test_administrations_and_houses_of_parliament_are_bodies(tagger: Tagger) -> None:
    text = (
        "Getachew accused commanders of a coup against the Tigray Interim Regional Administration. "
        "Lawmakers in the House of Federation met. The Nigerian Maritime Administration said. The Trump Administration said."
    )
    names = found(tagger, text)
    assert names.get("Tigray Interim Regional Administration") == ("ORG", "tigray-interim-regional-administration"), names
    assert names.get("House of Federation", ("",))[0] == "ORG", names
    assert names.get("Nigerian Maritime Administration", ("",))[0] == "ORG", names
    # A person's administration is the person.
    assert names.get("Trump") == ("PER", "donald-trump"), names


def test_army_and_parliament_are_those_of_the_documents_country(tagger: Tagger) -> None:
    kashmir = "Militants attacked a post in Poonch. The Army said two soldiers died in Rajouri, and Pakistan denied a role."
    assert found(tagger, kashmir).get("Army") == ("ORG", "indian-army")
    lebanon = "The Army deployed south of the Litani in Lebanon after the cabinet met in Beirut."
    assert found(tagger, lebanon).get("Army") == ("ORG", "lebanese-armed-forces")
    britain = "The order is laid before Parliament. It applies in England, Wales, Scotland and Northern Ireland; the PKK, active in Turkey, stays proscribed."
    assert found(tagger, britain).get("Parliament") == ("ORG", "uk-parliament")
    # A city and its state are in one country: that settles neither, and "New York" is the
    # city, as news style writes it (the state is "New York state").
    assert found(tagger, "Officials in Albany and New York said.").get("New York") == ("LOC", "new-york-city")


def test_a_weak_alias_as_written_is_not_a_given_name_spelt_otherwise(tagger: Tagger) -> None:
    resolver = tagger.resolver
    # "Assad" alone is Bashar al-Assad's; the given name of Asaad al-Shaibani and others is
    # another spelling, which shares its key only.
    match = resolver.resolve("Assad")
    assert match is not None and match.entity_id == "bashar-al-assad", match
    # A given name written so by many stays ambiguous.
    abbas = resolver.resolve("Abbas")
    assert abbas is not None and abbas.ambiguous, abbas


def test_unknown_names_with_only_alike_parts_keep_apart_clusters(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("ph", "Omar Salik Mangotara, a bomb maker of the Maute group, was killed in Lanao."),
            ("tr", "AK Party spokesman Omer Celik said the talks would go on in Ankara."),
        ]
    )
    clusters = {m.surface: m.cluster_id for m in mentions}
    assert clusters["Omar Salik Mangotara"] != clusters["Omer Celik"], clusters
