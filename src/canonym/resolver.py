"""Resolver: from any spelling of a name to the one entity it means, or an honest no.

The flow is text -> :mod:`canonym.normalize` -> candidates from the gazetteer's
:class:`~canonym.gazetteer.index.AliasIndex` -> score -> decision. Tiers run cheapest and
surest first and the first tier that finds anything decides:

==========  ====================================================  =====
method      compares                                              score
==========  ====================================================  =====
exact       the alias as written                                  1.00
alias       the folded alias (case, diacritics, punctuation)      0.98
key         the transliteration key (Qaeda = Qa'ida, Osama = ...)  0.95
fuzzy       name parts aligned in order, rapidfuzz on part keys   0.86+
==========  ====================================================  =====

A weak alias lowers the score; a match through a weak alias only, or through a partial
name (a bare surname or nisba) that several people bear, is reported as ``ambiguous`` with
its candidates instead of guessed; so is a bare kunya ("Abu Muhammad") and a fuzzy call
whose runner-up is within ``min_gap``. Nothing found is ``None`` (NIL), and so is a query
longer than :data:`~canonym.gazetteer.spec.MAX_NAME_LENGTH` (500) characters, at once: no
name is that long (the gazetteer refuses such names), and the tiers' work grows with it.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from canonym.config import MatchConfig
from canonym.gazetteer import Gazetteer
from canonym.gazetteer.index import CONNECTORS, AliasIndex, alias_ids, exact_form, per_index
from canonym.gazetteer.model import Entity
from canonym.gazetteer.spec import MAX_NAME_LENGTH
from canonym.normalize import NameParts, fold, parse_name, part_keys, token_key, token_skeleton
from canonym.normalize.names import (
    ParsedFields,
    common_given_names_apart,
    common_given_names_only,
    fold_ascii_parts,
    fold_name,
    name_tables,
    parse_fields,
    plain_parts,
    uninvert,
    without_soft_title,
)
from canonym.normalize.translit import is_arabic_script, loose_skeleton

if TYPE_CHECKING:
    import polars as pl

TIER_SCORES = {"exact": 1.0, "alias": 0.98, "key": 0.95}
#: Connectors that open a kunya, "father (mother) of": Abu Badr is not Badr.
KUNYA = frozenset({"abu", "umm"})
#: Connectors after which a father's (or forefather's) name follows.
PATRONYMIC = frozenset({"bin", "bint", "ould", "ag"})
#: How the name parser writes an Abd compound ("Abd al-Rahman" -> "abdrahman"), and the
#: vowels of a part key.
ABD = name_tables().abd_prefix
#: The key of the Allah part of a split "-ullah" name (Khairullah = Khair Allah).
ALLAH = token_key("allah")
_VOWEL_KEYS = "aiu"
#: Part similarity needed for a father's name or a name's only distinctive part.
STRICT_PART_CUTOFF = 0.9
#: Candidates left for part-by-part alignment after the vectorized first pass, and its cutoff.
PREFILTER_SIZE = 25
PREFILTER_CUTOFF = 50.0
#: Fuzzy scores stay below the key tier's: a surer tier always scores higher.
FUZZY_CEILING = 0.94
#: Score factor for a match made through a weak alias or a partial name.
WEAK_FACTOR = 0.85
#: Weight of a connector (abu, bin, ...) in name similarity: structure, not identity.
CONNECTOR_WEIGHT = 0.3
#: Score factor per name part that one of two person names has and the other lacks between
#: their first and last parts ("Tariq Aziz" = "Tariq Mikhail Aziz"), and the most such parts.
GAP_FACTOR = 0.93
MAX_GAPS = 2
#: The most parts a name may lack between a first and last part it shares with the other:
#: lists give the father's and grandfather's names in full where others keep the first and
#: the family name ("Azzam al-Subhi" = "Azzam Abdullah Zureik al-Maulid al-Subhi"). Parts
#: lacked past ``MAX_GAPS`` cost nothing more: the name kept is the same.
MAX_INNER_GAPS = 3
#: Why a name that shares only common given names with a known one is not it (see
#: Resolver._another_bearer).
_ANOTHER_BEARER = "only common given names in common, the family name lacking or unlike: another of their many bearers"
_ACROSS_SCRIPTS = "met only by the consonants of a name in another script: the spellings in its own script are unlike"
#: The most entities that may bear the last part of a two-part name that is taken for a
#: longer name's first two parts.
RARE_PART_BEARERS = 3
#: Score factor for a name written surname first without a comma ("Zawahiri Ayman Muhammad").
ROTATION_FACTOR = 0.95
#: Score factor for a name with two neighbouring parts in the other order ("Aboud Rogo Mohammed").
SWAP_FACTOR = 0.92
#: Score factor for a name that is the other with a part after it rather than between its
#: first and last parts ("Simon Gatwech" = "Simon Gatwech Dual"), and the entity types that
#: never match so: a group or a place named after another is another ("Islamic State Sahel
#: Province"). Untyped entries of a user's list may be people.
EDGE_FACTOR = 0.96
#: Score factor per part after a name that is the other's first parts, as sanctions lists
#: give a person's name followed by the father's (instead of GAP_FACTOR and EDGE_FACTOR).
PREFIX_FACTOR = 0.95
#: Score factor for names alike once two parts of one are written as one (see _merged).
MERGE_FACTOR = 0.97
#: A name found once the honorific at its start is read as a title ("Malik Zafar Iqbal").
SOFT_TITLE_FACTOR = 0.95
NOT_PEOPLE = frozenset({"ORG", "LOC"})
#: The least similarity of the one part that may differ between two names of three parts
#: or more that are otherwise alike (the fuzzy tier's ``part_cutoff`` is for every part).
ODD_PART_CUTOFF = 0.65
#: Below this similarity a surname is another's, whatever given names two names share
#: (Rahimi and Zahedi 0.67; Ibrahimi and Ibrahim, Kakorere and Kakolele 0.75 or more).
UNLIKE_SURNAME = 0.7
#: More aliases than this hold both anchors of a name: too common a name to decide on.
MAX_ANCHORED = 50
#: The similarity of the words that a group's or place's name and its alias do not share
#: above which they spell one name (see _same_words).
SPELT_ALIKE = 0.8
#: A one-word name this long or longer may be a known name of several parts written as one
#: ("Spinboldak"); a shorter one too often spells short parts by chance ("Alain", "Al Ain").
MIN_JOINED_WORD = 8
#: People of the gazetteer with a given name that make it too common to name one person
#: alone, though it is another's surname ("Omar", "Abbas").
COMMON_GIVEN_NAME = 3


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of resolving one name.

    Attributes:
        query: the name as given.
        entity: the matched entity; ``None`` when ``method`` is ``ambiguous``.
        score: confidence in 0..1.
        method: exact, alias, key, fuzzy or ambiguous.
        alias: the gazetteer alias that matched, as written.
        key: the normalized form the match was made on.
        candidates: the other entity ids in contention (all of them when ambiguous).
    """

    query: str
    entity: Entity | None
    score: float
    method: str
    alias: str = ""
    key: str = ""
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """Whether several entities fit and none was chosen."""
        return self.method == "ambiguous"

    @property
    def entity_id(self) -> str | None:
        """The matched entity's id, or ``None``."""
        return None if self.entity is None else self.entity.id


#: The slot setters of Match, in field order (see _match).
_MATCH_SLOTS = tuple(getattr(Match, f.name).__set__ for f in fields(Match))
_new_object = object.__new__


def _same_words(query_keys: Sequence[str], alias_keys: Sequence[str]) -> bool:
    """Whether a group's or place's name of ``query_keys`` may be the alias of ``alias_keys``
    with parts more, fewer or apart: the words that either lacks must spell alike when written
    together ("lid-Da'wati" is "Lidda'awati"), with or without the alias's generic words
    ("group", "province"), and the alias may have generic words more.

    A word in place of another makes another group ("Joint Forces Command"; "Directorate of
    Military Intelligence" is no "General Directorate of Intelligence"), as does a word more
    ("Federal Judicial Police" is no "Federal Police")."""
    in_alias, in_query = set(alias_keys), set(query_keys)
    query_only = "".join(k for k in query_keys if k not in in_alias and k not in _LINK_KEYS)
    alias_only = [k for k in alias_keys if k not in in_query and k not in _LINK_KEYS]
    if not query_only:
        return GENERIC_KEYS.issuperset(alias_only)
    # The alias's generic words count when they are what the query spells otherwise ("Islamic
    # State's West Africa Province").
    return any(
        Levenshtein.normalized_similarity(query_only, "".join(words)) >= SPELT_ALIKE
        for words in (alias_only, [k for k in alias_only if k not in GENERIC_KEYS])
        if words
    )


def _match(
    query: str,
    entity: Entity | None,
    score: float,
    method: str,
    alias: str = "",
    key: str = "",
    candidates: tuple[str, ...] = (),
) -> Match:
    """``Match(...)`` at half the cost, for the resolver's hot paths.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; the
    slot descriptors set them directly. The result is an ordinary, equal, frozen Match.
    """
    match: Match = _new_object(Match)
    set_query, set_entity, set_score, set_method, set_alias, set_key, set_candidates = _MATCH_SLOTS
    set_query(match, query)
    set_entity(match, entity)
    set_score(match, score)
    set_method(match, method)
    set_alias(match, alias)
    set_key(match, key)
    set_candidates(match, candidates)
    return match


#: The slot setters of NameParts, in field order (see _name_parts).
_NAME_PARTS_SLOTS = tuple(getattr(NameParts, f.name).__set__ for f in fields(NameParts))


