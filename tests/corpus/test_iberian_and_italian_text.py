"""Reporting in Portuguese, Spanish and Italian, through the public API: the article that
opens a Portuguese sentence, "y" between two people's names, and the countries and bodies
of the built-in gazetteer by their names in those languages."""

from __future__ import annotations

import pytest

from canonym import Tagger
from factory import clusters_by_surface as found

pytestmark = pytest.mark.corpus


def test_a_portuguese_article_opening_a_sentence_is_no_part_of_the_name(tagger: Tagger) -> None:
    names = found(tagger, "O Ruanda enviou tropas para Cabo Delgado. A União Europeia financiou a missão.")
    assert names["Ruanda"] == "rwanda"
    assert names["União Europeia"] == "european-union"
    assert names["Cabo Delgado"] == "cabo-delgado"


def test_y_between_two_names_parts_them(tagger: Tagger) -> None:
    names = found(
        tagger,
        "La Audiencia Nacional condenó a Abdelkrim Azzouzi Bakkali y Bilal Mohand Hamed. Según la Guardia Civil, Mohand y Azzouzi viajaron a Marruecos.",
    )
    assert "Mohand y Azzouzi" not in names
    assert names["Mohand"] == names["Bilal Mohand Hamed"] != names["Azzouzi"] == names["Abdelkrim Azzouzi Bakkali"]
    assert names["Marruecos"] == "morocco"


def test_countries_and_groups_by_their_italian_names(tagger: Tagger) -> None:
    names = found(tagger, "Secondo la Procura, il giovane voleva raggiungere lo Stato islamico in Siria passando per la Turchia e il Marocco.")
    assert names["Stato islamico"] == "islamic-state"
    assert names["Turchia"] == "turkey" and names["Marocco"] == "morocco"


def test_spanish_and_italian_bodies_are_named_whole_without_their_article(tagger: Tagger) -> None:
    names = found(
        tagger,
        "Según la Fiscalía, la Comisaría General de Información de la Policía Nacional y los Mossos d'Esquadra "
        "vigilaban al grupo. La Corte d'Assise di Milano ha condannato i due imputati; la Procura di Milano ricorre.",
    )
    assert names["Comisaría General de Información"].startswith("NIL:")
    assert names["Policía Nacional"] == "policia-nacional-spain"
    assert names["Mossos d'Esquadra"] == "mossos-desquadra"
    assert names["Corte d'Assise di Milano"].startswith("NIL:") and names["Procura di Milano"].startswith("NIL:")
    # "the prosecution", "the court": the head of a body's name alone is no name.
    assert not {"Fiscalía", "Según la Fiscalía", "La Corte", "Corte", "Milano"} & names.keys()


def test_an_article_before_a_body_opens_no_name_but_el_paso_keeps_its(tagger: Tagger) -> None:
    names = found(tagger, "Trabajó para el Centro Nacional de Inteligencia (CNI) antes de mudarse a El Paso.")
    assert names["Centro Nacional de Inteligencia"] == names["CNI"] == "centro-nacional-de-inteligencia"
    assert "El Paso" in names


def test_spanish_reporting_words_prepositions_articles_and_exonyms(tagger: Tagger) -> None:
    text = (
        "En Mazatlán, el Ejército desplegó tropas. Desde Washington, el Departamento de Justicia acusó al Cártel de Sinaloa. "
        "Reconozco mi responsabilidad, dijo. Vestido de negro, el acusado habló ante un juez de Nueva York. "
        "La Casa Blanca y Rusia no comentaron. EE.UU. pidió su extradición a Nuevo México."
    )
    names = found(tagger, text)
    # Words of the language opening a sentence name nothing; a preposition or an article
    # before a name is not the name's.
    for word in ["Reconozco", "Vestido", "En Mazatlán", "Desde Washington"]:
        assert word not in names, names
    assert names["Mazatlán"].startswith("NIL:") and names["Washington"] == "washington-dc", names
    assert names["Departamento de Justicia"] == "us-department-of-justice", names
    assert names["Cártel de Sinaloa"] == "sinaloa-cartel", names
    assert names["Casa Blanca"] == "white-house" and names["Rusia"] == "russia", names
    assert names["Nueva York"] == "new-york-city" and names["Nuevo México"] == "new-mexico", names
    assert {cluster for surface, cluster in names.items() if surface.startswith("EE.UU")} == {"united-states"}, names


