"""Baselines for the benchmark: what a plain dictionary or fuzzy matcher does with the same data.

Every baseline is given exactly what canonym is given: the built-in gazetteer, every alias
(strong and weak) plus every canonical name. Each one tags documents into canonym's mention
table (:class:`canonym.corpus.mentions.Mention`, so :func:`canonym.corpus.scoring.score`
scores it like canonym's own output) and resolves single names (``str -> str | None``) for the
name-level labels.

- :class:`ExactBaseline`: spaCy ``PhraseMatcher(attr="ORTH")`` over the aliases as written;
  the longest non-overlapping matches (``spacy.util.filter_spans``) are linked to the alias's
  owner, the first in sorted id order when several entities share the alias.
- :class:`FoldedBaseline`: the same after folding both sides (unidecode, lowercase, every
  non-alphanumeric character to a space), with a token n-gram dictionary and greedy longest
  match from left to right. A match whose surface has no capital letter (and no letter of a
  non-Latin script) is dropped, otherwise the alias "IS" of the Islamic State would link
  every "is" of the text; no other filtering.
- :class:`WRatioBaseline`: the naive fuzzy matcher: capitalised token sequences found by a
  regular expression (plus runs of Arabic-script words), each folded as above and matched with
  ``rapidfuzz.process.extractOne(..., scorer=fuzz.WRatio, processor=None, score_cutoff=85)``
  against the de-duplicated folded alias list. Leading function words ("The", "In" ...) are
  dropped from a sequence first.

None of them detects names the gazetteer does not know (no NIL mentions), resolves
coreference, or abstains when an alias is shared: that is what canonym adds. All of them
write ``score`` 1.0 (exact, folded) or the WRatio score / 100, and ``cluster_id`` =
``entity_id``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from unidecode import unidecode

from canonym import Gazetteer
from canonym.corpus.mentions import Mention
from canonym.gazetteer.model import Entity

__all__ = [
    "BASELINES",
    "Baseline",
    "ExactBaseline",
    "FoldedBaseline",
    "WRatioBaseline",
    "alias_owners",
    "build_baselines",
    "fold_with_map",
]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TOKEN = re.compile(r"\S+")


def alias_owners(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """Every name of every entity (canonical name, strong and weak aliases) -> sorted owner ids."""
    owners: dict[str, set[str]] = {}
    for entity in gazetteer:
        for name, _strong in entity.names():
            text = name.strip()
            if text:
                owners.setdefault(text, set()).add(entity.id)
    return {name: sorted(ids) for name, ids in owners.items()}


def fold_text(text: str) -> str:
    """Unidecode, lowercase, every run of non-alphanumeric characters to one space, trimmed."""
    return _NON_ALNUM.sub(" ", unidecode(text).lower()).strip()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` character by character, keeping each folded character's source index.

    Returns:
        The folded text (non-alphanumerics as spaces, not collapsed) and, for each of its
        characters, the index in ``text`` it came from.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for out in unidecode(char).lower():
            chars.append(out if out.isascii() and out.isalnum() else " ")
            origin.append(index)
    return "".join(chars), origin


def _has_name_letter(surface: str) -> bool:
    """Whether a surface could be a name: a capital letter, or a letter of a caseless script."""
    return any(c.isupper() or (c.isalpha() and not c.isascii() and c.lower() == c.upper()) for c in surface)


@dataclass
class Baseline:
    """Common parts: the gazetteer, its alias owners, and building mentions."""

    gazetteer: Gazetteer
    owners: dict[str, list[str]]
    #: Short name used in tables.
    name: str = "baseline"
    method: str = "exact"

    def _mention(
        self, doc_id: str, text: str, start: int, end: int, alias: str, entity_id: str, score: float
    ) -> Mention:
        entity: Entity = self.gazetteer[entity_id]
        return Mention(
            doc_id,
            start,
            end,
            text[start:end],
            alias,
            entity.id,
            entity.id,
            entity.name,
            entity.type,
            score,
            self.method,
        )

    def tag(self, text: str, doc_id: str) -> list[Mention]:
        """Mentions of one document, ordered by start."""
        raise NotImplementedError

    def tag_documents(self, documents: Iterable[tuple[str, str]]) -> list[Mention]:
        """Mentions of many ``(doc_id, text)`` documents."""
        out: list[Mention] = []
        for doc_id, text in documents:
            out.extend(self.tag(text, doc_id))
        return out

    def resolve(self, name: str) -> str | None:
        """One name -> an entity id, or ``None``."""
        raise NotImplementedError


class ExactBaseline(Baseline):
    """spaCy PhraseMatcher on the aliases as written (``attr="ORTH"``), longest match."""

    def __init__(self, gazetteer: Gazetteer, owners: dict[str, list[str]] | None = None) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        super().__init__(
            gazetteer, owners if owners is not None else alias_owners(gazetteer), "exact (spaCy ORTH)", "exact"
        )
        self._nlp = spacy.blank("en")
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="ORTH")
        for alias in sorted(self.owners):
            # One match key per alias string; the string store maps the key back to the alias.
            self._matcher.add(alias, [self._nlp.make_doc(alias)])

    def tag(self, text: str, doc_id: str) -> list[Mention]:
        from spacy.util import filter_spans

        doc = self._nlp.make_doc(text)
        spans = filter_spans(self._matcher(doc, as_spans=True))
        out = []
        for span in sorted(spans, key=lambda s: s.start_char):
            alias = span.label_
            out.append(self._mention(doc_id, text, span.start_char, span.end_char, alias, self.owners[alias][0], 1.0))
        return out

    def resolve(self, name: str) -> str | None:
        ids = self.owners.get(name.strip())
        return ids[0] if ids else None


class FoldedBaseline(Baseline):
    """Folded exact matching: a dictionary of folded alias token n-grams, longest match."""

    def __init__(self, gazetteer: Gazetteer, owners: dict[str, list[str]] | None = None) -> None:
        super().__init__(gazetteer, owners if owners is not None else alias_owners(gazetteer), "folded exact", "alias")
        folded: dict[tuple[str, ...], tuple[str, set[str]]] = {}
        for alias, ids in sorted(self.owners.items()):
            key = tuple(fold_text(alias).split())
            if not key:
                continue
            # The first alias (sorted) that folds to a key names it in the mention table.
            folded.setdefault(key, (alias, set()))[1].update(ids)
        self._index = {key: (alias, sorted(ids)) for key, (alias, ids) in folded.items()}
        self._longest = max((len(k) for k in self._index), default=0)

    def tag(self, text: str, doc_id: str) -> list[Mention]:
        folded, origin = fold_with_map(text)
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]
        out: list[Mention] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                hit = self._index.get(tuple(t for t, _, _ in tokens[i : i + n]))
                if hit is None:
                    continue
                start = origin[tokens[i][1]]
                end = origin[tokens[i + n - 1][2] - 1] + 1
                if not _has_name_letter(text[start:end]):
                    continue
                alias, ids = hit
                out.append(self._mention(doc_id, text, start, end, alias, ids[0], 1.0))
                i += n
                break
            else:
                i += 1
        return out

    def resolve(self, name: str) -> str | None:
        hit = self._index.get(tuple(fold_text(name).split()))
        return hit[1][0] if hit else None


# Capitalised words, joined by the connectors and articles of Arabic and Persian names and by
# "of"/"the"/"and" inside organisation names; an optional lower-case article in front
# ("al-Qaeda"). Runs of Arabic-script words are candidates as they are.
_CAP = r"[A-Z\u00C0-\u00DE][\w'’\-\.]*"
_LINK = r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|bint|abu|abd|abdul|of|the|and|for|de|du|ul|ud|wal|wa|e|i|y)"
_CANDIDATE = re.compile(
    rf"(?:\b(?:al|el|ad|ar|as|ash|at|az|an)[-\s])?{_CAP}(?:(?:\s+|-)(?:{_LINK}(?:\s+|-))*{_CAP})*"
    r"|[\u0600-\u06FF\u200c]+(?:\s+[\u0600-\u06FF\u200c]+)*"
)
_LEADING = re.compile(
    r"^(?:(?:The|A|An|In|On|At|As|By|For|From|Of|To|But|And|Or|If|When|While|After|Before|Since|With)\s+)+"
)


class WRatioBaseline(Baseline):
    """The naive fuzzy matcher: regex candidates, rapidfuzz ``WRatio`` over all folded aliases."""

    def __init__(
        self, gazetteer: Gazetteer, owners: dict[str, list[str]] | None = None, score_cutoff: float = 85
    ) -> None:
        super().__init__(
            gazetteer, owners if owners is not None else alias_owners(gazetteer), "rapidfuzz WRatio", "fuzzy"
        )
        by_folded: dict[str, tuple[str, set[str]]] = {}
        for alias, ids in sorted(self.owners.items()):
            key = fold_text(alias)
            if key:
                by_folded.setdefault(key, (alias, set()))[1].update(ids)
        # One choice per distinct folded alias: the de-duplicated list WRatio scans.
        self._choices = sorted(by_folded)
        self._owner = {key: (alias, sorted(ids)) for key, (alias, ids) in by_folded.items()}
        self.score_cutoff = score_cutoff
        self._cache: dict[str, tuple[str, str, float] | None] = {}

    def _lookup(self, surface: str) -> tuple[str, str, float] | None:
        query = fold_text(surface)
        if not query:
            return None
        if query not in self._cache:
            best = process.extractOne(
                query, self._choices, scorer=fuzz.WRatio, processor=None, score_cutoff=self.score_cutoff
            )
            if best is None:
                self._cache[query] = None
            else:
                alias, ids = self._owner[best[0]]
                self._cache[query] = (alias, ids[0], float(best[1]))
        return self._cache[query]

    def tag(self, text: str, doc_id: str) -> list[Mention]:
        out: list[Mention] = []
        for found in _CANDIDATE.finditer(text):
            surface = found.group().rstrip(".-'’")
            lead = _LEADING.match(surface)
            offset = found.start() + (lead.end() if lead else 0)
            surface = surface[lead.end() :] if lead else surface
            if surface.endswith(("'s", "’s")):
                surface = surface[:-2]
            if not surface:
                continue
            hit = self._lookup(surface)
            if hit is None:
                continue
            alias, entity_id, score = hit
            out.append(
                self._mention(doc_id, text, offset, offset + len(surface), alias, entity_id, round(score / 100, 4))
            )
        return out

    def resolve(self, name: str) -> str | None:
        hit = self._lookup(name)
        return hit[1] if hit else None


#: The baselines in table order: name -> class.
BASELINES: dict[str, Callable[[Gazetteer, dict[str, list[str]]], Baseline]] = {
    "exact": ExactBaseline,
    "folded": FoldedBaseline,
    "wratio": WRatioBaseline,
}


def build_baselines(gazetteer: Gazetteer, names: Iterable[str] = tuple(BASELINES)) -> dict[str, Baseline]:
    """Build the named baselines over one gazetteer (the alias table is computed once)."""
    owners = alias_owners(gazetteer)
    return {name: BASELINES[name](gazetteer, owners) for name in names}
