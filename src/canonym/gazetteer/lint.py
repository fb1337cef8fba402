"""Cross-file lint of the gazetteer (``canonym gazetteer lint``).

Load-time validation (``spec.py``) checks each file on its own; this module checks the
files against each other with the *same* normalizer the resolver uses
(:func:`canonym.gazetteer.index.folded_form` for the alias tier, the keys of
:func:`canonym.normalize.parse_name` and :func:`canonym.normalize.token_key`, i.e.
:func:`canonym.name_key`, for the key tier). Problem codes:

``collision``
    a strong alias or canonical name has the key of another entity's strong alias or name;
    accepted only when ``data/_allow.yml`` lists the key and both ids with a reason.
``weak-shadowed``
    a weak alias has the key of a strong name of the same entity: the resolver matches it
    as strong anyway, so the weak entry contradicts the strong one.
``redundant``
    an alias folds to the same form as the canonical name or an earlier alias of the same
    entity (a case, punctuation or diacritic variant the normalizer already derives).
``homoglyph``
    letters of two scripts inside one word (Latin with Cyrillic or Greek look-alikes).
``dangling``
    ``part_of`` names an id no entity has.
``common-word``
    a strong alias that is a single common English word, or shorter than 3 letters and not
    written in capitals: it would match ordinary text, so it should be weak.
``given-name``
    a person's strong alias that is an Abd compound alone ("Abdul Rahman", "Abdus Samad"):
    a given name that thousands bear names no one on its own, so it should be weak (unless
    the person is listed under such a name alone, as the UN lists "ABDUL HAQ"); so are two
    common given names, or the kunya of one, that share no part with the person's other
    names ("Mohamed Osman" for Aly Soliman Massoud Abdul Sayed), which the resolver then
    takes for nobody in particular.
``too-short``
    an alias of one character (or none) after folding.
``duplicate-id``, ``load``
    two entities with one id; a file that fails load-time validation.
``allow``, ``allow-unused``
    an ``_allow.yml`` entry that is malformed or has no reason; one that no longer matches
    a collision.

Weak aliases may be shared between entities, so a weak alias equal to another entity's
name is not reported.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from canonym.gazetteer.index import folded_form
from canonym.gazetteer.load import builtin_data_dir, read_yaml_entities, yaml_files
from canonym.gazetteer.model import TYPE_FOLDERS, Entity
from canonym.gazetteer.spec import show
from canonym.normalize import fold, name_key, parse_name, part_keys
from canonym.normalize.names import common_given_names_apart, name_tables

ALLOW_FILE = "_allow.yml"
_FIX_COLLISION = "move it to weak or add it to _allow.yml with a reason"


@dataclass(frozen=True, slots=True)
class LintProblem:
    """One lint finding, printed as ``path:line: field: message``.

    Attributes:
        path: the file the problem is in (relative to the working directory when inside it).
        line: 1-based line of the offending value, when known.
        field: the field (``aliases.strong``, ``name``, ``part_of`` ...), or ``""``.
        message: what is wrong and how to fix it.
        code: the kind of problem (see the module docstring).
    """

    path: str
    line: int | None
    field: str
    message: str
    code: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """One accepted collision: ``key`` may be shared by the entities ``ids``."""

    key: str
    ids: frozenset[str]
    reason: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class AllowList:
    """The accepted collisions of ``data/_allow.yml`` and the problems of the file itself.

    Format: a YAML list of mappings ``{key: <name key>, ids: [id1, id2], reason: "..."}``;
    ``key`` is the key printed by the collision message (an alias as written is accepted too).
    """

    entries: tuple[AllowEntry, ...] = ()
    path: str = ""
    problems: tuple[LintProblem, ...] = field(default=(), compare=False)

    @classmethod
    def load(cls, path: str | Path) -> AllowList:
        """Read an allow file; a missing file is an empty list, a bad one reports problems."""
        path = Path(path)
        shown = _display(str(path))
        if not path.exists():
            return cls(path=shown)
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            return cls(path=shown, problems=(LintProblem(shown, line, "", f"YAML syntax error: {problem}", "allow"),))
        if data is None:
            data = []
        if not isinstance(data, list):
            message = f"must be a list of {{key: ..., ids: [...], reason: ...}} entries, got {type(data).__name__}"
            return cls(path=shown, problems=(LintProblem(shown, None, "", message, "allow"),))
        entries: list[AllowEntry] = []
        problems: list[LintProblem] = []
        for number, raw in enumerate(data, start=1):
            key = raw.get("key") if isinstance(raw, dict) else None
            line = _line_of_value(text, str(key)) if isinstance(key, str) else None
            ids = raw.get("ids") if isinstance(raw, dict) else None
            if (
                not isinstance(key, str) or not key.strip()
                or not isinstance(ids, list) or len(ids) < 2 or not all(isinstance(i, str) for i in ids)
            ):
                problems.append(LintProblem(
                    shown, line, f"entry {number}",
                    f"{show(raw)} is not an allow entry; write {{key: <name key>, ids: [id1, id2], reason: \"...\"}}",
                    "allow",
                ))
                continue
            reason = raw.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                problems.append(LintProblem(
                    shown, line, f"entry {number}",
                    f"the entry for key {show(key)} ({', '.join(ids)}) has no reason; "
                    "add reason: \"...\" saying why the entities may share it",
                    "allow",
                ))
                reason = ""
            entries.append(AllowEntry(key.strip(), frozenset(ids), reason.strip(), line))
        return cls(tuple(entries), shown, tuple(problems))

    def merged(self, other: AllowList) -> AllowList:
        """Both lists' entries and problems."""
        return AllowList(self.entries + other.entries, self.path or other.path, self.problems + other.problems)

    def find(self, key: str, first: str, second: str) -> AllowEntry | None:
        """The entry that accepts ``key`` shared by the entities ``first`` and ``second``."""
        for entry in self.entries:
            if first in entry.ids and second in entry.ids and _entry_matches(entry.key, key):
                return entry
        return None


