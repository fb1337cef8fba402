"""Tagging one batch of documents: the unit of work of workers, streaming runs and Spark.

A batch's mentions are complete except for the names the gazetteer does not know: their
``NIL:`` cluster depends on every document of the run, so a batch leaves ``cluster_id``
empty and returns the counts (:data:`~canonym.corpus.nil.NilStats`) that
:func:`~canonym.corpus.nil.assign_nil_clusters` turns into clusters once all batches are done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from canonym.corpus.mentions import Mention
from canonym.corpus.nil import NilStats, nil_stats
from canonym.corpus.tagger import Tagger
from canonym.gazetteer.cache import paused_gc

MENTION_FIELDS = Mention._fields


@dataclass(slots=True)
class BatchResult:
    """The mentions of one batch as columns (the mention table's), plus its NIL counts."""

    columns: dict[str, list[object]]
    nil: NilStats
    doc_ids: list[str]
    characters: int
    linked: int
    ambiguous: int

    @property
    def rows(self) -> int:
        """Number of mentions in the batch."""
        return len(self.columns["doc_id"])


def tag_batch(tagger: Tagger, documents: Iterable[tuple[str, str]]) -> BatchResult:
    """Tag ``(doc_id, text)`` documents; mentions in document order, then by start and end.

    Unknown mentions keep an empty ``cluster_id`` until the run's NIL clusters are known.
    """
    batch = list(documents)
    mentions: list[Mention] = []
    # The collector stays paused over the whole batch, columns included (see
    # Tagger.iter_document_mentions): its full collections walk the gazetteer's heap.
    with paused_gc():
        for found in tagger.iter_document_mentions(batch):
            mentions.extend(sorted(found, key=lambda m: (m.start, m.end)))
        values = zip(*mentions, strict=True) if mentions else ([] for _ in MENTION_FIELDS)
        columns: dict[str, list[object]] = {name: list(column) for name, column in zip(MENTION_FIELDS, values, strict=True)}
    linked = sum(1 for m in mentions if m.entity_id is not None)
    ambiguous = sum(1 for m in mentions if m.method == "ambiguous")
    doc_ids = [doc_id for doc_id, _ in batch]
    characters = sum(len(text) for _, text in batch)
    return BatchResult(columns, nil_stats(mentions), doc_ids, characters, linked, ambiguous)
