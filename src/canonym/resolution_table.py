"""The resolution table: many names resolved at once (:meth:`canonym.Resolver.resolve_many`).

Most names of a bulk look-up are settled by one strong alias in the exact, alias or key tier.
:func:`sure_hits` finds those for all the names together, step by step as ``Resolver._resolve``
takes them one by one: each tier's dict look-up mapped over a list, one fold of all the names,
each distinct part keyed once (:func:`~canonym.normalize.names.joined_keys_many`). The table is
then made column by column from those aliases, without a call, a Match or a row tuple per name.
Every other name (a weak or shared alias, a partial name, the fuzzy tier, a type filter) goes
through :meth:`~canonym.Resolver.resolve`. The two paths are held equal by property tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar, cast

from canonym.gazetteer.cache import paused_gc
from canonym.gazetteer.index import AliasIndex, Hits, is_exact_form
from canonym.gazetteer.spec import MAX_NAME_LENGTH
from canonym.normalize.names import fold_ascii_lines, joined_keys_many
from canonym.resolver import TIER_SCORES

if TYPE_CHECKING:
    import polars as pl

    from canonym.resolver import Resolver

T = TypeVar("T")

#: The tiers whose sure hits are settled in bulk, in order, with their scores.
SURE_TIERS = tuple((tier, TIER_SCORES[tier]) for tier in ("exact", "alias", "key"))


def sure_hits(index: AliasIndex, names: Sequence[str]) -> list[tuple[list[str], list[int]]]:
    """For each tier of :data:`SURE_TIERS`: the names that one strong alias settles there, and those aliases.

    ``names`` are distinct and not empty. A name left out is one that :meth:`Resolver.resolve`
    must decide: no hit, several, a weak alias, not ASCII, holding a comma (list order), a
    semicolon (several names) or a run of spaces, or over the length bound. The tiers' steps are those of
    ``Resolver._resolve``, each done for all the names at once: a dict look-up mapped over a
    list, one fold of all the names, the keys of all of them made together
    (:func:`~canonym.normalize.names.joined_keys_many`).
    """
    strong = index.alias_strong
    found = list(map(index.exact.get, names))
    settled = [_strong(names, found, strong)]
    misses = [name for name, hit in zip(names, found, strict=True) if hit is None]
    if misses and not _all_plain_forms(misses):
        # An exact form of its own (see exact_form), and no comma: no list order to undo.
        misses = [n for n in misses if len(n) <= MAX_NAME_LENGTH and is_exact_form(n) and "," not in n and ";" not in n]
    forms = fold_ascii_lines(misses)
    found = list(map(index.folded.get, forms))
    settled.append(_strong(misses, found, strong))
    left = [i for i, (hit, form) in enumerate(zip(found, forms, strict=True)) if hit is None and form]
    names = [misses[i] for i in left]
    keys = joined_keys_many(names, [forms[i] for i in left], index.part_keys)
    settled.append(_strong(names, list(map(index.keyed.get, keys)), strong))
    return settled


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
    return (
        text.isascii()
        and "," not in text
        and ";" not in text  # several names in one field: resolve() splits them
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and all(map(str.isprintable, names))
        and max(map(len, names)) <= MAX_NAME_LENGTH
    )


def _gather(values: Sequence[T], at: Sequence[int]) -> list[T]:
    """``[values[i] for i in at]``, made in C."""
    if len(at) > 1:
        return list(itemgetter(*at)(values))
    return [values[i] for i in at]


def resolution_table(resolver: Resolver, names: Iterable[str | None] | pl.Series, type: str | None) -> pl.DataFrame:
    """The body of :meth:`Resolver.resolve_many`: each distinct name resolved once, in a table.

    The table is made column by column: the rows of the distinct names (the sure hits tier by
    tier, then the others), then each query's row picked from them.
    """
    import polars as pl

    values = names.to_list() if isinstance(names, pl.Series) else list(names)
    index = resolver.index
    with paused_gc():
        distinct = dict.fromkeys(values)
        # A type filter changes what the tiers may return: then every name takes resolve().
        settled: list[tuple[list[str], list[int]]] = []
        if type is None and not resolver.config.types:
            settled = sure_hits(index, [name for name in distinct if name])
        order: list[str | None] = []
        aliases: list[int] = []
        scores: list[float] = []
        methods: list[str] = []
        for (tier, score), (tier_names, tier_aliases) in zip(SURE_TIERS, settled, strict=False):
            order += tier_names
            aliases += tier_aliases
            scores += [score] * len(tier_names)
            methods += [tier] * len(tier_names)
        table = index.entities
        entities = _gather(index.alias_entity, aliases)
        entity_ids: list[str | None] = _gather(table.ids, entities)
        canonicals: list[str | None] = _gather(table.names, entities)
        types: list[str | None] = _gather(table.types, entities)
        slot = dict(zip(order, range(len(order)), strict=True))
        candidates: list[tuple[int, list[str]]] = []
        for name in distinct:
            if name in slot:
                continue
            slot[name] = len(order)
            order.append(name)
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
                    candidates.append((slot[name], list(match.candidates)))
        rows = list(map(slot.__getitem__, values))
    frame = pl.DataFrame(
        {
            "entity_id": entity_ids,
            "canonical": canonicals,
            "type": types,
            "score": scores,
            "method": methods,
            "candidates": _string_lists(len(order), candidates),
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
    if rows != list(range(len(order))):
        frame = frame[pl.Series(rows, dtype=pl.UInt32)]
    return frame.insert_column(0, pl.Series("query", values, dtype=pl.String))


def _string_lists(count: int, lists: Sequence[tuple[int, list[str]]]) -> pl.Series:
    """A ``List(String)`` column of ``count`` rows: empty but for ``lists``, pairs of a row and its items.

    Made from one flat column: given Python lists, polars makes a Series for each one (50k rows
    of candidates cost more than resolving 50k exact hits).
    """
    import polars as pl

    flat = pl.DataFrame(
        {"row": [row for row, items in lists for _ in items], "item": [i for _, items in lists for i in items]},
        schema={"row": pl.UInt32, "item": pl.String},
    )
    grouped = flat.group_by("row").agg(pl.col("item"))
    rows = pl.DataFrame({"row": pl.arange(0, count, dtype=pl.UInt32, eager=True)})
    return (
        rows.join(grouped, on="row", how="left")
        .sort("row")
        .select(pl.col("item").fill_null(pl.lit([], dtype=pl.List(pl.String))))
        .to_series()
    )
