"""Tests for canonym.tables.read_columns: a TSV split in Python reads as polars reads it.

The contract: for every TSV file, :func:`read_columns` gives the header and column values
that :func:`read_table` (polars) gives, and the same error when polars refuses the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from canonym.errors import InputError
from canonym.tables import _split_tsv, read_columns, read_table

CASES = {
    "basic": b"id\tname\na\tA B\n",
    "crlf": b"id\tname\r\na\tA B\r\nb\tC\r\n",
    "mixed line ends": b"id\tname\na\tA\r\nb\tB\n",
    "blank line": b"id\tname\na\tA\n\nb\tB\n",
    "blank lines at the end": b"id\tname\na\tA\n\n\n",
    "blank crlf line": b"id\tname\r\na\tA\r\n\r\nb\tB\r\n",
    "space-only line": b"id\tname\na\tA\n \nb\tB\n",
    "short row": b"id\tname\ttype\na\tA\nb\tB\tPER\n",
    "short row with cr": b"id\tname\ttype\na\tA\t\r\n",
    "empty fields": b"id\tname\na\t\n\tB\n",
    "no final newline": b"id\tname\na\tA",
    "cr at the end": b"id\tname\na\tA\r",
    "two crs": b"id\tname\na\tA\r\r\n",
    "lone cr inside": b"id\tname\na\tA\rB\n",
    "bom": b"\xef\xbb\xbfid\tname\na\tA\n",
    "bom and crlf": b"\xef\xbb\xbfid\tname\r\na\t\r\n",
    "bad utf-8": b"id\tname\na\tA\xff\xfeB\xe2\x82\n",
    "header only": b"id\tname\n",
    "header only, no newline": b"id\tname",
    "header and a blank line": b"id\tname\n\n",
    "spaces kept": b"id\tname\n a \t B \n",
    "unicode spaces kept": "id\tname\na\t\u00a0A\u2003\n".encode(),
    "quotes are text": b'id\tname\na\tA "B" C\nb\t"B"\n',
    "nul": b"id\tname\na\tA\x00B\n",
    "space in a header": b"id \tname\na\tA\n",
    # polars' own handling (the Python split steps aside):
    "long row": b"id\tname\na\tA\tX\n",
    "trailing tab": b"id\tname\na\tA\t\n",
    "repeated column": b"id\tid\na\tb\n",
    "empty column name": b"id\tname\t\na\tA\tx\n",
    "leading blank line": b"\nid\tname\na\tA\n",
    "empty file": b"",
    "newline only": b"\n",
    "bom only": b"\xef\xbb\xbf",
}


def polars_columns(path: Path) -> tuple[list[str], dict[str, list[object]]] | str:
    try:
        frame = read_table(path)
    except InputError as exc:
        return str(exc)
    return list(frame.columns), {name: frame[name].to_list() for name in frame.columns}


@pytest.mark.parametrize("data", CASES.values(), ids=CASES.keys())
def test_tsv_reads_as_polars_reads_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "table.tsv"
    path.write_bytes(data)
    expected = polars_columns(path)
    try:
        header, columns = read_columns(path, ["name", "id", "type", "name", "absent"])
    except InputError as exc:
        assert str(exc) == expected
        return
    assert not isinstance(expected, str)
    assert header == expected[0]
    assert columns == {name: expected[1][name] for name in ("name", "id", "type") if name in header}


def test_plain_tsv_is_split_in_python() -> None:
    assert _split_tsv(CASES["short row"]) == (["id", "name", "type"], [["a", "b"], ["A", "B"], [None, "PER"]])
    assert _split_tsv(CASES["long row"]) is None
    assert _split_tsv(CASES["repeated column"]) is None


def test_missing_tsv_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_columns(tmp_path / "absent.tsv", ["id"])
