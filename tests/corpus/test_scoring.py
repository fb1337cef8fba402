"""Tests for canonym.corpus.scoring: the scores of SPEC.md ("Scores") on hand-made tables.

The contract: strict detection pairs equal spans; lenient detection pairs overlapping spans
one-to-one, largest overlap first; linking maps clusters to gold keys one-to-one, so a split
costs as much as a merge; B-cubed runs over the lenient pairs; a key written two or more ways
is reconciled when all its mentions land in one cluster no other key shares. Every expected
number below is worked out by hand in the comment beside it.
"""

from __future__ import annotations

import json
import random
from fractions import Fraction
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canonym.corpus.scoring import (
    PRF,
    Scores,
    ScoringInputError,
    label_mentions,
    read_gold,
    read_mentions,
    read_name_labels,
    score,
    score_names,
    threshold_curve,
)

GoldRow = tuple[str, int, int, str, str, str]
PredRow = tuple[str, int, int, str, str, str]


def make_gold(rows: list[GoldRow]) -> pl.DataFrame:
    """Build a gold frame from ``(doc, start, end, surface, key, type)`` rows."""
    return pl.DataFrame(
        rows,
        schema={
            "doc": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "surface": pl.String,
            "key": pl.String,
            "type": pl.String,
        },
        orient="row",
    )


def make_pred(
    rows: list[PredRow],
    scores: list[float] | None = None,
    methods: list[str] | None = None,
) -> pl.DataFrame:
    """Build a predicted frame from ``(doc_id, start, end, surface, cluster_id, type)`` rows."""
    frame = pl.DataFrame(
        rows,
        schema={
            "doc_id": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "surface": pl.String,
            "cluster_id": pl.String,
            "type": pl.String,
        },
        orient="row",
    )
    if scores is not None:
        frame = frame.with_columns(pl.Series("score", scores, dtype=pl.Float64))
    if methods is not None:
        frame = frame.with_columns(pl.Series("method", methods, dtype=pl.String))
    return frame


def as_pred(gold: pl.DataFrame) -> pl.DataFrame:
    """Turn gold labels into a perfect prediction (cluster = key)."""
    return gold.rename({"doc": "doc_id", "key": "cluster_id"})


def prf(scores: PRF) -> tuple[float, float, float]:
    """Return a PRF as a tuple, for compact assertions."""
    return (scores.precision, scores.recall, scores.f1)


def f1(p: float, r: float) -> float:
    """Return the F1 of a precision and a recall."""
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------------------------
# Detection


def test_strict_needs_the_exact_span_lenient_an_overlap() -> None:
    gold = make_gold(
        [
            ("d1", 0, 5, "Sanaa", "sanaa", "LOC"),
            ("d1", 10, 18, "al-Qaeda", "al-qaeda", "ORG"),
        ]
    )
    pred = make_pred(
        [
            ("d1", 0, 5, "Sanaa", "sanaa", "LOC"),  # exact
            ("d1", 10, 16, "al-Qae", "al-qaeda", "ORG"),  # overlaps only
            ("d1", 30, 35, "Yemen", "yemen", "LOC"),  # spurious
        ]
    )
    s = score(gold, pred)
    # strict: 1 pair; P = 1/3, R = 1/2
    assert prf(s.detect_strict) == pytest.approx((1 / 3, 1 / 2, f1(1 / 3, 1 / 2)))
    # lenient: 2 pairs; P = 2/3, R = 2/2
    assert prf(s.detect_lenient) == pytest.approx((2 / 3, 1.0, 0.8))
    assert (s.counts.gold, s.counts.pred, s.counts.strict, s.counts.lenient) == (2, 3, 1, 2)


def test_lenient_is_one_to_one_by_largest_overlap() -> None:
    # One long prediction over two gold names: it pairs with one only.
    gold = make_gold(
        [
            ("d", 0, 4, "Abu ", "k1", "PER"),
            ("d", 5, 12, "Mohamed", "k2", "PER"),
        ]
    )
    pred = make_pred([("d", 0, 12, "Abu Mohamed.", "c", "PER")])
    s = score(gold, pred)
    # overlaps 4 and 7: the larger wins; k1 is missed
    assert s.counts.lenient == 1
    assert [m.key for m in s.errors.missed] == ["k1"]

    # Two predictions inside one gold name: only the larger overlap pairs.
    gold = make_gold([("d", 0, 10, "Saif al-Adel", "saif", "PER")])
    pred = make_pred(
        [
            ("d", 0, 3, "Sai", "c1", "PER"),  # overlap 3
            ("d", 2, 10, "if al-Ad", "c2", "PER"),  # overlap 8
        ]
    )
    s = score(gold, pred)
    assert [m.cluster_id for m in s.errors.spurious] == ["c1"]
    assert s.detect_lenient.precision == 0.5


