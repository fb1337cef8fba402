"""Tagging through the public API: no name runs over a sentence's or paragraph's end, a
kunya is borne as one, peoples, weapons and heading nouns are no names, a list entry's given
name that is also a place's or a known pair's stays the person's, a Saharan place's "In" opens its name, ranks
and "Former" stay out of names, and a family name opening a sentence is its bearer's."""

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
    text = (
        "A Maldivian was among the Kosovars and Bosniaks held in Syria. Malayalam and Kannada "
        "papers reported that Sikh pilgrims and Balkan recruits had left for Raqqa."
    )
    names = found(tagger, text)
    assert set(names) == {"Syria", "Raqqa"}, names


def test_a_list_entrys_given_name_that_names_a_place_stays_the_persons(tagger: Tagger) -> None:
    names = found(tagger, "Reported leader: FAROOQUI, Salahuddin (a.k.a. FAROUQI, Salaheddin).")
    assert names["FAROOQUI, Salahuddin"][0] == "PER", names
    assert names["FAROOQUI, Salahuddin"][1] == names["FAROUQI, Salaheddin"][1], names
    # Given names that spell a place (Qasim, Qassim province) or a known pair (Saeed Ahmed,
    # an alias of Abdul Hakim Murad) stay inside the name in list order.
    text = "Designated: AL-MUAYYADI, Ali Qasim Hassan (a.k.a. MUAYYADI, Ali) and JAMAL, Saeed Ahmed."
    names = found(tagger, text)
    assert names["AL-MUAYYADI, Ali Qasim Hassan"][0] == "PER", names
    assert names["AL-MUAYYADI, Ali Qasim Hassan"][1] == names["MUAYYADI, Ali"][1], names
    assert names["JAMAL, Saeed Ahmed"][1].startswith("NIL:"), names
    assert not {"Qasim", "Saeed Ahmed"} & set(names), names
    # A dateline's place and its province stay two places.
    names = found(tagger, "BAIJI, Salahuddin (Reuters) - Gunmen struck a checkpoint.")
    assert names.get("Salahuddin") == ("LOC", "salahuddin-governorate"), names


def test_in_opens_a_saharan_places_name_in_mid_sentence(tagger: Tagger) -> None:
    text = "The cache was found near In Guezzam and In Salah. In Mali, the army said more."
    names = found(tagger, text)
    assert names.get("In Guezzam", ("",))[0] == names.get("In Salah", ("",))[0] == "LOC", names
    assert names.get("Mali") == ("LOC", "mali"), names


def test_air_force_ranks_headline_nouns_and_former_are_no_part_of_names(tagger: Tagger) -> None:
    text = (
        "Iran International Newsroom\n\n\"We tracked him,\" Wing Commander Iftekhar Rashid said.\n\n"
        "Militancy in the province\n\nFormer State Intelligence Service (SIS) chief Nilantha Jayawardena testified."
    )
    names = found(tagger, text)
    assert names.get("Iftekhar Rashid", ("",))[0] == "PER", names
    assert "State Intelligence Service" in names, names
    assert not {"Wing", "Newsroom", "Militancy", "Former State Intelligence Service"} & set(names), names


def test_a_family_name_opening_a_sentence_is_the_persons_though_a_word_begins_so(tagger: Tagger) -> None:
    text = (
        "Ibrahim al-Organi chairs the union.\n\nFrom the war to the border\n\n"
        "Organi, who is from the Tarabin tribe, was detained in 2008. Many were organised in tribes."
    )
    names = found(tagger, text)
    assert names.get("Organi") == names["Ibrahim al-Organi"], names