def _entry_matches(written: str, key: str) -> bool:
    return written == key or name_key(written, person=False) == key or name_key(written, person=True) == key


# -- the normalizer, as the resolver's index applies it ------------------------------------



@cache
def common_words() -> frozenset[str]:
    """Frequent English words, lowercase (``corpus/tables/common_words.txt``)."""
    # Read through the top package: importing canonym.corpus from here would invert the layers.
    text = resources.files("canonym").joinpath("corpus", "tables", "common_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


# -- locating values in files -------------------------------------------------------------


def _where(entity: Entity) -> str:
    """The entity's file for messages, or ``<id>`` for an entity built in code."""
    return _display(entity.source) if entity.source else f"<{entity.id}>"


def _display(path: str) -> str:
    """``path`` relative to the working directory when it lies inside it."""
    if not path or not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


#: A YAML line's prefix: indentation, then a list dash or a ``key:``. The value follows; a
#: comment starts at the first whitespace followed by "#". (One pattern for the whole line,
#: a lazy value before optional spaces and comment, took minutes on a long run of spaces.)
_SCALAR_PREFIX = re.compile(r"\s*(?:-\s+|[\w.]+:\s+)?")
_COMMENT = re.compile(r"\s#")


def _scalar_of_line(line: str) -> str:
    """The scalar a YAML line holds after its dash or key, without a trailing comment."""
    prefix = _SCALAR_PREFIX.match(line)
    rest = line[prefix.end() :] if prefix is not None else line
    comment = _COMMENT.search(rest)
    return (rest[: comment.start()] if comment is not None else rest).rstrip()


def _line_of_value(text: str, value: str) -> int | None:
    """1-based line holding ``value`` as a whole YAML scalar, else the first containing it."""
    first: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if value not in line:
            continue
        if first is None:
            first = number
        raw = _scalar_of_line(line)
        if raw[:1] in ("'", '"') and raw[-1:] == raw[:1]:
            raw = raw[1:-1]
        if raw == value:
            return number
    return first


def _line_of_key(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None


class _Files:
    """The text of each entity's file, read once, for line numbers."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def text(self, path: str) -> str:
        if path not in self._texts:
            try:
                self._texts[path] = Path(path).read_text(encoding="utf-8") if path else ""
            except (OSError, UnicodeDecodeError):
                self._texts[path] = ""
        return self._texts[path]

    def has_comment(self, entity: Entity, value: str) -> bool:
        """Whether the line of ``value`` carries a comment (a written reason for an exception)."""
        number = self.line(entity, value)
        if number is None:
            return False
        return "#" in self.text(entity.source).splitlines()[number - 1]

    def line(self, entity: Entity, value: str, *, key: str | None = None) -> int | None:
        text = self.text(entity.source)
        if key is not None:
            return _line_of_key(text, key)
        found = _line_of_value(text, value)
        if found is None and value != unicodedata.normalize("NFD", value):
            found = _line_of_value(text, unicodedata.normalize("NFD", value))
        return found


@dataclass(frozen=True, slots=True)
class _Name:
    entity: Entity
    text: str
    strong: bool
    canonical: bool
    field: str


def _names(entity: Entity) -> list[_Name]:
    names = [_Name(entity, entity.name, True, True, "name")]
    names += [_Name(entity, a, True, False, "aliases.strong") for a in entity.strong]
    names += [_Name(entity, a, False, False, "aliases.weak") for a in entity.weak]
    return names


# -- the checks -----------------------------------------------------------------------------


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A" -> CYRILLIC)."""
    if unicodedata.category(char) not in ("Lu", "Ll", "Lt", "Lo"):
        return None  # modifier letters (ʿ ʾ) and marks belong to no word-level script
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else None


def _words(text: str) -> list[str]:
    """Runs of letters, marks, digits and format characters (ZWNJ stays inside a word)."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if unicodedata.category(char)[0] in "LMN" or unicodedata.category(char) == "Cf":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def mixed_script(text: str) -> tuple[str, str, str] | None:
    """The first word that mixes scripts: ``(word, main script, odd letter)``, or None.

    The main script is the one with most letters in the whole text ("Аl-Qaida" is Latin
    with one Cyrillic letter), so the odd letter is the look-alike to retype.
    """
    totals: dict[str, int] = {}
    for char in text:
        script = _script(char)
        if script is not None:
            totals[script] = totals.get(script, 0) + 1
    if len(totals) < 2:
        return None
    for word in _words(text):
        scripts = {s for s in map(_script, word) if s is not None}
        if len(scripts) > 1:
            main = max(sorted(scripts), key=lambda s: totals[s])
            odd = next(c for c in word if _script(c) not in (None, main))
            return word, main, odd
    return None


def _lowers_a_later_word(alias: str, earlier: str) -> bool:
    """Whether ``alias`` writes in lowercase a word after the first that ``earlier`` capitalises.

    The tagger requires a word of a name in capitals only if every alias writes it so: "Haqqani
    network" beside "Haqqani Network" lets it find "the Haqqani network", as news writes it.
    """
    words, before = alias.split(), earlier.split()
    return len(words) == len(before) and any(
        word[:1].islower() and other[:1].isupper() for word, other in zip(words[1:], before[1:], strict=True)
    )


def _check_entity(entity: Entity, files: _Files, known: set[str]) -> list[LintProblem]:
    problems: list[LintProblem] = []
    path = _where(entity)
    person = entity.type == "PER"
    names = _names(entity)

    def add(name: _Name, code: str, message: str) -> None:
        problems.append(LintProblem(path, files.line(entity, name.text), name.field, message, code))

    folded_seen: dict[str, _Name] = {}
    strong_keys: dict[str, _Name] = {}
    for name in names:
        if name.strong:
            key = name_key(name.text, person=person)
            if key is not None:
                strong_keys.setdefault(key, name)
    for name in names:
        folded = folded_form(name.text)
        compact = folded.replace(" ", "")
        if not name.canonical and len(compact) <= 1:
            what = f"a single character after folding ({show(compact)})" if compact else "no letters or digits after folding"
            add(name, "too-short", f"{show(name.text)} has {what}; remove it")
        earlier = folded_seen.get(folded)
        if earlier is not None and compact and not _lowers_a_later_word(name.text, earlier.text):
            which = "the canonical name" if earlier.canonical else f"the {'strong' if earlier.strong else 'weak'} alias"
            add(name, "redundant",
                f"{show(name.text)} folds to {show(folded)} like {which} {show(earlier.text)}: "
                "the normalizer already matches it; remove it")
        else:
            folded_seen.setdefault(folded, name)
        mixed = mixed_script(name.text)
        if mixed is not None:
            word, main, odd = mixed
            add(name, "homoglyph",
                f"{show(name.text)} mixes scripts in the word {show(word)}: {show(odd)} (U+{ord(odd):04X}) is "
                f"{(_script(odd) or '?').title()} among {main.title()} letters; retype it in one script")
        if not name.strong and earlier is None:
            key = name_key(name.text, person=person)
            shadow = strong_keys.get(key) if key is not None else None
            if shadow is not None:
                add(name, "weak-shadowed",
                    f"weak {show(name.text)} has the key {show(key)} of this entity's strong {show(shadow.text)}, "
                    "so the resolver matches it as strong anyway; remove it from weak")
        if name.strong and not name.canonical and earlier is None and len(compact) > 1:
            message = common_word_problem(name.text)
            if message is not None and not files.has_comment(entity, name.text):
                add(name, "common-word", message + " (or keep it strong with a '# why' comment on its line)")
            message = given_name_problem(name.text, [entity.name, *(n.text for n in names if not n.canonical)]) if person else None
            if message is not None and not files.has_comment(entity, name.text):
                add(name, "given-name", message + " (or keep it strong with a '# why' comment on its line)")
    if entity.part_of is not None and entity.part_of not in known:
        problems.append(LintProblem(
            path, files.line(entity, "", key="part_of"), "part_of",
            f"{show(entity.part_of)} is not the id of any entity; fix the id or add the entity "
            f"(data/<{'|'.join(sorted(set(TYPE_FOLDERS.values())))}>/{entity.part_of}.yml)",
            "dangling",
        ))
    return problems


def given_name_problem(alias: str, names: Sequence[str]) -> str | None:
    """Why a person's strong alias names no one on its own (lint's ``given-name``), or None.

    ``names`` are the person's names, the canonical one first (``alias`` among them or not).
    An Abd compound alone and without a title ("Abdul Rahman", "Abdullah"), unless the
    person's own name is a given name alone too (then it is a spelling of that name); or two
    common given names, or a kunya of one ("Mohamed Osman", "Abu Ismail"), that share no part
    with the person's other names: a list's alias that thousands of others bear.
    """
    name = names[0]
    parsed = parse_name(alias)
    abd = name_tables().abd_prefix
    if not parsed.titles and len(parsed.tokens) == 1 and parsed.tokens[0].startswith(abd):
        if len(parse_name(name).tokens) <= 1:
            return None
        return f"{show(alias)} is a given name alone, borne by thousands; make it weak"
    if not common_given_names_apart(part_keys(parsed), names):
        return None
    return f"{show(alias)} is common given names alone, borne by thousands, and shares no part with the person's other names; make it weak"


def common_word_problem(alias: str) -> str | None:
    """Why a strong alias would match ordinary text (lint's ``common-word``), or None.

    A single common English word, or fewer than 3 letters, unless written in capitals:
    acronyms (US, ISIS) are written so only as names.
    """
    letters = [c for c in alias if c.isalpha()]
    if not any(c.islower() for c in letters):
        return None
    words = fold(alias).split()
    if len(words) == 1 and words[0] in common_words():
        return f"{show(alias)} is a common English word and would match ordinary text; make it weak"
    if len(letters) < 3:
        return f"{show(alias)} is shorter than 3 letters and not written in capitals; make it weak"
    return None


def _collisions(entities: list[Entity], files: _Files, allow: AllowList) -> tuple[list[LintProblem], set[AllowEntry]]:
    by_key: defaultdict[str, dict[str, list[_Name]]] = defaultdict(dict)
    for entity in entities:
        person = entity.type == "PER"
        for name in _names(entity):
            if not name.strong:
                continue
            key = name_key(name.text, person=person)
            if key is not None:
                by_key[key].setdefault(entity.id, []).append(name)
    problems: list[LintProblem] = []
    used: set[AllowEntry] = set()
    for key in sorted(by_key):
        holders = by_key[key]
        if len(holders) < 2:
            continue
        ordered = sorted(holders, key=lambda i: (_where(holders[i][0].entity), i))
        for a_index, first in enumerate(ordered):
            for second in ordered[a_index + 1 :]:
                entry = allow.find(key, first, second)
                if entry is not None:
                    used.add(entry)
                    continue
                problems.append(_collision_problem(key, holders[first], holders[second], files))
    return problems, used


def _collision_problem(key: str, earlier: list[_Name], later: list[_Name], files: _Files) -> LintProblem:
    """Report on the side where the name is an alias (movable), the later file if both are."""
    def alias_of(names: list[_Name]) -> _Name | None:
        return next((n for n in names if not n.canonical), None)

    here, there = alias_of(later), earlier
    if here is None and alias_of(earlier) is not None:
        here, there = alias_of(earlier), later
    if here is None:
        here = later[0]
    other = alias_of(there) or there[0]
    other_what = "name" if other.canonical else "strong alias"
    fix = _FIX_COLLISION if not here.canonical else "rename one entity or add it to _allow.yml with a reason"
    return LintProblem(
        _where(here.entity),
        files.line(here.entity, here.text),
        here.field,
        f"{show(here.text)} collides with {_where(other.entity)} "
        f"({other_what} {show(other.text)}, key {show(key)}); {fix}",
        "collision",
    )


def _duplicate_ids(entities: list[Entity], files: _Files) -> list[LintProblem]:
    seen: dict[str, Entity] = {}
    problems: list[LintProblem] = []
    for entity in entities:
        first = seen.setdefault(entity.id, entity)
        if first is not entity:
            problems.append(LintProblem(
                _where(entity), files.line(entity, "", key="id"), "id",
                f"{show(entity.id)} is also the id of {_where(first)}; ids must be unique",
                "duplicate-id",
            ))
    return problems


def _unused_allow(allow: AllowList, used: set[AllowEntry], known: set[str]) -> list[LintProblem]:
    problems = []
    for entry in allow.entries:
        # Only judged when every listed entity was linted (a partial run proves nothing).
        if entry not in used and entry.ids <= known:
            problems.append(LintProblem(
                allow.path, entry.line, "key",
                f"{show(entry.key)} no longer collides between {', '.join(sorted(entry.ids))}; remove the entry",
                "allow-unused",
            ))
    return problems


def lint_entities(
    entities: list[Entity], allow: AllowList | None = None, *, known_ids: Iterable[str] = ()
) -> list[LintProblem]:
    """Check entities against each other (see the module docstring for the codes).

    Args:
        entities: the entities, with ``source`` set to their file for line numbers.
        allow: accepted collisions (``data/_allow.yml``); none by default.
        known_ids: further ids that exist (files that failed validation), for ``part_of``.

    Returns:
        The problems sorted by path and line; empty when the entities are clean.
    """
    allow = allow or AllowList()
    files = _Files()
    known = {e.id for e in entities} | set(known_ids)
    problems: list[LintProblem] = list(allow.problems)
    problems += _duplicate_ids(entities, files)
    for entity in entities:
        problems += _check_entity(entity, files, known)
    collisions, used = _collisions(entities, files, allow)
    problems += collisions
    problems += _unused_allow(allow, used, {e.id for e in entities})
    return sorted(set(problems), key=_sort_key)


def _sort_key(problem: LintProblem) -> tuple[str, int, str, str, str]:
    return (problem.path, problem.line or 0, problem.field, problem.code, problem.message)


_LOAD_PROBLEM = re.compile(r"^(?P<path>.+?\.ya?ml)(?::(?P<line>\d+))?: (?P<rest>.*)$", re.S)
_FIELD = re.compile(r"^(?P<field>[A-Za-z_][\w.]*): (?P<message>.*)$", re.S)


def _load_problem(text: str) -> LintProblem:
    """A ``path[:line]: [field: ]message`` string of the loader as a problem."""
    match = _LOAD_PROBLEM.match(text)
    if match is None:
        return LintProblem("", None, "", text, "load")
    rest = match.group("rest")
    field_match = _FIELD.match(rest)
    field_name, message = (field_match.group("field"), field_match.group("message")) if field_match else ("", rest)
    line = int(match.group("line")) if match.group("line") else None
    return LintProblem(_display(match.group("path")), line, field_name, message, "load")


def _allow_files(roots: list[Path], files: list[Path]) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        found.append(root / ALLOW_FILE)
    for path in files:
        # data/<folder>/<id>.yml keeps its allow file in data/.
        for parent in (path.parent, path.parent.parent):
            candidate = parent / ALLOW_FILE
            if candidate.exists():
                found.append(candidate)
                break
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return list(unique)


def lint_paths(paths: Iterable[str | Path] | None = None) -> list[LintProblem]:
    """Validate and lint data files: load-time problems, duplicate ids and every check above.

    Args:
        paths: data folders or entity files; the built-in data folder by default. The
            ``_allow.yml`` of each folder (or of a file's data folder) is applied.

    Returns:
        The problems sorted by path and line; empty when the data is clean.
    """
    roots: list[Path] = []
    files: list[Path] = []
    for raw in [builtin_data_dir()] if paths is None else paths:
        path = Path(raw)
        if path.is_dir():
            roots.append(path)
            files.extend(yaml_files(path))
        else:
            files.append(path)
    entities, load_problems = read_yaml_entities(files)
    allow = AllowList()
    for allow_path in _allow_files(roots, files):
        allow = allow.merged(AllowList.load(allow_path))
    loaded = {e.source for e in entities}
    # Files that failed validation still exist: their stems are not dangling targets.
    failed_ids = [p.stem for p in files if str(p) not in loaded]
    problems = [_load_problem(p) for p in load_problems]
    problems += lint_entities(entities, allow, known_ids=failed_ids)
    return sorted(set(problems), key=_sort_key)
