"""Reading documents: text files, folders of them, HTML, and tables of documents.

A file's text is its bytes decoded as UTF-8 with a leading BOM removed and line endings
untouched (``open(path, encoding="utf-8-sig", newline="")``). Undecodable bytes become
U+FFFD and the document is kept and reported; NUL bytes are kept (offsets stay true) and
reported. HTML is reduced to its text (scripts and styles dropped, entities unescaped) and
offsets refer to that text. A document that cannot be read at all is reported and skipped;
the others are still read. Tables are streamed and checked row by row: a bad row (empty or
repeated id, missing, null or non-text text, unparsable line) is reported and skipped, never
the whole table. Every reader is linear in its input: no rescanning of malformed markup.

A document longer than the limit (:data:`MAX_DOCUMENT_CHARACTERS` unless the caller gives
another, ``canonym tag --max-chars``) is reported and skipped: it is a dump or a mistake,
not an article, and tagging it would hold memory in proportion. A file more than four times
the limit in bytes is skipped without being read (UTF-8 has at most four bytes a character).
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from canonym.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TABLE_SUFFIXES = frozenset({".jsonl", ".ndjson", ".parquet", ".csv", ".tsv"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
#: Documents longer than this many characters are reported and skipped by default.
MAX_DOCUMENT_CHARACTERS = 20_000_000


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
    """Whether the head of a file is binary: over 10% NULs, other control bytes or bytes that
    are not UTF-8 (compressed data and images have few NULs but many invalid sequences)."""
    head = data[:8192]
    if not head:
        return False
    text = head.decode("utf-8", errors="replace")
    odd = sum(1 for c in text if c == "\ufffd" or (c < " " and c not in "\t\n\r\f\v\x1b"))
    return odd / len(text) > 0.1


# -- HTML ------------------------------------------------------------------------------------
#
# A small linear-time tokenizer after the HTML standard's: the standard library's HTMLParser
# rescans unterminated markup and takes minutes on 100 KB of "<a <a <a" or "<!--<!--".
# Every search below either finds its terminator and moves past it or consumes the rest of
# the document, so each character is looked at a bounded number of times.

_SKIP = frozenset({"script", "style", "noscript", "template", "head"})
#: Raw text elements: their content is not markup and ends only at the matching end tag.
_RAW = frozenset({"script", "style"})
_BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                    "article", "header", "footer", "blockquote", "title", "ul", "ol", "table"})
_TAG_NAME = re.compile(r"[^\s/>]*")
#: Inside a tag: its end, or a quoted attribute value (which may hold ">").
_TAG_STEP = re.compile(r"""=[ \t\n\r\f]*(["'])|>""")
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in _RAW}


def _markup_end(markup: str, start: int) -> int:
    """The index just after the tag that opens at ``start``, or -1 when it never closes."""
    position = start
    while True:
        step = _TAG_STEP.search(markup, position)
        if step is None:
            return -1
        if step.group() == ">":
            return step.end()
        close = markup.find(step.group(1), step.end())
        if close == -1:
            return -1
        position = close + 1


