"""The mention table: one row per mention, the schema of SPEC.md."""

from __future__ import annotations

from typing import NamedTuple

import polars as pl

from canonym.gazetteer.cache import paused_gc

#: Column names and dtypes of the mention table, in order.
MENTION_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "start": pl.Int64(),
    "end": pl.Int64(),
    "surface": pl.String(),
    "normalized": pl.String(),
    "entity_id": pl.String(),
    "cluster_id": pl.String(),
    "canonical": pl.String(),
    "type": pl.String(),
    "score": pl.Float64(),
    "method": pl.String(),
}

#: The values of the ``method`` column.
METHODS = ("exact", "alias", "key", "fuzzy", "coref", "nil", "ambiguous")


class Mention(NamedTuple):
    """One mention of a person, organisation or place in a document.

    ``text[start:end] == surface`` always holds for the document's text. A named tuple in
    the column order of the mention table: a run makes millions, so they must be cheap.
    """

    doc_id: str
    start: int
    end: int
    surface: str
    normalized: str
    entity_id: str | None
    cluster_id: str
    canonical: str
    type: str
    score: float
    method: str


_tuple_new = tuple.__new__


def new_mention(
    doc_id: str,
    start: int,
    end: int,
    surface: str,
    normalized: str,
    entity_id: str | None,
    cluster_id: str,
    canonical: str,
    type: str,
    score: float,
    method: str,
) -> Mention:
    """``Mention(...)`` at half the cost: a named tuple's own constructor goes through
    ``type.__call__`` and a Python-level ``__new__``."""
    return _tuple_new(Mention, (doc_id, start, end, surface, normalized, entity_id, cluster_id, canonical, type, score, method))


def mentions_frame(mentions: list[Mention]) -> pl.DataFrame:
    """Build the mention table from mentions, ordered by doc_id then start."""
    # The collector is paused: a full collection, set off by the columns' objects, walks
    # the gazetteer's heap (six times the cost of the table itself).
    with paused_gc():
        columns = list(zip(*mentions, strict=True)) if mentions else [() for _ in Mention._fields]
        # A Series per column with its dtype costs half of a DataFrame built from a dict
        # of lists against a schema.
        frame = pl.DataFrame(
            [
                pl.Series(name, values, dtype=MENTION_SCHEMA[name])
                for name, values in zip(Mention._fields, columns, strict=True)
            ]
        )
    return frame.sort(["doc_id", "start", "end"], maintain_order=True)


def empty_mentions() -> pl.DataFrame:
    """An empty mention table with the right schema."""
    return pl.DataFrame(schema=MENTION_SCHEMA)
