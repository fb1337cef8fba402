"""Score a predicted mention table against hand labels.

This module implements the scores of SPEC.md ("Scores", used by ``canonym bench`` and the
benchmarks) on two tables:

- the gold labels (``doc start end surface key type``, see SPEC.md "Hand labels"), read with
  :func:`read_gold`;
- a predicted mention table (SPEC.md "Mention table"), read with :func:`read_mentions`.

How mentions are paired, once, before every score:

1. Optionally, predicted rows whose ``score`` is below a threshold are dropped.
2. *Strict* detection pairs a prediction with a gold mention of exactly the same
   ``(doc, start, end)``.
3. *Lenient* detection pairs overlapping spans one-to-one, greedily: the pair with the largest
   overlap first, then the pair with the smallest union (closest spans), then the gold and
   predicted mentions in sorted order (doc, start, end, key/cluster, ...). Every later score
   uses these lenient pairs.
4. Predicted clusters are mapped one-to-one to gold keys, greedily by the number of paired
   mentions they share (ties: sorted cluster id, then sorted key). Because the map is
   one-to-one, splitting an entity into two clusters costs as much as merging two entities.

The module is pure Python plus polars and imports nothing else from canonym, so the benchmark
harness can use it on its own.
"""

from __future__ import annotations

import csv
import json
import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

import polars as pl

__all__ = [
    "GOLD_COLUMNS",
    "NAME_LABEL_COLUMNS",
    "PRED_COLUMNS",
    "PRED_OPTIONAL_COLUMNS",
    "PRF",
    "QUALITIES",
    "TYPE_ORDER",
    "Counts",
    "Errors",
    "MentionRef",
    "MergedCluster",
    "MethodScores",
    "MissedMention",
    "NameCase",
    "NameGroup",
    "NameScores",
    "Scores",
    "ScoringInputError",
    "SplitEntity",
    "SpuriousMention",
    "TypeScores",
    "VariantFailure",
    "Variants",
    "WrongLink",
    "label_mentions",
    "read_gold",
    "read_mentions",
    "read_name_labels",
    "score",
    "score_names",
    "threshold_curve",
]

GOLD_COLUMNS: tuple[str, ...] = ("doc", "start", "end", "surface", "key", "type")
"""Columns of the gold labels, in order; further columns are ignored."""

PRED_COLUMNS: tuple[str, ...] = ("doc_id", "start", "end", "surface", "cluster_id", "type")
"""Columns a predicted mention table must have."""

PRED_OPTIONAL_COLUMNS: tuple[str, ...] = ("score", "entity_id", "method", "canonical")
"""Columns of a predicted mention table that are used when present."""

NAME_LABEL_COLUMNS: tuple[str, ...] = (
    "case_group",
    "mention",
    "expected_id",
    "script",
    "quality",
    "notes",
)
"""Columns of the name-level labels (nomenklatura name_bench style)."""

QUALITIES: tuple[str, ...] = ("STRONG", "MEDIUM", "WEAK")
"""Allowed values of the name labels' ``quality`` column, surest first."""

TYPE_ORDER: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
"""Entity types in the order breakdowns list them; other types follow, sorted."""

_NO_METHOD = "(none)"

_Kind = Literal["id", "text", "int", "float?", "str?"]

_GOLD_SPEC: dict[str, _Kind] = {
    "doc": "id",
    "start": "int",
    "end": "int",
    "surface": "text",
    "key": "id",
    "type": "text",
}
_PRED_SPEC: dict[str, _Kind] = {
    "doc_id": "id",
    "start": "int",
    "end": "int",
    "surface": "text",
    "cluster_id": "id",
    "type": "text",
}
_PRED_OPTIONAL_SPEC: dict[str, _Kind] = {
    "score": "float?",
    "entity_id": "str?",
    "method": "str?",
    "canonical": "str?",
}
_LOC = "__loc"


class ScoringInputError(ValueError):
    """A gold, prediction or name-label file (or frame) that cannot be scored.

    The message names the file, the line or row, and what is wrong with it.
    """


# --------------------------------------------------------------------------------------------
# Reading and validating inputs


def _show(value: object) -> str:
    """Return a short ``repr`` of a bad value for an error message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _scalar_text(value: object) -> str | None:
    """Return a JSON scalar as text, so that every source is validated the same way."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        # 12.0 in JSON is the integer offset 12, not a fraction.
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _frame_from_records(header: Sequence[str], records: Iterable[tuple[str, Sequence[str | None]]]) -> pl.DataFrame:
    """Build an all-string frame, with the location of each row in the ``__loc`` column."""
    columns: dict[str, list[str | None]] = {name: [] for name in header}
    locs: list[str] = []
    for loc, values in records:
        locs.append(loc)
        for name, value in zip(header, values, strict=False):
            columns[name].append(value)
        for name in header[len(values) :]:
            columns[name].append(None)
    data: dict[str, list[str | None] | list[str]] = dict(columns)
    data[_LOC] = locs
    return pl.DataFrame(data, schema={name: pl.String for name in data})


def _first_bad(frame: pl.DataFrame, bad: pl.Expr) -> dict[str, Any] | None:
    """Return the first row of ``frame`` where ``bad`` holds, or ``None``."""
    hit = frame.filter(bad.fill_null(True)).head(1)
    if hit.height == 0:
        return None
    return hit.row(0, named=True)


def _fail(source: str, row: Mapping[str, Any], message: str) -> ScoringInputError:
    """Return the error for one bad row of ``source``."""
    return ScoringInputError(f"{source}: {row[_LOC]}: {message}")


