"""The canonical form of gazetteer data files (``canonym gazetteer fmt``).

Canonical form:

- top-level keys in the order ``id, type, kind, name, aliases, wikidata, un_ref, ids,
  part_of, description, sources`` (unknown keys follow in their original order, for the
  load-time validation to report);
- ``aliases`` holds ``strong`` then ``weak``; each list is trimmed, NFC, de-duplicated and
  sorted by :func:`canonym.fold` then by the raw string, so that an added alias is a one-line
  diff at a predictable place; empty lists are dropped;
- ``ids`` sorted by list name, ``sources`` de-duplicated in their original order;
- block style, mappings indented by 2 spaces and lists written ``- item`` at the indentation
  of their key (PyYAML's style, that of most of the data), UTF-8, no line wrapping;
- comments kept: a comment on its own line belongs to the key or list item below it, a
  comment at the end of a line belongs to that line's key or item, and both move with it
  when the aliases are sorted.

The files are parsed with PyYAML's composer, which gives each key and list item its position,
and the comments are read from the text around those positions; the result is checked to
load back to exactly the canonical data before it is returned, so formatting never changes
what a file means.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from canonym.errors import GazetteerError
from canonym.gazetteer.model import Entity
from canonym.normalize import fold

#: Top-level keys in canonical order.
KEY_ORDER = ("id", "type", "kind", "name", "aliases", "wikidata", "un_ref", "ids", "part_of", "description", "sources")
ALIAS_ORDER = ("strong", "weak")
_WIDTH = 2**31 - 1
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# -- the comment-carrying tree ----------------------------------------------------------


@dataclass(slots=True)
class _Scalar:
    value: Any


@dataclass(slots=True)
class _Map:
    items: list[_Item] = field(default_factory=list)


@dataclass(slots=True)
class _Seq:
    items: list[_Item] = field(default_factory=list)


_Value = _Scalar | _Map | _Seq


@dataclass(slots=True)
class _Item:
    """A mapping entry (``key`` set) or a list item, with the comments that belong to it."""

    value: _Value
    key: Any = None
    line: int = 0
    column: int = 0
    lead: list[str] = field(default_factory=list)
    eol: str | None = None

    @property
    def has_comments(self) -> bool:
        return bool(self.lead) or self.eol is not None


@dataclass(slots=True)
class _Document:
    root: _Map
    header: list[str]
    trailer: list[str]


def _parse(text: str) -> _Document:
    """Parse ``text`` into a tree whose keys and items carry their comments."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise GazetteerError([f"{where}YAML syntax error: {getattr(exc, 'problem', None) or exc}"]) from exc
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode):
        got = "an empty file" if node is None else f"a {type(node).__name__.removesuffix('Node').lower()}"
        raise GazetteerError([f"the file must hold one mapping (id: ..., name: ...), got {got}"])

    items: list[_Item] = []
    # Per line, the column after which no scalar or flow collection continues: a '#' past
    # it starts a comment, a '#' before it is part of a value.
    value_end: dict[int, int] = {}
    inside: set[int] = set()

    lines = text.splitlines()

    def note_extent(n: yaml.Node) -> None:
        start, end = n.start_mark, n.end_mark
        if end.line > start.line:
            # A multi-line value: its inner lines hold no comments, and its first line none
            # after its start (but a block scalar's header "|-" may be followed by one).
            inside.update(range(start.line + 1, end.line))
            if end.column > 0:
                inside.add(end.line)
            first = 1 << 30
            if isinstance(n, yaml.ScalarNode) and n.style in ("|", ">") and start.line < len(lines):
                header = re.match(r"[|>][-+0-9]*", lines[start.line][start.column :])
                first = start.column + (header.end() if header else 1)
            value_end[start.line] = max(value_end.get(start.line, 0), first)
            if end.column == 0:
                return
        value_end[end.line] = max(value_end.get(end.line, 0), end.column)

    def build(n: yaml.Node) -> _Value:
        if isinstance(n, yaml.ScalarNode):
            note_extent(n)
            return _Scalar(loader.construct_object(n, deep=True))
        if getattr(n, "flow_style", False):
            note_extent(n)
        if isinstance(n, yaml.MappingNode):
            mapping = _Map()
            for key_node, value_node in n.value:
                item = _Item(value=_Scalar(None), key=None, line=key_node.start_mark.line, column=key_node.start_mark.column)
                items.append(item)
                note_extent(key_node)
                item.key = loader.construct_object(key_node, deep=True)
                item.value = build(value_node)
                mapping.items.append(item)
            return mapping
        sequence = _Seq()
        for value_node in n.value:
            item = _Item(value=_Scalar(None), line=value_node.start_mark.line, column=value_node.start_mark.column)
            items.append(item)
            item.value = build(value_node)
            sequence.items.append(item)
        return sequence

    root = build(node)
    assert isinstance(root, _Map)
    header, trailer = _attach_comments(text, items, value_end, inside)
    return _Document(root, header, trailer)