def html_text(markup: str) -> tuple[str, list[str]]:
    """The visible text of an HTML document and what was odd about its markup.

    Scripts, styles, ``noscript``, ``template`` and ``head`` are dropped, comments and
    declarations too; block elements become line breaks; character references are
    unescaped once. Markup left open at the end of the document (an unclosed tag or
    comment) swallows the rest, as in a browser, and is reported.
    """
    parts: list[str] = []
    notes: list[str] = []
    skipping = 0
    position = 0
    size = len(markup)

    def unterminated(what: str, at: int) -> int:
        notes.append(f"unterminated {what} at character {at}; the rest of the HTML was dropped")
        return size

    while position < size:
        lt = markup.find("<", position)
        if lt == -1:
            lt = size
        if lt > position and not skipping:
            parts.append(html.unescape(markup[position:lt]))
        if lt >= size:
            break
        following = markup[lt + 1 : lt + 2]
        if markup.startswith("<!--", lt):
            close = markup.find("-->", lt + 4)
            position = close + 3 if close != -1 else unterminated("comment", lt)
        elif following in ("!", "?"):
            close = markup.find(">", lt + 2)
            position = close + 1 if close != -1 else unterminated("declaration", lt)
        elif following == "/":
            close = markup.find(">", lt + 2)
            if close == -1:
                position = unterminated("end tag", lt)
                continue
            name_match = _TAG_NAME.match(markup, lt + 2)
            name = name_match.group().lower() if name_match is not None else ""
            if name in _SKIP:
                skipping = max(0, skipping - 1)
            elif name in _BLOCK:
                parts.append("\n")
            position = close + 1
        elif following.isascii() and following.isalpha():
            close = _markup_end(markup, lt + 1)
            if close == -1:
                position = unterminated("tag", lt)
                continue
            name_match = _TAG_NAME.match(markup, lt + 1)
            name = name_match.group().lower() if name_match is not None else ""
            position = close
            self_closing = markup[close - 2 : close] == "/>"
            if name in _RAW and not self_closing:
                end_tag = _RAW_END[name].search(markup, position)
                position = end_tag.start() if end_tag is not None else size
                # The end tag itself is read as usual and undoes the skip below.
                skipping += 1
            elif name in _SKIP and not self_closing:
                skipping += 1
            elif name in _BLOCK:
                parts.append("\n")
        else:
            # A "<" that opens no markup ("a < b", "<3") is text.
            if not skipping:
                parts.append("<")
            position = lt + 1
    lines = [line.strip() for line in "".join(parts).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n", notes


def html_to_text(markup: str) -> str:
    """The visible text of an HTML document; block elements become line breaks."""
    return html_text(markup)[0]


def _too_long(size: int, unit: str, limit: int) -> str:
    return f"too long: {size:,} {unit}, more than the limit of {limit:,} characters (--max-chars)"


def read_file(
    path: Path, doc_id: str, on_problem: ProblemSink, max_chars: int | None = MAX_DOCUMENT_CHARACTERS
) -> Document | None:
    """Read one text or HTML file; report and return None when it cannot be used.

    ``max_chars`` is the longest text kept (``None`` or 0: no limit).
    """
    try:
        if max_chars and path.stat().st_size > 4 * max_chars:
            on_problem(DocumentProblem(str(path), doc_id, _too_long(path.stat().st_size, "bytes", max_chars), True))
            return None
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
        text, markup_notes = html_text(text)
        for note in markup_notes:
            on_problem(DocumentProblem(str(path), doc_id, note, False))
    if max_chars and len(text) > max_chars:
        on_problem(DocumentProblem(str(path), doc_id, _too_long(len(text), "characters", max_chars), True))
        return None
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


class _Rows:
    """Turns raw ``(row, id, text)`` values into documents: one report per bad row."""

    def __init__(
        self, path: Path, text_column: str, id_column: str, on_problem: ProblemSink, max_chars: int | None
    ) -> None:
        self.source = str(path)
        self.text_column = text_column
        self.id_column = id_column
        self.on_problem = on_problem
        self.max_chars = max_chars
        self.seen: set[str] = set()

    def skip(self, row: int, doc_id: str | None, reason: str) -> None:
        self.on_problem(DocumentProblem(self.source, doc_id, reason, True, row))

    def document(self, row: int, raw_id: object, raw_text: object, *, missing_text: bool = False) -> Document | None:
        if raw_id is None or (isinstance(raw_id, str) and raw_id.strip() == ""):
            self.skip(row, None, f"{self.id_column!r} is empty")
            return None
        if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
            self.skip(row, None, f"{self.id_column!r} is not text or a whole number ({type(raw_id).__name__})")
            return None
        doc_id = _unescape_surrogates(str(raw_id))
        if doc_id in self.seen:
            self.skip(row, doc_id, f"duplicate document id {doc_id!r}")
            return None
        self.seen.add(doc_id)
        if missing_text:
            self.skip(row, doc_id, f"no {self.text_column!r} field")
            return None
        if raw_text is None:
            self.skip(row, doc_id, f"{self.text_column!r} is null")
            return None
        if not isinstance(raw_text, str):
            self.skip(row, doc_id, f"{self.text_column!r} is not text ({type(raw_text).__name__})")
            return None
        if self.max_chars and len(raw_text) > self.max_chars:
            self.skip(row, doc_id, _too_long(len(raw_text), "characters", self.max_chars))
            return None
        text = raw_text
        if _has_surrogates(text):
            text = _unescape_surrogates(text)
            self.on_problem(DocumentProblem(
                self.source, doc_id, "invalid UTF-8 or a lone surrogate (replaced by U+FFFD)", False, row
            ))
        if "\x00" in text:
            self.on_problem(DocumentProblem(self.source, doc_id, f"{text.count(chr(0))} NUL character(s) in the text", False, row))
        return Document(doc_id, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _unescape_surrogates(text: str) -> str:
    """Lone surrogates (undecodable bytes kept by ``surrogateescape``, or JSON escapes) -> U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _has_surrogates(text) else text


def _missing_columns(path: Path, columns: Sequence[str], text_column: str, id_column: str) -> InputError | None:
    missing = [c for c in (text_column, id_column) if c not in columns]
    if not missing:
        return None
    return InputError(
        f"{path}: no column {', '.join(map(repr, missing))} (columns: {', '.join(map(str, columns))}); "
        "choose them with --text-column and --id-column"
    )


def _iter_csv(
    path: Path, text_column: str, id_column: str, on_problem: ProblemSink, max_chars: int | None
) -> Iterator[Document]:
    """CSV (quoted fields, RFC 4180) or TSV (no quoting); ``row`` is the record after the header."""
    tsv = path.suffix.lower() == ".tsv"
    rows = _Rows(path, text_column, id_column, on_problem, max_chars)
    csv.field_size_limit(sys.maxsize)
    try:
        handle = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the table: {exc.strerror or exc}") from exc
    with handle:
        if tsv:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
        else:
            reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise InputError(f"{path}: cannot read the header: {exc}") from exc
        if header is None:
            on_problem(DocumentProblem(rows.source, None, "empty table (no header)", True))
            return
        header = [_unescape_surrogates(h).strip() for h in header]
        error = _missing_columns(path, header, text_column, id_column)
        if error is not None:
            raise error
        id_at, text_at = header.index(id_column), header.index(text_column)
        number = 0
        while True:
            number += 1
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                # The reader starts afresh on the next line: one bad record costs only itself.
                rows.skip(number, None, f"malformed {'TSV' if tsv else 'CSV'} record (line {reader.line_num}: {exc})")
                continue
            if not record or record == [""]:
                number -= 1
                continue
            if len(record) != len(header):
                rows.skip(number, None, f"{len(record)} field(s) where the header has {len(header)}")
                continue
            document = rows.document(number, record[id_at], record[text_at])
            if document is not None:
                yield document


def _iter_jsonl(
    path: Path, text_column: str, id_column: str, on_problem: ProblemSink, max_chars: int | None
) -> Iterator[Document]:
    """JSON Lines, one object per line; ``row`` is the line number. A bad line is skipped."""
    rows = _Rows(path, text_column, id_column, on_problem, max_chars)

    def lines() -> Iterator[tuple[int, str]]:
        try:
            with path.open("rb") as handle:
                for number, raw in enumerate(handle, start=1):
                    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                        raw = raw[3:]
                    if raw.strip():
                        yield number, raw.decode("utf-8", errors="surrogateescape")
        except OSError as exc:
            raise InputError(f"{path}: cannot read the table: {exc.strerror or exc}") from exc

    # The columns are those of any line (JSON Lines has no header); stop once both are seen.
    columns: dict[str, None] = {}
    records = 0
    for _, line in lines():
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            records += 1
            columns.update(dict.fromkeys(map(str, value)))
            if text_column in columns and id_column in columns:
                break
    if records == 0:
        on_problem(DocumentProblem(str(path), None, "no JSON object in the file", True))
    else:
        error = _missing_columns(path, list(columns), text_column, id_column)
        if error is not None:
            raise error
    for number, line in lines():
        try:
            value = json.loads(line)
        except ValueError as exc:
            rows.skip(number, None, f"not valid JSON ({exc})")
            continue
        if not isinstance(value, dict):
            rows.skip(number, None, f"a JSON {type(value).__name__}, not an object")
            continue
        document = rows.document(
            number, value.get(id_column), value.get(text_column), missing_text=text_column not in value
        )
        if document is not None:
            yield document


def _iter_parquet(
    path: Path, text_column: str, id_column: str, on_problem: ProblemSink, batch_rows: int, max_chars: int | None
) -> Iterator[Document]:
    import polars as pl

    try:
        frame = pl.scan_parquet(path)
        columns = frame.collect_schema().names()
        error = _missing_columns(path, columns, text_column, id_column)
        if error is not None:
            raise error
        total = frame.select(pl.len()).collect().item()
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise InputError(f"{path}: cannot read the table: {exc}") from exc
    rows = _Rows(path, text_column, id_column, on_problem, max_chars)
    offset = 0
    while offset < total:
        try:
            batch = frame.slice(offset, batch_rows).select(id_column, text_column).collect()
        except pl.exceptions.PolarsError as exc:
            raise InputError(f"{path}: rows {offset + 1}-{offset + batch_rows}: {exc}") from exc
        for number, (raw_id, raw_text) in enumerate(batch.iter_rows(), start=offset + 1):
            document = rows.document(number, raw_id, raw_text)
            if document is not None:
                yield document
        offset += batch_rows


def iter_table_rows(
    path: Path,
    text_column: str,
    id_column: str,
    on_problem: ProblemSink,
    batch_rows: int = 10_000,
    max_chars: int | None = MAX_DOCUMENT_CHARACTERS,
) -> Iterator[Document]:
    """Documents of a table file, streamed; bad rows are reported and skipped, the rest read.

    CSV and TSV are read record by record (TSV unquoted), JSON Lines line by line, Parquet
    in batches of ``batch_rows``. A row is skipped and reported when its id is empty or
    repeats an earlier one, when its text is missing, null, not text or longer than
    ``max_chars`` characters (``None`` or 0: no limit), or when it cannot be
    parsed (a bad JSON line, a CSV record with the wrong number of fields); invalid UTF-8
    becomes U+FFFD and NUL characters are kept, both reported. An empty table is reported.

    Raises:
        InputError: the file cannot be read, or it has no ``text_column`` or ``id_column``.
    """
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _iter_parquet(path, text_column, id_column, on_problem, batch_rows, max_chars)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, text_column, id_column, on_problem, max_chars)
    else:
        yield from _iter_csv(path, text_column, id_column, on_problem, max_chars)


def iter_documents(
    paths: Sequence[str | Path],
    on_problem: ProblemSink,
    *,
    text_column: str = "text",
    id_column: str = "id",
    max_chars: int | None = MAX_DOCUMENT_CHARACTERS,
) -> Iterator[Document]:
    """Documents of every path: a text/HTML file, a folder of them, or a table.

    A document longer than ``max_chars`` characters is reported and skipped (``None`` or 0:
    no limit).

    Raises:
        InputError: a path that does not exist or a table without the needed columns.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            for file in _directory_files(path):
                document = read_file(file, file.relative_to(path).as_posix(), on_problem, max_chars)
                if document is not None:
                    yield document
            continue
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            yield from iter_table_rows(path, text_column, id_column, on_problem, max_chars=max_chars)
        else:
            document = read_file(path, path.name, on_problem, max_chars)
            if document is not None:
                yield document
