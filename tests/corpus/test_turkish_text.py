"""Reporting in Turkish, through the public API: case endings after an apostrophe are no
part of a name, small letters of Turkish's alphabet open no name, and the groups and
places of the built-in gazetteer by their Turkish names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import Tagger
from factory import clusters_by_surface as found

pytestmark = pytest.mark.corpus

TURKISH = (
    "Gaziantep'te DEAŞ'a yönelik operasyonda yakalanan şüpheliler, örgütün Suriye'deki yapılanmasıyla "
    "irtibatlı çıktı. İstanbul'da ve Şanlıurfa'nın Akçakale ilçesinde bulunan şüphelilerin evleri arandı. "
    "Öte yandan Fetullahçı Terör Örgütü'nün mahrem yapılanmasına yönelik soruşturma sürüyor; "
    "PKK'nın Kandil'deki yöneticileri ile Suriye Milli Ordusu arasında çatışma çıktı."
)


def test_case_endings_after_an_apostrophe_are_no_part_of_a_name(tagger: Tagger) -> None:
    names = found(tagger, TURKISH)
    assert names["DEAŞ"] == "islamic-state" and names["PKK"] == "pkk"
    assert names["Suriye"] == "syria" and names["İstanbul"] == "istanbul"
    assert {"Gaziantep", "Şanlıurfa", "Kandil", "Akçakale"} <= names.keys()
    assert not any("'" in surface for surface in names)


def test_groups_by_their_turkish_names(tagger: Tagger) -> None:
    names = found(tagger, TURKISH)
    assert names["Fetullahçı Terör Örgütü"] == "gulen-movement"
    assert names["Suriye Milli Ordusu"] == "syrian-national-army"


def test_small_turkish_letters_and_function_words_open_no_name(tagger: Tagger) -> None:
    names = found(tagger, TURKISH)
    assert not [surface for surface in names if surface[0].islower() or surface.startswith("Öte")]


def test_an_apostrophe_in_an_english_text_is_an_ayn_or_hamza_of_the_name(tagger: Tagger) -> None:
    names = found(tagger, "Houthi forces in Sana'a and the Shi'a militias of Ma'rib. Karayılan and Bayık were named.")
    assert names["Sana'a"] == "sanaa"
    assert "Ma'rib" in names


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["İstanbul'da", "PKK'nın", "Sana'a", "ılık", "ve", "Suriye'deki", "'", "’ın", " ", "\n", "DEAŞ'a", "ş"]), max_size=60))
def test_offsets_hold_whatever_turkish_endings_a_text_has(tagger: Tagger, words: list[str]) -> None:
    text = " ".join(words)
    assert all(text[m.start : m.end] == m.surface for m in tagger.tag(text, "d"))