def _validate(
    frame: pl.DataFrame,
    required: Mapping[str, _Kind],
    optional: Mapping[str, _Kind],
    source: str,
) -> pl.DataFrame:
    """Check and cast a gold or predicted table; raise on the first bad row.

    Args:
        frame: The table as read. A ``__loc`` column, when present, names each row's line in
            the file; otherwise rows are named ``row N`` (1-based).
        required: Columns that must be present, with the kind of value they hold.
        optional: Columns used when present.
        source: The file name (or ``gold`` / ``predictions``) used in messages.

    Returns:
        A frame with the required columns, the optional ones present, cast to their dtypes,
        plus ``__loc``.

    Raises:
        ScoringInputError: When a column is missing or a value cannot be used.
    """
    missing = [name for name in required if name not in frame.columns]
    if missing:
        names = ", ".join(repr(name) for name in missing)
        found = ", ".join(repr(name) for name in frame.columns if name != _LOC) or "nothing"
        where = "header" if _LOC in frame.columns else "columns"
        raise ScoringInputError(
            f"{source}: {where}: missing column(s) {names}; found {found}; expected at least {', '.join(required)}"
        )
    if _LOC not in frame.columns:
        frame = frame.with_row_index(_LOC, offset=1).with_columns(pl.format("row {}", pl.col(_LOC)).alias(_LOC))
    kinds = dict(required)
    kinds.update({name: kind for name, kind in optional.items() if name in frame.columns})
    frame = frame.select([*kinds, _LOC])
    casts: list[pl.Expr] = []
    for name, kind in kinds.items():
        casts.append(_check_column(frame, name, kind, source))
    frame = frame.with_columns(casts)
    row = _first_bad(frame, pl.col("start") < 0)
    if row is not None:
        raise _fail(source, row, f"column 'start': offset {row['start']} is negative")
    row = _first_bad(frame, pl.col("end") <= pl.col("start"))
    if row is not None:
        raise _fail(
            source,
            row,
            f"offsets: end ({row['end']}) must be greater than start ({row['start']})",
        )
    return frame


def _check_column(frame: pl.DataFrame, name: str, kind: _Kind, source: str) -> pl.Expr:
    """Check one column of ``frame`` and return the expression that casts it."""
    dtype = frame.schema[name]
    col = pl.col(name)
    if kind in ("id", "text", "str?"):
        as_text = col if dtype == pl.String else col.cast(pl.String, strict=False)
        if kind == "str?":
            return pl.when(as_text == "").then(None).otherwise(as_text).alias(name)
        if kind == "id":
            bad = as_text.is_null() | (as_text.str.strip_chars() == "")
            what = "is empty"
        else:
            bad = as_text.is_null()
            what = "is missing"
        row = _first_bad(frame, bad)
        if row is not None:
            raise _fail(source, row, f"column {name!r} {what}")
        return as_text.alias(name)
    if kind == "int":
        if dtype.is_integer():
            cast = col.cast(pl.Int64, strict=False)
            bad = col.is_null() | cast.is_null()
        elif dtype.is_float():
            cast = col.cast(pl.Int64, strict=False)
            bad = col.is_null() | col.is_nan() | (col != col.floor()) | cast.is_null()
        else:
            cast = col.cast(pl.String, strict=False).str.strip_chars().cast(pl.Int64, strict=False)
            bad = cast.is_null()
        row = _first_bad(frame, bad)
        if row is not None:
            value = row[name]
            if value is None or value == "":
                raise _fail(source, row, f"column {name!r} is missing (expected an integer offset)")
            raise _fail(source, row, f"column {name!r}: expected an integer offset, got {_show(value)}")
        return cast.alias(name)
    # kind == "float?"
    if dtype.is_numeric():
        cast = col.cast(pl.Float64, strict=False)
        given = col.is_not_null()
    else:
        text = col.cast(pl.String, strict=False).str.strip_chars()
        text = pl.when(text == "").then(None).otherwise(text)
        cast = text.cast(pl.Float64, strict=False)
        given = text.is_not_null()
    row = _first_bad(frame, given & (cast.is_null() | cast.is_nan() | cast.is_infinite()))
    if row is not None:
        raise _fail(source, row, f"column {name!r}: expected a number, got {_show(row[name])}")
    return cast.alias(name)


