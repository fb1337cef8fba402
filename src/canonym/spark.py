"""Tag a corpus on Apache Spark: the mention table of a DataFrame of documents.

Install with ``pip install canonym[spark]``; nothing else in canonym imports this module.

The work is the single-machine run's, split the same way:

1. ``mapInArrow`` tags each Arrow batch of documents with
   :func:`canonym.corpus.batch.tag_batch`. Each Python worker process builds its
   :class:`~canonym.corpus.tagger.Tagger` once and keeps it for every later batch and
   task: from the packaged gazetteer (built-in data, cached on disk by canonym), or from
   a user gazetteer the driver loaded and shipped as a broadcast variable. Unknown names
   come out with an empty ``cluster_id``.
2. Their ``NIL:`` clusters span documents, so the counts of unknown
   ``(normalized, surface, type)`` are aggregated by Spark, collected on the driver
   (one row per distinct unknown spelling: small) and turned into clusters by
   :func:`canonym.corpus.nil.assign_nil_clusters`.
3. A broadcast join fills ``cluster_id``, ``canonical`` and ``type`` of the unknown
   mentions, and the table is ordered by ``doc_id``, ``start``, ``end``.

So the table equals the one ``canonym tag`` writes on one machine for the same documents.
The provisional mentions of step 1 are persisted (memory, then disk) so that steps 2 and 3
do not tag the corpus twice.

Example:
    >>> import canonym.spark
    >>> mentions = canonym.spark.tag(spark.read.parquet("news/"), text="body", id="url")
    >>> mentions.write.parquet("mentions/")
"""

from __future__ import annotations

import os
import sys
import uuid
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl
import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType

from canonym.config import MatchConfig
from canonym.corpus.batch import tag_batch
from canonym.corpus.mentions import MENTION_SCHEMA
from canonym.corpus.nil import NilCluster, assign_nil_clusters
from canonym.errors import InputError

if TYPE_CHECKING:
    from pyspark import Accumulator
    from pyspark.broadcast import Broadcast

    from canonym.corpus.run import RunSummary
    from canonym.corpus.tagger import Tagger
    from canonym.gazetteer import Gazetteer
    from canonym.resolver import Resolver

__all__ = ["MENTION_DDL", "session", "tag", "tag_parquet"]

#: The mention table's schema as Spark DDL (the order and types of SPEC.md).
MENTION_DDL = (
    "doc_id string, start long, end long, surface string, normalized string, entity_id string, "
    "cluster_id string, canonical string, type string, score double, method string"
)
_ARROW_TYPES = {pl.String(): pa.string(), pl.Int64(): pa.int64(), pl.Float64(): pa.float64()}
_ARROW_SCHEMA = pa.schema([(name, _ARROW_TYPES[dtype]) for name, dtype in MENTION_SCHEMA.items()])


# -- executor side ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _TaggerSource:
    """How a Python worker builds its tagger: small and picklable (shipped with every task).

    ``gazetteer`` is ``None`` for the packaged gazetteer, built where the task runs; else a
    broadcast variable, named by ``token`` (a worker cannot see a broadcast's own id).
    """

    config: MatchConfig
    gazetteer: Broadcast[Gazetteer] | None = None
    token: str | None = None

    @property
    def key(self) -> tuple[str | None, MatchConfig]:
        """What identifies the tagger within one worker process."""
        return (self.token, self.config)

    def build(self) -> Tagger:
        """Build the tagger (once per worker process: see :func:`_worker_tagger`)."""
        from canonym.corpus.tagger import Tagger
        from canonym.gazetteer import Gazetteer
        from canonym.resolver import Resolver

        gazetteer = Gazetteer.builtin() if self.gazetteer is None else self.gazetteer.value
        return Tagger(Resolver(gazetteer, self.config))


# Taggers built in this process (a Spark Python worker serves many tasks in turn).
_taggers: dict[tuple[str | None, MatchConfig], Tagger] = {}


