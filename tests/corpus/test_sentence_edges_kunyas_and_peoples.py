"""Tagging through the public API: no name runs over a sentence's or paragraph's end, a
kunya is borne as one, peoples and weapons are no names, a list entry's given name that is
also a place's stays the person's, and a Saharan place's "In" opens its name."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_known_name_does_not_run_over_a_paragraphs_end(tagger: Tagger) -> None:
    text = "An arms cache was found on the border with Niger.\n\nState news agency APS said so."
    names = found(tagger, text)
    assert names.get("Niger") == ("LOC", "niger"), names
    assert not [s for s in names if "\n" in s], names


def test_a_kunya_is_not_the_person_whose_given_name_it_holds(tagger: Tagger) -> None:
    text = (
        "Former president Mohamed Morsi died in 2019. Umm Mohammed, a mother of three from Arish, "
        "said she waited. Abu Muhammad al-Adnani was killed in 2016; Abu Muhammad had led its media."
    )
    names = found(tagger, text)
    assert names["Umm Mohammed"][1] != "mohamed-morsi", names
    assert names["Abu Muhammad"][1] == "abu-muhammad-al-adnani", names


def test_peoples_and_weapons_are_no_names(tagger: Tagger) -> None:
    text = (
        "Most of the men were Malian Tuareg fighters armed with a Kalashnikov. A Bangladeshi-American "
        "was charged. Sahrawi refugees live near Tindouf. Abdi Sheikh, a witness, said so."
    )
    names = found(tagger, text)
    assert set(names) == {"Tindouf", "Abdi Sheikh"}, names


def test_a_list_entrys_given_name_that_names_a_place_stays_the_persons(tagger: Tagger) -> None:
    names = found(tagger, "Reported leader: FAROOQUI, Salahuddin (a.k.a. FAROUQI, Salaheddin).")
    assert names["FAROOQUI, Salahuddin"][0] == "PER", names
    assert names["FAROOQUI, Salahuddin"][1] == names["FAROUQI, Salaheddin"][1], names
    # A dateline's place and its province stay two places.
    names = found(tagger, "BAIJI, Salahuddin (Reuters) - Gunmen struck a checkpoint.")
    assert names.get("Salahuddin") == ("LOC", "salahuddin-governorate"), names


def test_in_opens_a_saharan_places_name_in_mid_sentence(tagger: Tagger) -> None:
    text = "The cache was found near In Guezzam and In Salah. In Mali, the army said more."
    names = found(tagger, text)
    assert names.get("In Guezzam", ("",))[0] == names.get("In Salah", ("",))[0] == "LOC", names
    assert names.get("Mali") == ("LOC", "mali"), names
