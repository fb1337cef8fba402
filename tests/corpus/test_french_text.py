"""Reporting in French, through the public API: articles elided onto names, the function
words that open French sentences, generic words before a name, and the French names of
international bodies in the built-in gazetteer."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_an_elided_article_is_no_part_of_the_name(tagger: Tagger) -> None:
    names = found(
        tagger,
        "Les soldats de l'Armée nationale tchadienne (ANT) ont riposté. Le chef d'Al-Qaïda est mort. "
        "Les jihadistes d'Afrique de l'Ouest et l'Etat islamique en Afrique de l'Ouest (EIAO) recrutent.",
    )
    assert names["Armée nationale tchadienne"] == names["ANT"]
    assert names["Al-Qaïda"] == "al-qaeda"
    assert names["Afrique de l'Ouest"] == "west-africa"
    assert names["Etat islamique en Afrique de l'Ouest"] == names["EIAO"] == "islamic-state-west-africa-province"
    assert not any(surface.startswith(("l'", "d'")) for surface in names)


def test_a_word_inside_a_name_after_an_apostrophe_stays_in_it(tagger: Tagger) -> None:
    names = found(tagger, "Al-Qa'ida and Jama'at Nusrat al-Islam wal-Muslimin were named.")
    assert names == {"Al-Qa'ida": "al-qaeda", "Jama'at Nusrat al-Islam wal-Muslimin": "jamaat-nusrat-al-islam-wal-muslimin"}


def test_french_function_words_that_open_a_sentence_name_nothing(tagger: Tagger) -> None:
    names = found(tagger, "Selon le ministère, le calme est revenu. Un porte-parole a parlé. La ville est calme.")
    assert names == {}
    # An acronym in capitals is still one.
    assert found(tagger, "The UN said so.") == {"UN": "united-nations"}


def test_generic_words_of_another_language_before_a_name_are_part_of_it(tagger: Tagger) -> None:
    names = found(tagger, "Les îles du lac Tchad et le bassin du lac Tchad.")
    assert names == {"lac Tchad": "lake-chad", "bassin du lac Tchad": "lake-chad-basin"}
    # English lowercase generic words stay out of the span, as SPEC.md has it.
    assert set(found(tagger, "Raids on the Jenin refugee camp continued.")) == {"Jenin"}


def test_french_names_of_international_bodies(tagger: Tagger) -> None:
    names = found(
        tagger,
        "Selon l'Organisation internationale pour les migrations (OIM), le Programme alimentaire "
        "mondial (PAM) et la Force multinationale mixte (FMM) sont présents.",
    )
    assert names["Organisation internationale pour les migrations"] == names["OIM"] == "iom"
    assert names["Programme alimentaire mondial"] == names["PAM"] == "wfp"
    assert names["Force multinationale mixte"] == names["FMM"] == "multinational-joint-task-force"
