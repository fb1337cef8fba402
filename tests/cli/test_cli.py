"""The command line: exit codes, stdout for data, stderr for messages, real files in and out."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from canonym.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_has_help_with_an_example() -> None:
    for command in (["normalize"], ["resolve"], ["tag"], ["bench"], ["gazetteer", "lint"], ["gazetteer", "fmt"],
                    ["gazetteer", "stats"], ["gazetteer", "show"], ["gazetteer", "search"], ["gazetteer", "import"],
                    ["gazetteer", "suggest"]):
        code, out, _ = run(*command, "--help")
        assert code == 0, command
        assert "Example: canonym" in out, command


def test_normalize_prints_keys() -> None:
    code, out, _ = run("normalize", "--json", "Sayf al-ʿAdl", "AL-ADL, Saif")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert rows[0]["key"] == rows[1]["key"]


def test_resolve_with_a_user_gazetteer_only(tmp_path: Path) -> None:
    gazetteer = tmp_path / "g.tsv"
    gazetteer.write_text("id\tname\nq1\tSAYF AL-ADL\nq1\tMuhammad Salah al-Din Zaidan\nq2\tAbu Bakr al-Baghdadi\n", encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text("name\nSaif al-Adel\nAbu Bakr al Baghdadi\nJohn Smith\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    code, _, err = run("resolve", "--no-builtin", "--gazetteer", str(gazetteer), "--input", str(queries), "--out", str(out))
    assert code == 0, err
    table = pl.read_csv(out)
    assert table.columns == ["query", "entity_id", "canonical", "type", "score", "method", "candidates"]
    assert table.get_column("entity_id").to_list() == ["q1", "q2", None]


def test_bad_gazetteer_table_exits_2_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("identifier,label\n1,x\n", encoding="utf-8")
    code, _, err = run("resolve", "X", "--no-builtin", "--gazetteer", str(bad))
    assert code == 2
    assert "bad.csv" in err and "id" in err


def test_tag_writes_table_and_reports_bad_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Hezbollah and the Houthis met in Sanaa.\r\n", encoding="utf-8")
    (corpus / "sub" / "b.md").write_bytes(b"\xef\xbb\xbfQassem Soleimani was killed in Baghdad. \xff bad byte")
    (corpus / "c.html").write_text("<html><body><p>Mike Pompeo &amp; ISIS</p><script>x=1</script></body></html>", encoding="utf-8")
    (corpus / "d.txt").write_bytes(b"\x00\x01\x02\x00" * 100)
    out = tmp_path / "m.parquet"
    errors = tmp_path / "errors.csv"
    code, _, err = run("tag", str(corpus), "--out", str(out), "--errors", str(errors))
    assert code == 0, err
    table = pl.read_parquet(out)
    assert set(table.get_column("doc_id")) == {"a.txt", "sub/b.md", "c.html"}
    assert "qassem-soleimani" in table.get_column("entity_id").to_list()
    problems = pl.read_csv(errors)
    reasons = dict(zip(problems.get_column("doc_id"), problems.get_column("reason"), strict=True))
    assert "binary" in reasons["d.txt"]
    assert "invalid UTF-8" in reasons["sub/b.md"]
    texts = {"a.txt": (corpus / "a.txt").read_bytes().decode("utf-8-sig")}
    for row in table.filter(pl.col("doc_id") == "a.txt").iter_rows(named=True):
        assert texts["a.txt"][row["start"] : row["end"]] == row["surface"]


def test_tag_table_input_with_columns(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"url": "u1", "body": "al-Shabaab attacked Mogadishu."}) + "\n"
        + json.dumps({"url": "u2", "body": None}) + "\n"
        + json.dumps({"url": "u1", "body": "duplicate id"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.ndjson"
    code, _, err = run("tag", str(docs), "--text-column", "body", "--id-column", "url", "--out", str(out))
    assert code == 0, err
    assert "null" in err and "duplicate" in err
    assert pl.read_ndjson(out).get_column("doc_id").unique().to_list() == ["u1"]


def test_tag_missing_column_exits_2(tmp_path: Path) -> None:
    docs = tmp_path / "docs.csv"
    docs.write_text("id,body\n1,hello\n", encoding="utf-8")
    code, _, err = run("tag", str(docs), "--out", str(tmp_path / "m.csv"))
    assert code == 2
    assert "docs.csv" in err and "'text'" in err


def test_tag_then_bench_json(tmp_path: Path) -> None:
    doc = tmp_path / "docs"
    doc.mkdir()
    (doc / "x.txt").write_text("Hamas and Hezbollah met in Beirut.", encoding="utf-8")
    gold = tmp_path / "gold.tsv"
    gold.write_text("doc\tstart\tend\tsurface\tkey\ttype\nx.txt\t0\t5\tHamas\thamas\tORG\n"
                    "x.txt\t10\t19\tHezbollah\thezbollah\tORG\nx.txt\t27\t33\tBeirut\tbeirut\tLOC\n", encoding="utf-8")
    mentions = tmp_path / "m.csv"
    assert run("tag", str(doc), "--out", str(mentions))[0] == 0
    code, out, err = run("bench", "--gold", str(gold), "--pred", str(mentions), "--json")
    assert code == 0, err
    scores = json.loads(out)
    assert scores["link"]["f1"] == pytest.approx(1.0)
    assert set(scores) == {"detect_strict", "detect_lenient", "link", "bcubed", "variants"}