def _read_delimited(path: Path, delimiter: str) -> pl.DataFrame:
    """Read a CSV or TSV file with the csv module, keeping each record's first line number."""
    records: list[tuple[str, list[str | None]]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=delimiter, quotechar='"', strict=True)
            line = 1
            try:
                header = [name.strip() for name in next(reader, [])]
                line = reader.line_num + 1
                for values in reader:
                    if any(value != "" for value in values):
                        records.append((f"line {line}", list(values)))
                    line = reader.line_num + 1
            except csv.Error as exc:
                raise ScoringInputError(f"{path}: line {line}: malformed row: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ScoringInputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise ScoringInputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not header:
        raise ScoringInputError(f"{path}: line 1: empty file, expected a header row")
    for loc, fields in records:
        if len(fields) > len(header):
            raise ScoringInputError(
                f"{path}: {loc}: {len(fields)} fields but the header has {len(header)} "
                f"(a field with a tab, comma or line break must be double-quoted)"
            )
    return _frame_from_records(header, records)


def _read_ndjson(path: Path) -> pl.DataFrame:
    """Read newline-delimited JSON with the json module, keeping line numbers."""
    rows: list[tuple[str, dict[str, Any]]] = []
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, text in enumerate(handle, start=1):
                if text.strip() == "":
                    continue
                try:
                    value = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ScoringInputError(f"{path}: line {number}: invalid JSON: {exc.msg}") from exc
                if not isinstance(value, dict):
                    raise ScoringInputError(
                        f"{path}: line {number}: expected a JSON object, got {type(value).__name__}"
                    )
                rows.append((f"line {number}", value))
    except UnicodeDecodeError as exc:
        raise ScoringInputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise ScoringInputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    header: list[str] = []
    seen: set[str] = set()
    for _, value in rows:
        for name in value:
            if name not in seen:
                seen.add(name)
                header.append(name)
    if not rows:
        header = list(PRED_COLUMNS)
    records = [(loc, [_scalar_text(value.get(name)) for name in header]) for loc, value in rows]
    return _frame_from_records(header, records)


def read_gold(path: str | Path) -> pl.DataFrame:
    """Read hand labels: a TSV with header ``doc start end surface key type``.

    Further columns (``notes`` ...) are ignored. A field may be double-quoted (a surface
    spanning a line break must be). Blank lines are skipped.

    Args:
        path: The TSV file.

    Returns:
        A frame with columns doc (str), start (int), end (int), surface, key, type (str), in
        file order.

    Raises:
        ScoringInputError: When the file cannot be read, a column is missing, or a row has an
            empty doc or key, a non-integer offset, or ``end <= start``; the message names the
            file and line.
    """
    path = Path(path)
    frame = _validate(_read_delimited(path, "\t"), _GOLD_SPEC, {}, str(path))
    return frame.drop(_LOC)


def read_mentions(path: str | Path) -> pl.DataFrame:
    """Read a predicted mention table (SPEC.md "Mention table"), by the file's suffix.

    ``.parquet``, ``.csv``, ``.tsv``, ``.ndjson`` and ``.jsonl`` are read. The table needs
    ``doc_id start end surface cluster_id type``; ``score``, ``entity_id``, ``method`` and
    ``canonical`` are kept when present; other columns are dropped. Empty strings in the
    optional columns (how CSV writes nulls) become nulls.

    Args:
        path: The mention table.

    Returns:
        A frame with the required columns and the optional ones present, in file order.

    Raises:
        ScoringInputError: When the suffix is unknown, the file cannot be read, a required
            column is missing or a value is unusable; the message names the file and the line
            (text formats) or row (Parquet).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            raw = pl.read_parquet(path)
        except (OSError, pl.exceptions.PolarsError) as exc:
            raise ScoringInputError(f"{path}: cannot read Parquet: {exc}") from exc
    elif suffix in (".csv", ".tsv"):
        raw = _read_delimited(path, "," if suffix == ".csv" else "\t")
    elif suffix in (".ndjson", ".jsonl"):
        raw = _read_ndjson(path)
    else:
        raise ScoringInputError(
            f"{path}: unknown mention table format {suffix!r}; expected .parquet, .csv, .tsv, .ndjson or .jsonl"
        )
    return _validate(raw, _PRED_SPEC, _PRED_OPTIONAL_SPEC, str(path)).drop(_LOC)


# --------------------------------------------------------------------------------------------
# Score values


def _ratio(numerator: float, denominator: float) -> float:
    """Return ``numerator / denominator``, or 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall (0.0 when both are 0)."""
    return _ratio(2 * precision * recall, precision + recall)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1, each in [0, 1]; 0.0 where a denominator is 0."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        """Return the scores with F1 computed from ``precision`` and ``recall``."""
        return cls(precision, recall, _f1(precision, recall))

    @classmethod
    def from_counts(cls, right_pred: int, n_pred: int, right_gold: int, n_gold: int) -> PRF:
        """Return ``right_pred / n_pred``, ``right_gold / n_gold`` and their F1."""
        return cls.of(_ratio(right_pred, n_pred), _ratio(right_gold, n_gold))

    def to_dict(self) -> dict[str, float]:
        """Return ``{"precision", "recall", "f1"}``."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class Counts:
    """How many mentions were scored and paired."""

    gold: int
    pred: int
    strict: int
    """Pairs with exactly the same span."""
    lenient: int
    """Pairs of overlapping spans (one-to-one)."""
    linked: int
    """Lenient pairs whose predicted cluster maps to the gold key."""


@dataclass(frozen=True)
class TypeScores:
    """Scores for one entity type: recall by gold type, precision by predicted type."""

    gold: int
    pred: int
    detect_lenient: PRF
    link: PRF

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as JSON-ready values."""
        return {
            "gold": self.gold,
            "pred": self.pred,
            "detect_lenient": self.detect_lenient.to_dict(),
            "link": self.link.to_dict(),
        }


@dataclass(frozen=True)
class MethodScores:
    """Precision of the predictions made by one ``method``."""

    pred: int
    matched: int
    linked: int

    @property
    def detect_precision(self) -> float:
        """Share of these predictions that overlap a gold mention."""
        return _ratio(self.matched, self.pred)

    @property
    def link_precision(self) -> float:
        """Share of these predictions that are linked right."""
        return _ratio(self.linked, self.pred)

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and precisions as JSON-ready values."""
        return {
            "pred": self.pred,
            "matched": self.matched,
            "linked": self.linked,
            "detect_precision": self.detect_precision,
            "link_precision": self.link_precision,
        }


@dataclass(frozen=True)
class MissedMention:
    """A gold mention that no prediction overlaps (one-to-one)."""

    doc: str
    start: int
    end: int
    surface: str
    key: str
    type: str


@dataclass(frozen=True)
class SpuriousMention:
    """A prediction that overlaps no (unpaired) gold mention."""

    doc: str
    start: int
    end: int
    surface: str
    cluster_id: str
    type: str
    score: float | None
    method: str | None


@dataclass(frozen=True)
class WrongLink:
    """A paired prediction whose cluster maps to another key, or to none."""

    doc: str
    start: int
    end: int
    surface: str
    cluster_id: str
    cluster_key: str | None
    """The gold key the cluster maps to; ``None`` when it maps to none."""
    key: str
    """The gold key of the paired gold mention."""
    gold_start: int
    gold_end: int
    gold_surface: str


@dataclass(frozen=True)
class MentionRef:
    """One lenient pair, as listed under a split entity or a merged cluster."""

    doc: str
    start: int
    end: int
    surface: str
    key: str
    cluster_id: str


@dataclass(frozen=True)
class SplitEntity:
    """A gold key whose paired mentions fall into more than one predicted cluster."""

    key: str
    clusters: tuple[tuple[str, int], ...]
    """``(cluster_id, mentions)``, most mentions first."""
    mentions: tuple[MentionRef, ...]


@dataclass(frozen=True)
class MergedCluster:
    """A predicted cluster holding paired mentions of more than one gold key."""

    cluster_id: str
    keys: tuple[tuple[str, int], ...]
    """``(key, mentions)``, most mentions first."""
    mentions: tuple[MentionRef, ...]


@dataclass(frozen=True)
class VariantFailure:
    """A gold key written two or more ways that was not reconciled."""

    key: str
    surfaces: tuple[str, ...]
    mentions: int
    missed: int
    """Gold mentions of the key that no prediction overlaps."""
    clusters: tuple[tuple[str, int], ...]
    """Clusters of the paired mentions, ``(cluster_id, mentions)``, most first."""
    shared_with: tuple[str, ...]
    """Other gold keys with paired mentions in the key's only cluster."""

    @property
    def reason(self) -> str:
        """Say in words why the key is not reconciled."""
        parts: list[str] = []
        if self.missed:
            parts.append(f"{self.missed} of {self.mentions} mentions missed")
        if len(self.clusters) > 1:
            parts.append(f"split over {len(self.clusters)} clusters")
        if self.shared_with:
            parts.append(f"cluster shared with {', '.join(self.shared_with)}")
        return "; ".join(parts) or "not reconciled"


@dataclass(frozen=True)
class Variants:
    """Variant reconciliation: of the keys written two or more ways, how many are whole."""

    reconciled: int
    total: int
    failures: tuple[VariantFailure, ...]

    @property
    def share(self) -> float:
        """``reconciled / total`` (0.0 when there is none)."""
        return _ratio(self.reconciled, self.total)


@dataclass(frozen=True)
class Errors:
    """Every error, in a deterministic order (the worst split and merge first)."""

    missed: tuple[MissedMention, ...]
    spurious: tuple[SpuriousMention, ...]
    wrong_link: tuple[WrongLink, ...]
    split: tuple[SplitEntity, ...]
    merged: tuple[MergedCluster, ...]

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return each category as a list of JSON-ready dicts."""
        return {
            "missed": [_plain(item) for item in self.missed],
            "spurious": [_plain(item) for item in self.spurious],
            "wrong_link": [_plain(item) for item in self.wrong_link],
            "split": [
                {
                    "key": item.key,
                    "clusters": [{"cluster_id": c, "count": n} for c, n in item.clusters],
                    "mentions": [_plain(m) for m in item.mentions],
                }
                for item in self.split
            ],
            "merged": [
                {
                    "cluster_id": item.cluster_id,
                    "keys": [{"key": k, "count": n} for k, n in item.keys],
                    "mentions": [_plain(m) for m in item.mentions],
                }
                for item in self.merged
            ],
        }


def _plain(item: MissedMention | SpuriousMention | WrongLink | MentionRef) -> dict[str, Any]:
    """Return a flat error record as a dict, fields in declaration order."""
    return dict(vars(item))


@dataclass(frozen=True)
class Scores:
    """All scores of one predicted mention table against the gold labels."""

    detect_strict: PRF
    detect_lenient: PRF
    link: PRF
    bcubed: PRF
    variants: Variants
    by_type: Mapping[str, TypeScores]
    """Per type: recall by gold type, precision by predicted type."""
    by_method: Mapping[str, MethodScores]
    """Per predicted ``method``; empty when the table has no such column."""
    errors: Errors
    counts: Counts
    threshold: float | None = None
    """The score threshold applied to the predictions, if any."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON of ``canonym bench --json``.

        The keys ``detect_strict``, ``detect_lenient``, ``link`` and ``bcubed`` each hold
        ``{"precision", "recall", "f1"}`` and ``variants`` holds ``{"reconciled", "total"}``
        (SPEC.md); ``by_type``, ``by_method`` and ``errors`` follow. Unreconciled variants
        are listed under ``errors["variants"]``.
        """
        errors: dict[str, Any] = dict(self.errors.to_dict())
        errors["variants"] = [
            {
                "key": item.key,
                "surfaces": list(item.surfaces),
                "mentions": item.mentions,
                "missed": item.missed,
                "clusters": [{"cluster_id": c, "count": n} for c, n in item.clusters],
                "shared_with": list(item.shared_with),
                "reason": item.reason,
            }
            for item in self.variants.failures
        ]
        return {
            "detect_strict": self.detect_strict.to_dict(),
            "detect_lenient": self.detect_lenient.to_dict(),
            "link": self.link.to_dict(),
            "bcubed": self.bcubed.to_dict(),
            "variants": {"reconciled": self.variants.reconciled, "total": self.variants.total},
            "by_type": {name: value.to_dict() for name, value in self.by_type.items()},
            "by_method": {name: value.to_dict() for name, value in self.by_method.items()},
            "errors": errors,
        }


# --------------------------------------------------------------------------------------------
# Pairing


class _Gold(NamedTuple):
    doc: str
    start: int
    end: int
    key: str
    surface: str
    type: str


class _Pred(NamedTuple):
    doc: str
    start: int
    end: int
    cluster: str
    surface: str
    type: str
    method: str | None
    score: float | None


@dataclass(frozen=True)
class _Alignment:
    """Lenient pairs and the cluster -> key map, over sorted gold and predicted lists."""

    gold: list[_Gold]
    pred: list[_Pred]
    g2p: dict[int, int]
    p2g: dict[int, int]
    cluster_key: dict[str, str]
    right: frozenset[int]
    """Predictions that are paired and whose cluster maps to the paired gold key."""

    def is_right(self, p: int) -> bool:
        """Return whether prediction ``p`` is paired and its cluster maps to the gold key."""
        return p in self.right


def _as_frame(frame: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Collect a lazy frame; return a frame unchanged."""
    return frame.collect() if isinstance(frame, pl.LazyFrame) else frame


def _prepare_gold(gold: pl.DataFrame | pl.LazyFrame) -> list[_Gold]:
    """Validate the gold frame and return its mentions, sorted."""
    frame = _validate(_as_frame(gold), _GOLD_SPEC, {}, "gold")
    order = ["doc", "start", "end", "key", "surface", "type"]
    # polars sorts strings by UTF-8 bytes, which is Python's code point order.
    rows = frame.select(order).sort(order).iter_rows()
    return list(map(_Gold._make, rows))


def _prepare_pred(pred: pl.DataFrame | pl.LazyFrame, threshold: float | None) -> tuple[list[_Pred], bool]:
    """Validate the predictions, drop those below ``threshold``, and sort them.

    Returns:
        The predictions and whether the table has a ``method`` column.

    Raises:
        ScoringInputError: When the frame is invalid, or a threshold is given and the frame
            has no ``score`` column.
    """
    frame = _validate(_as_frame(pred), _PRED_SPEC, _PRED_OPTIONAL_SPEC, "predictions")
    has_method = "method" in frame.columns
    if threshold is not None:
        if "score" not in frame.columns:
            raise ScoringInputError("predictions: columns: a score threshold needs a 'score' column")
        # A row without a score is kept: it is not known to be below the threshold.
        frame = frame.filter(pl.col("score").is_null() | (pl.col("score") >= threshold))
    columns: list[pl.Expr] = [pl.col(name) for name in ("doc_id", "start", "end", "cluster_id")]
    columns += [pl.col("surface"), pl.col("type")]
    columns.append(pl.col("method") if has_method else pl.lit(None, pl.String).alias("method"))
    columns.append(pl.col("score") if "score" in frame.columns else pl.lit(None, pl.Float64).alias("score"))
    # The sort is total (nulls first), so ties between predictions break the same way
    # whatever the row order of the input.
    selected = frame.select(columns)
    rows = selected.sort(selected.columns, nulls_last=False).iter_rows()
    return list(map(_Pred._make, rows)), has_method


def _pair_lenient(gold: Sequence[_Gold], pred: Sequence[_Pred]) -> dict[int, int]:
    """Pair overlapping gold and predicted spans one-to-one, greedily.

    Candidate pairs are taken by largest overlap, then smallest union, then gold index, then
    predicted index (both lists are sorted), so the result does not depend on row order.

    Returns:
        Gold index -> predicted index.
    """
    by_doc: dict[str, list[int]] = defaultdict(list)
    for p, other in enumerate(pred):
        by_doc[other.doc].append(p)
    candidates: list[tuple[int, int, int, int]] = []
    cache: dict[str, tuple[list[int], list[int], int]] = {}
    for g, mention in enumerate(gold):
        indices = by_doc.get(mention.doc)
        if indices is None:
            continue
        if mention.doc not in cache:
            # ``pred`` is sorted by (doc, start, ...), so the indices are sorted by start.
            starts = [pred[p].start for p in indices]
            longest = max(pred[p].end - pred[p].start for p in indices)
            cache[mention.doc] = (indices, starts, longest)
        indices, starts, longest = cache[mention.doc]
        low = bisect_left(starts, mention.start - longest + 1)
        high = bisect_left(starts, mention.end)
        for p in indices[low:high]:
            other = pred[p]
            overlap = min(mention.end, other.end) - max(mention.start, other.start)
            if overlap > 0:
                union = max(mention.end, other.end) - min(mention.start, other.start)
                candidates.append((-overlap, union, g, p))
    candidates.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, g, p in candidates:
        if g not in pairs and p not in taken:
            pairs[g] = p
            taken.add(p)
    return pairs


def _map_clusters(shared: Counter[tuple[str, str]]) -> dict[str, str]:
    """Map clusters to keys one-to-one, greedily by shared mentions, ties by sorted ids."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for (cluster, key), _ in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
        if cluster not in mapping and key not in used:
            mapping[cluster] = key
            used.add(key)
    return mapping


def _align(gold: list[_Gold], pred: list[_Pred]) -> _Alignment:
    """Pair the mentions and map the clusters."""
    g2p = _pair_lenient(gold, pred)
    p2g = {p: g for g, p in g2p.items()}
    shared: Counter[tuple[str, str]] = Counter((pred[p].cluster, gold[g].key) for g, p in g2p.items())
    cluster_key = _map_clusters(shared)
    right = frozenset(p for g, p in g2p.items() if cluster_key.get(pred[p].cluster) == gold[g].key)
    return _Alignment(gold, pred, g2p, p2g, cluster_key, right)


# --------------------------------------------------------------------------------------------
# Scores


def _strict_pairs(gold: Sequence[_Gold], pred: Sequence[_Pred]) -> int:
    """Count one-to-one pairs of exactly equal spans."""
    gold_spans = Counter((m.doc, m.start, m.end) for m in gold)
    pred_spans = Counter((m.doc, m.start, m.end) for m in pred)
    return sum(min(n, pred_spans[span]) for span, n in gold_spans.items())


def _bcubed(al: _Alignment) -> PRF:
    """Return B-cubed precision, recall and F1 over the lenient pairs, across documents."""
    if not al.g2p:
        return PRF(0.0, 0.0, 0.0)
    items = [(al.gold[g].key, al.pred[p].cluster) for g, p in al.g2p.items()]
    both = Counter(items)
    keys = Counter(key for key, _ in items)
    clusters = Counter(cluster for _, cluster in items)
    # Each item of a (key, cluster) cell shares ``n`` items with itself's clusters, so a cell
    # of n items contributes n * n / |cluster| to precision and n * n / |key| to recall.
    precision = sum(n * n / clusters[c] for (_, c), n in both.items()) / len(items)
    recall = sum(n * n / keys[k] for (k, _), n in both.items()) / len(items)
    return PRF.of(precision, recall)


def _ordered_types(types: Iterable[str]) -> list[str]:
    """Return types in TYPE_ORDER, then any others sorted."""
    present = set(types)
    known = [name for name in TYPE_ORDER if name in present]
    return known + sorted(present - set(TYPE_ORDER))


def _by_type(al: _Alignment) -> dict[str, TypeScores]:
    """Break lenient detection and linking down by type."""
    gold_n: Counter[str] = Counter(m.type for m in al.gold)
    pred_n: Counter[str] = Counter(m.type for m in al.pred)
    gold_hit: Counter[str] = Counter(al.gold[g].type for g in al.g2p)
    pred_hit: Counter[str] = Counter(al.pred[p].type for p in al.p2g)
    gold_right: Counter[str] = Counter(al.gold[g].type for g, p in al.g2p.items() if al.is_right(p))
    pred_right: Counter[str] = Counter(al.pred[p].type for p in al.p2g if al.is_right(p))
    result: dict[str, TypeScores] = {}
    for name in _ordered_types([*gold_n, *pred_n]):
        result[name] = TypeScores(
            gold=gold_n[name],
            pred=pred_n[name],
            detect_lenient=PRF.from_counts(pred_hit[name], pred_n[name], gold_hit[name], gold_n[name]),
            link=PRF.from_counts(pred_right[name], pred_n[name], gold_right[name], gold_n[name]),
        )
    return result


def _by_method(al: _Alignment) -> dict[str, MethodScores]:
    """Break prediction precision down by ``method``."""
    total: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    for p, mention in enumerate(al.pred):
        name = mention.method if mention.method is not None else _NO_METHOD
        total[name] += 1
        if p in al.p2g:
            matched[name] += 1
            if al.is_right(p):
                linked[name] += 1
    return {name: MethodScores(total[name], matched[name], linked[name]) for name in sorted(total)}


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Return counter items, most first, ties by sorted id."""
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _variants(al: _Alignment) -> Variants:
    """Count the gold keys written two or more ways whose mentions land in one clean cluster."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for g, mention in enumerate(al.gold):
        by_key[mention.key].append(g)
    keys_in_cluster: dict[str, set[str]] = defaultdict(set)
    for g, p in al.g2p.items():
        keys_in_cluster[al.pred[p].cluster].add(al.gold[g].key)
    total = 0
    reconciled = 0
    failures: list[VariantFailure] = []
    for key in sorted(by_key):
        indices = by_key[key]
        surfaces = tuple(sorted({al.gold[g].surface for g in indices}))
        if len(surfaces) < 2:
            continue
        total += 1
        clusters: Counter[str] = Counter(al.pred[al.g2p[g]].cluster for g in indices if g in al.g2p)
        missed = sum(1 for g in indices if g not in al.g2p)
        shared: tuple[str, ...] = ()
        if len(clusters) == 1:
            (only,) = clusters
            shared = tuple(sorted(keys_in_cluster[only] - {key}))
        if missed == 0 and len(clusters) == 1 and not shared:
            reconciled += 1
            continue
        failures.append(VariantFailure(key, surfaces, len(indices), missed, _ranked(clusters), shared))
    return Variants(reconciled, total, tuple(failures))


def _ref(al: _Alignment, g: int, p: int) -> MentionRef:
    """Describe one lenient pair by its predicted span."""
    mention = al.pred[p]
    return MentionRef(mention.doc, mention.start, mention.end, mention.surface, al.gold[g].key, mention.cluster)


def _errors(al: _Alignment) -> Errors:
    """List missed, spurious and wrongly linked mentions, split keys and merged clusters."""
    missed = tuple(
        MissedMention(m.doc, m.start, m.end, m.surface, m.key, m.type) for g, m in enumerate(al.gold) if g not in al.g2p
    )
    spurious = tuple(
        SpuriousMention(m.doc, m.start, m.end, m.surface, m.cluster, m.type, m.score, m.method)
        for p, m in enumerate(al.pred)
        if p not in al.p2g
    )
    wrong: list[WrongLink] = []
    by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_cluster: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for p in sorted(al.p2g):
        g = al.p2g[p]
        mention, truth = al.pred[p], al.gold[g]
        by_key[truth.key].append((g, p))
        by_cluster[mention.cluster].append((g, p))
        if not al.is_right(p):
            wrong.append(
                WrongLink(
                    mention.doc,
                    mention.start,
                    mention.end,
                    mention.surface,
                    mention.cluster,
                    al.cluster_key.get(mention.cluster),
                    truth.key,
                    truth.start,
                    truth.end,
                    truth.surface,
                )
            )
    split: list[SplitEntity] = []
    for key, pairs in by_key.items():
        clusters: Counter[str] = Counter(al.pred[p].cluster for _, p in pairs)
        if len(clusters) > 1:
            split.append(SplitEntity(key, _ranked(clusters), tuple(_ref(al, g, p) for g, p in pairs)))
    merged: list[MergedCluster] = []
    for cluster, pairs in by_cluster.items():
        keys: Counter[str] = Counter(al.gold[g].key for g, _ in pairs)
        if len(keys) > 1:
            merged.append(MergedCluster(cluster, _ranked(keys), tuple(_ref(al, g, p) for g, p in pairs)))
    # Worst first: the most mentions outside the largest part, then by id.
    split.sort(key=lambda s: (-(len(s.mentions) - s.clusters[0][1]), s.key))
    merged.sort(key=lambda m: (-(len(m.mentions) - m.keys[0][1]), m.cluster_id))
    return Errors(missed, spurious, tuple(wrong), tuple(split), tuple(merged))


def _link_prf(al: _Alignment) -> tuple[PRF, int]:
    """Return end-to-end link scores and the number of right predictions."""
    right = len(al.right)
    return PRF.from_counts(right, len(al.pred), right, len(al.gold)), right


def _check_threshold(threshold: float | None) -> None:
    """Raise ``ValueError`` for a threshold that is not a finite number."""
    if threshold is not None and not math.isfinite(threshold):
        raise ValueError(f"threshold must be a finite number, got {threshold!r}")


def score(
    gold: pl.DataFrame | pl.LazyFrame,
    pred: pl.DataFrame | pl.LazyFrame,
    threshold: float | None = None,
) -> Scores:
    """Score predicted mentions against gold labels.

    Args:
        gold: Gold labels, as from :func:`read_gold` (``doc start end surface key type``).
        pred: Predicted mentions, as from :func:`read_mentions` (``doc_id start end surface
            cluster_id type``, optionally ``score`` and ``method``).
        threshold: When given, predictions with ``score < threshold`` are dropped first
            (predictions without a score are kept).

    Returns:
        Every score, breakdown and error list (see the module docstring for the pairing).

    Raises:
        ScoringInputError: When a frame lacks a column or holds an unusable value, or a
            threshold is given and ``pred`` has no ``score`` column.
    """
    _check_threshold(threshold)
    golds = _prepare_gold(gold)
    preds, has_method = _prepare_pred(pred, threshold)
    al = _align(golds, preds)
    strict = _strict_pairs(golds, preds)
    link, right = _link_prf(al)
    return Scores(
        detect_strict=PRF.from_counts(strict, len(preds), strict, len(golds)),
        detect_lenient=PRF.from_counts(len(al.g2p), len(preds), len(al.g2p), len(golds)),
        link=link,
        bcubed=_bcubed(al),
        variants=_variants(al),
        by_type=_by_type(al),
        by_method=_by_method(al) if has_method else {},
        errors=_errors(al),
        counts=Counts(len(golds), len(preds), strict, len(al.g2p), right),
        threshold=threshold,
    )


def threshold_curve(
    gold: pl.DataFrame | pl.LazyFrame,
    pred: pl.DataFrame | pl.LazyFrame,
    thresholds: Iterable[float] | None = None,
) -> list[tuple[float, float, float, float]]:
    """Return end-to-end link scores over score thresholds.

    Args:
        gold: Gold labels.
        pred: Predicted mentions with a ``score`` column.
        thresholds: The thresholds; by default 0.0, 0.05, ..., 1.0. They are returned sorted
            and without duplicates.

    Returns:
        ``(threshold, precision, recall, f1)`` for each threshold, ascending.

    Raises:
        ScoringInputError: When a frame is invalid or ``pred`` has no ``score`` column.
    """
    pred = _as_frame(pred)
    if "score" not in pred.columns:
        raise ScoringInputError("predictions: columns: a threshold curve needs a 'score' column")
    golds = _prepare_gold(gold)
    preds, _ = _prepare_pred(pred, None)
    if thresholds is None:
        values = [i / 20 for i in range(21)]
    else:
        values = sorted(set(thresholds))
        for value in values:
            _check_threshold(value)
    curve: list[tuple[float, float, float, float]] = []
    for value in values:
        kept = [p for p in preds if p.score is None or p.score >= value]
        link, _ = _link_prf(_align(golds, kept))
        curve.append((value, link.precision, link.recall, link.f1))
    return curve


def label_mentions(
    gold: pl.DataFrame | pl.LazyFrame,
    pred: pl.DataFrame | pl.LazyFrame,
    threshold: float | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return both tables with the outcome of each mention, as :func:`score` pairs them.

    Args:
        gold: Gold labels.
        pred: Predicted mentions.
        threshold: As for :func:`score`.

    Returns:
        ``(gold, pred)``, sorted. The gold frame has ``doc start end surface key type`` plus
        ``status`` (``ok``, ``wrong`` or ``missed``) and ``cluster_id`` (of the paired
        prediction, or null). The predicted frame has ``doc_id start end surface cluster_id
        type method score`` plus ``status`` (``ok``, ``wrong`` or ``spurious``), ``gold_key``
        (of the paired gold mention, or null) and ``cluster_key`` (the key the cluster maps
        to, or null).
    """
    golds = _prepare_gold(gold)
    preds, _ = _prepare_pred(pred, threshold)
    al = _align(golds, preds)
    gold_status: list[str] = []
    gold_cluster: list[str | None] = []
    for g in range(len(golds)):
        paired = al.g2p.get(g)
        gold_status.append("missed" if paired is None else "ok" if al.is_right(paired) else "wrong")
        gold_cluster.append(None if paired is None else preds[paired].cluster)
    pred_status: list[str] = []
    pred_key: list[str | None] = []
    for p in range(len(preds)):
        truth = al.p2g.get(p)
        pred_status.append("spurious" if truth is None else "ok" if al.is_right(p) else "wrong")
        pred_key.append(None if truth is None else golds[truth].key)
    gold_frame = pl.DataFrame(
        {
            "doc": [m.doc for m in golds],
            "start": [m.start for m in golds],
            "end": [m.end for m in golds],
            "surface": [m.surface for m in golds],
            "key": [m.key for m in golds],
            "type": [m.type for m in golds],
            "status": gold_status,
            "cluster_id": gold_cluster,
        },
        schema={
            "doc": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "surface": pl.String,
            "key": pl.String,
            "type": pl.String,
            "status": pl.String,
            "cluster_id": pl.String,
        },
    )
    pred_frame = pl.DataFrame(
        {
            "doc_id": [m.doc for m in preds],
            "start": [m.start for m in preds],
            "end": [m.end for m in preds],
            "surface": [m.surface for m in preds],
            "cluster_id": [m.cluster for m in preds],
            "type": [m.type for m in preds],
            "method": [m.method for m in preds],
            "score": [m.score for m in preds],
            "status": pred_status,
            "gold_key": pred_key,
            "cluster_key": [al.cluster_key.get(m.cluster) for m in preds],
        },
        schema={
            "doc_id": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "surface": pl.String,
            "cluster_id": pl.String,
            "type": pl.String,
            "method": pl.String,
            "score": pl.Float64,
            "status": pl.String,
            "gold_key": pl.String,
            "cluster_key": pl.String,
        },
    )
    return gold_frame, pred_frame


# --------------------------------------------------------------------------------------------
# Name-level labels


def read_name_labels(paths: str | Path | Iterable[str | Path]) -> pl.DataFrame:
    """Read name-level labels from one or more CSV files (nomenklatura name_bench style).

    Columns: ``case_group, mention, expected_id, script, quality, notes``; ``script`` and
    ``notes`` may be left out. An empty ``expected_id`` means the name should resolve to no
    entity. ``quality`` is STRONG, MEDIUM or WEAK (any case).

    Args:
        paths: A CSV file or several.

    Returns:
        A frame with the six columns (``expected_id`` null when empty, ``quality`` upper
        case) plus ``source`` (``file:line`` of each row), in file order.

    Raises:
        ScoringInputError: When a file cannot be read, a column is missing, or a row has an
            empty mention or an unknown quality; the message names the file and line.
    """
    sources = [paths] if isinstance(paths, str | Path) else list(paths)
    frames: list[pl.DataFrame] = []
    for source in sources:
        path = Path(source)
        raw = _read_delimited(path, ",")
        missing = [c for c in ("case_group", "mention", "expected_id", "quality") if c not in raw.columns]
        if missing:
            found = ", ".join(repr(c) for c in raw.columns if c != _LOC) or "nothing"
            raise ScoringInputError(
                f"{path}: header: missing column(s) {', '.join(repr(c) for c in missing)}; "
                f"found {found}; expected {', '.join(NAME_LABEL_COLUMNS)}"
            )
        for name in ("script", "notes"):
            if name not in raw.columns:
                raw = raw.with_columns(pl.lit("").alias(name))
        text = {name: pl.col(name).fill_null("").str.strip_chars() for name in NAME_LABEL_COLUMNS}
        frame = raw.select(
            text["case_group"].alias("case_group"),
            text["mention"].alias("mention"),
            pl.when(text["expected_id"] == "").then(None).otherwise(text["expected_id"]).alias("expected_id"),
            text["script"].alias("script"),
            text["quality"].str.to_uppercase().alias("quality"),
            pl.col("notes").fill_null("").alias("notes"),
            pl.col(_LOC),
        )
        row = _first_bad(frame, pl.col("mention") == "")
        if row is not None:
            raise _fail(str(path), row, "column 'mention' is empty")
        row = _first_bad(frame, ~pl.col("quality").is_in(list(QUALITIES)))
        if row is not None:
            raise _fail(
                str(path),
                row,
                f"column 'quality': {_show(row['quality'])} is not one of {', '.join(QUALITIES)}",
            )
        frames.append(
            frame.with_columns(
                pl.format("{}:{}", pl.lit(str(path)), pl.col(_LOC).str.strip_prefix("line ")).alias("source")
            ).drop(_LOC)
        )
    schema = {name: pl.String for name in (*NAME_LABEL_COLUMNS, "source")}
    if not frames:
        return pl.DataFrame(schema=schema)
    return pl.concat(frames, how="vertical")


@dataclass(frozen=True)
class NameCase:
    """One name label and what the resolver returned for it."""

    case_group: str
    mention: str
    expected: str | None
    got: str | None
    script: str
    quality: str
    notes: str
    source: str

    @property
    def outcome(self) -> str:
        """Classify the case: ``tp``, ``tn``, ``fp``, ``fn`` or ``wrong``.

        ``tp``: the expected id; ``tn``: rightly no id; ``fp``: an id for a name with no
        entity; ``fn``: no id for an entity; ``wrong``: another entity's id (both a false
        positive and a false negative).
        """
        if self.expected is None:
            return "tn" if self.got is None else "fp"
        if self.got is None:
            return "fn"
        return "tp" if self.got == self.expected else "wrong"

    @property
    def ok(self) -> bool:
        """Whether the resolver returned what the label expects."""
        return self.outcome in ("tp", "tn")


@dataclass(frozen=True)
class NameGroup:
    """Counts and scores over a group of name cases."""

    cases: int
    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, cases: Iterable[NameCase]) -> NameGroup:
        """Tally a group of cases."""
        outcomes = Counter(case.outcome for case in cases)
        return cls(
            cases=sum(outcomes.values()),
            tp=outcomes["tp"],
            fp=outcomes["fp"] + outcomes["wrong"],
            fn=outcomes["fn"] + outcomes["wrong"],
        )

    @property
    def prf(self) -> PRF:
        """Precision ``tp / (tp + fp)``, recall ``tp / (tp + fn)`` and F1."""
        return PRF.of(_ratio(self.tp, self.tp + self.fp), _ratio(self.tp, self.tp + self.fn))

    def to_dict(self) -> dict[str, Any]:
        """Return counts and scores as JSON-ready values."""
        return {
            "cases": self.cases,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            **self.prf.to_dict(),
        }