def _attach_comments(
    text: str, items: list[_Item], value_end: dict[int, int], inside: set[int]
) -> tuple[list[str], list[str]]:
    ordered = sorted(items, key=lambda i: (i.line, i.column))
    first_on_line: dict[int, _Item] = {}
    for item in ordered:
        first_on_line.setdefault(item.line, item)
    header: list[str] = []
    trailer: list[str] = []
    cursor = 0  # index of the first item starting after the current line
    for number, line in enumerate(text.splitlines()):
        while cursor < len(ordered) and ordered[cursor].line <= number:
            cursor += 1
        if number in inside:
            continue
        stripped = line.strip()
        if stripped.startswith("#"):
            if cursor >= len(ordered):
                trailer.append(stripped)
            elif cursor == 0:
                header.append(stripped)
            else:
                ordered[cursor].lead.append(stripped)
            continue
        match = re.search(r"(?:^|\s)(#.*)$", line[value_end.get(number, 0) :])
        if match is None:
            continue
        comment = match.group(1).rstrip()
        owner = first_on_line.get(number) or (ordered[cursor - 1] if cursor > 0 else None)
        if owner is None:
            header.append(comment)
        elif owner.eol is None:
            owner.eol = comment
        else:
            owner.eol = f"{owner.eol} {comment}"
    return header, trailer


# -- canonical order ----------------------------------------------------------------------


def _clean_alias(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.strip())
    return value


def _alias_sort_key(item: _Item) -> tuple[int, str, str]:
    value = item.value.value if isinstance(item.value, _Scalar) else None
    if isinstance(value, str):
        return (0, fold(value), value)
    return (1, "", "")  # not text: kept after the names, in their order (sort is stable)


def _dedupe(items: list[_Item]) -> list[_Item]:
    """Drop exact repeats of a scalar item, keeping the first and every comment."""
    kept: dict[Any, _Item] = {}
    out: list[_Item] = []
    for item in items:
        value = item.value.value if isinstance(item.value, _Scalar) else None
        hashable = isinstance(value, str | int | float | bool)
        if not hashable or value not in kept:
            if hashable:
                kept[value] = item
            out.append(item)
            continue
        first = kept[value]
        first.lead.extend(item.lead)
        if item.eol is not None and item.eol != first.eol:
            if first.eol is None:
                first.eol = item.eol
            else:
                first.lead.append(item.eol)
    return out


def _is_empty(value: _Value) -> bool:
    if isinstance(value, _Scalar):
        return value.value is None or value.value == ""
    return not value.items


def _order(items: list[_Item], order: tuple[str, ...]) -> list[_Item]:
    rank = {k: i for i, k in enumerate(order)}
    return sorted(items, key=lambda i: rank.get(i.key, len(order)) if isinstance(i.key, str) else len(order))


def _canonicalize(doc: _Document) -> None:
    root = doc.root
    for item in root.items:
        if item.key == "name" and isinstance(item.value, _Scalar):
            item.value.value = _clean_alias(item.value.value)
        elif item.key == "aliases" and isinstance(item.value, _Map):
            lists = []
            for entry in item.value.items:
                if entry.key in ALIAS_ORDER and isinstance(entry.value, _Seq):
                    for alias in entry.value.items:
                        if isinstance(alias.value, _Scalar):
                            alias.value.value = _clean_alias(alias.value.value)
                    entry.value.items = sorted(_dedupe(entry.value.items), key=_alias_sort_key)
                if entry.key in ALIAS_ORDER and _is_empty(entry.value) and not entry.has_comments:
                    continue
                lists.append(entry)
            item.value.items = _order(lists, ALIAS_ORDER)
        elif item.key == "ids" and isinstance(item.value, _Map):
            item.value.items = sorted(item.value.items, key=lambda e: str(e.key))
        elif item.key == "sources" and isinstance(item.value, _Seq):
            item.value.items = _dedupe(item.value.items)
    root.items = [
        i for i in root.items
        if not (i.key == "aliases" and _is_empty(i.value) and not i.has_comments)
    ]
    root.items = _order(root.items, KEY_ORDER)


# -- emitting -----------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _scalar_text(value: str) -> str:
    return _dump_scalar(value)


