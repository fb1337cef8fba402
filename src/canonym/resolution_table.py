"""The resolution table: many names resolved at once (:meth:`canonym.Resolver.resolve_many`).

Most names of a bulk look-up are settled by one strong alias in the exact, alias or key tier.
:func:`sure_hits` finds those for all the names together, step by step as ``Resolver._resolve``
takes them one by one: each tier's dict look-up mapped over a list, one fold of all the names,
each distinct part keyed once (:func:`~canonym.normalize.names.joined_keys_many`). Their rows
are then taken from the index's entity columns (made once per index) by numpy and polars,
without a call, a Match or a row tuple per name.
Every other name (a weak or shared alias, a partial name, the fuzzy tier, a type filter) goes
through :meth:`~canonym.Resolver.resolve`. The two paths are held equal by property tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress
from typing import TYPE_CHECKING, cast

import numpy as np

from canonym.gazetteer.cache import paused_gc
from canonym.gazetteer.index import AliasIndex, Hits, is_exact_form, per_index
from canonym.gazetteer.spec import MAX_NAME_LENGTH
from canonym.normalize.names import bulk_part_keys, fold_ascii_lines, joined_keys_many, spaced_lines
from canonym.resolver import TIER_SCORES

if TYPE_CHECKING:
    import numpy.typing as npt
    import polars as pl

    from canonym.resolver import Resolver

#: The tiers whose sure hits are settled in bulk, in order, with their scores.
SURE_TIERS = tuple((tier, TIER_SCORES[tier]) for tier in ("exact", "alias", "key"))


def sure_hits(index: AliasIndex, names: Sequence[str]) -> list[tuple[list[str], list[int]]]:
    """For each tier of :data:`SURE_TIERS`: the names that one strong alias settles there, and those aliases.

    ``names`` are distinct and not empty. A name left out is one that :meth:`Resolver.resolve`
    must decide: no hit, several, a weak alias, one part in the key tier, not ASCII, holding a comma (list order), a
    semicolon (several names) or a run of spaces, or over the length bound. The tiers' steps are those of
    ``Resolver._resolve``, each done for all the names at once: a dict look-up mapped over a
    list, one fold of all the names, the keys of all of them made together
    (:func:`~canonym.normalize.names.joined_keys_many`).
    """
    strong = index.alias_strong
    found = list(map(index.exact.get, names))
    # A tier that finds none of the names (_none_found, no test per name) passes them all on.
    settled: list[tuple[list[str], list[int]]]
    if _none_found(found):
        settled = [([], [])]
        misses = list(names)
    else:
        settled = [_strong(names, found, strong)]
        misses = [name for name, hit in zip(names, found, strict=True) if hit is None]
    if misses and not _all_plain_forms(misses):
        # An exact form of its own (see exact_form), and no comma: no list order to undo.
        misses = [n for n in misses if len(n) <= MAX_NAME_LENGTH and is_exact_form(n) and "," not in n and ";" not in n]
    forms = fold_ascii_lines(misses)
    found = list(map(index.folded.get, forms))
    if _none_found(found) and "" not in forms:
        settled.append(([], []))
        names = misses
    else:
        settled.append(_strong(misses, found, strong))
        left = [hit is None and form != "" for hit, form in zip(found, forms, strict=True)]
        names = list(compress(misses, left))
        forms = list(compress(forms, left))
    keys = joined_keys_many(names, forms, index.part_keys, _marks(index))
    # A one-part key is left to resolve, which asks whether many bear it as given name.
    settled.append(_strong(names, [index.keyed.get(key) if " " in key else None for key in keys], strong))
    return settled


def _none_found(found: list[Hits | None]) -> bool:
    """Whether a tier's look-ups found none of the names, by one list.count in C.

    Counting None compares each hit with it (a slow comparison of an int): counted only when
    the first name missed.
    """
    return not found or (found[0] is None and found.count(None) == len(found))


#: bulk_part_keys of each index's part_keys (see per_index), made on first use.
_MARKS: dict[int, tuple[AliasIndex, dict[str, str]]] = {}


def _marks(index: AliasIndex) -> dict[str, str]:
    """The marked part keys of ``index`` (:func:`~canonym.normalize.names.bulk_part_keys`)."""
    return per_index(_MARKS, index, _make_marks, 4)


def _make_marks(index: AliasIndex) -> dict[str, str]:
    return bulk_part_keys(index.part_keys)


def _strong(names: Sequence[str], found: Sequence[Hits | None], strong: Sequence[bool]) -> tuple[list[str], list[int]]:
    """The names whose hit is one strong alias, and that alias."""
    sure = [type(hit) is int and strong[hit] for hit in found]
    return list(compress(names, sure)), cast(list[int], list(compress(found, sure)))


def _all_plain_forms(names: list[str]) -> bool:
    """Whether every name passes the test of sure_hits for going on after the exact tier.

    That test per name (length, ``is_exact_form``, no comma), made on the names joined: one
    pass in C each when, as usually, they all pass.
    """
    text = "\n".join(names)
    if not text.isascii() or "," in text or ";" in text:  # ";": several names in one field
        return False
    data = text.encode("ascii")
    codes = np.frombuffer(data, np.uint8)
    ends = np.flatnonzero(codes == 10)
    # No name holds a newline, so each is printable when all of them joined are; the longest
    # name is the longest line.
    return (
        len(ends) == len(names) - 1
        and np.count_nonzero((codes < 32) | (codes > 126)) == len(ends)  # printable but the newlines
        and not spaced_lines(data)
        and int(np.diff(ends, prepend=-1, append=len(codes)).max()) - 1 <= MAX_NAME_LENGTH
    )


@dataclass(frozen=True, slots=True)
class _Columns:
    """An index's entity columns as numpy and polars data, to take the rows of many hits at once."""

    #: The entity of each alias.
    alias_entity: npt.NDArray[np.uint32]
    #: entity_id, canonical and type of each entity.
    entities: pl.DataFrame


