"""Bad files through ``canonym tag``: every good document written, every bad one reported.

One corpus holds every kind of bad input next to good documents: invalid UTF-8, a binary
file, an empty file, NUL bytes, unclosed HTML, a 10 MB line (tagged window by window), a
100 MB file (over the document limit), and
tables with null, missing and non-text text, empty and duplicate ids, a line that is not
JSON, a record with the wrong number of fields, a lone-surrogate escape, and an id repeated
across inputs. The run must exit 0 (README: a broken document is reported and skipped; the
others are still written), write every good document's mentions with
``text[start:end] == surface``, and list every bad document in the errors table with its
reason. A table without the text column is bad usage: exit 2, the file and column named, no
output written. A 100 MB document is over the document limit (README, Limits): reported
and skipped unread, in bounded time and memory (measured alone in a child process), while
the rest is written.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from canonym.cli import app
from canonym.corpus.readers import MAX_DOCUMENT_CHARACTERS, html_text
from canonym.corpus.windows import WINDOW_CHARACTERS

runner = CliRunner()

HUNDRED_MB = 100_000_000
GOOD_TEXT = "Hezbollah and the Houthis met in Sanaa.\r\nQassem Soleimani was killed in Baghdad.\n"


def ten_megabyte_line() -> str:
    """One line of 10 MB: ordinary words, a sentence with names every ~10 KB."""
    rng = random.Random(1)
    words = ["the", "of", "and", "to", "in", "said", "on", "a", "was", "for", "that", "with", "by", "officials", "reported", "had", "been", "from", "at", "which", "after"]
    chunk = " ".join(rng.choice(words) for _ in range(2000)) + " Sayf al-Adl met Qassem Soleimani in Tehran. "
    return (chunk * (10_000_000 // len(chunk) + 1))[:10_000_000]


def write_hundred_megabytes(path: Path) -> None:
    """A 100 MB text file: names in lines of 1,000 bytes."""
    line = b"Sayf al-Adl met Qassem Soleimani in Tehran. " + b"x" * 955 + b"\n"
    with path.open("wb") as handle:
        for _ in range(HUNDRED_MB // len(line)):
            handle.write(line)
    assert path.stat().st_size == HUNDRED_MB


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
    write_hundred_megabytes(corpus / "dump.txt")
    problems["dump.txt"] = ("too long: 100,000,000 bytes", True)
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
    assert not found & {"binary.txt", "dump.txt", "j-null", "j-missing", "j-number", "image.png", ".hidden.txt"}
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


# -- documents over the size limit ---------------------------------------------------------------


def _tag_in_child(corpus: Path, out: Path, errors: Path) -> tuple[int, int, str]:
    """``canonym tag`` in a child process: its exit code, peak RSS (KB) and stderr."""
    script = textwrap.dedent(f"""
        import resource, sys
        from typer.testing import CliRunner
        from canonym.cli import app
        result = CliRunner().invoke(app, ["tag", {str(corpus)!r}, "--out", {str(out)!r}, "--errors", {str(errors)!r}])
        sys.stderr.write(result.stderr)
        print(result.exit_code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    exit_code, peak_kb = map(int, done.stdout.split())
    return exit_code, peak_kb, done.stderr


def test_a_100_mb_document_is_reported_and_skipped_in_bounded_time_and_memory(tmp_path: Path) -> None:
    """The issue's "100 MB single document": not a document but a dump. The run reports it
    (file named, reason with sizes and the option) and skips it without reading it, so it
    costs neither minutes of tagging nor a gigabyte of memory; the other documents are written."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    write_hundred_megabytes(corpus / "dump.txt")
    assert HUNDRED_MB > 4 * MAX_DOCUMENT_CHARACTERS
    out, errors = tmp_path / "out.csv", tmp_path / "errors.csv"
    # The same run without the dump first (it also warms the gazetteer cache, whose cold build
    # has a peak of its own), then with it: the dump may add next to nothing.
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    baseline_code, baseline_kb, baseline_err = _tag_in_child(alone, tmp_path / "alone.csv", tmp_path / "alone-errors.csv")
    assert baseline_code == 0, baseline_err
    exit_code, peak_kb, stderr = _tag_in_child(corpus, out, errors)
    assert exit_code == 0, stderr
    assert peak_kb < baseline_kb + 50_000, (
        f"peak memory {peak_kb // 1000} MB for a run that skips a 100 MB file, {baseline_kb // 1000} MB without it"
    )
    assert f"{corpus / 'dump.txt'} (doc 'dump.txt'): too long: {HUNDRED_MB:,} bytes" in stderr
    mentions = pl.read_csv(out)
    assert set(mentions.get_column("doc_id")) == {"good.txt"}
    report = pl.read_csv(errors, schema_overrides={"row": pl.Int64})
    assert report.select("source", "doc_id", "reason", "skipped").rows() == [(
        str(corpus / "dump.txt"), "dump.txt",
        f"too long: {HUNDRED_MB:,} bytes, more than the limit of {MAX_DOCUMENT_CHARACTERS:,} characters (--max-chars)", True,
    )]


def test_documents_over_max_chars_are_reported_by_file_and_row(tmp_path: Path) -> None:
    limit = 2_000
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    long_text = ("Hamas met Hezbollah in Beirut. " * 100)[: limit + 1]
    (corpus / "ok.txt").write_text(long_text[:limit], encoding="utf-8")  # at the limit: kept
    (corpus / "long.txt").write_text(long_text, encoding="utf-8")  # read, then found too long
    (corpus / "huge.md").write_text("Hamas " * limit, encoding="utf-8")  # over 4x the limit in bytes: unread
    # HTML is measured by its visible text: markup does not count.
    (corpus / "page.html").write_text("<p>" + "<b></b>" * (limit // 2) + "Hamas</p>", encoding="utf-8")
    table = tmp_path / "docs.jsonl"
    table.write_text(
        json.dumps({"id": "short", "text": "Hamas"}) + "\n" + json.dumps({"id": "long", "text": long_text}) + "\n",
        encoding="utf-8",
    )
    out, errors = tmp_path / "out.csv", tmp_path / "errors.csv"
    args = ["tag", str(corpus), str(table), "--out", str(out), "--errors", str(errors), "--max-chars", str(limit)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert set(pl.read_csv(out).get_column("doc_id")) == {"ok.txt", "page.html", "short"}
    report = pl.read_csv(errors, schema_overrides={"row": pl.Int64})
    rows = {doc_id: (row, reason, skipped) for _, row, doc_id, reason, skipped in report.rows()}
    assert set(rows) == {"long.txt", "huge.md", "long"}
    assert rows["long.txt"] == (None, f"too long: {limit + 1:,} characters, more than the limit of {limit:,} characters (--max-chars)", True)
    assert rows["huge.md"][1].startswith(f"too long: {6 * limit:,} bytes")
    assert rows["long"] == (2, f"too long: {limit + 1:,} characters, more than the limit of {limit:,} characters (--max-chars)", True)
    # 0 lifts the limit: everything is tagged.
    result = runner.invoke(app, [*args[:-1], "0"])
    assert result.exit_code == 0, result.stderr
    assert set(pl.read_csv(out).get_column("doc_id")) == {"ok.txt", "long.txt", "huge.md", "page.html", "short", "long"}


def test_a_long_document_is_tagged_window_by_window(tmp_path: Path) -> None:
    """Over WINDOW_CHARACTERS a document is tagged in windows (tests/corpus/test_windows.py):
    offsets into the whole text, every name found in every window."""
    paragraph = "Sayf al-Adl met Qassem Soleimani in Tehran. " + "the officials said that " * 40 + "\n\n"
    text = paragraph * (3 * WINDOW_CHARACTERS // len(paragraph))
    document = tmp_path / "long.txt"
    # One expanding character ("ß" folds to "ss") once made folding keep a per-character map.
    document.write_text("Straße. " + text, encoding="utf-8")
    out = tmp_path / "out.parquet"
    result = runner.invoke(app, ["tag", str(document), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    mentions = pl.read_parquet(out)
    whole = "Straße. " + text
    assert all(whole[s:e] == surface for s, e, surface in mentions.select("start", "end", "surface").iter_rows())
    linked = mentions.filter(pl.col("entity_id").is_not_null())
    assert linked.height == 3 * text.count("Sayf al-Adl")
    assert linked.get_column("start").max() > 2 * WINDOW_CHARACTERS


def test_max_chars_is_refused_with_the_spark_engine(tmp_path: Path) -> None:
    # Spark reads its own documents (no errors table to report a skip in); it windows long ones.
    result = runner.invoke(app, ["tag", "--engine", "spark", str(tmp_path), "--out", str(tmp_path / "m"), "--max-chars", "10"])
    assert result.exit_code == 2
    assert "--max-chars: not available with --engine spark" in result.stderr
