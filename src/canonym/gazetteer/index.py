"""The lookup index of a gazetteer: every alias normalized once, at build time.

Tiers read it cheapest first: ``exact`` (the alias as written), ``folded`` (after
:func:`canonym.fold`), ``keyed`` (after :func:`canonym.name_key`), and the token postings
that block candidates for fuzzy scoring (``by_token``, by part key; ``keys_by_skeleton``
finds the part keys that share a consonant skeleton, and so their postings). ``partial``
maps a person's surname, nisba or kunya to every person who bears it, so that a partial
name can be told apart from an identifying one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

from canonym.gazetteer.model import Entity, EntityTable
from canonym.normalize import token_key, token_skeleton
from canonym.normalize.names import fold_name, name_tokens_many, uninvert
from canonym.normalize.translit import loose_skeleton

CONNECTORS = frozenset({"abu", "umm", "bin", "bint", "ould", "ag"})


def exact_form(name: str) -> str:
    """The form compared by the exact tier: NFC with runs of whitespace collapsed."""
    return " ".join((name if name.isascii() else unicodedata.normalize("NFC", name)).split())


def is_exact_form(name: str) -> bool:
    """A quick sufficient test of ``exact_form(name) == name``, without making the form.

    An ASCII name that splits on whitespace holds a space, a control character (not printable)
    or both; with single inner spaces only, it is its own form.
    """
    return name.isascii() and name.isprintable() and "  " not in name and name[:1] != " " and name[-1:] != " "


def folded_form(name: str) -> str:
    """The form compared by the alias tier: folded, list order undone."""
    return fold_name(uninvert(name)[0])


#: Korean family names (their keys), which open a Korean name: "Ko Chol Chae", "Kim Yo Jong".
_KOREAN_FAMILY_NAMES = frozenset(
    token_key(name)
    for name in ["kim", "ri", "rhee", "pak", "park", "choe", "choi", "jong", "chong", "jang", "chang", "kang", "ko", "han", "yun", "mun", "son", "cho", "jo", "hwang", "paek", "ryu", "ra", "hyon", "jon", "chon", "min", "ku", "chu", "pae", "yon", "kwon", "sin", "shin", "hong", "ryom", "thae", "ju", "sok", "nam", "song", "rim", "ro", "kye", "yang", "kil", "ham", "chae", "tong"]
)
_VOWEL_RUN = re.compile(r"[aeiouy]+")


def _is_family_name_first(tokens: tuple[str, ...]) -> bool:
    """Whether part keys are a Korean name's: a family name, then one or more parts of one
    syllable each (three parts in all, most often)."""
    return (
        2 <= len(tokens) <= 4
        and tokens[0] in _KOREAN_FAMILY_NAMES
        and all(len(_VOWEL_RUN.findall(t)) == 1 and len(t) <= 6 for t in tokens[1:])
    )


def partial_keys(tokens: tuple[str, ...]) -> list[str]:
    """Keys under which a person's name is known partially: surname, 'bin X', kunya. None for
    a Korean name: its last part is a syllable of the given name, and its family name (Kim,
    Ri, Pak) is borne by millions; the document that names the person in full settles it."""
    if _is_family_name_first(tokens):
        return []
    significant = [t for t in tokens if t not in CONNECTORS]
    keys: list[str] = []
    if len(significant) >= 2:
        keys.append(tokens[-1])
        if len(tokens) >= 2 and tokens[-2] in ("bin", "bint", "ould", "ag"):
            keys.append(f"{tokens[-2]} {tokens[-1]}")
    if len(tokens) >= 3 and tokens[0] in ("abu", "umm"):
        keys.append(f"{tokens[0]} {tokens[1]}")
    return keys


class _Memo(dict[str, str]):
    """A dict that fills itself from ``function`` on a miss (one call per distinct token)."""

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, token: str) -> str:
        value = self[token] = self.function(token)
        return value


#: What a tier map holds for a form: the one alias id with that form, or the ids of all the
#: aliases with it, in order, when several share it (see :func:`alias_ids`).
Hits = int | tuple[int, ...]


def alias_ids(found: Hits | None) -> tuple[int, ...]:
    """The alias ids of a tier map's value (``None``, for a form not in the map, has none)."""
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