@dataclass(frozen=True)
class NameScores:
    """Name-level benchmark results."""

    overall: NameGroup
    by_quality: Mapping[str, NameGroup]
    by_group: Mapping[str, NameGroup]
    by_script: Mapping[str, NameGroup]
    cases: tuple[NameCase, ...]
    strong_failures: tuple[NameCase, ...]
    """STRONG cases the resolver got wrong; any of them should fail a benchmark gate."""

    @property
    def precision(self) -> float:
        """Overall precision."""
        return self.overall.prf.precision

    @property
    def recall(self) -> float:
        """Overall recall."""
        return self.overall.prf.recall

    @property
    def f1(self) -> float:
        """Overall F1."""
        return self.overall.prf.f1

    def to_dict(self) -> dict[str, Any]:
        """Return the results as JSON-ready values."""
        return {
            "overall": self.overall.to_dict(),
            "by_quality": {k: v.to_dict() for k, v in self.by_quality.items()},
            "by_group": {k: v.to_dict() for k, v in self.by_group.items()},
            "by_script": {k: v.to_dict() for k, v in self.by_script.items()},
            "strong_failures": [{**vars(case), "outcome": case.outcome} for case in self.strong_failures],
        }


def score_names(labels: pl.DataFrame, resolve: Callable[[str], str | None]) -> NameScores:
    """Score a resolver on name-level labels.

    Each distinct mention is resolved once. A case is a true positive when the returned id
    equals ``expected_id``; a false positive when an id is returned for a name with no entity,
    or a wrong id; a false negative when an entity is expected and ``None`` or a wrong id is
    returned (a wrong id counts as both). An empty string returned counts as ``None``.

    Args:
        labels: As from :func:`read_name_labels` (``source``, ``script`` and ``notes`` are
            optional).
        resolve: Name -> entity id, or ``None``.

    Returns:
        Precision, recall and F1 overall and per quality, case group and script, every case,
        and the failing STRONG cases.

    Raises:
        ScoringInputError: When ``labels`` lacks ``case_group``, ``mention``, ``expected_id``
            or ``quality``.
    """
    missing = [c for c in ("case_group", "mention", "expected_id", "quality") if c not in labels.columns]
    if missing:
        raise ScoringInputError(f"name labels: columns: missing column(s) {', '.join(missing)}")
    cache: dict[str, str | None] = {}
    cases: list[NameCase] = []
    for number, row in enumerate(labels.iter_rows(named=True), start=1):
        mention = str(row["mention"])
        if mention not in cache:
            got = resolve(mention)
            cache[mention] = got if got != "" else None
        expected = row["expected_id"]
        cases.append(
            NameCase(
                case_group=str(row["case_group"] or ""),
                mention=mention,
                expected=str(expected) if expected not in (None, "") else None,
                got=cache[mention],
                script=str(row.get("script") or ""),
                quality=str(row["quality"] or "").upper(),
                notes=str(row.get("notes") or ""),
                source=str(row.get("source") or f"row {number}"),
            )
        )

    def grouped(field: str, order: Sequence[str] = ()) -> dict[str, NameGroup]:
        members: dict[str, list[NameCase]] = defaultdict(list)
        for case in cases:
            members[getattr(case, field)].append(case)
        names = [name for name in order if name in members]
        names += sorted(set(members) - set(names))
        return {name: NameGroup.of(members[name]) for name in names}

    return NameScores(
        overall=NameGroup.of(cases),
        by_quality=grouped("quality", QUALITIES),
        by_group=grouped("case_group"),
        by_script=grouped("script"),
        cases=tuple(cases),
        strong_failures=tuple(c for c in cases if c.quality == "STRONG" and not c.ok),
    )
