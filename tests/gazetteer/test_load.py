"""Tests for loading a gazetteer: the index, the table reader and the on-disk cache.

The contract: the index built from an :class:`EntityTable` holds exactly what a plain,
alias-by-alias build with the public normalizer gives (same alias ids, keys and maps); the
entities made lazily from columns equal the ones read; a table read column by column gives
the same entities as reading it row by row; the cache gives back an equal index, is rebuilt
when a data file changes, and a damaged cache file is ignored and rewritten; loading the
built-in gazetteer does not import polars.
"""

from __future__ import annotations

import marshal
import os
import pickle
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from canonym import Gazetteer
from canonym.errors import GazetteerError
from canonym.gazetteer import cache
from canonym.gazetteer.index import CONNECTORS, AliasIndex, exact_form, folded_form, other_spelling, partial_keys
from canonym.gazetteer.load import (
    builtin_data_dir,
    load_table,
    merge_entities,
    read_table,
    read_table_entities,
    read_yaml_entities,
    yaml_file_names,
    yaml_files,
)
from canonym.gazetteer.model import Entity, EntityTable
from canonym.normalize import parse_name, part_keys, token_skeleton
from canonym.normalize.translit import loose_skeleton

FIXTURE_GAZETTEER = Path(__file__).resolve().parents[1] / "fixtures" / "gazetteer"


def reference_index(entities: list[Entity]) -> dict[str, object]:
    """The index's fields built the plain way: one alias at a time, public normalizer only."""
    fields: dict[str, object] = {}
    text, owner, strong_of, joined_of = [], [], [], []
    maps: dict[str, defaultdict[str, list[int]]] = {
        name: defaultdict(list) for name in ("exact", "folded", "keyed", "by_token")
    }
    keys_by_skeleton: defaultdict[str, set[str]] = defaultdict(set)
    keys_of_part: dict[str, str] = {}
    skeletons_of_part: dict[str, str] = {}
    partial: defaultdict[str, set[int]] = defaultdict(set)
    for entity_index, entity in enumerate(entities):
        person = entity.type == "PER"
        names = entity.names()
        respelled = [(other_spelling(n), strong) for n, strong in names]
        names += [(n, strong) for n, strong in respelled if all(n != known for known, _ in names)]
        for name, strong in names:
            parts = parse_name(name, person=person)
            if not parts.tokens:
                continue
            keys = part_keys(parts)
            skeletons = tuple(token_skeleton(t) for t in parts.tokens)
            alias_id = len(text)
            text.append(name)
            owner.append(entity_index)
            strong_of.append(strong)
            joined_of.append(" ".join(keys))
            # The resolver gets an alias's part keys back by splitting the joined key.
            assert all(key and " " not in key for key in keys)
            maps["exact"][exact_form(name)].append(alias_id)
            maps["folded"][folded_form(name)].append(alias_id)
            maps["keyed"][" ".join(keys)].append(alias_id)
            for key in set(keys) - CONNECTORS:
                maps["by_token"][key].append(alias_id)
            skeletons_of_part.update(zip(parts.tokens, skeletons, strict=True))
            if not parts.acronym:
                keys_of_part.update(zip(parts.tokens, keys, strict=True))
            for key, skeleton in zip(keys, skeletons, strict=True):
                if skeleton:
                    keys_by_skeleton[loose_skeleton(skeleton)].update({key} - CONNECTORS)
            if person and strong:
                for key in partial_keys(keys):
                    partial[key].add(entity_index)
    fields.update(
        alias_text=tuple(text),
        alias_entity=tuple(owner),
        alias_strong=tuple(strong_of),
        alias_joined=tuple(joined_of),
        partial={k: tuple(sorted(v)) for k, v in partial.items()},
        keys_by_skeleton={k: tuple(sorted(v)) for k, v in keys_by_skeleton.items()},
        part_keys=keys_of_part,
        part_skeletons=skeletons_of_part,
        by_id={e.id: i for i, e in enumerate(entities)},
    )
    # The tier maps hold a bare id for a form only one alias has; the postings always a tuple.
    for name, found in maps.items():
        tier = name in ("exact", "folded", "keyed")
        fields[name] = {k: v[0] if tier and len(v) == 1 else tuple(v) for k, v in found.items()}
    return fields


def index_fields(index: AliasIndex) -> dict[str, object]:
    """Every field of an index but the entities, as plain values."""
    return {name: getattr(index, name) for name in AliasIndex.__slots__ if name != "entities"}


