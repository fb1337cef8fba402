"""Tagging and resolving through the public API: names parted by a spaced hyphen, list
entries that a dash follows, ships, regnal numerals, and words of the older wire style.

Found by blind sets on the Chechen wars, Lebanon in the 1980s, Yemen 2000-2012 and the birth
of AQAP, Pakistan 2007-2009 and Somalia 2006-2012.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_spaced_hyphen_parts_two_names(tagger: Tagger) -> None:
    text = (
        "Its armed wing, the Lebanese Resistance Detachments - Afwaj al-Muqawama al-Lubnaniyya, "
        "took the initials of Amal."
    )
    mentions = {m.surface: m.entity_id for m in tagger.tag(text, "d")}
    assert mentions.get("Lebanese Resistance Detachments") == "amal-movement", mentions
    assert mentions.get("Afwaj al-Muqawama al-Lubnaniyya") == "amal-movement", mentions


def test_a_known_name_written_with_a_spaced_hyphen_stays_whole(tagger: Tagger) -> None:
    text = "The designation covers ISLAMIC STATE OF IRAQ AND THE LEVANT - KHORASAN and its leaders."
    mentions = {m.surface: m.entity_id for m in tagger.tag(text, "d")}
    assert mentions == {"ISLAMIC STATE OF IRAQ AND THE LEVANT - KHORASAN": "islamic-state-khorasan-province"}


def test_a_numbered_list_entry_before_a_dash_is_one_persons_name(tagger: Tagger) -> None:
    text = (
        "The individuals included in the list are:\n\n"
        "1- Abdulkarim Mohsen Saleh Al Hamdani - Yemeni nationality.\n"
        "2- Mehmet Kaan Yildirim - Turkish nationality.\n"
        "3- Anatolia Horizon Dis Ticaret Limited Sirketi - Mersin, Republic of Turkiye.\n"
    )
    mentions = found(tagger, text)
    assert mentions.get("Abdulkarim Mohsen Saleh Al Hamdani", ("",))[0] == "PER", mentions
    assert mentions.get("Mehmet Kaan Yildirim", ("",))[0] == "PER", mentions
    assert "Mersin" in mentions, mentions
    assert not any(" - " in surface for surface in mentions), mentions
    # The name's parts are not mentions of their own.
    assert not {"Abdulkarim", "Saleh", "Al Hamdani", "Yildirim"} & set(mentions), mentions


def test_a_ship_and_its_short_name_are_no_mentions(tagger: Tagger) -> None:
    text = (
        "Al-Qaeda bombed the USS Cole in Aden harbour in 2000. The Cole was refuelling when the "
        "skiff came alongside. MV Nordkap Trader was later seized. Nicole Cole, a sailor's widow, spoke."
    )
    mentions = found(tagger, text)
    assert not {"USS Cole", "Cole", "MV Nordkap Trader", "Nordkap Trader"} & set(mentions), mentions
    assert mentions.get("Aden", ("",))[0] == "LOC", mentions
    assert mentions.get("Nicole Cole", ("",))[0] == "PER", mentions


def test_older_wire_words_for_religions_and_ranks_are_no_names(tagger: Tagger) -> None:
    text = (
        "Shiite Moslem militiamen and Druse fighters shelled the hills, and Zaidi tribesmen "
        "watched. Lieut. Col. Larry Gerlach was hurt."
    )
    mentions = found(tagger, text)
    assert set(mentions) == {"Larry Gerlach"}, mentions


def test_a_regnal_numeral_is_no_initial(tagger: Tagger) -> None:
    resolver = tagger.resolver
    # "II" keyed as "i" fitted any part opening with i: King Abdullah II was "Abdullah Ibrahim".
    for name in ("Abdullah Ibrahim", "Abdullah Ismail", "Hasan Izz-al-Din", "Hassan Ibrahim"):
        match = resolver.resolve(name)
        assert match is None or match.entity_id not in ("abdullah-ii", "hassan-ii"), (name, match)
    for name, entity_id in (("Abdullah II", "abdullah-ii"), ("King Abdullah II", "abdullah-ii"), ("Hassan II", "hassan-ii")):
        match = resolver.resolve(name)
        assert match is not None and match.entity_id == entity_id, (name, match)


def test_an_urdu_article_joins_the_given_names_of_a_list_entry(tagger: Tagger) -> None:
    text = "Aliases: MEHSUD, Wali ur Rehman; Maulana Wali ur Rehman."
    mentions = found(tagger, text)
    assert mentions.get("MEHSUD, Wali ur Rehman") == ("PER", "wali-ur-rehman"), mentions
