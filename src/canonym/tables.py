"""Reading a whole table file by its suffix: CSV, TSV, Parquet, JSONL/NDJSON.

Text columns are read as text (no type guessing), TSV without quoting, undecodable bytes
replaced. Used for user gazetteers, name lists and mention tables. polars is imported on
first use, so that loading the built-in gazetteer never pays for it.
"""

from __future__ import annotations

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
