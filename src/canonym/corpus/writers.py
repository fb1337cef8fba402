"""Writing tables atomically: a temporary file in the target folder, renamed when complete.

A crash or a kill mid-write leaves no partial file under the final name. The format comes
from ``fmt`` or the file's suffix: parquet, csv, tsv, ndjson (also .jsonl, .json).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl

from canonym.errors import InputError

FORMATS = ("parquet", "csv", "tsv", "ndjson")
_SUFFIX_FORMATS = {".parquet": "parquet", ".csv": "csv", ".tsv": "tsv", ".ndjson": "ndjson", ".jsonl": "ndjson", ".json": "ndjson"}


def table_format(path: str, fmt: str | None) -> str:
    """The output format for ``path``: ``fmt`` when given, else from the suffix."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
        return fmt
    if path == "-":
        return "tsv"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        raise InputError(f"{path}: cannot tell the format from {suffix or 'no suffix'!r}; use --format ({', '.join(FORMATS)})")
    return _SUFFIX_FORMATS[suffix]


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a table is not
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _prepare(frame: pl.DataFrame, fmt: str) -> pl.DataFrame:
    if fmt in ("csv", "tsv"):
        # Lists (candidates) have no CSV form: join them.
        lists = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
        if lists:
            frame = frame.with_columns(pl.col(name).list.join("|") for name in lists)
    return frame


def write_frame(frame: pl.DataFrame, fmt: str, target: Path | None) -> None:
    """Write ``frame`` in ``fmt`` to ``target`` (atomically) or to stdout when None."""
    frame = _prepare(frame, fmt)
    if target is None:
        if fmt == "parquet":
            raise InputError("parquet cannot be written to stdout; give --out FILE")
        out = sys.stdout
        if fmt == "ndjson":
            out.write(frame.write_ndjson())
        else:
            out.write(frame.write_csv(separator="\t" if fmt == "tsv" else ","))
        out.flush()
        return
    with atomic_path(target) as tmp:
        if fmt == "parquet":
            frame.write_parquet(tmp)
        elif fmt == "ndjson":
            frame.write_ndjson(tmp)
        else:
            frame.write_csv(tmp, separator="\t" if fmt == "tsv" else ",")


def write_table(frame: pl.DataFrame, path: str, fmt: str | None = None) -> None:
    """Write a table to ``path`` ('-' is stdout) in the given or implied format."""
    resolved = table_format(path, fmt)
    write_frame(frame, resolved, None if path == "-" else Path(path))
