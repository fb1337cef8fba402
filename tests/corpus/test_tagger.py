"""Tagging through the public API: spans, links, coreference, NIL clusters, offsets.

The tagger runs on the built-in gazetteer (the real data), so these are corpus tests: they
check behaviour a user sees on text written like real reporting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canonym import Tagger
from canonym.corpus.mentions import MENTION_SCHEMA, Mention
from canonym.normalize import fold, parse_name

pytestmark = pytest.mark.corpus


def spans(tagger: Tagger, text: str) -> list[tuple[str, str | None, str]]:
    return [(m.surface, m.entity_id, m.method) for m in tagger.tag(text, "d")]


def clusters(tagger: Tagger, text: str) -> dict[str, str]:
    """The cluster of each surface the tagger finds in ``text``."""
    return {m.surface: m.cluster_id for m in tagger.tag(text, "d")}


def assert_one_cluster(found: dict[str, str], names: list[str]) -> None:
    """All of ``names`` were found, in one cluster (``found``: :func:`clusters`)."""
    assert len({found.get(name) for name in names}) == 1 and None not in {found.get(name) for name in names}, found


def entities(tagger: Tagger, text: str) -> dict[str, str | None]:
    """The entity of each surface the tagger finds in ``text``."""
    return {m.surface: m.entity_id for m in tagger.tag(text, "d")}


def named(tagger: Tagger, text: str) -> dict[str, tuple[str, str]]:
    """The cluster and type of each surface the tagger finds in ``text``."""
    return {m.surface: (m.cluster_id, m.type) for m in tagger.tag(text, "d")}


def clusters_by(mentions: Iterable[Mention], word: Callable[[str], str]) -> dict[str, set[str]]:
    """The clusters of the mentions, grouped by ``word`` of their surfaces."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        found.setdefault(word(m.surface), set()).add(m.cluster_id)
    return found



def test_known_names_in_their_variants(tagger: Tagger) -> None:
    text = "Al Qaeda and al-Qa'ida are one group; Sayf al-Adl lives in Tehran, not in Sanaa."
    found = {surface: entity for surface, entity, _ in spans(tagger, text)}
    assert found["Al Qaeda"] == found["al-Qa'ida"] == "al-qaeda"
    assert found["Sayf al-Adl"] == "saif-al-adel"
    assert found["Tehran"] == "tehran"
    assert found["Sanaa"] == "sanaa"


def test_titles_the_and_possessive_stay_out_of_the_span(tagger: Tagger) -> None:
    text = "Secretary of State Mike Pompeo’s speech named the Islamic State's leaders and Ayatollah Ali Khamenei."
    surfaces = [s for s, _, _ in spans(tagger, text)]
    assert "Mike Pompeo" in surfaces
    assert "Islamic State" in surfaces
    assert "Ali Khamenei" in surfaces
    assert not any(s.startswith(("Secretary", "the ", "Ayatollah")) or s.endswith(("'s", "’s")) for s in surfaces)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FBI Director Christopher Wray spoke.", [("FBI", "ORG"), ("Christopher Wray", "PER")]),
        ("Police Commissioner Joseph Mwangi Kiprono said.", [("Joseph Mwangi Kiprono", "PER")]),
        ("Deputy County Commissioner Peter Otieno Onyango imposed a curfew.", [("Peter Otieno Onyango", "PER")]),
        ("High Commissioner Ousmane Sawadogo and Co-Chair Leyla Baran spoke.", [("Ousmane Sawadogo", "PER"), ("Leyla Baran", "PER")]),
        ("Senior Superintendent of Police Tariq Nawaz Khattak confirmed it.", [("Tariq Nawaz Khattak", "PER")]),
        # A body that its holder's title names.
        ("The Attorney General's Office and the Governor's Office denied it.", [("Attorney General's Office", "ORG"), ("Governor's Office", "ORG")]),
        # An office that its owner's name opens, no name after it, is a body.
        ("He was charged by the Commonwealth Director of Public Prosecutions.", [("Commonwealth Director of Public Prosecutions", "ORG")]),
    ],
)
def test_offices_of_agencies_police_and_boards_are_titles(tagger: Tagger, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.surface, m.type) for m in tagger.tag(text, "d")] == expected


def test_an_unknown_place_and_its_short_form_share_a_cluster(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "Clashes were reported in Bundibugyo District on Monday."),
            ("b", "Residents of Bundibugyo fled. Police in Kagadi City Police Office said."),
            ("c", "Kagadi was calm."),
            # A state's and a party's names and their short forms.
            ("d", "Herders in Warrap State joined. The Siyada Party fielded candidates."),
            ("e", "Troops entered Warrap. Khamis al-Khanjar and Siyada did well."),
        ]
    )
    found = {m.surface: m.cluster_id for m in mentions}
    assert found["Bundibugyo District"] == found["Bundibugyo"], found
    assert found["Warrap State"] == found["Warrap"], found
    assert found["Siyada Party"] == found["Siyada"], found
    # The short form of a place does not join a body named after it.
    assert found["Kagadi"] != found["Kagadi City Police Office"], found


def test_company_legal_forms_brand_names_and_registry_numbers(tagger: Tagger) -> None:
    text = (
        "OFAC named Casa de Cambio Rio Fuerte, S.A. de C.V. (R.F.C. CRF140814QM2) [ILLICIT-DRUGS-EO14059] "
        "and Jade Harbor Trading Co., Limited, Kowloon. InSight Crime reported it first."
    )
    surfaces = [m.surface for m in tagger.tag(text, "d")]
    assert "Casa de Cambio Rio Fuerte, S.A. de C.V." in surfaces, surfaces
    assert "Jade Harbor Trading Co., Limited" in surfaces, surfaces
    # Two ordinary words, but one written as a brand is: a name.
    assert "InSight Crime" in surfaces, surfaces
    # A registry number or a sanctions program's tag is no name.
    assert not any(any(c.isdigit() for c in s) for s in surfaces), surfaces


def test_french_reporting_words_articles_and_courtesy_titles(tagger: Tagger) -> None:
    text = (
        "Par Théo Lambert-Diarra\n\nPublié hier. Modifié le 3 mars.\n"
        "Bilan de l'attaque. L'attaque a eu lieu à Gao. D'après l'armée, L'Etat islamique a frappé. "
        "Pour Mme Awa Sow-Bertin, le problème est ailleurs. Me Issoufou Garba-Maïnassara a plaidé. "
        "Le Capitaine Moussa Koné est mort. À Dédougou, la Cour pénale internationale (CPI) siège à La Haye. "
        "Un soldat a été tué, selon les Nations unies (UN). Fait rarissime, l'armée a publié les images. "
        "« Hier, j'ai attendu neuf heures », dit un chauffeur."
    )
    found = {m.surface: m.entity_id for m in tagger.tag(text, "d")}
    # A byline's "Par", a sentence's "À" or "Pour", a courtesy title or rank: not the name's.
    for name in ["Théo Lambert-Diarra", "Awa Sow-Bertin", "Issoufou Garba-Maïnassara", "Moussa Koné", "Dédougou"]:
        assert name in found, found
    # Words of the language opening a sentence, with or without an elided article, name nothing.
    # So do those that only meet a known name by its key ("Fait" is no "Feith", "Hier" no "Hir").
    for word in ["Publié", "Modifié", "Bilan", "L'attaque", "D'après", "Un", "Fait", "Hier"]:
        assert word not in found, found
    assert found["Etat islamique"] == "islamic-state", found
    assert found["Cour pénale internationale"] == found["CPI"] == "international-criminal-court", found
    assert found["La Haye"] == "the-hague", found


def test_acronyms_in_capitals_keep_their_initial_words(tagger: Tagger) -> None:
    # "AU" is the African Union, not the French "au"; "D'" before a capital opens a surname.
    found = {m.surface: m.entity_id for m in tagger.tag("AU Transition Mission in Somalia troops left. Massimo D'Alema spoke.", "d")}
    assert found.get("AU Transition Mission in Somalia") == "atmis", found
    assert "Massimo D'Alema" in found, found


def test_the_body_an_office_is_of_is_named_without_of(tagger: Tagger) -> None:
    text = (
        "MGen. Dionisio P. Camarillo, Commander of JTF Orion, said 40 fighters surrendered. "
        "The Director of AIB, Jean Ouedraogo, confirmed it."
    )
    found = {m.surface: m.type for m in tagger.tag(text, "d")}
    # Not "of JTF Orion" typed as a person, nor "AIB, Jean Ouedraogo" read as a list's "SURNAME, Given".
    assert found.get("JTF Orion") == "ORG", found
    assert found.get("AIB") == "ORG" and found.get("Jean Ouedraogo") == "PER", found


def test_a_state_body_is_one_name_with_its_states_formal_name(tagger: Tagger) -> None:
    text = (
        "Investigative Committee of the Russian Federation\n\n"
        "The Federal Security Service of the Russian Federation and the Ministry of Internal Affairs for the "
        "Republic of Dagestan took part. The State Security Service of the Republic of Uzbekistan was told. "
        "Hamas of Gaza did not comment; neither did the Government of the Democratic Republic of the Congo."
    )
    found = {m.surface: (m.type, m.cluster_id) for m in tagger.tag(text, "d")}
    # A letterhead in title case is one name too, and the state inside is no mention of its own.
    assert found.get("Investigative Committee of the Russian Federation", ("", ""))[0] == "ORG", found
    assert "Russian Federation" not in found, found
    # A known body and its state's formal name is that body; a regional branch is a body of its own.
    assert found.get("Federal Security Service of the Russian Federation") == ("ORG", "fsb"), found
    assert found.get("Ministry of Internal Affairs for the Republic of Dagestan", ("", ""))[0] == "ORG", found
    # Nigeria's "State Security Service" is no body of Uzbekistan's.
    uzbek = found.get("State Security Service of the Republic of Uzbekistan", ("", ""))
    assert uzbek[0] == "ORG" and uzbek[1] != "department-of-state-services", found
    # A group of a place, and a state's government, stay a name and a place.
    assert found.get("Hamas", ("", ""))[1] == "hamas" and found.get("Gaza", ("", ""))[0] == "LOC", found
    assert found.get("Democratic Republic of the Congo", ("", ""))[1] == "democratic-republic-of-the-congo", found


def test_an_acronym_the_document_defines_is_not_the_gazetteers(tagger: Tagger) -> None:
    text = "Kenya leads the Multinational Security Support Mission (MSS). The MSS has 1,000 officers."
    found = {m.surface: (m.type, m.cluster_id) for m in tagger.tag(text, "d")}
    # Not China's Ministry of State Security: the document says what "MSS" stands for.
    assert found["MSS"] == found["Multinational Security Support Mission"], found
    assert found["MSS"] == ("ORG", "multinational-security-support-mission"), found
    found = {m.surface: m.type for m in tagger.tag("The Multinational Security Support (MSS) mission deployed.", "d")}
    assert found["Multinational Security Support"] == "ORG", found


def test_hyphenated_french_place_names_and_given_names(tagger: Tagger) -> None:
    text = (
        "Gangs attacked Croix-des-Bouquets and Morne-à-Cabrit, then took Saint-Marc. "
        "Police said Gabriel Jean-Pierre fled. Fighting also hit al-Suwayda. "
        "Southern officials accuse rivals from the Islah party of tolerating militants."
    )
    found = {m.surface: (m.type, m.cluster_id) for m in tagger.tag(text, "d")}
    for place in ["Croix-des-Bouquets", "Morne-à-Cabrit", "Saint-Marc"]:
        assert found.get(place, ("", ""))[0] == "LOC", found
    assert "Croix" not in found and "Cabrit" not in found, found
    assert found.get("Gabriel Jean-Pierre", ("", ""))[0] == "PER", found
    # The article spelt "al-" where the gazetteer has "As-Suwayda".
    assert found.get("al-Suwayda") == ("LOC", "suwayda"), found
    # Without the article the gazetteer's "Al-Islah" has: the name, no acronym ("DoS").
    assert found.get("Islah") == ("ORG", "islah"), found


def test_an_unknown_acronym_spells_the_longer_name_before_it(tagger: Tagger) -> None:
    text = (
        "The Coordination of Azawad Movements (CMA) left the talks. The Defence and Security Forces (FDS) "
        "retook Mocímboa. CMA fighters and the FDS clashed. Kuwait's Financial Intelligence Unit (KFIU) froze accounts."
    )
    found = clusters(tagger, text)
    # The known place inside ("Azawad") and the initials in another language's order (Forças de
    # Defesa e Segurança) do not cut the name short.
    assert found.get("Coordination of Azawad Movements") == found.get("CMA"), found
    assert "Azawad" not in found, found
    assert found.get("Defence and Security Forces") == found.get("FDS"), found
    # A country's possessive before a body is the country, then the body.
    assert found.get("Kuwait") == "kuwait", found


def test_a_nickname_in_double_quotes_is_part_of_the_name(tagger: Tagger) -> None:
    text = 'MILF chairman Ahod "Al Haj Murad" Ebrahim met Ismael "El Mayo" Zambada\'s lawyers. Murad and Zambada left. "El Mayo" stayed.'
    found = clusters(tagger, text)
    assert found.get('Ahod "Al Haj Murad" Ebrahim') == found.get("Murad"), found
    assert found.get('Ismael "El Mayo" Zambada') == found.get("Zambada"), found
    assert "Ismael" not in found and "Ahod" not in found, found


def test_outermost_name_wins(tagger: Tagger) -> None:
    found = spans(tagger, "Analysts traced Al Qaeda in Iraq to 2004.")
    assert ("Al Qaeda in Iraq", "al-qaeda-in-iraq", "alias") in found or any(
        s == "Al Qaeda in Iraq" for s, _, _ in found
    )
    assert not any(s == "Iraq" for s, _, _ in found)


def test_a_generic_head_word_in_lowercase_keeps_the_name_whole(tagger: Tagger) -> None:
    # News writes "the Haqqani network": "Haqqani" alone is a family name (several people),
    # "Khorasan" a region. Where the name proper is the group itself, it is the span.
    text = "Sirajuddin Haqqani leads the Haqqani network. Fighters of the Khorasan group and the Maute group fled."
    found = spans(tagger, text)
    assert ("Haqqani network", "haqqani-network", "exact") in found
    assert ("Khorasan group", "khorasan-group", "exact") in found
    assert ("Maute", "maute-group", "exact") in found
    assert not any(s in ("Haqqani", "Khorasan") for s, _, _ in found)


def test_a_title_left_out_of_the_span_still_names_the_person(tagger: Tagger) -> None:
    # "Omar" alone is a weak alias of Ilhan Omar and "Talha" a bare given name; with the
    # title before them they are the aliases "Mullah Omar" and "Ustad Talha" (a nom de
    # guerre, not his name: it keeps its honorific).
    text = "Mullah Omar founded the Taliban. Omar died in 2013. Ustad Talha ran the camp. Alhaji Modu Kolo spoke."
    found = spans(tagger, text)
    assert ("Omar", "mullah-omar", "exact") in found
    assert ("Omar", "mullah-omar", "coref") in found
    assert ("Ustad Talha", "mati-ur-rehman-ali-muhammad", "exact") in found
    assert ("Modu Kolo", None, "nil") in found  # West African honorifics are titles too
    # A title and name that are one entity's weak alias as written: "Salman" alone is many.
    found = spans(tagger, "He carried a letter from King Salman. Salman bin Muhammad al-Harbi was named.")
    assert ("Salman", "salman-bin-abdulaziz", "alias") in found


def test_a_common_given_name_alone_is_nobody_without_an_anchor(tagger: Tagger) -> None:
    # "Omar" is Ilhan Omar's surname (and weak alias) but the given name of many people of
    # the gazetteer: alone it is not her; after her full name it is, and after an unknown
    # "Omar bin Laden" it is him.
    assert not any(e == "ilhan-omar" for _, e, _ in spans(tagger, "Omar said the fighters had left Kandahar."))
    assert ("Omar", "ilhan-omar", "coref") in spans(tagger, "Ilhan Omar spoke in Minneapolis. Omar said she would run.")
    found = tagger.tag("Omar bin Laden visited Doha. Omar said he was tired.", "d")
    assert [m.cluster_id for m in found if m.surface.startswith("Omar")] == ["NIL:omar-bin-laden"] * 2


