"""Reading a whole table file by its suffix: CSV, TSV, Parquet, JSONL/NDJSON.

Text columns are read as text (no type guessing), TSV without quoting, undecodable bytes
replaced. Used for user gazetteers, name lists and mention tables. polars is imported on
first use, so that loading the built-in gazetteer never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from canonym.errors import InputError

if TYPE_CHECKING:
    import polars as pl

TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".parquet", ".jsonl", ".ndjson"})


def read_table(path: Path) -> pl.DataFrame:
    """Read a table file whole.

    Raises:
        InputError: naming the file, when it is missing, of an unknown format or unreadable.
    """
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if suffix not in TABLE_SUFFIXES:
        raise InputError(f"{path}: unknown table format {suffix!r}; use {', '.join(sorted(TABLE_SUFFIXES))}")
    import polars as pl

    try:
        if suffix == ".parquet":
            return pl.read_parquet(path)
        if suffix in (".jsonl", ".ndjson"):
            return pl.read_ndjson(path, infer_schema_length=None)
        return pl.read_csv(
            path,
            separator="\t" if suffix == ".tsv" else ",",
            infer_schema=False,
            quote_char=None if suffix == ".tsv" else '"',
            encoding="utf8-lossy",
        )
    except (pl.exceptions.PolarsError, OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the table: {exc}") from exc


def read_columns(path: Path, wanted: Iterable[str]) -> tuple[list[str], dict[str, list[object]]]:
    """The header of a table file and those of the ``wanted`` columns it has, as Python lists.

    Reads as :func:`read_table` does (same values, same errors). A plain TSV file is split
    in Python, which is quicker than importing polars for it; anything unusual in it (a
    repeated column name, a row longer than the header, a leading blank line) goes to polars.

    Raises:
        InputError: as :func:`read_table`.
    """
    names = list(dict.fromkeys(wanted))
    if path.suffix.lower() == ".tsv" and path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read the table: {exc}") from exc
        split = _split_tsv(data)
        if split is not None:
            header, columns = split
            return header, {name: columns[header.index(name)] for name in names if name in header}
    frame = read_table(path)
    return list(frame.columns), {name: frame[name].to_list() for name in names if name in frame.columns}


def _split_tsv(data: bytes) -> tuple[list[str], list[list[object]]] | None:
    """Header and columns of a TSV file as polars reads it without quoting, or None if unsure.

    Each line is a row (a blank one too: all nulls); one ``\\r`` before a line end is
    dropped; an empty field is null and missing trailing fields are nulls.
    """
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
    text = text.removesuffix("\r").removesuffix("\n")
    lines = text.split("\n")
    header = lines[0].split("\t")
    width = len(header)
    if "" in header or len(set(header)) < width:
        return None
    rows = lines[1:]
    tabs = {line.count("\t") for line in rows}
    if tabs and max(tabs) >= width:
        return None
    if tabs <= {width - 1}:
        # Every row is full: split the whole text at once and take every width-th field.
        flat = "\t".join(rows).split("\t") if rows else []
        return header, [[field or None for field in flat[i::width]] for i in range(width)]
    columns: list[list[object]] = [[] for _ in range(width)]
    for line in rows:
        fields = line.split("\t")
        fields.extend([""] * (width - len(fields)))
        for column, field in zip(columns, fields, strict=True):
            column.append(field or None)
    return header, columns
