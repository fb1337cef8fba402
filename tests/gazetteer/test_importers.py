"""Tests for canonym.gazetteer.importers: lists into the gazetteer's format, merged safely.

The contract: the UN consolidated list and FollowTheMoney entities become entities with
sensible names (capitals turned into mixed case, particles lowercase), Good aliases strong
and partial Low ones weak, the original script strong, the list reference kept; merging into
a data folder creates what is new, adds only new spellings to what exists (never removing,
keeping the curated name and comments), files a colliding strong alias as weak, and a second
run changes nothing. Everything runs on fixtures in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canonym.gazetteer.importers import (
    import_ftm_jsonl,
    import_table,
    import_un_xml,
    merge_into_dir,
    split_list_name,
    tidy_name,
)
from canonym.gazetteer.lint import lint_paths
from canonym.gazetteer.load import read_yaml_entities, yaml_files

# ../shared beside the repository, when present (the real list is not copied into the project).
REAL_UN_LIST = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "un_sc_consolidated_list_2025-11-18.xml"

# The structure of the real list, with two individuals and one entity.
UN_XML = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2025-11-18T23:00:09.174Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>113219</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>MOHAMMED</FIRST_NAME>
      <SECOND_NAME>SALAHALDIN</SECOND_NAME>
      <THIRD_NAME>ABD EL HALIM</THIRD_NAME>
      <FOURTH_NAME>ZIDANE</FOURTH_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>محمد صلاح الدين عبدالحليم زيدان</NAME_ORIGINAL_SCRIPT>
      <COMMENTS1>Senior military commander of Al-Qaida (QDe.004). Review pursuant to Security Council
resolution 1822 (2008) was concluded on 15 Jun. 2010.</COMMENTS1>
      <NATIONALITY><VALUE>Egypt</VALUE></NATIONALITY>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Good</QUALITY>
        <ALIAS_NAME>Sayf-Al Adl</ALIAS_NAME>
        <NOTE>In Arabic: سيف العدل</NOTE>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Good</QUALITY>
        <ALIAS_NAME>Al-Madani, Ibrahim</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Low</QUALITY>
        <ALIAS_NAME>Saif Al-'Adil</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Good</QUALITY>
        <ALIAS_NAME>Abdul Rahman</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Low</QUALITY>
        <ALIAS_NAME>Abu Muhammad</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Low</QUALITY>
        <ALIAS_NAME>al-Masri</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1963-04-11</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT/>
      <SORT_KEY/>
      <SORT_KEY_LAST_MOD/>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>6908002</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>HOSEIN</FIRST_NAME>
      <SECOND_NAME>SALIMI</SECOND_NAME>
      <UN_LIST_TYPE>Iran</UN_LIST_TYPE>
      <REFERENCE_NUMBER>IRi.038</REFERENCE_NUMBER>
      <LISTED_ON>2007-03-24</LISTED_ON>
      <COMMENTS1>Commander of the Air Force, IRGC (Pasdaran).</COMMENTS1>
      <INDIVIDUAL_ALIAS>
        <QUALITY>Good</QUALITY>
        <ALIAS_NAME>Husain Salimi; Hossein Salimi</ALIAS_NAME>
      </INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><COUNTRY/></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT/>
      <SORT_KEY/>
      <SORT_KEY_LAST_MOD/>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>113482</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>HARAKAT UL-MUJAHIDIN / HUM</FIRST_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDe.008</REFERENCE_NUMBER>
      <LISTED_ON>2001-10-06</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>حركة المجاهدين</NAME_ORIGINAL_SCRIPT>
      <COMMENTS1>Based in Pakistan, it conducts operations mainly in Kashmir.</COMMENTS1>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <ENTITY_ALIAS>
        <QUALITY>a.k.a.</QUALITY>
        <ALIAS_NAME>Al-Faran</ALIAS_NAME>
      </ENTITY_ALIAS>
      <ENTITY_ALIAS>
        <QUALITY>f.k.a.</QUALITY>
        <ALIAS_NAME>Harakat Ul-Ansar</ALIAS_NAME>
      </ENTITY_ALIAS>
      <ENTITY_ALIAS>
        <QUALITY/>
        <ALIAS_NAME/>
      </ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Pakistan</COUNTRY></ENTITY_ADDRESS>
      <SORT_KEY/>
      <SORT_KEY_LAST_MOD/>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""

FTM_JSONL = """\
{"id": "NK-qs1", "schema": "Person", "properties": {"name": ["Qasem Soleimani"], "alias": ["Qassem Suleimani", "قاسم سلیمانی"], "weakAlias": ["Haj Qasem"], "wikidataId": ["Q1630440"]}, "datasets": ["un_sc_sanctions"]}
{"id": "NK-kav", "schema": "Company", "properties": {"name": ["KAVOSHYAR COMPANY"], "previousName": ["Kavoshyar Industries"]}}
{"id": "own-1", "schema": "Ownership", "properties": {"owner": ["NK-kav"], "asset": ["NK-qs1"]}}
"""


@pytest.fixture
def un_xml(tmp_path: Path) -> Path:
    path = tmp_path / "un.xml"
    path.write_text(UN_XML, encoding="utf-8")
    return path


# -- names --------------------------------------------------------------------------------------


def test_tidy_name_turns_capitals_into_mixed_case() -> None:
    assert tidy_name("MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE") == "Mohammed Salahaldin Abd El Halim Zidane"
    assert tidy_name("USAMA BIN LADEN") == "Usama bin Laden"
    assert tidy_name("AL-ITIHAAD AL-ISLAMIYA") == "Al-Itihaad al-Islamiya"
    assert tidy_name("TEHRIK-E-TALIBAN PAKISTAN") == "Tehrik-e-Taliban Pakistan"
    assert tidy_name("JAM'YAH TA'AWUN AL-ISLAMIA") == "Jam'yah Ta'awun al-Islamia"
    assert tidy_name("KOREA ACHIM SHIPPING CO LTD") == "Korea Achim Shipping Co Ltd"
    # Mixed case and short acronyms are kept as the list writes them.
    assert tidy_name("Sayf-Al Adl") == "Sayf-Al Adl"
    assert tidy_name("NALU") == "NALU"


def test_split_list_name() -> None:
    assert split_list_name("UGANDA COMMERCIAL IMPEX (UCI) LTD", person=False) == ("Uganda Commercial Impex Ltd", ["UCI"])
    assert split_list_name("AL-HARAMAIN FOUNDATION (PAKISTAN)", person=False) == ("Al-Haramain Foundation (Pakistan)", [])
    assert split_list_name("Gunawan, Rusman", person=True) == ("Rusman Gunawan", [])
    assert split_list_name("Hilarion Santos, III (third)", person=True) == ("Hilarion Santos III", [])
    assert split_list_name("Jin Tiesan (金铁三)", person=True) == ("Jin Tiesan", ["金铁三"])
    assert split_list_name("Mohammed Sabet; Mohammad Sabet b) M. Javad Sabet", person=True) == (
        "Mohammed Sabet", ["Mohammad Sabet", "M. Javad Sabet"],
    )
    assert split_list_name("THE HOUTHIS", person=False) == ("Houthis", [])
    assert split_list_name('"KOMID"', person=False) == ("KOMID", [])  # the list quotes some aliases
    assert split_list_name("The Base", person=False) == ("The Base", [])
    assert split_list_name("أبو بكر البغدادي (Abu Bakr al-Baghdadi", person=True) == (
        "أبو بكر البغدادي", ["Abu Bakr al-Baghdadi"],
    )


# -- UN list --------------------------------------------------------------------------------------


def test_import_un_xml(un_xml: Path) -> None:
    entities = import_un_xml(un_xml)
    assert [e.un_ref for e in entities] == ["QDi.001", "IRi.038", "QDe.008"]
    saif, salimi, hum = entities
    assert (saif.id, saif.type, saif.kind, saif.name) == (
        "mohammed-salahaldin-abd-el-halim-zidane", "PER", "person", "Mohammed Salahaldin Abd El Halim Zidane",
    )
    # Good aliases and identifying Low ones are strong, as is the original script; the bare
    # kunya and nisba are weak, and so is a given name alone, even a Good one.
    # "Al-Madani, Ibrahim" is in list order.
    assert saif.strong == ("محمد صلاح الدين عبدالحليم زيدان", "Sayf-Al Adl", "Ibrahim Al-Madani", "Saif Al-'Adil")
    assert saif.weak == ("Abdul Rahman", "Abu Muhammad", "al-Masri")
    assert saif.description == "Senior military commander of Al-Qaida (QDe.004)."
    assert saif.sources == ("UN Security Council consolidated list (QDi.001)",)
    assert salimi.name == "Hosein Salimi"
    assert salimi.strong == ("Husain Salimi", "Hossein Salimi")
    assert (hum.id, hum.type, hum.kind, hum.name) == ("harakat-ul-mujahidin", "ORG", "organization", "Harakat ul-Mujahidin")
    assert hum.strong == ("HUM", "حركة المجاهدين", "Al-Faran", "Harakat Ul-Ansar")
    assert hum.description == "Based in Pakistan, it conducts operations mainly in Kashmir."


def test_import_un_xml_filters_lists(un_xml: Path) -> None:
    assert [e.un_ref for e in import_un_xml(un_xml, {"Iran"})] == ["IRi.038"]
    assert [e.un_ref for e in import_un_xml(un_xml, {"Al-Qaida"})] == ["QDi.001", "QDe.008"]


def test_import_un_xml_guesses_companies(tmp_path: Path) -> None:
    path = tmp_path / "un.xml"
    path.write_text(
        "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY><FIRST_NAME>KAVOSHYAR COMPANY</FIRST_NAME>"
        "<UN_LIST_TYPE>Iran</UN_LIST_TYPE><REFERENCE_NUMBER>IRe.035</REFERENCE_NUMBER></ENTITY></ENTITIES>"
        "</CONSOLIDATED_LIST>",
        encoding="utf-8",
    )
    (entity,) = import_un_xml(path)
    assert (entity.id, entity.kind, entity.name) == ("kavoshyar-company", "company", "Kavoshyar Company")


@pytest.mark.corpus
@pytest.mark.skipif(not REAL_UN_LIST.exists(), reason="the UN consolidated list is not available")
def test_import_real_un_list() -> None:
    entities = import_un_xml(REAL_UN_LIST, {"Al-Qaida", "Iran"})
    by_ref = {e.un_ref: e for e in entities}
    assert "Sayf-Al Adl" in by_ref["QDi.001"].aliases
    assert by_ref["QDi.001"].name == "Mohammed Salahaldin Abd El Halim Zidane"
    assert {e.un_ref[:2] for e in entities if e.un_ref} == {"QD", "IR"}
    # The 2025-11-18 list: 341 Al-Qaida and 121 Iran records.
    assert len(entities) == 462


# -- FollowTheMoney and tables -------------------------------------------------------------------


def test_import_ftm_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "ftm.jsonl"
    path.write_text(FTM_JSONL, encoding="utf-8")
    person, company = import_ftm_jsonl(path)  # the Ownership relation is skipped
    assert (person.id, person.type, person.kind, person.name) == ("qasem-soleimani", "PER", "person", "Qasem Soleimani")
    assert person.strong == ("Qassem Suleimani", "قاسم سلیمانی")
    assert person.weak == ("Haj Qasem",)
    assert (person.wikidata, person.ids) == ("Q1630440", (("ftm", "NK-qs1"),))
    assert person.sources == ("FollowTheMoney (un_sc_sanctions)",)
    assert (company.id, company.type, company.kind, company.name) == ("kavoshyar-company", "ORG", "company", "Kavoshyar Company")
    assert company.strong == ("Kavoshyar Industries",)


def test_import_table(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("id,name,type\nQ794,Iran,LOC\nQ794,Persia,LOC\nhamas,Hamas,ORG\n", encoding="utf-8")
    iran, hamas = import_table(path)
    assert (iran.id, iran.name, iran.strong, iran.kind, iran.ids) == ("q794", "Iran", ("Persia",), "place", (("table", "Q794"),))
    assert (hamas.id, hamas.kind, hamas.ids) == ("hamas", "organization", ())


# -- merging --------------------------------------------------------------------------------------

CURATED = """\
# Curated: the common English spelling is the name.
id: saif-al-adel
type: PER
kind: person
name: Saif al-Adel
aliases:
  strong:
  - Sayf al-Adl  # the spelling of most reports
  weak:
  - al-Adel