def _scalar(value: Any) -> str:
    """One scalar as YAML on one line (cached for text: keys and sources repeat a lot)."""
    return _scalar_text(value) if type(value) is str else _dump_scalar(value)


def _dump_scalar(value: Any) -> str:
    """One scalar as YAML on one line, quoted only when it must be."""
    out = yaml.safe_dump(value, allow_unicode=True, width=_WIDTH)
    if out.endswith("\n...\n"):
        out = out[: -len("\n...\n")]
    out = out.rstrip("\n")
    if "\n" in out:
        # Line breaks inside the value: one double-quoted line with escapes.
        out = yaml.safe_dump(value, allow_unicode=True, width=_WIDTH, default_style='"').rstrip("\n")
    return out


def _with_eol(line: str, item: _Item) -> str:
    return f"{line}  {item.eol}" if item.eol is not None else line


def _emit_value_after(prefix: str, value: _Value, item: _Item, indent: int, out: list[str]) -> None:
    """Emit ``prefix`` (``key:`` or ``-``) followed by the value, nested below if needed."""
    if isinstance(value, _Scalar):
        # An empty mapping value stays "key:" (null), as people write it.
        text = prefix if value.value is None and prefix.endswith(":") else f"{prefix} {_scalar(value.value)}"
        out.append(_with_eol(text, item))
    elif not value.items:
        out.append(_with_eol(f"{prefix} {'{}' if isinstance(value, _Map) else '[]'}", item))
    elif isinstance(value, _Map):
        out.append(_with_eol(prefix, item))
        _emit_map(value, indent + 2, out)
    else:
        out.append(_with_eol(prefix, item))
        # Lists under a mapping key sit at the key's indentation; a list in a list is nested.
        _emit_seq(value, indent if prefix.endswith(":") else indent + 2, out)