def test_the_first_words_of_an_unknown_place_or_group_alone_are_it(tagger: Tagger) -> None:
    found = clusters(tagger, "Gunmen attacked the Crocus City Hall near Moscow. Survivors of the Crocus attack fled.")
    assert found["Crocus"] == found["Crocus City Hall"]
    found = clusters(tagger, "The Al-Awda Hospital was hit. Staff at Al-Awda said two died.")
    assert found["Al-Awda"] == found["Al-Awda Hospital"]
    # Its aliases and its name in capitals are the same group, not another that the word opens.
    text = (
        "Name: Al-Manara Exchange and Transfer Company\nAlso known as: Al-Manara Money Services; Manara Exchange\n"
        "Reasons: AL-MANARA EXCHANGE AND TRANSFER COMPANY moved funds. Al-Manara has handled donations."
    )
    found = clusters(tagger, text)
    assert found["Al-Manara"] == found["Al-Manara Exchange and Transfer Company"] == found["Al-Manara Money Services"], found
    # Or of a known group's.
    found = clusters(tagger, "Lashkar-e-Taiba and the Hizbul Mujahideen were named. Lashkar recruited him; Hizbul cadres fled.")
    assert found["Lashkar"] == "lashkar-e-taiba" and found["Hizbul"] == "hizbul-mujahideen", found
    # A person of the document who bears the word keeps it.
    found = clusters(tagger, "Karim Tamaz founded the Tamaz Holding Company. Tamaz denied it.")
    assert found["Tamaz"] == found["Karim Tamaz"] != found["Tamaz Holding Company"]


def test_a_place_named_alone_first_and_most_is_not_the_body_named_after_it(tagger: Tagger) -> None:
    # "Zebilla" is the town, the hospital is in it: the document names the town alone before
    # the hospital and more often. Written alone, the word is a place, not a person.
    text = (
        "Clashes in Zebilla left three dead. Staff at the Zebilla Presbyterian Hospital treated the wounded. "
        "Zebilla remains tense, and curfews in Zebilla continue."
    )
    found = tagger.tag(text, "d")
    lone = {(m.cluster_id, m.type) for m in found if m.surface == "Zebilla"}
    hospital = [m.cluster_id for m in found if m.surface == "Zebilla Presbyterian Hospital"]
    assert lone == {("NIL:zebilla", "LOC")} and hospital == ["NIL:zebilla-presbyterian-hospital"], found


def test_a_common_word_inside_a_headline_is_no_short_name(tagger: Tagger) -> None:
    text = "Iran Stays on State Sponsors of Terrorism List\nThe State Department said Iran remains designated."
    assert [s for s, _, _ in spans(tagger, text) if s.startswith("State")] == ["State Department"]
    text = "Treasury Targets Houthi Smuggling Network\nThe Department of the Treasury sanctioned two firms."
    assert ("Treasury", "us-treasury-department", "coref") in spans(tagger, text)  # a headline's subject


def test_a_heading_in_capitals_is_words_and_names_not_one_name(tagger: Tagger) -> None:
    # Function words in capitals after common words make a heading ("HUNT FOR MUMIN"), and
    # no name ends with one ("GOVERNMENT OF" before a known country, "SETBACKS IN 2025").
    text = (
        "Puntland forces advance\n\nHUNT FOR MUMIN\n\nAbdulqadir Mumin was not found.\n\n"
        "GOVERNMENT OF INDIA\n\nSETBACKS IN 2025\n\nCOMMITTEE ON FOREIGN RELATIONS\n\nThe panel met."
    )
    found = named(tagger, text)
    assert found["MUMIN"] == found["Abdulqadir Mumin"] == ("abdulqadir-mumin", "PER"), found
    assert found["INDIA"] == ("india", "LOC"), found
    assert found["COMMITTEE ON FOREIGN RELATIONS"][1] == "ORG", found
    assert not {"HUNT", "HUNT FOR MUMIN", "GOVERNMENT OF", "GOVERNMENT", "SETBACKS IN", "SETBACKS"} & set(found), found


def test_press_release_labels_offices_and_place_nouns(tagger: Tagger) -> None:
    text = (
        "said Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson. "
        "State designated him a Specially Designated Global Terrorist (SDGT). "
        "Jamaatud Dawa chief Hafiz Saeed is held in Kot Lakhpat jail. The Fitna al-Hindustan struck Turbat."
    )
    found = {m.surface: (m.entity_id, m.type) for m in tagger.tag(text, "d")}
    assert found["Brian E. Nelson"] == (None, "PER")
    assert not any("Designated" in s for s in found)
    assert found["Jamaatud Dawa"] == ("lashkar-e-taiba", "ORG")
    assert found["Kot Lakhpat"] == (None, "LOC")
    assert found["Fitna al-Hindustan"] == (None, "ORG")


def test_a_nigerian_local_government_area_is_a_place_in_its_state(tagger: Tagger) -> None:
    text = "Insurgents killed 12 farmers in Zabarmari, Jere Local Government Area of Borno State. Gwoza LGA was hit too."
    found = {m.surface: (m.entity_id, m.type) for m in tagger.tag(text, "d")}
    assert found["Jere"] == (None, "LOC")
    assert found["Borno State"] == ("borno-state", "LOC")
    assert found["Gwoza"] == ("gwoza", "LOC")
    assert not any("Local Government" in s for s in found)


def test_un_press_statement_names(tagger: Tagger) -> None:
    text = (
        "The attack at the Lido Beach was claimed by Al-Shabaab. Council members backed the United Nations "
        "Assistance Mission in Somalia (UNSOM) and warned of Islamic State in Iraq and the Levant (ISIL/Da'esh) "
        "affiliates. The Anatolian Youth Organisation (AGD) protested."
    )
    found = named(tagger, text)
    assert found["Lido Beach"][1] == "LOC"
    assert found["United Nations Assistance Mission in Somalia"] == found["UNSOM"] == ("unsom", "ORG")
    assert found["Islamic State in Iraq and the Levant"] == found["ISIL"] == ("islamic-state", "ORG")
    assert "Levant" not in found
    # An organisation's acronym may come from its name in another language.
    assert found["AGD"] == found["Anatolian Youth Organisation"]


def test_un_sanctions_panels_are_bodies_of_their_own(tagger: Tagger) -> None:
    text = (
        "The Panel of Experts on Somalia traced the rifles. The UN Panel of Experts on Yemen and the Group of "
        "Experts on the DRC agreed, though the panel of experts on Libya did not report."
    )
    found = named(tagger, text)
    assert found["Panel of Experts on Somalia"] == ("un-panel-of-experts-somalia", "ORG")
    assert found["UN Panel of Experts on Yemen"] == ("un-panel-of-experts-yemen", "ORG")
    assert found["Group of Experts on the DRC"] == ("un-group-of-experts-drc", "ORG")
    assert "Somalia" not in found and "Yemen" not in found
    assert found["Libya"] == ("libya", "LOC")  # a panel written in lowercase is no name


def test_regions_named_by_a_direction_and_institutions_of_common_words(tagger: Tagger) -> None:
    text = (
        "Densus 88 raided homes in Central Java and West Java. Many Central Asians and the West African "
        "bloc were not involved, the National Counterterrorism Agency (BNPT) said."
    )
    found = named(tagger, text)
    assert found["Densus 88"] == ("densus-88", "ORG")
    assert found["Central Java"][1] == found["West Java"][1] == "LOC"
    assert "Central Asians" not in found and "West African" not in found  # demonyms
    # "National" only meets the key of the outlet The National: no known name inside.
    assert found["National Counterterrorism Agency"] == found["BNPT"]


def test_the_axis_of_resistance_and_the_resistance_front(tagger: Tagger) -> None:
    found = spans(tagger, "Iran's Axis of Resistance held. The Resistance Front (TRF) claimed the Pahalgam attack.")
    assert ("Axis of Resistance", "axis-of-resistance", "exact") in found
    assert [e for s, e, _ in found if "Resistance Front" in s or s == "TRF"] == ["the-resistance-front"] * 2


def test_an_unknown_alias_given_in_the_text_is_the_same_entity(tagger: Tagger) -> None:
    found = clusters(tagger, "Abdirizak Hassan Warsame, also known as Abu Yusuf al-Somali, is a financier. Warsame fled.")
    assert found["Abu Yusuf al-Somali"] == found["Abdirizak Hassan Warsame"] == found["Warsame"]
    found = clusters(tagger, 'Intelligence tracked Sahin Yildiz, code-named "Agit Botan," in the Qandil mountains.')
    assert found["Agit Botan"] == found["Sahin Yildiz"]
    found = clusters(tagger, "Abu Abdullah Ibn Umar al-Barnawi, known locally as Ba Idrisa, led the province.")
    assert found["Ba Idrisa"] == found["Abu Abdullah Ibn Umar al-Barnawi"]
    found = clusters(tagger, "A core regrouped under Bakura Modu, also reported as Bakura Doro, on the islands.")
    assert found["Bakura Doro"] == found["Bakura Modu"]
    # A listing's "Also known as:" line: each name after a semicolon is another alias.
    found = clusters(tagger, "Harakat Sawa'd Misr (HASM)\nAlso known as: Hasm; Harakat Sawaed Misr; Arms of Egypt Movement\n\nIran; Iraq.")
    assert found["Arms of Egypt Movement"] == found["HASM"] == "hasm-movement"
    assert found["Iraq"] == "iraq"
    found = clusters(tagger, "Saif al-Adel, a.k.a. Ibrahim al-Madani, leads the group.")
    assert found["Ibrahim al-Madani"] == found["Saif al-Adel"] == "saif-al-adel"
    # A known alias keeps its entity: a kunya and nisba are borne by many.
    found = clusters(tagger, "Faruq al-Halabi, also known as Abu Ahmad al-Shami, funds Hurras al-Din.")
    assert found["Faruq al-Halabi"].startswith("NIL:")
    # The lists' own forms: OFAC's a.k.a. chain, whose kunya alone is borne by many, and the
    # UN list's labels, with a Latin cluster id for a person also named in Arabic script.
    found = clusters(tagger, 'KAZEMI-NIA, Hamid Reza (a.k.a. KAZEMINIA, Hamidreza; a.k.a. "ABU ALI"), Dubai.')
    assert found["ABU ALI"] == found["KAZEMINIA, Hamidreza"] == found["KAZEMI-NIA, Hamid Reza"]
    found = clusters(
        tagger,
        "QDi.447 Name: OULD ABDALLAHI, Sidi Mohamed\nName (original script): سيدي محمد ولد عبد الله\n"
        "Good quality a.k.a.: a) Sidi Mohamed Ould Abdellahi b) Abou Talha al-Mauritani\nDate of birth: 1986.",
    )
    assert set(found.values()) == {"NIL:sidi-mohamed-ould-abdallahi"}, found
    assert len(found) == 4


def test_a_frequent_english_given_name_before_a_common_word_is_a_person(tagger: Tagger) -> None:
    # Both words are among the frequent English words, which alone make no name.
    text = "Dame Diana Johnson (Kingston upon Hull North) asked. Julian Lewis agreed; the Jordan Valley is dry."
    typed = named(tagger, text)
    assert typed["Diana Johnson"][1] == typed["Julian Lewis"][1] == "PER"
    assert "Jordan Valley" not in typed or typed["Jordan Valley"][1] != "PER"  # a place's name is no given name


def test_group_names_around_a_place_a_plural_or_a_particle(tagger: Tagger) -> None:
    text = (
        "Kadugli is cut off by Sudan People's Liberation Movement-North (SPLM-N) forces. The Arms of Egypt Movement "
        "attacked. Members of Congress worried. Jama'atu Ahlus-Sunnah lid-Da'wati wal-Jihad grew."
    )
    found = entities(tagger, text)
    assert "Sudan People's Liberation Movement-North" in found and "Sudan" not in found  # a head after a hyphen
    assert "Arms of Egypt Movement" in found  # a plural and "of" that open a group's name
    assert "Members of Congress" not in found
    assert found["Jama'atu Ahlus-Sunnah lid-Da'wati wal-Jihad"] == "boko-haram"  # "lid-" joins, as "lil-" does


def test_a_byline_in_title_case_lists_people(tagger: Tagger) -> None:
    text = "Iran Update, February 8, 2024\n\nNadia Kessler, Brian Okonjo and Marisa Tahir\n\nHezbollah Fires Rockets at Metula\n\nText."
    typed = named(tagger, text)
    assert typed["Nadia Kessler"][1] == typed["Brian Okonjo"][1] == typed["Marisa Tahir"][1] == "PER"
    assert not any("Fires" in s or "Rockets" in s for s in typed)  # a headline's words stay out


def test_names_between_dashes_in_a_sentence_are_no_header_segment(tagger: Tagger) -> None:
    # Dashes around an aside, lowercase words outside them: the names in title case between
    # them are people, not a site header's parts ("Institute | Analysis | Program").
    text = (
        "The gunmen arrested by the authorities - Dalerdzhon Mirzoev, Saidakrami Rajabalizoda "
        "and Muhammadsobir Fayzov - are Tajik nationals."
    )
    typed = named(tagger, text)
    assert typed["Dalerdzhon Mirzoev"][1] == typed["Saidakrami Rajabalizoda"][1] == typed["Muhammadsobir Fayzov"][1] == "PER", typed
    assert "Analysis" not in named(tagger, "Meridian Security Institute - Analysis - Counterterrorism Program\n\nText.")


def test_a_byline_of_one_reporter_and_an_outlet(tagger: Tagger) -> None:
    text = "Gunmen Attack Market\n\nBy John Smith of Reuters\n\nLAGOS - Gunmen killed 12 people.\n\nBy Amina Young\n\nKANO - More."
    typed = named(tagger, text)
    assert typed["John Smith"][1] == typed["Amina Young"][1] == "PER", typed
    assert typed["Reuters"][0] == "reuters", typed


def test_a_heading_of_english_words_is_no_name(tagger: Tagger) -> None:
    text = "Gaza Strip.\n\nKey Takeaways:\n\n- Strikes hit.\n\nOvert Acts\n\nEXCERPT OF INDICTMENT\n\nTerrorism Monitor\n\nDaniel Koroma\n"
    found = named(tagger, text)
    assert not {"Key Takeaways", "Overt Acts", "EXCERPT OF INDICTMENT"} & set(found)
    assert found["Terrorism Monitor"][1] == "ORG" and found["Daniel Koroma"][1] == "PER"


def test_counties_sites_around_places_and_parliamentary_titles(tagger: Tagger) -> None:
    text = (
        "He lived in Prince William County and flew from Washington Dulles International Airport.\n\n"
        "Madam Deputy Speaker (Dame Rosie Winterton):\nThe question is as on the Order Paper."
    )
    found = named(tagger, text)
    assert found["Prince William County"][1] == found["Washington Dulles International Airport"][1] == "LOC"
    assert "Washington" not in found  # the place is part of the airport's name
    assert found["Rosie Winterton"][1] == "PER" and not any("Speaker" in s for s in found)


def test_a_known_persons_name_with_a_surname_more_is_one_longer_name(tagger: Tagger) -> None:
    found = [m.surface for m in tagger.tag("Its first emir, Hafiz Saeed Khan, was killed. Hafiz Saeed spoke.", "d")]
    assert found == ["Hafiz Saeed Khan", "Hafiz Saeed"]


def test_a_groups_arabic_name_with_fi_and_an_elided_article(tagger: Tagger) -> None:
    found = spans(tagger, "ISIS, also known as ad-Dawla al-Islamiyya fi al-'Iraq wa-sh-Sham, grew.")
    assert [(s, e) for s, e, _ in found] == [("ISIS", "islamic-state"), ("ad-Dawla al-Islamiyya fi al-'Iraq wa-sh-Sham", "islamic-state")]