def _name_parts(parsed: ParsedFields) -> NameParts:
    """``NameParts(*parsed)`` made as :func:`_match` makes a Match, at a fraction of the cost."""
    parts: NameParts = _new_object(NameParts)
    set_tokens, set_titles, set_inverted, set_articled, set_acronym = _NAME_PARTS_SLOTS
    tokens, titles, inverted, articled, acronym = parsed
    set_tokens(parts, tokens)
    set_titles(parts, titles)
    set_inverted(parts, inverted)
    set_articled(parts, articled)
    set_acronym(parts, acronym)
    return parts


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a name resolved the way it did (see :meth:`Resolver.explain`)."""

    query: str
    parts: NameParts
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    tiers: dict[str, list[tuple[str, str, bool]]]
    fuzzy: list[tuple[str, str, float]]
    match: Match | None
    reason: str

    def __str__(self) -> str:
        lines = [
            f"query:      {self.query!r}",
            f"titles:     {', '.join(self.parts.titles) or '-'}"
            + ("   (inverted list order undone)" if self.parts.inverted else ""),
            f"parts:      {' | '.join(self.parts.tokens) or '-'}",
            f"keys:       {' '.join(self.keys) or '-'}",
            f"skeletons:  {' '.join(self.skeletons) or '-'}",
        ]
        for tier, hits in self.tiers.items():
            shown = ", ".join(f"{eid} via {alias!r}{'' if strong else ' (weak)'}" for eid, alias, strong in hits[:8])
            lines.append(f"{tier + ':':11} {shown or '-'}")
        if self.fuzzy:
            shown = ", ".join(f"{eid} {score:.3f} via {alias!r}" for eid, alias, score in self.fuzzy[:6])
            lines.append(f"fuzzy:      {shown}")
        if self.match is None:
            lines.append("decision:   NIL")
        else:
            target = self.match.entity_id or ", ".join(self.match.candidates)
            lines.append(f"decision:   {self.match.method} -> {target} (score {self.match.score:.3f})")
        lines.append(f"why:        {self.reason}")
        return "\n".join(lines)


class _Query:
    """A name as the tiers read it: its parse, part keys, skeletons and part weights."""

    __slots__ = ("apart", "keys", "parts", "skeletons", "text", "weights")

    def __init__(
        self, text: str, parts: NameParts, keys: tuple[str, ...], skeletons: tuple[str, ...], weights: tuple[float, ...]
    ) -> None:
        self.text = text
        self.parts = parts
        self.keys = keys
        self.skeletons = skeletons
        self.weights = weights
        #: Set by the fuzzy tier: the name has two full parts (see full_parts), and no alias
        #: holds parts near both (the blocks of both, which hold their strict keys, share no alias).
        self.apart = False


#: Generic words of place and group names (as transliteration keys): they carry little identity.
GENERIC_KEYS = frozenset(
    token_key(w)
    for w in ["governorate", "province", "district", "city", "region", "state", "county", "municipality", "group", "movement", "brigade", "brigades", "battalion", "front", "army", "party", "organization", "organisation", "company", "corporation", "council", "ministry", "department", "agency", "network", "forces", "force", "of", "the", "and", "in", "for"]
)


#: Generic keys that link words rather than name a kind of group or place.
_LINK_KEYS = frozenset(token_key(w) for w in ["of", "the", "and", "in", "for"])

_ARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ul)[-\u2010\u2011 ]", re.IGNORECASE)


def _same_article(name: str, hits: Sequence[int], alias_text: Sequence[str]) -> Sequence[int]:
    """Key-tier hits written like the query with or without a leading article, when any are.

    Keys drop the article, so "Huthi" meets both "Houthi" (the movement) and "al-Houthi"
    (a family name); a bare name is the movement's, "al-Huthi" a person's.
    """
    if len(hits) < 2:
        return hits
    article = _ARTICLE.match(name) is not None
    same = [h for h in hits if (_ARTICLE.match(alias_text[h]) is not None) == article]
    return same or hits


_LIGHT_KEYS = CONNECTORS | GENERIC_KEYS


#: An acronym in capitals, its pieces joined by hyphens, one of them without a vowel:
#: "BRN-C", "ISIL-K" (not a name in capitals, "JANG-POM", "AL-ADL").
_SPELT_ACRONYM = re.compile(r"(?=.*\b[B-DF-HJ-NP-TV-Z]+\b)[A-Z]{1,4}(?:-[A-Z]{1,4})+")


def spelt_acronym(name: str) -> bool:
    """Whether a name is an acronym in pieces ("BRN-C", "IRGC-QF"): its pieces are letters,
    not a name's parts, and the fuzzy tier compares it only with another such acronym
    ("Brian Cogan" is not BRN-C)."""
    return _SPELT_ACRONYM.fullmatch(name) is not None


def _weights(keys: Sequence[str]) -> tuple[float, ...]:
    return tuple([CONNECTOR_WEIGHT if k in _LIGHT_KEYS or len(k) == 1 else 1.0 for k in keys])


def full_parts(keys: Sequence[str]) -> list[str]:
    """The part keys of full weight: not a connector, a generic word or an initial."""
    return [k for k, w in zip(keys, _weights(keys), strict=True) if w == 1.0]


class _Part:
    """A query part as the fuzzy and gapped tiers block on it, kept per index (see :meth:`_Prepared.part`).

    For a key of the index's own parts (``known``) all is worked out at once. For another
    spelling, ``near`` and ``strict`` are chosen by similarity among ``chosen_from``, and only
    when a tier needs them: most such names are told apart by ``chosen_from`` alone.

    Attributes:
        key, skeleton, cutoff: the part's key and skeleton, and the part cutoff.
        known: the key is a part key of the index (it has a posting in ``by_token``).
        chosen_from: ``near`` for a known key, else the keys it is chosen from
            (:meth:`_Prepared.skeleton_keys`).
        near: the part keys that align with it by rule (:meth:`_Prepared.near_keys_uncached`);
            see :meth:`_Prepared.near`.
        strict: those of them near-exactly like it (:func:`strict_only`): the keys the gapped
            tier anchors on; see :meth:`_Prepared.strict`.
        aliases: the aliases of ``near``; see :meth:`_Prepared.aliases`.
        held: those of them with a part of a ``near`` key that is no initial; see
            :meth:`_Prepared.held`.
    """

    __slots__ = ("aliases", "chosen_from", "cutoff", "held", "key", "known", "near", "skeleton", "strict")

    def __init__(self, key: str, skeleton: str, cutoff: float, known: bool, chosen_from: tuple[str, ...]) -> None:
        self.key = key
        self.skeleton = skeleton
        self.cutoff = cutoff
        self.known = known
        self.chosen_from = chosen_from
        self.near: tuple[str, ...] | None = chosen_from if known else None
        self.strict: tuple[str, ...] | None = None
        self.aliases: frozenset[int] | None = None
        self.held: frozenset[int] | None = None


#: Query parts not in the index, and pairs of parts, kept per index (see _Prepared), at most.
MAX_KEPT_PARTS = 200_000
MAX_KEPT_PAIRS = 200_000


class _Prepared:
    """Per-index data for the fuzzy tier, built on first use and shared by all resolvers."""

    __slots__ = (
        "_acronyms",
        "_alias_parts",
        "_anchored",
        "_cooc",
        "_ending",
        "_ends",
        "_full",
        "_given",
        "_parts_of",
        "_postings",
        "_spelt_together",
        "_together",
        "index",
    )

    def __init__(self, index: AliasIndex) -> None:
        self.index = index
        self._acronyms: frozenset[int] | None = None
        self._alias_parts: dict[int, _Parts] = {}
        self._full: dict[int, _Full] = {}
        self._postings: dict[str, frozenset[int]] = {}
        self._parts_of: dict[tuple[str, str, float], _Part] = {}
        self._anchored: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[int] | None] = {}
        self._ending: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[int]] = {}
        self._cooc: dict[str, frozenset[str]] = {}
        self._ends: dict[tuple[str, str], tuple[int, ...]] | None = None
        self._together: dict[str, tuple[int, ...]] | None = None
        self._spelt_together: dict[str, tuple[int, ...]] = {}
        self._given: dict[str, tuple[int, ...]] | None = None

    def posting(self, key: str) -> frozenset[int]:
        """The aliases with a part of this key (``by_token``), as a set."""
        found = self._postings.get(key)
        if found is None:
            found = self._postings[key] = frozenset(self.index.by_token.get(key, ()))
        return found

    def part(self, key: str, skeleton: str, cutoff: float) -> _Part:
        """The blocking data of a query part of this key and skeleton at this part cutoff.

        Parts recur across queries (given names above all), so each is worked out once per
        index: for the parts of the index's own vocabulary always, for others up to
        ``MAX_KEPT_PARTS``.
        """
        memo = (key, skeleton, cutoff)
        found = self._parts_of.get(memo)
        if found is None:
            found = self._new_part(key, skeleton, cutoff)
            if found.known or len(self._parts_of) < MAX_KEPT_PARTS:
                self._parts_of[memo] = found
        return found

    def _new_part(self, key: str, skeleton: str, cutoff: float) -> _Part:
        if key in self.index.by_token:
            return _Part(key, skeleton, cutoff, True, self.near_keys_uncached(key, skeleton, cutoff))
        return _Part(key, skeleton, cutoff, False, self.skeleton_keys(key, skeleton))

    def near(self, part: _Part) -> tuple[str, ...]:
        """The part's ``near`` keys, chosen on first use."""
        found = part.near
        if found is None:
            found = part.near = self.near_keys_uncached(part.key, part.skeleton, part.cutoff)
        return found

    def strict(self, part: _Part) -> tuple[str, ...]:
        """The part's ``strict`` keys, chosen on first use."""
        found = part.strict
        if found is None:
            near = self.near(part)
            if not part.known and len(part.skeleton) == 1:
                # near_keys_uncached leaves out a one-letter skeleton's keys (too many for the
                # fuzzy tier's cutoff); they are few, and "walui" is near-exactly "wali".
                near = (*near, *self.keys_of_skeleton(part.skeleton))
            found = part.strict = strict_only(part.key, near)
        return found

    def aliases(self, part: _Part) -> frozenset[int]:
        """The aliases with a part that aligns with the query part (those of its ``near`` keys)."""
        found = part.aliases
        if found is None:
            found = part.aliases = self.union(self.near(part))
        return found

    def held(self, part: _Part) -> frozenset[int]:
        """The aliases that hold the query part as a word: those of its ``near`` keys that are
        no initial ("S." of "S. Jaishankar" is no holding of "Sinwar")."""
        found = part.held
        if found is None:
            near = self.near(part)
            words = [k for k in near if len(k) > 1]
            found = part.held = self.aliases(part) if len(words) == len(near) else self.union(words)
        return found

    def anchored(self, lefts: tuple[str, ...], rights: tuple[str, ...]) -> frozenset[int] | None:
        """The aliases with a part of a key in ``lefts`` and one of a key in ``rights``, or
        None when more than ``MAX_ANCHORED`` do (too common a pair to decide on).

        Kept per index: the pairs recur (a given name and a father's name), and the postings
        of common given names are long to intersect.
        """
        memo = (lefts, rights)
        try:
            return self._anchored[memo]
        except KeyError:
            pass
        held = self._holding_both(lefts, rights)
        found = held if len(held) <= MAX_ANCHORED else None
        if len(self._anchored) < MAX_KEPT_PAIRS:
            self._anchored[memo] = found
        return found

    def _holding_both(self, lefts: tuple[str, ...], rights: tuple[str, ...]) -> frozenset[int]:
        if not lefts or not rights or self.disjoint((lefts, rights)):
            return frozenset()  # the common case, decided on keys alone
        return frozenset().union(*(self.posting(left) & self.posting(right) for left in lefts for right in rights))

    def written_together(self, keys: Sequence[str], tokens: Sequence[str]) -> tuple[int, ...]:
        """The aliases of two parts or more whose part keys written together are ``keys``
        written together, or the aliases whose folded parts written together are ``tokens``
        written so ("Zam Zam" is "Zamzam", "South-East Asia" "Southeast Asia")."""
        if self._together is None:
            together: defaultdict[str, list[int]] = defaultdict(list)
            for alias_id, joined in enumerate(self.index.alias_joined):
                if " " in joined:
                    together[joined.replace(" ", "")].append(alias_id)
            self._together = {key: tuple(ids) for key, ids in together.items()}
            # A word's key is not its pieces' keys end to end ("southeast" is "sutist", "south"
            # and "east" "sut" and "iast"): the parts are also met as the one word they spell.
            spelt: defaultdict[str, list[int]] = defaultdict(list)
            for form, found in self.index.folded.items():
                spelt[form.replace(" ", "")].extend(alias_ids(found))
            self._spelt_together = {form: tuple(ids) for form, ids in spelt.items()}
        return self._together.get("".join(keys), ()) or self._spelt_together.get("".join(tokens), ())

    def given_name(self, key: str) -> tuple[int, ...]:
        """The people (entity indexes) with a strong name of two full parts or more that opens
        with a part of this key: those who bear it as their given name."""
        if self._given is None:
            index = self.index
            # "Syed Asim Munir" bears Asim as his given name: an honorific that is also a
            # given name opens many a name (and Syed's key is Saeed's).
            honorifics = frozenset(map(token_key, name_tables().soft_titles))
            given: defaultdict[str, set[int]] = defaultdict(set)
            for alias_id, joined in enumerate(index.alias_joined):
                entity_index = index.alias_entity[alias_id]
                if index.alias_strong[alias_id] and index.entities.types[entity_index] == "PER":
                    full = full_parts(joined.split(" "))
                    if len(full) >= 3 and full[0] in honorifics:
                        full = full[1:]
                    if len(full) >= 2:
                        given[full[0]].add(entity_index)
            self._given = {k: tuple(sorted(v)) for k, v in given.items()}
        return self._given.get(key, ())

    def ending(self, firsts: tuple[str, ...], lasts: tuple[str, ...]) -> frozenset[int]:
        """The aliases whose full parts (:func:`full_parts`, two or more) begin with a key in
        ``firsts`` and end with one in ``lasts``; kept per index, as :meth:`anchored` is."""
        memo = (firsts, lasts)
        found = self._ending.get(memo)
        if found is None:
            found = frozenset().union(*(self._ends_of(first, last) for first in firsts for last in lasts))
            if len(self._ending) < MAX_KEPT_PAIRS:
                self._ending[memo] = found
        return found

    def _ends_of(self, first: str, last: str) -> tuple[int, ...]:
        if self._ends is None:
            ends: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
            for alias_id, joined in enumerate(self.index.alias_joined):
                full = full_parts(joined.split(" "))
                if len(full) >= 2:
                    ends[full[0], full[-1]].append(alias_id)
            self._ends = {pair: tuple(ids) for pair, ids in ends.items()}
        return self._ends.get((first, last), ())

    def near_keys_uncached(self, key: str, skeleton: str, cutoff: float) -> tuple[str, ...]:
        """The part keys that align with a query part of this key and skeleton by rule.

        Blocking keeps the parts that meet by rule and reach the part cutoff: the same key, a
        key with the same consonant skeleton (a vowel apart, across scripts, gh = q), for a
        spelling no alias has one with a consonant that regional spellings swap (kh = h,
        ch = sh, g = gh: :func:`loose_skeleton`), or an initial with the same first letter.
        Parts that are only close by edit distance (a consonant dropped or changed) are not
        seen: admitting them linked names that are not in the gazetteer to near namesakes.
        """
        by_token = self.index.by_token
        keys = [key] if key in by_token else []
        similarity = part_similarity
        if len(skeleton) >= 2:
            others = self.keys_of_skeleton(skeleton)
            if keys:
                # A spelling the gazetteer knows is not read as another with a consonant swapped
                # (see loose_skeleton): Hatami and Khatami, Kushner and Kouchner are two names.
                others = tuple(other for other in others if token_skeleton(other) == skeleton)
            keys.extend([other for other in others if other != key and similarity(key, other) >= cutoff])
        if twin := voiced_twin(key, skeleton):
            keys.extend([other for other in self.keys_of_skeleton(twin) if similarity(key, other) >= cutoff])
        if key[0] in by_token and part_similarity(key, key[0]) >= cutoff:
            keys.append(key[0])
        return tuple(keys)

    def skeleton_keys(self, key: str, skeleton: str) -> tuple[str, ...]:
        """The keys that :meth:`near_keys_uncached` chooses from for a key not in the index."""
        keys = self.keys_of_skeleton(skeleton) if len(skeleton) >= 2 else ()
        if twin := voiced_twin(key, skeleton):
            keys = (*keys, *self.keys_of_skeleton(twin))
        return (*keys, key[0]) if key[0] in self.index.by_token else keys

    def union(self, keys: Sequence[str]) -> frozenset[int]:
        """The aliases with a part of any of these keys."""
        postings = [self.posting(k) for k in keys]
        if not postings:
            return frozenset()
        return postings[0].union(*postings[1:]) if len(postings) > 1 else postings[0]

    def cooc(self, key: str) -> frozenset[str]:
        """The part keys of the aliases with a part of this key, the key among them."""
        found = self._cooc.get(key)
        if found is None:
            joined = self.index.alias_joined
            # Interned: the sets of the keys share their strings.
            words = " ".join([joined[a] for a in self.index.by_token.get(key, ())]).split(" ")
            found = self._cooc[key] = frozenset(map(sys.intern, set(words)))
        return found

    def disjoint(self, blocks: Sequence[tuple[str, ...]]) -> bool:
        """Whether two of the blocks of keys have no alias in common: then all of them have none.

        Two blocks share an alias exactly when a key of one co-occurs with a key of the other
        (or is one): a test on a few keys where the intersection of their aliases would look
        at hundreds. Three blocks may share none while every two do: then this is False.
        """
        known = self._cooc
        for i, first in enumerate(blocks):
            for second in blocks[i + 1 :]:
                small, large = (first, second) if len(first) <= len(second) else (second, first)
                for key in small:
                    cooc = known.get(key)
                    if cooc is None:
                        cooc = self.cooc(key)
                    if not cooc.isdisjoint(large):
                        break
                else:
                    return True
        return False

    def keys_of_skeleton(self, skeleton: str) -> tuple[str, ...]:
        """The part keys (with a posting in ``by_token``) of alias parts with this skeleton,
        or one that differs from it in a consonant regional spellings swap (:func:`loose_skeleton`)."""
        return self.index.keys_by_skeleton.get(loose_skeleton(skeleton), ())

    def full(self, alias_id: int) -> _Full:
        """The alias's :func:`full_parts`, whether it opens with a kunya and whether it has no
        connector: what the gapped tier reads of a candidate."""
        found = self._full.get(alias_id)
        if found is None:
            keys, weights, _, _ = self.parts(alias_id)
            full = tuple([k for k, w in zip(keys, weights, strict=True) if w == 1.0])
            found = self._full[alias_id] = (full, keys[0] in KUNYA, CONNECTORS.isdisjoint(keys))
        return found

    def acronyms(self) -> frozenset[int]:
        """The aliases that are acronyms in pieces (:func:`spelt_acronym`)."""
        if self._acronyms is None:
            self._acronyms = frozenset(i for i, text in enumerate(self.index.alias_text) if "-" in text and spelt_acronym(text))
        return self._acronyms

    def parts(self, alias_id: int) -> _Parts:
        """The part keys of an alias, their weights, the weights' sum and how many are full (1.0)."""
        found = self._alias_parts.get(alias_id)
        if found is None:
            # The joined key split again: part keys hold no space (they are parts of a split).
            keys = tuple(self.index.alias_joined[alias_id].split(" "))
            weights = _weights(keys)
            found = self._alias_parts[alias_id] = (keys, weights, sum(weights), weights.count(1.0))
        return found


