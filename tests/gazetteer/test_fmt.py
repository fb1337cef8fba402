"""Tests for canonym.gazetteer.fmt: the canonical form of data files.

The contract: fixed key order, alias lists de-duplicated and sorted by folded form then raw
string, block lists, no wrapping; comments survive and move with the key or alias they
belong to; formatting is idempotent and never changes what a file means; ``check_paths``
only reads, ``format_paths`` rewrites atomically and returns what changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from canonym.errors import GazetteerError
from canonym.gazetteer.fmt import check_paths, dump_entity, format_paths, format_text, patch_text
from canonym.gazetteer.load import read_yaml_entity
from canonym.gazetteer.model import Entity

MESSY = """\
# Georgia the country; Georgia the US state is loc/us-ga.yml
name: Georgia
type: LOC   # a place
id: georgia
kind: country
sources:
  - Wikipedia
  - Wikipedia
aliases:
  weak: [Georgia Republic, Gruzia]  # "Gruzia" is the Italian and Russian-style name
  strong:
    - Sakartvelo
    # Russian (Cyrillic)
    - Грузия
    - საქართველო  # Georgian script
    - Republic of Georgia
    - Sakartvelo
description: Country in the South Caucasus with a long name that must not be wrapped onto a second line by the formatter.
wikidata: Q230
# end of file
"""

CANONICAL = """\
# Georgia the country; Georgia the US state is loc/us-ga.yml
id: georgia
type: LOC  # a place
kind: country
name: Georgia
aliases:
  strong:
  # Russian (Cyrillic)
  - Грузия
  - Republic of Georgia
  - Sakartvelo
  - საქართველო  # Georgian script
  weak:  # "Gruzia" is the Italian and Russian-style name
  - Georgia Republic
  - Gruzia