def test_spanish_articles_and_list_names(tagger: Tagger) -> None:
    text = (
        "Los combates en el Catatumbo dejaron 80 muertos. La Defensoría del Pueblo alertó que el Eln controla la zona. "
        "Según el Comando Central del Eln, la ofensiva sigue. Se buscan: VERA FERNÁNDEZ, Néstor Gregorio. "
        "President Abdel Fattah el Sisi met the envoy."
    )
    names = found(tagger, text)
    # "el" after a Spanish word is the article, not the Arabic one of "el Sisi".
    for surface in ["el Catatumbo", "el Eln", "La Defensoría del Pueblo", "el Comando Central del Eln"]:
        assert surface not in names, names
    assert names["Eln"] == "eln" and "Catatumbo" in names and "Defensoría del Pueblo" in names, names
    assert "Comando Central del Eln" in names, names
    assert names["Abdel Fattah el Sisi"] == "abdel-fattah-el-sisi", names
    # A sanctions list's "SURNAMES, Given names" with accents is one person.
    assert "VERA FERNÁNDEZ, Néstor Gregorio" in names, names


def test_an_arabic_article_before_n_is_no_spanish_preposition(tagger: Tagger) -> None:
    names = found(tagger, "Fighting spread to En Nahud and the Dikwa-Marte road.")
    assert "En Nahud" in names and "Marte" in names, names


def test_spanish_al_and_el_open_no_name_and_a_translation_takes_its_english_acronym(tagger: Tagger) -> None:
    text = (
        "MANILA (EFE).- El Gobierno declaró al CPP y al NPA como organizaciones terroristas, según "
        "la resolución. Su brazo armado, el Nuevo Ejército del Pueblo (NPA), opera en las provincias "
        "del sur. El Partido Comunista de Filipinas (CPP) fue fundado por Sison. El Ministerio de "
        "Defensa (AFP) informó de los combates. Abdelfatah al Sisi visitó Manila."
    )
    mentions = {m.surface: m.entity_id for m in tagger.tag(text, "d")}
    assert mentions.get("CPP") == "communist-party-of-the-philippines", mentions
    assert mentions.get("NPA") == "new-peoples-army", mentions
    assert "al CPP" not in mentions and "al NPA" not in mentions, mentions
    assert mentions.get("Nuevo Ejército del Pueblo") == "new-peoples-army", mentions
    assert mentions.get("Partido Comunista de Filipinas") == "communist-party-of-the-philippines", mentions
    assert mentions.get("Ministerio de Defensa") is None, mentions  # "(AFP)" credits the agency
    assert mentions.get("Abdelfatah al Sisi") == "abdel-fattah-el-sisi", mentions


def test_spanish_french_and_german_names_of_groups_and_countries_are_theirs(tagger: Tagger) -> None:
    documents = [
        ("es", "EL CAIRO (EFE).- Los Hermanos Musulmanes convocaron protestas en Egipto, y Noruega pidió calma."),
        ("fr", "LE CAIRE (AFP) - Les Frères musulmans ont appelé à manifester, a indiqué la Norvège."),
        ("de", "KAIRO (dpa) - Die Muslimbruderschaft rief zu Protesten auf, Norwegen mahnte zur Ruhe."),
    ]
    found = {(m.doc_id, m.surface): m.entity_id for m in tagger.tag_documents(documents)}
    assert found.get(("es", "Hermanos Musulmanes")) == "muslim-brotherhood", found
    assert found.get(("fr", "Frères musulmans")) == "muslim-brotherhood", found
    assert found.get(("de", "Muslimbruderschaft")) == "muslim-brotherhood", found
    assert found.get(("es", "Noruega")) == found.get(("fr", "Norvège")) == found.get(("de", "Norwegen")) == "norway", found
    assert found.get(("es", "EL CAIRO")) == found.get(("de", "KAIRO")) == "cairo", found
