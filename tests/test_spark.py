"""The Spark engine: a real local Spark session gives the single-machine mention table.

One session (``local[2]``) serves every test of this file. Spark needs Java; without it the
tests are skipped with that reason. pyspark itself is a test dependency (``make test``
installs ``.[dev,bench,spark]``), so a missing pyspark fails rather than skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from canonym.cli import app
from canonym.corpus.readers import iter_documents
from canonym.corpus.run import tag_corpus
from canonym.resolver import Resolver

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [str(ROOT / "benchmarks" / "corpus" / "dev"), str(ROOT / "benchmarks" / "corpus" / "test")]
ORDER = ["doc_id", "start", "end"]


def _java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or (home is not None and (Path(home) / "bin" / "java").exists())


pytestmark = [
    pytest.mark.skipif(not _java_available(), reason="Spark needs a Java runtime (no java on PATH or JAVA_HOME)"),
    # PySpark checks for pandas in toArrow and mapInArrow and warns about pandas 3; no pandas is used.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """One local Spark session; small Arrow batches so a task tags several batches.

    The JVM compiles with C1 only and collects with the serial collector: for a short run of
    small jobs that halves the CPU time Spark spends starting up.
    """
    import canonym.spark

    session = canonym.spark.session(
        "local[2]",
        **{
            "spark.sql.shuffle.partitions": "2",
            "spark.sql.execution.arrow.maxRecordsPerBatch": "8",
            "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
        },
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus as a Parquet table, ids named as the folder reader names them."""
    docs = list(iter_documents(CORPUS, lambda problem: pytest.fail(str(problem))))
    path = tmp_path_factory.mktemp("spark-docs") / "docs.parquet"
    pl.DataFrame({"url": [d.doc_id for d in docs], "body": [d.text for d in docs]}).write_parquet(path)
    return path


@pytest.fixture(scope="module")
def single_machine(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    """What ``canonym tag benchmarks/corpus/dev benchmarks/corpus/test`` writes."""
    out = tmp_path_factory.mktemp("single") / "mentions.parquet"
    tag_corpus(CORPUS, str(out), Resolver())
    return pl.read_parquet(out)


def test_adapter_equals_single_machine(spark: SparkSession, documents: Path, single_machine: pl.DataFrame) -> None:
    import canonym.spark

    df = spark.read.parquet(str(documents)).repartition(3)  # several tasks, workers and batches
    table = pl.from_arrow(canonym.spark.tag(df, text="body", id="url").toArrow())
    assert isinstance(table, pl.DataFrame)
    assert table.height > 2000 and table["entity_id"].null_count() > 100  # linked and NIL rows both
    assert_frame_equal(table.sort(ORDER), single_machine.sort(ORDER), check_exact=True)
    assert_frame_equal(table, single_machine, check_exact=True)  # already in SPEC order


def test_cli_engine_spark_writes_the_same_table(
    spark: SparkSession, documents: Path, single_machine: pl.DataFrame, tmp_path: Path
) -> None:
    out = tmp_path / "mentions"
    result = CliRunner().invoke(
        app,
        ["tag", "--engine", "spark", str(documents), "--text-column", "body", "--id-column", "url", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert f"{pl.scan_parquet(documents).select(pl.len()).collect().item()} documents" in result.output
    parts = sorted(out.glob("part-*.parquet"))
    assert parts and (out / "_SUCCESS").exists()
    table = pl.read_parquet(parts)  # the parts in name order hold the rows in SPEC order
    assert_frame_equal(table, single_machine, check_exact=True)


def test_user_gazetteer_and_bad_rows_as_on_one_machine(spark: SparkSession, tmp_path: Path) -> None:
    """A broadcast user gazetteer, repeated ids, empty ids and null texts: same table."""
    import canonym.spark
    from canonym import Gazetteer

    gazetteer = tmp_path / "people.csv"
    gazetteer.write_text("id,name,type\nbah,Bah Ag Moussa,PER\nbah,Ba Ag Musa,PER\nkidal,Kidal,LOC\n", encoding="utf-8")
    texts = [
        ("d1", "Bah Ag Moussa was seen in Kidal with Iyad Ag Ghaly."),
        ("d2", "Ba Ag Musa left Kidal. Iyad ag Ghali stayed."),
        ("d1", "A repeated id: only the first row counts. Iyad Ag Ghaly."),
        ("", "An empty id: skipped. Kidal."),
        ("d3", None),
        ("d4", "Nothing to see here."),
        ("d5", "Iyad Ag Ghaly and Bah Ag Moussa met near Kidal."),
    ]
    table_path = tmp_path / "docs.parquet"
    pl.DataFrame(texts, schema={"id": pl.String, "text": pl.String}, orient="row").write_parquet(table_path)
    resolver = Resolver(Gazetteer.load(gazetteer, builtin=False))
    expected_path = tmp_path / "expected.parquet"
    tag_corpus([str(table_path)], str(expected_path), resolver)
    expected = pl.read_parquet(expected_path)

    df = spark.read.parquet(str(table_path)).coalesce(1)  # one partition: input order is row order
    table = pl.from_arrow(canonym.spark.tag(df, resolver=resolver).toArrow())
    assert isinstance(table, pl.DataFrame)
    assert set(table["doc_id"]) == {"d1", "d2", "d5"}
    assert table.filter(pl.col("entity_id").is_null())["cluster_id"].str.starts_with("NIL:").all()
    assert_frame_equal(table, expected, check_exact=True)


def test_missing_column_is_bad_input(spark: SparkSession, documents: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["tag", "--engine", "spark", str(documents), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "no column 'text', 'id'" in result.output


def test_options_the_spark_engine_does_not_take() -> None:
    result = CliRunner().invoke(app, ["tag", "--engine", "spark", "x.parquet", "--out", "m", "--workers", "2", "--resume"])
    assert result.exit_code == 2
    assert "--workers, --resume: not available with --engine spark" in result.output
    result = CliRunner().invoke(app, ["tag", "--engine", "spark", "x.parquet", "--out", "m.csv", "--format", "csv"])
    assert result.exit_code == 2


def test_local_engine_never_imports_pyspark(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Sayf al-Adl left Tehran.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from canonym.cli import app\n"
        f"result = CliRunner().invoke(app, ['tag', {str(doc)!r}, '--out', {str(tmp_path / 'm.parquet')!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('pyspark', 'py4j') or m == 'canonym.spark']\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_uris_reach_spark_as_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from canonym import spark
    from canonym.cli import app

    seen: list[list[str]] = []

    def capture(session: object, inputs: list[str], out: str, **options: object) -> object:
        seen.append(inputs)
        raise SystemExit(0)

    monkeypatch.setattr(spark, "session", lambda master: None)
    monkeypatch.setattr(spark, "tag_parquet", capture)
    CliRunner().invoke(app, ["tag", "--engine", "spark", "s3a://bucket/news/", "local/docs.parquet", "--out", "m/"])
    assert seen == [["s3a://bucket/news/", "local/docs.parquet"]]