@pytest.fixture(scope="module")
def builtin_entities() -> list[Entity]:
    return list(load_table(builtin=True))


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder and an empty in-process cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CANONYM_CACHE", str(folder))
    monkeypatch.setattr(cache, "_memory", {})
    return folder


def write_tsv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


# -- the index ------------------------------------------------------------------------


def test_index_equals_plain_build_on_builtin_data(builtin_entities: list[Entity]) -> None:
    index = AliasIndex.build(EntityTable.from_entities(builtin_entities))
    assert index_fields(index) == reference_index(builtin_entities)
    assert list(index.entities) == builtin_entities


def test_index_equals_plain_build_on_edge_names() -> None:
    entities = [
        Entity(id="a", type="PER", name="Abu Bakr al-Baghdadi", strong=("AL-BAGHDADI, Abu Bakr", "أبو بكر البغدادي")),
        Entity(id="b", type="PER", name="Saif al-Adel", weak=("al-Adel", "...")),  # no letters: not indexed
        Entity(id="c", type="ORG", name="DEA", strong=("D.E.A.", "Drug  Enforcement   Administration")),
        Entity(id="d", type="LOC", name="Sana'a", strong=("Sanaa", "Ṣanʿāʾ")),
        Entity(id="e", type="PER", name="Muhammad bin Salman", strong=("Umm Muhammad al-Masri",)),
        Entity(id="a2", type="PER", name="Abu Bakr al-Baghdadi"),  # same name, another entity
    ]
    index = AliasIndex.build(entities)
    assert index_fields(index) == reference_index(entities)
    assert "..." not in index.alias_text


@pytest.mark.parametrize(
    ("name", "respelled"),
    [
        ("Defense Intelligence Agency", "Defence Intelligence Agency"),
        ("Centre for Strategic Studies", "Center for Strategic Studies"),
        ("Stabilization Mission", "Stabilisation Mission"),
        ("UN Development Programme", "UN Development Program"),
        ("MINISTRY OF DEFENCE", "MINISTRY OF DEFENSE"),
        ("Hezbollah", "Hezbollah"),
    ],
)
def test_other_spelling_swaps_british_and_american_forms(name: str, respelled: str) -> None:
    assert other_spelling(name) == respelled


def test_an_alias_is_indexed_in_both_spellings() -> None:
    index = AliasIndex.build([Entity(id="dia", type="ORG", name="Defense Intelligence Agency")])
    assert {"Defense Intelligence Agency", "Defence Intelligence Agency"} <= set(index.alias_text)


def test_entity_table_is_lazy_and_equal(builtin_entities: list[Entity]) -> None:
    table = EntityTable.from_entities(builtin_entities)
    copy = pickle.loads(pickle.dumps(table))
    assert all(entity is None for entity in copy._built)
    assert copy[5] == builtin_entities[5]
    assert copy[5] is copy[5]
    assert copy[-1] == builtin_entities[-1]
    assert copy[2:4] == builtin_entities[2:4]
    assert list(copy) == builtin_entities
    assert len(copy) == len(builtin_entities)


def test_entity_table_columns_must_agree() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        EntityTable(["a", "b"], ["PER"], ["A", "B"], [(), ()])


def test_gazetteer_keeps_the_last_entity_of_an_id_in_first_place() -> None:
    first, other, again = (
        Entity(id="x", type="PER", name="First"),
        Entity(id="y", type="ORG", name="Other"),
        Entity(id="x", type="PER", name="Again"),
    )
    gazetteer = Gazetteer([first, other, again])
    assert [e.name for e in gazetteer] == ["Again", "Other"]
    assert gazetteer["x"] == again
    assert gazetteer.get("z") is None
    assert "y" in gazetteer and "z" not in gazetteer
    assert gazetteer.index.entities[gazetteer.index.by_id["y"]] == other


# -- reading files --------------------------------------------------------------------