description: Egyptian al-Qaeda military commander.
sources:
- Wikipedia
"""

VALLEY = "id: faran-valley\ntype: LOC\nkind: region\nname: Faran Valley\naliases:\n  strong:\n  - Al-Faran\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "per").mkdir(parents=True)
    (data / "loc").mkdir()
    (data / "per" / "saif-al-adel.yml").write_text(CURATED, encoding="utf-8")
    (data / "loc" / "faran-valley.yml").write_text(VALLEY, encoding="utf-8")
    return data


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_merge_creates_updates_and_demotes(un_xml: Path, data_dir: Path) -> None:
    report = merge_into_dir(import_un_xml(un_xml), data_dir)
    assert report.created == ("hosein-salimi", "harakat-ul-mujahidin")
    assert report.updated == ("saif-al-adel",)
    assert report.unchanged == ()
    # 'Al-Faran' is the valley's strong alias: the group gets it as weak.
    assert report.demoted == (("harakat-ul-mujahidin", "Al-Faran"),)
    assert str(report).startswith("created 2, updated 1, unchanged 0, 1 strong alias(es) filed as weak")

    # The curated entity keeps its name, comments, aliases and description; only new
    # spellings, the UN reference and the source are added.
    assert (data_dir / "per" / "saif-al-adel.yml").read_text(encoding="utf-8") == """\
