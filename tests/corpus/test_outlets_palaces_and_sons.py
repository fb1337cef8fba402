"""Tagging through the public API: outlets and groups whose name opens with "The", palaces
named with ordinary words, a son named after his grandfather, and a town's name that is a
given name before another.

Found by blind sets on eastern Libya and the Haftar family, Sudan's army camp, Iraqi
Kurdistan's politics, al-Qaeda in the Indian Subcontinent and Bangladesh, and Muqtada al-Sadr.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_name_that_opens_with_the_keeps_it(tagger: Tagger) -> None:
    text = (
        "The Hindu reported the arrests on Monday. The Resistance Front claimed the attack, "
        "according to the Resistance Front's channel. The National Police did not comment."
    )
    mentions = tagger.tag(text, "d")
    by_surface = {m.surface: m.entity_id for m in mentions}
    assert by_surface.get("The Hindu") == "the-hindu", mentions
    assert by_surface.get("The Resistance Front") == "the-resistance-front", mentions
    # Lowercase "the" stays out, and a name that goes on is another's.
    assert by_surface.get("Resistance Front") == "the-resistance-front", mentions
    assert "The National" not in by_surface, mentions


def test_a_palace_of_ordinary_words_is_a_place(tagger: Tagger) -> None:
    text = "Protesters stormed the Republican Palace in Baghdad, then marched on the People's Palace."
    mentions = found(tagger, text)
    assert mentions.get("Republican Palace", ("",))[0] == "LOC", mentions
    assert mentions.get("People's Palace", ("",))[0] == "LOC", mentions


def test_a_son_named_after_his_grandfather_is_not_his_father(tagger: Tagger) -> None:
    # Khalifa Belqasim Omar Haftar's son Belqasem bears his grandfather's name: the two
    # parts of the son's name are not a run of the father's.
    text = (
        "Belqasem Haftar runs the fund. The annex lists HAFTAR, Khalifa Belqasim Omar, "
        "and Mohammad Javad Zarif; Javad Zarif replied."
    )
    mentions = {m.surface: m for m in tagger.tag(text, "d")}
    son, father = mentions["Belqasem Haftar"], mentions["HAFTAR, Khalifa Belqasim Omar"]
    assert son.cluster_id != father.cluster_id, mentions
    assert mentions["Javad Zarif"].cluster_id == mentions["Mohammad Javad Zarif"].cluster_id, mentions


def test_a_towns_name_before_a_given_name_is_a_persons(tagger: Tagger) -> None:
    text = "Voters queued in Baghdad. Qassim Mahmoud, a teacher, said he would vote, and Hama Aziz agreed."
    mentions = found(tagger, text)
    assert mentions.get("Qassim Mahmoud", ("",))[0] == "PER", mentions
    assert mentions.get("Hama Aziz", ("",))[0] == "PER", mentions
    assert "Qassim" not in mentions and "Hama" not in mentions, mentions
