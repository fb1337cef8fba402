"""Load-time validation of one entity record (the rules of ``entity.schema.json``).

Every problem in a record is collected, never only the first, as ``path:line: field:
message`` strings; the loader raises them together as one ``GazetteerError``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from canonym.gazetteer.model import TYPE_FOLDERS, TYPES, Entity

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
KIND = re.compile(r"^[a-z]+(-[a-z]+)*$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
UN_REF = re.compile(r"^[A-Z]{2}[ie]\.[0-9]{3}$")
FIELDS = frozenset(
    {"id", "type", "kind", "name", "aliases", "wikidata", "un_ref", "ids", "part_of",
     "description", "sources"}
)
REQUIRED = ("id", "type", "kind", "name")


def line_of(text: str, needle: str) -> int | None:
    """Return the 1-based line of the first line containing ``needle`` (for messages)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def _where(path: str, text: str, needle: str) -> str:
    line = line_of(text, needle) if needle else None
    return f"{path}:{line}" if line is not None else path


def _clean_name(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return unicodedata.normalize("NFC", value.strip())


def validate_record(
    data: Any, path: str, text: str, stem: str | None, folder: str | None
) -> tuple[Entity | None, list[str]]:
    """Check one parsed record; return the entity (None when unusable) and the problems.

    Args:
        data: the parsed YAML document.
        path: the file's path, used in messages.
        text: the file's text, used to find line numbers.
        stem: the file name without suffix (must equal ``id``), or None to skip the check.
        folder: the data folder name (must match ``type``), or None to skip the check.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        return None, [f"{path}: the file must hold one mapping (id: ..., name: ...), got {type(data).__name__}"]
    for key in data:
        if key not in FIELDS:
            problems.append(
                f"{_where(path, text, f'{key}:')}: {key}: unknown field {key!r}; "
                f"allowed: {', '.join(sorted(FIELDS))}"
            )
    for key in REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{path}: {key}: required text field is missing or empty")
    entity_id = data.get("id")
    if isinstance(entity_id, str):
        if not SLUG.match(entity_id):
            problems.append(f"{_where(path, text, 'id:')}: id: {entity_id!r} is not a slug (a-z, 0-9, single hyphens)")
        if stem is not None and entity_id != stem:
            problems.append(f"{_where(path, text, 'id:')}: id: {entity_id!r} must equal the file name {stem!r}")
    etype = data.get("type")
    if isinstance(etype, str):
        if etype not in TYPES:
            problems.append(f"{_where(path, text, 'type:')}: type: {etype!r} is not one of {', '.join(TYPES)}")
        elif folder is not None and TYPE_FOLDERS[etype] != folder:
            problems.append(
                f"{_where(path, text, 'type:')}: type: {etype!r} belongs in data/{TYPE_FOLDERS[etype]}/, not data/{folder}/"
            )
    kind = data.get("kind")
    if isinstance(kind, str) and not KIND.match(kind):
        problems.append(f"{_where(path, text, 'kind:')}: kind: {kind!r} must be lowercase words joined by hyphens")
    strong: list[str] = []
    weak: list[str] = []
    aliases = data.get("aliases", {})
    if aliases is None:
        aliases = {}
    if not isinstance(aliases, dict):
        problems.append(f"{_where(path, text, 'aliases:')}: aliases: must be a mapping with 'strong' and/or 'weak' lists")
        aliases = {}
    for key, value in aliases.items():
        if key not in ("strong", "weak"):
            problems.append(f"{_where(path, text, f'{key}:')}: aliases.{key}: unknown list; use 'strong' or 'weak'")
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(f"{_where(path, text, f'{key}:')}: aliases.{key}: must be a list of names")
            continue
        target = strong if key == "strong" else weak
        for item in value:
            name = _clean_name(item)
            if name is None:
                problems.append(f"{_where(path, text, str(item))}: aliases.{key}: {item!r} is not text (quote it)")
            elif len(name) < 2:
                problems.append(f"{_where(path, text, name)}: aliases.{key}: {name!r} is too short to be a name")
            elif name in target:
                problems.append(f"{_where(path, text, name)}: aliases.{key}: {name!r} is listed twice")
            else:
                target.append(name)
    name = _clean_name(data.get("name"))
    for alias in strong + weak:
        if alias == name:
            problems.append(f"{_where(path, text, alias)}: aliases: {alias!r} repeats the canonical name; remove it")
    for alias in set(strong) & set(weak):
        problems.append(f"{_where(path, text, alias)}: aliases: {alias!r} is both strong and weak")
    for key, pattern, what in (("wikidata", WIKIDATA, "a Q-id like Q794"),
                               ("un_ref", UN_REF, "a UN reference like QDi.001"),
                               ("part_of", SLUG, "an entity id")):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not pattern.match(value)):
            problems.append(f"{_where(path, text, f'{key}:')}: {key}: {value!r} is not {what}")
    ids = data.get("ids", {}) or {}
    if not isinstance(ids, dict) or not all(isinstance(v, (str, int)) for v in ids.values()):
        problems.append(f"{_where(path, text, 'ids:')}: ids: must map list names to id strings")
        ids = {}
    sources = data.get("sources", []) or []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        problems.append(f"{_where(path, text, 'sources:')}: sources: must be a list of text")
        sources = []
    description = data.get("description", "") or ""
    if not isinstance(description, str):
        problems.append(f"{_where(path, text, 'description:')}: description: must be text")
        description = ""
    if problems or name is None:
        return None, problems
    return (
        Entity(
            id=str(entity_id),
            type=str(etype),
            name=name,
            kind=str(kind),
            strong=tuple(strong),
            weak=tuple(weak),
            part_of=data.get("part_of"),
            un_ref=data.get("un_ref"),
            wikidata=data.get("wikidata"),
            description=description.strip(),
            ids=tuple(sorted((str(k), str(v)) for k, v in ids.items())),
            sources=tuple(sources),
            source=path,
        ),
        [],
    )
