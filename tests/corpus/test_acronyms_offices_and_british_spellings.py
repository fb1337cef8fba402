"""Tagging through the public API: an acronym that spells a name's capitalised article is
that name's, a British "Co-operation" keeps a name whole, and an office's title written
alone is no name; an acronym and the leader "of" it are two names."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import types_and_clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_an_acronym_that_spells_the_names_article_is_that_name(tagger: Tagger) -> None:
    # "AAB" is also the Abdullah Azzam Brigades' acronym; here the document defines it.
    text = (
        "Treasury designated Saraya al-Ashtar, also known as the Al-Ashtar Brigades (AAB), on Monday. "
        "AAB has claimed attacks on police in Bahrain."
    )
    names = found(tagger, text)
    assert names["AAB"] == ("ORG", "al-ashtar-brigades"), names


def test_a_british_co_hyphen_spelling_keeps_the_name_whole(tagger: Tagger) -> None:
    text = "She said Gulf Co-operation Council states faced the same groups. The Co-ordination Framework met."
    names = found(tagger, text)
    assert names["Gulf Co-operation Council"] == ("ORG", "gulf-cooperation-council"), names
    assert names["Co-ordination Framework"] == ("ORG", "coordination-framework"), names
    assert "Gulf Co" not in names and "Council" not in names, names


def test_an_offices_title_of_three_words_alone_is_no_name(tagger: Tagger) -> None:
    text = "The Senior Divisional Officer for Mayo-Tsanaga, Paul Ekwalla, visited Kolofata on Sunday."
    names = found(tagger, text)
    assert "Senior Divisional Officer" not in names, names
    assert names["Paul Ekwalla"][0] == "PER" and names["Kolofata"] == ("LOC", "kolofata"), names


def test_an_acronym_and_the_leader_of_it_are_two_names(tagger: Tagger) -> None:
    text = "The coalition unites the MPC of Mahamat Al-Khatim, the FPRC of Noureddine Adam and the Bank of Yemen."
    names = found(tagger, text)
    assert names["MPC"][0] == names["FPRC"][0] == "ORG", names
    assert names["Mahamat Al-Khatim"][0] == "PER", names
    assert names["Noureddine Adam"] == ("PER", "nourredine-adam"), names
    assert "Bank of Yemen" in names, names
