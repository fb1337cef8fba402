"""The resolution table: many names resolved at once (:meth:`canonym.Resolver.resolve_many`).

Most names of a bulk look-up are settled by one strong alias in the exact, alias or key tier.
:func:`sure_rows` decides those in one loop straight into table rows, doing the tiers' work
as ``Resolver._resolve`` does it but without a call, a Match or a cache entry per name (a
third of the time per name). Every other name (a weak or shared alias, a partial name, the
fuzzy tier, a type filter) goes through :meth:`~canonym.Resolver.resolve`. The two paths are
held equal by a property test.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from canonym.gazetteer.cache import paused_gc
from canonym.gazetteer.index import AliasIndex, Hits, is_exact_form
from canonym.gazetteer.spec import MAX_NAME_LENGTH
from canonym.normalize.names import fold_ascii_parts, parse_fields, plain_parts
from canonym.resolver import TIER_SCORES

if TYPE_CHECKING:
    import polars as pl

    from canonym.resolver import Resolver

#: A row of the resolution table after the query: entity_id, canonical, type, score, method, candidates.
Row = tuple[str | None, str | None, str | None, float, str, list[str]]

NIL_ROW: Row = (None, None, None, 0.0, "nil", [])

EXACT_SCORE, ALIAS_SCORE, KEY_SCORE = (TIER_SCORES[tier] for tier in ("exact", "alias", "key"))


def sure_rows(index: AliasIndex, names: Iterable[str | None]) -> dict[str, Row]:
    """The rows of the names that one strong alias settles in the exact, alias or key tier.

    A name left out is one that :meth:`Resolver.resolve` must decide: no hit, several, a weak
    alias, not ASCII, holding a comma (list order) or a run of spaces, or over the length bound.
    The tiers' steps are those of ``Resolver._resolve``, without its calls and checks per name.
    """
    table = index.entities
    ids, canonicals, types = table.ids, table.names, table.types
    exact, folded_forms, keyed = index.exact, index.folded, index.keyed
    strong, owner, part_key = index.alias_strong, index.alias_entity, index.part_keys.__getitem__

    def settled(found: Hits, score: float, method: str) -> Row | None:
        if type(found) is int and strong[found]:
            at = owner[found]
            return (ids[at], canonicals[at], types[at], score, method, [])
        return None  # several aliases, or a weak one: resolve() decides

    rows: dict[str, Row] = {}
    for name in names:
        if not name:
            continue
        row: Row | None = None
        found = exact.get(name)
        if found is not None:
            row = settled(found, EXACT_SCORE, "exact")
        # An exact form of its own (see exact_form), and no comma: no list order to undo.
        elif len(name) <= MAX_NAME_LENGTH and is_exact_form(name) and "," not in name:
            parts = fold_ascii_parts(name)
            folded = " ".join(parts)
            found = folded_forms.get(folded)
            if found is not None:
                row = settled(found, ALIAS_SCORE, "alias")
            elif parts:
                keys: Iterable[str]
                if plain_parts(name, parts, folded):
                    keys = map(part_key, parts)
                else:
                    tokens, _, _, _, acronym = parse_fields(name, folded=folded)
                    keys = tokens if acronym else map(part_key, tokens)
                found = keyed.get(" ".join(keys))
                if found is not None:
                    row = settled(found, KEY_SCORE, "key")
        if row is not None:
            rows[name] = row
    return rows


def resolution_table(resolver: Resolver, names: Iterable[str | None] | pl.Series, type: str | None) -> pl.DataFrame:
    """The body of :meth:`Resolver.resolve_many`: each distinct name resolved once, in a table."""
    import polars as pl

    values = names.to_list() if isinstance(names, pl.Series) else list(names)
    distinct = dict.fromkeys(values)
    with paused_gc():
        # A type filter changes what the tiers may return: then every name takes resolve().
        rows: dict[str | None, Row] = {}
        if type is None and not resolver.config.types:
            rows.update(sure_rows(resolver.index, distinct))
        for name in distinct:
            if name in rows:
                continue
            match = resolver.resolve(name, type) if name else None
            if match is None:
                rows[name] = NIL_ROW
            else:
                entity = match.entity
                rows[name] = (
                    None if entity is None else entity.id,
                    None if entity is None else entity.name,
                    None if entity is None else entity.type,
                    match.score,
                    match.method,
                    list(match.candidates),
                )
        columns = list(zip(*[rows[v] for v in values], strict=True)) or [()] * 6
    frame = pl.DataFrame(
        {
            "query": values,
            "entity_id": columns[0],
            "canonical": columns[1],
            "type": columns[2],
            "score": columns[3],
            "method": columns[4],
        },
        schema={
            "query": pl.String,
            "entity_id": pl.String,
            "canonical": pl.String,
            "type": pl.String,
            "score": pl.Float64,
            "method": pl.String,
        },
    )
    return frame.with_columns(_string_lists(columns[5]).alias("candidates"))


def _string_lists(lists: Sequence[list[str]]) -> pl.Series:
    """A ``List(String)`` column of ``lists``, made from one flat column.

    Given Python lists, polars makes a Series for each one: 50k rows of candidates cost more
    than resolving 50k exact hits.
    """
    import polars as pl

    flat = pl.DataFrame(
        {"row": [row for row, items in enumerate(lists) for _ in items], "item": [i for items in lists for i in items]},
        schema={"row": pl.UInt32, "item": pl.String},
    )
    grouped = flat.group_by("row").agg(pl.col("item"))
    rows = pl.DataFrame({"row": pl.arange(0, len(lists), dtype=pl.UInt32, eager=True)})
    return (
        rows.join(grouped, on="row", how="left")
        .sort("row")
        .select(pl.col("item").fill_null(pl.lit([], dtype=pl.List(pl.String))))
        .to_series()
    )