def test_wire_marks_corps_railways_and_a_provincial_body(tagger: Tagger) -> None:
    text = (
        "Four terrorists killed in North Waziristan IBO: ISPR\n\nKABUL, Jan. 5 (Xinhua) -- A spokesman for the Kunduz "
        "provincial police spoke. Fighters struck a Frontier Corps convoy. Pakistan Railways resumed trains.\n\nEnditem\n"
    )
    found = named(tagger, text)
    assert "Enditem" not in found and "IBO" not in found  # Xinhua's end mark, a military operation
    assert found["Kunduz"][0] == "kunduz-province"  # its provincial police
    assert found["Frontier Corps"][1] == found["Pakistan Railways"][1] == "ORG"


def test_treasury_and_panel_report_forms(tagger: Tagger) -> None:
    text = (
        "Mohamed Said Aw-Abdi owns Bari Star General Trading L.L.C. Aw-Abdi has used the company. Hodan Shire owns "
        "Eastleigh Horizon Money Transfer Limited. Al-Rawda Electronics Ltd. in Foz do Iguaçu, Brazil sent money. "
        "Dhows sailed through the Bab al-Mandab Strait."
    )
    found = named(tagger, text)
    # A legal form's dot ends a company's name and the sentence; the name after it is the next one's.
    assert found["Bari Star General Trading L.L.C."][1] == "ORG"
    assert found["Aw-Abdi"][0] == found["Mohamed Said Aw-Abdi"][0]
    assert found["Eastleigh Horizon Money Transfer Limited"][1] == "ORG"  # a place opens a company's name
    assert found["Foz do Iguaçu"][1] == "LOC"  # "do" joins; in a place, before its country
    assert "Strait" not in found  # a place noun alone
    assert found.get("Dhows", ("", ""))[0] != "us-state-department"  # no acronym's key ("DoS")


def test_aliases_in_prose_in_lists_and_in_a_notices_fields(tagger: Tagger) -> None:
    text = (
        "A Tajik named Jamshed Qurbonov, who used the alias Abu Usmon al-Tajiki, ran a shop. "
        "The arrestees are Md Sajjadul Islam Shuvo, 27, who also goes by the name Abu Muhammad al-Bangali. "
        "Its founder Rinaldo Nazzaro, who used the aliases Norman Spear and Roman Wolf, left."
    )
    found = clusters(tagger, text)
    assert found["Abu Usmon al-Tajiki"] == found["Jamshed Qurbonov"], found
    assert found["Abu Muhammad al-Bangali"] == found["Md Sajjadul Islam Shuvo"], found
    assert found["Norman Spear"] == found["Roman Wolf"] == found["Rinaldo Nazzaro"], found
    # A wanted notice: its heading, an "Aliases:" line parted by commas (a title cut out of
    # one), and Interpol's name fields.
    text = (
        "JEHAD SERWAN MOSTAFA\n\nProviding Material Support to Terrorists\n\nDESCRIPTION\n"
        "Aliases: Ahmed Gurey, Anwar, Emir Anwar, Abu Anwar al-Muhajir\nDate of birth: 1982\n\n"
        "IDENTITY PARTICULARS\nFamily name: BENAMRANE\nForename: KARIM YOUSSEF\nSex: Male\n"
    )
    found = named(tagger, text)
    assert len({found[name][0] for name in ("JEHAD SERWAN MOSTAFA", "Ahmed Gurey", "Anwar", "Abu Anwar al-Muhajir")}) == 1, found
    assert found["BENAMRANE"] == found["KARIM YOUSSEF"] != found["Anwar"], found
    assert found["BENAMRANE"][1] == "PER"


def test_arabic_names_of_groups_after_them_and_aliases_after_the(tagger: Tagger) -> None:
    text = (
        "Nouri al-Maliki, known to supporters by his kunya Abu Israa, leads the State of Law (Dawlat al-Qanun) coalition. "
        "The Coordination Framework – al-Itar al-Tansiqi – formed the government. "
        "Units of the Giants Brigades (Al-Amaliqa) and the Shabwa Defense Forces, formerly known as the Shabwani Elite, "
        "fought the STC (in Arabic, al Majlis al Intiqali al Janoubi). "
        "The security forces of the Autonomous Administration of North and East Syria, known as the Asayish, searched the camp."
    )
    found = clusters(tagger, text)
    assert found["Abu Israa"] == found["Nouri al-Maliki"] == "nouri-al-maliki", found
    assert found["Dawlat al-Qanun"] == found["State of Law"] == "state-of-law-coalition", found
    assert found["al-Itar al-Tansiqi"] == found["Coordination Framework"] == "coordination-framework", found
    assert found["Al-Amaliqa"] == found["Giants Brigades"], found
    assert found["Shabwani Elite"] == found["Shabwa Defense Forces"], found
    assert found["al Majlis al Intiqali al Janoubi"] == found["STC"] == "southern-transitional-council", found
    # After "the N of": the noun's name, not the one after "of".
    assert found["Asayish"] != found["Autonomous Administration of North and East Syria"], found


def test_aliases_in_brackets_and_a_nom_de_guerre_or_real_name_of_another(tagger: Tagger) -> None:
    # An Iraqi statement's bracketed names; a nom de guerre named after it; a real name.
    found = clusters(tagger, "1. The terrorist (Marwan Shakir Hammadi), nicknamed (Abu Tayba al-Rawi), the so-called wali of Anbar, was killed.")
    assert found["Abu Tayba al-Rawi"] == found["Marwan Shakir Hammadi"], found
    found = clusters(tagger, "Residents said Abu Harith was the nom de guerre of Issa Namwali, a former Quran teacher.")
    assert found["Abu Harith"] == found["Issa Namwali"], found
    found = clusters(tagger, "The army named him as Muhammad Jabber, better known by his nom de guerre Abu Shujaa.")
    assert found["Abu Shujaa"] == found["Muhammad Jabber"], found
    # A sanctions regulation's alias list, a kunya in plain single quotes, a name in Arabic script.
    text = "Khaled Yousef Mahmoud SHAQURA (alias Khalid Yusuf Mahmud SHAKOURA; 'Abu Yousef'; خالد يوسف محمود شقورة), a financier."
    found = clusters(tagger, text)
    assert len({found[name] for name in ("Khaled Yousef Mahmoud SHAQURA", "Abu Yousef", "خالد يوسف محمود شقورة")}) == 1, found
    found = clusters(tagger, "The cell was led by Abu Hamza al-Kurdi, whose real name is Rebwar Aziz Salih.")
    assert found["Rebwar Aziz Salih"] == found["Abu Hamza al-Kurdi"], found
    # A fuller name is no alias: the short one that a place also bears does not lend it the place.
    found = clusters(tagger, "Zahran, whose full name was Mohammed Cassim Mohammed Zahran, founded the group.")
    assert found["Mohammed Cassim Mohammed Zahran"].startswith("NIL:"), found


def test_an_alias_list_line_and_us_government_names(tagger: Tagger) -> None:
    text = (
        "Talal Hamiyah\n\nBorn: 1952\nAlso known as: Talal Hamiya; Abu Jafar\n\n"
        "The Office of the National Security Adviser (ONSA) coordinates. ISIS-West Africa (ISIS-WA) struck."
    )
    found = named(tagger, text)
    assert found["Abu Jafar"][0] == found["Talal Hamiya"][0] == found["Talal Hamiyah"][0]  # the list opens its line
    assert found["Abu Jafar"][0] != "NIL:abu-jafar"  # a cluster is named after a name, not a bare kunya
    assert found["ONSA"] == found["Office of the National Security Adviser"]  # "of the" after "Office"
    assert found["ISIS-West Africa"][0] == "islamic-state-west-africa-province"


def test_a_groups_province_written_with_a_possessive_is_one_name(tagger: Tagger) -> None:
    text = (
        "Fighters of the Islamic State's West Africa Province attacked. Iraq's Anbar Province is vast. "
        "Kata'ib Hezbollah's Abu Fadak al-Mohammadawi spoke."
    )
    found = entities(tagger, text)
    assert found["Islamic State's West Africa Province"] == "islamic-state-west-africa-province"
    assert found["Iraq"] == "iraq" and found["Anbar Province"] == "anbar-governorate"  # a country's province: two
    assert found["Kata'ib Hezbollah"] == "kataib-hezbollah" and "Abu Fadak al-Mohammadawi" in found
    # A leader's Islamic State province: the leader, then the province.
    found = entities(tagger, "Fighters of Abdulqadir Mumin's Islamic State Somalia Province fled.")
    assert found == {"Abdulqadir Mumin": "abdulqadir-mumin", "Islamic State Somalia Province": "islamic-state-somalia-province"}, found


def test_arabic_connectors_written_apart_and_a_backtick_ayn_stay_inside_a_groups_name(tagger: Tagger) -> None:
    text = "JNIM, or Jama'at Nusrat al Islam wal Muslimeen, attacked. Boko Haram, formally Jama'at Ahl al-Sunna lil-Da`wa wal-Jihad, fled."
    found = entities(tagger, text)
    assert found == {
        "JNIM": "jamaat-nusrat-al-islam-wal-muslimin",
        "Jama'at Nusrat al Islam wal Muslimeen": "jamaat-nusrat-al-islam-wal-muslimin",
        "Boko Haram": "boko-haram",
        "Jama'at Ahl al-Sunna lil-Da`wa wal-Jihad": "boko-haram",
    }, found


def test_a_nom_de_guerre_keeps_its_honorific_and_a_name_loses_its_title(tagger: Tagger) -> None:
    text = "Imad Mughniyeh, known as Hajj Radwan, was killed. The Radwan Force bears his name. Mullah Yaqub spoke."
    found = entities(tagger, text)
    assert found == {"Imad Mughniyeh": "imad-mughniyeh", "Hajj Radwan": "imad-mughniyeh", "Radwan Force": "radwan-force", "Yaqub": "mullah-yaqoob"}, found


def test_a_military_units_number_is_part_of_its_name(tagger: Tagger) -> None:
    text = "The 6th Infantry Division held El Fasher. Israel's 98th Division and the 444 Brigade moved. In 2024 Brigade commanders met."
    found = {m.surface: m.type for m in tagger.tag(text, "d")}
    assert found == {"6th Infantry Division": "ORG", "El Fasher": "LOC", "Israel": "LOC", "98th Division": "ORG", "444 Brigade": "ORG"}, found


def test_a_word_met_only_as_an_acronym_is_spelt_yields_to_the_documents_name(tagger: Tagger) -> None:
    text = (
        "Police commander John Kipkorir Sang visited Lamu. Sang said the forest was quiet. "
        "Boats crossed the Naf River at night. The Naf is narrow. The Guardian wrote that Isis fighters fled."
    )
    found = {(m.surface, m.cluster_id) for m in tagger.tag(text, "d")}
    assert ("Sang", "NIL:john-kipkorir-sang") in found and ("Naf", "NIL:naf-river") in found, found
    assert ("Isis", "islamic-state") in found, found  # no name of the document bears it


def test_a_common_noun_and_of_opens_no_persons_name(tagger: Tagger) -> None:
    found = {m.surface: m.type for m in tagger.tag("The magazine Voice of Khurasan attacked the House of Saud on Monday.", "d")}
    assert found == {"Voice of Khurasan": "ORG", "House of Saud": "ORG"}, found


def test_a_given_name_that_a_place_bears_with_its_article_stays_in_a_persons_name(tagger: Tagger) -> None:
    found = clusters(tagger, "Ezedin Abdel Aziz Khalil, better known as Yasin al-Suri, fled.")
    assert found == {"Ezedin Abdel Aziz Khalil": found["Yasin al-Suri"], "Yasin al-Suri": found["Yasin al-Suri"]}
    assert entities(tagger, "Settlers attacked homes in Al-Khalil.") == {"Al-Khalil": "hebron"}


def test_a_company_named_across_and(tagger: Tagger) -> None:
    found = {m.surface: m.type for m in tagger.tag("The Council listed Al-Manara Exchange and Transfer Company. Iran and Syria met.", "d")}
    assert found == {"Al-Manara Exchange and Transfer Company": "ORG", "Iran": "LOC", "Syria": "LOC"}


def test_an_outlets_common_word_name_before_newspaper(tagger: Tagger) -> None:
    found = entities(tagger, "His brothers told the Guardian newspaper that he married. A guardian came.")
    assert found == {"Guardian": "the-guardian"}


def test_institutions_of_ordinary_words_with_a_forces_or_headquarters_head(tagger: Tagger) -> None:
    text = (
        "A former Canadian Armed Forces reservist fled. It killed 40 members of India's Central Reserve Police Force. "
        "Statements by the Defence Headquarters, Abuja. Passengers of hijacked Indian Airlines flight IC-814 were freed."
    )
    typed = named(tagger, text)
    for name in ("Canadian Armed Forces", "Central Reserve Police Force", "Defence Headquarters", "Indian Airlines"):
        assert typed[name][1] == "ORG", name
    # An army, a police force or a court named by ordinary words; an Arabic word for a group
    # that opens a name, whoever else the rest names.
    text = (
        "Irish Republican Army; Irish National Liberation Army. The Federal High Court and the Higher Regional Court "
        "in Munich ruled. HTS merged with factions including Harakat Nur al Din al Zinki and the Jakarta police. "
        "Dushanbe banned Jamaat Ansarullah, a Tajik group."
    )
    typed = named(tagger, text)
    for name in ("Irish Republican Army", "Irish National Liberation Army", "Federal High Court", "Higher Regional Court", "Harakat Nur al Din al Zinki"):
        assert typed[name][1] == "ORG", (name, typed)
    assert typed["Munich"][0] == "munich"
    # Before one known name too: the Tajik group, not the Houthis' Ansarullah.
    assert typed["Jamaat Ansarullah"] == ("jamaat-ansarullah", "ORG")


def test_an_unknown_organisation_of_ordinary_words_joins_no_longer_one_across_documents(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [("a", "The Philippine National Police said so."), ("b", "Officers at the National Police headquarters in Jakarta spoke.")]
    )
    found = {m.surface: m.cluster_id for m in mentions}
    assert found["National Police"] != found["Philippine National Police"], found


def test_a_name_in_single_quotes_is_whole_and_without_them(tagger: Tagger) -> None:
    found = [m.surface for m in tagger.tag("He met 'Karim Tamaz' there. They called him 'Masterji', a teacher.", "d")]
    assert found == ["Karim Tamaz", "Masterji"], found
    found = [m.surface for m in tagger.tag("The Qa'ida men and the Brigades' units.", "d")]
    assert "Qa'ida" in found and "Brigades'" not in found, found


def test_a_preposition_that_opens_a_sentence_is_no_part_of_the_name_after_it(tagger: Tagger) -> None:
    text = "Md Sajjadul Islam Shuvo was held. Following Shuvo's arrest, police acted. Throughout Borno, schools shut."
    found = clusters(tagger, text)
    assert found["Shuvo"] == found["Md Sajjadul Islam Shuvo"], found
    assert found["Borno"] == "borno-state", found


def test_a_groups_name_that_its_leader_bears_as_family_name_stays_the_groups(tagger: Tagger) -> None:
    text = "CENTCOM destroyed Houthi launchers. The Houthi leader, Abdul-Malik al-Houthi, spoke. Houthi media reported strikes."
    found = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert [e for s, e in found if s == "Houthi"] == ["houthis"] * 3, found
    # A given name the gazetteer gives to a group is still the person's.
    found = clusters(tagger, "Densus 88 said Aman Abdurrahman had ordered it. Aman was moved to Nusakambangan.")
    assert found["Aman"] == found["Aman Abdurrahman"], found


