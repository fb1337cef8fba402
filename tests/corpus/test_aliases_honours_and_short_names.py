"""Tagging through the public API: aliases that a text gives to a kunya or after a head noun,
bodies named across "and", groups and services named in ordinary words, Malaysian honours,
and unknown names that other documents write otherwise or shorter.

Found by blind sets on Syria's Captagon trade, Iran's exiled MEK, Jemaah Islamiyah's
dissolution, Pakistan's Lashkar-e-Taiba and Jaish-e-Mohammed, and Egypt's Muslim Brotherhood.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_kunya_that_many_bear_given_as_an_unknown_mans_alias_is_his(tagger: Tagger) -> None:
    text = (
        "Abu Yusif, also known as Mahmud al-Isawi, ran the cell from a farm near the border. "
        "Investigators say Abu Yusif moved the money through two exchange houses."
    )
    mentions = tagger.tag(text, "d")
    clusters = {m.cluster_id for m in mentions if m.surface in ("Abu Yusif", "Mahmud al-Isawi")}
    assert [m.surface for m in mentions].count("Abu Yusif") == 2, mentions
    assert len(clusters) == 1 and None not in clusters, mentions


def test_an_alias_after_a_head_noun_or_a_dash_and_its_language_is_the_names(tagger: Tagger) -> None:
    text = (
        "Fighters of the Men of Courage movement, known in Arabic as Rijal al-Shajaa, held the road. "
        "A younger faction, the Reform Current - in Arabic, Tayyar al-Taghyir - broke away in 2021."
    )
    mentions = found(tagger, text)
    assert mentions["Rijal al-Shajaa"] == mentions["Men of Courage"], mentions
    assert mentions["Tayyar al-Taghyir"] == mentions["Reform Current"], mentions
    assert mentions["Reform Current"][0] == "ORG", mentions


def test_a_body_is_one_name_across_its_and(tagger: Tagger) -> None:
    text = (
        "The Hostages and Missing Families Forum said the deal came too late. "
        "Cameroon's Defence and Security Forces repelled the attack, and the Horn Peace and "
        "Security Forum met in Nairobi."
    )
    mentions = found(tagger, text)
    for name in ("Hostages and Missing Families Forum", "Defence and Security Forces", "Horn Peace and Security Forum"):
        assert mentions.get(name, ("",))[0] == "ORG", mentions
    assert not {"Hostages", "Missing Families Forum", "Security Forces"} & set(mentions), mentions


def test_services_and_groups_named_in_ordinary_words_are_names(tagger: Tagger) -> None:
    text = (
        "The smuggler works with Yemeni Military Intelligence, officials said, while the "
        "Men of Courage took the village."
    )
    mentions = found(tagger, text)
    assert mentions.get("Yemeni Military Intelligence", ("",))[0] == "ORG", mentions
    assert mentions.get("Men of Courage", ("",))[0] == "ORG", mentions


def test_malaysian_honours_are_titles_not_part_of_the_name(tagger: Tagger) -> None:
    text = (
        "Home Minister Datuk Seri Saifuddin Nasution Ismail said the network was dormant. "
        "Inspector-General Tan Sri Razarudin Husain agreed."
    )
    mentions = found(tagger, text)
    assert mentions["Saifuddin Nasution Ismail"][1] == "saifuddin-nasution-ismail", mentions
    assert "Razarudin Husain" in mentions, mentions
    assert not any(surface.startswith(("Datuk", "Tan Sri")) for surface in mentions), mentions


def test_a_name_and_its_alias_meet_across_documents_that_spell_the_name_otherwise(tagger: Tagger) -> None:
    documents = [
        ("a", "The plot was led by Rusmanto, also known as Ali Ghazali, a teacher from Lamongan."),
        ("b", "Ali Gazali, known as Rusmanto, was arrested in 2004."),
        ("c", "Rusmanto told the court he had no regrets."),
    ]
    clusters = {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents)}
    assert clusters[("a", "Ali Ghazali")] == clusters[("b", "Ali Gazali")] == clusters[("c", "Rusmanto")], clusters


def test_a_bodys_short_name_alone_elsewhere_is_the_body_but_not_a_place_named_after_it(tagger: Tagger) -> None:
    documents = [
        ("a", "Six inmates tunnelled out of Karmil Prison in 2021. Guards at Karmil were suspended."),
        ("b", "The men were moved to Karmil on Sunday."),
        ("c", "Troops shelled the Zarqun Hills overnight. The Zarqun Hills overlook the plain."),
        ("d", "Residents of Zarqun fled north."),
    ]
    clusters = {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents)}
    assert clusters[("b", "Karmil")] == clusters[("a", "Karmil Prison")], clusters
    assert clusters[("d", "Zarqun")] != clusters[("c", "Zarqun Hills")], clusters