def _worker_tagger(source: _TaggerSource) -> Tagger:
    tagger = _taggers.get(source.key)
    if tagger is None:
        tagger = _taggers[source.key] = source.build()
    return tagger


@dataclass(frozen=True, slots=True)
class _Counters:
    """What the tagging tasks count: documents, characters, rows skipped (for the summary)."""

    documents: Accumulator[int]
    characters: Accumulator[int]
    no_id: Accumulator[int]
    no_text: Accumulator[int]


def _tag_arrow(
    source: _TaggerSource, counters: _Counters | None
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function: ``doc_id, text`` batches in, provisional mentions out."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        tagger = _worker_tagger(source)
        for batch in batches:
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            documents: list[tuple[str, str]] = []
            no_id = no_text = 0
            for doc_id, text in frame.select("doc_id", "text").iter_rows():
                if doc_id is None or doc_id == "":
                    no_id += 1
                elif text is None:
                    no_text += 1
                else:
                    documents.append((doc_id, text))
            result = tag_batch(tagger, documents)
            if counters is not None:
                counters.documents.add(len(documents))
                counters.characters.add(result.characters)
                counters.no_id.add(no_id)
                counters.no_text.add(no_text)
            if result.rows:
                table = pl.DataFrame(result.columns, schema=MENTION_SCHEMA).to_arrow().cast(_ARROW_SCHEMA)
                yield from table.to_batches()

    return run


# -- driver side -----------------------------------------------------------------------------


def session(master: str = "local[*]", app_name: str = "canonym", **conf: str) -> SparkSession:
    """A Spark session fit for canonym (or the active one, when there is one).

    Sets ``PYSPARK_PYTHON`` and ``PYSPARK_DRIVER_PYTHON`` to this interpreter unless they are
    already set (else Spark may start workers with another Python), turns the web UI and the
    progress bar off, logs only errors, and on a local master binds to 127.0.0.1 and keeps
    shuffles small. ``conf`` adds Spark settings, e.g. ``**{"spark.executor.memory": "4g"}``
    (``spark.driver.extraJavaOptions`` is kept alongside the quiet log configuration).
    An active session is returned as it is, its settings untouched.
    """
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    settings = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.extraJavaOptions": f"-Dlog4j.configurationFile={_quiet_log4j()}",
    }
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        settings["spark.sql.shuffle.partitions"] = str(2 * (os.cpu_count() or 1))
    java_options = conf.pop("spark.driver.extraJavaOptions", "")
    settings.update(conf)
    if java_options:
        settings["spark.driver.extraJavaOptions"] = f"{java_options} {settings['spark.driver.extraJavaOptions']}"
    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = stderr