#: Columns per index object (see per_index), made on first use.
_COLUMNS: dict[int, tuple[AliasIndex, _Columns]] = {}


def _columns(index: AliasIndex) -> _Columns:
    """The columns of ``index``, made on its first bulk look-up (3 MB per 100k entities)."""
    return per_index(_COLUMNS, index, _make_columns, 4)


def _make_columns(index: AliasIndex) -> _Columns:
    import polars as pl

    table = index.entities
    entities = pl.DataFrame(
        {"entity_id": table.ids, "canonical": table.names, "type": table.types},
        schema={"entity_id": pl.String, "canonical": pl.String, "type": pl.String},
    )
    return _Columns(np.array(index.alias_entity, dtype=np.uint32), entities)


def resolution_table(resolver: Resolver, names: Iterable[str | None] | pl.Series, type: str | None) -> pl.DataFrame:
    """The body of :meth:`Resolver.resolve_many`: each distinct name resolved once, in a table."""
    import polars as pl

    values = names.to_list() if isinstance(names, pl.Series) else list(names)
    with paused_gc():
        # In a call of its own: its lists of names are freed before the collection that ends
        # paused_gc, which would otherwise visit every item of them.
        frame = _rows(resolver, values, type)
    return frame.insert_column(0, pl.Series("query", values, dtype=pl.String))


def _rows(resolver: Resolver, values: list[str | None], type: str | None) -> pl.DataFrame:
    """The table's row of each query but the query: the sure hits tier by tier, then the others."""
    import polars as pl

    distinct = dict.fromkeys(values)
    # A type filter changes what the tiers may return: then every name takes resolve().
    settled: list[tuple[list[str], list[int]]] = [([], [])] * len(SURE_TIERS)
    if type is None and not resolver.config.types:
        settled = sure_hits(resolver.index, list(filter(None, distinct)))
    order: list[str | None] = list(chain.from_iterable(tier_names for tier_names, _ in settled))
    frame = _sure_rows(resolver.index, settled)
    if len(order) < len(distinct):
        sure = set(order)
        others = [name for name in distinct if name not in sure]
        order += others
        frame = pl.concat([frame, _resolved_rows(resolver, others, type)])
    if order != values:
        slot = dict(zip(order, range(len(order)), strict=True))
        frame = frame[pl.Series(list(map(slot.__getitem__, values)), dtype=pl.UInt32)]
    return frame