def test_an_academic_wa_l_and_east_asian_given_names_keep_the_name_whole(tagger: Tagger) -> None:
    text = "JNIM (Jamāʿat Nuṣrat al-Islām wa-l-Muslimīn) said. Leung Chi-wai fled. Park Chang-ho met Hamas-run and US-led bodies."
    found = named(tagger, text)
    assert found["Jamāʿat Nuṣrat al-Islām wa-l-Muslimīn"][0] == "jamaat-nusrat-al-islam-wal-muslimin", found
    assert found["Leung Chi-wai"][1] == found["Park Chang-ho"][1] == "PER", found
    assert found["Hamas"][0] == "hamas" and found["US"][0] == "united-states", found


def test_court_captions_hearing_transcripts_and_surnames_that_are_words(tagger: Tagger) -> None:
    text = (
        "UNITED STATES OF AMERICA,\nPlaintiff-Appellee,\nv.\nELIJAH MARCUS THORNE,\nDefendant-Appellant.\n\n"
        "Thorne argues that he was entrapped. Thorne grew up in Dearborn. Queues formed outside."
    )
    found = named(tagger, text)
    assert found["Thorne"] == found["ELIJAH MARCUS THORNE"] and found["Thorne"][1] == "PER", found
    assert not any(name.startswith(("Plaintiff", "Defendant", "Queues")) for name in found), found
    text = "Chairman BRANDVOLD. The subcommittee will come to order. Mr. KELLEHER. Thank you, Chairman Brandvold. Mr. Smith agreed."
    found = named(tagger, text)
    assert found["BRANDVOLD"][1] == found["KELLEHER"][1] == found["Brandvold"][1] == found["Smith"][1] == "PER", found
    assert not any(name.startswith("Chairman") for name in found), found


def test_a_given_name_that_is_also_a_places_opens_a_persons_name(tagger: Tagger) -> None:
    found = named(tagger, "A camp named after Aden Hashi Farah Ayrow, the al-Shabaab leader. Aden Port reopened. Baghdad - Fadhel al-Nashmi")
    assert found["Aden Hashi Farah Ayrow"][1] == "PER", found
    assert found["Aden"][0] == "aden" and found["Baghdad"][0] == "baghdad", found


def test_a_listed_surname_that_is_a_places_name_inverts_with_its_given_names(tagger: Tagger) -> None:
    text = "QANDIL, Yasin Mahmud (a.k.a. KANDIL, Yassin Mahmoud); DOB 1979.\nBAGHDAD, Iraq (Reuters) - A bomb went off."
    found = named(tagger, text)
    assert found["QANDIL, Yasin Mahmud"] == found["KANDIL, Yassin Mahmoud"] and found["QANDIL, Yasin Mahmud"][1] == "PER", found
    assert found["BAGHDAD"][0] == "baghdad" and found["Iraq"][0] == "iraq", found


def test_a_list_of_companies_and_where_each_is_registered(tagger: Tagger) -> None:
    text = "1. Azraq Exchange and Remittances Company - Sanaa, Yemen\n2. Bahr Al Amal General Trading LLC - Deira, Dubai\n"
    found = named(tagger, text)
    assert found["Azraq Exchange and Remittances Company"][1] == found["Bahr Al Amal General Trading LLC"][1] == "ORG", found
    assert found["Sanaa"][0] == "sanaa" and found["Dubai"][0] == "dubai", found


def test_a_turkish_kunya_and_the_fields_word_takfiri(tagger: Tagger) -> None:
    found = named(tagger, "An emir code-named Ebu Talha el-Türki was held. The Daesh Takfiri group and other Takfiris fled.")
    assert found["Ebu Talha el-Türki"][1] == "PER" and "Türki" not in found, found
    assert not any(name.startswith("Takfiri") for name in found), found


def test_mohammad_abbreviated_opens_the_name_after_it(tagger: Tagger) -> None:
    found = named(tagger, "The module was run by Mohd. Altaf Sheikh, 41. Md. Rafiqul Islam was held in Dhaka.")
    assert found["Mohd. Altaf Sheikh"][1] == found["Md. Rafiqul Islam"][1] == "PER", found
    assert not any(name in found for name in ("Mohd", "Md.")), found


def test_a_list_field_in_title_case_names_a_name_not_a_headline(tagger: Tagger) -> None:
    for text in ("Name: Golden Dune Shipping Company\nx", "Entity name: Golden Dune Shipping Company\nx"):
        assert [m.surface for m in tagger.tag(text, "d")] == ["Golden Dune Shipping Company"], text
    # A headline's kicker is no field: its unknown words in title case stay no name.
    assert tagger.tag("Analysis: Golden Dune Shipping Company Sinks\nx", "d") == []


def test_an_institution_that_a_known_ones_name_only_begins_is_another(tagger: Tagger) -> None:
    text = "Officers of the Department of State Services (DSS) met the police. The DSS said so. The Department of State agreed."
    found = [(m.surface, m.entity_id, m.cluster_id) for m in tagger.tag(text, "d")]
    dss = [cluster for surface, _, cluster in found if surface in ("Department of State Services", "DSS")]
    assert len(dss) == 3 and len(set(dss)) == 1 and dss[0] != "us-state-department", found
    assert ("Department of State", "us-state-department", "us-state-department") in found


def test_the_un_lists_numbered_name_fields_and_its_aliases_after_other_fields(tagger: Tagger) -> None:
    text = (
        "QDi.501 Name: 1: HAMAD 2: NASIR 3: AL-DUBAYYAN 4: na\n"
        "Name (original script): حمد ناصر الدبيان\n"
        "Title: na Designation: na DOB: 1977 POB: Buraydah, Saudi Arabia Good quality a.k.a.: a) Abu Usayd "
        "b) Hamad Nasser al-Dubayan Low quality a.k.a.: a) Abu Sufyan Nationality: Saudi Arabia"
    )
    mentions = tagger.tag(text, "d")
    found = {m.surface: m for m in mentions}
    name = found["HAMAD 2: NASIR 3: AL-DUBAYYAN"]  # one name, the parts' numbers inside it
    assert (name.type, name.cluster_id, name.canonical) == ("PER", "NIL:hamad-nasir-al-dubayyan", "HAMAD NASIR AL-DUBAYYAN")
    # The aliases are the entry's, not the birthplace's that the fields put before them.
    for alias in ("حمد ناصر الدبيان", "Abu Usayd", "Hamad Nasser al-Dubayan", "Abu Sufyan"):
        assert found[alias].cluster_id == name.cluster_id, alias
    assert found["Buraydah"].type == "LOC" and found["Buraydah"].cluster_id != name.cluster_id
    assert "Low" not in " ".join(found)  # the label after a name is no part of it
    known = entities(tagger, "QDi.006 Name: 1: AYMAN 2: MUHAMMED RABI 3: AL-ZAWAHIRI 4: na")
    assert known == {"AYMAN 2: MUHAMMED RABI 3: AL-ZAWAHIRI": "ayman-al-zawahiri"}


def test_a_us_indictments_a_k_a_lines(tagger: Tagger) -> None:
    text = (
        'UNITED STATES OF AMERICA\nv.\nADAM TARIQ HADDAD,\n    a/k/a "Abu Yusuf al-Amriki,"\n    a/k/a "Adam al-Haddad,"\n'
        'and\nSAMIR KHALIL OSMAN,\n    a/k/a "Abu Hafs al-Muhajir,"\n        Defendants.'
    )
    found = clusters(tagger, text)
    assert found["ADAM TARIQ HADDAD"] == found["Abu Yusuf al-Amriki"] == found["Adam al-Haddad"]
    assert found["SAMIR KHALIL OSMAN"] == found["Abu Hafs al-Muhajir"] != found["ADAM TARIQ HADDAD"]


def test_ofac_entries_with_a_given_name_that_is_a_place_and_eu_script_labels(tagger: Tagger) -> None:
    text = 'JAMA, Abdinasir Farah (a.k.a. JAAMAC, Abdinasir Faarax; a.k.a. "ABU HAFSA"), Bosaso, Somalia; DOB 1986.'
    found = clusters(tagger, text)
    # Farah (a province) is a given name of the entry, and the aliases are the person's.
    assert found["JAMA, Abdinasir Farah"] == found["JAAMAC, Abdinasir Faarax"] == found["ABU HAFSA"]
    assert found["JAMA, Abdinasir Farah"].startswith("NIL:")
    text = "1. Name (transliteration of the Arabic script): Suhail Taher Salim AL-MADHOUN\nName (Arabic script): سهيل طاهر سالم المدهون\n"
    found = clusters(tagger, text)
    assert len(found) == 2 and len(set(found.values())) == 1, found


def test_an_original_script_name_given_under_its_scripts_label(tagger: Tagger) -> None:
    text = "AL-QUBAYSI, Fadil Muhsin (Arabic: فاضل محسن القبيسي) (a.k.a. AL-QUBAISI, Fadel Mohsen), Sanaa, Yemen."
    found = clusters(tagger, text)
    assert found["فاضل محسن القبيسي"] == found["AL-QUBAYSI, Fadil Muhsin"] == found["AL-QUBAISI, Fadel Mohsen"]
    text = "QDe.190 Name: AL-SALAM CHARITABLE TRUST\nA.k.a.: a) Jam'iyyat al-Salam al-Khayriyya b) Salam Trust\n"
    found = clusters(tagger, text)
    assert len(set(found.values())) == 1 and len(found) == 3, found


def test_a_place_met_only_as_folded_yields_to_a_person_of_the_document(tagger: Tagger) -> None:
    found = spans(tagger, "OFAC designated businessman Ali Kassem Rida. Rida worked with the IRGC.")
    assert [e for s, e, _ in found if s == "Rida"] != ["radaa"]
    assert {m.cluster_id for m in tagger.tag("OFAC designated Ali Kassem Rida. Rida fled.", "d") if "Rida" in m.surface} == {
        "NIL:ali-kassem-rida"
    }


def test_a_document_that_names_a_known_acronym_anew_keeps_it_for_its_aliases_too(tagger: Tagger) -> None:
    text = (
        "The Order adds Jama'at Ahl al-Thughur (JAT) to the list.\n\n"
        "Jama'at Ahl al-Thughur (JAT)\nAlso known as: Ahl al-Thughur; Thughur Media.\nJAT material circulated."
    )
    found = clusters(tagger, text)
    assert found["Thughur Media"] == found["Ahl al-Thughur"] == found["JAT"] == found["Jama'at Ahl al-Thughur"], found
    assert found["JAT"] != "jamaah-ansharut-tauhid"
    # A known name defines a known acronym of another for the document too; "Soldiers of
    # the" is no part of it.
    found = clusters(tagger, "Soldiers of the Armed Forces of the Philippines (AFP) clashed with rebels. The AFP said so.")
    assert found["AFP"] == found["Armed Forces of the Philippines"] == "armed-forces-of-the-philippines", found
    # The acronym of the name in another language, its letters in another order: Algeria's
    # Armée nationale populaire is no Afghan National Police.
    found = clusters(tagger, "Units of the People's National Army (ANP) arrested two men. The ANP said so.")
    assert found["ANP"] == found["People's National Army"] != "afghan-national-police", found


def test_acronyms_written_as_words_and_roles_before_a_company(tagger: Tagger) -> None:
    text = (
        "The National Counter Terrorism Authority (Nacta) briefed senators. Nacta's coordinator spoke. "
        "Other Information: Manager of Sahand Marine Services. Listed: SAHAND MARINE SERVICES LLC."
    )
    found = named(tagger, text)
    assert found["Nacta"] == found["National Counter Terrorism Authority"]
    assert found["Nacta"][1] == "ORG"
    # The document's definition outranks a transliteration key's guess ("Raab").
    found = named(tagger, "The Rapid Action Battalion (Rab) arrested him. Later Rab raided a flat.")
    assert found["Rab"] == found["Rapid Action Battalion"], found
    found = named(tagger, text)
    assert found["Sahand Marine Services"] == found["SAHAND MARINE SERVICES LLC"]
    assert not any(s.startswith("Manager") for s in found)


def test_partial_name_takes_the_entity_of_the_full_mention(tagger: Tagger) -> None:
    text = "Mike Pompeo spoke on Monday. Later, Pompeo said the group was in Iran."
    found = spans(tagger, text)
    assert ("Pompeo", "mike-pompeo", "coref") in found


def test_an_ambiguous_partial_takes_the_candidate_whose_mention_holds_it(tagger: Tagger) -> None:
    # Zawahiri bears the kunya Abu Muhammad too, and is named nearer.
    text = (
        "Abu Muhammad al-Masri was shot in Tehran. He had served under Ayman al-Zawahiri. "
        "The 1998 bombings that Abu Muhammad helped plan killed 224 people."
    )
    assert ("Abu Muhammad", "abu-muhammad-al-masri", "coref") in spans(tagger, text)


def test_ambiguous_partial_without_anchor_is_not_guessed(tagger: Tagger) -> None:
    found = spans(tagger, "A man named al-Masri was seen in Cairo.")
    masri = [f for f in found if f[0] == "al-Masri"]
    assert masri and masri[0][1] is None and masri[0][2] == "ambiguous"


def test_an_institution_shared_by_countries_is_the_one_of_the_country_named(tagger: Tagger) -> None:
    us = "The U.S. envoy said Congress had not been asked. Members of Congress objected."
    assert [f for f in spans(tagger, us) if f[0] == "Congress"] == [("Congress", "us-congress", "coref")] * 2
    uk = "In London, the Treasury said Britain would freeze the assets."
    assert ("Treasury", "hm-treasury", "coref") in spans(tagger, uk)
    # Both countries named, or neither: the name is not settled by context.
    both = "The U.S. and Britain disagreed; the Treasury said nothing."
    assert not any(entity for surface, entity, _ in spans(tagger, both) if surface == "Treasury")
    assert not any(surface == "Congress" and entity for surface, entity, _ in spans(tagger, "Congress met on Monday."))
    title = "The U.S. Treasury Secretary Scott Bessent spoke."
    assert not any(surface == "Treasury" for surface, _, _ in spans(tagger, title.replace("U.S. ", "U.S. envoy and ")))


def test_unknown_names_share_a_nil_cluster_across_documents(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [("a", "The financier Bilal Dakroub was seen near Kidal."), ("b", "Bilal Dakrub denied it.")]
    )
    clusters = {m.cluster_id for m in mentions if m.surface.startswith("Bilal")}
    assert len(clusters) == 1
    assert next(iter(clusters)).startswith("NIL:")


def test_a_body_of_ordinary_words_is_its_documents_countrys(tagger: Tagger) -> None:
    # Every country has a "Ministry of Interior": unknown, it is clustered per country of
    # the document (by the places it links), its word orders and acronym as one.
    mentions = tagger.tag_documents(
        [
            ("sa", "Police in Qatif detained two men, the Ministry of Interior said in Riyadh."),
            ("iq", "In Baghdad, the Ministry of Interior (MoI) said the Interior Ministry had sent troops to Mosul. MoI officers stayed."),
            ("iq2", "Officers in Basra said the Interior Ministry had sent them."),
            ("none", "The Ministry of Interior said nothing."),
        ]
    )
    by_doc: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "ORG":
            by_doc.setdefault(m.doc_id, set()).add(m.cluster_id)
    assert by_doc == {
        "sa": {"NIL:ministry-of-interior-saudi-arabia"},
        "iq": {"NIL:ministry-of-interior-iraq"},
        "iq2": {"NIL:ministry-of-interior-iraq"},
        "none": {"NIL:ministry-of-interior"},  # no country to tell: by its name alone
    }, by_doc
    # A body whose name says its country is clustered by its name.
    assert clusters(tagger, "Police in Qatif said the Saudi Ministry of Interior was told.")["Saudi Ministry of Interior"] == "NIL:saudi-ministry-of-interior"


def test_regional_spellings_of_an_unknown_name_share_a_nil_cluster(tagger: Tagger) -> None:
    # Russian kh for h, French ch for sh: one person each, whichever wire wrote the name.
    mentions = tagger.tag_documents(
        [
            ("a", "Police in Dushanbe detained Mukhammad Sharipov. In Tunis, Rachid Belgacemi was charged."),
            ("b", "Muhammad Sharipov denied the charges. Rashid Belgacemi stays in prison."),
        ]
    )
    clusters = clusters_by(mentions, lambda surface: surface.split()[-1])
    assert len(clusters["Sharipov"]) == 1 and len(clusters["Belgacemi"]) == 1, clusters
    assert next(iter(clusters["Sharipov"])).startswith("NIL:"), clusters