def test_lenient_ties_break_by_closest_span_then_order() -> None:
    gold = make_gold([("d", 2, 6, "Iraq", "iraq", "LOC")])
    pred = make_pred(
        [
            ("d", 0, 6, "inIraq", "c1", "LOC"),  # overlap 4, union 6; sorted first
            ("d", 2, 7, "Iraq,", "c2", "LOC"),  # overlap 4, union 5: closer, so it wins
        ]
    )
    s = score(gold, pred)
    assert [m.cluster_id for m in s.errors.spurious] == ["c1"]

    # Same overlap and union: the prediction that sorts first wins, whatever the row order.
    gold = make_gold([("d", 0, 10, "Qasem Suleimani", "soleimani", "PER")])
    rows = [("d", 5, 10, "Suleimani", "c2", "PER"), ("d", 0, 5, "Qasem", "c1", "PER")]
    for order in (rows, rows[::-1]):
        s = score(gold, make_pred(order))
        assert [m.cluster_id for m in s.errors.spurious] == ["c2"]


def test_zero_division_gives_zero() -> None:
    empty_pred = make_pred([])
    gold = make_gold([("d", 0, 4, "Iran", "iran", "LOC")])
    s = score(gold, empty_pred)
    for value in (s.detect_strict, s.detect_lenient, s.link, s.bcubed):
        assert prf(value) == (0.0, 0.0, 0.0)
    s = score(make_gold([]), empty_pred)
    assert prf(s.link) == (0.0, 0.0, 0.0)
    assert (s.variants.reconciled, s.variants.total) == (0, 0)


# --------------------------------------------------------------------------------------------
# Linking


