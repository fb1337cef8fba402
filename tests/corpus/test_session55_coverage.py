"""Tagging through the public API: entities of Sri Lanka's war, the 2008 Mumbai attacks,
Boko Haram and Syria's opposition that the built-in gazetteer now holds; places of one name
told apart by the document's country; a person's weak alias settled by the group the story
names; a known person's name inside a longer name or a place named after them.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import entities_by_surface

pytestmark = pytest.mark.corpus


def test_a_report_on_sri_lankas_war_links_its_people_groups_and_places(tagger: Tagger) -> None:
    text = (
        "KILINOCHCHI - The army said on Tuesday it had found the body of Velupillai Pirapaharan near the "
        "Nandikadal lagoon in Mullaitivu. The Tigers' naval wing, the Sea Tigers, was destroyed. "
        "Army commander Sarath Fonseka told reporters in Colombo that the Eastern Province had been "
        "cleared in 2007 with help from the TMVP, whose leader Karuna Amman had quit the LTTE."
    )
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("KILINOCHCHI") == "kilinochchi", mentions
    assert mentions.get("Velupillai Pirapaharan") == "velupillai-prabhakaran", mentions
    assert mentions.get("Sea Tigers") == "sea-tigers", mentions
    assert mentions.get("Sarath Fonseka") == "sarath-fonseka", mentions
    assert mentions.get("Eastern Province") == "eastern-province-sri-lanka", mentions
    assert mentions.get("TMVP") == "tmvp", mentions
    assert mentions.get("Karuna Amman") == "karuna-amman", mentions


def test_a_place_of_one_name_is_the_one_in_the_documents_country(tagger: Tagger) -> None:
    saudi = "Security forces raided a farm in Qatif in Saudi Arabia's Eastern Province on Monday."
    idlib = "Government jets struck Ariha, south of Idlib city, as rebels advanced in northern Syria."
    benin = "Gunmen attacked a police post near Kandi, in northern Benin, close to the border with Niger Republic."
    assert entities_by_surface(tagger, saudi).get("Eastern Province") == "eastern-province-saudi-arabia"
    assert entities_by_surface(tagger, idlib).get("Ariha") == "ariha-syria"
    mentions = entities_by_surface(tagger, benin)
    assert mentions.get("Kandi") == "kandi", mentions
    assert mentions.get("Niger Republic") == "niger", mentions


def test_the_cities_old_names_and_the_mumbai_attack_sites(tagger: Tagger) -> None:
    text = (
        "The gunmen landed at Colaba and split up: two went to Chhatrapati Shivaji Terminus, "
        "others to the Taj Mahal Palace Hotel, the Oberoi-Trident and Nariman House. David Coleman "
        "Headley, born Daood Sayed Gilani, had scouted them; the police in Madras and Bangalore were alerted."
    )
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("Chhatrapati Shivaji Terminus") == "chhatrapati-shivaji-terminus", mentions
    assert mentions.get("Taj Mahal Palace Hotel") == "taj-mahal-palace-hotel", mentions
    assert mentions.get("Nariman House") == "nariman-house", mentions
    assert mentions.get("Daood Sayed Gilani") == "david-headley", mentions
    assert mentions.get("Madras") == "chennai", mentions
    assert mentions.get("Bangalore") == "bengaluru", mentions


def test_a_persons_weak_alias_is_settled_by_the_group_the_story_names(tagger: Tagger) -> None:
    tigers = "In 2004 the LTTE commander in the east, known as Colonel Karuna, left the organisation with his cadres."
    other = "In 2004 the festival's director, known as Karuna, left the organisation with her staff."
    assert entities_by_surface(tagger, tigers).get("Karuna") == "karuna-amman"
    assert entities_by_surface(tagger, other).get("Karuna") != "karuna-amman"


def test_a_known_name_inside_a_longer_name_is_not_that_person(tagger: Tagger) -> None:
    text = (
        "The strike killed Muhammad Yusuf Ziya Talay, a veteran of the group. He had flown in "
        "through Indira Gandhi International Airport years before."
    )
    mentions = entities_by_surface(tagger, text)
    assert "Muhammad Yusuf Ziya Talay" in mentions and mentions["Muhammad Yusuf Ziya Talay"] is None, mentions
    assert "Indira Gandhi International Airport" in mentions, mentions
    assert "Indira Gandhi" not in mentions, mentions


def test_a_prefixed_name_before_a_country_and_a_quantity_of_a_name(tagger: Tagger) -> None:
    text = (
        "Militias became a law unto themselves in post-Kadhafi Libya, and ties with pro-Assad Syria "
        "soured. One of Atta's friends, Abdelghani Mzoudi, was acquitted."
    )
    mentions = entities_by_surface(tagger, text)
    assert mentions.get("Kadhafi") == "muammar-gaddafi", mentions
    assert mentions.get("Libya") == "libya", mentions
    assert mentions.get("Syria") == "syria", mentions
    assert mentions.get("Atta") == "mohamed-atta", mentions
    assert not [s for s in mentions if s.startswith("One of")], mentions


def test_tuareg_and_moorish_names_hold_their_son_of(tagger: Tagger) -> None:
    text = "The MUJAO commander Hamada Ag Hama met Sanda Ould Bouamama in Timbuktu; the Tuareg Iyad Ag Ghaly was absent."
    mentions = entities_by_surface(tagger, text)
    assert "Hamada Ag Hama" in mentions and mentions["Hamada Ag Hama"] is None, mentions
    assert "Hama" not in mentions, mentions
    assert "Sanda Ould Bouamama" in mentions, mentions
    assert mentions.get("Iyad Ag Ghaly") == "iyad-ag-ghaly", mentions


def test_the_hague_after_a_lowercase_article_is_the_city(tagger: Tagger) -> None:
    text = "A spokesman for the Hague-based court said Seif would be flown to the Hague. William Hague disagreed."
    found = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert found.count(("Hague", "the-hague")) == 2, found
    assert ("William Hague", "william-hague") in found, found


def test_a_surname_after_a_title_is_the_bearer_not_a_kunya(tagger: Tagger) -> None:
    text = (
        "The court sentenced Abdullah Ahmed Abdullah, also known as Abu Mohamed al-Masri, in absentia, "
        "and Khalfan Khamis Mohamed, a Tanzanian. Mr. Mohamed was arrested in Cape Town."
    )
    clusters = {m.surface: m.cluster_id for m in tagger.tag(text, "d")}
    assert clusters["Mohamed"] == clusters["Khalfan Khamis Mohamed"], clusters


def test_a_list_name_with_an_apostrophe_and_plural_descriptions(tagger: Tagger) -> None:
    text = (
        "The bombings of the American Embassies in Kenya and Tanzania killed 224 people. "
        "Defendants: AL-'OWHALI, Mohamed Rashed Daoud; ODEH, Mohamed Sadeek. He was flown to New York."
    )
    mentions = entities_by_surface(tagger, text)
    assert "AL-'OWHALI, Mohamed Rashed Daoud" in mentions, mentions
    assert not [s for s in mentions if "Embassies" in s], mentions
    assert mentions.get("New York") == "new-york-city", mentions


def test_a_japanese_name_in_official_order_is_one_cluster_with_the_press_order(tagger: Tagger) -> None:
    documents = [
        ("press", "Hideo Murai was stabbed outside the sect's Tokyo office in 1995."),
        ("ruling", "The court finds that MURAI Hideo ordered the production. The JTF Orion unit was elsewhere."),
    ]
    clusters = {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents)}
    assert clusters[("ruling", "MURAI Hideo")] == clusters[("press", "Hideo Murai")], clusters