def test_german_french_and_english_spellings_of_an_unknown_name_share_a_nil_cluster(tagger: Tagger) -> None:
    # Der Spiegel, Le Figaro and Reuters on one Tajik suspect: dsch and dj for dzh, s for a
    # voiced z, j for the glide of -yev, ï for i.
    mentions = tagger.tag_documents(
        [
            ("de", "In Wien wurde Dalerdschon Mirsojew festgenommen, ebenso Muhammadsobir Faisow."),
            ("fr", "A Vienne, Dalerdjon Mirzoïev a été interpellé avec Moukhammadsobir Faïzov."),
            ("en", "Police in Vienna arrested Dalerdzhon Mirzoyev and Muhammadsobir Fayzov."),
        ]
    )
    clusters = clusters_by(mentions, lambda surface: fold(surface.split()[-1])[:4])
    assert len(clusters["mirs"] | clusters["mirz"]) == 1 and len(clusters["fais"] | clusters["faiz"] | clusters["fayz"]) == 1, clusters


def test_a_body_or_place_without_its_designator_shares_a_nil_cluster(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "Funds reached the al-Karrar Office in Bosaso. Imrali Island holds him."),
            ("b", "Couriers of al-Karrar moved the cash. He was flown to Imrali."),
        ]
    )
    clusters = clusters_by(mentions, lambda surface: surface.split()[0].lower())
    assert len(clusters["al-karrar"]) == 1 and len(clusters["imrali"]) == 1, clusters
    assert next(iter(clusters["al-karrar"])).startswith("NIL:"), clusters


def test_a_company_with_and_without_its_legal_form_shares_a_nil_cluster(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "Treasury designated Golden Dune Shipping L.L.C. on Monday."),
            ("b", "The tanker belongs to Golden Dunes Shipping, a firm in Dubai."),
            ("c", "Golden Dune Trading was not named."),
        ]
    )
    clusters = {m.surface: m.cluster_id for m in mentions if m.surface.startswith("Golden")}
    assert clusters["Golden Dune Shipping L.L.C."] == clusters["Golden Dunes Shipping"] != clusters["Golden Dune Trading"]


def test_a_name_one_document_gives_as_anothers_alias_shares_its_nil_cluster(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "The cleric Mohammed al-Armoushi, known as Abu Ashraf al-Armoushi, was detained."),
            ("b", "Abu Ashraf al-Armoushi was released on Monday."),
            # A bare kunya, one man's alias in one document, is many men's.
            ("c", "Police arrested Mohd Arif @ Abu Hamza in Pune."),
            ("d", "A preacher called Abu Hamza spoke in Luton."),
        ]
    )
    clusters = clusters_by(mentions, lambda surface: surface.split()[-1])
    # Named after his name, not his kunya.
    assert clusters["al-Armoushi"] == {"NIL:mohammed-al-armoushi"}, clusters
    by_doc = {(m.doc_id, m.surface): m.cluster_id for m in mentions}
    assert by_doc[("c", "Abu Hamza")] == by_doc[("c", "Mohd Arif")] != by_doc[("d", "Abu Hamza")], by_doc


def test_a_rare_kunya_one_document_gives_as_a_name_shares_its_nil_cluster(tagger: Tagger) -> None:
    documents = [
        ("a", "Troops killed Mohammed Jaber, known as Abu Shujaa, in Nur Shams."),
        ("a2", "The army named Muhammad Jabber, known as Abu Shujaa, as its target."),
        ("b", "The army said Abu Shuja'a had been tracked for days."),
        # Given to two men, a kunya names neither where it stands alone.
        ("c", "The commander Yusuf Haddad, known as Abu Sakhr, was arrested."),
        ("d", "Officials named Nabil Qasem, known as Abu Sakhr, as the second man."),
        ("e", "Abu Sakhr was not seen again."),
        # Nor is the kunya of a common given name, however spelt, one man's.
        ("f", "The financier Khaled Yousef Shaqura, known as Abu Yousef, was listed."),
        ("g", "A preacher called Abu Yousef spoke in Gaza."),
    ]
    by_doc = {(m.doc_id, m.surface): m.cluster_id for m in tagger.tag_documents(documents)}
    assert by_doc[("b", "Abu Shuja'a")] == by_doc[("a", "Mohammed Jaber")] == by_doc[("a2", "Muhammad Jabber")], by_doc
    assert by_doc[("e", "Abu Sakhr")] not in {by_doc[("c", "Yusuf Haddad")], by_doc[("d", "Nabil Qasem")]}, by_doc
    assert by_doc[("g", "Abu Yousef")] != by_doc[("f", "Khaled Yousef Shaqura")], by_doc


def test_names_written_together_or_apart_share_a_nil_cluster(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "The Quds Force officer Hamid Reza Kazemi Nia was named on Monday."),
            ("b", "Officials named Hamidreza Kazeminia as the organiser."),
        ]
    )
    clusters = {m.cluster_id for m in mentions if m.surface.startswith("Hamid")}
    assert len(clusters) == 1 and next(iter(clusters)).startswith("NIL:"), clusters


def test_words_hyphenated_or_run_together_and_a_revoweled_surname_share_a_nil_cluster(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "A report by the South-East Asia Extremism Monitor said Ouassini Zaftar met officials."),
            ("b", "The Southeast Asia Extremism Monitor said Ouassini Zifter flew home."),
            ("c", "Mahmud Ahmad was arrested in Sandakan."),
            ("d", "Muhammad Ahmad was freed in Sandakan."),
        ]
    )
    cluster = {m.surface: m.cluster_id for m in mentions}
    assert cluster["South-East Asia Extremism Monitor"] == cluster["Southeast Asia Extremism Monitor"], cluster
    assert cluster["Ouassini Zaftar"] == cluster["Ouassini Zifter"], cluster
    # Given names that differ so are other names.
    assert cluster["Mahmud Ahmad"] != cluster["Muhammad Ahmad"], cluster


def test_known_names_written_together_or_apart_are_linked(tagger: Tagger) -> None:
    text = (
        "Returnees crossed at Spinboldak on Monday. Recruiters from South-East Asia travelled with them.\n\n"
        "A. Allied Democratic Forces\nThe group kept its camps."
    )
    found = {m.surface: m.entity_id for m in tagger.tag(text)}
    assert found["Spinboldak"] == "spin-boldak" and found["South-East Asia"] == "southeast-asia", found
    # An initial before a name is no part of it, though its letter and the name's first vowel key alike.
    assert found["Allied Democratic Forces"] == "allied-democratic-forces", found


def test_bodies_named_by_a_cell_or_unit_and_a_directorate_after_its_owner(tagger: Tagger) -> None:
    text = (
        "On Monday the Security Media Cell said air strikes hit the Hamrin mountains. "
        "Officials of Iraq's General Directorate for Survivors' Affairs met the General Service Unit.\n\n"
        "5. JORDAN - Cell planning attacks broken up in Amman"
    )
    found = {m.surface: (m.entity_id, m.type) for m in tagger.tag(text)}
    assert found["Security Media Cell"] == (None, "ORG"), found
    assert found["General Directorate for Survivors' Affairs"] == (None, "ORG"), found
    assert found["General Service Unit"] == (None, "ORG"), found
    # A heading's place in capitals before a dash and a sentence is a place, not a name with it.
    assert found["JORDAN"] == ("jordan", "LOC"), found


def test_an_organisation_does_not_join_a_longer_one_that_only_scatters_its_words(tagger: Tagger) -> None:
    mentions = tagger.tag_documents(
        [
            ("a", "Fighting spread near areas held by the Sudan People's Liberation Movement-North last week."),
            ("b", "Tawila is held by the Sudan Liberation Movement, which stayed out of the fighting."),
        ]
    )
    found = {m.surface: m.cluster_id for m in mentions if m.surface.startswith("Sudan")}
    assert found["Sudan Liberation Movement"] != found["Sudan People's Liberation Movement-North"], found
    # A name whose words stand together in the longer one still joins it.
    mentions = tagger.tag_documents(
        [("a", "The Justice and Equality Movement fought."), ("b", "The Justice and Equality said nothing.")]
    )
    assert len({m.cluster_id for m in mentions}) == 1, mentions


def test_capitalised_common_words_are_not_names(tagger: Tagger) -> None:
    text = "Officials said the Alliance would meet. Western and Sunni leaders agreed. Now it is done."
    assert spans(tagger, text) == []
    # Less frequent words too, when one opens a sentence; not a name that does.
    text = "Gunmen fired on the convoy. Lawmakers objected. Insurers raised prices. Dakroub denied it."
    assert [s for s, _, _ in spans(tagger, text)] == ["Dakroub"]
    assert spans(tagger, "The raid began at 02:00 GMT on 03 Jul 2024.") == []
    assert spans(tagger, "Caption\nL-R: the two envoys.") == []
    assert spans(tagger, "[10] Ibid.; the list is set out in the Annex.") == []
    assert spans(tagger, "Riyadh, Jumada Al-Awwal 09, 1446: a 12-page PDF on the Qur'anic march, on most Thursdays.")[1:] == []
    found = named(tagger, "Renew your bay'ah to Amir al-Mu'minin Abu Hafs al-Hashimi al-Qurashi.")
    assert list(found) == ["Abu Hafs al-Hashimi al-Qurashi"], found  # the title is no mention of Mullah Omar


def test_ordinary_words_before_a_building_make_a_name(tagger: Tagger) -> None:
    text = "He spoke at the Palace Hotel and was taken to the Combined Military Hospital."
    found = {m.surface: m.type for m in tagger.tag(text)}
    assert found == {"Palace Hotel": "LOC", "Combined Military Hospital": "ORG"}


def test_urdu_connectors_join_a_name_and_a_place_noun_types_it(tagger: Tagger) -> None:
    text = "Police in Kulgam district said Jamaat-ud-Dawah and Ahl-us-Sunnah were banned."
    found = {m.surface: (m.type, m.entity_id) for m in tagger.tag(text)}
    assert found["Jamaat-ud-Dawah"] == ("ORG", "lashkar-e-taiba")
    assert found["Kulgam"][0] == "LOC"
    assert "Ahl-us-Sunnah" in found


def test_un_list_references_are_not_names(tagger: Tagger) -> None:
    text = "Sirajuddin Jallaloudine Haqqani (TAi.144) hosts them; Iyad Ag Ghali (QDi.316) too."
    assert [m.entity_id for m in tagger.tag(text)] == ["sirajuddin-haqqani", "iyad-ag-ghaly"]


def test_sanctions_entry_labels_stay_out_of_names(tagger: Tagger) -> None:
    text = "MUTHANA, Hoda; DOB 28 Oct 1994; POB Hackensack, New Jersey (individual)."
    found = {m.surface: m.type for m in tagger.tag(text)}
    assert found == {"MUTHANA, Hoda": "PER", "Hackensack": "LOC", "New Jersey": "LOC"}


def test_treaties_and_resolutions_are_resolved_but_not_tagged(tagger: Tagger) -> None:
    text = "Iran left the Joint Comprehensive Plan of Action, citing Resolution 2231."
    assert spans(tagger, text) == [("Iran", "iran", "exact")]
    assert tagger.resolver.resolve("JCPOA").entity_id == "jcpoa"  # type: ignore[union-attr]


