"""Reading gazetteer files: the built-in YAML records and user tables.

Built-in format: one YAML file per entity under ``data/<per|org|loc|misc>/<id>.yml``.
User gazetteers may be files or folders in that format, or tables (CSV, TSV, Parquet,
JSONL/NDJSON) with at least ``id`` and ``name`` columns, one row per known name, and
optional ``type`` and ``canonical`` columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml

from canonym.errors import GazetteerError, InputError
from canonym.gazetteer.model import TYPES, Entity
from canonym.gazetteer.spec import SLUG, validate_record
from canonym.tables import TABLE_SUFFIXES, read_table

YAML_SUFFIXES = frozenset({".yml", ".yaml"})
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def builtin_data_dir() -> Path:
    """The folder of the built-in gazetteer's YAML records."""
    return Path(str(resources.files("canonym.gazetteer").joinpath("data")))


def yaml_files(root: Path) -> list[Path]:
    """Entity files under ``root`` in a stable order (``_*.yml`` control files excluded)."""
    return sorted(p for p in root.rglob("*.yml") if not p.name.startswith("_"))


def read_yaml_entity(path: Path, *, check_location: bool = True) -> tuple[Entity | None, list[str]]:
    """Read and validate one entity file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [f"{where}: YAML syntax error: {problem}"]
    stem = path.stem if check_location else None
    folder = path.parent.name if check_location and path.parent.name in ("per", "org", "loc", "misc") else None
    return validate_record(data, str(path), text, stem, folder)


def read_yaml_entities(paths: Iterable[Path], *, check_location: bool = True) -> tuple[list[Entity], list[str]]:
    """Read many entity files; collect every problem."""
    entities: list[Entity] = []
    problems: list[str] = []
    for path in paths:
        entity, found = read_yaml_entity(path, check_location=check_location)
        problems.extend(found)
        if entity is not None:
            entities.append(entity)
    return entities, problems


def read_table_entities(path: Path) -> tuple[list[Entity], list[str]]:
    """Read a user gazetteer table: one row per known name, grouped by ``id``."""
    try:
        frame = read_table(path)
    except InputError as exc:
        return [], [str(exc)]
    missing = [c for c in ("id", "name") if c not in frame.columns]
    if missing:
        return [], [f"{path}: missing column(s) {', '.join(missing)}; a gazetteer table needs 'id' and 'name' (found: {', '.join(frame.columns)})"]
    problems: list[str] = []
    grouped: dict[str, dict[str, object]] = {}
    columns = [c for c in ("id", "name", "type", "canonical") if c in frame.columns]
    for row_number, row in enumerate(frame.select(columns).iter_rows(named=True), start=2):
        raw_id, raw_name = row.get("id"), row.get("name")
        if raw_id is None or str(raw_id).strip() == "":
            problems.append(f"{path}: row {row_number}: id is empty")
            continue
        if raw_name is None or str(raw_name).strip() == "":
            problems.append(f"{path}: row {row_number}: name is empty (id {raw_id!r})")
            continue
        entity_id = str(raw_id).strip()
        name = unicodedata.normalize("NFC", str(raw_name).strip())
        etype = str(row.get("type") or "").strip().upper() or "MISC"
        if etype not in TYPES:
            problems.append(f"{path}: row {row_number}: type {etype!r} is not one of {', '.join(TYPES)}")
            continue
        record = grouped.setdefault(entity_id, {"names": [], "type": etype, "canonical": None})
        names = record["names"]
        assert isinstance(names, list)
        if name not in names:
            names.append(name)
        canonical = row.get("canonical")
        if canonical and record["canonical"] is None:
            record["canonical"] = unicodedata.normalize("NFC", str(canonical).strip())
    entities = []
    for entity_id, record in grouped.items():
        names = record["names"]
        assert isinstance(names, list)
        canonical = record["canonical"] or names[0]
        assert isinstance(canonical, str)
        entities.append(
            Entity(
                id=entity_id,
                type=str(record["type"]),
                name=canonical,
                kind="",
                strong=tuple(n for n in names if n != canonical),
                source=str(path),
            )
        )
    return entities, problems


def read_path(path: Path) -> tuple[list[Entity], list[str]]:
    """Read one user gazetteer path: a table, a YAML record, or a folder of records."""
    if path.is_dir():
        return read_yaml_entities(yaml_files(path))
    if not path.exists():
        return [], [f"{path}: no such file or folder"]
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return read_table_entities(path)
    if suffix in YAML_SUFFIXES:
        return read_yaml_entities([path], check_location=False)
    return [], [f"{path}: unknown gazetteer format {suffix!r}; use .csv, .tsv, .parquet, .jsonl or .yml"]


def merge_entities(base: list[Entity], extra: list[Entity]) -> list[Entity]:
    """Merge user entities into ``base``: same id adds names, new ids are appended."""
    from dataclasses import replace

    merged = {e.id: e for e in base}
    for entity in extra:
        old = merged.get(entity.id)
        if old is None:
            merged[entity.id] = entity
            continue
        known = {old.name, *old.strong, *old.weak}
        new_names = [n for n in (entity.name, *entity.strong) if n not in known]
        merged[entity.id] = replace(old, strong=old.strong + tuple(new_names))
    return list(merged.values())


def load_entities(paths: Iterable[str | Path] = (), *, builtin: bool = True) -> list[Entity]:
    """Load the built-in records (unless ``builtin`` is False) and the given user files.

    Raises:
        GazetteerError: with every problem found, when any file is bad.
    """
    entities: list[Entity] = []
    problems: list[str] = []
    if builtin:
        found, bad = read_yaml_entities(yaml_files(builtin_data_dir()))
        problems.extend(bad + duplicate_id_problems(found))
        entities.extend(found)
    for raw in paths:
        found, bad = read_path(Path(raw))
        problems.extend(bad)
        entities = merge_entities(entities, found)
    if problems:
        raise GazetteerError(problems)
    return entities


def duplicate_id_problems(entities: list[Entity]) -> list[str]:
    """One problem per entity whose id an earlier entity already uses."""
    seen: dict[str, str] = {}
    problems = []
    for entity in entities:
        if entity.id in seen:
            problems.append(f"{entity.source}: id: {entity.id!r} is also used by {seen[entity.id]}")
        seen.setdefault(entity.id, entity.source)
    return problems


def is_slug(value: str) -> bool:
    """Whether ``value`` is a valid entity id."""
    return SLUG.match(value) is not None
