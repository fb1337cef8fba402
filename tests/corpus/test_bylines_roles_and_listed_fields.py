"""Tagging through the public API: bodies that list their fields with commas, "General" in a
body's name, South Asian and Afghan names opening with Syed or Sayed, role nouns before a
name, headlines and credit lines, and "Ben" before a name in coreference.

Found by blind sets on Iran's Fatemiyoun and Zainabiyoun militias, Sinjar and the Yazidis,
the Islamic State's remnants in Iraq, Tunisia under Kais Saied, and the Taliban's leadership.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_body_that_lists_its_fields_with_commas_is_one_name(tagger: Tagger) -> None:
    text = (
        "The Ministry of Agriculture, Forestry and Fisheries said the ban stands. Officials of "
        "the Zakat, Tax and Customs Authority seized the pills. Envoys of the Ministry of "
        "Interior, Jordan and Egypt met in Amman."
    )
    mentions = found(tagger, text)
    assert mentions.get("Ministry of Agriculture, Forestry and Fisheries", ("",))[0] == "ORG", mentions
    assert mentions.get("Zakat, Tax and Customs Authority", ("",))[0] == "ORG", mentions
    assert mentions.get("Jordan", ("",))[0] == "LOC" and mentions.get("Egypt", ("",))[0] == "LOC", mentions
    assert not {"Zakat", "Tax and Customs Authority", "Ministry of Agriculture"} & set(mentions), mentions


def test_general_inside_a_bodys_name_is_no_rank(tagger: Tagger) -> None:
    text = (
        "The Tunisian General Labour Union called a strike, and the Syrian General Federation "
        "of Workers backed it. Major General Qassem Soleimani was not mentioned."
    )
    mentions = found(tagger, text)
    assert mentions.get("Tunisian General Labour Union", ("",))[0] == "ORG", mentions
    assert mentions.get("Syrian General Federation of Workers", ("",))[0] == "ORG", mentions
    assert "Qassem Soleimani" in mentions and "General Qassem Soleimani" not in mentions, mentions


def test_syed_and_sayed_open_a_name_and_are_no_saeed(tagger: Tagger) -> None:
    text = (
        "Syed Salahuddin heads the alliance from Muzaffarabad. In Kabul, Sayed Jawad Hashimi "
        "was appointed. Army chief Syed Asim Munir met Hafiz Saeed's lawyers; Saeed stays in jail."
    )
    mentions = tagger.tag(text, "d")
    surfaces = [m.surface for m in mentions]
    assert "Syed Salahuddin" in surfaces and "Sayed Jawad Hashimi" in surfaces, surfaces
    saeed = [m for m in mentions if m.surface == "Saeed"]
    assert [m.entity_id for m in saeed] == ["hafiz-saeed"], mentions


def test_a_role_noun_before_a_name_is_no_part_of_it(tagger: Tagger) -> None:
    text = "The court sat late. Lawyer Ahmed Souab said the trial was unfair. Analyst Karim Hamdi agreed."
    surfaces = {m.surface for m in tagger.tag(text, "d")}
    assert {"Ahmed Souab", "Karim Hamdi"} <= surfaces, surfaces
    assert not {"Lawyer Ahmed Souab", "Karim", "Hamdi"} & surfaces, surfaces


def test_headline_words_and_credit_lines_are_no_names(tagger: Tagger) -> None:
    text = (
        "Muttaqi Meets Jaishankar in New Delhi, India to Upgrade Kabul Mission\n\n"
        "Farid Ahmad Rahimi - TOLOnews\n\n"
        "The talks lasted two hours.\n\n"
        "Un Peuple - Un But - Une Foi\n"
    )
    mentions = found(tagger, text)
    assert "Jaishankar" in mentions and "Meets Jaishankar" not in mentions, mentions
    assert mentions.get("Farid Ahmad Rahimi", ("",))[0] == "PER", mentions
    assert "TOLOnews" in mentions and "Un Peuple" not in mentions, mentions


def test_ben_and_a_name_is_a_fathers_name_not_a_given_one(tagger: Tagger) -> None:
    text = "Interior Minister Khaled Ali Nouri spoke first. Ben Ali's old party was not named."
    mentions = found(tagger, text)
    assert mentions["Ben Ali"][1] != mentions["Khaled Ali Nouri"][1], mentions


def test_a_groups_arabic_name_follows_the_group_the_story_names(tagger: Tagger) -> None:
    text = (
        "Jemaah Islamiyah announced its dissolution in Bogor. Al-Jamaah Al-Islamiyah was "
        "founded by Abdullah Sungkar in Malaysia."
    )
    mentions = tagger.tag(text, "d")
    ids = {m.surface: m.entity_id for m in mentions}
    assert ids["Al-Jamaah Al-Islamiyah"] == "jemaah-islamiyah", mentions


def test_a_bodys_second_duty_after_and_the_is_its_name(tagger: Tagger) -> None:
    text = (
        "The Ministry for the Propagation of Virtue and the Prevention of Vice issued the order. "
        "The Culture and Tourism Ministry stayed silent; the Ministry of Health and the Red "
        "Crescent sent teams."
    )
    mentions = found(tagger, text)
    assert mentions.get("Ministry for the Propagation of Virtue and the Prevention of Vice", ("",))[0] == "ORG", mentions
    assert mentions.get("Culture and Tourism Ministry", ("",))[0] == "ORG", mentions
    assert "Ministry of Health" in mentions and "Red Crescent" in mentions, mentions


def test_ezidis_are_a_people_not_a_name(tagger: Tagger) -> None:
    mentions = found(tagger, "Ezidis returned to Sinjar, where Ezidi families rebuilt their homes.")
    assert set(mentions) == {"Sinjar"}, mentions


def test_a_byline_of_names_the_gazetteer_half_knows_keeps_each_name_whole(tagger: Tagger) -> None:
    text = (
        "Blasts rock Kabul amid reports TTP chief was targeted\n\n"
        "Tahir Nawaz Khattak and Farhan Yousafzai\n"
        "Published October 10, 2025\n\n"
        "PESHAWAR: Two explosions shook the capital."
    )
    mentions = found(tagger, text)
    assert mentions.get("Tahir Nawaz Khattak", ("",))[0] == "PER", mentions
    assert mentions.get("Farhan Yousafzai", ("",))[0] == "PER", mentions
    assert not {"Tahir", "Nawaz", "Farhan"} & set(mentions), mentions


def test_a_hausa_town_is_a_place_and_no_body_named_after_it(tagger: Tagger) -> None:
    texts = [
        "Gunmen attacked villages in Birnin Gwari on Sunday, residents said.",
        "The Birnin Gwari Emirate Progressive Union (BGEPU) said 12 people were killed near Birnin Gwari.",
    ]
    mentions = tagger.tag_documents(zip(["a", "b"], texts, strict=True))
    rows = {(m.doc_id, m.surface): (m.type, m.cluster_id) for m in mentions}
    town = {rows[(doc, "Birnin Gwari")] for doc in ("a", "b")}
    assert len(town) == 1 and next(iter(town))[0] == "LOC", rows
    assert rows[("b", "Birnin Gwari Emirate Progressive Union")][0] == "ORG", rows
    assert rows[("b", "Birnin Gwari Emirate Progressive Union")][1] not in {c for _, c in town}, rows
