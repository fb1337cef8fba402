"""Importers: sanctions lists and tables into the gazetteer's format, merged without duplicates.

Readers turn a source into :class:`~canonym.gazetteer.model.Entity` objects:

- :func:`import_un_xml`: the UN Security Council consolidated list (``CONSOLIDATED_LIST``
  XML); individuals become persons, entities organizations or companies.
- :func:`import_ftm_jsonl`: FollowTheMoney entities, one JSON object per line.
- :func:`import_table`: a CSV/TSV table with ``id``, ``name`` and ``type`` columns.

:func:`merge_into_dir` then writes them into a data folder: an entity already there (same UN
reference, same FollowTheMoney id, same id, or same type and canonical name key) gains only
the names it lacks, and keeps its curated name, its comments and everything else; others get
a new file. A strong alias whose key another entity already holds as strong is filed as weak,
so an import never creates a collision for ``canonym gazetteer lint`` to report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from canonym.errors import GazetteerError, InputError
from canonym.gazetteer.fmt import dump_entity, patch_text, write_atomic
from canonym.gazetteer.index import folded_form
from canonym.gazetteer.lint import common_word_problem, common_words, given_name_problem
from canonym.gazetteer.load import read_table_entities, read_yaml_entities, yaml_files
from canonym.gazetteer.model import TYPE_FOLDERS, Entity
from canonym.gazetteer.spec import SLUG, UN_REF, WIKIDATA
from canonym.normalize import fold, name_key, parse_name
from canonym.normalize.names import uninvert

__all__ = ["ImportReport", "import_ftm_jsonl", "import_table", "import_un_xml", "merge_into_dir", "slugify"]

UN_SOURCE = "UN Security Council consolidated list ({ref})"
FTM_SOURCE = "FollowTheMoney ({datasets})"

# -- names ---------------------------------------------------------------------------------

#: Lowercase inside a name written in capitals ("USAMA BIN LADEN" -> "Usama bin Laden").
PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "bint", "ben", "ul", "ur", "wal", "ud", "e", "i",  # Arabic, Persian, Urdu
    "de", "del", "da", "dos", "van", "von",
    "of", "and", "the", "for", "in", "on", "to", "by", "with",  # English words in entity names
})
#: Company abbreviations with their usual spelling.
ABBREVIATIONS = {"co": "Co", "ltd": "Ltd", "corp": "Corp", "inc": "Inc", "llc": "LLC", "plc": "PLC",
                 "jsc": "JSC", "gmbh": "GmbH", "jv": "JV", "pjsc": "PJSC", "fzc": "FZC", "fze": "FZE"}
_ROMAN = re.compile(r"^[IVX]+$")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_COMPANY = re.compile(
    r"\b(?:company|companies|co|ltd|limited|industries|corporation|corp|inc|llc|plc|jsc|gmbh|trading|shipping)\b\.?",
    re.I,
)


#: An alias that is only initials ("CMC", "KOMID", "AQAP").
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]{1,7}")
#: Double quotation marks around a whole alias in the list (single ones may be an ayn and a hamza).
_OPENING_QUOTES, _CLOSING_QUOTES = '"“', '"”'


def _is_caps(text: str) -> bool:
    """Written in capitals: at least 70% of the cased letters are upper case."""
    cased = [c for c in text if c.isupper() or c.islower()]
    return bool(cased) and sum(c.isupper() for c in cased) >= 0.7 * len(cased)


def _capitalize(part: str) -> str:
    """First letter up, the rest down ("BA'AYSIR" -> "Ba'aysir", unlike str.title)."""
    for index, char in enumerate(part):
        if char.isalpha():
            return part[:index] + char.upper() + part[index + 1 :].lower()
    return part


def _tidy_part(part: str, *, first: bool, after_abd: bool) -> str:
    letters = "".join(c for c in part if c.isalpha())
    lower = letters.lower()
    if not letters or any(c.islower() for c in letters) or any(c.isdigit() for c in part):
        return part  # already mixed case, or a code such as 3MG: as written
    if lower in ABBREVIATIONS:
        return part.replace(letters, ABBREVIATIONS[lower])
    if _ROMAN.match(letters) and len(letters) > 1:
        return part
    if lower in PARTICLES and not first and not after_abd:
        return part.lower()
    if len(letters) > 1 and not re.search(r"[AEIOUY]", letters):
        return part  # no vowel: an acronym (DPRK, KPA)
    return _capitalize(part)


def tidy_name(name: str) -> str:
    """Clean a list name: whitespace, and capitals turned into mixed case.

    A name written in capitals gets each part capitalised, with particles (al, el, bin, ibn,
    bint, ul ...) lowercase except at the start; after "Abd" the article keeps its capital
    ("ABD EL HALIM" -> "Abd El Halim") as in the UN's own mixed-case spellings. Names in
    mixed case, and short acronyms (one part of at most five letters), are kept as written.

    >>> tidy_name("MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE")
    'Mohammed Salahaldin Abd El Halim Zidane'
    """
    name = " ".join(unicodedata.normalize("NFC", name).split())
    words = name.split(" ")
    if not _is_caps(name) or (len(words) == 1 and len(re.sub(r"\W", "", name)) <= 5):
        return name
    out: list[str] = []
    previous = ""
    for index, word in enumerate(words):
        parts = word.split("-")
        tidied = []
        for part_index, part in enumerate(parts):
            first = index == 0 and part_index == 0
            after_abd = (part_index == 0 and previous == "abd") or (part_index > 0 and parts[part_index - 1].lower() == "abd")
            tidied.append(_tidy_part(part, first=first, after_abd=after_abd))
        out.append("-".join(tidied))
        previous = parts[-1].lower()
    return " ".join(out)


def slugify(name: str) -> str:
    """An id from a name: folded, ASCII letters and digits joined by hyphens ("" if none)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    if len(slug) > 64:
        slug = slug[:64].rsplit("-", 1)[0]
    return slug


