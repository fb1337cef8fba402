"""The main job: read a corpus, tag it, write the mention table (and the errors table)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import polars as pl

from canonym.corpus.mentions import Mention, mentions_frame
from canonym.corpus.nil import cluster_unknown
from canonym.corpus.readers import Document, DocumentProblem, iter_documents
from canonym.corpus.tagger import Tagger
from canonym.corpus.writers import write_table
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
    problems: list[DocumentProblem] = field(default_factory=list)

    def describe(self) -> str:
        """One human-readable summary line (for stderr)."""
        skipped = sum(1 for p in self.problems if p.skipped)
        rate = self.characters / 1e6 / self.seconds if self.seconds > 0 else 0.0
        return (
            f"canonym: {self.documents} documents, {self.mentions} mentions "
            f"({self.linked} linked, {self.nil} NIL, {self.ambiguous} ambiguous), "
            f"{len(self.problems)} problem(s), {skipped} document(s) skipped, "
            f"{self.seconds:.2f}s ({rate:.1f} MB/s)"
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


def tag_corpus(
    paths: list[str],
    out: str,
    resolver: Resolver,
    *,
    fmt: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    errors_path: str | None = None,
) -> RunSummary:
    """Tag every document of ``paths`` and write the mention table to ``out``.

    A broken document is reported (stderr and ``errors_path``) and skipped; the others are
    written. The table is written atomically.
    """
    summary = RunSummary()
    started = time.perf_counter()
    tagger = Tagger(resolver)
    progress = _Progress()

    def documents() -> Iterator[tuple[str, str]]:
        seen: set[str] = set()
        for document in iter_documents(paths, lambda p: _report(p, summary), text_column=text_column, id_column=id_column):
            if document.doc_id in seen:
                _report(DocumentProblem(document.doc_id, document.doc_id, "duplicate document id", True), summary)
                continue
            seen.add(document.doc_id)
            summary.documents += 1
            summary.characters += len(document.text)
            progress.update(summary.documents, summary.characters)
            yield _doc_tuple(document)

    mentions: list[Mention] = []
    for batch in tagger.iter_document_mentions(documents()):
        mentions.extend(batch)
    progress.close()
    mentions = cluster_unknown(mentions)
    frame = mentions_frame(mentions)
    write_table(frame, out, fmt)
    if errors_path is not None:
        write_table(problems_frame(summary.problems), errors_path)
    summary.mentions = frame.height
    summary.linked = sum(1 for m in mentions if m.entity_id is not None)
    summary.ambiguous = sum(1 for m in mentions if m.method == "ambiguous")
    summary.nil = summary.mentions - summary.linked - summary.ambiguous
    summary.seconds = time.perf_counter() - started
    return summary


def _doc_tuple(document: Document) -> tuple[str, str]:
    return document.doc_id, document.text


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
