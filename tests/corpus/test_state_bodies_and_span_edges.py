"""Tagging through the public API: a state's bodies named by its possessive or by words every
state uses, and the edges of spans (pronouns, days, levels in lowercase, peoples after their
place, honorifics).

Found by blind sets on the end of Nagorno-Karabakh, the Kachin war, Tripoli's militias, the
ONLF in Ethiopia's Somali Region and the PKK's disarmament.
"""

from __future__ import annotations

import pytest

from canonym import Tagger

pytestmark = pytest.mark.corpus


def links(tagger: Tagger, text: str) -> list[tuple[str, str | None]]:
    """The surface and entity of each mention the tagger finds in ``text``, in order."""
    return [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]


def test_a_body_after_its_states_possessive_is_that_states(tagger: Tagger) -> None:
    # A Paraguayan story that names two states with a "Federal Police": each possessive says
    # whose; the same name later is the one the story named before.
    text = (
        "ASUNCION, Paraguay - Police in Ciudad del Este raided three exchange houses on Tuesday. "
        "The raids followed a request from Brazil's Federal Police, prosecutors in Asuncion said. "
        "The Federal Police in Brasilia did not respond to a request for comment."
    )
    found = links(tagger, text)
    assert [entity for surface, entity in found if surface == "Federal Police"] == ["policia-federal"] * 2, found
    text += " One suspect had trained with Iraq's Federal Police in Baghdad, a lawyer said."
    found = links(tagger, text)
    assert [entity for surface, entity in found if surface == "Federal Police"][::2] == ["policia-federal", "iraqi-federal-police"], found


def test_a_body_after_the_possessive_of_a_state_it_does_not_belong_to_is_unknown(tagger: Tagger) -> None:
    text = "Syria's Ministry of Defense said on Sunday that the factions had joined the new army in Damascus."
    assert ("Ministry of Defense", None) in links(tagger, text)


def test_a_body_named_by_words_every_state_uses_is_no_known_foreign_body(tagger: Tagger) -> None:
    # The gazetteer's "General Intelligence Service" is Egypt's and its "Internal Security
    # Forces" Lebanon's; a Syrian story names Syria's, which it does not know.
    text = (
        "DAMASCUS - The General Intelligence Service arrested a cell in the Damascus countryside, "
        "Syria's state news agency said. The Internal Security Forces in Raqqa later detained two men. "
        "The men had planned attacks in Homs and Aleppo."
    )
    found = dict(links(tagger, text))
    assert found["General Intelligence Service"] is None
    assert found["Internal Security Forces"] is None


def test_a_ministry_every_state_has_is_not_the_one_of_another_country_the_story_names(tagger: Tagger) -> None:
    # The story is Syria's; Britain is named in passing: its Ministry of Defence is not meant.
    text = (
        "DAMASCUS - The committee in Latakia recommended strengthening the Ministry of Defense's control "
        "over the factions. Syria's interim authorities in Damascus welcomed the report, and the "
        "United Kingdom said it would study it. Officials in Tartus and Homs were questioned."
    )
    found = links(tagger, text)
    assert ("Ministry of Defense", None) in found, found


def test_a_country_in_capitals_is_no_respelling_of_a_persons_name(tagger: Tagger) -> None:
    # "SYRIA" and "Sirri" share a transliteration key; a heading in capitals is the country.
    text = (
        "DEM Party deputy Sirri Sureyya Onder visited Ocalan on Imrali.\n\n"
        "SYRIA QUESTION\n\n"
        "Ankara wants the process to extend to the Syrian Democratic Forces in Syria."
    )
    assert ("SYRIA", "syria") in links(tagger, text)


def test_a_possessive_pronoun_or_a_day_opening_a_run_is_no_part_of_the_name(tagger: Tagger) -> None:
    text = (
        "It followed the killing on Monday of Abdulghani Kikli, the head of the Stability Support Apparatus. "
        "The militia was led by Zahkung Ting Ying. His New Democratic Army-Kachin signed a ceasefire in 1989."
    )
    surfaces = [surface for surface, _ in links(tagger, text)]
    assert "Abdulghani Kikli" in surfaces and "New Democratic Army-Kachin" in surfaces, surfaces
    assert not any(surface.startswith(("Monday", "His")) for surface in surfaces), surfaces


