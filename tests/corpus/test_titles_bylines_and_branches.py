"""Tagging through the public API: honorifics that open a person's very name, titles
abbreviated before a name, bylines and designation notices, a body's branch spelt otherwise
and its acronym, French names in sentence case, and demonyms no rule derives.

Found by blind sets on Iraq's Sunni insurgency of 2004-2008, the Libyan Islamic Fighting
Group, Algeria's civil war, Palestinian Islamic Jihad and Egypt's jihadist groups of the 1990s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canonym import Gazetteer, Resolver, Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_an_honorific_that_opens_a_persons_name_is_part_of_it(tagger: Tagger) -> None:
    text = "The ideas of Sayyid Qutb shaped him. Sheikh Hasina fled Dhaka. Mullah Omar hid in Kandahar."
    mentions = {m.surface: m.entity_id for m in tagger.tag(text, "d")}
    assert mentions.get("Sayyid Qutb") == "sayyid-qutb", mentions
    assert mentions.get("Sheikh Hasina") == "sheikh-hasina", mentions
    # A cleric's title stays out of his span, as SPEC's span rules say.
    assert mentions.get("Omar") == "mullah-omar" and "Mullah Omar" not in mentions, mentions


def test_an_abbreviated_title_before_a_name_is_no_name(tagger: Tagger) -> None:
    text = (
        "The group named its emir, but in July Brig. Gen. Kevin Bergner, a military spokesman, "
        "said he was fictional. Rear Adm. Daniel Hagari spoke later."
    )
    mentions = found(tagger, text)
    assert not any("Brig" in surface or "Adm" in surface for surface in mentions), mentions
    assert "Daniel Hagari" in mentions, mentions


def test_demonyms_of_no_place_name_are_no_mentions(tagger: Tagger) -> None:
    text = "Two Britons and a Briton were among the hostages, and an Azharite scholar condemned the attack."
    assert found(tagger, text) == {}


def test_a_byline_credits_a_reporter_and_an_outlet(tagger: Tagger) -> None:
    text = "By NADIA RASHEED, Associated Press Writer\n\nSAMARRA, Iraq (AP) - A bomb destroyed the dome."
    mentions = found(tagger, text)
    assert mentions.get("NADIA RASHEED", ("",))[0] == "PER", mentions
    assert mentions.get("Associated Press") == ("ORG", "associated-press"), mentions


def test_a_line_that_is_one_persons_name_is_that_name(tagger: Tagger) -> None:
    # A designation notice heads each entry with the designee's name alone on its line.
    text = (
        "Treasury designated two financiers today.\n\nKhalid Ahmad Hasan al-Juburi\n\n"
        "Khalid Ahmad Hasan al-Juburi has served as a financial official of the group in Mosul."
    )
    spans = [m.surface for m in tagger.tag(text, "d")]
    assert spans.count("Khalid Ahmad Hasan al-Juburi") == 2, spans


def test_a_compound_with_ed_din_is_one_name(tagger: Tagger) -> None:
    text = "The strike killed Tareq Izz ed-Din, 48. Izz ed-Din directed operations in the West Bank."
    mentions = found(tagger, text)
    assert mentions.get("Tareq Izz ed-Din", ("",))[0] == "PER", mentions
    assert mentions["Izz ed-Din"][1] == mentions["Tareq Izz ed-Din"][1], mentions
    assert "Din" not in mentions, mentions


def test_a_branch_spelt_otherwise_and_its_acronym(tagger: Tagger) -> None:
    text = (
        "The State Department designated Ansar al-Shari'a in Darnah (AAS-D) and Ansar al-Shari'a "
        "in Benghazi (AAS-B). AAS-D fought the Islamic State; AAS-B attacked the mission."
    )
    mentions = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert ("Ansar al-Shari'a in Darnah", "ansar-al-sharia-derna") in mentions, mentions
    assert mentions.count(("AAS-D", "ansar-al-sharia-derna")) == 2, mentions
    assert mentions.count(("AAS-B", "ansar-al-sharia-benghazi")) == 2, mentions
    # A place after "in" that the gazetteer's name does not hold is a place of its own.
    text = "The Health Ministry in Gaza said 30 people were killed."
    assert found(tagger, text).get("Gaza", ("",))[0] == "LOC"


def test_a_french_name_in_sentence_case(tagger: Tagger) -> None:
    text = "Le Groupe islamique armé (GIA) et le Groupe salafiste pour la prédication et le combat ont frappé Alger."
    mentions = found(tagger, text)
    assert mentions.get("Groupe islamique armé") == ("ORG", "armed-islamic-group"), mentions
    assert mentions.get("Groupe salafiste pour la prédication et le combat") == ("ORG", "al-qaeda-in-the-islamic-maghreb"), mentions


def test_an_acronym_is_no_respelling_of_a_word(tmp_path: Path) -> None:
    # "FIS" only shares a transliteration key with the city of Fes.
    path = tmp_path / "places.tsv"
    path.write_text("id\tname\ttype\nfes\tFes\tLOC\n", encoding="utf-8")
    tagger = Tagger(Resolver(Gazetteer.load(path, builtin=False)))
    mentions = {m.surface: m.entity_id for m in tagger.tag("The FIS won the vote, and Fes voted for it.", "d")}
    assert mentions.get("Fes") == "fes", mentions
    assert mentions.get("FIS") is None, mentions
