"""Philippine army, police and press reporting, through the public API: the abbreviated
ranks of their releases, Filipino honorifics and the words before a village's name are no
part of the name."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_villages_word_before_its_name_is_no_part_of_it_and_makes_it_a_place(tagger: Tagger) -> None:
    names = found(tagger, "Troops cleared Barangay Pindolonan and Sitio Lambayong before noon.")
    assert "Barangay Pindolonan" not in names and "Sitio Lambayong" not in names
    mentions = {m.surface: m.type for m in tagger.tag("Troops cleared Barangay Pindolonan and Sitio Lambayong before noon.", "d")}
    assert mentions["Pindolonan"] == mentions["Lambayong"] == "LOC"


def test_abbreviated_ranks_and_honorifics_are_titles(tagger: Tagger) -> None:
    names = found(tagger, "PBGen Arnel Sasot met MGen Roy Galido. Kumander Kidar surrendered with Kuya Dindo.")
    assert {"Arnel Sasot", "Roy Galido", "Kidar", "Dindo"} <= names.keys()
    assert not any(surface.startswith(("PBGen", "MGen", "Kumander", "Kuya")) for surface in names)


def test_a_commanders_alias_after_alias_is_the_same_person(tagger: Tagger) -> None:
    names = found(tagger, "Troops killed Norhan Macarambon Sarip, alias Kumander Lando, in the clash. Lando had led the cell.")
    assert names["Lando"] == names["Norhan Macarambon Sarip"]