class PartKeys(dict[str, str]):
    """The transliteration key of every part of the gazetteer's aliases, made at build time.

    A part that is not there is keyed by :func:`~canonym.normalize.token_key` on lookup
    and not kept: the map stays the index's own data.
    """

    __slots__ = ()

    def __missing__(self, token: str) -> str:
        return token_key(token)


class PartSkeletons(dict[str, str]):
    """The consonant skeleton of every part of the gazetteer's aliases (see :class:`PartKeys`)."""

    __slots__ = ()

    def __missing__(self, token: str) -> str:
        return token_skeleton(token)


def _group(keys: Sequence[str]) -> dict[str, Hits]:
    """Each key's position, or the tuple of its positions when it occurs more than once.

    Most keys occur once, and a bare int is cheaper than a container in every way: no object
    to make, pickle or read back, nothing for the collector to walk.
    """
    # Made in C; reversed, so that a key's first position is the one kept.
    groups: dict[str, Hits] = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    if len(groups) == len(keys):
        return groups
    shared: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        first = groups[key]
        if first != position:
            assert isinstance(first, int)
            more = shared.get(key)
            if more is None:
                shared[key] = [first, position]
            else:
                more.append(position)
    for key, positions in shared.items():
        groups[key] = tuple(positions)
    return groups


def _ungroup(groups: dict[str, Hits], size: int) -> list[str]:
    """The inverse of :func:`_group`: the key at each position."""
    keys = [""] * size
    for key, found in groups.items():
        if isinstance(found, int):
            keys[found] = key
        else:
            for position in found:
                keys[position] = key
    return keys


