"""Reading gazetteer files: the built-in YAML records and user tables.

Built-in format: one YAML file per entity under ``data/<per|org|loc|misc>/<id>.yml``.
User gazetteers may be files or folders in that format, or tables (CSV, TSV, Parquet,
JSONL/NDJSON) with at least ``id`` and ``name`` columns, one row per known name, and
optional ``type`` and ``canonical`` columns.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path

import yaml

from canonym.errors import GazetteerError, InputError
from canonym.gazetteer.model import TYPES, Entity, EntityTable
from canonym.gazetteer.spec import MAX_NAME_LENGTH, SLUG, name_length_problem, validate_record
from canonym.tables import TABLE_SUFFIXES, read_columns

YAML_SUFFIXES = frozenset({".yml", ".yaml"})
_TYPE_SET = frozenset(TYPES)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def builtin_data_dir() -> Path:
    """The folder of the built-in gazetteer's YAML records."""
    return Path(str(resources.files("canonym.gazetteer").joinpath("data")))


def yaml_files(root: Path) -> list[Path]:
    """Entity files under ``root`` in a stable order (``_*.yml`` control files excluded)."""
    return [Path(p) for p in yaml_file_names(root)]


def yaml_file_names(root: str | Path) -> list[str]:
    """:func:`yaml_files` as strings, in the same order (sorted by path components).

    Walks with ``os.scandir``: sorting thousands of ``Path`` objects cost more than a warm
    load may take.
    """
    top = str(Path(root))
    found: list[tuple[tuple[str, ...], str]] = []
    for folder, subfolders, files in os.walk(top):
        subfolders.sort()
        parts = () if folder == top else tuple(os.path.relpath(folder, top).split(os.sep))
        for name in files:
            if name.endswith(".yml") and not name.startswith("_"):
                found.append(((*parts, name), os.path.join(folder, name)))
    found.sort()
    return [path for _, path in found]


