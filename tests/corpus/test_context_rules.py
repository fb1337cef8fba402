"""Context rules of the tagger: capitalised words that are no names, the outermost name, the
name proper inside a description, place levels, coreference with unknown people.

Unit tests of ``canonym.corpus.context`` first, then what a user sees through ``Tagger.tag``
on the built-in gazetteer (corpus tests). The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from canonym import Tagger
from canonym.corpus.context import (
    base_forms,
    is_common_form,
    opens_sentence,
    place_level,
    proper_part,
    used_lowercase,
)


def test_base_forms_undo_english_inflection() -> None:
    # English
    assert "queue" in base_forms("queues")
    assert "military" in base_forms("militarily")
    assert "bargain" in base_forms("bargaining")
    assert is_common_form("hostages", frozenset({"hostage"}))
    assert not is_common_form("haqqani", frozenset({"hostage"}))


def test_used_lowercase_needs_the_word_at_a_word_start() -> None:
    assert used_lowercase("Militants came. The militants left.", "Militants")
    assert not used_lowercase("Militants came. Antimilitants left.", "Militants")
    assert not used_lowercase("lower", "lower")  # written in lowercase itself: not a capitalised word


def test_opens_sentence_after_punctuation_bullets_and_dashes() -> None:
    text = "BAMAKO, Nov 14 - Queues formed. → Explainer: what next, Hostages"
    assert opens_sentence(text, text.index("Queues"))
    assert opens_sentence(text, text.index("Explainer"))
    assert not opens_sentence(text, text.index("Hostages"))


@pytest.mark.parametrize(
    ("surface", "part"),
    [
        ("U.S.-led coalition", "U.S."),
        ("Jenin refugee camp", "Jenin"),
        ("southern suburbs of Beirut", "Beirut"),
        ("Islamic State group", "Islamic State"),
        ("Gulf of Aden", None),  # two names: not a description
        ("Gaza Strip", None),  # every word capitalised: a name as it stands
    ],
)
def test_proper_part_of_a_description(surface: str, part: str | None) -> None:
    found = proper_part(surface)
    assert (surface[found[0] : found[1]] if found else None) == part


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        ("Clashes in the Hama countryside went on.", "Hama", "province"),
        ("bases in the Hasakah and Deir al-Zor provinces", "Hasakah", "province"),
        ("a raid near the city of Deir al-Zor", "Deir al-Zor", "city"),
        ("the forests of the Juba valley", "Juba", "river"),
        ("He flew to Hama on Monday.", "Hama", None),
        ("Lakurawa operates in Sokoto and Kebbi states.", "Sokoto", "province"),
        ("bases around Raqqa and in Deir ez-Zor province", "Deir ez-Zor", "province"),
        ("villages in the eastern countryside of Aleppo", "Aleppo", "province"),
        ("Residents of Lamu and Mandera counties", "Lamu", "province"),
        ("raids in Mandera County", "Mandera", "province"),
        # The words after a comma are no list of provinces unless capitalised.
        ("a cave near Sulaymaniyah, in Iraq's Kurdistan region", "Sulaymaniyah", None),
        # A list of any length before its plural level word, or after its level word before.
        ("events in the Mopti, Ségou and Timbuktu regions", "Mopti", "province"),
        ("cells in the countryside of Latakia and Aleppo", "Aleppo", "province"),
        ("the coastal governorates of Lattakia and Tartous", "Lattakia", "province"),
        ("the cities of Aleppo and Homs", "Homs", "city"),
        # An area: most of it, or a unit of it after its possessive.
        ("AANES still runs most of Raqqa and Hasakah", "Hasakah", "province"),
        ("Private Omer, from Erbil's Harir subdistrict", "Erbil", "province"),
        ("Villagers in Duhok's border areas", "Duhok", "province"),
        ("Duhok's mayor spoke.", "Duhok", None),
    ],
)
def test_place_level_from_the_words_around(text: str, name: str, level: str | None) -> None:
    start = text.index(name)
    assert place_level(text, start, start + len(name)) == level


# -- through the tagger (built-in gazetteer) ---------------------------------------------


def found(tagger: Tagger, text: str) -> dict[str, str]:
    return {m.surface: m.cluster_id for m in tagger.tag(text, "d")}


def named(tagger: Tagger, text: str) -> dict[str, tuple[str, str]]:
    """The cluster and type of each surface the tagger finds in ``text``."""
    return {m.surface: (m.cluster_id, m.type) for m in tagger.tag(text, "d")}


@pytest.mark.corpus
def test_sentence_initial_common_words_titles_and_codes_are_no_names(tagger: Tagger) -> None:
    text = (
        "Queues formed at dawn in Bamako. Militarily, the junta is weak. "
        "His deputy, Brig. Gen. Esmail Qaani, spoke. The list entry QDi.006 was amended.\n\n"
        "I. Overview\n\nThe Egyptian army said nothing; the Israeli military declined to comment."
    )
    surfaces = set(found(tagger, text))
    assert {"Queues", "Militarily", "Brig", "QDi", "I. Overview", "Overview"}.isdisjoint(surfaces)
    assert {"Egyptian army", "Israeli military"}.isdisjoint(surfaces)
    assert "Esmail Qaani" in surfaces and "Bamako" in surfaces


@pytest.mark.corpus
def test_the_outermost_name_wins_around_a_known_place(tagger: Tagger) -> None:
    text = "The minister spoke to the Oman News Agency and to Télé Sahel, then met the Central Bank of Yemen."
    surfaces = set(found(tagger, text))
    assert {"Oman News Agency", "Télé Sahel", "Central Bank of Yemen"} <= surfaces
    assert "Oman" not in surfaces and "Yemen" not in surfaces


@pytest.mark.corpus
def test_a_description_around_a_place_is_the_place(tagger: Tagger) -> None:
    text = "The U.S.-led coalition struck near the Jenin refugee camp; the Houthi movement denied it."
    clusters = found(tagger, text)
    assert clusters.get("U.S.") == "united-states"
    assert clusters.get("Jenin") == "jenin-refugee-camp"  # the span is the name; its lowercase level word says which place
    assert clusters.get("Houthi") == "houthis"


@pytest.mark.corpus
def test_province_or_city_by_the_words_around(tagger: Tagger) -> None:
    clusters = found(tagger, "Gunmen attacked a checkpoint in the Hama countryside overnight.")
    assert clusters["Hama"] == "hama-governorate"
    clusters = found(tagger, "A drone struck a car in the city of Hama overnight.")
    assert clusters["Hama"] == "hama"
    # A spelling that names the city alone, before "province": the province named after it.
    assert found(tagger, "A drone struck a gas field in Sulaimani province.")["Sulaimani"] == "sulaymaniyah-governorate"
    # The alias "Deir ez-Zor Province" written with a small p: the shorter alias, not "Zor".
    assert found(tagger, "Attacks in Deir ez-Zor province rose.") == {"Deir ez-Zor": "deir-ez-zor-governorate"}
    # Kenya's counties are its provinces; "the countryside of" a Syrian city is its governorate.
    assert found(tagger, "Residents of Lamu and Mandera counties fled.") == {"Lamu": "lamu-county", "Mandera": "mandera-county"}
    assert found(tagger, "Cells struck in the eastern countryside of Aleppo.")["Aleppo"] == "aleppo-governorate"
    # "Deir" is no adjective of Deira (Dubai) to cut from the name.
    assert found(tagger, "Cells stir in Deir al-Zor again.") == {"Deir al-Zor": "deir-ez-zor"}
    # A name and a lowercase level word that are a place's own name: Iraq's region, not the Kurds' lands.
    assert found(tagger, "Voters in Iraq's Kurdistan region went to the polls.")["Kurdistan"] == "kurdistan-region"


@pytest.mark.corpus
def test_a_city_listed_with_provinces_is_the_province_of_its_name(tagger: Tagger) -> None:
    clusters = found(tagger, "ISIS seeks to regroup in the areas between Erbil, Kirkuk and Salahaddin.")
    assert (clusters["Erbil"], clusters["Kirkuk"]) == ("erbil-governorate", "kirkuk-governorate")
    # Among cities it stays a city; so does a capital, which no province is named after...
    assert found(tagger, "Talks moved between Baghdad and Erbil.")["Erbil"] == "erbil"
    assert found(tagger, "Raids hit cells in Kabul, Nangarhar and Kunar.")["Kabul"] == "kabul"
    # ... and a city beside the region it lies in.
    assert found(tagger, "ERBIL, Kurdistan Region — Officials met.")["ERBIL"] == "erbil"


@pytest.mark.corpus
def test_a_speaker_tag_joins_the_unknown_person_of_the_document(tagger: Tagger) -> None:
    text = "Our guest is Haidar al-Tamimi, a researcher in Basra.\n\nAL-TAMIMI: The factions are divided."
    clusters = found(tagger, text)
    assert clusters["AL-TAMIMI"] == clusters["Haidar al-Tamimi"]
    assert clusters["AL-TAMIMI"].startswith("NIL:")


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        ("The Qandil Relief Network (QRN) opened an office. The QRN said it needs funds.", "Qandil Relief Network", "QRN"),
        # Ordinary words, no name by themselves, that the acronym spells.
        (
            "Fighters of the Hadrami Elite Forces (HEF) moved on Mukalla on Friday. The HEF denied it.",
            "Hadrami Elite Forces",
            "HEF",
        ),
    ],
)
def test_an_acronym_defined_in_parentheses_is_its_name(tagger: Tagger, text: str, name: str, acronym: str) -> None:
    mentions = [m for m in tagger.tag(text, "d") if m.surface in (name, acronym)]
    assert len(mentions) == 3 and len({m.cluster_id for m in mentions}) == 1


@pytest.mark.corpus
def test_a_dateline_names_the_city_and_its_country_apart(tagger: Tagger) -> None:
    # The gazetteer calls the city "Tripoli, Libya" to tell it from Tripoli, Lebanon.
    clusters = found(tagger, "TRIPOLI, Libya (AP) — Clashes erupted overnight in the capital.")
    assert clusters["TRIPOLI"] == "tripoli" and clusters["Libya"] == "libya"
    clusters = found(tagger, "Officials met in Washington, D.C., on Monday.")
    assert clusters["Washington, D.C."] == "washington-dc"


@pytest.mark.corpus
def test_nouns_after_an_unknown_name_type_it(tagger: Tagger) -> None:
    text = "Troops struck in North Waziristan's Datta Khel area and pursued the Lakurawa group."
    types = {m.surface: m.type for m in tagger.tag(text, "d")}
    assert types["Datta Khel"] == "LOC" and types["Lakurawa"] == "ORG"


@pytest.mark.corpus
def test_a_military_operation_is_no_mention(tagger: Tagger) -> None:
    assert "Operation Hadin Kai" not in found(tagger, "Troops of Operation Hadin Kai rescued 12 people in Borno.")


@pytest.mark.corpus
def test_an_acronym_spelt_by_the_initials_of_a_name_before_it_is_that_name(tagger: Tagger) -> None:
    text = "Clashes pitted the Stability Support Apparatus against a rival brigade. The SSA denied it."
    clusters = found(tagger, text)
    assert clusters["SSA"] == clusters["Stability Support Apparatus"]
    # A hyphenated compound's words may give one initial between them.
    clusters = found(tagger, "He is a member of the Kuki-Chin National Front or KNF. The KNF denied it.")
    assert clusters["KNF"] == clusters["Kuki-Chin National Front"], clusters
    # Two names of those initials: the acronym stays its own.
    text = "The Sahel Support Alliance and the Sudan Solidarity Association met. The SSA left."
    clusters = found(tagger, text)
    assert clusters["SSA"] not in (clusters["Sahel Support Alliance"], clusters["Sudan Solidarity Association"])


@pytest.mark.corpus
def test_an_institution_named_with_of_is_one_name(tagger: Tagger) -> None:
    text = (
        "A spokesman for the Ministry of Foreign Affairs said on Monday that officials of the "
        "Ministry of Labor and Social Affairs would travel to the border region next week."
    )
    clusters = found(tagger, text)
    assert "Ministry of Foreign Affairs" in clusters and "Foreign Affairs" not in clusters  # not the magazine
    assert "Ministry of Labor and Social Affairs" in clusters


@pytest.mark.corpus
def test_a_place_keeps_the_title_its_name_opens_with(tagger: Tagger) -> None:
    clusters = found(tagger, "Settlers marched through Sheikh Jarrah in East Jerusalem on Friday, police said.")
    assert clusters["Sheikh Jarrah"] == "sheikh-jarrah" and "Jarrah" not in clusters


@pytest.mark.corpus
def test_a_title_word_inside_a_company_name_is_part_of_it(tagger: Tagger) -> None:
    surfaces = set(found(tagger, "OFAC designated AL-JABRI GENERAL TRADING AND INVESTMENT COMPANY on Tuesday."))
    assert "AL-JABRI GENERAL TRADING AND INVESTMENT COMPANY" in surfaces


@pytest.mark.corpus
def test_arabic_and_somali_place_words_open_a_place_name(tagger: Tagger) -> None:
    text = "The militants later withdrew toward Ceel Buur, residents said, while others crossed Imrali island."
    types = {m.surface: m.type for m in tagger.tag(text, "d")}
    assert types["Ceel Buur"] == "LOC" and types["Imrali"] == "LOC"
    # Alone, such a word is no name (it met a province of Chad by its key).
    assert "Wadi" not in found(tagger, "Forces took Seiyun, the main city of Hadramout's Wadi region, on Wednesday.")


@pytest.mark.corpus
def test_a_group_noun_after_a_common_word_makes_it_the_group(tagger: Tagger) -> None:
    clusters = found(tagger, "Africa Corps, successor to the Wagner group, arrived in Bamako on Monday, officials said.")
    assert clusters["Wagner"] == "wagner-group"
    assert "State" not in found(tagger, "Officials said the State group was not involved in the attack on Monday.")


@pytest.mark.corpus
def test_a_title_takes_the_office_after_its_of(tagger: Tagger) -> None:
    text = "Minister of Foreign Affairs Ayman Safadi met the envoy in Amman on Monday, officials said."
    clusters = found(tagger, text)
    assert clusters["Ayman Safadi"] == "ayman-safadi" and "Foreign Affairs" not in clusters  # not the magazine


@pytest.mark.corpus
def test_a_partial_name_respelled_a_vowel_apart_is_the_person_of_the_document(tagger: Tagger) -> None:
    text = (
        "The Libyan National Army of Khalifa Haftar drove jihadists out of Derna. Hafter's forces are backed "
        "by the UAE. Hashem Safieddine was killed days later; Safi al-Din had been seen as the likely heir."
    )
    clusters = found(tagger, text)
    assert clusters["Hafter"] == "khalifa-haftar"
    assert clusters["Safi al-Din"] == "hashem-safieddine"


@pytest.mark.corpus
def test_a_name_and_a_part_after_the_article_are_one_name(tagger: Tagger) -> None:
    surfaces = set(found(tagger, "Badr al-Din died in Syria in 2016, the group said in a statement on Monday."))
    assert "Badr al-Din" in surfaces and "Badr" not in surfaces


@pytest.mark.corpus
def test_a_known_name_possessive_opens_a_name_of_its_own(tagger: Tagger) -> None:
    text = "The PMF chief of staff, Kata'ib Hezbollah's Abu Fadak al-Mohammadawi, said the group would not disarm."
    clusters = found(tagger, text)
    assert clusters["Kata'ib Hezbollah"] == "kataib-hezbollah"
    assert clusters["Abu Fadak al-Mohammadawi"] == "abu-fadak-al-mohammedawi"
    clusters = found(tagger, "Officials at Iraq's Ministry of Migration and Displacement said the camp would close.")
    assert "Ministry of Migration and Displacement" in clusters
    assert found(tagger, "Fighters of the People's Protection Units said they would stay.").get("People's Protection Units") == "ypg"
    # An unknown owner is a name of its own too, and what it owns another: no "Anwar's English".
    clusters = found(tagger, "Anwar al-Awlaki preached online. Recruiters still cite Anwar’s English-language sermons.")
    assert clusters.get("Anwar") == "anwar-al-awlaki"
    assert not any("’s" in surface for surface in clusters)


@pytest.mark.corpus
def test_for_joins_the_names_of_offices_and_institutions(tagger: Tagger) -> None:
    text = (
        "The UAE Minister of State for Foreign Affairs Khalifa Shaheen Al Marar met the Special Envoy "
        "for Yemen Hans Grundberg. A study by the Council for Foreign Relations and the Office for the "
        "Coordination of Humanitarian Affairs was cited; support from Iran for Hamas grew."
    )
    clusters = found(tagger, text)
    assert "Khalifa Shaheen Al Marar" in clusters and "Foreign Affairs" not in clusters  # not the magazine
    assert clusters["Yemen"] == "yemen" and clusters["Hans Grundberg"] == "hans-grundberg"
    assert "Council for Foreign Relations" in clusters
    assert clusters["Office for the Coordination of Humanitarian Affairs"] == "ocha"
    assert clusters["Iran"] == "iran" and clusters["Hamas"] == "hamas"  # "for" parts two names
    assert found(tagger, "The President of Iran said on Monday that talks would resume.") == {"Iran": "iran"}


@pytest.mark.corpus
def test_a_title_opening_the_name_of_a_place_or_institution_is_kept(tagger: Tagger) -> None:
    text = (
        "An Israeli strike hit the Sheikh Radwan neighborhood of Gaza City, residents said. The Imam "
        "Khomeini Relief Committee was designated by the Treasury in 2020."
    )
    types = {m.surface: (m.type, m.entity_id) for m in tagger.tag(text, "d")}
    assert types["Sheikh Radwan"] == ("LOC", None)  # not the Radwan Force
    assert types["Imam Khomeini Relief Committee"] == ("ORG", None)


@pytest.mark.corpus
def test_an_organisation_with_another_word_is_another_organisation(tagger: Tagger) -> None:
    types = {m.surface: (m.type, m.entity_id) for m in tagger.tag("The Joint Forces Command in Mosul said the operation was over.", "d")}
    assert types["Joint Forces Command"] == ("ORG", None)  # not Iraq's Joint Operations Command


@pytest.mark.corpus
def test_a_known_name_with_a_possessive_or_the_inside_is_found_whole(tagger: Tagger) -> None:
    clusters = found(tagger, "Execution of Imam Khomeini's Order denied any role, officials in The Hague said.")
    assert clusters["Execution of Imam Khomeini's Order"] == "setad"
    assert clusters["The Hague"] == "the-hague"  # not William Hague
    assert found(tagger, "Strikes hit Beirut's southern suburbs overnight, residents said.").get("Beirut") == "beirut"


@pytest.mark.corpus
def test_a_lowercase_article_opens_the_name_after_it(tagger: Tagger) -> None:
    clusters = found(tagger, "Fighters loyal to al Qaeda and al Shabaab moved north, officials said.")
    assert clusters["al Qaeda"] == "al-qaeda" and "Qaeda" not in clusters
    assert clusters["al Shabaab"] == "al-shabaab"


@pytest.mark.corpus
def test_a_name_after_a_place_noun_and_of_is_a_place(tagger: Tagger) -> None:
    types = {m.surface: m.type for m in tagger.tag("Shelling hit the town of Kharbaqi Tellal before dawn.", "d")}
    assert types["Kharbaqi Tellal"] == "LOC"


@pytest.mark.corpus
def test_a_given_name_before_a_place_and_a_surname_is_one_person(tagger: Tagger) -> None:
    types = {m.surface: m.type for m in tagger.tag("The governor, Abdifatah Aden Hassan, resigned on Sunday.", "d")}
    assert types.get("Abdifatah Aden Hassan") == "PER" and "Aden" not in types


@pytest.mark.corpus
def test_councils_committees_and_governments_of_are_whole_institutions(tagger: Tagger) -> None:
    text = (
        "The Supreme Political Council in Sanaa rejected the plan. The Fasher Resistance Committees "
        "called a strike, and the Government of Peace and Unity named a cabinet."
    )
    types = {m.surface: m.type for m in tagger.tag(text, "d")}
    assert types["Supreme Political Council"] == "ORG"
    assert types["Fasher Resistance Committees"] == "ORG"
    assert types["Government of Peace and Unity"] == "ORG"
    clusters = found(tagger, "Envoys met the Government of Sudan and South Sudan in Juba.")
    assert clusters["Sudan"] == "sudan" and clusters["South Sudan"] == "south-sudan"


@pytest.mark.corpus
def test_british_and_american_spellings_of_an_alias_are_one_name(tagger: Tagger) -> None:
    text = (
        "The Defence Intelligence Agency and the African Union Support and Stabilisation Mission in "
        "Somalia issued reports."
    )
    methods = {m.surface: (m.method, m.entity_id) for m in tagger.tag(text, "d")}
    assert methods["Defence Intelligence Agency"] == ("exact", "defense-intelligence-agency")
    assert methods["African Union Support and Stabilisation Mission in Somalia"] == ("exact", "aussom")


@pytest.mark.corpus
def test_a_nisba_the_key_spells_as_a_country_stays_in_the_name(tagger: Tagger) -> None:
    # The key spells "al-Mauritani" and "Mauritania" alike; after a kunya it is a nisba.
    types = {m.surface: m.type for m in tagger.tag("The kunya Abou Talha al-Mauritani was added to the entry.", "d")}
    assert types == {"Abou Talha al-Mauritani": "PER"}
    clusters = found(tagger, "The alliance needs another avenue.\n\nIsrael-Gaza Crisis")
    assert "Israel-Gaza Crisis" not in clusters  # "el-" ends Israel: no article


@pytest.mark.corpus
def test_lowercase_wal_and_lil_join_the_words_of_a_name(tagger: Tagger) -> None:
    text = "Shekau's faction, Jama'atu Ahlis Sunna Lidda'awati wal-Jihad, and the charity Hay'at al-Nur lil-Ighatha were listed."
    clusters = found(tagger, text)
    assert clusters["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"] == "boko-haram"
    assert "Hay'at al-Nur lil-Ighatha" in clusters


@pytest.mark.corpus
def test_an_arabic_group_word_opens_an_organisation_and_keeps_a_title_after_it(tagger: Tagger) -> None:
    types = {m.surface: m.type for m in tagger.tag("It was claimed by Katibat Imam Ali and by Harakat Sawaed al-Iraq on Monday.", "d")}
    assert types == {"Katibat Imam Ali": "ORG", "Harakat Sawaed al-Iraq": "ORG"}


@pytest.mark.corpus
def test_a_headline_in_capitals_gives_its_known_names_not_a_run(tagger: Tagger) -> None:
    text = (
        "GOITA TERM EXTENDED TO 2030 WITHOUT ELECTION\n\n"
        "Mali's junta leader Assimi Goita will stay in power, the transitional council said.\n\n"
        "Treasury Targets Exchangers Funded by Iranian Oil Sales\n\n"
        "Nathan Sales, the coordinator, said the Treasury acted on Tuesday."
    )
    clusters = found(tagger, text)
    assert clusters["GOITA"] == "assimi-goita"
    assert not any(surface.startswith("GOITA ") for surface in clusters)
    assert "Sales" not in clusters  # a common word in a headline, not Nathan Sales


@pytest.mark.corpus
def test_a_surname_after_the_article_is_no_adjective_of_a_place(tagger: Tagger) -> None:
    # "Saidi" alone is the adjective of Saida; "Al-Sa'idi" is the contractor's surname.
    text = "A company owned by Muntadhar al-Sa’idi won the deals. Al-Sa’idi did not respond to requests for comment."
    clusters = found(tagger, text)
    assert clusters["Al-Sa’idi"] == clusters["Muntadhar al-Sa’idi"]


@pytest.mark.corpus
def test_reporting_from_other_regions_types_and_places_its_names(tagger: Tagger) -> None:
    text = (
        "PEMBA - The monitoring group Cabo Ligado said Mozambican forces and Mozambicans fled. "
        "Officials told Kurdistan24 that the NIA, Kasuri and others were named."
    )
    typed = named(tagger, text)
    assert typed["Cabo Ligado"][1] == "ORG"  # a group noun before it
    assert typed["Kurdistan24"][1] == "ORG"  # no person's name holds a digit
    assert not any(s.startswith("Mozambican") for s in typed)  # the demonym of Mozambique
    assert typed["NIA"][0] == "national-investigation-agency"  # an acronym, not "Kasuri NIA"
    assert "Kasuri" in typed
    # A dateline: the city, then its region; no list of regions.
    assert found(tagger, "ERBIL, Kurdistan Region - The KRG said on Sunday.")["ERBIL"] == "erbil"
    # An acronym the document defines is no surname of a "SURNAME, Given" name.
    text = "The Ministry of Home Affairs (MHA) spoke. According to MHA, Irfan began reading ISIS material."
    typed = named(tagger, text)
    assert "Irfan" in typed and "MHA, Irfan" not in typed
    assert typed["MHA"][0] == typed["Ministry of Home Affairs"][0]


@pytest.mark.corpus
def test_a_feature_named_after_a_place_is_a_place_of_its_own(tagger: Tagger) -> None:
    typed = named(tagger, "A ferry sank in Manila Bay; patrols crossed the Sulu Sea and the Celebes Sea.")
    assert {typed[name] for name in ("Manila Bay", "Sulu Sea", "Celebes Sea")} == {
        ("NIL:manila-bay", "LOC"),
        ("sulu-sea", "LOC"),  # the gazetteer's own, not the province of Sulu
        ("NIL:celebes-sea", "LOC"),
    }
    # A level of government after the place is no feature: the province of that name.
    assert found(tagger, "Strikes hit Kunar Province.")["Kunar Province"] == "kunar-province"


@pytest.mark.corpus
def test_the_unit_around_a_town_is_a_place_of_its_own(tagger: Tagger) -> None:
    # A capitalised level word, valley or air base after a town or river the gazetteer
    # knows, where it does not know the whole: another place, not the town.
    text = (
        "Police raided a farm in Qatif Governorate and a flat in Voronezh Oblast. Settlers moved "
        "into the Jordan Valley, and jets left Erbil Air Base for the Timbuktu Triangle."
    )
    typed = named(tagger, text)
    assert {name: typed.get(name) for name in ("Qatif Governorate", "Voronezh Oblast", "Jordan Valley", "Erbil Air Base", "Timbuktu Triangle")} == {
        "Qatif Governorate": ("NIL:qatif-governorate", "LOC"),
        "Voronezh Oblast": ("NIL:voronezh-oblast", "LOC"),
        "Jordan Valley": ("NIL:jordan-valley", "LOC"),
        "Erbil Air Base": ("NIL:erbil-air-base", "LOC"),
        "Timbuktu Triangle": ("NIL:timbuktu-triangle", "LOC"),
    }
    # Lowercase, the word is the town's level (context.place_level), and a province the
    # gazetteer knows is its own entity.
    assert found(tagger, "Gunmen attacked Qatif on Monday; Strikes hit Idlib Province.") == {"Qatif": "qatif", "Idlib Province": "idlib-governorate"}



@pytest.mark.corpus
def test_datelines_of_us_and_wire_releases(tagger: Tagger) -> None:
    # A city and its state's abbreviation is no "SURNAME, Given" name.
    # (Two names, as "TAMPA, Fla." and "New York City, New York" are labelled; the state says which Alexandria.)
    assert found(tagger, "ALEXANDRIA, Va. – A federal grand jury returned an indictment.") == {
        "ALEXANDRIA": "alexandria-virginia",
        "Va.": "virginia",
    }
    # An abbreviation written as its alias is, though the same letters in capitals are an acronym.
    assert found(tagger, "TAMPA, Fla. – The FLA rebels fought.") == {"TAMPA": "tampa", "Fla.": "florida", "FLA": "azawad-liberation-front"}
    # What a place lies in, after a comma, picks the place of that name.
    assert found(tagger, "TRIPOLI, Lebanon (Reuters) — Clashes erupted.")["TRIPOLI"] == "tripoli-lebanon"
    assert found(tagger, "Talks resumed in Tripoli, Libya, on Monday.")["Tripoli"] == "tripoli"
    # A place that no list knows, or a word in capitals, opening a dateline is a place.
    typed = named(tagger, "BROOKLYN, N.Y. – Prosecutors said.\nQANSAX DHEERE, Somalia (AP) — Militants attacked.")
    assert typed["BROOKLYN"][1] == typed["QANSAX DHEERE"][1] == "LOC"
    # Or before the dash alone, where it is the place of the story (keyed as a name, not as
    # an acronym); the words of a heading are no place.
    mentions = tagger.tag("AITAROUN — The road from Bint Jbeil to Aitaroun is open.\nNEWS CENTER — Reports came in.", "d")
    places = {m.surface: (m.type, m.cluster_id) for m in mentions}
    assert places["AITAROUN"] == places["Aitaroun"] == ("LOC", "NIL:aitaroun"), places
    assert places.get("NEWS CENTER", ("ORG",))[0] == "ORG", places
    # A US court's district is one name; a district of a place and the place are two.
    found_here = found(tagger, "A grand jury in the Eastern District of Virginia indicted him. Troops entered Kulgam District of Kashmir.")
    assert "Eastern District of Virginia" in found_here and "Virginia" not in found_here
    assert found_here["Kashmir"] == "kashmir"
    # List order stays: "AL-SHARABI, Abd al-Rahman" is one person, though "Abd" is a weak alias of a country.
    assert "AL-SHARABI, Abd al-Rahman" in found(tagger, "Treasury designated AL-SHARABI, Abd al-Rahman, of Sanaa.")


@pytest.mark.corpus
def test_nigerian_and_somali_reporting_forms(tagger: Tagger) -> None:
    clusters = found(tagger, "Troops operated across Borno and Zamfara States. The Shehu of Borno thanked them.")
    assert clusters == {"Borno": "borno-state", "Zamfara": "zamfara-state"}  # the level, and a ruler's title
    typed = {m.surface: m.type for m in tagger.tag("Sheikh Ali Dheere claimed it on the group's Andalus radio. ISKP's al-Siddiq office paid.", "d")}
    assert typed["Andalus"] == typed["al-Siddiq"] == "ORG"
    typed = {m.surface: m.type for m in tagger.tag("Funds moved through hawala dealers in Mogadishu's Bakara market.", "d")}
    assert typed["Bakara"] == "LOC"  # a market, square, street or crossing after the name


@pytest.mark.corpus
def test_philippine_and_ethiopian_reporting_forms(tagger: Tagger) -> None:
    text = (
        "Troops clashed in Lanao del Sur province on the southern island of Mindanao, said the Western "
        "Mindanao Command (Westmincom). The Armed Forces of the Philippines (AFP) said the AFP would stay "
        "in Butig and Piagapo towns. Fano fighters took parts of Debre Markos."
    )
    typed = named(tagger, text)
    assert typed["Lanao del Sur"][0] == "lanao-del-sur"  # "del" joins a name
    assert typed["Westmincom"][0] == typed["Western Mindanao Command"][0]  # an acronym written as a word
    # "of the" after an institution's head, and an acronym the document defines anew: no news agency.
    assert typed["AFP"][0] == typed["Armed Forces of the Philippines"][0] != "afp"
    assert typed["Piagapo"][1] == typed["Debre Markos"][1] == "LOC"


@pytest.mark.corpus
def test_syrian_and_russian_wire_forms(tagger: Tagger) -> None:
    text = (
        "MOSCOW (Interfax) - Cells attacked a convoy on the road between al-Sukhnah and Palmyra. "
        "A Hurras al-Din cell was arrested in rural Idlib."
    )
    typed = named(tagger, text)
    assert typed["Interfax"][1] == "ORG"  # the outlet of a dateline
    assert typed["al-Sukhnah"][1] == "LOC"  # listed with a known place
    assert typed["Idlib"][0] == "idlib-governorate"  # "rural Idlib" is the province


def test_romance_institutions_whose_names_hold_a_country(tagger: Tagger) -> None:
    text = (
        "A raid with the Forces Armées de la République Démocratique du Congo (FARDC) followed. "
        "Cabo Delgado relies on the Forças Armadas de Defesa de Moçambique (FADM). The FADM withdrew."
    )
    typed = named(tagger, text)
    assert typed["FARDC"] == typed["Forces Armées de la République Démocratique du Congo"], typed
    assert typed["FADM"] == typed["Forças Armadas de Defesa de Moçambique"] and typed["FADM"][1] == "ORG", typed
    # A country's institution named by the ordinary words of another's name (the PKK's).
    typed = named(tagger, "The Uganda People's Defence Forces (UPDF) says it killed them. The UPDF denied it.")
    assert typed["UPDF"] == typed["Uganda People's Defence Forces"] and typed["UPDF"][0] != "hpg", typed


def test_a_lowercase_camp_after_a_place_names_its_camp_and_a_brigade_its_unit(tagger: Tagger) -> None:
    text = (
        "The Israeli occupation forces (IOF) stormed the Jenin refugee camp and Tulkarm camp. In Jenin city, shops shut. "
        "The commander of the Khan Yunis Brigade was killed in Khan Younis."
    )
    found = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert ("Jenin", "jenin-refugee-camp") in found and ("Tulkarm", "tulkarm-refugee-camp") in found, found
    assert ("Jenin", "jenin") in found and ("IOF", "israel-defense-forces") in found, found
    assert ("Khan Yunis Brigade", None) in found and ("Khan Younis", "khan-younis") in found, found


def test_a_compass_word_before_a_known_place_names_a_part_of_it(tagger: Tagger) -> None:
    typed = named(tagger, "Raids in South Jakarta and Central Jakarta; a cell in Northern Virginia; clashes in Northern Syria.")
    for name in ("South Jakarta", "Central Jakarta", "Northern Virginia"):
        assert typed[name][1] == "LOC" and typed[name][0] not in ("jakarta", "virginia"), (name, typed)
    assert typed["South Jakarta"] != typed["Central Jakarta"]
    assert typed["Syria"][0] == "syria" and "Northern Syria" not in typed


def test_a_word_shaped_like_a_places_adjective_with_no_noun_after_it_is_a_place(tagger: Tagger) -> None:
    typed = named(tagger, "He rented a flat in Tongi. Police raided the town's Tongi, and seized bombs.")
    assert typed["Tongi"][1] == "LOC", typed
    # An adjective before its noun stays none.
    assert named(tagger, "An Iraqi official met a Somali envoy in Somali regions.") == {}


def test_an_address_lists_places_that_a_known_place_closes(tagger: Tagger) -> None:
    text = "Address: Omar al-Mukhtar Street, Gaza City, Gaza Strip; Aksaray, Fatih, Istanbul, Türkiye\n"
    typed = named(tagger, text)
    # "Fatih" is no bare surname of a listed man ("Amr Al-Fatih Fathi"): a district of Istanbul.
    assert typed["Fatih"][1] == typed["Aksaray"][1] == "LOC", typed
    assert typed["Fatih"][0].startswith("NIL:"), typed
    # A surname after a place that opens a sentence stays a person's.
    text = "Bilal Dakroub runs a shop. In Kfar Kila, Dakroub said the road was shut."
    typed = named(tagger, text)
    assert typed["Dakroub"] == typed["Bilal Dakroub"], typed


@pytest.mark.corpus
def test_a_un_report_on_mali(tagger: Tagger) -> None:
    text = (
        "The Front de libération de l'Azawad (FLA) clashed with the army near Anéfis. "
        "The MNLA-HCUA coalition said the FLA would fight on."
    )
    typed = named(tagger, text)
    assert typed["FLA"][0] == typed["Front de libération de l'Azawad"][0] == "azawad-liberation-front"  # not Florida
    assert typed["MNLA-HCUA"][1] == "ORG"  # an acronym, hyphenated


@pytest.mark.corpus
def test_a_name_listed_with_one_of_several_known_places_is_a_place(tagger: Tagger) -> None:
    # "Hyderabad" is in India or in Sindh: a place either way, and so are the towns beside it.
    text = "Raids were held in Hyderabad, Bengaluru, Mangaluru and Bhatkal."
    assert {m.surface: m.type for m in tagger.tag(text, "d")}["Mangaluru"] == "LOC"
