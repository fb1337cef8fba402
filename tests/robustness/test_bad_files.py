"""Bad files through ``canonym tag``: every good document written, every bad one reported.

One corpus holds every kind of bad input next to good documents: invalid UTF-8, a binary
file, an empty file, NUL bytes, unclosed HTML, a 10 MB line, and tables with null, missing
and non-text text, empty and duplicate ids, a line that is not JSON, a record with the
wrong number of fields, a lone-surrogate escape, and an id repeated across inputs. The run
must exit 0 (README: a broken document is reported and skipped; the others are still
written), write every good document's mentions with ``text[start:end] == surface``, and
list every bad document in the errors table with its reason. A table without the text
column is bad usage: exit 2, the file and column named, no output written.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from canonym.cli import app
from canonym.corpus.readers import html_text

runner = CliRunner()

GOOD_TEXT = "Hezbollah and the Houthis met in Sanaa.\r\nQassem Soleimani was killed in Baghdad.\n"


def ten_megabyte_line() -> str:
    """One line of 10 MB: ordinary words, a sentence with names every ~10 KB."""
    rng = random.Random(1)
    words = ["the", "of", "and", "to", "in", "said", "on", "a", "was", "for", "that", "with", "by", "officials", "reported", "had", "been", "from", "at", "which", "after"]
    chunk = " ".join(rng.choice(words) for _ in range(2000)) + " Sayf al-Adl met Qassem Soleimani in Tehran. "
    return (chunk * (10_000_000 // len(chunk) + 1))[:10_000_000]


def build_corpus(root: Path) -> tuple[list[Path], dict[str, str], dict[str, tuple[str, bool]]]:
    """Write the corpus; return the paths to tag, the kept documents' texts by doc id, and
    the expected problems: doc id -> (words of the reason, skipped)."""
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    texts: dict[str, str] = {}
    problems: dict[str, tuple[str, bool]] = {}

    def write(relative: str, data: bytes) -> None:
        (corpus / relative).write_bytes(data)

    # Good files.
    write("good.txt", GOOD_TEXT.encode())
    texts["good.txt"] = GOOD_TEXT
    write("sub/bom.md", b"\xef\xbb\xbf" + b"Sayf al-Adl left Tehran.")
    texts["sub/bom.md"] = "Sayf al-Adl left Tehran."
    page = "<html><head><title>x</title></head><body><p>Mike Pompeo &amp; ISIS</p><script>x = '<p>'</script></body></html>"
    write("page.html", page.encode())
    texts["page.html"] = html_text(page)[0]
    big = ten_megabyte_line()
    write("big-line.txt", big.encode())
    texts["big-line.txt"] = big
    # Bad files that are kept and reported.
    write("invalid-utf8.txt", b"Hamas met in Gaza. \xff\xfe bad bytes \xc3")
    texts["invalid-utf8.txt"] = "Hamas met in Gaza. \ufffd\ufffd bad bytes \ufffd"
    problems["invalid-utf8.txt"] = ("invalid UTF-8", False)
    write("empty.txt", b"")
    texts["empty.txt"] = ""
    problems["empty.txt"] = ("empty document", False)
    write("nul.txt", b"Hamas\x00 and Hezbollah met.")
    texts["nul.txt"] = "Hamas\x00 and Hezbollah met."
    problems["nul.txt"] = ("NUL", False)
    unclosed = "<p>Hamas met in Gaza.</p><a href='x"
    write("unclosed.html", unclosed.encode())
    texts["unclosed.html"] = html_text(unclosed)[0]
    problems["unclosed.html"] = ("unterminated tag", False)
    # Bad files that are skipped.
    write("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    problems["binary.txt"] = ("binary", True)
    # Not documents: ignored without a word.
    write("image.png", b"\x89PNG\r\n")
    write(".hidden.txt", b"Hamas")

    jsonl = root / "docs.jsonl"
    rows = [
        json.dumps({"id": "j-good", "text": "al-Shabaab attacked Mogadishu."}),
        json.dumps({"id": "j-null", "text": None}),
        json.dumps({"id": "j-missing"}),
        json.dumps({"id": "j-number", "text": 1920}),
        json.dumps({"id": "j-good", "text": "a second document with the same id"}),
        json.dumps({"id": "", "text": "no id"}),
        "{this is not json",
        '["a", "list"]',
        '{"id": "j-surrogate", "text": "Hamas \\ud800 met"}',
        json.dumps({"id": "good.txt", "text": "an id that a file of the corpus already has"}),
        json.dumps({"id": "j-last", "text": "Hezbollah"}),
    ]
    jsonl.write_text("\n".join(rows) + "\n", encoding="utf-8")
    texts["j-good"] = "al-Shabaab attacked Mogadishu."
    texts["j-surrogate"] = "Hamas \ufffd met"
    texts["j-last"] = "Hezbollah"
    problems["j-null"] = ("is null", True)
    problems["j-missing"] = ("no 'text' field", True)
    problems["j-number"] = ("not text (int)", True)
    problems["j-surrogate"] = ("lone surrogate", False)

    table = root / "docs.csv"
    table.write_text(
        'id,text\nc-good,"Ayman al-Zawahiri, in Kabul"\nc-ragged,one,two\nc-empty-text,\n', encoding="utf-8"
    )
    texts["c-good"] = "Ayman al-Zawahiri, in Kabul"
    texts["c-empty-text"] = ""
    return [corpus, jsonl, table], texts, problems


def test_tag_a_corpus_of_bad_files(tmp_path: Path) -> None:
    paths, texts, expected = build_corpus(tmp_path)
    out = tmp_path / "out.parquet"
    errors = tmp_path / "errors.csv"
    result = runner.invoke(app, ["tag", *map(str, paths), "--out", str(out), "--errors", str(errors)])
    assert result.exit_code == 0, result.stderr

    mentions = pl.read_parquet(out)
    assert mentions.columns[:4] == ["doc_id", "start", "end", "surface"]
    # Every mention is exact against its document's text.
    for doc_id, start, end, surface in mentions.select("doc_id", "start", "end", "surface").iter_rows():
        assert doc_id in texts, doc_id
        assert texts[doc_id][start:end] == surface, (doc_id, start, end, surface)
    # The good documents' names are all there; nothing of a skipped document is.
    found = set(mentions.get_column("doc_id"))
    for doc_id in ("good.txt", "sub/bom.md", "page.html", "big-line.txt", "invalid-utf8.txt", "nul.txt",
                   "unclosed.html", "j-good", "j-surrogate", "j-last", "c-good"):
        assert doc_id in found, doc_id
    assert not found & {"binary.txt", "j-null", "j-missing", "j-number", "image.png", ".hidden.txt"}
    linked = set(mentions.filter(pl.col("doc_id") == "big-line.txt").get_column("entity_id"))
    assert {"saif-al-adel", "qassem-soleimani", "tehran"} <= linked
    assert mentions.filter(pl.col("doc_id") == "big-line.txt").height >= 2 * 990
    # A duplicate id keeps the first document only.
    assert set(mentions.filter(pl.col("doc_id") == "j-good").get_column("surface")) <= {"al-Shabaab", "Mogadishu"}

    report = pl.read_csv(errors, schema_overrides={"row": pl.Int64})
    assert report.columns == ["source", "row", "doc_id", "reason", "skipped"]
    by_doc = {}
    for doc_id, reason, skipped in report.select("doc_id", "reason", "skipped").iter_rows():
        by_doc.setdefault(doc_id, []).append((reason, skipped))
    for doc_id, (words, skipped) in expected.items():
        assert any(words in reason and was == skipped for reason, was in by_doc.get(doc_id, [])), (doc_id, by_doc.get(doc_id))
    # Rows without a usable id, or not records at all, are reported by file and row.
    table_rows = report.filter(pl.col("source").str.ends_with("docs.jsonl") & pl.col("doc_id").is_null())
    reasons = dict(zip(table_rows.get_column("row"), table_rows.get_column("reason"), strict=True))
    assert "'id' is empty" in reasons[6]
    assert "not valid JSON" in reasons[7]
    assert "not an object" in reasons[8]
    csv_rows = report.filter(pl.col("source").str.ends_with("docs.csv"))
    assert any("3 field(s)" in r for r in csv_rows.get_column("reason"))
    # Duplicate ids: within a table and across inputs, both reported and skipped.
    duplicates = report.filter(pl.col("reason").str.contains("duplicate"))
    assert set(duplicates.get_column("doc_id")) == {"j-good", "good.txt"}
    assert all(duplicates.get_column("skipped"))
    # Every problem is also on stderr.
    assert result.stderr.count("canonym: warning:") == report.height


def test_table_without_the_text_column_is_bad_usage(tmp_path: Path) -> None:
    table = tmp_path / "docs.jsonl"
    table.write_text(json.dumps({"id": "1", "body": "Hamas"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["tag", str(table), "--out", str(out)])
    assert result.exit_code == 2
    assert "docs.jsonl" in result.stderr and "'text'" in result.stderr and "--text-column" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("content", [b"", b"\n\n", b"id,text\n"], ids=["empty", "blank-lines", "header-only"])
def test_empty_tables_write_an_empty_mention_table(tmp_path: Path, content: bytes) -> None:
    table = tmp_path / ("docs.csv" if content.startswith(b"id") else "docs.jsonl")
    table.write_bytes(content)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["tag", str(table), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert pl.read_csv(out).height == 0