#: Part keys, their weights, the weights' sum and the number of full-weight parts.
_Parts = tuple[tuple[str, ...], tuple[float, ...], float, int]
#: Full-weight part keys, whether the first part is a kunya, whether no part is a connector.
_Full = tuple[tuple[str, ...], bool, bool]


def _top_weight(full: int, count: int, pairs: int) -> float:
    """The most weight ``pairs`` aligned parts can carry out of ``count`` (``full`` of them 1.0)."""
    heavy = min(pairs, full)
    return heavy + CONNECTOR_WEIGHT * min(pairs - heavy, count - full)


def strict_only(key: str, keys: Sequence[str]) -> tuple[str, ...]:
    """The ``keys`` near-exactly like ``key`` (``STRICT_PART_CUTOFF``), initials left out."""
    return tuple(k for k in keys if len(k) > 1 and part_similarity(key, k) >= STRICT_PART_CUTOFF)


#: Where a field of several names splits: "a; b (c; d)".
_PACKED = re.compile(r"[;()]")
_BRACKETED = re.compile(r"\([^()]*\)?")
#: A company's legal forms after its name, the short ones with the form they stand for.
_LEGAL_FORMS_WRITTEN_OUT = {"Corp": "Corporation", "Inc": "Incorporated", "Ltd": "Limited", "Co": "Company"}
_LEGAL_FORMS = (*_LEGAL_FORMS_WRITTEN_OUT, "Corporation", "Incorporated", "Limited", "LLC", "PLC", "plc")
_LEGAL_FORM = re.compile(rf",? (?:{'|'.join(_LEGAL_FORMS)})\.?$")
#: The endings that let a name have one (str.endswith, a quick test before the pattern): a
#: short form with or without its stop, but "Co" only with it.
_LEGAL_FORM_ENDS = (*(form for form in _LEGAL_FORMS if form != "Co"), *(f"{form}." for form in _LEGAL_FORMS_WRITTEN_OUT))
#: A state's short name and its formal name in brackets, in the UN's order.
_FORMAL_AFTER = re.compile(r"(?P<short>[^()]+?) \((?P<form>[^()]+) of\)")
#: The initials a body's units are named with, and the body's name ("UN Office on Drugs and Crime").
_BODY_NAMES = {"AU": "African Union", "UN": "United Nations", "EU": "European Union", "US": "United States", "UK": "United Kingdom"}
_ABBREVIATED_BODY = re.compile(r"(AU|UN|EU|US|UK|U\.N\.|U\.S\.|U\.K\.)(?= [A-Z])")
#: The Islamic State's acronyms before a branch's name ("ISIL-K", "ISIS-Sahel", "IS-Somalia").
_STATE_ACRONYM = re.compile(r"(ISIL|ISIS|IS)(?=[ -][A-Z])")


def _prefix_readings(name: str) -> list[str]:
    """Other ways to write the opening initials of ``name``: a body's name for its initials,
    or the Islamic State's other acronyms."""
    body = _ABBREVIATED_BODY.match(name)
    if body is not None:
        return [_BODY_NAMES[body.group(1).replace(".", "")] + name[body.end() :]]
    state = _STATE_ACRONYM.match(name)
    if state is not None:
        return [other + name[state.end() :] for other in ("ISIS", "ISIL", "IS") if other != state.group(1)]
    return []


#: Indonesian and Malay write sh as sy before a vowel: Ba'asyir = Bashir, Rasyid = Rashid,
#: Hisyam = Hisham (a reading, not a key rule: elsewhere sy is s and y, Asyut, Sargsyan).
_MALAY_SY = re.compile(r"(s)y(?=[aeiou])(?!an\b)", re.I)
#: An article written onto the word before it, before another word: "ul" before any word,
#: an assimilated one before its own consonant ("Jamaatud Dawa", "Zakiur Rehman").
_GLUED_ARTICLE = re.compile(r"\b(?P<head>[^\W\d_]{3,}?)(?P<article>ul|u(?P<sun>[dnrstz]))(?=[ -](?(sun)(?P=sun)|[^\W\d_]))", re.I)


#: Prepared data per index object (see per_index).
_PREPARED: dict[int, tuple[AliasIndex, _Prepared]] = {}


def _prepared(index: AliasIndex) -> _Prepared:
    return per_index(_PREPARED, index, _Prepared, 8)


#: Short a and i, written for one vowel after the first consonant of a name of five letters or
#: more (Mahdi/Mehdi, Tharwat/Thirwat); u is another (Khamenei is not Khomeini), and in shorter
#: names it is too often another name (Sana/Sina).
_FATHA_KASRA = frozenset("ai")
#: Consonants written voiced or voiceless for one sound (keys: C is ch), and the longest part
#: key taken for one syllable when comparing them.
_VOICED_TWIN = {pair[i]: pair[1 - i] for pair in ("bp", "dt", "gk", "jC") for i in (0, 1)}
MAX_SYLLABLE = 4


def voiced_twin(key: str, skeleton: str) -> str:
    """The skeleton of a one-syllable part with its first consonant voiced or not ("C" for
    "ji"), whose keys :func:`part_similarity` may pair with it; "" for other parts."""
    twin = _VOICED_TWIN.get(skeleton[:1]) if len(key) <= MAX_SYLLABLE and key[:1] == skeleton[:1] else None
    return twin + skeleton[1:] if twin else ""


#: The velar and uvular letters of part keys (kh, gh, k/q/c) as one.
_VELARS = str.maketrans("XG", "kk")
#: Consonants of part keys that regional spellings of one name swap (see loose_skeleton), the
#: letter written for each, and the similarity of two parts that differ only there:
#: - ch for shin in French spellings: Rachid = Rashid, Cherif = Sharif, Chebaa = Shebaa;
#: - g for ghayn in Russian and Turkish ones: Bagdadi = Baghdadi, Gani = Ghani;
#: - kh for ha in Russian ones and h for kha in Turkish ones: Mukhammad = Muhammad, Horasan =
#:   Khorasan; below the strict cutoff: alone, or as the one distinctive part, it is often
#:   another name (Khan/Han, Khama/Hama);
#: - s for z in German ones, where an s before a vowel is voiced: Nasarbajew = Nazarbayev,
#:   Ramsan = Ramzan; below the strict cutoff too (Hamza is not Hamsa).
_SWAPPED_CONSONANTS = (("C", "S", 0.92), ("G", "g", 0.92), ("X", "h", 0.89), ("z", "s", 0.89))


def _abd_head(key: str) -> str:
    """The first consonant after Abd in an Abd compound's key, velars as one."""
    return key[len(ABD) :].lstrip(_VOWEL_KEYS)[:1].translate(_VELARS)


