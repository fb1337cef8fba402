"""Reading a whole table file by its suffix: CSV, TSV, Parquet, JSONL/NDJSON.

Text columns are read as text (no type guessing), TSV without quoting, undecodable bytes
replaced. Used for user gazetteers, name lists and mention tables.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from canonym.errors import InputError

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
