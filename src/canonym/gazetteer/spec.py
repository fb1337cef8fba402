"""Load-time validation of one entity record (the rules of ``entity.schema.json``).

Every problem in a record is collected, never only the first, as ``path:line: field:
message`` strings, each once; the loader raises them together as one ``GazetteerError``.
Lines are found from the record's shape (a key at the start of a line, a ``- value`` item
under its list), keys written twice are problems (YAML would silently keep the last), and
values in messages are shortened (a YAML alias bomb prints as a few characters).
"""

from __future__ import annotations

import re
import reprlib
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
#: The longest name the gazetteer takes and the resolver looks up (characters): a longer
#: "name" is a pasted paragraph or a mangled cell. Loading refuses one; resolving one is NIL.
MAX_NAME_LENGTH = 500


def line_of(text: str, needle: str) -> int | None:
    """Return the 1-based line of the first line containing ``needle`` (for messages)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


class _ShortRepr(reprlib.Repr):
    """``reprlib`` with mappings in their written order (reprlib sorts the keys)."""

    def repr_dict(self, x: dict[object, object], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        shown = [f"{self.repr1(k, level - 1)}: {self.repr1(v, level - 1)}" for k, v in list(x.items())[: self.maxdict]]
        return "{" + ", ".join(shown) + (", ..." if len(x) > self.maxdict else "") + "}"


_SHOW = _ShortRepr()
_SHOW.maxlevel = 2
_SHOW.maxlist = _SHOW.maxtuple = _SHOW.maxdict = _SHOW.maxset = 4
_SHOW.maxstring = _SHOW.maxother = 80


def show(value: object) -> str:
    """A short ``repr`` for messages: a YAML alias bomb or a megabyte value stays one line."""
    return _SHOW.repr(value)


def name_length_problem(name: str) -> str | None:
    """Why ``name`` (trimmed) cannot be a name because of its length, or ``None``.

    One character is too short (it would match every capital "X"); more than
    :data:`MAX_NAME_LENGTH` characters is too long (the resolver never looks such a query up).
    """
    if len(name) < 2:
        return f"{show(name)} is too short to be a name"
    if len(name) > MAX_NAME_LENGTH:
        return f"{show(name)} has {len(name)} characters; a name has at most {MAX_NAME_LENGTH}"
    return None


def _field(key: object) -> str:
    """A key as the field part of a message, shortened."""
    if not isinstance(key, str):
        return show(key)
    return key if len(key) <= 40 else key[:37] + "..."


class _Lines:
    """Where keys and list items are in a record's text, for ``path:line`` in messages.

    Only the record's own shape is looked at: top-level keys start a line, the keys of
    ``aliases`` are indented under it, list items are ``- value`` lines. A value that is not
    found so (flow style, a multi-line scalar) falls back to the first line that holds it.
    """

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        #: (parent top-level key or "", key) -> line numbers where it is written.
        self.keys: dict[tuple[str, str], list[int]] = {}
        parent = ""
        for number, line in enumerate(self.lines, start=1):
            match = _KEY_LINE.match(line)
            if match is None:
                continue
            if not match.group("indent"):
                parent = match.group("key")
                self.keys.setdefault(("", parent), []).append(number)
            elif parent == "aliases":
                self.keys.setdefault((parent, match.group("key")), []).append(number)

    def key(self, key: object, parent: str = "") -> int | None:
        found = self.keys.get((parent, str(key)))
        return found[0] if found else None

    def item(self, value: object, parent: str, key: str, index: int | None = None) -> int | None:
        """The line of the list item ``value`` (the ``index``-th) under ``parent.key``."""
        start = self.key(key, parent)
        if start is not None:
            items = self._items_after(start)
            if index is not None and index < len(items):
                return items[index]
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                for number in items:
                    match = _ITEM_LINE.match(self.lines[number - 1])
                    if match is not None and _unquote(match.group("value")) == str(value).strip():
                        return number
        if isinstance(value, str) and len(value.strip()) > 1:
            found = line_of("\n".join(self.lines), value.strip())
            if found is not None:
                return found
        return start or self.key(parent)

    def _items_after(self, key_line: int) -> list[int]:
        """The lines of the block-sequence items that belong to the key on ``key_line``."""
        indent = len(self.lines[key_line - 1]) - len(self.lines[key_line - 1].lstrip(" "))
        items: list[int] = []
        for number in range(key_line + 1, len(self.lines) + 1):
            line = self.lines[number - 1]
            content = line.lstrip(" ")
            if not content or content.startswith("#"):
                continue
            depth = len(line) - len(content)
            if content == "-" or content.startswith("- "):
                if depth < indent:
                    break
                if not items or depth == self._depth(items[0]):
                    items.append(number)
            elif depth <= indent:
                break
        return items

    def _depth(self, number: int) -> int:
        line = self.lines[number - 1]
        return len(line) - len(line.lstrip(" "))

    def at(self, line: int | None) -> str:
        return f"{self.path}:{line}" if line is not None else self.path

    def duplicate_keys(self) -> list[str]:
        """YAML keeps the last of two equal keys silently; each repeat is a problem."""
        problems = []
        for (parent, key), numbers in self.keys.items():
            for number in numbers[1:]:
                name = f"{parent}.{key}" if parent else key
                problems.append(
                    f"{self.path}:{number}: {name}: given twice (first on line {numbers[0]}); "
                    "YAML would keep only the last, so merge them into one"
                )
        return problems


_KEY_LINE = re.compile(r"(?P<indent>[ ]*)(?P<key>[A-Za-z_][\w-]*)[ ]*:(?:[ ]|$)")
_ITEM_LINE = re.compile(r"[ ]*-[ ]+(?P<value>[^#]*?)[ ]*(?:[ ]#.*)?$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


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
        text: the file's text, used to find line numbers and keys given twice.
        stem: the file name without suffix (must equal ``id``), or None to skip the check.
        folder: the data folder name (must match ``type``), or None to skip the check.

    Every problem is one ``path:line: field: message`` string (the line when it is known),
    given once; values are shown shortened.
    """
    lines = _Lines(path, text)
    if not isinstance(data, dict):
        what = "an empty file" if data is None else f"a {type(data).__name__}"
        return None, [f"{path}: the file must hold one mapping (id: ..., name: ...), got {what}"]
    problems: list[str] = lines.duplicate_keys()

    def at_key(key: object, parent: str = "") -> str:
        return lines.at(lines.key(key, parent))

    for key in data:
        if key not in FIELDS:
            problems.append(
                f"{at_key(key)}: {_field(key)}: unknown field {show(key)}; "
                f"allowed: {', '.join(sorted(FIELDS))}"
            )
    for key in REQUIRED:
        value = data.get(key)
        if key not in data:
            problems.append(f"{path}: {key}: required text field is missing")
        elif not isinstance(value, str):
            what = "nothing" if value is None else f"{type(value).__name__} {show(value)}"
            problems.append(f"{at_key(key)}: {key}: must be text, got {what}")
        elif not value.strip():
            problems.append(f"{at_key(key)}: {key}: must not be empty")
        elif key == "name" and (length := name_length_problem(value.strip())) is not None:
            problems.append(f"{at_key(key)}: name: {length}")
    entity_id = data.get("id")
    if isinstance(entity_id, str):
        if not SLUG.match(entity_id):
            problems.append(f"{at_key('id')}: id: {show(entity_id)} is not a slug (a-z, 0-9, single hyphens)")
        if stem is not None and entity_id != stem:
            problems.append(f"{at_key('id')}: id: {show(entity_id)} must equal the file name {stem!r}")
    etype = data.get("type")
    if isinstance(etype, str):
        if etype not in TYPES:
            problems.append(f"{at_key('type')}: type: {show(etype)} is not one of {', '.join(TYPES)}")
        elif folder is not None and TYPE_FOLDERS[etype] != folder:
            problems.append(
                f"{at_key('type')}: type: {etype!r} belongs in data/{TYPE_FOLDERS[etype]}/, not data/{folder}/"
            )
    kind = data.get("kind")
    if isinstance(kind, str) and not KIND.match(kind):
        problems.append(f"{at_key('kind')}: kind: {show(kind)} must be lowercase words joined by hyphens")
    strong: list[str] = []
    weak: list[str] = []
    aliases = data.get("aliases", {})
    if aliases is None:
        aliases = {}
    if not isinstance(aliases, dict):
        problems.append(
            f"{at_key('aliases')}: aliases: must be a mapping with 'strong' and/or 'weak' lists, "
            f"got {type(aliases).__name__} {show(aliases)}"
        )
        aliases = {}
    for key, value in aliases.items():
        if key not in ("strong", "weak"):
            problems.append(f"{at_key(key, 'aliases')}: aliases.{_field(key)}: unknown list; use 'strong' or 'weak'")
            continue
        if value is None:
            continue
        if not isinstance(value, list):
            problems.append(
                f"{at_key(key, 'aliases')}: aliases.{key}: must be a list of names (one '- name' per line), "
                f"got {type(value).__name__} {show(value)}"
            )
            continue
        target = strong if key == "strong" else weak
        for index, item in enumerate(value):
            name = _clean_name(item)
            where = lines.at(lines.item(item, "aliases", key, index))
            if name is None:
                problems.append(f"{where}: aliases.{key}: {show(item)} is not text (quote it)")
            elif (length := name_length_problem(name)) is not None:
                problems.append(f"{where}: aliases.{key}: {length}")
            elif name in target:
                problems.append(f"{where}: aliases.{key}: {show(name)} is listed twice")
            else:
                target.append(name)
    name = _clean_name(data.get("name"))
    for alias in strong + weak:
        if alias == name:
            problems.append(f"{lines.at(lines.item(alias, 'aliases', 'strong' if alias in strong else 'weak'))}: aliases: {show(alias)} repeats the canonical name; remove it")
    for alias in sorted(set(strong) & set(weak)):
        problems.append(f"{lines.at(lines.item(alias, 'aliases', 'weak'))}: aliases: {show(alias)} is both strong and weak")
    for key, pattern, what in (("wikidata", WIKIDATA, "a Q-id like Q794"),
                               ("un_ref", UN_REF, "a UN reference like QDi.001"),
                               ("part_of", SLUG, "an entity id")):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not pattern.match(value)):
            problems.append(f"{at_key(key)}: {key}: {show(value)} is not {what}")
    ids = data.get("ids", {}) or {}
    if not isinstance(ids, dict) or not all(isinstance(v, (str, int)) for v in ids.values()):
        problems.append(f"{at_key('ids')}: ids: must map list names to id strings")
        ids = {}
    sources = data.get("sources", []) or []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        problems.append(f"{at_key('sources')}: sources: must be a list of text")
        sources = []
    description = data.get("description", "") or ""
    if not isinstance(description, str):
        problems.append(f"{at_key('description')}: description: must be text")
        description = ""
    problems = list(dict.fromkeys(problems))
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