def _initials_match(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells initials of ``name``'s parts, in order (UCI, JuA, KTJ)."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    initials = [p[0].lower() for p in re.split(r"[\s\-/]+", name) if p and p[0].isalnum()]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _is_latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


_PAREN = re.compile(r"\s*\(([^()]*)\)")


def split_list_name(raw: str, *, person: bool) -> tuple[str, list[str]]:
    """Split a sanctions-list name field into the name and the names packed into it.

    Handles "NAME (ACRONYM)", "NAME / ACRONYM", "Latin (original script)", list markers
    "a) ... b) ...", names separated by ";", notes in parentheses with digits or in lowercase
    ("(third)"), trailing ", born ..." and, for persons, "Surname, Given" order.

    Returns:
        The first name and the others (both tidied), without empty ones.
    """
    text = " ".join(raw.split())
    text = re.split(r",\s*(?:born|DOB|date of birth)\b", text, maxsplit=1, flags=re.I)[0]
    pieces = [p for p in re.split(r";|\s+/\s+|(?:^|\s)[a-z]\)\s", text) if p.strip()]
    names: list[str] = []
    for piece in pieces:
        extra: list[str] = []

        def paren(match: re.Match[str], base: str = piece, found: list[str] = extra) -> str:
            inner = match.group(1).strip()
            outside = _PAREN.sub("", base)
            if inner and not any(c.isdigit() for c in inner) and not _is_latin(inner):
                found.append(inner)  # the name in its own script
                return ""
            if not inner or any(c.isdigit() for c in inner) or not any(c.isupper() for c in inner):
                return ""  # a note: "(third)", "(QDe.092)", "(Oman passport no. ...)"
            if " " not in inner and _initials_match(inner, outside):
                found.append(inner)  # an acronym of the name
                return ""
            return match.group(0)

        name = " ".join(_PAREN.sub(paren, piece).split()).strip(" ,;:")
        if len(name) > 2 and name[0] in _OPENING_QUOTES and name[-1] in _CLOSING_QUOTES:
            name = name[1:-1].strip()  # the list quotes some aliases: '"KOMID"'
        if name.count("(") != name.count(")"):
            # An unclosed parenthesis in the list ("البغدادي (Abu Bakr al-Baghdadi"): two names.
            name, *rest = (p.strip(" ,;:") for p in re.split(r"[()]", name))
            extra[:0] = [r for r in rest if r]
        if person and name.count(",") == 1:
            head, tail = (p.strip() for p in name.split(","))
            if tail.lower().strip(".") in _SUFFIXES or _ROMAN.match(tail):
                name = f"{head} {tail}"
            else:
                name = uninvert(name, person=True)[0]
        for found in [name, *extra]:
            tidied = _drop_article(tidy_name(found))
            if len(tidied) >= 2:
                names.append(tidied)
    if not names:
        return "", []
    return names[0], names[1:]


def _drop_article(name: str) -> str:
    """"The Houthis" -> "Houthis": names are written without a leading "the" (as mentions
    are labelled), unless what follows is a common word ("The Base")."""
    head, _, rest = name.partition(" ")
    if head.lower() != "the" or not rest or not rest[0].isupper():
        return name
    if " " not in rest and fold(rest) in common_words():
        return name
    return rest



def is_identifying(name: str, *, person: bool) -> bool:
    """Whether a name identifies on its own: two significant parts, not a bare kunya or nisba."""
    parts = parse_name(name, person=person)
    return not parts.is_partial and not parts.is_kunya_only and not parts.is_nisba_only


def _build(
    *,
    entity_id: str,
    etype: str,
    kind: str,
    name: str,
    names: Iterable[tuple[str, bool]],
    **fields: Any,
) -> Entity:
    """An entity with clean alias lists: no repeats after folding, strong before weak.

    A strong name that is a common word or shorter than 3 letters, or a person's given name
    alone, or common given names that share no part with the person's other names ("Mohamed
    Osman"), is filed as weak (lint's ``common-word`` and ``given-name``); a name of one
    character after folding is dropped, and so is a weak name with the key of a strong one
    (lint's ``weak-shadowed``).
    """
    person = etype == "PER"
    seen = {folded_form(name)}
    strong: list[str] = []
    weak: list[str] = []
    ordered = sorted(names, key=lambda n: not n[1])  # strong first, so it wins a repeat
    all_names = [name, *(alias for alias, _ in ordered)]
    for alias, is_strong in ordered:
        alias = " ".join(unicodedata.normalize("NFC", alias).split())
        folded = folded_form(alias)
        if len(folded.replace(" ", "")) <= 1 or len(alias) < 2 or folded in seen:
            continue
        seen.add(folded)
        identifies = common_word_problem(alias) is None and not (person and given_name_problem(alias, all_names))
        (strong if is_strong and identifies else weak).append(alias)
    strong_keys = {name_key(n, person=person) for n in (name, *strong)}
    weak = [w for w in weak if name_key(w, person=person) not in strong_keys]
    return Entity(id=entity_id, type=etype, kind=kind, name=name, strong=tuple(strong), weak=tuple(weak), **fields)


# -- UN consolidated list ------------------------------------------------------------------


def _text(element: ElementTree.Element, tag: str) -> str:
    found = element.findtext(tag)
    return " ".join(found.split()) if found else ""


def _description(comments: str) -> str:
    """The first sentence of a UN comment, if it is a short statement about the entity."""
    text = " ".join(comments.split())
    for match in re.finditer(r"[.!?](?=\s+[A-Z0-9(\"']|$)", text):
        before = text[: match.start()].rsplit(" ", 1)[-1]
        if re.fullmatch(r"[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])*|No|[a-z]", before):
            continue  # an abbreviation: Jun. Dr. No. U.S.
        sentence = text[: match.end()]
        if len(sentence) > 160 or re.search(r"INTERPOL|Review pursuant|web link|https?:", sentence):
            return ""
        return sentence
    return ""


def _un_record(element: ElementTree.Element, person: bool) -> Entity | None:
    ref = _text(element, "REFERENCE_NUMBER")
    parts = [_text(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    raw_name = " ".join(p for p in parts if p)
    if not raw_name:
        return None
    name, packed = split_list_name(raw_name, person=False)
    if not name:
        return None
    names: list[tuple[str, bool]] = [(n, True) for n in packed]
    original = _text(element, "NAME_ORIGINAL_SCRIPT")
    if original:
        names.append((unicodedata.normalize("NFC", original), True))
    alias_tag = "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"
    for alias in element.findall(alias_tag):
        raw = _text(alias, "ALIAS_NAME")
        if not raw:
            continue
        quality = _text(alias, "QUALITY").lower()
        first, others = split_list_name(raw, person=person)
        for found in [first, *others]:
            if not found:
                continue
            good = quality in ("good", "a.k.a.", "f.k.a.")
            names.append((found, good or is_identifying(found, person=person)))
    kind = "person" if person else "company" if _COMPANY.search(name) else "organization"
    slug = slugify(name) or slugify(ref)
    return _build(
        entity_id=slug,
        etype="PER" if person else "ORG",
        kind=kind,
        name=name,
        names=names,
        un_ref=ref if UN_REF.match(ref) else None,
        description=_description(_text(element, "COMMENTS1")),
        sources=(UN_SOURCE.format(ref=ref),),
    )


def import_un_xml(path: str | Path, lists: set[str] | None = None) -> list[Entity]:
    """Read the UN Security Council consolidated list.

    Args:
        path: the ``CONSOLIDATED_LIST`` XML file.
        lists: the ``UN_LIST_TYPE`` values to keep (e.g. ``{"Al-Qaida", "Iran"}``); all
            when None. Compared without regard to case.

    Returns:
        Individuals as PER ``person`` entities, entities as ORG ``company`` (by the words of
        the name) or ``organization``, in the list's order. Good aliases (and a.k.a./f.k.a.
        names of entities) are strong; Low ones are strong only when they identify on their
        own (two significant parts, not a bare kunya or nisba); the name in its original
        script is strong.

    Raises:
        InputError: when the file is not XML of the consolidated list.
    """
    try:
        root = ElementTree.parse(path).getroot()  # the UN's own published file
    except (ElementTree.ParseError, OSError) as exc:
        raise InputError(f"{path}: cannot read the UN consolidated list XML: {exc}") from exc
    if root.tag != "CONSOLIDATED_LIST":
        raise InputError(f"{path}: root element is {root.tag!r}, not 'CONSOLIDATED_LIST' (the UN consolidated list)")
    wanted = {x.lower() for x in lists} if lists is not None else None
    entities: list[Entity] = []
    for tag, person in (("INDIVIDUALS/INDIVIDUAL", True), ("ENTITIES/ENTITY", False)):
        for element in root.iterfind(tag):
            if wanted is not None and _text(element, "UN_LIST_TYPE").lower() not in wanted:
                continue
            entity = _un_record(element, person)
            if entity is not None:
                entities.append(entity)
    return entities


# -- FollowTheMoney ---------------------------------------------------------------------------

#: FollowTheMoney schema -> (type, kind); schemata not listed (relations, documents) are skipped.
FTM_SCHEMATA = {
    "Person": ("PER", "person"),
    "Organization": ("ORG", "organization"),
    "Company": ("ORG", "company"),
    "LegalEntity": ("ORG", "organization"),
    "PublicBody": ("ORG", "government-body"),
    "Address": ("LOC", "address"),
    "Vessel": ("MISC", "vessel"),
    "Airplane": ("MISC", "aircraft"),
}


def _values(properties: dict[str, Any], name: str) -> list[str]:
    raw = properties.get(name) or []
    if isinstance(raw, str):
        raw = [raw]
    return [" ".join(str(v).split()) for v in raw if isinstance(v, str | int) and str(v).strip()]


def _ftm_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}: not a JSON object: {exc.msg}") from exc
            if not isinstance(data, dict):
                raise InputError(f"{path}:{number}: expected a JSON object per line, got {type(data).__name__}")
            yield number, data


def import_ftm_jsonl(path: str | Path) -> list[Entity]:
    """Read FollowTheMoney entities (one JSON object per line).

    ``Person`` becomes PER; ``Organization``, ``Company``, ``LegalEntity`` and
    ``PublicBody`` ORG; ``Address`` LOC; ``Vessel`` and ``Airplane`` MISC; other schemata
    (relations, documents) are skipped. The caption (``caption``, else the first ``name``)
    is the canonical name; other names, ``alias`` and ``previousName`` are strong,
    ``weakAlias`` weak; the FtM id is kept as ``ids: {ftm: ...}``.

    Raises:
        InputError: on a line that is not a JSON object.
    """
    path = Path(path)
    entities: list[Entity] = []
    for number, data in _ftm_lines(path):
        schema = FTM_SCHEMATA.get(str(data.get("schema", "")))
        if schema is None:
            continue
        properties = data.get("properties") or {}
        if not isinstance(properties, dict):
            raise InputError(f"{path}:{number}: 'properties' must be an object")
        names = _values(properties, "name") or _values(properties, "full")
        caption = " ".join(str(data.get("caption") or "").split()) or (names[0] if names else "")
        ftm_id = str(data.get("id") or "").strip()
        if not caption or not ftm_id:
            continue
        etype, kind = schema
        caption = tidy_name(caption)
        aliases = [(tidy_name(n), True) for n in names + _values(properties, "alias") + _values(properties, "previousName")]
        aliases += [(tidy_name(n), False) for n in _values(properties, "weakAlias")]
        wikidata = next((q for q in _values(properties, "wikidataId") if WIKIDATA.match(q)), None)
        datasets = data.get("datasets") or []
        label = ", ".join(str(d) for d in datasets) if isinstance(datasets, list) and datasets else ""
        entities.append(_build(
            entity_id=slugify(caption) or slugify(ftm_id) or "entity",
            etype=etype,
            kind=kind,
            name=caption,
            names=aliases,
            wikidata=wikidata,
            ids=(("ftm", ftm_id),),
            sources=(FTM_SOURCE.format(datasets=label) if label else "FollowTheMoney",),
        ))
    return entities


# -- tables -----------------------------------------------------------------------------------

DEFAULT_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "other"}


def import_table(path: str | Path) -> list[Entity]:
    """Read a CSV/TSV table with ``id``, ``name`` and optional ``type``/``canonical`` columns.

    One row per known name (see :func:`canonym.gazetteer.load.read_table_entities`); an id
    that is not a slug is slugified and kept as ``ids: {table: ...}``.

    Raises:
        GazetteerError: listing every bad row.
    """
    entities, problems = read_table_entities(Path(path))
    if problems:
        raise GazetteerError(problems)
    out = []
    for entity in entities:
        entity_id = entity.id if SLUG.match(entity.id) else slugify(entity.id) or slugify(entity.name)
        out.append(_build(
            entity_id=entity_id,
            etype=entity.type,
            kind=entity.kind or DEFAULT_KINDS.get(entity.type, "other"),
            name=entity.name,
            names=[(a, True) for a in entity.strong] + [(a, False) for a in entity.weak],
            ids=(("table", entity.id),) if entity_id != entity.id else (),
            sources=(Path(path).name,),
        ))
    return out


# -- merging into a data folder ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What :func:`merge_into_dir` did (or would do, with ``dry_run``).

    Attributes:
        created: ids of the new entity files.
        updated: ids of existing entities that gained names or fields.
        unchanged: ids of existing entities matched with nothing new.
        demoted: ``(id, alias)`` of strong aliases filed as weak because another entity
            holds their key as strong.
        conflicts: ``(id, name)`` of new entities whose canonical name has the key of
            another entity's strong name (a namesake, or a duplicate): for a human to decide.
        files: the files written (or that would be).
        dry_run: nothing was written.
    """

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    demoted: tuple[tuple[str, str], ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()
    files: tuple[str, ...] = ()
    dry_run: bool = False

    def __str__(self) -> str:
        head = f"created {len(self.created)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}"
        if self.demoted:
            head += f", {len(self.demoted)} strong alias(es) filed as weak (key held by another entity)"
        lines = [head + (" (dry run: nothing written)" if self.dry_run else "")]
        for label, ids in (("created", self.created), ("updated", self.updated)):
            if ids:
                lines.append(f"  {label}: {', '.join(ids)}")
        lines.extend(f"  weak: {alias!r} of {entity_id}" for entity_id, alias in self.demoted)
        lines.extend(
            f"  check: new {entity_id} is named {name!r} like another entity (namesake or duplicate?)"
            for entity_id, name in self.conflicts
        )
        return "\n".join(lines)


@dataclass(slots=True)
class _Record:
    entity: Entity
    path: Path
    new: bool
    strong: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.strong or self.weak or self.missing or self.ids or self.sources)


class _Merger:
    """The data folder's entities and the lookups that match and check incoming ones."""

    def __init__(self, data_dir: Path, existing: list[Entity]) -> None:
        self.data_dir = data_dir
        self.records: dict[str, _Record] = {}
        self.by_ref: dict[str, str] = {}
        self.by_ext: dict[tuple[str, str], str] = {}
        self.by_name: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_alias: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
        self.strong_owner: defaultdict[str, set[str]] = defaultdict(set)
        self.weak_keys: defaultdict[str, set[str]] = defaultdict(set)
        self.folded: defaultdict[str, set[str]] = defaultdict(set)
        self.demoted: list[tuple[str, str]] = []
        self.conflicts: list[tuple[str, str]] = []
        self.matched: list[str] = []
        for entity in existing:
            self._register(_Record(entity, Path(entity.source), new=False))

    # lookups

    def _register(self, record: _Record) -> None:
        entity = record.entity
        self.records[entity.id] = record
        if entity.un_ref:
            self.by_ref.setdefault(entity.un_ref, entity.id)
        for pair in entity.ids:
            self.by_ext.setdefault(pair, entity.id)
        person = entity.type == "PER"
        canonical_key = name_key(entity.name, person=person)
        if canonical_key is not None:
            self.by_name[(entity.type, canonical_key)].append(entity.id)
        for text, strong in entity.names():
            self._index_name(entity, text, strong, canonical=text == entity.name)

    def _index_name(self, entity: Entity, text: str, strong: bool, *, canonical: bool = False) -> None:
        self.folded[entity.id].add(folded_form(text))
        key = name_key(text, person=entity.type == "PER")
        if key is None:
            return
        if strong:
            self.strong_owner[key].add(entity.id)
            if not canonical:
                self.by_alias[(entity.type, key)].append(entity.id)
        else:
            self.weak_keys[entity.id].add(key)

    def _compatible(self, old: Entity, new: Entity) -> bool:
        """Two records of one list with different numbers are different entities; one full
        name under two regimes' numbers is one person listed twice (Hassan Dahir Aweys is
        QDi.042 and SOi.002)."""
        if old.type != new.type:
            return False
        if old.un_ref and new.un_ref and old.un_ref != new.un_ref and (old.un_ref[:2] == new.un_ref[:2] or fold(old.name) != fold(new.name)):
            return False
        old_ids, new_ids = dict(old.ids), dict(new.ids)
        return all(old_ids[k] == v for k, v in new_ids.items() if k in old_ids)

    def find(self, incoming: Entity) -> _Record | None:
        candidates: list[str | None] = [self.by_ref.get(incoming.un_ref) if incoming.un_ref else None]
        candidates += [self.by_ext.get(pair) for pair in incoming.ids]
        # Names (and ids, which are slugs of names) identify a person only when they are
        # full names: a bare kunya such as "Abu Obaida" is borne by many people.
        person = incoming.type == "PER"

        def identifies(text: str) -> bool:
            return not person or is_identifying(text, person=True)

        if identifies(incoming.name):
            candidates.append(incoming.id if incoming.id in self.records else None)
            key = name_key(incoming.name, person=person)
            if key is not None:
                for table in (self.by_name, self.by_alias):
                    found = sorted(set(table.get((incoming.type, key), [])))
                    # Only a single holder identifies; two namesakes need a human.
                    candidates.append(found[0] if len(found) == 1 else None)
        # Last, the strong names: the one existing entity that holds their keys is the same one.
        # Not an acronym alone: the DPRK's "CMC" is not China's Central Military Commission.
        holders: set[str] = set()
        for text in (incoming.name, *(a for a in incoming.strong if not _ACRONYM.fullmatch(a))):
            alias_key = name_key(text, person=person) if identifies(text) else None
            if alias_key is not None:
                holders |= {i for i in self.strong_owner.get(alias_key, ()) if self.records[i].entity.type == incoming.type}
        candidates.append(holders.pop() if len(holders) == 1 else None)
        for entity_id in candidates:
            if entity_id is not None and self._compatible(self.records[entity_id].entity, incoming):
                return self.records[entity_id]
        return None

    # changes

    def _tier(self, entity: Entity, alias: str, strong: bool) -> bool:
        """Whether ``alias`` can be strong on ``entity`` (else it is filed as weak)."""
        if not strong:
            return False
        key = name_key(alias, person=entity.type == "PER")
        if key is None:
            return False
        if entity.id in self.strong_owner.get(key, ()):
            return True  # the entity holds the key already: no new collision
        if key in self.weak_keys[entity.id]:
            return False  # the curated file holds this key as weak: respect that
        if self.strong_owner.get(key, set()) - {entity.id}:
            self.demoted.append((entity.id, alias))
            return False
        return True

    def merge(self, record: _Record, incoming: Entity) -> None:
        entity = record.entity
        offered = [(incoming.name, True)] + [(a, True) for a in incoming.strong] + [(a, False) for a in incoming.weak]
        added_strong: list[str] = []
        added_weak: list[str] = []
        for alias, strong in offered:
            if folded_form(alias) in self.folded[entity.id]:
                continue
            if not strong and entity.id in self.strong_owner.get(name_key(alias, person=entity.type == "PER") or "", ()):
                continue  # already matched as strong: a weak copy would be lint's weak-shadowed
            target = added_strong if self._tier(entity, alias, strong) else added_weak
            target.append(alias)
            self._index_name(entity, alias, target is added_strong)
        record.strong += added_strong
        record.weak += added_weak
        updates: dict[str, Any] = {"strong": entity.strong + tuple(added_strong), "weak": entity.weak + tuple(added_weak)}
        for name in ("un_ref", "wikidata", "description"):
            value = getattr(incoming, name)
            if value and not getattr(entity, name):
                record.missing[name] = value
                updates[name] = value
        known_ids = dict(entity.ids)
        for list_name, value in incoming.ids:
            if list_name not in known_ids:
                record.ids[list_name] = value
                known_ids[list_name] = value
                self.by_ext.setdefault((list_name, value), entity.id)
        updates["ids"] = tuple(sorted(known_ids.items()))
        if added_strong or added_weak or record.missing:
            new_sources = [s for s in incoming.sources if s not in entity.sources]
            record.sources += new_sources
            updates["sources"] = entity.sources + tuple(new_sources)
        if incoming.un_ref and "un_ref" in record.missing:
            self.by_ref.setdefault(incoming.un_ref, entity.id)
        record.entity = replace(entity, **updates)
        self.matched.append(entity.id)

    def create(self, incoming: Entity) -> _Record:
        base = incoming.id if SLUG.match(incoming.id) else slugify(incoming.name) or "entity"
        entity_id, number = base, 1
        while entity_id in self.records:
            number += 1
            entity_id = f"{base}-{number}"
        draft = replace(incoming, id=entity_id, strong=(), weak=())
        canonical_key = name_key(draft.name, person=draft.type == "PER")
        if canonical_key is not None and self.strong_owner.get(canonical_key):
            self.conflicts.append((entity_id, draft.name))  # a canonical name cannot be demoted
        path = self.data_dir / TYPE_FOLDERS[draft.type] / f"{entity_id}.yml"
        record = _Record(replace(draft, source=str(path)), path, new=True)
        self._register(record)
        # The aliases go through the same checks as those added to an existing entity.
        self.merge(record, incoming)
        return record


def merge_into_dir(entities: Iterable[Entity], data_dir: str | Path, *, dry_run: bool = False) -> ImportReport:
    """Merge imported entities into a data folder without duplicating any.

    An incoming entity matches an existing one by UN reference, then by an id in ``ids``
    (the FollowTheMoney id), then by id, then by type and canonical name key (and by a strong
    alias key when exactly one entity holds it); records of one list with different numbers
    never match. A match gains only names whose folded form is new (an incoming canonical
    name that differs from the curated one becomes a strong alias) and fields it lacks
    (``un_ref``, ``wikidata``, ``description``, ``ids`` entries); nothing is removed and the
    curated name and comments stay. Other entities get ``<folder>/<id>.yml`` (a numeric suffix
    when the id is taken). Files are written in canonical form, each atomically.

    Args:
        entities: the imported entities.
        data_dir: the data folder (``data/`` with ``per/``, ``org/``, ``loc/``, ``misc/``).
        dry_run: report without writing.

    Returns:
        The :class:`ImportReport`.

    Raises:
        GazetteerError: when a file already in the folder fails validation (fix it first:
            an unreadable file could be duplicated).
    """
    data_dir = Path(data_dir)
    existing, problems = read_yaml_entities(yaml_files(data_dir)) if data_dir.exists() else ([], [])
    if problems:
        raise GazetteerError(problems)
    merger = _Merger(data_dir, existing)
    created: list[str] = []
    for incoming in entities:
        record = merger.find(incoming)
        if record is None:
            created.append(merger.create(incoming).entity.id)
        else:
            merger.merge(record, incoming)
    touched = [merger.records[i] for i in dict.fromkeys(merger.matched)]
    updated = [r for r in touched if not r.new and r.changed]
    unchanged = [r.entity.id for r in touched if not r.new and not r.changed]
    written: list[str] = []
    for entity_id in created:
        record = merger.records[entity_id]
        written.append(str(record.path))
        if not dry_run:
            write_atomic(record.path, dump_entity(record.entity))
    for record in updated:
        written.append(str(record.path))
        if not dry_run:
            text = record.path.read_text(encoding="utf-8")
            patched = patch_text(
                text, strong=record.strong, weak=record.weak, missing=record.missing,
                ids=record.ids, sources=record.sources,
            )
            write_atomic(record.path, patched)
    return ImportReport(
        created=tuple(created),
        updated=tuple(r.entity.id for r in updated),
        unchanged=tuple(unchanged),
        demoted=tuple(merger.demoted),
        conflicts=tuple(merger.conflicts),
        files=tuple(written),
        dry_run=dry_run,
    )