def test_tag_frame_returns_the_mention_table(tagger: Tagger) -> None:
    df = pl.DataFrame({"id": ["x", "y"], "text": ["Hezbollah fired at Israel.", "Nothing here."]})
    table = tagger.tag_frame(df, text="text", id="id")
    assert dict(table.schema) == MENTION_SCHEMA
    assert table.get_column("doc_id").to_list() == ["x", "x"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Al Qaeda", "al-Qa’ida", "U.S.", "Sayf al-Adl", "سيف العدل", "Iran’s", "Mike Pompeo", "ISIS", "Hudaydah"]),
            st.text(min_size=0, max_size=12),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_offsets_are_sacred(tagger: Tagger, text: str) -> None:
    for mention in tagger.tag(text, "d"):
        assert text[mention.start : mention.end] == mention.surface
        assert 0 <= mention.score <= 1


def test_demonyms_are_not_mentions_unless_a_person_bears_them(tagger: Tagger) -> None:
    assert spans(tagger, "An Iraqi official and a Somali elder met in Mogadishu.") == [("Mogadishu", "mogadishu", "exact")]
    found = spans(tagger, "Prime Minister Mohammed Shia al-Sudani spoke. Sudani later left.")
    assert ("Sudani", "mohammed-shia-al-sudani", "coref") in found


def test_peoples_and_demonyms_of_a_place_ending_in_o_are_not_mentions(tagger: Tagger) -> None:
    text = (
        "Young Kanuri and Shuwa Arab men, Zaghawa and Masalit civilians and Hawiye elders fled. A "
        "Moroccan-born commander led Congolese and Togolese recruits. The Oromo Liberation Front met in Maiduguri."
    )
    assert spans(tagger, text) == [
        ("Oromo Liberation Front", "oromo-liberation-front", "exact"),
        ("Maiduguri", "maiduguri", "exact"),
    ]


def test_common_nouns_in_capitals_are_no_names_nor_parts_of_one(tagger: Tagger) -> None:
    text = "According to the NGO Acled, an IED hit IDPs near a UAV base. The NGO Forum said so."
    assert spans(tagger, text) == [("Acled", "acled", "alias"), ("NGO Forum", None, "nil")]


def test_kashmir_groups_and_police_ranks(tagger: Tagger) -> None:
    text = "DGP Dilbag Singh said Hizbul Mujahideen and JeM, whose deputy Abdul Rauf Asghar was named, were behind it."
    assert spans(tagger, text) == [
        ("Dilbag Singh", None, "nil"),
        ("Hizbul Mujahideen", "hizbul-mujahideen", "exact"),
        ("JeM", "jaish-e-mohammed", "exact"),
        ("Abdul Rauf Asghar", "abdul-rauf-azhar", "exact"),
    ]


def test_accented_spellings_of_common_word_places_are_found(tagger: Tagger) -> None:
    found = spans(tagger, "Fighters crossed from Afghānistān into Pākistān.")
    assert [(s, e) for s, e, _ in found] == [("Afghānistān", "afghanistan"), ("Pākistān", "pakistan")]


def test_contractions_and_sentence_adverbs_stay_out(tagger: Tagger) -> None:
    found = spans(tagger, "They're in Tyre. Hamza bin Laden was named. Later Hamza spoke.")
    assert found == [
        ("Tyre", "tyre", "exact"),
        ("Hamza bin Laden", "hamza-bin-laden", "exact"),
        ("Hamza", "hamza-bin-laden", "coref"),
    ]


def test_a_leader_named_before_his_administration_is_the_mention(tagger: Tagger) -> None:
    found = spans(tagger, "The Obama Administration disagreed. The Netanyahu Government fell. The Transitional Federal Government met.")
    assert ("Obama", "barack-obama", "exact") in found
    assert ("Netanyahu", "benjamin-netanyahu", "exact") in found
    assert any(s == "Transitional Federal Government" for s, _, _ in found)  # no leader in it


def test_a_run_of_arabic_script_is_one_name(tagger: Tagger) -> None:
    # "عبد الرحمن" alone is a person the gazetteer knows; the run is another's full name.
    found = spans(tagger, "Name (original script): عبد الرحمن محمود الشرابي. Later عبد الرحمن spoke.")
    assert ("عبد الرحمن محمود الشرابي", None, "nil") in found
    assert ("عبد الرحمن", "abdur-rehman", "exact") in found
    # A known person's name after "bin" is the father's in a longer name: Osama bin Laden's son.
    found = spans(tagger, "Hamza bin Laden (Arabic: حمزة بن أسامة بن لادن) is a son.")
    assert [(s, e) for s, e, _ in found] == [("Hamza bin Laden", "hamza-bin-laden"), ("حمزة بن أسامة بن لادن", "hamza-bin-laden")]


def test_a_place_after_a_landform_word_is_written_alone_too(tagger: Tagger) -> None:
    found = clusters(
        tagger,
        "Mines were laid on Jebel Chaambi and Jebel Mghila. Troops swept Chaambi, then the Mghila mountains.",
    )
    assert found["Chaambi"] == found["Jebel Chaambi"] == "mount-chaambi", found
    assert found["Mghila"] == found["Jebel Mghila"], found
    assert found["Mghila"].startswith("NIL:"), found


def test_a_common_word_that_only_shares_a_key_with_a_name_is_none(tagger: Tagger) -> None:
    # "Days" has the key of the Turkish "DEAŞ"; an English word is no spelling of it, even
    # where the document names the Islamic State.
    found = spans(tagger, "The Islamic State claimed it.\n\nDays after the strike, Daesh fighters seized the town.")
    assert not any(s == "Days" for s, _, _ in found), found
    assert ("Brotherhood", "muslim-brotherhood", "coref") in spans(
        tagger, "The Muslim Brotherhood denied it. The Brotherhood said so."
    )


def test_a_common_word_opening_a_sentence_is_no_part_of_the_known_name_after_it(tagger: Tagger) -> None:
    found = spans(tagger, "He had left al-Qaeda in 2015. Senior AQ members met in Iran.")
    # "AQ" is linked as written, or through the document's "al-Qaeda" (coref): either way whole.
    assert ("AQ", "al-qaeda") in [(s, e) for s, e, _ in found]
    assert not any(s.startswith("Senior") for s, _, _ in found)
    # An inflected word, a word of the field's descriptions, a compound of common words.
    text = "Landlocked Mali imports fuel. Impoverished Niger waits. War-torn Sudan suffers. Fifty-nine died. Pro-IS channels said so."
    found = spans(tagger, text)
    assert [(s, e) for s, e, _ in found] == [("Mali", "mali"), ("Niger", "niger"), ("Sudan", "sudan"), ("IS", "islamic-state")], found


def test_an_unknown_spelling_before_a_known_acronym_of_its_initials_is_that_entity(tagger: Tagger) -> None:
    # A spelling the resolver cannot place alone ("Jama'a Nusrat ..." it now meets by fuzzy).
    found = spans(tagger, "He was a member of Jamaa Nusrah al-Islam wal-Muslimeen (JNIM) in Mali.")
    assert ("Jamaa Nusrah al-Islam wal-Muslimeen", "jamaat-nusrat-al-islam-wal-muslimin", "coref") in found


def test_two_common_words_are_no_fuzzy_spelling_of_a_longer_name(tagger: Tagger) -> None:
    found = spans(tagger, "Islamic Emirate Rejects UNAMA Report on Human Rights\n\nKabul - The report was rejected.")
    assert not any(s == "Human Rights" for s, _, _ in found)


def test_parts_of_a_legal_text_and_roles_opening_an_entry_are_no_names(tagger: Tagger) -> None:
    text = "The persons are set out in Annex I. They are listed in Annex II under Article 2.\nFinancier of AQAP. Facilitator for ISIL."
    surfaces = [s for s, _, _ in spans(tagger, text)]
    assert surfaces == ["AQAP", "ISIL"]


def test_a_dateline_dash_parts_the_place_from_the_story(tagger: Tagger) -> None:
    found = spans(tagger, "WASHINGTON - A Dearborn man was arrested. ISLAMIC STATE OF IRAQ AND THE LEVANT - SAHEL PROVINCE was listed.")
    assert ("WASHINGTON", "washington-dc", "alias") in found
    assert ("ISLAMIC STATE OF IRAQ AND THE LEVANT - SAHEL PROVINCE", "islamic-state-sahel-province", "alias") in found


def test_treasury_and_uk_list_forms(tagger: Tagger) -> None:
    text = (
        "1. QASIR, Muhammad Ja'far\na.k.a: (1) QASIR, Mohammed (2) QASSER, Mohamad Jaafar (3) Fadi\nDOB: 05/08/1967.\n"
        "Deputy Secretary of the Treasury Wally Adeyemo named Hong Kong-based Sea Lord Shipping Ltd. "
        "Qasir, who is also known as \"Fadi,\" worked with Hizballah."
    )
    found = named(tagger, text)
    # The numbered a.k.a. list and "who is also known as": one person; "Fadi" is no demonym of Fada.
    assert found["Fadi"][0] == found["QASIR, Muhammad Ja'far"][0] == found["QASSER, Mohamad Jaafar"][0]
    assert "Wally Adeyemo" in found  # "Secretary of the Treasury" is all title
    assert found["Sea Lord Shipping Ltd."][1] == "ORG"  # ordinary words and a company's legal form, stop and all


def test_an_ayn_written_as_an_apostrophe_opens_a_word_of_the_name(tagger: Tagger) -> None:
    found = spans(tagger, "Ibrahim ‘Awwad Ibrahim ‘Ali al-Badri led it. The Hezbollah ‘Radwan’ unit fought.")
    assert ("Ibrahim ‘Awwad Ibrahim ‘Ali al-Badri", "abu-bakr-al-baghdadi", "fuzzy") in found
    assert ("Hezbollah", "hezbollah", "exact") in found  # a closing quotation mark: a quoted word


def test_a_given_name_and_a_common_word_are_a_person(tagger: Tagger) -> None:
    found = spans(tagger, "By Amira Jadoon and Andrew Mines. The Special Envoy spoke.")
    assert ("Andrew Mines", None, "nil") in found
    assert not any(s == "Special Envoy" for s, _, _ in found)


def test_a_libyan_wire_story(tagger: Tagger) -> None:
    text = (
        "TRIPOLI, May 13 (Reuters) - The head of the Stability Support Apparatus, Abdelghani al-Kikli, "
        "better known as \"Gheniwa,\" was killed. The army took the Abu Salim district, Gheniwa's stronghold."
    )
    found = named(tagger, text)
    assert found["TRIPOLI"][1] == "LOC"  # a dateline's place and month: no "May Tripoli"
    assert found["Gheniwa"][0] == found["Abdelghani al-Kikli"][0]  # the alias alone, later on
    assert found["Abu Salim"][1] == "LOC"  # a kunya's words before "district"
    typed = {m.surface: m.type for m in tagger.tag("Gunmen hit a checkpoint near the village of al-Mutassim, north of Baqubah.", "d")}
    assert typed["al-Mutassim"] == "LOC"  # and after "the village of"


def test_an_indonesian_report_and_a_quoted_kunya(tagger: Tagger) -> None:
    text = (
        "Police spokesman Comr. Gen. Sandi Nugroho said programmes would continue in Solo and Poso. "
        "He was in contact with a recruiter known as \"Abu Uthman al-Faransi,\" investigators said."
    )
    found = named(tagger, text)
    assert "Sandi Nugroho" in found and not any(s.startswith("Comr") for s in found)
    assert found["Poso"][1] == "LOC"  # after "in Solo and"
    assert "Abu Uthman al-Faransi" in found  # a quotation mark opens no sentence for "Abu"


def test_a_state_body_written_as_another_places_is_not_the_known_one(tagger: Tagger) -> None:
    found = spans(tagger, "Lebanon's Health Ministry said five were killed. Gaza's Health Ministry said 30 died.")
    ministries = [(s, e) for s, e, _ in found if s == "Health Ministry"]
    assert ministries == [("Health Ministry", None), ("Health Ministry", "gaza-health-ministry")]


def test_a_word_of_the_field_that_is_a_persons_alias_follows_that_person(tagger: Tagger) -> None:
    text = "Spokesman Zabihullah Mujahid told TOLOnews. Mujahid said the threat had faded. Peacekeepers withdrew."
    found = spans(tagger, text)
    assert ("Mujahid", "zabihullah-mujahid", "coref") in found
    assert not any(s == "Peacekeepers" for s, _, _ in found)
    assert not any(s == "Mujahid" for s, _, _ in spans(tagger, "The Mujahid fought on. Sunni and Shia clerics met."))


def test_a_body_named_again_without_its_country_is_the_body_named_before(tagger: Tagger) -> None:
    text = (
        "The Russian Defence Ministry said drones were downed. The Defence Ministry added that two fell. "
        "The Yemeni Armed Forces claimed the strike; the Armed Forces spokesman read it out."
    )
    found = {m.surface: m.cluster_id for m in tagger.tag(text, "d")}
    assert found["Defence Ministry"] == found["Russian Defence Ministry"] == "russian-ministry-of-defence", found
    assert found["Armed Forces"] == found["Yemeni Armed Forces"], found
    # Only a body named before: "Security Forces" here is no anchor for the later name.
    found = {m.surface: m.cluster_id for m in tagger.tag("Security Forces fired. Later the Iraqi Security Forces moved.", "d")}
    assert found["Security Forces"] != found["Iraqi Security Forces"], found


def test_an_unknown_name_sharing_only_common_words_redefines_a_known_acronym(tagger: Tagger) -> None:
    text = "The Rwanda Security Forces (RSF) took Mocimboa. The RSF said so."
    found = [(m.surface, m.entity_id, m.cluster_id) for m in tagger.tag(text, "d")]
    ours = {cluster for surface, _, cluster in found if surface in ("Rwanda Security Forces", "RSF")}
    assert len(ours) == 1 and next(iter(ours)).startswith("NIL:"), found


def test_probe_twelve_and_fifteen_forms_of_one_name(tagger: Tagger) -> None:
    def clusters(text: str) -> dict[str, str]:
        return {m.surface: m.cluster_id for m in tagger.tag(text, "d")}

    # A place inside a body's name ending in Units or Presidency is part of it.
    found = clusters("Fighters of the Sinjar Resistance Units (YBS) held it. The Kurdistan Region Presidency spoke.")
    assert found["Sinjar Resistance Units"] == found["YBS"] and "Sinjar" not in found, found
    assert "Kurdistan Region Presidency" in found, found
    # An alias given in another language, and one after a defendant's age.
    found = clusters("The Giants Brigades, known in Arabic as Al Amaliqa, advanced.")
    assert found["Al Amaliqa"] == found["Giants Brigades"], found
    found = clusters("Salim Mwinyi Bakari, 29, alias Abu Khalid, denied the charges.")
    assert found["Abu Khalid"] == found["Salim Mwinyi Bakari"], found
    # An unknown word that a place noun names is a place.
    assert [(m.surface, m.type) for m in tagger.tag("Farmers in the sub-district of Amedi wait.", "d")] == [("Amedi", "LOC")]
    # A word that opens a known place of the document, not a fuzzy look-alike (Bunia).
    assert clusters("They hide in the Boni Forest. In the Boni enclave cash is scarce.")["Boni"] == "boni-forest"
    # An acronym that keeps the small words of its name in lowercase.
    found = clusters("The Ministry of Interior (MoI) has not commented.")
    assert found["MoI"] == found["Ministry of Interior"], found
    # A mission "in" a country is one name, its body written by initials.
    assert clusters("It was replaced by the AU Transition Mission in Somalia (ATMIS).")["AU Transition Mission in Somalia"] == "atmis"


def test_a_police_rank_and_a_road_between_two_places(tagger: Tagger) -> None:
    found = [(m.surface, m.type) for m in tagger.tag("DPO Marwat said IEDs were planted on the Mokowe-Kiunga road.", "d")]
    assert found == [("Marwat", "PER"), ("Mokowe", "LOC"), ("Kiunga", "LOC")], found
    # A district's administrator or police chief between its name and his: two names.
    text = "Kurram Deputy Commissioner Nadeem Akhtar Orakzai and Bannu Police Chief Ziaullah Khan spoke."
    found = [(m.surface, m.type) for m in tagger.tag(text, "d")]
    assert found == [("Kurram", "LOC"), ("Nadeem Akhtar Orakzai", "PER"), ("Bannu", "LOC"), ("Ziaullah Khan", "PER")], found


def test_somali_titles_units_named_after_places_and_a_dateline_dash(tagger: Tagger) -> None:
    text = (
        "Intelligence sources briefed reporters.\n"
        "GAROWE, Puntland - Puntland Defence Forces on Sunday overran caves held by ISIS.\n"
        "Gaashaanle Sare Cabdiraxmaan Cali Warsame and Nabadoon Yusuf Omar Gacal spoke to the "
        "Gaza Division and the Imam Hossein Division."
    )
    found = [(m.surface, m.type) for m in tagger.tag(text, "d")]
    assert found == [
        ("GAROWE", "LOC"),
        ("Puntland", "LOC"),  # the dateline's region, then the story's first name
        ("Puntland Defence Forces", "ORG"),
        ("ISIS", "ORG"),
        ("Cabdiraxmaan Cali Warsame", "PER"),  # a Somali rank and a clan title are no part of a name
        ("Yusuf Omar Gacal", "PER"),
        ("Gaza Division", "ORG"),  # a unit named after a place is no place
        ("Imam Hossein Division", "ORG"),
    ], found


def test_the_uk_lists_numbered_name_is_one_person_with_its_aliases(tagger: Tagger) -> None:
    text = (
        "1. Name 6: AL-MUTAWAKKIL 1: FADL 2: HUSSEIN 3: ABDULLAH 4: n/a 5: n/a.\n"
        "Title: n/a. DOB: --/--/1979. POB: Sa'dah, Yemen. a.k.a: (1) ABU HASHEM (2) AL-MUTAWAKEL, Fadhl Husayn. "
        "Other Information: Fadl Hussein Abdullah AL-MUTAWAKKIL is a procurement agent."
    )
    people = [(m.surface, m.cluster_id) for m in tagger.tag(text, "d") if m.type == "PER"]
    assert [surface for surface, _ in people] == [
        "AL-MUTAWAKKIL 1: FADL 2: HUSSEIN 3: ABDULLAH", "ABU HASHEM", "AL-MUTAWAKEL, Fadhl Husayn", "Fadl Hussein Abdullah AL-MUTAWAKKIL"
    ], people
    assert len({cluster for _, cluster in people}) == 1 and people[0][1] == "NIL:fadl-hussein-abdullah-al-mutawakkil", people


def test_an_islamic_state_branch_by_any_of_its_acronyms(tagger: Tagger) -> None:
    found = {m.surface: m.entity_id for m in tagger.tag("A commander of ISIL-Sahel and of IS-Khorasan.", "d")}
    assert found == {"ISIL-Sahel": "islamic-state-sahel-province", "IS-Khorasan": "islamic-state-khorasan-province"}, found


def test_a_family_name_that_is_also_a_place_ends_a_persons_name(tagger: Tagger) -> None:
    found = [(m.surface, m.type) for m in tagger.tag("Rewards for the arrest of Abdirahman Hassan Farah, a senior leader.", "d")]
    assert found == [("Abdirahman Hassan Farah", "PER")], found
    # A place first is a list of places, not a person.
    assert ("Farah", "LOC") in [(m.surface, m.type) for m in tagger.tag("Fighters moved to Kabul, Herat and Farah.", "d")]


def test_a_translation_in_parentheses_is_another_name_of_an_unknown_group(tagger: Tagger) -> None:
    text = "Ashab al-Kahf (Companions of the Cave) claimed it. Saraya al-Dam al-Zaki (Pure Blood Companies) is new."
    found = {m.surface: m.cluster_id for m in tagger.tag(text, "d")}
    assert found["Companions of the Cave"] == found["Ashab al-Kahf"], found
    assert found["Pure Blood Companies"] == found["Saraya al-Dam al-Zaki"], found
    # Not a known name's words in parentheses, nor a member's constituency.
    found = {m.surface: m.cluster_id for m in tagger.tag("Reuters (Special Report) said. Dan Jarvis (Barnsley Central) asked.", "d")}
    assert "Special Report" not in found and found["Barnsley Central"] != found["Dan Jarvis"], found


def test_iranian_and_russian_media_forms_of_names(tagger: Tagger) -> None:
    text = (
        "Guards killed two members of Jaish al-Zolm near Kalkan-e Sofla and Kalkan-e Olya. "
        "The Hezb-e Demokrat denied it. Martyr Zahedi was buried in Isfahan. "
        "In Moscow, the IGIL cell was broken up; Kyrgyz security services and Uygur militants were named. "
        "Saida Abakarova, a lawyer, spoke."
    )
    found = named(tagger, text)
    # The Persian ezafe joins one name: a village, a party.
    assert found["Kalkan-e Sofla"][1] == found["Kalkan-e Olya"][1] == "LOC", found
    assert found["Hezb-e Demokrat"][1] == "ORG", found
    # "Martyr" is a title, as state media write it.
    assert found["Zahedi"][0] == "mohammad-reza-zahedi", found
    assert found["Jaish al-Zolm"][0] == "jaish-al-adl" and found["IGIL"][0] == "islamic-state", found
    # Demonyms of Central Asia are no names.
    assert not {"Kyrgyz", "Uygur"} & set(found), found
    # A given name that is also a place's, then a surname only surnames end so.
    assert found["Saida Abakarova"][1] == "PER", found


def test_names_around_an_assimilated_article_an_outlet_and_a_language(tagger: Tagger) -> None:
    found = named(tagger, "Khurras ad-Din fighters left. The Libya Observer reported it. He spoke in Russian and Tajik.")
    # A known word after "ad-" inside a run is the run's ("Din" alone met Ed Daein by key).
    assert found["Khurras ad-Din"][0] == "hurras-al-din", found
    # A place and an outlet's noun: the outlet.
    assert found["Libya Observer"][1] == "ORG", found
    # "in Russian": the tongue, not a place shaped like an adjective ("in Tongi").
    assert "Russian" not in found, found


def test_a_kunya_in_parentheses_after_a_persons_name_is_that_person(tagger: Tagger) -> None:
    text = (
        'The last "emir" of the IK, Magomed Suleimanov (Abu Usman Gimrinsky), was killed. '
        "Rustam Asildarov (Abu Mukhammad Kadarsky) pledged allegiance."
    )
    found = named(tagger, text)
    # "the IK," is a body's acronym, no surname of an inverted name.
    assert found["Magomed Suleimanov"] == found["Abu Usman Gimrinsky"], found
    assert found["Magomed Suleimanov"][0].startswith("NIL:"), found
    assert found["Abu Mukhammad Kadarsky"] == found["Rustam Asildarov"] == ("rustam-magomedovich-aselderov", "PER"), found


def test_a_kunya_is_no_alias_of_the_group_named_before_it(tagger: Tagger) -> None:
    text = 'He wrote to a Moroccan in the "Islamic State in the Greater Sahara," known by the kunya Abu Dujana al-Maghribi.'
    found = named(tagger, text)
    assert found["Abu Dujana al-Maghribi"][1] == "PER", found
    assert found["Abu Dujana al-Maghribi"][0] != found["Islamic State in the Greater Sahara"][0], found


def test_two_runs_either_side_of_and_that_spell_one_known_name_are_one(tagger: Tagger) -> None:
    # "Balouchestan" alone meets Pakistan's Balochistan by key; with Sistan it is Iran's province.
    found = named(tagger, "Attacks in Sistan and Balouchestan rose. Iran and Iraq met.")
    assert found["Sistan and Balouchestan"] == ("sistan-and-baluchestan-province", "LOC"), found
    assert found["Iran"][0] == "iran" and found["Iraq"][0] == "iraq", found


def test_a_one_word_compound_with_allah_is_a_partial_name(tagger: Tagger) -> None:
    # "Nasrallah" is one written word (Nasr Allah): a surname that the document's own Rami
    # Nasrallah bears, not Hassan Nasrallah, whom the document does not name.
    assert parse_name("Nasrallah").is_partial and not parse_name("Hassan Nasrallah").is_partial
    found = named(tagger, 'The volunteer, Rami Nasrallah, said so. "We deliver to everyone," Nasrallah said.')
    assert found["Nasrallah"] == found["Rami Nasrallah"] and found["Nasrallah"][0].startswith("NIL:"), found
    assert named(tagger, "Nasrallah said Hezbollah would respond.")["Nasrallah"][0] == "hassan-nasrallah"


def test_an_epithet_the_gazetteer_gives_as_a_strong_alias_is_a_name(tagger: Tagger) -> None:
    # "Zionist regime" is Israel as Iranian media write it, "Saudi-led coalition" the
    # coalition in Yemen; "Iranian-backed militias" is an adjective and a description.
    text = "The Zionist regime struck. The Zionist entity denied it. The Saudi-led coalition struck Iranian-backed militias."
    found = named(tagger, text)
    assert found["Zionist regime"] == found["Zionist entity"] == ("israel", "LOC"), found
    assert found["Saudi-led coalition"] == ("saudi-led-coalition", "ORG"), found
    assert set(found) == {"Zionist regime", "Zionist entity", "Saudi-led coalition"}, found


def test_ranks_and_honorifics_of_south_asian_iranian_and_kurdish_reporting(tagger: Tagger) -> None:
    text = (
        "Havildar Muhammad Rafiq Turi and Naik Sher Zaman Khattak were killed. "
        "Head Constable Mohd Yusuf Dar was hurt. Haj Mohammad-Reza Zahedi was honoured. "
        "The call of Leader Abdullah Öcalan was read. Protesters called on PM Abdul Hamid Dbeibah to go. "
        "Present: Representatives Brandvold, Vanterpool and Lindqvist."
    )
    found = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert found == [
        ("Muhammad Rafiq Turi", None),
        ("Sher Zaman Khattak", None),
        ("Mohd Yusuf Dar", None),
        ("Mohammad-Reza Zahedi", "mohammad-reza-zahedi"),
        ("Abdullah Öcalan", "abdullah-ocalan"),
        ("Abdul Hamid Dbeibah", "abdul-hamid-dbeibah"),
        ("Brandvold", None),
        ("Vanterpool", None),
        ("Lindqvist", None),
    ], found


def test_a_valley_or_mountain_named_after_a_known_place_is_a_place_of_its_own(tagger: Tagger) -> None:
    text = "Floods swept down Wadi Derna into Derna. Raids hit Wadi Hadramawt. Yazidis fled up Mount Sinjar."
    found = [(m.surface, m.type, m.entity_id) for m in tagger.tag(text, "d")]
    assert found == [
        ("Wadi Derna", "LOC", None),  # not the town of Derna
        ("Derna", "LOC", "derna"),
        ("Wadi Hadramawt", "LOC", None),
        ("Mount Sinjar", "LOC", "mount-sinjar"),  # the gazetteer's own
    ], found


def test_a_feature_of_the_land_written_in_lowercase_after_its_name(tagger: Tagger) -> None:
    text = "IS cells operate in the Syrian desert. Militias hold the Nineveh plains. Jets struck the Qandil mountains."
    found = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert found == [
        ("IS", "islamic-state"),
        ("Syrian desert", "syrian-desert"),  # not a description: the place, whose adjective alone is none
        ("Nineveh plains", "nineveh-plains"),  # not the governorate
        ("Qandil", "qandil-mountains"),  # the name proper (SPEC)
    ], found


def test_an_outlet_named_by_ordinary_words_and_press_or_news(tagger: Tagger) -> None:
    text = "QAMISHLI, Syria (Kurdistan Press) - Local sources told Kurdistan Press that raids went on, Valley News said."
    found = [(m.surface, m.type, m.cluster_id) for m in tagger.tag(text, "d")]
    assert found == [
        ("QAMISHLI", "LOC", "qamishli"),
        ("Syria", "LOC", "syria"),
        ("Kurdistan Press", "ORG", "NIL:kurdistan-press"),
        ("Kurdistan Press", "ORG", "NIL:kurdistan-press"),
        ("Valley News", "ORG", "NIL:valley-news"),
    ], found


def test_a_common_word_that_several_names_meet_by_key_alone_is_none_of_them(tagger: Tagger) -> None:
    text = "JeM, founded by Masood Azhar, grew. Once the Valley became difficult for them, Azhar moved south."
    found = [(m.surface, m.entity_id) for m in tagger.tag(text, "d")]
    assert found == [("JeM", "jaish-e-mohammed"), ("Masood Azhar", "masood-azhar"), ("Azhar", "masood-azhar")], found


def test_an_indian_charge_sheet_gives_aliases_after_an_at_sign(tagger: Tagger) -> None:
    text = "A-5: Rizwan Bhatti @ Abu Talha @ Bhai Jaan, R/o Kotli (absconding)\nContact @NIA_India for details."
    found = {m.surface: m.cluster_id for m in tagger.tag(text, "d")}
    assert found["Rizwan Bhatti"] == found["Abu Talha"] == found["Bhai Jaan"], found
    assert found["Kotli"] == "kotli", found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Government notices: quoted aliases joined by "and", or after semicolons.
        ('TARIQ MAHMOUD HAMDAN, also known as "Abu Maryam al-Amriki" and "T. Hamdan," 34, was charged.', ["TARIQ MAHMOUD HAMDAN", "Abu Maryam al-Amriki", "T. Hamdan"]),
        # One name part the gazetteer knows of another man is many men's: here his alias.
        ('According to the indictment, REZA KARIMIAN TABRIZI, a/k/a "Reza Tabrizi," a/k/a "Karim," 52, of Tehran, was charged.', ["REZA KARIMIAN TABRIZI", "Reza Tabrizi", "Karim"]),
        ('Also known as: Cabdikariim Nuur Dhoobe; Abdulkarim Nur Dobe; "Kariim Gaadiid"\n', ["Cabdikariim Nuur Dhoobe", "Abdulkarim Nur Dobe", "Kariim Gaadiid"]),
        # A kunya after "alias" makes a person of a name that a place bears too.
        ("The arrestees are Ibrahim Khalil alias Abu Talha, 27, and two others.", ["Ibrahim Khalil", "Abu Talha"]),
        # The UN's reference after the name, and a second alias after "and".
        ("A Member State identified Shamsiddin Rahmonov (QDi.475), also known as Abu Muslim al-Tajiki and Shams Kulobi, as the facilitator.",
         ["Shamsiddin Rahmonov", "Abu Muslim al-Tajiki", "Shams Kulobi"]),
        # An apposition before "known as"; a name recorded otherwise; a company's trading name.
        ("It was run by Abd al-Rahman Mubarak al-Dawsari, a Saudi national also known as Abu Usayd al-Jazrawi.", ["Abd al-Rahman Mubarak al-Dawsari", "Abu Usayd al-Jazrawi"]),
        ("Hakim Rosli, whose name is also recorded as Abu Umar al-Malizi, helped recruits.", ["Hakim Rosli", "Abu Umar al-Malizi"]),
        ("Noor Coast, which also trades as Sahil al-Nur Petroleum Trading, hid the cargoes.", ["Noor Coast", "Sahil al-Nur Petroleum Trading"]),
    ],
)
def test_aliases_given_in_the_forms_of_sanctions_notices_and_court_papers(tagger: Tagger, text: str, names: list[str]) -> None:
    assert_one_cluster(clusters(tagger, text), names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The words that give a real name, with who gave it; an apposition before them.
        ("Heval Rubar, whose real name was identified as Ciwan Dogan, ran the cell.", ["Heval Rubar", "Ciwan Dogan"]),
        ("They sent Abu Sami al-Tikriti, a veteran of the group whose real name was given by the Pentagon as Nadhim Jasim Hamad.",
         ["Abu Sami al-Tikriti", "Nadhim Jasim Hamad"]),
        ("Qatada, whose other aliases included Hisham bin Arifin, was arrested.", ["Qatada", "Hisham bin Arifin"]),
        ("He said Mr Kitheka, who police claim is also known as Abu Yasir, had called Somalia.", ["Kitheka", "Abu Yasir"]),
        ("Zainal, sometimes spelt Zainal Abidin, trained recruits.", ["Zainal", "Zainal Abidin"]),
        ("The planner was Daniel Kerr Hollis, born Dawud Karim Hassan to a Yemeni father.", ["Daniel Kerr Hollis", "Dawud Karim Hassan"]),
        # A body named in the words that give the alias stands between the two names.
        ("Makaraya – who appeared in ISIS videos under the name Abu Hafs al-Sulawesi – was killed.", ["Makaraya", "Abu Hafs al-Sulawesi"]),
        # A nickname in quotes after "or".
        ('Migrants named a broker known as Semere Tekle, or "Wedi Tekle", who took payments.', ["Semere Tekle", "Wedi Tekle"]),
    ],
)
def test_aliases_given_in_the_words_of_news_reports(tagger: Tagger, text: str, names: list[str]) -> None:
    assert_one_cluster(clusters(tagger, text), names)


