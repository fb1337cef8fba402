"""Short forms of names, in one document and across the documents of a run, through the
public API: a surname after a fuller name, an acronym another document defines, a unit's
number and kind, and long names whose linking words cut their capitalised runs.

Runs on the built-in gazetteer: the names here are ones it does not hold.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import cluster_of

pytestmark = pytest.mark.corpus


def test_a_surname_takes_what_its_anchor_becomes_later_in_the_document(tagger: Tagger) -> None:
    # "al-Jamal" follows "Sa'id al-Jamal", which is the fuller name the notice gives later.
    text = (
        "Treasury named the network of Sa'id al-Jamal on Tuesday. Ships managed for al-Jamal "
        "carried Iranian oil to Syria.\n\nDesignated person:\nAL-JAMAL, Sa'id Ahmad Muhammad; DOB 1978."
    )
    # Another Sa'id al-Jamal of the run keeps the short name from joining either across documents.
    other = ("m", "Sa'id Khalil al-Jamal, a banker in Beirut, denied it.")
    found = cluster_of(tagger, [("n", text), other])
    assert found[("n", "al-Jamal")] == found[("n", "Sa'id al-Jamal")] == found[("n", "AL-JAMAL, Sa'id Ahmad Muhammad")]


def test_a_capitalised_said_is_a_given_name(tagger: Tagger) -> None:
    found = cluster_of(tagger, [("n", "Vessels tied to the Iran-based financier Said al-Marzouqi changed flags.")])
    assert ("n", "Said al-Marzouqi") in found and ("n", "al-Marzouqi") not in found


def test_a_short_name_joins_the_fuller_one_that_opens_and_ends_alike_across_documents(tagger: Tagger) -> None:
    documents = [
        ("notice", "Treasury designated Sa'id Ahmad Muhammad al-Jamal, a financier in Tehran."),
        ("court", "The court heard from Saed Jamal Odeh, a shopkeeper in Nablus."),
        ("story", "Ships tied to Sa'id al-Jamal changed their flags again."),
    ]
    found = cluster_of(tagger, documents)
    assert found[("story", "Sa'id al-Jamal")] == found[("notice", "Sa'id Ahmad Muhammad al-Jamal")]
    assert found[("court", "Saed Jamal Odeh")] != found[("notice", "Sa'id Ahmad Muhammad al-Jamal")]


def test_given_names_without_a_family_name_join_no_fuller_name_across_documents(tagger: Tagger) -> None:
    # "Abdi Noor" is a given name and a father's: many longer names hold them.
    documents = [
        ("a", "Elders led by Abdi Farah Noor met the governor in Garissa."),
        ("b", "A trader, Abdi Hassan Noor, was robbed in Mandera."),
        ("c", "Witnesses said Abdi Noor had left the village."),
    ]
    found = cluster_of(tagger, documents)
    assert found[("c", "Abdi Noor")] not in {found[("a", "Abdi Farah Noor")], found[("b", "Abdi Hassan Noor")]}


def test_an_acronym_another_document_defines_is_that_body(tagger: Tagger) -> None:
    documents = [
        ("rabat", "The Central Bureau of Judicial Investigations (BCIJ) arrested four men in Tangier."),
        ("sale", "Agents of the BCIJ searched a flat in Sale on Monday."),
    ]
    found = cluster_of(tagger, documents)
    assert found[("sale", "BCIJ")] == found[("rabat", "BCIJ")] == found[("rabat", "Central Bureau of Judicial Investigations")]


def test_an_acronym_two_documents_define_apart_stays_on_its_own(tagger: Tagger) -> None:
    documents = [
        ("a", "The Sahel Mining Authority (SMA) issued licences."),
        ("b", "The Southern Militia Alliance (SMA) took the town."),
        ("c", "A spokesman for the SMA declined to comment."),
    ]
    found = cluster_of(tagger, documents)
    assert found[("c", "SMA")] not in {found[("a", "Sahel Mining Authority")], found[("b", "Southern Militia Alliance")]}


def test_a_name_with_linking_words_that_an_acronym_defines_is_one_name(tagger: Tagger) -> None:
    text = (
        "The Parliamentary Joint Committee on Intelligence and Security (PJCIS) reviewed the listing. "
        "Its chair said the PJCIS would report in May. The Humanitarian Affairs and Disaster "
        "Management Agency (HADMA) sent food."
    )
    found = cluster_of(tagger, [("d", text)])
    assert found[("d", "PJCIS")] == found[("d", "Parliamentary Joint Committee on Intelligence and Security")]
    assert found[("d", "HADMA")] == found[("d", "Humanitarian Affairs and Disaster Management Agency")]
    assert ("d", "Parliamentary Joint Committee") not in found and ("d", "Disaster Management Agency") not in found


def test_a_numbered_units_short_name_is_the_unit_of_the_document(tagger: Tagger) -> None:
    text = (
        "Soldiers of the 103rd Infantry Brigade cleared the village. A spokesman for the 103rd "
        "Brigade said two were wounded. The 6th Division and the 6th Armoured Division and the "
        "6th Infantry Division were elsewhere."
    )
    found = cluster_of(tagger, [("d", text)])
    assert found[("d", "103rd Brigade")] == found[("d", "103rd Infantry Brigade")]
    # Two sixth divisions of the document: the short name is neither.
    assert found[("d", "6th Division")] not in {found[("d", "6th Armoured Division")], found[("d", "6th Infantry Division")]}


def test_a_capitalised_name_that_a_known_place_cuts_is_one_name_before_its_acronym(tagger: Tagger) -> None:
    text = (
        "The Gerakan Mujahidin Islam Patani (GMIP) was small. Le groupe État islamique au Grand "
        "Sahara (EIGS) a frappé. He was named a Specially Designated Global Terrorist (SDGT) by "
        "Kuwait's Financial Intelligence Unit (KFIU)."
    )
    found = cluster_of(tagger, [("d", text)])
    assert found[("d", "GMIP")] == found[("d", "Gerakan Mujahidin Islam Patani")]
    assert found[("d", "EIGS")] == found[("d", "État islamique au Grand Sahara")] == "islamic-state-sahel-province"
    # A label the acronym shortens names no one; an owner is no part of the name it owns.
    assert ("d", "Specially Designated Global Terrorist") not in found
    assert ("d", "Kuwait's Financial Intelligence Unit") not in found


def test_a_title_before_a_word_that_is_also_a_places_weak_alias_makes_it_a_person(tagger: Tagger) -> None:
    mentions = tagger.tag("The cleric Maulana Salahuddin spoke. Fighting in Salahuddin province went on.", "d")
    person, province = (m for m in mentions if m.surface == "Salahuddin")
    assert (person.type, person.entity_id) == ("PER", None)
    assert province.entity_id == "salahuddin-governorate"
    # Syed opens a South Asian name (SPEC's spans keep it), which is no place's either.
    syed = [m for m in tagger.tag("Hizbul Mujahideen chief Syed Salahuddin spoke.", "d") if "Salahuddin" in m.surface]
    assert [(m.surface, m.type, m.entity_id) for m in syed] == [("Syed Salahuddin", "PER", "mohammad-yusuf-shah")]


def test_a_title_written_alone_is_the_surname_of_a_person_of_the_document_who_bears_it(tagger: Tagger) -> None:
    text = (
        "Khudeida Elias Hajji, a survivor from Kocho, spoke on Monday. Hajji said the camp was overcrowded. "
        "Rear Adm. Jon Pike thanked the Chairman. Mr. Chairman, the Sheikh said."
    )
    clusters = {m.surface: m.cluster_id for m in tagger.tag(text, "d")}
    assert clusters["Hajji"] == clusters["Khudeida Elias Hajji"]
    # A title no name of the document ends with is no name.
    assert not {"Chairman", "Sheikh"} & clusters.keys()


def test_a_title_after_an_arabic_group_word_and_its_article_is_part_of_the_name(tagger: Tagger) -> None:
    text = "Fighters of Katibat al-Imam al-Bukhari crossed into Idlib."
    assert {m.surface: m.entity_id for m in tagger.tag(text, "d")}["Katibat al-Imam al-Bukhari"] == "katibat-imam-al-bukhari"


def test_a_name_the_gazetteer_meets_only_roughly_is_the_fuller_name_of_the_document(tagger: Tagger) -> None:
    # "Yusif Abdallah" comes near Oman's Yusuf bin Alawi bin Abdullah by the fuzzy tier, but
    # here it is the owner of the mall the story named in full.
    text = (
        "Treasury sanctioned Mohamad Yusif Abdallah, the owner of the Galeria Page mall in Ciudad "
        "del Este. Prosecutors say Yusif Abdallah moved money to Beirut."
    )
    found = cluster_of(tagger, [("d", text)])
    assert found[("d", "Yusif Abdallah")] == found[("d", "Mohamad Yusif Abdallah")], found
    assert found[("d", "Yusif Abdallah")].startswith("NIL:"), found