def test_a_level_in_lowercase_after_a_word_that_names_nothing_alone_is_part_of_the_place(tagger: Tagger) -> None:
    text = "Fighting spread across the Somali region of Ethiopia, and refugees crossed into Kachin state."
    found = links(tagger, text)
    assert ("Somali region", "somali-region") in found and ("Kachin state", "kachin-state") in found, found


def test_a_people_named_after_their_place_is_no_name_of_its_own(tagger: Tagger) -> None:
    text = (
        "More than 100,000 Karabakh Armenians fled to Armenia within a week, one Karabakh Armenian family in three by car. "
        "The Armenians of Karabakh had lived under blockade for ten months."
    )
    found = links(tagger, text)
    assert found.count(("Karabakh", "nagorno-karabakh")) == 3, found
    assert not any("Armenians" in surface for surface, _ in found), found


def test_a_lowercase_noun_after_an_acronym_is_no_title(tagger: Tagger) -> None:
    # "intelligence" opens titles ("Intelligence Minister"), not "intelligence agency": the
    # acronym before it is a body, settled by the Turkish story it is in.
    text = (
        "ANKARA - Turkish officials said the country's MIT intelligence agency, led by Ibrahim Kalin, "
        "had coordinated the handover with Erbil. Turkey's parliament in Ankara will set up a commission, "
        "and Istanbul prosecutors dropped two cases."
    )
    assert ("MIT", "turkish-national-intelligence-organization") in links(tagger, text)


def test_an_honorific_after_his_is_no_name(tagger: Tagger) -> None:
    text = "The Archbishop of Colombo, His Eminence Malcolm Cardinal Ranjith, said the families were still waiting."
    surfaces = [surface for surface, _ in links(tagger, text)]
    assert "Malcolm Cardinal Ranjith" in surfaces and "Eminence" not in surfaces, surfaces


def test_a_place_named_with_its_lowercase_word_is_that_place(tagger: Tagger) -> None:
    # The gazetteer names the corridor "Lachin corridor"; the span leaves the lowercase word
    # out (SPEC), and the town of Lachin is another place.
    found = links(tagger, "Azerbaijan closed the Lachin corridor in December 2022. Beirut port was rebuilt.")
    assert ("Lachin", "lachin-corridor") in found and ("Beirut", "beirut") in found, found


def test_a_partys_acronym_inside_its_name_is_part_of_it(tagger: Tagger) -> None:
    text = (
        "Spokesman for the ruling Justice and Development (AK) Party Omer Celik told reporters that the "
        "process would go on. The Peoples' Equality and Democracy (DEM) Party welcomed it."
    )
    found = links(tagger, text)
    assert ("Justice and Development (AK) Party", "akp") in found, found
    assert ("Peoples' Equality and Democracy (DEM) Party", "dem-party") in found, found
    assert not any(entity == "alaska" or surface.startswith("Party") for surface, entity in found), found


def clusters(tagger: Tagger, documents: list[tuple[str, str]], surfaces: set[str]) -> dict[tuple[str, str], str]:
    """The NIL cluster of each named body, by document and surface, over one run."""
    return {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents) if m.surface in surfaces}


def test_a_body_that_names_its_state_after_it_is_that_states_body(tagger: Tagger) -> None:
    # The long form says whose ministry it is; the short form after it, the acronym and the
    # same short form in another Azerbaijani story are the same body, Armenia's is another.
    documents = [
        ("az1", "BAKU - The Ministry of Defense of the Republic of Azerbaijan said on Monday that its positions near Baku came under fire. The Ministry of Defense said no soldier was hurt."),
        ("az2", "BAKU - A spokesman for the Ministry of Defense said on Friday that the mine-clearing work near Baku and Ganja would go on until spring."),
        ("am1", "YEREVAN - The Ministry of Defense of Armenia rejected the claim on Monday, calling it a provocation, and the prime minister's office in Yerevan said the same."),
        ("ng1", "ABUJA - The Armed Forces of Nigeria (AFN) said on Tuesday that the AFN had cleared three camps near Maiduguri."),
    ]
    found = clusters(tagger, documents, {"Ministry of Defense of the Republic of Azerbaijan", "Ministry of Defense", "Ministry of Defense of Armenia", "Armed Forces of Nigeria", "AFN"})
    azerbaijani = found[("az1", "Ministry of Defense of the Republic of Azerbaijan")]
    assert found[("az1", "Ministry of Defense")] == found[("az2", "Ministry of Defense")] == azerbaijani, found
    assert found[("am1", "Ministry of Defense of Armenia")] != azerbaijani, found
    assert found[("ng1", "AFN")] == found[("ng1", "Armed Forces of Nigeria")], found


