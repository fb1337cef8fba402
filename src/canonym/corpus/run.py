"""The main job: read a corpus, tag it, write the mention table (and the errors table)."""

from __future__ import annotations

import gc
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

import polars as pl

from canonym.corpus.batch import BatchResult, tag_batch
from canonym.corpus.nil import assign_nil_clusters
from canonym.corpus.parts import PartStore
from canonym.corpus.readers import MAX_DOCUMENT_CHARACTERS, DocumentProblem, iter_documents
from canonym.corpus.tagger import Tagger
from canonym.corpus.writers import table_format, write_table
from canonym.errors import InputError
from canonym.resolver import Resolver


@dataclass(slots=True)
class RunSummary:
    """What a run did: documents, characters, mentions by outcome, problems, time."""

    documents: int = 0
    characters: int = 0
    mentions: int = 0
    linked: int = 0
    nil: int = 0
    ambiguous: int = 0
    seconds: float = 0.0
    #: Documents taken from the parts of an earlier, interrupted run (``--resume``).
    resumed: int = 0
    problems: list[DocumentProblem] = field(default_factory=list)

    def describe(self) -> str:
        """One human-readable summary line (for stderr)."""
        skipped = sum(1 for p in self.problems if p.skipped)
        rate = self.characters / 1e6 / self.seconds if self.seconds > 0 else 0.0
        return (
            f"canonym: {self.documents} documents, {self.mentions} mentions "
            f"({self.linked} linked, {self.nil} NIL, {self.ambiguous} ambiguous), "
            f"{len(self.problems)} problem(s), {skipped} document(s) skipped, "
            + (f"{self.resumed} resumed, " if self.resumed else "")
            + f"{self.seconds:.2f}s ({rate:.1f} MB/s)"
        )


class _Progress:
    """A progress line on stderr for long runs (only when stderr is a terminal)."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.started = time.perf_counter()
        self.last = 0.0

    def update(self, documents: int, characters: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < 0.5:
            return
        self.last = now
        elapsed = now - self.started
        sys.stderr.write(f"\rcanonym: {documents} documents, {characters / 1e6:.1f} MB, {elapsed:.0f}s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _report(problem: DocumentProblem, summary: RunSummary) -> None:
    summary.problems.append(problem)
    print(f"canonym: warning: {problem}", file=sys.stderr)


#: A batch closes when it holds this many characters or documents.
BATCH_CHARACTERS = 2_000_000
BATCH_DOCUMENTS = 2_000

# The tagger a forked worker inherits from the parent (built once, shared copy-on-write).
_worker_tagger: Tagger | None = None


def _tag_in_worker(batch: list[tuple[str, str]]) -> BatchResult:
    assert _worker_tagger is not None, "worker started without a tagger"
    return tag_batch(_worker_tagger, batch)


def tag_corpus(
    paths: list[str],
    out: str,
    resolver: Resolver,
    *,
    fmt: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    errors_path: str | None = None,
    workers: int = 1,
    resume: bool = False,
    run_options: dict[str, Any] | None = None,
    max_chars: int | None = MAX_DOCUMENT_CHARACTERS,
) -> RunSummary:
    """Tag every document of ``paths`` and write the mention table to ``out``.

    Documents are read and tagged in batches, so memory holds the resolver and a few
    batches whatever the corpus size; ``workers`` processes tag batches in parallel (the
    resolver is built once, here, and inherited). The output is the same for any number of
    workers. A broken document is reported (stderr and ``errors_path``) and skipped; the
    others are written. The table is written atomically when every batch is done;
    ``resume`` continues a run that was killed, skipping the documents it already wrote.
    A document longer than ``max_chars`` characters is reported and skipped (``None`` or 0:
    no limit); one longer than :data:`~canonym.corpus.windows.WINDOW_CHARACTERS` is tagged
    window by window.

    Raises:
        InputError: a missing input, unreadable table, or ``resume`` of a different run.
    """
    if workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    summary = RunSummary()
    started = time.perf_counter()
    resolved_fmt = table_format(out, fmt)
    header = {
        "inputs": [str(Path(p).resolve()) for p in paths],
        "text_column": text_column,
        "id_column": id_column,
        "options": run_options or {},
        "version": version("canonym"),
    }
    store = PartStore.open(out, header, resume=resume)
    summary.resumed = len(store.done_ids)
    tagger = Tagger(resolver)
    progress = _Progress()

    def documents() -> Iterator[tuple[str, str]]:
        seen: set[str] = set()
        documents = iter_documents(
            paths, lambda p: _report(p, summary), text_column=text_column, id_column=id_column, max_chars=max_chars
        )
        for document in documents:
            if document.doc_id in seen:
                _report(DocumentProblem(document.doc_id, document.doc_id, "duplicate document id", True), summary)
                continue
            seen.add(document.doc_id)
            if document.doc_id in store.done_ids:
                continue
            progress.update(len(store.done_ids) + len(seen), summary.characters)
            yield document.doc_id, document.text

    for result in _tagged_batches(tagger, _batches(documents()), workers):
        store.add(result)
        summary.characters += result.characters
    progress.close()
    store.finish(out, resolved_fmt, assign_nil_clusters(store.nil))
    if errors_path is not None:
        write_table(problems_frame(summary.problems), errors_path)
    summary.documents = len(store.done_ids)
    summary.mentions = store.rows
    summary.linked = sum(p.linked for p in store.parts)
    summary.ambiguous = sum(p.ambiguous for p in store.parts)
    summary.nil = summary.mentions - summary.linked - summary.ambiguous
    summary.seconds = time.perf_counter() - started
    return summary


def _batches(documents: Iterator[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    size = 0
    for document in documents:
        batch.append(document)
        size += len(document[1])
        if size >= BATCH_CHARACTERS or len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _tagged_batches(tagger: Tagger, batches: Iterator[list[tuple[str, str]]], workers: int) -> Iterator[BatchResult]:
    """Tagged batches in input order, from this process or from ``workers`` forked ones.

    At most two batches per worker are in flight, so reading never runs ahead of tagging.
    The parent writes the parts: polars in a forked child can deadlock on the thread pool
    it inherits.
    """
    if workers == 1:
        for batch in batches:
            yield tag_batch(tagger, batch)
        return
    global _worker_tagger
    _worker_tagger = tagger
    gc.freeze()  # keep the inherited tagger's pages shared: the collector would touch them
    pending: deque[AsyncResult[BatchResult]] = deque()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for batch in batches:
                pending.append(pool.apply_async(_tag_in_worker, (batch,)))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().get()
            while pending:
                yield pending.popleft().get()
    finally:
        _worker_tagger = None
        gc.unfreeze()


def problems_frame(problems: list[DocumentProblem]) -> pl.DataFrame:
    """The errors table: one row per reported document problem."""
    return pl.DataFrame(
        {
            "source": [p.source for p in problems],
            "row": [p.row for p in problems],
            "doc_id": [p.doc_id for p in problems],
            "reason": [p.reason for p in problems],
            "skipped": [p.skipped for p in problems],
        },
        schema={"source": pl.String, "row": pl.Int64, "doc_id": pl.String, "reason": pl.String, "skipped": pl.Boolean},
    )