def read_yaml_entity(path: Path, *, check_location: bool = True) -> tuple[Entity | None, list[str]]:
    """Read and validate one entity file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]
    try:
        data = parse_block_yaml(text)
        if data is None:
            data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [f"{where}: YAML syntax error: {problem}"]
    stem = path.stem if check_location else None
    folder = path.parent.name if check_location and path.parent.name in ("per", "org", "loc", "misc") else None
    return validate_record(data, str(path), text, stem, folder)


# -- a reader for the plain block YAML of the data files ----------------------------------
#
# Constructing PyYAML's node tree in Python was three quarters of reading the built-in data.
# Nearly every file is plain block YAML (the canonical form of ``gazetteer fmt``); this reads
# that subset line by line and gives up (returns None, and PyYAML reads the file) on anything
# else: flow style, double quotes, comments after a value, anchors, multi-line scalars, or a
# plain scalar that YAML would read as something other than text (``yes``, ``12``, ``null``).
# A test holds the result equal to PyYAML's on every data file.

# Characters YAML reads as other than text (tabs, \r and other line breaks, controls, a BOM,
# surrogates, non-characters): a file holding any of them is left to PyYAML.
_NOT_PLAIN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_STR_TAG = "tag:yaml.org,2002:str"
_resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve
# First characters for which YAML may read a plain scalar as something else than text.
_IMPLICIT: dict[str | None, object] = yaml.resolver.Resolver.yaml_implicit_resolvers
_MAYBE_NOT_TEXT = frozenset(k for k in _IMPLICIT if k) if None not in _IMPLICIT else None
_Block = dict[str, object] | list[object] | str | None


class _Unsure(Exception):
    """The text is outside the subset: PyYAML reads it."""


def parse_block_yaml(text: str) -> dict[str, object] | None:
    """The mapping a plain block-YAML document holds, or None when PyYAML must read it."""
    if _NOT_PLAIN.search(text):
        return None
    lines: list[tuple[int, str]] = []
    for line in text.split("\n"):
        content = line.lstrip(" ")
        if content and not content.startswith("#"):
            lines.append((len(line) - len(content), content.rstrip(" ")))
    if not lines or lines[0][0] != 0:
        return None
    try:
        data, end = _block_mapping(lines, 0, 0)
    except _Unsure:
        return None
    return data if end == len(lines) else None


def _block_mapping(lines: list[tuple[int, str]], at: int, indent: int) -> tuple[dict[str, object], int]:
    mapping: dict[str, object] = {}
    while at < len(lines) and lines[at][0] == indent and not _is_item(lines[at][1]):
        content = lines[at][1]
        key, colon, rest = content.partition(":")
        if not colon or (rest and not rest.startswith(" ")) or not _KEY.fullmatch(key):
            raise _Unsure
        _plain(key)
        at += 1
        value: _Block = None
        if rest:
            value = _scalar(rest.lstrip(" "))
        elif at < len(lines):
            next_indent, next_content = lines[at]
            if _is_item(next_content) and next_indent >= indent:
                value, at = _block_sequence(lines, at, next_indent)
            elif next_indent > indent:
                value, at = _block_mapping(lines, at, next_indent)
        mapping[key] = value
    return mapping, at


def _block_sequence(lines: list[tuple[int, str]], at: int, indent: int) -> tuple[list[object], int]:
    sequence: list[object] = []
    while at < len(lines) and lines[at][0] == indent and _is_item(lines[at][1]):
        content = lines[at][1]
        if not content.startswith("- "):
            raise _Unsure
        sequence.append(_scalar(content[2:].lstrip(" ")))
        at += 1
    return sequence, at


def _is_item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


def _scalar(text: str) -> str:
    if text.startswith("'"):
        inner = text[1:-1]
        if len(text) < 2 or not text.endswith("'") or "'" in inner.replace("''", ""):
            raise _Unsure
        return inner.replace("''", "'")
    return _plain(text)


def _plain(text: str) -> str:
    if not text or text[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text or " #" in text or text.endswith(":"):
        raise _Unsure
    if (_MAYBE_NOT_TEXT is None or text[0] in _MAYBE_NOT_TEXT) and _resolve(
        yaml.ScalarNode, text, (True, False)
    ) != _STR_TAG:
        raise _Unsure
    return text


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


def read_table(path: Path) -> tuple[EntityTable, list[str]]:
    """Read a user gazetteer table: one row per known name, grouped by ``id``.

    The first row of an id gives its type; the first non-empty ``canonical`` its display
    name (else its first name); its other names, in order and without repeats, are strong.
    """
    try:
        header, columns = read_columns(path, ("id", "name", "type", "canonical"))
    except InputError as exc:
        return EntityTable([], [], [], []), [str(exc)]
    missing = [c for c in ("id", "name") if c not in header]
    if missing:
        found = ", ".join(header)
        return EntityTable([], [], [], []), [
            f"{path}: missing column(s) {', '.join(missing)}; a gazetteer table needs 'id' and 'name' (found: {found})"
        ]
    raw_ids, raw_names = columns["id"], columns["name"]
    raw_types, raw_canonicals = columns.get("type"), columns.get("canonical")
    count = len(raw_ids)
    simple = _one_row_per_entity(str(path), raw_ids, raw_names, raw_types, raw_canonicals)
    if simple is not None:
        return simple, []
    if raw_types is None:
        raw_types = [None] * count
    if raw_canonicals is None:
        raw_canonicals = [None] * count
    problems: list[str] = []
    position: dict[str, int] = {}
    ids: list[str] = []
    types: list[str] = []
    names: list[list[str]] = []
    canonicals: list[str | None] = []
    rows = zip(raw_ids, raw_names, raw_types, raw_canonicals, strict=True)
    for row_number, (raw_id, raw_name, raw_type, raw_canonical) in enumerate(rows, start=2):
        entity_id = "" if raw_id is None else _text(raw_id).strip()
        if not entity_id:
            problems.append(f"{path}: row {row_number}: id is empty")
            continue
        name = "" if raw_name is None else _text(raw_name).strip()
        if not name:
            problems.append(f"{path}: row {row_number}: name is empty (id {raw_id!r})")
            continue
        length = name_length_problem(name)
        if length is not None:
            problems.append(f"{path}: row {row_number}: name {length} (id {raw_id!r})")
            continue
        etype = (_text(raw_type).strip().upper() if raw_type else "") or "MISC"
        if etype not in TYPES:
            problems.append(f"{path}: row {row_number}: type {etype!r} is not one of {', '.join(TYPES)}")
            continue
        name = _nfc(name)
        at = position.get(entity_id)
        if at is None:
            position[entity_id] = len(ids)
            ids.append(entity_id)
            types.append(etype)
            names.append([name])
            canonicals.append(_nfc(_text(raw_canonical).strip()) if raw_canonical else None)
            continue
        known = names[at]
        if name not in known:
            known.append(name)
        if raw_canonical and canonicals[at] is None:
            canonicals[at] = _nfc(_text(raw_canonical).strip())
    display = [canonical or known[0] for canonical, known in zip(canonicals, names, strict=True)]
    strong = [
        () if len(known) == 1 and known[0] == shown else tuple(n for n in known if n != shown)
        for shown, known in zip(display, names, strict=True)
    ]
    return EntityTable(ids, types, display, strong, source=[str(path)] * len(ids)), problems


def _one_row_per_entity(
    source: str,
    raw_ids: list[object],
    raw_names: list[object],
    raw_types: list[object] | None,
    raw_canonicals: list[object] | None,
) -> EntityTable | None:
    """:func:`read_table` for the common table, a valid text row per entity, column by column.

    ``None`` when the table is not that (a repeated id, an empty or non-text cell, a bad type):
    the row-by-row reading then groups names and reports problems.
    """
    ids = [x.strip() for x in raw_ids if isinstance(x, str)]
    names = [x.strip() for x in raw_names if isinstance(x, str)]
    if len(ids) != len(raw_ids) or len(names) != len(raw_names) or "" in ids:
        return None
    if names and not 2 <= min(map(len, names)) <= max(map(len, names)) <= MAX_NAME_LENGTH:
        return None  # an empty, one-character or overlong name: reported row by row
    if len(set(ids)) != len(ids):
        return None
    if raw_types is None:
        types = ["MISC"] * len(ids)
    else:
        types = [(_text(t).strip().upper() if t else "") or "MISC" for t in raw_types]
        if not _TYPE_SET.issuperset(types):
            return None
    names = [n if n.isascii() else unicodedata.normalize("NFC", n) for n in names]
    if raw_canonicals is None:
        return EntityTable(ids, types, names, [()] * len(ids), source=[source] * len(ids))
    shown = [(_nfc(_text(c).strip()) if c else "") or n for c, n in zip(raw_canonicals, names, strict=True)]
    strong: list[tuple[str, ...]] = [() if s == n else (n,) for s, n in zip(shown, names, strict=True)]
    return EntityTable(ids, types, shown, strong, source=[source] * len(ids))


def _text(value: object) -> str:
    return value if isinstance(value, str) else str(value)


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def read_table_entities(path: Path) -> tuple[list[Entity], list[str]]:
    """Read a user gazetteer table (see :func:`read_table`) as a list of entities."""
    table, problems = read_table(path)
    return list(table), problems


def read_path(path: Path) -> tuple[list[Entity], list[str]]:
    """Read one user gazetteer path: a table, a YAML record, or a folder of records."""
    table, problems = read_path_table(path)
    return list(table), problems


def read_path_table(path: Path) -> tuple[EntityTable, list[str]]:
    """Like :func:`read_path`, as an :class:`EntityTable` (a table file is never made into objects)."""
    if path.is_dir():
        found, problems = read_yaml_entities(yaml_files(path))
        # Two records of one folder with the same id would be merged into one entity of the
        # first one's type: refuse them, as the built-in data's are refused.
        return EntityTable.from_entities(found), problems + duplicate_id_problems(found)
    if not path.exists():
        return EntityTable([], [], [], []), [f"{path}: no such file or folder"]
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return read_table(path)
    if suffix in YAML_SUFFIXES:
        found, problems = read_yaml_entities([path], check_location=False)
        return EntityTable.from_entities(found), problems
    return EntityTable([], [], [], []), [
        f"{path}: unknown gazetteer format {suffix!r}; use .csv, .tsv, .parquet, .jsonl or .yml"
    ]


def merge_entities(base: list[Entity], extra: list[Entity]) -> list[Entity]:
    """Merge user entities into ``base``: same id adds names, new ids are appended."""
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


def merge_tables(base: EntityTable, extra: EntityTable) -> EntityTable:
    """:func:`merge_entities` for tables; only entities whose names change are made into objects."""
    ids = set(base.ids)
    if len(ids) == len(base) and ids.isdisjoint(extra.ids) and len(set(extra.ids)) == len(extra):
        return base.concat(extra)
    return EntityTable.from_entities(merge_entities(list(base), list(extra)))


def load_table(paths: Iterable[str | Path] = (), *, builtin: bool = True) -> EntityTable:
    """Load the built-in records (unless ``builtin`` is False) and the given user files.

    Raises:
        GazetteerError: with every problem found, when any file is bad.
    """
    table = EntityTable([], [], [], [])
    problems: list[str] = []
    if builtin:
        found, bad = read_yaml_entities(yaml_files(builtin_data_dir()))
        problems.extend(bad + duplicate_id_problems(found))
        table = EntityTable.from_entities(found)
    for raw in paths:
        extra, bad = read_path_table(Path(raw))
        problems.extend(bad)
        table = merge_tables(table, extra)
    if problems:
        raise GazetteerError(problems)
    return table


def load_entities(paths: Iterable[str | Path] = (), *, builtin: bool = True) -> list[Entity]:
    """:func:`load_table` as a list of entities."""
    return list(load_table(paths, builtin=builtin))


def duplicate_id_problems(entities: list[Entity]) -> list[str]:
    """One problem per entity whose id an earlier entity already uses (``path:line: id: ...``,
    as the lint words it)."""
    seen: dict[str, str] = {}
    problems = []
    for entity in entities:
        first = seen.get(entity.id)
        if first is None:
            seen[entity.id] = entity.source
        else:
            problems.append(
                f"{_at_id_line(entity.source)}: id: {entity.id!r} is also the id of {first}; ids must be unique"
            )
    return problems


def _at_id_line(path: str) -> str:
    """``path:line`` of the record's top-level ``id:`` key (``path`` alone when not found)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return path
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("id:"):
            return f"{path}:{number}"
    return path


def is_slug(value: str) -> bool:
    """Whether ``value`` is a valid entity id."""
    return SLUG.match(value) is not None