def _sure_rows(index: AliasIndex, settled: Sequence[tuple[list[str], list[int]]]) -> pl.DataFrame:
    """The rows of the sure hits of :func:`sure_hits`, gathered from the index's columns.

    numpy indexing and two takes: few calls into polars, each of which costs tens of
    microseconds however few the names.
    """
    columns = _columns(index)
    aliases = np.fromiter(chain.from_iterable(tier_aliases for _, tier_aliases in settled), np.intp)
    tiers = np.repeat(np.arange(len(SURE_TIERS)), [len(tier_aliases) for _, tier_aliases in settled])
    return columns.entities[columns.alias_entity[aliases]].hstack(_tier_rows()[tiers])


@cache
def _tier_rows() -> pl.DataFrame:
    """Score, method and (no) candidates of a sure hit of each tier of :data:`SURE_TIERS`."""
    import polars as pl

    return pl.DataFrame(
        {"score": [score for _, score in SURE_TIERS], "method": [tier for tier, _ in SURE_TIERS], "candidates": [[]] * len(SURE_TIERS)},
        schema={"score": pl.Float64, "method": pl.String, "candidates": pl.List(pl.String)},
    )


def _resolved_rows(resolver: Resolver, names: Sequence[str | None], type: str | None) -> pl.DataFrame:
    """The rows of ``names``, each by :meth:`Resolver.resolve`."""
    import polars as pl

    entity_ids: list[str | None] = []
    canonicals: list[str | None] = []
    types: list[str | None] = []
    scores: list[float] = []
    methods: list[str] = []
    candidates: list[tuple[int, list[str]]] = []
    for row, name in enumerate(names):
        match = resolver.resolve(name, type) if name else None
        if match is None:
            entity_ids.append(None)
            canonicals.append(None)
            types.append(None)
            scores.append(0.0)
            methods.append("nil")
        else:
            entity = match.entity
            entity_ids.append(None if entity is None else entity.id)
            canonicals.append(None if entity is None else entity.name)
            types.append(None if entity is None else entity.type)
            scores.append(match.score)
            methods.append(match.method)
            if match.candidates:
                candidates.append((row, list(match.candidates)))
    return pl.DataFrame(
        {
            "entity_id": entity_ids,
            "canonical": canonicals,
            "type": types,
            "score": scores,
            "method": methods,
            "candidates": _string_lists(len(names), candidates),
        },
        schema={
            "entity_id": pl.String,
            "canonical": pl.String,
            "type": pl.String,
            "score": pl.Float64,
            "method": pl.String,
            "candidates": pl.List(pl.String),
        },
    )


def _string_lists(count: int, lists: Sequence[tuple[int, list[str]]]) -> pl.Series:
    """A ``List(String)`` column of ``count`` rows: empty but for ``lists``, pairs of a row and its items.

    Made from one flat column: given Python lists, polars makes a Series for each one (50k rows
    of candidates cost more than resolving 50k exact hits).
    """
    import polars as pl

    if not lists:
        return pl.Series("candidates", [[]], dtype=pl.List(pl.String)).new_from_index(0, count)
    flat = pl.DataFrame(
        {"row": [row for row, items in lists for _ in items], "item": [i for _, items in lists for i in items]},
        schema={"row": pl.UInt32, "item": pl.String},
    )
    grouped = flat.group_by("row").agg(pl.col("item"))
    rows = pl.DataFrame({"row": pl.arange(0, count, dtype=pl.UInt32, eager=True)})
    return (
        rows.join(grouped, on="row", how="left")
        .sort("row")
        .select(pl.col("item").fill_null(pl.lit([], dtype=pl.List(pl.String))).alias("candidates"))
        .to_series()
    )