def test_an_operation_under_a_name_is_no_alias_of_a_place(tagger: Tagger) -> None:
    found = clusters(tagger, "Militias launched an offensive to retake Derna under the name Karama al-Sharq.")
    assert found["Derna"] != found["Karama al-Sharq"], found


def test_an_apposition_with_of_before_known_as_names_no_alias(tagger: Tagger) -> None:
    # "the leader of the group known as X" gives the group's name, not the leader's alias.
    found = {m.surface: m.cluster_id for m in tagger.tag("Karim Sayegh, a commander of a group known as Liwa al-Ghadab, fled.", "d")}
    assert found["Karim Sayegh"] != found["Liwa al-Ghadab"], found


def test_an_acronym_that_keeps_small_letters_needs_no_definition(tagger: Tagger) -> None:
    # As a list of a group's names gives it, or a later paragraph: "HaD" is no word "had".
    text = "Also Known As:\nTanzim Hurras al-Din\nHaD\n\nHaD leaders followed al-Qaeda. The Counter-Terrorism (International Sanctions) Regulations apply."
    found = [(m.surface, m.cluster_id) for m in tagger.tag(text, "d")]
    assert found == [("Tanzim Hurras al-Din", "hurras-al-din"), ("HaD", "hurras-al-din"), ("HaD", "hurras-al-din"), ("al-Qaeda", "al-qaeda")], found


def test_an_acronym_that_is_also_a_word_is_taken_where_the_document_defines_it(tagger: Tagger) -> None:
    text = (
        "In 2018 some of them founded Tanzim Hurras al-Din (HaD). After HaD joined an operations room, "
        "Puntland Defence Forces (PDF) attacked. The PDF said it had held them."
    )
    found = [(m.surface, m.cluster_id) for m in tagger.tag(text, "d")]
    assert found == [
        ("Tanzim Hurras al-Din", "hurras-al-din"),
        ("HaD", "hurras-al-din"),  # its capitals spell the name but for "Tanzim", the Arabic word for a group
        ("HaD", "hurras-al-din"),
        ("Puntland Defence Forces", "NIL:puntland-defence-forces"),
        ("PDF", "NIL:puntland-defence-forces"),
        ("PDF", "NIL:puntland-defence-forces"),
    ], found
    # Undefined, the word is no name.
    assert [m.surface for m in tagger.tag("He had sent a PDF file to Baghdad.", "d")] == ["Baghdad"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A clause before the words that give a name: a convert's new name, a group's usage,
        # a nickname among friends.
        ('The court named Leonie F., a German convert who, investigators say, had taken the name "Umm Safiya."', ["Leonie F.", "Umm Safiya"]),
        ("Abdul Haq, who is listed under the name Memetiming Memeti and who is usually called Abdulhaq al-Turkistani, spoke.", ["Abdul Haq", "Abdulhaq al-Turkistani"]),
        ('Yassine Zerhouni, known to friends as "Momo," was the youngest.', ["Yassine Zerhouni", "Momo"]),
    ],
)
def test_aliases_given_after_a_clause(tagger: Tagger, text: str, names: list[str]) -> None:
    assert_one_cluster(clusters(tagger, text), names)