def _emit_map(mapping: _Map, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in mapping.items:
        out.extend(pad + c for c in item.lead)
        _emit_value_after(f"{pad}{_scalar(item.key)}:", item.value, item, indent, out)


def _emit_seq(sequence: _Seq, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in sequence.items:
        out.extend(pad + c for c in item.lead)
        value = item.value
        if isinstance(value, _Map) and value.items:
            # "- key: value" with the rest of the mapping aligned under the first key.
            nested: list[str] = []
            _emit_map(value, indent + 2, nested)
            first = next(i for i, line in enumerate(nested) if not line.lstrip().startswith("#"))
            out.extend(nested[:first])
            out.append(_with_eol(f"{pad}- {nested[first][indent + 2:]}", item))
            out.extend(nested[first + 1 :])
        else:
            _emit_value_after(f"{pad}-", value, item, indent, out)


def _emit(doc: _Document) -> str:
    out: list[str] = list(doc.header)
    _emit_map(doc.root, 0, out)
    out.extend(doc.trailer)
    return "\n".join(out) + "\n"


def _data(value: _Value) -> Any:
    if isinstance(value, _Scalar):
        return value.value
    if isinstance(value, _Map):
        return {i.key: _data(i.value) for i in value.items}
    return [_data(i.value) for i in value.items]


# -- public API ---------------------------------------------------------------------------


def _render(doc: _Document) -> str:
    _canonicalize(doc)
    out = _emit(doc)
    if yaml.load(out, Loader=_Loader) != _data(doc.root):  # pragma: no cover - a bug here
        raise GazetteerError(["formatting would change the data; the file was left as it is"])
    return out


def format_text(text: str) -> str:
    """Return the canonical form of one entity file's text (see the module docstring).

    Args:
        text: the file's YAML text.

    Returns:
        The canonical text; equal to ``text`` when the file is already canonical.

    Raises:
        GazetteerError: when the text is not YAML holding one mapping.
    """
    return _render(_parse(text.removeprefix("\ufeff")))


def _entry(mapping: _Map, key: str) -> _Item | None:
    return next((i for i in mapping.items if i.key == key), None)


def _child(mapping: _Map, key: str, kind: type[_Map] | type[_Seq]) -> _Map | _Seq:
    """The collection under ``key``, created (or put in place of an empty value) if needed."""
    item = _entry(mapping, key)
    if item is None:
        item = _Item(value=kind(), key=key)
        mapping.items.append(item)
    elif not isinstance(item.value, kind):
        if not _is_empty(item.value):
            raise GazetteerError([f"{key}: expected a {'mapping' if kind is _Map else 'list'}; fix the file first"])
        item.value = kind()
    assert isinstance(item.value, _Map | _Seq)
    return item.value


def patch_text(
    text: str,
    *,
    strong: Sequence[str] = (),
    weak: Sequence[str] = (),
    missing: Mapping[str, str] | None = None,
    ids: Mapping[str, str] | None = None,
    sources: Sequence[str] = (),
) -> str:
    """Add names and fill empty fields of an entity file, keeping its comments (for importers).

    Nothing is removed or overwritten: ``strong`` and ``weak`` are appended to the alias
    lists, ``missing`` fields are set only where the file has none, ``ids`` entries only
    for lists the file does not name, ``sources`` only when not listed yet.

    Returns:
        The patched text in canonical form.
    """
    doc = _parse(text.removeprefix("\ufeff"))
    root = doc.root
    if strong or weak:
        aliases = _child(root, "aliases", _Map)
        assert isinstance(aliases, _Map)
        for tier, names in (("strong", strong), ("weak", weak)):
            if names:
                target = _child(aliases, tier, _Seq)
                target.items.extend(_Item(value=_Scalar(n)) for n in names)
    for key, value in (missing or {}).items():
        item = _entry(root, key)
        if item is None:
            root.items.append(_Item(value=_Scalar(value), key=key))
        elif _is_empty(item.value):
            item.value = _Scalar(value)
    if ids:
        table = _child(root, "ids", _Map)
        known = {i.key for i in table.items}
        table.items.extend(_Item(value=_Scalar(v), key=k) for k, v in ids.items() if k not in known)
    if sources:
        listed = _child(root, "sources", _Seq)
        present = {i.value.value for i in listed.items if isinstance(i.value, _Scalar)}
        listed.items.extend(_Item(value=_Scalar(s)) for s in sources if s not in present)
    return _render(doc)


def dump_entity(entity: Entity) -> str:
    """Render an entity as the canonical text of its data file (for importers).

    Args:
        entity: the entity; empty fields are left out.

    Returns:
        The YAML text of ``data/<folder>/<id>.yml``.
    """
    data: dict[str, Any] = {"id": entity.id, "type": entity.type, "kind": entity.kind, "name": entity.name}
    aliases: dict[str, list[str]] = {}
    if entity.strong:
        aliases["strong"] = list(entity.strong)
    if entity.weak:
        aliases["weak"] = list(entity.weak)
    if aliases:
        data["aliases"] = aliases
    optional: dict[str, Any] = {
        "wikidata": entity.wikidata,
        "un_ref": entity.un_ref,
        "ids": dict(entity.ids) or None,
        "part_of": entity.part_of,
        "description": entity.description or None,
        "sources": list(entity.sources) or None,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    return format_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=_WIDTH))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a failed write leaves the old file intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="\n", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as handle:
        handle.write(text)
    try:
        # Keep the old file's mode; a new file gets the usual one (temporary files are 0600).
        os.chmod(handle.name, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(handle.name, path)
    except OSError:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _files(paths: Iterable[str | Path] | None) -> list[Path]:
    from canonym.gazetteer.load import builtin_data_dir, yaml_files

    found: list[Path] = []
    for raw in [builtin_data_dir()] if paths is None else paths:
        path = Path(raw)
        found.extend(yaml_files(path) if path.is_dir() else [path])
    return found


def _formatted(paths: Iterable[str | Path] | None) -> tuple[list[tuple[Path, str]], list[str]]:
    """(path, canonical text) of every file not in canonical form, and the unreadable ones."""
    stale: list[tuple[Path, str]] = []
    problems: list[str] = []
    for path in _files(paths):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: cannot read the file: {exc}")
            continue
        try:
            canonical = format_text(text)
        except GazetteerError as exc:
            problems.extend(f"{path}: {p}" for p in exc.problems)
            continue
        if canonical != text:
            stale.append((path, canonical))
    return stale, problems


def check_paths(paths: Iterable[str | Path] | None = None) -> list[Path]:
    """Return the files that are not in canonical form (nothing is written).

    Args:
        paths: entity files or folders of them; the built-in data by default.

    Raises:
        GazetteerError: listing the files that cannot be parsed, after checking the others.
    """
    stale, problems = _formatted(paths)
    if problems:
        raise GazetteerError(problems)
    return [path for path, _ in stale]


def format_paths(paths: Iterable[str | Path] | None = None) -> list[Path]:
    """Rewrite files in canonical form, each atomically; return the files that changed.

    Args:
        paths: entity files or folders of them; the built-in data by default.

    Raises:
        GazetteerError: listing the files that cannot be parsed (left untouched), after
            rewriting the others.
    """
    stale, problems = _formatted(paths)
    for path, text in stale:
        write_atomic(path, text)
    if problems:
        raise GazetteerError(problems)
    return [path for path, _ in stale]