@lru_cache(maxsize=500_000)
def part_similarity(a: str, b: str) -> float:
    """Similarity in 0..1 of two name parts given as transliteration keys."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if la == 1 or lb == 1:
        # An initial ("W.") fits any part with that first letter.
        return 0.9 if a[0] == b[0] else 0.0
    if not (a.isascii() and b.isascii()) and is_arabic_script(a) != is_arabic_script(b):
        # Across scripts only the consonant skeleton can be compared.
        sa, sb = token_skeleton(a), token_skeleton(b)
        return 0.88 if sa == sb and len(sa) >= 2 else 0.0
    if a.startswith(ABD) and b.startswith(ABD) and _abd_head(a) != _abd_head(b):
        # Abd compounds differ in the one word after Abd: Abd al-Khaliq is not Abd al-Malik.
        return 0.0
    if ("G" in a or "G" in b) and a.replace("G", "k") == b.replace("G", "k"):
        # gh for qaf in Persian-style spellings: Ghasem = Qasem, Ghaani = Qaani.
        return 0.95
    if ("X" in a or "X" in b) and a.translate(_VELARS) == b.translate(_VELARS):
        # kh for qaf or kaf in Maghrebi and African spellings: Khader = Kader, Khawa = Kawa.
        return 0.9
    for letter, swapped, score in _SWAPPED_CONSONANTS:
        if (letter in a or letter in b) and a.replace(letter, swapped) == b.replace(letter, swapped):
            return score
    if la <= MAX_SYLLABLE and lb <= MAX_SYLLABLE and a[1:] == b[1:] and _VOICED_TWIN.get(a[0]) == b[0]:
        # One syllable whose first consonant is written voiced or not, as Korean
        # romanizations do (McCune-Reischauer and Revised): Pom/Bom, To/Do, Cho/Jo. Below
        # the strict cutoff: alone, or as the one distinctive part, it is another name (Gaza/Kaza).
        return 0.89
    if (
        a[-1] == b[-1]
        and la >= 3
        and lb >= 3
        and (a[:2] == b[:2] or (a[0] == b[0] and {a[1], b[1]} == _FATHA_KASRA and la >= 4 and lb >= 4))
        and Levenshtein.distance(a, b, score_cutoff=1) <= 1
        and token_skeleton(a) == token_skeleton(b)
    ):
        # One short vowel apart inside the name on the same consonants: Mohammed/Muhammad,
        # Adel/Adl, Zawahiri/Zawahri; not at its edges (Oman/Amman, Niger/Nigeria). A first
        # vowel a or i in a part of four letters is below the strict cutoff: one part of a
        # longer name (Yehya/Yahya Sinwar), but alone another name (Sina/Sanaa).
        return 0.93 if a[:2] == b[:2] or min(la, lb) >= 5 else 0.89
    ratio = fuzz.ratio(a, b) / 100.0
    if a.startswith(b) or b.startswith(a):
        # One name extends the other at its end: another word (Niger/Nigeria, Hama/Hamas).
        ratio *= 0.9
    return ratio


def name_similarity(
    query: Sequence[str], candidate: Sequence[str], part_cutoff: float
) -> tuple[float, float]:
    """Align two names part by part, in order; return (query coverage, candidate coverage).

    Parts may be skipped on either side but never reordered, so "Salman bin Muhammad"
    does not meet "Muhammad bin Salman".
    """
    wq = _weights(query)
    wc = _weights(candidate)
    return _align(query, wq, sum(wq), candidate, wc, sum(wc), part_cutoff)


def anchored_similarity(
    query: Sequence[str], candidate: Sequence[str], *, turn: bool, person: bool = True, rare: bool = False
) -> float:
    """Similarity of two names whose first and last parts agree and whose middles differ.

    Across sanctions lists one person is "Tariq Aziz" and "Tariq Mikhail Aziz", "Said Arif"
    and "Said Mohamed Arif". Given the names' full-weight parts (no connectors), the shorter
    name's parts must align in order with parts of the longer one, its first and last with
    the longer one's first and last, every part near-exactly (``STRICT_PART_CUTOFF``); each
    part of the longer one left over costs ``GAP_FACTOR``, up to ``MAX_GAPS`` of them (and
    ``MAX_INNER_GAPS`` between the first and last parts, the later ones free). With ``turn``, the candidate turned
    surname first ("Zawahiri Ayman") is tried too, at ``ROTATION_FACTOR``, and for a person of
    three parts or more two neighbouring parts swapped (:func:`_swapped`) at ``SWAP_FACTOR``:
    only for names with no connector, since "Salman bin Muhammad" is not "Muhammad bin Salman".

    When the candidate may be a ``person`` (groups and places named after another are other
    ones: "Islamic State" is not "Islamic State Sahel Province"), the parts left over may also
    follow the last part ("Simon Gatwech" = "Simon Gatwech Dual"), at ``EDGE_FACTOR`` more
    (``PREFIX_FACTOR`` each instead when the shorter name is the other's first parts), but
    never come before the first ("Uday Saddam Hussein" is Saddam Hussein's son); and names of
    as many parts may differ in one (:func:`_one_part_off`). Two neighbouring parts of one
    name may be one part of the other (:func:`_merged`) at ``MERGE_FACTOR``. 0.0 when nothing fits.
    """
    best = _anchored(query, candidate, person=person, rare=rare)
    if abs(len(query) - len(candidate)) == 1:
        best = max(best, _merged(query, candidate) * MERGE_FACTOR)
    if turn and person and len(query) == len(candidate) >= 3:
        best = max(best, _swapped(query, candidate) * SWAP_FACTOR)
    if turn and (len(candidate) >= 3 or len(query) == len(candidate) == 2):
        # Two parts are turned round to meet two ("Mostafa Djamel" = "Djamel Moustfa"), not
        # the first and last of a longer name ("Muhammad Hameida Saleh" is not "Saleh Mohammad").
        for turned in ((candidate[-1], *candidate[:-1]), (*candidate[1:], candidate[0])):
            best = max(best, _anchored(query, turned, rotated=True) * ROTATION_FACTOR)
    return best


def _may_anchor(query: Sequence[str], candidate: Sequence[str], *, turn: bool) -> bool:
    """False when :func:`anchored_similarity` is sure to be 0.0: each way it scores needs the
    query's first part near-exactly like the candidate's first, or (turned round, or the first
    two parts swapped) like its last or second. Similarities are taken with the arguments in
    the order the scoring takes them."""
    if len(candidate) < 2:
        return False  # anchors nothing, and is not turned
    similarity = part_similarity
    q_first = query[0]
    shorter = len(query) <= len(candidate)
    for c_part in (candidate[0], candidate[-1], candidate[1]) if turn else (candidate[0],):
        if (similarity(q_first, c_part) if shorter else similarity(c_part, q_first)) >= STRICT_PART_CUTOFF:
            return True
    return False


def _may_end(query: Sequence[str], candidate: Sequence[str], *, turn: bool) -> bool:
    """False when :func:`anchored_similarity` of two names of as many parts (three or more)
    is sure to be 0.0 by their last parts: each way it scores needs the query's last part like
    the candidate's last as the one part that may differ (``ODD_PART_CUTOFF``), or (turned
    round, or the last two parts swapped) near-exactly like its last but one or its first."""
    similarity = part_similarity
    q_last = query[-1]
    if similarity(q_last, candidate[-1]) >= ODD_PART_CUTOFF:
        return True
    return turn and (
        similarity(q_last, candidate[-2]) >= STRICT_PART_CUTOFF or similarity(q_last, candidate[0]) >= STRICT_PART_CUTOFF
    )


def _anchored(
    query: Sequence[str], candidate: Sequence[str], *, rotated: bool = False, person: bool = False, rare: bool = False
) -> float:
    short, long = (query, candidate) if len(query) <= len(candidate) else (candidate, query)
    gaps = len(long) - len(short)
    if len(short) - short.count(ALLAH) < 2 or gaps > MAX_INNER_GAPS or min(map(len, short)) < 2:
        # An initial anchors nothing, nor does the Allah of one name ("Khairullah" is not two names).
        return 0.0
    if sum(len(part) < 3 for part in short) > (len(short) >= 3):
        # Nor does a two-letter part, but as one of three or more ("Bi Sidi Souleman", "Han Jang Su").
        return 0.0
    if gaps == 0 and not rotated:
        return _one_part_off(short, long) if person else 0.0
    similarity = part_similarity
    first, last = similarity(short[0], long[0]), similarity(short[-1], long[-1])
    if first >= STRICT_PART_CUTOFF and last >= STRICT_PART_CUTOFF:
        if gaps and short[0] != long[0] and short[-1] != long[-1] and not any(part in long[1:-1] for part in short[1:-1]):
            # With parts left over, one part at least must be written alike: two names each a
            # vowel off at both ends meet a longer one ("Sajjad Tariq Jawad" is not "Sajid Javid").
            return 0.0
        middle = _aligned_sum(short[1:-1], long[1:-1])
        if middle is None and len(short) >= 4:
            # The first and last parts and another agree: one more may be only alike, as
            # lists spell a father's name ("Mubarak Mishkhas Sanad al-Bathali" = "Mubarak
            # Mushakhas Sanad Mubarak al-Bathali").
            middle = _loosely_aligned_sum(short[1:-1], long[1:-1])
        return 0.0 if middle is None else (first + middle + last) / len(short) * GAP_FACTOR ** min(gaps, MAX_GAPS)
    if not person or rotated or first < STRICT_PART_CUTOFF:
        # A part before the first is not left over: "Uday Saddam Hussein al-Tikriti" is
        # Saddam Hussein's son.
        return 0.0
    # Parts after the last one: "Simon Gatwech" is "Simon Gatwech Dual"; but one part at least
    # must be written alike, or two common names each a vowel off meet a longer one ("Omer
    # Celik" is not "Omar Salik Mangotara").
    rest = _aligned_sum(short[1:], long[1:])
    if rest is None or gaps > MAX_GAPS or (short[0] != long[0] and not any(part in long[1:] for part in short[1:])):
        return 0.0
    # The name and then the father's ("Paul Malong" = "Paul Malong Awan", "Arefullah Aref" =
    # "Arefullah Aref Ghazi Mohammad"): two parts alone are too common a name for two more.
    prefix = (len(short) > 2 or gaps == 1 or rare) and all(similarity(a, b) >= STRICT_PART_CUTOFF for a, b in zip(short, long[: len(short)], strict=True))
    return (first + rest) / len(short) * (PREFIX_FACTOR**gaps if prefix else GAP_FACTOR**gaps * EDGE_FACTOR)


def _merged(query: Sequence[str], candidate: Sequence[str]) -> float:
    """The mean part similarity of two names alike part by part, each near-exactly, once two
    neighbouring parts of the longer, after its first two, are written as one ("Mahmood Sultan
    Bashiruddin" = "Mahmood Sultan Bashir-ud-Din", whose article the key drops); 0.0 when no
    such join makes them alike. The first two parts must agree as they are: they are what
    :meth:`Resolver._gapped` finds such names by."""
    short, long = (query, candidate) if len(query) < len(candidate) else (candidate, query)
    if len(short) < 3:
        return 0.0
    similarity = part_similarity
    # The parts before the join are compared as they are, alike for every join after them:
    # each is compared once, and the first pair that is not near-exact rules out every later
    # join. A join is given up at its first pair that is not near-exact.
    before: list[float] = []
    best = 0.0
    for i in range(len(short)):
        if i >= 2:
            similarities = [*before, similarity(short[i], long[i] + long[i + 1])]
            if similarities[-1] >= STRICT_PART_CUTOFF:
                for k in range(i + 1, len(short)):
                    sim = similarity(short[k], long[k + 1])
                    if sim < STRICT_PART_CUTOFF:
                        break
                    similarities.append(sim)
                else:
                    best = max(best, sum(similarities) / len(similarities))
        if i + 1 < len(short):
            sim = similarity(short[i], long[i])
            if sim < STRICT_PART_CUTOFF:
                break
            before.append(sim)
    return best


def _swapped(query: Sequence[str], candidate: Sequence[str]) -> float:
    """The mean part similarity of two names alike part by part, each near-exactly, once two
    neighbouring parts of the query change places ("Aboud Mohammed Rogo" = "Aboud Rogo
    Mohammed"); 0.0 when no such swap makes them alike."""
    similarity = part_similarity
    best = 0.0
    for i in range(len(query) - 1):
        swapped = (*query[:i], query[i + 1], query[i], *query[i + 2 :])
        similarities = [similarity(a, b) for a, b in zip(swapped, candidate, strict=True)]
        if min(similarities) >= STRICT_PART_CUTOFF:
            best = max(best, sum(similarities) / len(similarities))
    return best


def _one_part_off(query: Sequence[str], candidate: Sequence[str]) -> float:
    """The mean part similarity of two names of three parts or more that agree near-exactly
    but for one part after the first, still alike (``ODD_PART_CUTOFF``): "Frank Kakorere
    Bwambale" = "Frank Kakolele Bwambale". A first part that differs is another person:
    "Khamis Muammar Qadhafi" is Muammar Qadhafi's son. 0.0 when they differ more."""
    if len(query) < 3:
        return 0.0
    similarities = [part_similarity(a, b) for a, b in zip(query, candidate, strict=True)]
    odd = [i for i, s in enumerate(similarities) if s < STRICT_PART_CUTOFF]
    if len(odd) != 1 or odd[0] == 0 or not _odd_part_alike(query[odd[0]], candidate[odd[0]], similarities[odd[0]]):
        return 0.0
    return sum(similarities) / len(similarities)


def _odd_part_alike(a: str, b: str, similarity: float) -> bool:
    """Whether two parts of similarity below the strict cutoff may still be one name's
    spellings, as the one part that differs between two names: alike (``ODD_PART_CUTOFF``),
    and not one inside the other with letters on both sides, as a shorter name is inside a
    longer one. "Kakorere" is "Kakolele", "Kuol" is "Wol"; "Ali" is not "Khalid"."""
    if similarity < ODD_PART_CUTOFF:
        return False
    short, long = sorted((a, b), key=len)
    return short not in long or long.startswith(short) or long.endswith(short)


def _aligned_sum(short: Sequence[str], long: Sequence[str]) -> float | None:
    """The summed similarity of ``short``'s parts aligned in order, each near-exactly, with
    parts of ``long`` (leftmost first, which finds an alignment when there is one); None if none."""
    similarity = part_similarity
    total = 0.0
    j = 0
    for part in short:
        while j < len(long) and similarity(part, long[j]) < STRICT_PART_CUTOFF:
            j += 1
        if j == len(long):
            return None
        total += similarity(part, long[j])
        j += 1
    return total


def _loosely_aligned_sum(short: Sequence[str], long: Sequence[str]) -> float | None:
    """:func:`_aligned_sum` with one of ``short``'s parts only alike (``ODD_PART_CUTOFF``),
    the others near-exactly; the best such sum, None if none."""
    best: float | None = None
    for i, odd in enumerate(short):
        for j, part in enumerate(long):
            sim = part_similarity(odd, part)
            if not _odd_part_alike(odd, part, sim):
                continue
            before, after = _aligned_sum(short[:i], long[:j]), _aligned_sum(short[i + 1 :], long[j + 1 :])
            if before is not None and after is not None and (best is None or before + sim + after > best):
                best = before + sim + after
    return best


def _align(
    query: Sequence[str],
    wq: Sequence[float],
    q_total: float,
    candidate: Sequence[str],
    wc: Sequence[float],
    c_total: float,
    part_cutoff: float,
) -> tuple[float, float]:
    """:func:`name_similarity` with the weights and their sums given."""
    gain, matched = _chain(_rows(query, wq, part_cutoff), candidate, wc)
    return gain / q_total, matched / c_total


#: A query part as the alignment reads it: its weight, its part cutoff, the part, and its
#: similarities to the candidate parts seen so far (kept for one query).
_AlignRow = tuple[float, float, str, dict[str, float]]


def _rows(query: Sequence[str], wq: Sequence[float], part_cutoff: float) -> list[_AlignRow]:
    significant = wq.count(1.0)
    strict_cutoff = max(part_cutoff, STRICT_PART_CUTOFF)
    after_patronymic = False
    rows: list[_AlignRow] = []
    for q_part, w in zip(query, wq, strict=True):
        # A father's name after bin/abu, or the only distinctive part, must be near-exact:
        # Salman bin Muhammad is not Salman bin Hamad, Amman is not Amran.
        cutoff = strict_cutoff if after_patronymic or (significant == 1 and w == 1.0) else part_cutoff
        after_patronymic = q_part in PATRONYMIC
        rows.append((w, cutoff, q_part, {}))
    return rows


def _needed_rows(rows: Sequence[_AlignRow], total: float, score_cutoff: float) -> list[_AlignRow]:
    """The query's rows (of weights summing to ``total``) without whose alignment the score
    stays below ``score_cutoff``."""
    return [row for row in rows if (total - row[0]) / total < score_cutoff - 1e-9]


def _aligns_in_order(needed: Sequence[_AlignRow], candidate: Sequence[str]) -> bool:
    """Whether each of the ``needed`` rows aligns at its cutoff with a part of ``candidate``,
    in order (found leftmost first, which finds a way when there is one); a candidate for
    which they do not scores below the cutoff that made them needed (see :func:`_needed_rows`)."""
    position = 0
    similarity = part_similarity
    for _, row_cutoff, q_part, similarities in needed:
        for j in range(position, len(candidate)):
            sim = similarities.get(candidate[j])
            if sim is None:
                sim = similarities[candidate[j]] = similarity(q_part, candidate[j])
            if sim >= row_cutoff:
                position = j + 1
                break
        else:
            return False
    return True


def _chain(rows: Sequence[_AlignRow], candidate: Sequence[str], wc: Sequence[float]) -> tuple[float, float]:
    """The best in-order alignment of the query's rows with the candidate's parts: (gain, matched weight).

    The table best[i][j] of the alignment (the best of best[i - 1][j], best[i][j - 1] and a
    match of the two parts on best[i - 1][j - 1]) is the best of the matches above and to the
    left of each cell, so only the matching pairs are visited. Pairs compare as tuples do,
    gain first; each is summed along its chain as the table sums it.
    """
    found: list[tuple[int, float, float]] = []
    similarity = part_similarity
    for w, cutoff, q_part, similarities in rows:
        row: list[tuple[int, float, float]] = []
        for j, c_part in enumerate(candidate):
            sim = similarities.get(c_part)
            if sim is None:
                sim = similarities[c_part] = similarity(q_part, c_part)
            if sim >= cutoff:
                g = c = 0.0
                for k, found_g, found_c in found:
                    if k < j and (found_g > g or (found_g == g and found_c > c)):
                        g, c = found_g, found_c
                row.append((j, g + w * sim, c + wc[j]))
        found += row
    g = c = 0.0
    for _, found_g, found_c in found:
        if found_g > g or (found_g == g and found_c > c):
            g, c = found_g, found_c
    return g, c


class Resolver:
    """Resolve names against a gazetteer.

    Args:
        gazetteer: the entities to resolve to (``Gazetteer.builtin()`` when omitted).
        config: the settings; keyword overrides may be given instead (``fuzzy=False``).

    Example:
        >>> from canonym import Gazetteer, Resolver
        >>> resolver = Resolver(Gazetteer.builtin())
        >>> resolver.resolve("Sayf al-Adl").entity_id
        'saif-al-adel'
    """

    def __init__(
        self, gazetteer: Gazetteer | None = None, config: MatchConfig | None = None, **settings: object
    ) -> None:
        if config is None:
            config = MatchConfig.from_dict(dict(settings)) if settings else MatchConfig()
        elif settings:
            config = MatchConfig.from_dict({**config.to_dict(), **settings})
        self.config = config
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.builtin()
        self.index: AliasIndex = self.gazetteer.index
        self._types = frozenset(config.types)
        #: Decisions per type argument, then per name as given.
        self._cache: dict[str | None, dict[str, Match | None]] = {}
        #: The fuzzy tier's data of this index, shared by its resolvers (made on first use).
        self._prepared = _prepared(self.index)
        self._exact_get = self.index.exact.get
        self._strong = self.index.alias_strong

    # -- public API -------------------------------------------------------------------

    def resolve(self, name: str, type: str | None = None) -> Match | None:
        """Resolve one name; ``None`` when no entity fits (NIL).

        Args:
            name: the name as written, any script, titles and list order allowed. A name
                longer than ``MAX_NAME_LENGTH`` (500) characters is NIL without a look.
            type: restrict to one entity type (PER, ORG, LOC, MISC).
        """
        found = self._exact_get(name)
        if found.__class__ is int and self._strong[found] and type is None and not self._types and ";" not in name:
            # The commonest call, a name as the gazetteer writes it with one strong alias:
            # decided as _resolve_as_written decides it, before the cache and the tiers.
            index = self.index
            entity = index.entities[index.alias_entity[found]]
            return _match(name, entity, 1.0, "exact", index.alias_text[found], index.alias_joined[found])
        if len(name) > MAX_NAME_LENGTH:
            return None  # not cached: the key alone could hold megabytes
        cache = self._cache.get(type)
        if cache is None:
            cache = self._cache[type] = {}
        elif name in cache:
            return cache[name]
        result = self._resolve(name, type, explain=None)
        if len(cache) < 1_000_000 and (result is None or result.score != 1.0):
            # A sure exact hit (score 1.0) is found again as fast as it is looked up here, so it is
            # not kept: kept, every one would be an object more for the collector to walk.
            cache[name] = result
        return result

    def candidates(self, name: str, type: str | None = None) -> list[Match]:
        """All entities in contention for ``name`` with their scores, best first."""
        match = self.resolve(name, type)
        if match is None:
            return []
        ids = ([match.entity_id] if match.entity_id else []) + list(match.candidates)
        out = []
        for rank, entity_id in enumerate(ids):
            entity = self.gazetteer[entity_id]
            score = match.score if rank == 0 or match.ambiguous else match.score * 0.9
            out.append(Match(name, entity, score, match.method, match.alias, match.key))
        return out

    def resolve_many(self, names: Iterable[str | None] | pl.Series, type: str | None = None) -> pl.DataFrame:
        """Resolve many names into the resolution table of SPEC.md.

        Each distinct name is resolved once. A name that one strong alias settles in the
        exact, alias or key tier is decided in bulk, straight into the table's columns (see
        :mod:`canonym.resolution_table`); the others go through :meth:`resolve`. Columns:
        query, entity_id, canonical, type, score, method, candidates.
        """
        from canonym.resolution_table import resolution_table

        return resolution_table(self, names, type)

    def explain(self, name: str, type: str | None = None) -> Explanation:
        """Show the parts, keys, candidates of each tier and the reason for the decision."""
        trace: dict[str, object] = {"tiers": {}, "fuzzy": [], "reason": ""}
        match = self._resolve(name, type, explain=trace)
        query = self._query(name, type)
        tiers = trace["tiers"]
        fuzzy = trace["fuzzy"]
        assert isinstance(tiers, dict) and isinstance(fuzzy, list)
        return Explanation(
            name, query.parts, query.keys, query.skeletons, tiers, fuzzy, match, str(trace["reason"])
        )

    # -- tiers ------------------------------------------------------------------------

    def _query(self, name: str, type: str | None) -> _Query:
        parts = parse_name(name, person=type == "PER")
        keys = part_keys(parts)
        skeletons = tuple(token_skeleton(t) for t in parts.tokens)
        return _Query(name, parts, keys, skeletons, _weights(keys))

    def _allowed(self, ids: Iterable[int], type: str | None) -> list[int]:
        types = self._types
        if type is not None:
            types = frozenset({type}) if not types else types & {type}
        elif not types:
            return list(ids)
        if not types:
            return list(ids)
        entities = self.index.entities
        alias_entity = self.index.alias_entity
        return [a for a in ids if entities[alias_entity[a]].type in types]

    def _lookup_tier(
        self,
        name: str,
        hits: Sequence[int],
        method: str,
        type: str | None,
        filtered: bool,
        explain: dict[str, object] | None,
    ) -> Match | None:
        """The exact or alias tier's answer from its dict hits, or None to go on to the next tier."""
        if filtered:
            hits = self._allowed(hits, type)
        if explain is not None:
            self._trace(explain, method, hits)
        if not hits:
            return None
        return self._sure(name, hits, method, explain) or self._decide(self._query(name, type), hits, method, explain, type)

    def _resolve(self, name: str, type: str | None, explain: dict[str, object] | None) -> Match | None:
        if "(" in name and ";" not in name:
            # "Islamic State (ISIS)", "Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)",
            # "Hezbollah (Lebanon)": what brackets hold (another name, its original script, a
            # country) is set aside, unless the whole is a known name as written.
            head = " ".join(_BRACKETED.sub(" ", name).split())
            index = self.index
            if head and index.exact.get(name) is None and index.folded.get(fold(name)) is None:
                formal = _FORMAL_AFTER.fullmatch(name)
                if formal is not None:
                    # "Korea (Democratic People's Republic of)": the UN's order of a state's
                    # formal name, read as written out, which tells the Koreas apart.
                    found = self._reading(name, f"{formal['form']} of {formal['short']}", 1.0, type, explain, sure_only=True)
                    if found is not None and found.entity is not None:
                        return found
                found = self._reading(name, head, 1.0, type, explain)
                if found is not None:
                    return found
        match = self._resolve_as_written(name, type, explain)
        if match is not None:
            return match
        legal_form = _LEGAL_FORM.search(name) if name.endswith(_LEGAL_FORM_ENDS) else None
        if legal_form is not None and legal_form.start() > 0:
            # "Lockheed Martin Corp.", "Acme Holdings, Inc.": a company known without its legal
            # form, or with it written out ("Korea Ryonbong General Corporation").
            company = name[: legal_form.start()]
            written_out = _LEGAL_FORMS_WRITTEN_OUT.get(legal_form.group().strip(" ,."))
            for reading in (company, f"{company} {written_out}") if written_out else (company,):
                found = self._reading(name, reading, 1.0, type, explain, sure_only=True)
                if found is not None and found.entity is not None and found.entity.type == "ORG":
                    return found
        if "," in name:
            # "Murad, Abdul Hakim": list order with the surname not in capitals, which only
            # person names take (see uninvert); tried when the name as written is unknown.
            turned, inverted = uninvert(name, person=True)
            if inverted and turned != uninvert(name)[0]:
                return self._reading(name, turned, 1.0, type, explain)
            return None
        plain = without_soft_title(name)
        if plain is not None:
            # "Malik Zafar Iqbal": an honorific that is also a given name, tried as a title.
            return self._reading(name, plain, SOFT_TITLE_FACTOR, type, explain)
        for reading in _prefix_readings(name):
            # "AU Transition Mission in Somalia": the body's initials for its name; "ISIL-Sahel"
            # for "ISIS-Sahel": the Islamic State's branches by any of its acronyms.
            found = self._reading(name, reading, 1.0, type, explain, sure_only=True)
            if found is not None and found.entity is not None:
                return found
        if "y" in name and (sh := _MALAY_SY.sub(r"\1h", name)) != name:
            # "Abdul Rochim Ba'asyir" for "Abdul Rochim Bashir".
            found = self._reading(name, sh, 0.98, type, explain)
            if found is not None and found.entity is not None:
                return found
        parted = _GLUED_ARTICLE.sub(r"\g<head> \g<article>", name)
        if parted != name:
            # "Jamaatud Dawa", "Harkatul Mujahideen": the Urdu article written onto the word
            # before it. Only a sure tier may take the reading ("Istanbul" is no "Istanb ul").
            found = self._reading(name, parted, 1.0, type, explain, sure_only=True)
            if found is not None and found.entity is not None:
                return found
        return None

    def _reading(
        self,
        name: str,
        reading: str,
        factor: float,
        type: str | None,
        explain: dict[str, object] | None,
        *,
        sure_only: bool = False,
    ) -> Match | None:
        """Resolve ``reading``, another way to read ``name``, at ``factor`` of its score
        (in the exact, alias and key tiers only with ``sure_only``)."""
        found = self._resolve_as_written(reading, type, explain, sure_only=sure_only)
        if found is not None and found.method != "ambiguous" and found.score * factor < self.config.score_cutoff:
            found = None
            if explain is not None:
                explain["reason"] = f"{explain['reason']}; under {self.config.score_cutoff} at x{factor}"
        if explain is not None:
            explain["reason"] = f"read as {reading!r}: {explain['reason']}"
        if found is None:
            return None
        return replace(found, query=name, score=round(found.score * factor, 4))

    def _resolve_as_written(
        self, name: str, type: str | None, explain: dict[str, object] | None, *, sure_only: bool = False
    ) -> Match | None:
        if len(name) > MAX_NAME_LENGTH:
            return self._note(explain, None, f"{len(name)} characters: longer than any name ({MAX_NAME_LENGTH})")
        if ";" in name:
            return self._packed(name, type, explain)
        index = self.index
        # Most names arrive in their exact form already: one dict lookup before any work.
        found = index.exact.get(name)
        if isinstance(found, int) and index.alias_strong[found] and type is None and explain is None and not self._types:
            # The commonest hit, one strong alias, decided as _sure decides it, without its checks and calls.
            entity = index.entities[index.alias_entity[found]]
            return _match(name, entity, 1.0, "exact", index.alias_text[found], index.alias_joined[found])
        filtered = type is not None or bool(self._types)
        if found is None:
            if not name or not name.strip():
                return self._note(explain, None, "empty name")
            if not (len(name) > 1 and name[:2].isalnum()) and sum(map(str.isalnum, name)) < 2:
                # As the gazetteer refuses names of one character: "x" is no name, though its
                # key ("ks") is Kansas's.
                return self._note(explain, None, "one letter or digit names nothing")
            form = exact_form(name)
            if form != name:
                found = index.exact.get(form)
        if found is not None or explain is not None:
            match = self._lookup_tier(name, alias_ids(found), "exact", type, filtered, explain)
            if match is not None:
                return match
        split: list[str] | None = None
        if "," in name:
            folded = fold_name(uninvert(name)[0])
        elif name.isascii():
            # Folded as fold_name does, keeping the split for the parser.
            split = fold_ascii_parts(name)
            folded = " ".join(split)
        else:
            folded = fold(name)
        found = index.folded.get(folded)
        if found is None and "," in name:
            # "ALEXANDRIA, Va.": a comma that inverts no name, as a dateline writes a place.
            found = index.folded.get(fold_name(name))
        if found is not None or explain is not None:
            match = self._lookup_tier(name, alias_ids(found), "alias", type, filtered, explain)
            if match is not None:
                return match
        fields: ParsedFields | None
        if split is not None and plain_parts(name, split, folded):
            # The common name, its parts as folded: the parse is made only if a later tier needs it.
            fields = None
            tokens = tuple(split)
            keys = tuple(map(index.part_keys.__getitem__, tokens))
        else:
            # Without a comma the name was folded as a whole just above: the parser reuses it.
            fields = parse_fields(name, person=type == "PER", folded=None if "," in name else folded)
            tokens = fields[0]
            if not tokens:
                return self._note(explain, None, "no letters left after folding")
            keys = tokens if fields[4] else tuple(map(index.part_keys.__getitem__, tokens))
        found = index.keyed.get(" ".join(keys))
        if isinstance(found, int) and index.alias_strong[found] and not filtered and explain is None and len(keys) > 1:
            # As on the exact tier: one strong alias decides, as _sure would.
            entity = index.entities[index.alias_entity[found]]
            return _match(name, entity, TIER_SCORES["key"], "key", index.alias_text[found], index.alias_joined[found])
        hits: Sequence[int] = alias_ids(found)
        if filtered:
            hits = self._allowed(hits, type)
        if explain is not None:
            self._trace(explain, "key", hits)
        if hits:
            sure = self._sure(name, hits, "key", explain)
            if sure is not None:
                return self._given_name_of_many(name, keys, index.alias_entity[hits[0]], (), explain) or sure
        if fields is None:
            fields = (tokens, (), False, (False,) * len(tokens), False)
        # The parse is kept for the later tiers; parsing again would cost as much as the first time.
        skeletons = tuple(map(index.part_skeletons.__getitem__, tokens))
        query = _Query(name, _name_parts(fields), keys, skeletons, _weights(keys))
        if hits:
            return self._decide(query, _same_article(name, hits, index.alias_text), "key", explain, type)
        if (len(keys) >= 2 and max(map(len, tokens)) > 1) or len(tokens[0]) >= MIN_JOINED_WORD:
            # Parts written together or apart: "Hamidreza Kazeminia" = "Hamid Reza Kazemi Nia",
            # "Spinboldak" = "Spin Boldak", "South-East Asia" = "Southeast Asia"; not letters
            # alone, which spell no acronym apart ("I S" is no "IS").
            hits = self._prepared.written_together(keys, tokens)
            if filtered:
                hits = self._allowed(hits, type)
            if hits:
                if explain is not None:
                    self._trace(explain, "key", hits)
                return self._decide(query, hits, "key", explain, type)
        if sure_only:
            return self._note(explain, None, "no exact, alias or key match")
        if query.parts.is_partial:
            return self._partial_only(query, type, explain)
        if not self.config.fuzzy:
            return self._note(explain, None, "no exact, alias or key match; fuzzy tier is off")
        return self._fuzzy(query, type, explain) or self._gapped(query, type, explain)

    def _packed(self, name: str, type: str | None, explain: dict[str, object] | None) -> Match | None:
        """Several names in one field, as lists write a person's aliases: "Morteza Rezaie;
        Mortaza Rezai" or "حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)".

        Each is resolved; when those that resolve agree on one entity, it is the match (the
        surest of theirs); when they name several, the name is ambiguous.
        """
        pieces = [piece.strip() for piece in _PACKED.split(name) if piece.strip()]
        matches = [m for m in (self._resolve(piece, type, None) for piece in pieces) if m is not None]
        found = [m for m in matches if m.entity is not None]
        ids = sorted({m.entity.id for m in found if m.entity is not None})
        if len(ids) == 1:
            best = max(found, key=lambda m: m.score)
            reason = f"{len(pieces)} names separated by ';': those that resolve agree"
            return self._note(explain, _match(name, best.entity, best.score, best.method, best.alias, best.key), reason)
        contenders = sorted({*ids, *(c for m in matches if m.ambiguous for c in m.candidates)})
        if contenders:
            reason = f"{len(pieces)} names separated by ';' point at {len(contenders)} entities"
            return self._note(explain, _match(name, None, 0.5, "ambiguous", "", "", tuple(contenders)), reason)
        return self._note(explain, None, f"none of {len(pieces)} names separated by ';' resolves")

    def _sure(self, name: str, hits: Sequence[int], tier: str, explain: dict[str, object] | None) -> Match | None:
        """The fast path: every hit is a strong alias of one entity, so no parsing is needed."""
        index = self.index
        alias_entity = index.alias_entity
        alias_strong = index.alias_strong
        alias_id = hits[0]
        entity_index = alias_entity[alias_id]
        if len(hits) == 1:
            if not alias_strong[alias_id]:
                return None
        else:
            for other in hits:
                if alias_entity[other] != entity_index or not alias_strong[other]:
                    return None
        match = _match(name, index.entities[entity_index], TIER_SCORES[tier], tier, index.alias_text[alias_id], index.alias_joined[alias_id])
        if explain is not None:
            explain["reason"] = f"strong alias of one entity in the {tier} tier"
        return match

    def _trace(self, explain: dict[str, object], tier: str, hits: Sequence[int]) -> None:
        tiers = explain["tiers"]
        assert isinstance(tiers, dict)
        index = self.index
        tiers[tier] = [
            (index.entities[index.alias_entity[a]].id, index.alias_text[a], index.alias_strong[a]) for a in hits
        ]

    @staticmethod
    def _note(explain: dict[str, object] | None, match: Match | None, reason: str) -> Match | None:
        if explain is not None:
            explain["reason"] = reason
        return match

    def _partial_owners(self, query: _Query, type: str | None) -> Sequence[int]:
        key = " ".join(k for k in query.keys)
        owners: Sequence[int] = self.index.partial.get(key, ())
        if owners and query.parts.acronym and len(key) <= 3:
            # Three capitals are an acronym before a surname: "ISI" is an agency's or a
            # group's, not "Ciise" (Isa) of a Somali name.
            owners = [e for e in owners if self.index.entities[e].type != "PER"]
        if type is not None:
            return [e for e in owners if self.index.entities[e].type == type]
        return owners

    def _decide(
        self, query: _Query, hits: Sequence[int], tier: str, explain: dict[str, object] | None, type: str | None = None
    ) -> Match | None:
        index = self.index
        strength: dict[int, bool] = {}
        alias_of: dict[int, int] = {}
        for alias_id in hits:
            entity_index = index.alias_entity[alias_id]
            strong = index.alias_strong[alias_id]
            if strong or entity_index not in strength:
                if not strength.get(entity_index, False):
                    alias_of[entity_index] = alias_id
                strength[entity_index] = strength.get(entity_index, False) or strong
        strong_owners = sorted(e for e, s in strength.items() if s)
        base = TIER_SCORES[tier]
        key = " ".join(query.keys)
        if len(strong_owners) == 1:
            winner = strong_owners[0]
            others = self._ids(e for e in strength if e != winner)
            if tier == "key":
                shared = self._given_name_of_many(query.text, query.keys, winner, others, explain)
                if shared is not None:
                    return shared
            score = base if not others else base * 0.97
            return self._note(
                explain,
                _match(query.text, index.entities[winner], score, tier, index.alias_text[alias_of[winner]], key, others),
                f"strong alias of one entity in the {tier} tier" + (" (outranks weak aliases of others)" if others else ""),
            )
        if len(strong_owners) > 1:
            return self._note(
                explain,
                _match(query.text, None, base * 0.5, "ambiguous", "", key, self._ids(strong_owners)),
                f"strong alias shared by {len(strong_owners)} entities in the {tier} tier",
            )
        # Only weak aliases: a partial name; it identifies only when nobody else bears it.
        weak_owners = set(strength)
        if query.parts.is_kunya_only:
            return self._note(
                explain,
                _match(query.text, None, base * 0.4, "ambiguous", "", key, self._ids(sorted(weak_owners | set(self._partial_owners(query, type))))),
                "a bare kunya identifies nobody on its own",
            )
        owners = weak_owners | set(self._partial_owners(query, type))
        if len(weak_owners) == 1 and not query.parts.is_nisba_only and query.keys[0] not in CONNECTORS:
            # A curated weak alias ("Houthi" for the movement) outranks the surnames it
            # happens to share with people ("Abdul-Malik al-Houthi").
            owners = weak_owners
        bearers: tuple[int, ...] = ()
        if len(owners) == 1:
            bearers = self._given_name_bearers(query.keys, next(iter(owners)))
            if bearers and tier != "key":
                # A weak alias as written ("Assad", Bashar al-Assad's) is not the given name
                # that only shares its key ("Asaad al-Shaibani").
                bearers = self._spelt_as_given_name(bearers, query.parts.tokens[0])
        if len(owners) == 1 and self._names_no_one(query.keys, next(iter(owners))):
            return self._note(
                explain,
                _match(query.text, None, base * 0.5, "ambiguous", "", key, self._ids(sorted(owners))),
                "common given names alone: one person's weak alias, and the name of thousands",
            )
        if len(owners) == 1 and not bearers and not self._is_bare_given_name(query, next(iter(owners))):
            winner = next(iter(owners))
            return self._note(
                explain,
                _match(query.text, index.entities[winner], base * WEAK_FACTOR, tier, index.alias_text[alias_of[winner]], key),
                f"weak alias of one entity only in the {tier} tier",
            )
        if bearers:
            return self._note(
                explain,
                _match(query.text, None, base * 0.5, "ambiguous", "", key, self._ids(sorted({*owners, *bearers}))),
                f"one person's surname or weak alias, and the given name of {len(bearers)} others",
            )
        return self._note(
            explain,
            _match(query.text, None, base * 0.5, "ambiguous", "", key, self._ids(sorted(owners))),
            f"weak alias or partial name shared by {len(owners)} entities",
        )

    def _given_name_bearers(self, keys: tuple[str, ...], entity_index: int) -> tuple[int, ...]:
        """The other people who bear a one-part name as their given name, when they are
        ``COMMON_GIVEN_NAME`` or more: then the name alone ("Omar", "Ibrahim", "Abbas")
        names none of them, though it is the surname or a weak alias of only one person, or
        what is left of a strong alias without its title ("Ustadh Ahmad")."""
        if len(keys) != 1 or self.index.entities[entity_index].type != "PER":
            return ()
        bearers = tuple(e for e in self._prepared.given_name(keys[0]) if e != entity_index)
        return bearers if len(bearers) >= COMMON_GIVEN_NAME else ()

    def _spelt_as_given_name(self, bearers: tuple[int, ...], word: str) -> tuple[int, ...]:
        """The ``bearers`` whose name or strong alias opens with ``word`` (folded) as written,
        when they are still ``COMMON_GIVEN_NAME`` or more; else none."""
        entities = self.index.entities
        spelt = tuple(e for e in bearers if any(fold(n).split()[:1] == [word] for n in (entities[e].name, *entities[e].strong)))
        return spelt if len(spelt) >= COMMON_GIVEN_NAME else ()

    def _given_name_of_many(
        self, name: str, keys: tuple[str, ...], winner: int, others: tuple[str, ...], explain: dict[str, object] | None
    ) -> Match | None:
        """An ambiguous match when a one-part name that the key tier gives to one person's
        strong alias is the given name of many more: "Ahmad" is what "Ustadh Ahmad" leaves
        without the title, and the given name of thirty others. None otherwise."""
        bearers = self._given_name_bearers(keys, winner)
        if not bearers:
            return None
        return self._note(
            explain,
            _match(name, None, TIER_SCORES["key"] * 0.5, "ambiguous", "", " ".join(keys), (*self._ids([winner, *bearers]), *others)),
            f"a strong alias's name without its title, and the given name of {len(bearers)} others",
        )

    def _names_no_one(self, keys: tuple[str, ...], entity_index: int) -> bool:
        """Whether a person's weak alias is common given names that share no part with their
        other names ("Mohamed Osman" for Aly Soliman Massoud Abdul Sayed)."""
        entity = self.index.entities[entity_index]
        return entity.type == "PER" and common_given_names_apart(keys, (entity.name, *entity.strong, *entity.weak))

    def _is_bare_given_name(self, query: _Query, entity_index: int) -> bool:
        """A one-part name of a person that is not their surname or nisba ("Yusuf", "Hassan")."""
        entity = self.index.entities[entity_index]
        if entity.type != "PER" or len(query.keys) != 1:
            return False
        return entity_index not in self.index.partial.get(query.keys[0], ())

    def _partial_only(self, query: _Query, type: str | None, explain: dict[str, object] | None) -> Match | None:
        owners = self._partial_owners(query, type)
        key = " ".join(query.keys)
        if not owners:
            return self._note(explain, None, "a partial name that no known entity bears")
        if len(owners) == 1 and not query.parts.is_kunya_only:
            entity = self.index.entities[owners[0]]
            return self._note(
                explain,
                _match(query.text, entity, TIER_SCORES["key"] * WEAK_FACTOR * 0.95, "key", entity.name, key),
                "surname or nisba of one known person only",
            )
        return self._note(
            explain,
            _match(query.text, None, 0.4, "ambiguous", "", key, self._ids(owners)),
            f"partial name borne by {len(owners)} known people" if len(owners) > 1 else "a bare kunya identifies nobody on its own",
        )

    @staticmethod
    def _intersect(sets: list[frozenset[int]]) -> frozenset[int]:
        """The intersection, smallest set first; a single set is returned as it is (read only)."""
        if len(sets) == 1:
            return sets[0]
        sets = sorted(sets, key=len)
        return sets[0].intersection(*sets[1:])

    def _fuzzy(self, query: _Query, type: str | None, explain: dict[str, object] | None) -> Match | None:
        """Score the aliases that can reach the score floor; decide on the best.

        A query part whose weight exceeds what the score can lose must align with a part of
        the candidate, so candidates are the intersection of those parts' near aliases
        (:meth:`_Prepared.aliases`), not the union: a name not in the gazetteer has few or none.
        """
        index = self.index
        config = self.config
        by_token = index.by_token
        by_skeleton = index.keys_by_skeleton
        total = sum(query.weights)
        # The lowest score that can still matter: a match, or a runner-up that makes it ambiguous.
        floor = max(config.score_cutoff - config.min_gap, 0.0)
        # A query part heavier than this must align, or the score stays below the floor.
        slack = (1.0 - floor) * total
        parts: list[tuple[str, str, bool]] = []
        unknown: list[str] = []
        substantial = 0
        for key, skeleton, weight in zip(query.keys, query.skeletons, query.weights, strict=True):
            if key in CONNECTORS or len(key) < 2:
                continue
            if len(key) >= 4:
                substantial += 1
                if key not in by_token and (len(skeleton) < 2 or loose_skeleton(skeleton) not in by_skeleton):
                    unknown.append(key)
            parts.append((key, skeleton, weight > slack))
        if unknown and 2 * len(unknown) > substantial:
            # Half the substantial parts appear in no alias, not even by their consonants.
            return None if explain is None else self._note(explain, None, f"no known name has a part like {unknown[0]!r}")
        prepared = self._prepared
        aliases_of = prepared.aliases
        required = [(key, skeleton) for key, skeleton, needed in parts if needed]
        candidates: frozenset[int]
        if required:
            # Keys first: most names not in the gazetteer have parts that no alias holds together.
            # A spelling no alias has is blocked on all the keys of its skeleton at first, which
            # spares the similarity checks that choose among them when even those hold no alias
            # with the other parts.
            part_of, cutoff = prepared.part, config.part_cutoff
            blocked = [part_of(key, skeleton, cutoff) for key, skeleton in required]
            blocks = [part.chosen_from for part in blocked]
            separate = len(blocks) > 1 and prepared.disjoint(blocks)
            if not separate and not all(part.known for part in blocked):
                blocks = list(map(prepared.near, blocked))
                separate = len(blocks) > 1 and prepared.disjoint(blocks)
            if separate and len(required) == 2 and query.weights.count(1.0) == 2:
                # The two required parts are the name's two full parts (a third full part would
                # be required too), and their blocks hold the keys the gapped tier anchors on
                # (for a key not in the index, when its skeleton is not one letter).
                query.apart = all(key in by_token or len(skeleton) >= 2 for key, skeleton in required)
            sets = [] if separate else list(map(aliases_of, blocked))
            candidates = frozenset() if separate else self._intersect(sets)
            for left_out, (key, _) in enumerate(required):
                if key not in by_token and len(required) > 1:
                    # A spelling no alias has may still be like a part of the right one by
                    # edit distance only ('Badruldeen', 'Badreddin'): the few names that hold
                    # all the other required parts, when one of those parts is rare, are
                    # candidates too. (When no two blocks are disjoint, no two of these are.) A
                    # name holds a part as itself, not as an initial: one more alias with an
                    # initial "S." must not make "Sinwar" too common a part to rescue "Yehia".
                    if separate and len(required) > 2 and prepared.disjoint(blocks[:left_out] + blocks[left_out + 1 :]):
                        continue  # no name holds them all
                    rarer = [prepared.held(part) for i, part in enumerate(blocked) if i != left_out]
                    if min(map(len, rarer)) <= config.max_candidates:
                        rest = self._intersect(rarer)
                        if len(rest) <= PREFILTER_SIZE:
                            candidates = candidates | rest
        elif parts:
            # Every part could be left out (a long name of light parts): the two rarest parts.
            optional = sorted([aliases_of(prepared.part(key, skeleton, config.part_cutoff)) for key, skeleton, _ in parts], key=len)
            union: set[int] = set()
            for aliases in optional[:2]:
                if len(union) + len(aliases) > config.max_candidates and union:
                    break
                union.update(sorted(aliases)[: config.max_candidates])
            candidates = frozenset(union)
        else:
            return self._note(explain, None, "nothing to block candidates on")
        if not candidates:
            return None if explain is None else self._note(explain, None, f"no fuzzy candidate reaches {config.score_cutoff}")
        allowed = sorted(candidates)
        if type is not None or self._types:
            allowed = self._allowed(allowed, type)
        if len(allowed) > PREFILTER_SIZE:
            # A vectorized first pass (rapidfuzz over whole keys) keeps the part-by-part
            # alignment for the few candidates that can reach the cutoff.
            joined = list(map(index.alias_joined.__getitem__, allowed))
            shortlist = process.extract(
                " ".join(query.keys), joined, scorer=fuzz.ratio, processor=None,
                score_cutoff=PREFILTER_CUTOFF, limit=PREFILTER_SIZE,
            )
            allowed = [allowed[position] for _, _, position in shortlist]
        alias_strong = index.alias_strong
        alias_entity = index.alias_entity
        q_keys, q_weights = query.keys, query.weights
        q_full, n = q_weights.count(1.0), len(q_keys)
        score_cutoff = config.score_cutoff
        # First the aliases that can reach the cutoff: when none does, the name is NIL whatever
        # the others score. Those that can reach only the floor (-1.0 here) are scored when
        # there is a match: they may be its runners-up or candidates.
        scores: dict[int, float] = {}
        best = 0.0
        rows = _rows(q_keys, q_weights, config.part_cutoff)
        # The parts without which the score stays below the cutoff: an alias waits when they do
        # not all align, in order, with parts of its own (found leftmost first, which finds a
        # way when there is one). Most aliases that come this far in a name not in the gazetteer
        # fail it, and it stops at the first part that does not align, where the full alignment
        # compares every part with every part.
        needed = _needed_rows(rows, total, score_cutoff)
        bounds: dict[tuple[int, int, float], float] = {}
        if not spelt_acronym(query.text) and not (acronyms := prepared.acronyms()).isdisjoint(allowed):
            allowed = [alias_id for alias_id in allowed if alias_id not in acronyms]
        for alias_id in allowed:
            candidate, c_weights, c_total, c_full = prepared.parts(alias_id)
            if not c_full and q_full:
                continue  # initials and connectors alone ("J&K") spell no name of full parts ("Jon Ketter")
            # At most min(n, m) parts align: an upper bound on both coverages, before the DP.
            shape = (len(candidate), c_full, c_total)
            bound = bounds.get(shape)
            if bound is None:
                pairs = min(n, len(candidate))
                bound = bounds[shape] = _top_weight(q_full, n, pairs) / total * (_top_weight(c_full, len(candidate), pairs) / c_total) ** 0.5
            factor = 1.0 if alias_strong[alias_id] else 0.95
            if bound * factor < score_cutoff - 1e-9:
                if bound * factor >= floor - 1e-9:
                    scores[alias_id] = -1.0
                continue
            if not _aligns_in_order(needed, candidate):
                scores[alias_id] = -1.0
                continue
            gain, matched = _chain(rows, candidate, c_weights)
            score = gain / total * (matched / c_total) ** 0.5
            if factor != 1.0:
                score *= factor
            scores[alias_id] = score
            if score > best:
                best = score
        if best < score_cutoff and explain is None:
            return None
        scored: dict[int, tuple[float, int]] = {}
        for alias_id in allowed:
            score = scores.get(alias_id)
            if score is None:
                continue
            if score < 0.0:
                candidate, c_weights, c_total, _ = prepared.parts(alias_id)
                gain, matched = _chain(rows, candidate, c_weights)
                score = gain / total * (matched / c_total) ** 0.5
                if not alias_strong[alias_id]:
                    score *= 0.95
            entity_index = alias_entity[alias_id]
            if score > scored.get(entity_index, (0.0, -1))[0]:
                scored[entity_index] = (score, alias_id)
        ids = index.entities.ids  # sorting by id makes no entity
        ranked = sorted(scored.items(), key=lambda item: (-item[1][0], ids[item[0]]))
        if explain is not None:
            explain["fuzzy"] = [(index.entities[e].id, index.alias_text[a], s) for e, (s, a) in ranked[:10]]
        if not ranked or ranked[0][1][0] < config.score_cutoff:
            shown = f" (best {ranked[0][1][0]:.3f})" if ranked else ""
            return self._note(explain, None, f"no fuzzy candidate reaches {config.score_cutoff}{shown}")
        (winner, (score, alias_id)) = ranked[0]
        if q_full == 1 and n > 1 and min(map(len, q_keys)) == 1:
            # An initial and one full part: the initial fits any part with its letter, so the
            # full part must be written alike ("H-Blocks" is not "Hans Blix").
            lone = q_keys[q_weights.index(1.0)]
            if lone not in prepared.parts(alias_id)[0]:
                return self._note(explain, None, f"an initial and {lone!r}, which {index.alias_text[alias_id]!r} does not hold as written")
        close = [e for e, (s, _) in ranked[1:] if s >= score - config.min_gap]
        key = " ".join(query.keys)
        if close:
            return self._note(
                explain,
                _match(query.text, None, score * 0.5, "ambiguous", "", key, self._ids([winner, *close])),
                f"fuzzy runner-up within {config.min_gap} of the best",
            )
        if self._another_bearer(query, alias_id):
            return self._note(explain, None, _ANOTHER_BEARER)
        if self._across_scripts_only(query.text, alias_id, winner):
            return self._note(explain, None, _ACROSS_SCRIPTS)
        if not index.alias_strong[alias_id] and common_given_names_only(q_keys):
            # "Mohamed Saeed" is many men: a weak alias of common given names ("Muhammad
            # Saeed" of Hafiz Saeed) is not met by another spelling of them.
            return self._note(explain, None, f"common given names only, met roughly by a weak alias {index.alias_text[alias_id]!r}")
        others = self._ids(e for e, _ in ranked[1 : 1 + config.limit])
        return self._note(
            explain,
            _match(query.text, index.entities[winner], round(min(score, FUZZY_CEILING), 4), "fuzzy", index.alias_text[alias_id], key, others),
            f"fuzzy similarity {score:.3f} >= {config.score_cutoff}, lead over runner-up >= {config.min_gap}",
        )

    def _gapped(self, query: _Query, type: str | None, explain: dict[str, object] | None) -> Match | None:
        """After a fuzzy NIL: a name with parts more or fewer, one part unlike, or surname first.

        Candidates are the aliases with a part near-exactly like the query's first full part
        and one like its last; or like its second, of as many parts (the last may differ); or
        ending with a part like one of its last ``MAX_GAPS + 1`` (the alias may end earlier;
        see :func:`anchored_similarity`). When more than ``MAX_ANCHORED`` aliases hold the
        anchors, the name is too common to decide on. Scored by :func:`anchored_similarity`;
        decided as the fuzzy tier decides (cutoff, and a runner-up within ``min_gap`` makes it
        ambiguous).
        """
        config = self.config
        if query.apart:
            return None  # no alias holds both anchors of a name of two full parts
        full = [(k, s) for k, s, w in zip(query.keys, query.skeletons, query.weights, strict=True) if w == 1.0]
        if len(full) < 2:
            return None
        prepared = self._prepared
        q_keys = [key for key, _ in full]
        n_full = len(q_keys)
        part_of, cutoff = prepared.part, config.part_cutoff
        first = prepared.strict(part_of(*full[0], cutoff))
        if not first:
            return None

        def strict_keys(key: str, skeleton: str) -> tuple[str, ...]:
            # The other parts' keys count only with an alias that holds one of `first` too: for
            # a spelling no alias has, its keys are not chosen (by similarity, one by one) when
            # no alias holds one of `first` and one of the keys they would be chosen from.
            part = part_of(key, skeleton, cutoff)
            if not part.known:
                chosen_from = part.chosen_from
                if len(skeleton) == 1:
                    chosen_from = (*chosen_from, *prepared.keys_of_skeleton(skeleton))
                if not chosen_from or prepared.disjoint((first, chosen_from)):
                    return ()
            return prepared.strict(part)

        # An alias that fits holds the query's first and last parts: the anchors of a name with
        # parts more (or fewer) inside or after them, or turned surname first.
        candidates: set[int] = set()
        last = strict_keys(*full[-1])
        if last:
            held = prepared.anchored(first, last)
            if held is None:
                return None  # too common a name to decide on
            candidates.update(held)
        if len(full) >= 3:
            # Or it differs in the last part only (see _one_part_off): it holds the first two,
            # and as many full parts as the query, or one more or fewer that two of the
            # longer name written as one make alike (see _merged).
            both = prepared.anchored(first, strict_keys(*full[1]))
            if both is not None:  # else too common a start to decide on
                for alias_id in both:
                    c_keys = prepared.full(alias_id)[0]
                    if len(c_keys) == n_full or (abs(len(c_keys) - n_full) == 1 and _merged(q_keys, c_keys)):
                        candidates.add(alias_id)
        # Or it is the query's first parts, ending up to MAX_GAPS parts before the query does.
        for key, skeleton in full[max(1, len(full) - 1 - MAX_GAPS) : -1]:
            candidates.update(prepared.ending(first, strict_keys(key, skeleton)))
        if not candidates or len(candidates) > MAX_ANCHORED:
            return None
        plain = CONNECTORS.isdisjoint(query.keys)
        kunya = query.keys[0] in KUNYA
        # A two-part name whose last part few people bear may be a longer name's first two
        # parts, the father's and grandfather's after them ("Paul Malong" = "Paul Malong Awan Anei").
        rare = n_full == 2 and self._borne_by_few(q_keys[1])
        index = self.index
        scored: dict[int, tuple[float, int]] = {}
        for alias_id in self._allowed(sorted(candidates), type):
            c_keys, c_kunya, c_plain = prepared.full(alias_id)
            if c_kunya != kunya:
                continue  # "Abu Badr" is Badr's father, not Badr
            if index.entities.types[index.alias_entity[alias_id]] in NOT_PEOPLE and not _same_words(query.keys, prepared.parts(alias_id)[0]):
                continue
            turn = plain and c_plain
            if not _may_anchor(q_keys, c_keys, turn=turn) or (len(c_keys) == n_full >= 3 and not _may_end(q_keys, c_keys, turn=turn)):
                continue  # it scores 0.0, as most candidates do, and 0.0 is not ranked
            entity_index = index.alias_entity[alias_id]
            person = index.entities.types[entity_index] not in NOT_PEOPLE
            score = anchored_similarity(q_keys, c_keys, turn=turn, person=person, rare=rare)
            if not index.alias_strong[alias_id]:
                score *= 0.95
            if score > scored.get(entity_index, (0.0, -1))[0]:
                scored[entity_index] = (score, alias_id)
        ids = index.entities.ids
        ranked = sorted(scored.items(), key=lambda item: (-item[1][0], ids[item[0]]))
        if not ranked or ranked[0][1][0] < config.score_cutoff:
            return None
        winner, (score, alias_id) = ranked[0]
        key = " ".join(query.keys)
        close = [e for e, (s, _) in ranked[1:] if s >= score - config.min_gap]
        if close:
            return self._note(
                explain,
                _match(query.text, None, score * 0.5, "ambiguous", "", key, self._ids([winner, *close])),
                f"names alike part by part, runner-up within {config.min_gap} of the best",
            )
        if self._another_bearer(query, alias_id):
            return self._note(explain, None, _ANOTHER_BEARER)
        return self._note(
            explain,
            _match(query.text, index.entities[winner], round(min(score, FUZZY_CEILING), 4), "fuzzy", index.alias_text[alias_id], key),
            f"parts agree in order, some more or fewer or one unlike, or surname first: {score:.3f} >= {config.score_cutoff}",
        )

    def _across_scripts_only(self, text: str, alias_id: int, entity_index: int) -> bool:
        """Whether the fuzzy tier meets an entity only through an alias in another script
        (compared by consonants alone) when the entity has spellings in the query's script,
        which the query does not meet: "Ibrahim Kulane" is not Ibrahim Kalin, whose Arabic
        "إبراهيم قالن" has the consonants of both."""
        index = self.index
        arabic = is_arabic_script(text)
        if is_arabic_script(index.alias_text[alias_id]) == arabic:
            return False
        entity = index.entities[entity_index]
        return any(is_arabic_script(name) == arabic for name in (entity.name, *entity.strong, *entity.weak))

    def _another_bearer(self, query: _Query, alias_id: int) -> bool:
        """Whether a name and an alias agree only in common given names, so that the name is
        another of their many bearers with a family name of his own.

        - The shorter, of two parts or more, is only given names (the first that of
          ``COMMON_GIVEN_NAME`` people or more, the others of two or more) and the longer
          ends otherwise: "Mohamed Ali Abdullahi" is not "Mohamed Ali Abdullah Bawazir",
          whose family name it lacks, "Mohamed Saeed Awabdi" is not the "Muhammad Saeed" of
          a list, nor "Mohamed-Amine Zeroual" its "Muhammad Amin"; or the shorter is
          the alias, a given name and a father's, and the name has another part between them.
        - Of as many parts (three or more), they differ in the last, unlike (``UNLIKE_SURNAME``),
          after common given names: "Mohammad Reza Rahimi" is not "Mohammad Reza Zahedi".
        - The name is a common given name and a family name only like the alias's last part,
          which has a part more: "Mohamed al-Kani" is not "Mohammad Ashraf Ghani".
        """
        prepared = self._prepared
        keys = [k for k, w in zip(query.keys, query.weights, strict=True) if w == 1.0]
        known = prepared.full(alias_id)[0]
        if len(keys) == len(known):
            return (
                len(keys) >= 3
                and part_similarity(keys[-1], known[-1]) < UNLIKE_SURNAME
                and len(prepared.given_name(keys[0])) >= COMMON_GIVEN_NAME
                and all(len(prepared.given_name(k)) >= 2 for k in keys[1:-1])
            )
        shorter = min(keys, known, key=len)
        if (
            shorter is keys
            and len(keys) == 2
            and keys[-1] != known[-1]
            and part_similarity(keys[0], known[0]) >= STRICT_PART_CUTOFF
            and len(prepared.given_name(keys[0])) >= COMMON_GIVEN_NAME
        ):
            # A common given name and a family name only like the known one's, which has a
            # part more: two differences where one part agrees ("Mohamed al-Kani" is not
            # "Mohammad Ashraf Ghani").
            return True
        if len(shorter) < 2 or len(prepared.given_name(shorter[0])) < COMMON_GIVEN_NAME or not all(len(prepared.given_name(k)) >= 2 for k in shorter[1:]):
            return False
        if part_similarity(keys[-1], known[-1]) < STRICT_PART_CUTOFF:
            return True
        # Alike in the last part: a family name ("Hamid Abdallah al-Ali" is "Hamid al-Ali"),
        # unless the known name is a given name and a father's without an article, which
        # another name between them makes another father's son: "Mohammad Ali al-Hasan" is
        # not the "Mohamed Hassan" of a list.
        return shorter is known and len(known) == 2 and parse_name(self.index.alias_text[alias_id]).articled[-1:] != (True,)

    def _borne_by_few(self, key: str) -> bool:
        """Whether at most ``RARE_PART_BEARERS`` entities have a name part of this key (counted
        until one more is found: a common part's posting is long)."""
        alias_entity = self.index.alias_entity
        bearers: set[int] = set()
        for alias_id in self._prepared.posting(key):
            bearers.add(alias_entity[alias_id])
            if len(bearers) > RARE_PART_BEARERS:
                return False
        return True

    def _ids(self, entity_indexes: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.index.entities[e].id for e in entity_indexes)[: max(self.config.limit, 1) * 4]