appender.console.type = Console
appender.console.name = stderr
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
"""


def _quiet_log4j() -> str:
    """A log4j2 configuration that prints only errors (Spark's own prints warnings at start)."""
    import tempfile
    from pathlib import Path

    path = Path(tempfile.gettempdir()) / "canonym-spark-log4j2.properties"
    if not path.exists() or path.read_text(encoding="utf-8") != _LOG4J:
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as handle:
            handle.write(_LOG4J)
        os.replace(handle.name, path)
    return str(path)


def _source(spark: SparkSession, resolver: Resolver | None) -> _TaggerSource:
    """Ship the packaged gazetteer by name, any other one as a broadcast variable."""
    if resolver is None:
        return _TaggerSource(MatchConfig())
    gazetteer = resolver.gazetteer
    if gazetteer.includes_builtin and not gazetteer.paths:
        return _TaggerSource(resolver.config)
    return _TaggerSource(resolver.config, spark.sparkContext.broadcast(gazetteer), uuid.uuid4().hex)


def _documents(df: DataFrame, text: str, id: str) -> DataFrame:
    """The ``doc_id, text`` columns, checked like the single-machine table reader does."""
    columns = df.columns
    missing = [c for c in (text, id) if c not in columns]
    if missing:
        raise InputError(
            f"no column {', '.join(map(repr, missing))} (columns: {', '.join(columns)}); "
            "choose them with --text-column and --id-column"
        )
    if not isinstance(df.schema[text].dataType, StringType):
        raise InputError(f"column {text!r} is not text ({df.schema[text].dataType.simpleString()})")
    return df.select(F.col(id).cast("string").alias("doc_id"), F.col(text).alias("text"))


def _first_of_each_id(documents: DataFrame) -> tuple[DataFrame, int]:
    """Keep the first row of each document id (in input order), as the single-machine reader does.

    Returns the documents and the number of rows dropped. Only the ids are read to find out
    whether any repeat; the documents are shuffled only when some do.
    """
    repeated = (
        documents.where(F.col("doc_id").isNotNull() & (F.col("doc_id") != ""))
        .groupBy("doc_id").count().where(F.col("count") > 1)
        .agg(F.sum(F.col("count") - 1).alias("extra")).collect()
    )
    extra = int(repeated[0]["extra"] or 0) if repeated else 0
    if not extra:
        return documents, 0
    numbered = documents.withColumn("_row", F.monotonically_increasing_id())
    first = numbered.groupBy("doc_id").agg(F.min("_row").alias("_row"))
    return numbered.join(first, ["doc_id", "_row"], "left_semi").drop("_row"), extra


def _provisional(
    documents: DataFrame, source: _TaggerSource, counters: _Counters | None
) -> DataFrame:
    with warnings.catch_warnings():
        # mapInArrow checks that pandas is installed, and PySpark 4 warns about pandas 3 there;
        # canonym never hands Spark a pandas object (Arrow batches go straight into polars).
        warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
        return documents.mapInArrow(_tag_arrow(source, counters), MENTION_DDL)


def _nil_clusters(provisional: DataFrame) -> dict[str, NilCluster]:
    """Aggregate the unknown mentions' counts over the whole run; cluster them on the driver."""
    rows = (
        provisional.where(F.col("entity_id").isNull())
        .groupBy("normalized", "surface", "type").count().collect()
    )
    stats: Counter[tuple[str, str, str]] = Counter(
        {(row["normalized"], row["surface"], row["type"]): int(row["count"]) for row in rows}
    )
    return assign_nil_clusters(stats)


def _with_clusters(spark: SparkSession, provisional: DataFrame, clusters: dict[str, NilCluster]) -> DataFrame:
    """Fill cluster_id, canonical and type of the unknown mentions (a broadcast join)."""
    if not clusters:
        return provisional
    lookup = spark.createDataFrame(
        [(key, c.cluster_id, c.canonical, c.type) for key, c in clusters.items()],
        "normalized string, _cluster_id string, _canonical string, _type string",
    )
    joined = provisional.join(F.broadcast(lookup), "normalized", "left")
    unknown = F.col("entity_id").isNull()
    filled = {
        name: F.when(unknown, F.col(f"_{name}")).otherwise(F.col(name)).alias(name)
        for name in ("cluster_id", "canonical", "type")
    }
    return joined.select(*(filled.get(name, F.col(name)) for name in MENTION_SCHEMA))


def _tag(
    df: DataFrame, text: str, id: str, resolver: Resolver | None, order: bool, check_ids: bool,
    counters: _Counters | None,
) -> tuple[DataFrame, DataFrame, int]:
    spark = df.sparkSession
    documents, duplicates = _documents(df, text, id), 0
    if check_ids:
        documents, duplicates = _first_of_each_id(documents)
    provisional = _provisional(documents, _source(spark, resolver), counters)
    provisional = provisional.persist(StorageLevel.MEMORY_AND_DISK)
    mentions = _with_clusters(spark, provisional, _nil_clusters(provisional))
    if order:
        mentions = mentions.orderBy("doc_id", "start", "end")
    return mentions, provisional, duplicates


def tag(
    df: DataFrame,
    text: str = "text",
    id: str = "id",
    *,
    resolver: Resolver | None = None,
    order: bool = True,
    check_ids: bool = True,
) -> DataFrame:
    """Tag a Spark DataFrame of documents; return the mention table as a Spark DataFrame.

    The same table as :func:`canonym.corpus.run.tag_corpus` (``canonym tag``) for the same
    documents: rows with an empty id or a null text are skipped, and of several rows with
    one id only the first is kept.

    Args:
        df: the documents, one per row.
        text: the column holding each document's text.
        id: the column holding each document's id (cast to string).
        resolver: the resolver whose gazetteer and settings to use (default: the built-in
            gazetteer). A user gazetteer is loaded here, on the driver, and broadcast.
        order: sort the table by ``doc_id``, ``start``, ``end`` (as SPEC.md orders it).
        check_ids: look for repeated ids (a job over the id column); ``False`` when the ids
            are known to be unique saves that job, and a repeated id then has its mentions
            twice.

    Runs Spark jobs before returning (the id check, and the one that tags every document
    and counts the unknown names); the tagged mentions stay persisted for the returned
    DataFrame, until the session ends or ``spark.catalog.clearCache()``.

    Raises:
        InputError: a missing column, or a text column that is not a string column.
    """
    mentions, _, _ = _tag(df, text, id, resolver, order, check_ids, None)
    return mentions


def tag_parquet(
    spark: SparkSession,
    inputs: Sequence[str],
    out: str,
    *,
    text_column: str = "text",
    id_column: str = "id",
    resolver: Resolver | None = None,
) -> RunSummary:
    """Read Parquet documents, tag them on Spark and write the mention table as a Parquet dataset.

    ``inputs`` and ``out`` are anything Spark reads and writes (local paths, ``hdfs://``,
    ``s3a://`` ...); ``out`` becomes a folder of Parquet files, ordered by ``doc_id``,
    ``start``, ``end`` across its parts, and is replaced when it exists.

    Raises:
        InputError: an input that Spark cannot read, a missing column, or ``out`` among ``inputs``.
    """
    import time

    from pyspark.errors import AnalysisException

    from canonym.corpus.readers import DocumentProblem
    from canonym.corpus.run import RunSummary

    started = time.perf_counter()
    if out.rstrip("/") in {p.rstrip("/") for p in inputs}:
        raise InputError(f"{out}: the output would replace an input")
    try:
        df = spark.read.parquet(*inputs)
    except AnalysisException as exc:
        raise InputError(f"{', '.join(inputs)}: cannot read as Parquet: {exc}") from exc
    sc = spark.sparkContext
    counters = _Counters(sc.accumulator(0), sc.accumulator(0), sc.accumulator(0), sc.accumulator(0))
    mentions, provisional, duplicates = _tag(df, text_column, id_column, resolver, True, True, counters)
    try:
        mentions.write.mode("overwrite").parquet(out)
        totals = provisional.agg(
            F.count(F.lit(1)).alias("mentions"),
            F.count("entity_id").alias("linked"),
            F.sum((F.col("method") == "ambiguous").cast("long")).alias("ambiguous"),
        ).collect()[0]
    finally:
        provisional.unpersist()
    summary = RunSummary()
    summary.documents = counters.documents.value
    summary.characters = counters.characters.value
    summary.mentions = int(totals["mentions"])
    summary.linked = int(totals["linked"])
    summary.ambiguous = int(totals["ambiguous"] or 0)
    summary.nil = summary.mentions - summary.linked - summary.ambiguous
    source = ", ".join(inputs)
    for count, reason in (
        (counters.no_id.value, f"{id_column!r} is empty"),
        (counters.no_text.value, f"{text_column!r} is null"),
        (duplicates, "duplicate document id"),
    ):
        if count:
            problem = DocumentProblem(source, None, f"{count} row(s): {reason}", True)
            summary.problems.append(problem)
            print(f"canonym: warning: {problem}", file=sys.stderr)
    summary.seconds = time.perf_counter() - started
    return summary
