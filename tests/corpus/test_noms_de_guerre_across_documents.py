"""Tagging through the public API: names that one document gives as another's and that other
documents write alone (noms de guerre, compounds written together or apart, Somali spellings).

Found by blind sets on India's Maoists, Las Anod, Ecuador's gangs and the Damascus church
bombing.
"""

from __future__ import annotations

import pytest

from canonym import Tagger

pytestmark = pytest.mark.corpus


def test_a_single_word_nom_de_guerre_alone_in_another_document_is_the_same_mans(tagger: Tagger) -> None:
    documents = [
        ("a", "Police said Mallojula Koteswara Rao, alias Kishenji, led the squad that ambushed the convoy."),
        ("b", "Villagers still recall the day Kishenji was killed in the forest."),
        # A word that opens other people's names is a given name, which many bear.
        ("c", "The commander Yusuf Haddad, alias Fadi, was arrested on Monday."),
        ("d", "Residents named Fadi Salloum as the driver of the truck."),
        ("e", "Fadi told reporters the road had been closed since dawn."),
    ]
    by_doc = {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents)}
    assert by_doc[("b", "Kishenji")] == by_doc[("a", "Mallojula Koteswara Rao")], by_doc
    assert by_doc[("e", "Fadi")] != by_doc[("c", "Yusuf Haddad")], by_doc


def test_an_al_din_name_written_as_one_word_or_apart_is_one_name(tagger: Tagger) -> None:
    documents = [
        ("a", "The ministry's spokesman Nour al-Din al-Baba said the cell had been dismantled."),
        ("b", "Spokesman Noureddine al-Baba told reporters that two suspects were arrested."),
        ("c", "The list names Jalal al-Din Haqqani as the network's founder."),
    ]
    by_doc = {(m.doc_id, m.surface): (m.entity_id, m.cluster_id) for m in tagger.tag_documents(documents)}
    assert by_doc[("a", "Nour al-Din al-Baba")][1] == by_doc[("b", "Noureddine al-Baba")][1], by_doc
    assert by_doc[("c", "Jalal al-Din Haqqani")][0] == "jalaluddin-haqqani", by_doc