wikidata: Q230
description: Country in the South Caucasus with a long name that must not be wrapped onto a second line by the formatter.
sources:
- Wikipedia
# end of file
"""


def test_format_text_orders_sorts_and_keeps_comments() -> None:
    assert format_text(MESSY) == CANONICAL


def test_format_text_is_idempotent() -> None:
    once = format_text(MESSY)
    assert format_text(once) == once


def test_format_keeps_the_data() -> None:
    before = yaml.safe_load(MESSY)
    after = yaml.safe_load(format_text(MESSY))
    # Same fields; aliases re-ordered and de-duplicated only.
    assert set(after) == set(before)
    assert sorted(set(before["aliases"]["strong"])) == sorted(after["aliases"]["strong"])
    assert after["description"] == before["description"]


def test_values_that_need_quotes_stay_quoted() -> None:
    text = "id: x\ntype: ORG\nkind: company\nname: 'yes'\nids:\n  ofac: '12345'\n  eu: 'a: b'\naliases:\n  strong:\n  - '# One'\n  - \"Multi\\nline\"\n"
    out = format_text(text)
    assert yaml.safe_load(out)["name"] == "yes"
    assert yaml.safe_load(out)["ids"] == {"eu": "a: b", "ofac": "12345"}
    assert "  eu: 'a: b'\n  ofac: '12345'\n" in out
    # Sorted by folded form: 'multi line' before 'one'.
    assert yaml.safe_load(out)["aliases"]["strong"] == ["Multi\nline", "# One"]


def test_hash_inside_a_value_is_not_a_comment() -> None:
    text = "id: x\ntype: ORG\nkind: company\nname: 'C# Group'  # the real comment\n"
    out = format_text(text)
    assert out == "id: x\ntype: ORG\nkind: company\nname: C# Group  # the real comment\n"
    assert yaml.safe_load(out)["name"] == "C# Group"
    assert format_text(out) == out


def test_not_a_mapping_is_an_error() -> None:
    with pytest.raises(GazetteerError, match="must hold one mapping"):
        format_text("- a\n- b\n")
    with pytest.raises(GazetteerError, match="YAML syntax error"):
        format_text("id: [x\n")


def test_check_paths_detects_unsorted_aliases(tmp_path: Path) -> None:
    tidy = tmp_path / "per" / "tidy.yml"
    messy = tmp_path / "per" / "messy.yml"
    tidy.parent.mkdir()
    tidy.write_text("id: tidy\ntype: PER\nkind: person\nname: Tidy\naliases:\n  strong:\n  - Abu Tidy\n  - Tidy Man\n")
    messy.write_text("id: messy\ntype: PER\nkind: person\nname: Messy\naliases:\n  strong:\n  - Messy Man\n  - Abu Messy\n")
    before = messy.read_bytes()
    assert check_paths([tmp_path]) == [messy]
    assert messy.read_bytes() == before  # check only reads


def test_format_paths_rewrites_and_returns_changed_files(tmp_path: Path) -> None:
    tidy = tmp_path / "tidy.yml"
    messy = tmp_path / "messy.yml"
    tidy.write_text(CANONICAL, encoding="utf-8")
    messy.write_text(MESSY, encoding="utf-8")
    assert format_paths([tidy, messy]) == [messy]
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert check_paths([tidy, messy]) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unparsable_files_are_reported_after_the_others(tmp_path: Path) -> None:
    messy = tmp_path / "a.yml"
    broken = tmp_path / "b.yml"
    messy.write_text(MESSY, encoding="utf-8")
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        format_paths([messy, broken])
    assert caught.value.problems[0].startswith(f"{broken}: line 2: YAML syntax error")
    assert messy.read_text(encoding="utf-8") == CANONICAL


def test_dump_entity_is_canonical_and_loads_back(tmp_path: Path) -> None:
    entity = Entity(
        id="saif-al-adel", type="PER", kind="person", name="Saif al-Adel",
        strong=("Sayf al-Adl", "سيف العدل", "Mohammed Salahaldin Abd El Halim Zidane"), weak=("al-Adel",),
        un_ref="QDi.001", ids=(("ofac", "6912"),), description="Egyptian al-Qaeda commander.",
        sources=("UN Security Council consolidated list (QDi.001)",),
    )
    text = dump_entity(entity)
    assert text == (
        "id: saif-al-adel\ntype: PER\nkind: person\nname: Saif al-Adel\naliases:\n  strong:\n"
        "  - Mohammed Salahaldin Abd El Halim Zidane\n  - Sayf al-Adl\n  - سيف العدل\n  weak:\n  - al-Adel\n"
        "un_ref: QDi.001\nids:\n  ofac: '6912'\ndescription: Egyptian al-Qaeda commander.\n"
        "sources:\n- UN Security Council consolidated list (QDi.001)\n"
    )
    assert format_text(text) == text
    path = tmp_path / "per" / "saif-al-adel.yml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    loaded, problems = read_yaml_entity(path)
    assert problems == []
    assert loaded is not None
    assert set(loaded.strong) == set(entity.strong)
    assert (loaded.un_ref, loaded.ids, loaded.weak) == (entity.un_ref, entity.ids, entity.weak)


def test_patch_text_adds_names_and_keeps_comments() -> None:
    text = "# curated\nid: x\ntype: PER\nkind: person\nname: Saif al-Adel\naliases:\n  weak:\n  - al-Adel  # bare nisba\n"
    out = patch_text(text, strong=["Sayf al-Adl"], missing={"un_ref": "QDi.001"}, sources=["UN list"])
    assert out == (
        "# curated\nid: x\ntype: PER\nkind: person\nname: Saif al-Adel\naliases:\n  strong:\n  - Sayf al-Adl\n"
        "  weak:\n  - al-Adel  # bare nisba\nun_ref: QDi.001\nsources:\n- UN list\n"
    )
    # Present fields are never overwritten.
    assert patch_text(out, missing={"un_ref": "QDi.999"}) == out


def test_empty_values_and_new_file_mode(tmp_path: Path) -> None:
    text = "id: x\ntype: ORG\nkind: company\nname: X Group\npart_of:\naliases:\n  weak:\n"
    # An empty alias list is dropped; an empty field stays as written.
    assert format_text(text) == "id: x\ntype: ORG\nkind: company\nname: X Group\npart_of:\n"
    from canonym.gazetteer.fmt import write_atomic

    path = tmp_path / "org" / "x.yml"
    write_atomic(path, "id: x\n")
    assert path.read_text(encoding="utf-8") == "id: x\n"
    assert path.stat().st_mode & 0o777 != 0o600