# Curated: the common English spelling is the name.
id: saif-al-adel
type: PER
kind: person
name: Saif al-Adel
aliases:
  strong:
  - Ibrahim Al-Madani
  - Mohammed Salahaldin Abd El Halim Zidane
  - Saif Al-'Adil
  - Sayf al-Adl  # the spelling of most reports
  - محمد صلاح الدين عبدالحليم زيدان
  weak:
  - Abdul Rahman
  - Abu Muhammad
  - al-Adel
  - al-Masri
un_ref: QDi.001
description: Egyptian al-Qaeda military commander.
sources:
- Wikipedia
- UN Security Council consolidated list (QDi.001)
"""
    hum = (data_dir / "org" / "harakat-ul-mujahidin.yml").read_text(encoding="utf-8")
    assert "  weak:\n  - Al-Faran\n" in hum
    assert "un_ref: QDe.008\n" in hum
    # Everything written loads, is canonical and lint-clean.
    entities, problems = read_yaml_entities(yaml_files(data_dir))
    assert problems == []
    assert len(entities) == 4
    assert lint_paths([data_dir]) == []


def test_merge_twice_changes_nothing(un_xml: Path, data_dir: Path) -> None:
    merge_into_dir(import_un_xml(un_xml), data_dir)
    before = snapshot(data_dir)
    report = merge_into_dir(import_un_xml(un_xml), data_dir)
    assert (report.created, report.updated) == ((), ())
    assert report.unchanged == ("saif-al-adel", "hosein-salimi", "harakat-ul-mujahidin")
    assert snapshot(data_dir) == before


def test_merge_adds_a_new_alias_to_an_entity_matched_by_un_ref(un_xml: Path, data_dir: Path) -> None:
    merge_into_dir(import_un_xml(un_xml), data_dir)
    path = data_dir / "per" / "hosein-salimi.yml"
    before = path.read_text(encoding="utf-8")
    newer = UN_XML.replace("Husain Salimi; Hossein Salimi", "Husain Salimi; Hossein Salimi; Hosain Saleemi")
    (un_xml.parent / "newer.xml").write_text(newer, encoding="utf-8")
    report = merge_into_dir(import_un_xml(un_xml.parent / "newer.xml", {"Iran"}), data_dir)
    assert (report.created, report.updated) == ((), ("hosein-salimi",))
    after = path.read_text(encoding="utf-8")
    assert after.replace("  - Hosain Saleemi\n", "") == before


def test_merge_never_joins_different_list_entries(un_xml: Path, data_dir: Path) -> None:
    # A namesake with another UN number gets a file of its own, with a suffixed id.
    merge_into_dir(import_un_xml(un_xml), data_dir)
    namesake = UN_XML.replace("IRi.038", "IRi.099")
    (un_xml.parent / "namesake.xml").write_text(namesake, encoding="utf-8")
    report = merge_into_dir(import_un_xml(un_xml.parent / "namesake.xml", {"Iran"}), data_dir)
    assert report.created == ("hosein-salimi-2",)
    assert report.conflicts == (("hosein-salimi-2", "Hosein Salimi"),)


def test_merge_does_not_join_two_bodies_on_an_acronym(tmp_path: Path, data_dir: Path) -> None:
    # China's Central Military Commission is "CMC"; so is the DPRK's, a different body.
    (data_dir / "org").mkdir()
    (data_dir / "org" / "central-military-commission.yml").write_text(
        "id: central-military-commission\ntype: ORG\nkind: government-body\nname: Central Military Commission\n"
        "aliases:\n  strong:\n  - CMC\n",
        encoding="utf-8",
    )
    path = tmp_path / "dprk.xml"
    path.write_text(
        "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ENTITY>"
        "<FIRST_NAME>CENTRAL MILITARY COMMISSION OF THE WORKERS' PARTY OF KOREA (CMC)</FIRST_NAME>"
        "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.051</REFERENCE_NUMBER></ENTITY></ENTITIES>"
        "</CONSOLIDATED_LIST>",
        encoding="utf-8",
    )
    report = merge_into_dir(import_un_xml(path), data_dir)
    assert report.updated == ()
    assert report.created == ("central-military-commission-of-the-workers-party-of-korea",)


def test_merge_dry_run_writes_nothing(un_xml: Path, data_dir: Path) -> None:
    before = snapshot(data_dir)
    report = merge_into_dir(import_un_xml(un_xml), data_dir, dry_run=True)
    assert report.created == ("hosein-salimi", "harakat-ul-mujahidin")
    assert report.dry_run
    assert snapshot(data_dir) == before


def test_merge_ftm_matches_by_ftm_id(tmp_path: Path) -> None:
    path = tmp_path / "ftm.jsonl"
    path.write_text(FTM_JSONL, encoding="utf-8")
    data = tmp_path / "data"
    first = merge_into_dir(import_ftm_jsonl(path), data)
    assert first.created == ("qasem-soleimani", "kavoshyar-company")
    renamed = FTM_JSONL.replace('"name": ["Qasem Soleimani"]', '"name": ["Qassem Soleimany"]')
    path.write_text(renamed, encoding="utf-8")
    second = merge_into_dir(import_ftm_jsonl(path), data)
    assert (second.created, second.updated) == ((), ("qasem-soleimani",))
    text = (data / "per" / "qasem-soleimani.yml").read_text(encoding="utf-8")
    assert "name: Qasem Soleimani\n" in text
    assert "  - Qassem Soleimany\n" in text


def test_merge_joins_one_person_listed_under_two_regimes(un_xml: Path, data_dir: Path) -> None:
    # The UN lists some people twice (Hassan Dahir Aweys is QDi.042 and SOi.002): the same
    # full name under another regime's number is that person, not a namesake.
    merge_into_dir(import_un_xml(un_xml), data_dir)
    twice = UN_XML.replace("IRi.038", "SOi.099").replace("<UN_LIST_TYPE>Iran<", "<UN_LIST_TYPE>Somalia<")
    (un_xml.parent / "twice.xml").write_text(twice, encoding="utf-8")
    report = merge_into_dir(import_un_xml(un_xml.parent / "twice.xml", {"Somalia"}), data_dir)
    assert report.created == ()
    assert report.conflicts == ()
