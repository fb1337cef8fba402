"""Tests for canonym.corpus.report: the Markdown and HTML benchmark reports.

The contract: the Markdown report lists every score, breakdown and error category (at most 10
examples each) and compares baselines; the HTML page is self-contained (no script, no
network), marks each prediction as ok, wrong or spurious and each missed gold mention, links
marks to a cluster index, escapes the document text, draws only the outer of overlapping
spans, and is the same byte for byte when rendered twice.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from canonym.corpus.report import plot_curve, render_html, render_markdown
from canonym.corpus.scoring import Scores, score, threshold_curve

# Offsets: Iran 0-4, Iraq 10-14, al-Qaida 23-31, Sanaa 35-40, al-Qaeda 48-56, left 57-61,
# Sana'a 62-68.
TEXT = "Iran & <b>Iraq</b> met al-Qaida in Sanaa; later al-Qaeda left Sana'a."
DOCS = {"a.txt": TEXT}


def gold_frame() -> pl.DataFrame:
    """Gold labels for TEXT."""
    return pl.DataFrame(
        {
            "doc": ["a.txt"] * 6,
            "start": [0, 10, 23, 35, 48, 62],
            "end": [4, 14, 31, 40, 56, 68],
            "surface": ["Iran", "Iraq", "al-Qaida", "Sanaa", "al-Qaeda", "Sana'a"],
            "key": ["iran", "iraq", "al-qaeda", "sanaa", "al-qaeda", "sanaa"],
            "type": ["LOC", "LOC", "ORG", "LOC", "ORG", "LOC"],
        }
    )


def pred_frame() -> pl.DataFrame:
    """Predictions for TEXT: right, wrong, spurious, missed and one nested span."""
    return pl.DataFrame(
        {
            "doc_id": ["a.txt"] * 6,
            "start": [0, 23, 35, 48, 57, 62],
            "end": [4, 31, 40, 56, 61, 68],
            "surface": ["Iran", "al-Qaida", "Sanaa", "al-Qaeda", "left", "Sana'a"],
            "cluster_id": ["iran", "al-qaeda", "sanaa", "nil:al|qaeda", "nil:left", "sanaa"],
            "type": ["LOC", "ORG", "LOC", "ORG", "MISC", "LOC"],
            "score": [1.0, 0.9, 0.8, 0.4, 0.3, 0.7],
            "method": ["exact", "alias", "key", "nil", "nil", "fuzzy"],
            "canonical": ["Iran", "al-Qaeda", "Sanaa", "al-Qaeda", "left", "Sanaa"],
        }
    )


def run() -> tuple[Scores, pl.DataFrame, pl.DataFrame]:
    """Score the fixtures."""
    gold, pred = gold_frame(), pred_frame()
    return score(gold, pred), gold, pred


def test_markdown_has_every_section_and_category() -> None:
    scores, _, _ = run()
    text = render_markdown(scores, name="canonym")
    for heading in ("## Scores", "## By type", "## By method", "## Errors"):
        assert heading in text
    for row in ("detection, strict", "detection, lenient", "linking, end to end", "B-cubed"):
        assert row in text
    for category in (
        "### Missed gold mentions (1)",
        "### Spurious predictions (1)",
        "### Wrong links (1)",
        "### Split entities",
        "### Merged clusters",
        "### Unreconciled variants (1)",
    ):
        assert category in text
    assert "| Iraq | iraq | LOC |" in text  # the missed mention
    assert "nil:al\\|qaeda" in text  # pipes in ids are escaped
    assert "Variant reconciliation" in text and "1 / 2 (50.0%)" in text
    assert "## Baselines" not in text


def test_markdown_caps_examples_and_compares_baselines() -> None:
    gold = pl.DataFrame(
        {
            "doc": ["d"] * 15,
            "start": [10 * i for i in range(15)],
            "end": [10 * i + 4 for i in range(15)],
            "surface": ["Iran"] * 15,
            "key": ["iran"] * 15,
            "type": ["LOC"] * 15,
        }
    )
    empty = pl.DataFrame(
        schema={
            "doc_id": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "surface": pl.String,
            "cluster_id": pl.String,
            "type": pl.String,
        }
    )
    scores = score(gold, empty)
    text = render_markdown(scores, name="canonym", baselines={"exact": run()[0]})
    missed = text.split("### Missed gold mentions (15)")[1].split("###")[0]
    assert missed.count("| d |") == 10
    assert "… and 5 more." in missed
    assert "## Baselines" in text
    assert re.search(r"\| canonym \| 0\.000 \|.*\| — \|", text)
    assert re.search(r"\| exact \| [01]\.\d{3} \|", text)
    assert "The predictions have no `method` column." in text


def test_html_marks_escapes_and_links(tmp_path: Path) -> None:
    scores, gold, pred = run()
    curve = threshold_curve(gold, pred, [0.0, 0.5, 1.0])
    png = tmp_path / "curve.png"
    page = render_html(scores, gold, pred, DOCS, curve, png)
    assert page.startswith("<!DOCTYPE html>")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert '<img src="data:image/png;base64,' in page
    # Self-contained: no script, no remote resource.
    assert "<script" not in page
    assert "http://" not in page and "https://" not in page
    # The text is escaped; its markup does not leak into the page.
    assert "&amp; &lt;b&gt;" in page
    assert "<b>Iraq</b>" not in page
    # Each kind of mark.
    assert re.search(r'<mark class="mention ok" data-cluster="iran" title="[^"]*">', page)
    assert '<mark class="mention wrong" data-cluster="nil:al|qaeda"' in page
    assert '<mark class="missed" title="missed · gold iraq · type LOC">Iraq</mark>' in page
    # Predictions link to their cluster's section.
    anchors = set(re.findall(r'<a href="#(cluster-[^"]+)">', page))
    assert anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in page
    assert 'id="cluster-nil:al_qaeda"' in page
    for category in ("Missed gold mentions", "Spurious predictions", "Wrong links"):
        assert category in page


def test_html_draws_the_outer_of_overlapping_spans() -> None:
    scores, gold, _ = run()
    pred = pred_frame().with_columns(
        pl.when(pl.col("surface") == "left").then(pl.lit(49)).otherwise(pl.col("start")).alias("start"),
        pl.when(pl.col("surface") == "left").then(pl.lit(55)).otherwise(pl.col("end")).alias("end"),
    )
    # "l-Qaed" (49-55) now lies inside "al-Qaeda" (48-56): only the outer one is drawn.
    page = render_html(score(gold, pred), gold, pred, DOCS, None, None)
    marked = re.findall(r'<mark class="mention[^"]*"[^>]*><a [^>]*>([^<]*)</a></mark>', page)
    assert "al-Qaeda" in marked
    assert "l-Qaed" not in marked
    assert "also overlapping: &#x27;l-Qaed&#x27;" in page
    assert scores.counts.pred == 6


def test_html_is_deterministic_and_works_without_docs(tmp_path: Path) -> None:
    scores, gold, pred = run()
    curve = threshold_curve(gold, pred)
    first = render_html(scores, gold, pred, DOCS, curve, tmp_path / "a.png")
    second = render_html(scores, gold, pred.reverse(), DOCS, curve, tmp_path / "b.png")
    assert first == second
    bare = render_html(scores, gold, pred, None, None, None)
    assert "Document texts were not given." in bare
    assert "<img" not in bare
    linked = render_html(scores, gold, pred, DOCS, curve, tmp_path / "c.png", embed_png=False)
    assert '<img src="c.png"' in linked


def test_plot_curve_writes_a_png(tmp_path: Path) -> None:
    path = plot_curve([(0.0, 0.5, 1.0, 0.667), (1.0, 1.0, 0.2, 0.333)], tmp_path / "x" / "p.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    empty = plot_curve([], tmp_path / "empty.png")
    assert empty.stat().st_size > 0