def test_a_body_after_a_states_possessive_is_not_the_storys_countrys(tagger: Tagger) -> None:
    # A Saudi story names Syria's interior ministry: it is not the Saudi one of another story.
    documents = [
        ("sa1", "RIYADH - Saudi Arabia's envoy met officials in Jeddah on Sunday. Syria's Ministry of Interior said the talks covered border crossings near Riyadh and Jeddah."),
        ("sa2", "RIYADH - The Ministry of Interior said on Monday that it had arrested four men in Jeddah and Dammam over a plot against a mosque in Riyadh."),
        ("sy1", "DAMASCUS - The Ministry of Interior said on Monday that its forces had detained a cell in Homs and Damascus."),
    ]
    found = clusters(tagger, documents, {"Ministry of Interior"})
    assert found[("sa1", "Ministry of Interior")] == found[("sy1", "Ministry of Interior")] != found[("sa2", "Ministry of Interior")], found


def test_a_name_in_a_long_headline_is_cut_from_the_words_around_it(tagger: Tagger) -> None:
    # A press release's headline of 21 words: its capitalised common words are no names,
    # the person it names is the one the story names again.
    text = (
        "Justice Department Announces Charges Against Indian Government Employee in Connection "
        "with Foiled Plot to Assassinate U.S. Citizen in New York City\n\n"
        "Former Official Rakesh Malhotra Indicted in Manhattan Federal Court\n\n"
        "A superseding indictment was unsealed today charging Rakesh Malhotra, a former official, "
        "for his role in a foiled plot to assassinate a U.S. citizen in New York City."
    )
    surfaces = [surface for surface, _ in links(tagger, text)]
    assert surfaces.count("Rakesh Malhotra") == 2, surfaces
    assert not {"Foiled Plot", "Assassinate", "Former Official Rakesh Malhotra Indicted"} & set(surfaces), surfaces


def test_a_body_opened_by_its_states_adjective_is_that_states(tagger: Tagger) -> None:
    documents = [
        ("a", "DAMASCUS - The Interior Ministry said on Monday that its forces had arrested two men in Harasta."),
        ("b", "BAGHDAD - Iraqi officers met a delegation of the Syrian Ministry of Interior in Baghdad on Tuesday."),
        ("c", "RIYADH - The Interior Ministry said a cell had been broken up in Qatif."),
    ]
    found = clusters(tagger, documents, {"Interior Ministry", "Syrian Ministry of Interior"})
    assert found[("b", "Syrian Ministry of Interior")] == found[("a", "Interior Ministry")], found
    assert found[("a", "Interior Ministry")] != found[("c", "Interior Ministry")], found


def test_a_short_body_name_is_the_state_the_text_last_named_for_it(tagger: Tagger) -> None:
    # Two states' foreign ministries in one story: after "Qatar's" (and "in Doha") the short
    # name is Qatar's, as it is in a Qatari story; before it, Egypt's.
    documents = [
        ("eg", "CAIRO - The Egyptian Foreign Ministry condemned the strike. The Foreign Ministry said Cairo would keep mediating. In Doha, a spokesman of Qatar's Foreign Ministry said talks would go on. The Foreign Ministry in Doha added that Qatar would not be deterred."),
        ("qa", "DOHA - The Foreign Ministry said on Monday that Qatar would host the talks in Doha."),
        ("eg2", "CAIRO - The Foreign Ministry said on Monday that Egypt would host the talks in Cairo."),
    ]
    found = [(m.doc_id, m.surface, m.cluster_id) for m in tagger.tag_documents(documents) if "Ministry" in m.surface]
    egyptian, short_egyptian, qatari, in_doha = (cluster for doc, _, cluster in found if doc == "eg")
    assert egyptian == short_egyptian != qatari, found
    assert qatari == in_doha == found[-2][2], found
    assert found[-1][2] == egyptian, found