def _postings(rows: Sequence[tuple[str, ...]], skip: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """For each value in ``rows`` but those in ``skip``: the rows that hold it, each once, in order."""
    groups: dict[str, list[int]] = {}
    for position, row in enumerate(rows):
        for value in row:
            if value in skip:
                continue
            found = groups.get(value)
            if found is None:
                groups[value] = [position]
            elif found[-1] != position:  # a value twice in one row is listed once
                found.append(position)
    return {value: tuple(positions) for value, positions in groups.items()}


def _keys_by_skeleton(pairs: set[tuple[str, str]], by_token: dict[str, tuple[int, ...]]) -> dict[str, tuple[str, ...]]:
    """For every skeleton of an alias part but "", made loose (:func:`loose_skeleton`): the part
    keys with it that have postings, sorted."""
    groups: dict[str, list[str]] = {}
    for key, skeleton in pairs:
        if skeleton:
            skeleton = loose_skeleton(skeleton)
            group = groups.get(skeleton)
            if group is None:
                group = groups[skeleton] = []
            if key in by_token:
                group.append(key)
    return {skeleton: tuple(sorted(keys)) for skeleton, keys in groups.items()}


#: British and American spellings of the words of institutions' names, each way round:
#: Reuters writes "Stabilisation Mission" and "Defence Intelligence Agency" where the
#: gazetteer has "Stabilization Mission" and "Defense Intelligence Agency".
_SPELLINGS = {
    one: other
    for pair in [("isation", "ization"), ("defence", "defense"), ("centre", "center"), ("programme", "program"), ("labour", "labor"), ("armoured", "armored")]
    for one, other in (pair, pair[::-1])
}
_SPELLING = re.compile(r"(" + "|".join(_SPELLINGS) + r")(?=s?\b)", re.IGNORECASE)
#: The same words in lowercase, without the word-end test: a quick look before the case-blind
#: pattern above, which is five times slower on the names (most) that hold none of them.
_SPELLING_LOWER = re.compile("|".join(_SPELLINGS))


def _respelled(match: re.Match[str]) -> str:
    written = match.group(1)
    other = _SPELLINGS[written.lower()]
    if written.isupper():
        return other.upper()
    return other.capitalize() if written[0].isupper() else other


def other_spelling(name: str) -> str:
    """``name`` with its British spellings made American and its American ones British
    ("Defense Intelligence Agency" -> "Defence Intelligence Agency"); most names are unchanged."""
    if _SPELLING_LOWER.search(name.lower()) is None:
        return name
    return _SPELLING.sub(_respelled, name)


def _aliases(table: EntityTable) -> tuple[list[str], list[int], list[bool]]:
    """Every name of every entity with its entity and strength, as :meth:`Entity.names` orders
    them, each followed by its :func:`other_spelling` when that differs and is not a name of
    the entity already."""
    texts: list[str] = []
    owners: list[int] = []
    strengths: list[bool] = []
    rows = zip(table.names, table.strong, table.weak, strict=True)
    for entity_index, (name, strong_names, weak_names) in enumerate(rows):
        names = [(name, True)]
        if strong_names:
            names += [(n, True) for n in strong_names]
        if weak_names:
            names += [(n, False) for n in weak_names]
        respelled = [(other, strong) for text, strong in names if (other := other_spelling(text)) != text]
        if respelled:
            names += [(other, strong) for other, strong in respelled if all(other != n for n, _ in names)]
        for text, strong in names:
            texts.append(text)
            owners.append(entity_index)
            strengths.append(strong)
    return texts, owners, strengths


@dataclass(slots=True)
class AliasIndex:
    """Normalized aliases of a list of entities and the maps that find them.

    ``entities`` is an :class:`EntityTable`: entities are made when first looked at. The
    tier maps (``exact``, ``folded``, ``keyed``) hold :data:`Hits`: read them with
    :func:`alias_ids`.
    """

    entities: EntityTable
    alias_text: tuple[str, ...]
    alias_entity: tuple[int, ...]
    alias_strong: tuple[bool, ...]
    alias_joined: tuple[str, ...]
    exact: dict[str, Hits]
    folded: dict[str, Hits]
    keyed: dict[str, Hits]
    by_token: dict[str, tuple[int, ...]]
    keys_by_skeleton: dict[str, tuple[str, ...]]
    #: Keys and skeletons of the parts of the aliases, for the query parts that are among them.
    part_keys: PartKeys
    part_skeletons: PartSkeletons
    partial: dict[str, tuple[int, ...]]
    by_id: dict[str, int]

    @classmethod
    def build(cls, entities: Sequence[Entity]) -> AliasIndex:
        """Normalize every alias of ``entities`` and fill the maps.

        Each distinct token is keyed and skeletonized once, however many aliases share it.
        """
        table = entities if isinstance(entities, EntityTable) else EntityTable.from_entities(entities)
        texts, owners, strengths = _aliases(table)
        types = table.types
        persons = [types[owner] == "PER" for owner in owners]
        # As folded_form, without its uninvert call for the names that have no comma.
        folded = [fold_name(uninvert(text)[0]) if "," in text else fold_name(text) for text in texts]
        # name_tokens_many is parse_name without a NameParts or its memo (100k aliases kept there would
        # be 100k more objects for the collector to walk); the alias tier's fold is its own fold
        # of a name without a comma, so it is passed on rather than done twice.
        parsed = name_tokens_many(
            texts, persons, [None if "," in text else form for text, form in zip(texts, folded, strict=True)]
        )
        if not all(tokens for tokens, _ in parsed):
            # A name with no letters is not indexed.
            kept = [i for i, (tokens, _) in enumerate(parsed) if tokens]
            texts = [texts[i] for i in kept]
            owners = [owners[i] for i in kept]
            strengths = [strengths[i] for i in kept]
            persons = [persons[i] for i in kept]
            folded = [folded[i] for i in kept]
            parsed = [parsed[i] for i in kept]
        key_memo = _Memo(token_key)
        key_of = key_memo.__getitem__
        # As normalize.part_keys (a test holds them equal), with the per-token memo.
        keys = [tokens if acronym else tuple(map(key_of, tokens)) for tokens, acronym in parsed]
        joined = [" ".join(k) for k in keys]
        by_token = _postings(keys, CONNECTORS)
        # The distinct (part key, part skeleton) pairs, from the distinct parts: an acronym's
        # part is its own key, every other part is keyed.
        skeleton_of = {token: token_skeleton(token) for token in set(chain.from_iterable(t for t, _ in parsed))}
        pairs = {(key, skeleton_of[token]) for token, key in key_memo.items()}
        pairs.update((token, skeleton_of[token]) for tokens, acronym in parsed if acronym for token in tokens)
        partial: defaultdict[str, set[int]] = defaultdict(set)
        for alias_keys, owner, strong, person in zip(keys, owners, strengths, persons, strict=True):
            if person and strong:
                for key in partial_keys(alias_keys):
                    partial[key].add(owner)
        # Tuples, like the maps' values (see _group).
        return cls(
            table,
            tuple(texts),
            tuple(owners),
            tuple(strengths),
            # The part keys of an alias are its joined key split at the spaces (see _Prepared.parts).
            tuple(joined),
            # Most names are their own exact form: keep one string, not two equal ones.
            exact=_group([text if is_exact_form(text) or (form := exact_form(text)) == text else form for text in texts]),
            folded=_group(folded),
            keyed=_group(joined),
            by_token=by_token,
            keys_by_skeleton=_keys_by_skeleton(pairs, by_token),
            part_keys=PartKeys(key_memo),
            part_skeletons=PartSkeletons(skeleton_of),
            partial={k: tuple(sorted(v)) for k, v in partial.items()},
            by_id=dict(zip(table.ids, range(len(table.ids)), strict=True)),
        )

    def __len__(self) -> int:
        return len(self.alias_text)

    # Stored (pickled, or marshalled by the on-disk cache) without the maps that are faster to
    # rebuild than to read back.
    _REBUILT = ("exact", "folded", "keyed", "by_id")

    def __getstate__(self) -> dict[str, object]:
        state: dict[str, object] = {name: getattr(self, name) for name in self.__slots__ if name not in self._REBUILT}
        state["exact_forms"] = _ungroup(self.exact, len(self.alias_text))
        state["folded_forms"] = _ungroup(self.folded, len(self.alias_text))
        # Plain dicts: marshal stores no subclass.
        state["part_keys"] = dict(self.part_keys)
        state["part_skeletons"] = dict(self.part_skeletons)
        return state

    def to_state(self) -> dict[str, object]:
        """The index as plain values (str, int, bool, tuple, list, dict): what :mod:`marshal` stores."""
        state = self.__getstate__()
        state["entities"] = self.entities.__getstate__()
        return state

    @classmethod
    def from_state(cls, state: dict[str, object]) -> AliasIndex:
        """The index that :meth:`to_state` gave ``state``.

        Raises:
            ValueError: when ``state`` lacks a field.
        """
        entities = state.get("entities")
        needed = {name for name in cls.__slots__ if name not in cls._REBUILT} | {"exact_forms", "folded_forms"}
        if not isinstance(entities, dict) or not needed <= state.keys():
            raise ValueError("not the state of an AliasIndex")
        table = EntityTable.__new__(EntityTable)
        table.__setstate__(entities)
        index = cls.__new__(cls)
        index.__setstate__({**state, "entities": table})
        return index

    def __setstate__(self, state: dict[str, object]) -> None:
        exact_forms = state.pop("exact_forms")
        folded_forms = state.pop("folded_forms")
        assert isinstance(exact_forms, list) and isinstance(folded_forms, list)
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self.part_keys = PartKeys(self.part_keys)
        self.part_skeletons = PartSkeletons(self.part_skeletons)
        self.exact = _group(exact_forms)
        self.folded = _group(folded_forms)
        self.keyed = _group(self.alias_joined)
        self.by_id = dict(zip(self.entities.ids, range(len(self.entities.ids)), strict=True))


_Derived = TypeVar("_Derived")


def per_index(
    memo: dict[int, tuple[AliasIndex, _Derived]], index: AliasIndex, build: Callable[[AliasIndex], _Derived], limit: int
) -> _Derived:
    """Data derived from ``index`` by ``build``, made once per index object and kept in ``memo``
    (at most ``limit`` indexes, the oldest dropped first; a few live in one process)."""
    found = memo.get(id(index))
    if found is not None and found[0] is index:
        return found[1]
    if len(memo) >= limit:
        del memo[next(iter(memo))]
    derived = build(index)
    memo[id(index)] = (index, derived)
    return derived
