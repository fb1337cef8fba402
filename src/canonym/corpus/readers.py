"""Reading documents: text files, folders of them, HTML, and tables of documents.

A file's text is its bytes decoded as UTF-8 with a leading BOM removed and line endings
untouched (``open(path, encoding="utf-8-sig", newline="")``). Undecodable bytes become
U+FFFD and the document is kept and reported; NUL bytes are kept (offsets stay true) and
reported. HTML is reduced to its text (scripts and styles dropped, entities unescaped) and
offsets refer to that text. A document that cannot be read at all is reported and skipped;
the others are still read.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from canonym.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".parquet", ".csv", ".tsv"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class Document:
    """One document: its id and its text."""

    doc_id: str
    text: str


@dataclass(frozen=True, slots=True)
class DocumentProblem:
    """Something wrong with one document or row; ``skipped`` tells whether it was dropped."""

    source: str
    doc_id: str | None
    reason: str
    skipped: bool
    row: int | None = None

    def __str__(self) -> str:
        where = self.source + (f": row {self.row}" if self.row is not None else "")
        who = f" (doc {self.doc_id!r})" if self.doc_id is not None and self.doc_id != self.source else ""
        action = "skipped" if self.skipped else "kept"
        return f"{where}{who}: {self.reason}; {action}"


ProblemSink = Callable[[DocumentProblem], None]


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes as SPEC.md says; return the text and what was odd about it."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        notes.append(f"invalid UTF-8 at byte {exc.start} (undecodable bytes replaced by U+FFFD)")
    if "\x00" in text:
        notes.append(f"{text.count(chr(0))} NUL byte(s) in the text")
    return text, notes


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if not head:
        return False
    nul_share = head.count(0) / len(head)
    return nul_share > 0.1


class _TextExtractor(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                        "article", "header", "footer", "blockquote", "title", "ul", "ol", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document; block elements become line breaks."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def read_file(path: Path, doc_id: str, on_problem: ProblemSink) -> Document | None:
    """Read one text or HTML file; report and return None when it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        on_problem(DocumentProblem(str(path), doc_id, f"cannot read: {exc.strerror or exc}", True))
        return None
    if _looks_binary(data):
        on_problem(DocumentProblem(str(path), doc_id, "binary file, not text", True))
        return None
    text, notes = decode_text(data)
    for note in notes:
        on_problem(DocumentProblem(str(path), doc_id, note, False))
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    if not text.strip():
        on_problem(DocumentProblem(str(path), doc_id, "empty document", False))
    return Document(doc_id, text)


def _directory_files(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if Path(name).suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return found


def iter_table_rows(
    path: Path, text_column: str, id_column: str, on_problem: ProblemSink, batch_rows: int = 10_000
) -> Iterator[Document]:
    """Documents of a table file, read in batches; bad rows are reported and skipped."""
    import polars as pl

    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            frame = pl.scan_parquet(path)
        elif suffix in (".jsonl", ".ndjson"):
            frame = pl.scan_ndjson(path, infer_schema_length=None)
        else:
            frame = pl.scan_csv(
                path, separator="\t" if suffix == ".tsv" else ",", infer_schema=False,
                encoding="utf8-lossy", quote_char=None if suffix == ".tsv" else '"',
            )
        columns = frame.collect_schema().names()
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise InputError(f"{path}: cannot read the table: {exc}") from exc
    missing = [c for c in (text_column, id_column) if c not in columns]
    if missing:
        raise InputError(
            f"{path}: no column {', '.join(map(repr, missing))} (columns: {', '.join(columns)}); "
            "choose them with --text-column and --id-column"
        )
    seen: set[str] = set()
    offset = 0
    try:
        total = frame.select(pl.len()).collect().item()
    except pl.exceptions.PolarsError as exc:
        raise InputError(f"{path}: cannot read the table: {exc}") from exc
    while offset < total:
        try:
            batch = frame.slice(offset, batch_rows).select(id_column, text_column).collect()
        except pl.exceptions.PolarsError as exc:
            raise InputError(f"{path}: rows {offset + 1}-{offset + batch_rows}: {exc}") from exc
        for number, (raw_id, raw_text) in enumerate(batch.iter_rows(), start=offset + 1):
            source = str(path)
            if raw_id is None or str(raw_id) == "":
                on_problem(DocumentProblem(source, None, f"{id_column!r} is empty", True, number))
                continue
            doc_id = str(raw_id)
            if doc_id in seen:
                on_problem(DocumentProblem(source, doc_id, f"duplicate document id {doc_id!r}", True, number))
                continue
            seen.add(doc_id)
            if raw_text is None:
                on_problem(DocumentProblem(source, doc_id, f"{text_column!r} is null", True, number))
                continue
            if not isinstance(raw_text, str):
                on_problem(DocumentProblem(source, doc_id, f"{text_column!r} is not text ({type(raw_text).__name__})", True, number))
                continue
            yield Document(doc_id, raw_text)
        offset += batch_rows


def iter_documents(
    paths: Sequence[str | Path],
    on_problem: ProblemSink,
    *,
    text_column: str = "text",
    id_column: str = "id",
) -> Iterator[Document]:
    """Documents of every path: a text/HTML file, a folder of them, or a table.

    Raises:
        InputError: a path that does not exist or a table without the needed columns.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            for file in _directory_files(path):
                document = read_file(file, file.relative_to(path).as_posix(), on_problem)
                if document is not None:
                    yield document
            continue
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            yield from iter_table_rows(path, text_column, id_column, on_problem)
        else:
            document = read_file(path, path.name, on_problem)
            if document is not None:
                yield document