def four_mentions(key_of: list[str], cluster_of: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Build four gold mentions and four exact predictions with the given keys and clusters."""
    gold = make_gold([("d", 10 * i, 10 * i + 5, f"name{i}", key, "PER") for i, key in enumerate(key_of)])
    pred = make_pred([("d", 10 * i, 10 * i + 5, f"name{i}", c, "PER") for i, c in enumerate(cluster_of)])
    return gold, pred


def test_split_costs_as_much_as_merge() -> None:
    # Split: one entity (4 mentions) over two clusters of 2. Only one cluster maps to A.
    gold, pred = four_mentions(["A", "A", "A", "A"], ["c1", "c1", "c2", "c2"])
    split = score(gold, pred)
    # right = 2 (c1 -> A; the tie with c2 goes to the sorted-first cluster)
    assert prf(split.link) == pytest.approx((0.5, 0.5, 0.5))
    assert [w.cluster_id for w in split.errors.wrong_link] == ["c2", "c2"]
    assert all(w.cluster_key is None for w in split.errors.wrong_link)

    # Merge: two entities (2 mentions each) in one cluster. It maps to one of them.
    gold, pred = four_mentions(["A", "A", "B", "B"], ["c1", "c1", "c1", "c1"])
    merged = score(gold, pred)
    # right = 2 (c1 -> A, the sorted-first key on a tie)
    assert prf(merged.link) == pytest.approx((0.5, 0.5, 0.5))
    assert {(w.key, w.cluster_key) for w in merged.errors.wrong_link} == {("B", "A")}
    assert prf(split.link) == prf(merged.link)


def test_cluster_map_is_greedy_by_shared_mentions() -> None:
    # c1 shares 3 with A and 1 with B; c2 shares 2 with A. Greedy: c1 -> A (3), then c2
    # cannot take A, and B is left for nobody but c1 (taken), so c2 maps to nothing.
    gold = make_gold([("d", 10 * i, 10 * i + 5, f"n{i}", k, "ORG") for i, k in enumerate("AAAAAB")])
    pred = make_pred(
        [("d", 10 * i, 10 * i + 5, f"n{i}", c, "ORG") for i, c in enumerate(["c1", "c1", "c1", "c2", "c2", "c1"])]
    )
    s = score(gold, pred)
    # right = 3 of 6 predictions and 6 gold mentions
    assert prf(s.link) == pytest.approx((0.5, 0.5, 0.5))
    assert s.counts.linked == 3
    _, labelled = label_mentions(gold, pred)
    assert labelled["cluster_key"].to_list() == ["A", "A", "A", None, None, "A"]


def test_link_is_end_to_end() -> None:
    # A missed gold mention lowers recall, a spurious prediction lowers precision.
    gold = make_gold(
        [
            ("d", 0, 4, "Iran", "iran", "LOC"),
            ("d", 10, 16, "Tehran", "tehran", "LOC"),
            ("d", 20, 24, "Iran", "iran", "LOC"),
        ]
    )
    pred = make_pred(
        [
            ("d", 0, 4, "Iran", "Q794", "LOC"),
            ("d", 20, 24, "Iran", "Q794", "LOC"),
            ("d", 30, 35, "Yemen", "Q805", "LOC"),
        ]
    )
    s = score(gold, pred)
    # right = 2; P = 2/3, R = 2/3
    assert prf(s.link) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


# --------------------------------------------------------------------------------------------
# B-cubed


def test_bcubed_textbook_example() -> None:
    # Bagga & Baldwin (1998), figure 2: gold {1-5}, {6-7}, {8-12}; response {1-5}, {6-12}.
    # Precision = (5 * 5/5 + 2 * 2/7 + 5 * 5/7) / 12 = 16/21; recall = 1.
    keys = ["A"] * 5 + ["B"] * 2 + ["C"] * 5
    clusters = ["x"] * 5 + ["y"] * 7
    gold = make_gold([("d", 10 * i, 10 * i + 3, "abc", k, "PER") for i, k in enumerate(keys)])
    pred = make_pred([("d", 10 * i, 10 * i + 3, "abc", c, "PER") for i, c in enumerate(clusters)])
    s = score(gold, pred)
    precision = float(Fraction(16, 21))
    assert prf(s.bcubed) == pytest.approx((precision, 1.0, f1(precision, 1.0)))
    # Swapping the roles swaps precision and recall.
    swapped_gold = make_gold([("d", 10 * i, 10 * i + 3, "abc", c, "PER") for i, c in enumerate(clusters)])
    swapped_pred = make_pred([("d", 10 * i, 10 * i + 3, "abc", k, "PER") for i, k in enumerate(keys)])
    swapped = score(swapped_gold, swapped_pred)
    assert prf(swapped.bcubed) == pytest.approx((1.0, precision, f1(precision, 1.0)))


def test_bcubed_counts_only_paired_mentions_across_documents() -> None:
    # Two documents; the entity is one cluster across both; extra spurious and missed
    # mentions do not change B-cubed.
    gold = make_gold(
        [
            ("d1", 0, 5, "Sanaa", "sanaa", "LOC"),
            ("d2", 0, 6, "Sana'a", "sanaa", "LOC"),
            ("d2", 10, 15, "Aden", "aden", "LOC"),  # missed
        ]
    )
    pred = make_pred(
        [
            ("d1", 0, 5, "Sanaa", "NIL:sanaa", "LOC"),
            ("d2", 0, 6, "Sana'a", "NIL:sanaa", "LOC"),
            ("d2", 20, 25, "Taizz", "NIL:taizz", "LOC"),  # spurious
        ]
    )
    assert prf(score(gold, pred).bcubed) == (1.0, 1.0, 1.0)


# --------------------------------------------------------------------------------------------
# Variants


def variant_gold() -> pl.DataFrame:
    """Gold with two keys written two ways (al-qaeda, sanaa) and one written one way (iran)."""
    return make_gold(
        [
            ("d1", 0, 8, "al-Qaeda", "al-qaeda", "ORG"),
            ("d1", 10, 18, "al-Qaida", "al-qaeda", "ORG"),
            ("d2", 0, 8, "Al Qaeda", "al-qaeda", "ORG"),
            ("d2", 10, 15, "Sanaa", "sanaa", "LOC"),
            ("d2", 20, 26, "Sana'a", "sanaa", "LOC"),
            ("d2", 30, 34, "Iran", "iran", "LOC"),
            ("d3", 0, 4, "Iran", "iran", "LOC"),
        ]
    )


def test_variants_reconciled_and_not() -> None:
    gold = variant_gold()
    pred = make_pred(
        [
            ("d1", 0, 8, "al-Qaeda", "aq", "ORG"),
            ("d1", 10, 18, "al-Qaida", "aq", "ORG"),
            ("d2", 0, 8, "Al Qaeda", "aq", "ORG"),
            ("d2", 40, 44, "junk", "aq", "ORG"),  # spurious: not a gold key, harmless
            ("d2", 10, 15, "Sanaa", "loc", "LOC"),
            ("d2", 20, 26, "Sana'a", "loc", "LOC"),
            ("d2", 30, 34, "Iran", "loc", "LOC"),  # iran shares sanaa's cluster
            ("d3", 0, 4, "Iran", "loc", "LOC"),
        ]
    )
    s = score(gold, pred)
    # al-qaeda reconciled; sanaa's cluster also holds iran; iran is written one way only.
    assert (s.variants.reconciled, s.variants.total) == (1, 2)
    (failure,) = s.variants.failures
    assert failure.key == "sanaa"
    assert failure.shared_with == ("iran",)
    assert failure.surfaces == ("Sana'a", "Sanaa")
    assert "shared with iran" in failure.reason


def test_variants_fail_on_missed_or_split() -> None:
    gold = variant_gold()
    pred = make_pred(
        [
            ("d1", 0, 8, "al-Qaeda", "aq", "ORG"),
            ("d1", 10, 18, "al-Qaida", "aq", "ORG"),
            # "Al Qaeda" in d2 missed
            ("d2", 10, 15, "Sanaa", "s1", "LOC"),
            ("d2", 20, 26, "Sana'a", "s2", "LOC"),  # split
        ]
    )
    s = score(gold, pred)
    assert (s.variants.reconciled, s.variants.total) == (0, 2)
    by_key = {f.key: f for f in s.variants.failures}
    assert by_key["al-qaeda"].missed == 1
    assert by_key["al-qaeda"].reason == "1 of 3 mentions missed"
    assert by_key["sanaa"].clusters == (("s1", 1), ("s2", 1))
    assert by_key["sanaa"].reason == "split over 2 clusters"


# --------------------------------------------------------------------------------------------
# Breakdowns and errors


def test_breakdowns_by_type_and_method() -> None:
    gold = make_gold(
        [
            ("d", 0, 4, "Iran", "iran", "LOC"),
            ("d", 10, 18, "Hezbollah", "hezbollah", "ORG"),
            ("d", 20, 25, "Zarif", "zarif", "PER"),
        ]
    )
    pred = make_pred(
        [
            ("d", 0, 4, "Iran", "iran", "LOC"),
            ("d", 10, 18, "Hezbollah", "hamas", "ORG"),  # paired, maps to hezbollah anyway
            ("d", 30, 35, "Zarif", "zarif", "PER"),  # spurious
        ],
        methods=["exact", "fuzzy", "fuzzy"],
    )
    s = score(gold, pred)
    assert list(s.by_type) == ["PER", "ORG", "LOC"]
    assert prf(s.by_type["LOC"].link) == (1.0, 1.0, 1.0)
    assert prf(s.by_type["PER"].detect_lenient) == (0.0, 0.0, 0.0)
    assert (s.by_type["PER"].gold, s.by_type["PER"].pred) == (1, 1)
    # "hamas" is the only cluster paired with hezbollah, so it maps there: linking is right.
    assert prf(s.by_type["ORG"].link) == (1.0, 1.0, 1.0)
    assert s.by_method["exact"].link_precision == 1.0
    assert s.by_method["fuzzy"].detect_precision == 0.5
    assert s.by_method["fuzzy"].link_precision == 0.5
    assert score(gold, pred.drop("method")).by_method == {}


def test_error_lists() -> None:
    gold = make_gold(
        [
            ("d", 0, 5, "Sanaa", "sanaa", "LOC"),
            ("d", 10, 16, "Sana'a", "sanaa", "LOC"),
            ("d", 20, 26, "Taizz", "taizz", "LOC"),
            ("d", 30, 35, "Aden", "aden", "LOC"),
            ("d", 40, 45, "Hodeida", "hodeidah", "LOC"),
        ]
    )
    pred = make_pred(
        [
            ("d", 0, 5, "Sanaa", "c-sanaa", "LOC"),
            ("d", 10, 16, "Sana'a", "c-other", "LOC"),  # split from c-sanaa
            ("d", 20, 26, "Taizz", "c-mix", "LOC"),
            ("d", 30, 35, "Aden", "c-mix", "LOC"),  # merged with taizz
            ("d", 50, 55, "Marib", "c-marib", "LOC"),  # spurious
        ],
        scores=[0.9, 0.8, 0.7, 0.6, 0.5],
        methods=["exact", "fuzzy", "alias", "alias", "nil"],
    )
    s = score(gold, pred)
    assert [(m.start, m.key) for m in s.errors.missed] == [(40, "hodeidah")]
    assert [(m.start, m.cluster_id, m.method, m.score) for m in s.errors.spurious] == [(50, "c-marib", "nil", 0.5)]
    # Every pair shares 1 mention, so ties go by sorted (cluster, key): c-marib has no pair;
    # c-mix -> aden (before taizz); c-other -> sanaa (before c-sanaa, which gets nothing).
    assert [(w.start, w.cluster_id, w.cluster_key, w.key) for w in s.errors.wrong_link] == [
        (0, "c-sanaa", None, "sanaa"),
        (20, "c-mix", "aden", "taizz"),
    ]
    (split,) = s.errors.split
    assert split.key == "sanaa"
    assert split.clusters == (("c-other", 1), ("c-sanaa", 1))
    (merged,) = s.errors.merged
    assert merged.cluster_id == "c-mix"
    assert merged.keys == (("aden", 1), ("taizz", 1))
    errors = s.to_dict()["errors"]
    assert errors["missed"][0] == {
        "doc": "d",
        "start": 40,
        "end": 45,
        "surface": "Hodeida",
        "key": "hodeidah",
        "type": "LOC",
    }
    assert errors["split"][0]["clusters"] == [
        {"cluster_id": "c-other", "count": 1},
        {"cluster_id": "c-sanaa", "count": 1},
    ]
    assert errors["wrong_link"][1]["cluster_key"] == "aden"
    assert {"doc", "start", "end", "surface", "key", "cluster_id"} <= set(errors["merged"][0]["mentions"][0])


def test_to_dict_has_the_spec_json() -> None:
    gold = variant_gold()
    s = score(gold, as_pred(gold))
    data = s.to_dict()
    for key in ("detect_strict", "detect_lenient", "link", "bcubed"):
        assert set(data[key]) == {"precision", "recall", "f1"}
    assert data["variants"] == {"reconciled": 2, "total": 2}
    assert set(data) == {
        "detect_strict",
        "detect_lenient",
        "link",
        "bcubed",
        "variants",
        "by_type",
        "by_method",
        "errors",
    }
    assert set(data["errors"]) == {
        "missed",
        "spurious",
        "wrong_link",
        "split",
        "merged",
        "variants",
    }
    json.dumps(data)


def test_label_mentions_statuses() -> None:
    gold = make_gold([("d", 0, 4, "Iran", "iran", "LOC"), ("d", 10, 14, "Iraq", "iraq", "LOC")])
    pred = make_pred(
        [
            ("d", 0, 4, "Iran", "iran", "LOC"),
            ("d", 20, 25, "Syria", "syria", "LOC"),
        ]
    )
    gold_rows, pred_rows = label_mentions(gold, pred)
    assert gold_rows["status"].to_list() == ["ok", "missed"]
    assert pred_rows["status"].to_list() == ["ok", "spurious"]
    assert pred_rows["gold_key"].to_list() == ["iran", None]


def test_lazy_frames_are_accepted() -> None:
    gold = variant_gold()
    assert score(gold.lazy(), as_pred(gold).lazy()).link.f1 == 1.0


# --------------------------------------------------------------------------------------------
# Threshold


def test_threshold_drops_low_scores_first() -> None:
    gold = make_gold([("d", 0, 4, "Iran", "iran", "LOC"), ("d", 10, 14, "Iraq", "iraq", "LOC")])
    pred = make_pred(
        [
            ("d", 0, 4, "Iran", "iran", "LOC"),
            ("d", 10, 14, "Iraq", "iraq", "LOC"),
            ("d", 20, 25, "Syria", "syria", "LOC"),
        ],
        scores=[0.9, 0.4, 0.6],
    )
    assert prf(score(gold, pred).link) == pytest.approx((2 / 3, 1.0, 0.8))
    s = score(gold, pred, threshold=0.5)
    # kept: Iran (right) and Syria (spurious); P = 1/2, R = 1/2
    assert s.counts.pred == 2
    assert prf(s.link) == pytest.approx((0.5, 0.5, 0.5))
    assert s.threshold == 0.5
    # A score equal to the threshold is kept.
    assert score(gold, pred, threshold=0.4).counts.pred == 3
    with pytest.raises(ScoringInputError, match="score"):
        score(gold, pred.drop("score"), threshold=0.5)
    with pytest.raises(ValueError, match="finite"):
        score(gold, pred, threshold=float("nan"))


def test_threshold_curve() -> None:
    gold = make_gold([("d", 0, 4, "Iran", "iran", "LOC"), ("d", 10, 14, "Iraq", "iraq", "LOC")])
    pred = make_pred(
        [("d", 0, 4, "Iran", "iran", "LOC"), ("d", 10, 14, "Iraq", "iraq", "LOC")],
        scores=[0.9, 0.4],
    )
    curve = threshold_curve(gold, pred, [0.95, 0.0, 0.5, 0.5])
    assert curve == [
        (0.0, 1.0, 1.0, 1.0),
        (0.5, 1.0, 0.5, pytest.approx(2 / 3)),
        (0.95, 0.0, 0.0, 0.0),
    ]
    default = threshold_curve(gold, pred)
    assert [row[0] for row in default][:3] == [0.0, 0.05, 0.1]
    assert len(default) == 21
    with pytest.raises(ScoringInputError, match="score"):
        threshold_curve(gold, pred.drop("score"), [0.5])


# --------------------------------------------------------------------------------------------
# Reading files

GOLD_TSV = (
    "doc\tstart\tend\tsurface\tkey\ttype\tnotes\n"
    "a.txt\t0\t4\tIran\tiran\tLOC\t\n"
    'a.txt\t10\t20\t"Abu\nMuhammad"\tabu-muhammad\tPER\tspans a line break\n'
    "b.txt\t5\t13\tal-Qa'ida\tal-qaeda\tORG\n"
)


def test_read_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(GOLD_TSV, encoding="utf-8")
    gold = read_gold(path)
    assert gold.columns == ["doc", "start", "end", "surface", "key", "type"]
    assert gold.schema["start"] == pl.Int64
    assert gold["surface"].to_list() == ["Iran", "Abu\nMuhammad", "al-Qa'ida"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("doc\tstart\tend\tsurface\ttype\na\t0\t1\tx\tPER\n", r"header: missing column\(s\) 'key'"),
        (GOLD_TSV + "b.txt\tfive\t9\tx\tk\tPER\n", r"line 6: column 'start': .*'five'"),
        (GOLD_TSV + "b.txt\t9\t5\tx\tk\tPER\n", r"line 6: .*end \(5\) must be greater"),
        (GOLD_TSV + "b.txt\t-1\t5\tx\tk\tPER\n", r"line 6: .*negative"),
        (GOLD_TSV + "b.txt\t1\t5\tx\t\tPER\n", r"line 6: column 'key' is empty"),
        (GOLD_TSV + "b.txt\t1\n", r"line 6: column 'end' is missing"),
        (GOLD_TSV + "b.txt\t1\t5\tx\tk\tPER\tn\textra\n", r"line 6: 8 fields"),
        ("", r"line 1: empty file"),
    ],
)
def test_read_gold_errors_name_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    # The quoted surface spans lines 3-4, so the appended row is on line 6.
    path = tmp_path / "gold.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScoringInputError, match=expected) as info:
        read_gold(path)
    assert str(path) in str(info.value)


def test_read_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScoringInputError, match="cannot read"):
        read_gold(tmp_path / "nope.tsv")


def pred_frame() -> pl.DataFrame:
    """A small mention table as canonym tag writes it."""
    return pl.DataFrame(
        {
            "doc_id": ["a.txt", "a.txt"],
            "start": [0, 10],
            "end": [4, 20],
            "surface": ["Iran", "Abu\nMuhammad"],
            "normalized": ["iran", "abu muhammad"],
            "entity_id": ["iran", None],
            "cluster_id": ["iran", "NIL:abu-muhammad"],
            "canonical": ["Iran", "Abu Muhammad"],
            "type": ["LOC", "PER"],
            "score": [1.0, 0.5],
            "method": ["exact", "nil"],
        }
    )


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".tsv", ".ndjson", ".jsonl"])
def test_read_mentions_every_format(tmp_path: Path, suffix: str) -> None:
    frame = pred_frame()
    path = tmp_path / f"mentions{suffix}"
    if suffix == ".parquet":
        frame.write_parquet(path)
    elif suffix in (".csv", ".tsv"):
        frame.write_csv(path, separator="," if suffix == ".csv" else "\t")
    else:
        frame.write_ndjson(path)
    read = read_mentions(path)
    assert read.columns == [
        "doc_id",
        "start",
        "end",
        "surface",
        "cluster_id",
        "type",
        "score",
        "entity_id",
        "method",
        "canonical",
    ]
    assert read["start"].to_list() == [0, 10]
    assert read["entity_id"].to_list() == ["iran", None]
    assert read["score"].to_list() == [1.0, 0.5]
    assert read["surface"].to_list() == ["Iran", "Abu\nMuhammad"]


def test_read_mentions_errors(tmp_path: Path) -> None:
    csv_path = tmp_path / "m.csv"
    csv_path.write_text(
        "doc_id,start,end,surface,cluster_id,type\na,0,4,Iran,iran,LOC\na,x,9,Iraq,iraq,LOC\n",
        encoding="utf-8",
    )
    with pytest.raises(ScoringInputError, match=r"m\.csv: line 3: column 'start'.*'x'"):
        read_mentions(csv_path)

    nd_path = tmp_path / "m.jsonl"
    good = '{"doc_id": "a", "start": 0, "end": 4, "surface": "Iran", "cluster_id": "c", "type": "LOC"}'
    nd_path.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ScoringInputError, match=r"m\.jsonl: line 2: invalid JSON"):
        read_mentions(nd_path)
    nd_path.write_text(good + "\n" + good.replace('"end": 4', '"end": 4.5') + "\n", "utf-8")
    with pytest.raises(ScoringInputError, match=r"m\.jsonl: line 2: column 'end'.*4\.5"):
        read_mentions(nd_path)

    pq_path = tmp_path / "m.parquet"
    pred_frame().drop("cluster_id").write_parquet(pq_path)
    with pytest.raises(ScoringInputError, match=r"m\.parquet: .*missing column\(s\) 'cluster_id'"):
        read_mentions(pq_path)
    pred_frame().with_columns(cluster_id=pl.Series([None, "c"], dtype=pl.String)).write_parquet(pq_path)
    with pytest.raises(ScoringInputError, match=r"m\.parquet: row 1: column 'cluster_id' is empty"):
        read_mentions(pq_path)
    pred_frame().with_columns(score=pl.Series(["high", "0.5"])).write_parquet(pq_path)
    with pytest.raises(ScoringInputError, match=r"row 1: column 'score': expected a number"):
        read_mentions(pq_path)

    with pytest.raises(ScoringInputError, match="unknown mention table format"):
        read_mentions(tmp_path / "m.xlsx")


def test_score_checks_frames_too() -> None:
    gold = variant_gold()
    with pytest.raises(ScoringInputError, match=r"predictions: columns: missing .*'cluster_id'"):
        score(gold, as_pred(gold).drop("cluster_id"))
    bad = as_pred(gold).with_columns(pl.col("start").cast(pl.String).replace("10", "ten"))
    with pytest.raises(ScoringInputError, match=r"predictions: row 2: column 'start'.*'ten'"):
        score(gold, bad)


# --------------------------------------------------------------------------------------------
# Name-level labels

NAME_CSV = """case_group,mention,expected_id,script,quality,notes
qaeda,al-Qaida,al-qaeda,Latn,STRONG,
qaeda,Al Qaeda,al-qaeda,Latn,strong,
qaeda,القاعدة,al-qaeda,Arab,MEDIUM,"Arabic, as written"
places,Sanaa,sanaa,Latn,STRONG,
places,Georgia,,Latn,WEAK,ambiguous: should not resolve
places,Masri,al-masri,Latn,WEAK,
"""


def test_read_name_labels(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(NAME_CSV, encoding="utf-8")
    labels = read_name_labels(path)
    assert labels.height == 6
    assert labels["expected_id"].to_list()[4] is None
    assert labels["quality"].to_list()[1] == "STRONG"
    assert labels["source"].to_list()[0] == f"{path}:2"
    two = read_name_labels([path, path])
    assert two.height == 12


def test_read_name_labels_errors(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(NAME_CSV + "x,Iran,iran,Latn,SURE,\n", encoding="utf-8")
    with pytest.raises(ScoringInputError, match=r"names\.csv: line 8: column 'quality'"):
        read_name_labels(path)
    path.write_text("case_group,mention,quality\n", encoding="utf-8")
    with pytest.raises(ScoringInputError, match=r"missing column\(s\) 'expected_id'"):
        read_name_labels(path)


def test_score_names(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text(NAME_CSV, encoding="utf-8")
    answers = {
        "al-Qaida": "al-qaeda",  # tp
        "Al Qaeda": "al-qaeda",  # tp
        "القاعدة": None,  # fn
        "Sanaa": "sanaa-gov",  # wrong: fp and fn, STRONG failure
        "Georgia": "us-ga",  # fp
        "Masri": "al-masri",  # tp
    }
    calls: list[str] = []

    def resolve(name: str) -> str | None:
        calls.append(name)
        return answers[name]

    result = score_names(read_name_labels([path, path]), resolve)
    assert sorted(calls) == sorted(answers)  # each distinct mention resolved once
    # doubled file: tp 6, fp 4 (wrong + Georgia), fn 4 (wrong + Arabic)
    assert (result.overall.tp, result.overall.fp, result.overall.fn) == (6, 4, 4)
    assert result.precision == pytest.approx(0.6)
    assert result.recall == pytest.approx(0.6)
    assert result.f1 == pytest.approx(0.6)
    assert list(result.by_quality) == ["STRONG", "MEDIUM", "WEAK"]
    strong = result.by_quality["STRONG"]
    # STRONG: al-Qaida tp, Al Qaeda tp, Sanaa wrong (x2 files)
    assert (strong.tp, strong.fp, strong.fn) == (4, 2, 2)
    assert result.by_group["qaeda"].prf.precision == 1.0
    assert result.by_group["qaeda"].prf.recall == pytest.approx(4 / 6)
    assert [c.mention for c in result.strong_failures] == ["Sanaa", "Sanaa"]
    assert result.strong_failures[0].outcome == "wrong"
    json.dumps(result.to_dict())


# --------------------------------------------------------------------------------------------
# Properties

TYPES = ["PER", "ORG", "LOC", "MISC"]


@st.composite
def mention_tables(draw: st.DrawFn) -> pl.DataFrame:
    """Draw a gold table: small docs, possibly overlapping or duplicate spans."""
    rows: list[GoldRow] = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(st.integers(0, 60))
        end = start + draw(st.integers(1, 12))
        rows.append(
            (
                draw(st.sampled_from(["d1", "d2", "d3"])),
                start,
                end,
                draw(st.sampled_from(["Sanaa", "Sana'a", "San'a", "Iran", "al-Qaeda"])),
                draw(st.sampled_from(["k1", "k2", "k3", "k4"])),
                draw(st.sampled_from(TYPES)),
            )
        )
    return make_gold(rows)


def all_prf(s: Scores) -> list[float]:
    """Every precision, recall and F1 in a Scores, breakdowns included."""
    values: list[float] = []
    for item in (s.detect_strict, s.detect_lenient, s.link, s.bcubed):
        values += prf(item)
    for ts in s.by_type.values():
        values += [*prf(ts.detect_lenient), *prf(ts.link)]
    for ms in s.by_method.values():
        values += [ms.detect_precision, ms.link_precision]
    values.append(s.variants.share)
    return values


@settings(max_examples=150, deadline=None)
@given(gold=mention_tables())
def test_gold_against_itself_is_perfect(gold: pl.DataFrame) -> None:
    s = score(gold, as_pred(gold))
    if gold.height == 0:
        assert all(v == 0.0 for v in all_prf(s))
        return
    for item in (s.detect_strict, s.detect_lenient, s.link, s.bcubed):
        assert prf(item) == (1.0, 1.0, 1.0)
    for ts in s.by_type.values():
        assert prf(ts.detect_lenient) == (1.0, 1.0, 1.0)
        assert prf(ts.link) == (1.0, 1.0, 1.0)
    assert s.variants.reconciled == s.variants.total
    errors = s.to_dict()["errors"]
    assert all(value == [] for value in errors.values())


@settings(max_examples=150, deadline=None)
@given(
    gold=mention_tables(),
    pred=mention_tables(),
    scores=st.lists(st.floats(0.0, 1.0), min_size=25, max_size=25),
    threshold=st.none() | st.floats(0.0, 1.0),
    seed=st.integers(0, 1000),
)
def test_scores_are_in_range_and_deterministic(
    gold: pl.DataFrame,
    pred: pl.DataFrame,
    scores: list[float],
    threshold: float | None,
    seed: int,
) -> None:
    predicted = as_pred(pred).with_columns(
        pl.Series("score", scores[: pred.height], dtype=pl.Float64),
        pl.Series("method", ["exact", "fuzzy"] * 13, dtype=pl.String)[: pred.height],
    )
    s = score(gold, predicted, threshold)
    assert all(0.0 <= v <= 1.0 for v in all_prf(s))
    assert s.counts.strict <= s.counts.lenient
    assert s.counts.linked <= s.counts.lenient
    # Row order does not matter.
    order = list(range(predicted.height))
    random.Random(seed).shuffle(order)
    shuffled = predicted[order] if order else predicted
    assert score(gold.reverse(), shuffled, threshold).to_dict() == s.to_dict()