def test_a_name_in_a_heading_in_capitals_is_the_name_the_document_writes_elsewhere(tagger: Tagger) -> None:
    # Capitals mark every word of a hearing's heading; the witness named in the text is named there too.
    text = (
        "The subcommittee heard Helen Marchetti of the Institute for Frontier Studies.\n\n"
        "STATEMENT OF HELEN MARCHETTI, PH.D., SENIOR FELLOW, INSTITUTE FOR FRONTIER STUDIES\n\n"
        "Ms. MARCHETTI. Thank you."
    )
    found = [(m.surface, m.cluster_id) for m in tagger.tag(text, "d")]
    assert ("HELEN MARCHETTI", "NIL:helen-marchetti") in found, found
    assert ("INSTITUTE FOR FRONTIER STUDIES", "NIL:institute-for-frontier-studies") in found, found
    # A heading's words alone stay unnamed.
    assert all("STATEMENT" not in surface for surface, _ in found), found


def test_a_surname_that_only_respells_a_company_is_the_person_of_the_document(tagger: Tagger) -> None:
    # "Tallis" shares Thales's key; the witness bears it as written. A nisba does not:
    # "Huthi" after "Abdul-Malik al-Huthi" is still the movement.
    assert entities(tagger, "The witness Owen Tallis testified. Tallis said the cell was small.")["Tallis"] is None
    found = entities(tagger, "Abdul-Malik al-Huthi spoke. The Huthi leadership agreed.")
    assert found["Huthi"] == "houthis", found


def test_isi_is_the_agency_or_the_group_the_document_speaks_of(tagger: Tagger) -> None:
    assert entities(tagger, "In Lahore, officials blamed Pakistan's ISI for the attack. The ISI denied it.")["ISI"] == "inter-services-intelligence"
    found = spans(tagger, "The Islamic State of Iraq, or ISI, grew. ISI later became ISIS.")
    assert [entity for surface, entity, _ in found if surface == "ISI"] == ["islamic-state-of-iraq", "islamic-state-of-iraq"], found


def test_a_listed_name_of_given_names_and_a_surname_more_is_another_person(tagger: Tagger) -> None:
    # The UN lists "Mohamed Hassan" as an alias; a strike's "Mohamed Hassan Cabdulle" is someone else.
    found = spans(tagger, "The strike killed Mohamed Hassan Cabdulle near Jilib.")
    assert ("Mohamed Hassan Cabdulle", None, "nil") in found, found


def test_the_polices_alias_gives_one_suspect_one_alias(tagger: Tagger) -> None:
    found = clusters(tagger, "Police said the suspects, identified as Javed Baloch alias Shoaib and Rehmat Ali Kalmati, were arrested.")
    assert found["Shoaib"] == found["Javed Baloch"] != found["Rehmat Ali Kalmati"], found


def test_a_known_groups_name_after_a_word_for_group_is_the_documents_own_group(tagger: Tagger) -> None:
    # Tajikistan's Jamaat Ansarullah, also rendered from Tajik; its short name is not the Houthis'.
    text = "Jamaat Ansarullah – sometimes rendered Jamoat Ansorulloh from Tajik – was founded in 2010. Later Ansarullah members fled north."
    found = [(m.surface, m.cluster_id) for m in tagger.tag(text, "d")]
    assert {cluster for _, cluster in found} == {"jamaat-ansarullah"}, found
    # A document that names the Houthis otherwise means them.
    found = entities(tagger, "Jamaat Ansarullah is Tajik. In Yemen, the Houthis, or Ansarullah, fired missiles.")
    assert found["Ansarullah"] == "houthis", found


def test_a_suspect_named_by_given_name_and_initial_is_his_own_person(tagger: Tagger) -> None:
    # German and Dutch courts withhold surnames: no known Mohammed, no Tariq Saleh by a fuzzy score.
    text = (
        'One driver, 23-year-old Mohammed A., alias "Abu Hamza al-Almani," is under investigation. '
        'Tarik S. was charged. The court found that Soufiane El H., who called himself "Aboe Hafsa al-Hollandi" online, had scouted targets.'
    )
    found = {m.surface: (m.entity_id, m.cluster_id) for m in tagger.tag(text, "d")}
    assert found["Mohammed A."][0] is None and found["Tarik S."][0] is None, found
    assert found["Mohammed A."][1] == found["Abu Hamza al-Almani"][1], found
    assert found["Soufiane El H."][1] == found["Aboe Hafsa al-Hollandi"][1], found


def test_an_islamic_state_branch_written_with_in(tagger: Tagger) -> None:
    text = "A podcast guest said the Islamic State in Khorasan, like the Islamic State in Mozambique, recruits online."
    found = entities(tagger, text)
    assert found.get("Islamic State in Khorasan") == "islamic-state-khorasan-province", found
    assert found.get("Islamic State in Mozambique") == "islamic-state-mozambique-province", found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A nickname in quotes right after a person's name, and a kunya after an honorific.
        ('Among them were Sarhane Fakhet and Jamal Ahmidan, "El Chino," who died in Leganés.', ["Jamal Ahmidan", "El Chino"]),
        ("Investigators found that Ben Khelifa, known to the faithful as 'Sheikh Abu Ishaq', had praised ISIS.", ["Ben Khelifa", "Abu Ishaq"]),
    ],
)
def test_nicknames_in_quotes_and_after_an_honorific(tagger: Tagger, text: str, names: list[str]) -> None:
    assert_one_cluster(clusters(tagger, text), names)


def test_a_quote_after_a_name_or_a_titled_alias_after_a_place_gives_no_alias(tagger: Tagger) -> None:
    found = clusters(tagger, 'The minister, Ahmad Khalid, "Damascus is safe," he said.')
    assert found["Ahmad Khalid"] != found["Damascus"], found
    found = entities(tagger, 'He paid a Hizballah official in Beirut known as "Hajj Kamel."')
    assert found["Beirut"] == "beirut" and found.get("Kamel") != "beirut", found


def test_a_quoted_name_leaves_its_quotation_marks_out_and_uzbek_letters_in(tagger: Tagger) -> None:
    text = "The ‘Islamic State’ and the 'Islamic State' said so. Tohir Yo‘ldosh and G‘ulom Karimov met. Ibrahim ‘Awwad Ibrahim ‘Ali al-Badri."
    found = [m.surface for m in tagger.tag(text, "d")]
    assert found[:4] == ["Islamic State", "Islamic State", "Tohir Yo‘ldosh", "G‘ulom Karimov"], found
    assert "Ibrahim ‘Awwad Ibrahim ‘Ali al-Badri" in found, found


def test_a_groups_acronym_anchors_a_name_that_several_groups_bear(tagger: Tagger) -> None:
    # "Ansar al-Sharia" was AQAP's front in Yemen and the name of groups in Libya and Tunisia.
    found = entities(tagger, "AQAP took Zinjibar in 2011. Ansar al-Sharia fighters later withdrew.")
    assert found["Ansar al-Sharia"] == "al-qaeda-in-the-arabian-peninsula", found
    found = entities(tagger, "Ansar al-Sharia in Tunisia grew. Ansar al-Sharia fighters withdrew.")
    assert found["Ansar al-Sharia"] == "ansar-al-sharia-tunisia", found
    # The same word twice anchors neither: the cleric, not Israel's military intelligence.
    found = entities(tagger, "JAD grew under the jailed cleric Aman Abdurrahman. Aman was sentenced in 2018. Aman's followers fled.")
    assert found["Aman"] == "aman-abdurrahman", found


def test_a_forces_name_without_its_head_noun_is_that_force(tagger: Tagger) -> None:
    found = clusters(tagger, "The Security Belt Forces deployed in Aden. Later the Security Belt withdrew.")
    assert found["Security Belt"] == found["Security Belt Forces"], found


def test_an_ambiguous_name_is_the_whole_that_a_named_part_belongs_to(tagger: Tagger) -> None:
    # Saraya al-Quds is the Palestinian Islamic Jihad's armed wing, not Egyptian Islamic Jihad's.
    text = "Jamil Al-Amouri, a fighter from Saraya Al-Quds, the military wing of the Islamic Jihad movement, gathered men."
    assert entities(tagger, text)["Islamic Jihad"] == "palestinian-islamic-jihad"


def test_an_honorific_between_a_given_name_and_the_fathers_is_part_of_the_name(tagger: Tagger) -> None:
    text = (
        "Ansarul Islam was founded by Ibrahim Malam Dicko in 2016. Dicko died in 2017. "
        "Abdikarim Sheikh Muse met Mohamed Haji Abdinur. Emir Sheikh Tamim bin Hamad Al Thani hosted them."
    )
    found = entities(tagger, text)
    assert {"Ibrahim Malam Dicko", "Abdikarim Sheikh Muse", "Mohamed Haji Abdinur"} <= set(found), found
    assert found["Tamim bin Hamad Al Thani"] == "tamim-bin-hamad-al-thani", found
    assert clusters(tagger, text)["Dicko"] == "NIL:ibrahim-malam-dicko"


def test_a_groups_weak_name_after_a_group_noun_is_the_group(tagger: Tagger) -> None:
    found = entities(tagger, "The personnel were members of the Russian group Wagner. Les Forces armées maliennes (FAMa) replied.")
    assert found.get("Wagner") == "wagner-group", found
    assert found.get("Forces armées maliennes") == "malian-armed-forces", found


def test_a_detainee_files_alias_line_is_one_persons_names(tagger: Tagger) -> None:
    text = (
        "1. Personal Information:\n\n   JDIMS/NDRC Reference Name: Faris Abdallah Hadi al-Sharabi\n"
        "   Aliases and Current/True Name: FARIS ABDALLAH HADI AL-SHARABI, ABU HUDHAYFA AL-TAIZZI, FARIS AL-TAIZI, SHUKRI HADI MUQBIL\n"
        "   Place of Birth: Ta'izz, Yemen (YM)\n"
    )
    assert_one_cluster(clusters(tagger, text), ["FARIS ABDALLAH HADI AL-SHARABI", "ABU HUDHAYFA AL-TAIZZI", "FARIS AL-TAIZI", "SHUKRI HADI MUQBIL"])


def test_a_places_weak_name_is_the_person_who_bears_it_unless_a_place_preposition_says_place(tagger: Tagger) -> None:
    # "Zahran" is a weak alias of Dhahran; the preacher Zahran Hashim, written two ways, bears it.
    text = "NTJ leader Zahran Hashim preached there. Some wrote Zahran Hashmi. Zahran's people met. The recruiter brought fighters from Orakzai."
    found = entities(tagger, text)
    assert found["Zahran"] is None and clusters(tagger, text)["Zahran"] == clusters(tagger, text)["Zahran Hashim"], found
    found = entities(tagger, "Shafiqullah Khan Orakzai was listed. He recruited fighters from Orakzai and Kurram.")
    assert found["Orakzai"] == "orakzai-district", found


def test_general_opening_an_institutions_name_is_part_of_it(tagger: Tagger) -> None:
    found = [m.surface for m in tagger.tag("The General Directorate of Provinces (GDP) runs the network. General Mark Milley said so.", "d")]
    assert "General Directorate of Provinces" in found and "Mark Milley" in found, found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A company's former name, as notices and trade press give it.
        ("Nawras al-Khalij Marine Services FZE, was itself known until 2023 as Khalij Ocean Shipping FZE.", ["Nawras al-Khalij Marine Services FZE", "Khalij Ocean Shipping FZE"]),
        ("Qanater Shipping SAL, formerly named Qanater Marine Services SARL, was designated.", ["Qanater Shipping SAL", "Qanater Marine Services SARL"]),
        ("BAIT AL-TUJAR EXCHANGE (f.k.a. TRADERS HOUSE EXCHANGE) was designated.", ["BAIT AL-TUJAR EXCHANGE", "TRADERS HOUSE EXCHANGE"]),
    ],
)
def test_a_companys_former_name_is_its_alias(tagger: Tagger, text: str, names: list[str]) -> None:
    assert_one_cluster(clusters(tagger, text), names)


def test_a_name_in_sentence_case_that_an_acronym_defines_is_one_name(tagger: Tagger) -> None:
    # French names capitalise their first word only; the acronym after them shows where
    # they begin, and the capitalised words inside ("Tchad") are parts of them.
    text = (
        "Hassan Hattab, an emir of the Groupe islamique armé (GIA), broke away. The Armée nationale "
        "populaire (ANP) killed his successor, and the ANP said so. In the Tibesti, the Mouvement pour "
        "la démocratie et la justice au Tchad (MDJT) held the hostages. Security forces (SF) deployed."
    )
    found = named(tagger, text)
    assert found["Groupe islamique armé"][0] == "armed-islamic-group"
    assert found["GIA"][0] == "armed-islamic-group"
    assert found["Armée nationale populaire"][1] == "ORG"
    assert found["ANP"][0] == found["Armée nationale populaire"][0] != "afghan-national-police"
    assert_one_cluster(clusters(tagger, text), ["Mouvement pour la démocratie et la justice au Tchad", "MDJT"])
    assert "Tchad" not in found and "Groupe" not in found
    # English words in sentence case are no name: an English name is capitalised.
    assert "Security forces" not in found


def test_nigerian_reporting_states_rivers_bylines_and_acronyms_named_later(tagger: Tagger) -> None:
    # A state by its bare name, a river's name typed as a place (not a person the state's
    # name then joins), a byline's place, a governor "of" his state, an acronym that is a
    # word heading a story before the body is named, and a body's acronym before a comma
    # and its officer's name (no sanctions-list order).
    text = (
        "CAN demands action\n\nBy Terna Iorwuese, Makurdi\n\n"
        "Benue buries its dead near the River Benue. Governor Hyacinth Alia of Benue spoke. "
        "In Plateau, raids went on, the Punch newspaper reported. The Christian Association of Nigeria said "
        "the state secretary of MACBAN, Ibrahim Yusuf Babayo, was wrong. CAN's chapter agreed."
    )
    found = named(tagger, text)
    assert found["Benue"] == ("benue-state", "LOC") and found["Plateau"] == ("plateau-state", "LOC"), found
    assert found["River Benue"][1] == "LOC" and found["River Benue"][0].startswith("NIL:"), found
    assert found["Makurdi"][1] == "LOC" and found["Hyacinth Alia"][1] == "PER", found
    assert found["CAN"] == found["Christian Association of Nigeria"], found
    assert found["Punch"] == ("punch-newspapers", "ORG"), found
    assert found["MACBAN"][1] == "ORG" and found["Ibrahim Yusuf Babayo"][1] == "PER", found
    assert len([m for m in tagger.tag(text, "d") if m.surface == "CAN"]) == 2


def test_names_of_lists_and_profiles_in_arabic_and_french_styles(tagger: Tagger) -> None:
    # A particle in lowercase where the list capitalises it; a family name that a person of
    # the document bears respelt as a given name; a semicolon after "also known as A and B"
    # starts the next item; an Arabic name before a dash is a list entry, no heading; a
    # movement written without its head noun.
    text = (
        "The ADF, which calls itself Madina at Tauheed wau Mujahedeen, struck. After the fall of Assad, "
        "foreign minister Asaad al-Shaibani spoke. Rewards are offered for Faruq al-Suri, also known as "
        "Samir Hijazi and Abu Hamam al-Shami; Sami al-'Uraydi; and others.\n\n"
        "Abu Abd al-Karim al-Masri – Egyptian member of the shura council.\n\n"
        "The Men of Dignity Movement was founded by Wahid al-Balous. The Men of Dignity said."
    )
    found = named(tagger, text)
    assert found["Madina at Tauheed wau Mujahedeen"] == ("allied-democratic-forces", "ORG"), found
    assert found["Assad"] == ("bashar-al-assad", "PER"), found
    assert found["Sami al-'Uraydi"][0].startswith("NIL:") and found["Abu Hamam al-Shami"][0] == "abu-humam-al-shami", found
    assert found["Abu Abd al-Karim al-Masri"][1] == "PER", found
    assert found["Men of Dignity"] == found["Men of Dignity Movement"], found