def test_yaml_files_keep_the_path_order(tmp_path: Path) -> None:
    for relative in ("a/x.yml", "a-b/x.yml", "a.yml", "_control.yml", ".hidden/z.yml", "b/c/d.yml", "b/notes.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("")
    expected = sorted(p for p in tmp_path.rglob("*.yml") if not p.name.startswith("_"))
    assert yaml_files(tmp_path) == expected
    root = builtin_data_dir()
    assert yaml_files(root) == sorted(p for p in root.rglob("*.yml") if not p.name.startswith("_"))


def read_rows_one_by_one(path: Path) -> list[Entity]:
    """The table read row by row: each row appended as a table of its own to the rows before."""
    lines = path.read_text(encoding="utf-8").splitlines()
    merged: list[Entity] = []
    for number, line in enumerate(lines[1:]):
        single = path.with_name(f"row{number}.tsv")
        single.write_text(f"{lines[0]}\n{line}\n", encoding="utf-8")
        merged = merge_entities(merged, read_table_entities(single)[0])
    return merged


@pytest.mark.parametrize(
    "rows",
    [
        [("id", "name"), ("p1", " Abu Bakr "), ("p2", "Ṣanʿāʾ"), ("p3", "Ṣanʿāʾ"), ("p4", "Sana\u0301")],
        [("id", "name", "type"), ("p1", "Abu Bakr", "per"), ("p2", "Hamas", ""), ("p3", "Gaza", " LOC ")],
        [("id", "name", "canonical"), ("p1", "Abu Bakr", ""), ("p2", "Hamas", "Harakat Hamas"), ("p3", "Xu", " ")],
    ],
)
def test_table_read_by_columns_equals_row_by_row(tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    path = write_tsv(tmp_path / "names.tsv", rows)
    table, problems = read_table(path)
    assert problems == []
    assert all(entity is None for entity in table._built)  # the column-wise reading made no objects
    for entity, expected in zip(table, read_rows_one_by_one(path), strict=True):
        assert entity == expected
        assert entity.source == str(path)


def test_table_with_repeated_ids_groups_names(tmp_path: Path) -> None:
    path = write_tsv(
        tmp_path / "names.tsv",
        [
            ("id", "name", "type", "canonical"),
            ("p1", "Abu Bakr", "PER", ""),
            ("p2", "Hamas", "ORG", ""),
            ("p1", "Abu Bakr al-Baghdadi", "ORG", "Abu Bakr al-Baghdadi"),
            ("p1", "Abu Bakr", "PER", "Ignored"),
        ],
    )
    entities, problems = read_table_entities(path)
    assert problems == []
    assert entities == [
        Entity(id="p1", type="PER", name="Abu Bakr al-Baghdadi", strong=("Abu Bakr",)),
        Entity(id="p2", type="ORG", name="Hamas"),
    ]


def test_table_problems_name_their_rows(tmp_path: Path) -> None:
    path = write_tsv(
        tmp_path / "names.tsv",
        [
            ("id", "name", "type"),
            ("p1", "Abu Bakr", "PER"),
            ("", "Nobody", "PER"),
            ("p2", "", "PER"),
            ("p3", "X Y", "CITY"),
        ],
    )
    entities, problems = read_table_entities(path)
    assert [e.id for e in entities] == ["p1"]
    assert problems == [
        f"{path}: row 3: id is empty",
        f"{path}: row 4: name is empty (id 'p2')",
        f"{path}: row 5: type 'CITY' is not one of PER, ORG, LOC, MISC",
    ]
    with pytest.raises(GazetteerError):
        Gazetteer.load(path, builtin=False)


def test_user_table_merges_into_builtin(tmp_path: Path, builtin_entities: list[Entity]) -> None:
    path = write_tsv(
        tmp_path / "extra.tsv", [("id", "name"), ("saif-al-adel", "Saif Test Spelling"), ("new-one", "Qwzx Plth")]
    )
    gazetteer = Gazetteer.load(path)
    assert gazetteer["saif-al-adel"].strong[-1] == "Saif Test Spelling"
    assert gazetteer["new-one"].name == "Qwzx Plth"
    assert [e.id for e in gazetteer] == [e.id for e in builtin_entities] + ["new-one"]
    assert gazetteer.index.by_id["new-one"] == len(builtin_entities)


# -- the cache ------------------------------------------------------------------------


def test_cache_round_trip_gives_an_equal_index(own_cache: Path) -> None:
    built = Gazetteer.load(FIXTURE_GAZETTEER, builtin=False).index
    files = list(own_cache.glob(f"*{cache.SUFFIX}"))
    assert len(files) == 1
    cache._memory.clear()
    loaded = Gazetteer.load(FIXTURE_GAZETTEER, builtin=False).index
    assert loaded is not built
    assert index_fields(loaded) == index_fields(built)
    assert list(loaded.entities) == list(built.entities)
    assert list(own_cache.glob(f"*{cache.SUFFIX}")) == files


def test_cache_is_rebuilt_when_a_data_file_changes(tmp_path: Path, own_cache: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    record = folder / "qwzx-group.yml"
    record.write_text("id: qwzx-group\ntype: ORG\nkind: armed-group\nname: Qwzx Group\n", encoding="utf-8")
    table = write_tsv(tmp_path / "names.tsv", [("id", "name"), ("p1", "Plth Vrnk")])
    first = Gazetteer.load(folder, table, builtin=False)
    assert first["qwzx-group"].strong == ()

    record.write_text(
        "id: qwzx-group\ntype: ORG\nkind: armed-group\nname: Qwzx Group\naliases:\n  strong:\n  - Qwzx Front\n",
        encoding="utf-8",
    )
    cache._memory.clear()
    second = Gazetteer.load(folder, table, builtin=False)
    assert second["qwzx-group"].strong == ("Qwzx Front",)
    assert "Qwzx Front" in second.index.alias_text

    write_tsv(table, [("id", "name"), ("p1", "Plth Vrnk"), ("p1", "Plth Vrnkk")])
    os.utime(table, ns=(1, 1))  # even with an older time stamp
    third = Gazetteer.load(folder, table, builtin=False)
    assert third["p1"].strong == ("Plth Vrnkk",)
    assert len(list(own_cache.glob(f"*{cache.SUFFIX}"))) == 3


def test_cache_key_stamps_the_files_the_loader_reads(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/x.yml", "a/b/y.yml", "_allow.yml", "a/notes.txt"):
        (tmp_path / name).write_text("")
    (tmp_path / "a" / "gone.yml").symlink_to(tmp_path / "nowhere.yml")
    for root in (builtin_data_dir(), FIXTURE_GAZETTEER, tmp_path):
        stamps = cache._folder_stamps(str(root))
        assert sorted(os.path.join(folder, name) for folder, name, _, _ in stamps) == sorted(yaml_file_names(root))


def test_cache_key_covers_the_builtin_data_folder() -> None:
    assert Path(cache._BUILTIN_DATA) == builtin_data_dir()


def test_cache_key_covers_the_inputs(tmp_path: Path, own_cache: Path) -> None:
    table = write_tsv(tmp_path / "names.tsv", [("id", "name"), ("p1", "Plth Vrnk")])
    keys = {
        cache.content_hash((), True),
        cache.content_hash((str(table),), True),
        cache.content_hash((str(table),), False),
        cache.content_hash((str(FIXTURE_GAZETTEER),), False),
    }
    assert len(keys) == 4
    assert cache.content_hash((str(table),), False) == cache.content_hash((str(table),), False)


@pytest.mark.parametrize("damage", [b"", b"not an index at all", "truncate", "other-key", "other-object", "no-field"])
def test_damaged_cache_file_is_ignored_and_rebuilt(own_cache: Path, damage: bytes | str) -> None:
    expected = index_fields(Gazetteer.load(FIXTURE_GAZETTEER, builtin=False).index)
    (path,) = own_cache.glob(f"*{cache.SUFFIX}")
    good = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(good[: len(good) // 2])
    elif damage == "other-key":
        path.write_bytes(marshal.dumps((cache._FORMAT, "0" * 32, *marshal.loads(good)[2:])))
    elif damage == "other-object":
        path.write_bytes(marshal.dumps({"hello": "world"}))
    elif damage == "no-field":
        _, key, state, tables = marshal.loads(good)
        del state["alias_joined"]
        path.write_bytes(marshal.dumps((cache._FORMAT, key, state, tables)))
    else:
        assert isinstance(damage, bytes)
        path.write_bytes(damage)
    cache._memory.clear()
    gazetteer = Gazetteer.load(FIXTURE_GAZETTEER, builtin=False)
    assert index_fields(gazetteer.index) == expected
    assert cache.read_cache(path, path.stem) is not None  # rewritten whole


def test_unwritable_cache_folder_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CANONYM_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(cache, "_memory", {})
    gazetteer = Gazetteer.load(FIXTURE_GAZETTEER, builtin=False)
    assert len(gazetteer.index) > 0


def test_builtin_load_imports_neither_polars_nor_the_reader_when_warm(own_cache: Path) -> None:
    code = (
        "import sys, canonym\n"
        "r = canonym.Resolver(canonym.Gazetteer.builtin())\n"
        "r.resolve('Sayf al-Adl')\n"
        "print('polars' in sys.modules, 'canonym.gazetteer.load' in sys.modules)\n"
    )
    outputs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        for _ in range(2)
    ]
    # Cold, the data files are read; warm, not even the reading code is imported.
    assert outputs == ["False True", "False False"]


def test_read_yaml_entities_unchanged_by_table(builtin_entities: list[Entity]) -> None:
    found, problems = read_yaml_entities(yaml_files(builtin_data_dir()))
    assert problems == []
    assert found == builtin_entities
