"""Render benchmark scores as Markdown or as a self-contained HTML page.

Both renderers take the :class:`~canonym.corpus.scoring.Scores` of one run. The tables are
built once as rows of plain strings (``_score_rows`` and friends) and then written as Markdown
or HTML, so the two reports always agree. Output is deterministic: every list is sorted, and
nothing depends on the clock or the machine, so a report can be committed and diffed.

The HTML page needs no script and no network: the CSS is inline and the precision/recall
plot is embedded as a ``data:`` URI (or linked as a file next to the page, on request).
Matplotlib is imported only when a plot is drawn.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from canonym.corpus.scoring import (
    PRF,
    MissedMention,
    Scores,
    SpuriousMention,
    WrongLink,
    label_mentions,
)

__all__ = ["Curve", "plot_curve", "render_html", "render_markdown"]

Curve = Sequence[tuple[float, float, float, float]]
"""``(threshold, precision, recall, f1)`` rows, as from ``threshold_curve``."""

_MAX_MARKDOWN_EXAMPLES = 10
_Table = tuple[list[str], list[list[str]]]


# --------------------------------------------------------------------------------------------
# Tables, as plain strings


def _num(value: float) -> str:
    """Format a score with three decimals."""
    return f"{value:.3f}"


def _share(part: int, whole: int) -> str:
    """Format ``part`` of ``whole`` with its percentage."""
    percent = 100.0 * part / whole if whole else 0.0
    return f"{part} / {whole} ({percent:.1f}%)"


def _prf_cells(prf: PRF) -> list[str]:
    """Return precision, recall and F1 as cells."""
    return [_num(prf.precision), _num(prf.recall), _num(prf.f1)]


def _score_rows(scores: Scores) -> _Table:
    """Return the table of the overall scores."""
    rows = [
        ["detection, strict (exact span)", *_prf_cells(scores.detect_strict)],
        ["detection, lenient (overlap, one-to-one)", *_prf_cells(scores.detect_lenient)],
        ["linking, end to end", *_prf_cells(scores.link)],
        ["clustering, B-cubed", *_prf_cells(scores.bcubed)],
    ]
    return ["score", "precision", "recall", "F1"], rows


def _summary(scores: Scores) -> list[str]:
    """Return the sentences that summarize a run."""
    counts = scores.counts
    lines = [
        f"Mentions: {counts.gold} gold, {counts.pred} predicted; {counts.strict} exact-span "
        f"pairs, {counts.lenient} overlapping pairs, {counts.linked} linked right.",
        "Variant reconciliation (gold entities written two or more ways, all mentions in one "
        f"cluster of their own): {_share(scores.variants.reconciled, scores.variants.total)}.",
    ]
    if scores.threshold is not None:
        lines.insert(0, f"Predictions with score below {scores.threshold:g} were dropped.")
    return lines


def _type_rows(scores: Scores) -> _Table:
    """Return the per-type table (recall by gold type, precision by predicted type)."""
    headers = ["type", "gold", "predicted", "detect P", "detect R", "detect F1"]
    headers += ["link P", "link R", "link F1"]
    rows = [
        [name, str(ts.gold), str(ts.pred), *_prf_cells(ts.detect_lenient), *_prf_cells(ts.link)]
        for name, ts in scores.by_type.items()
    ]
    return headers, rows


def _method_rows(scores: Scores) -> _Table:
    """Return the per-method precision table."""
    headers = ["method", "predicted", "overlap gold", "linked right", "detect P", "link P"]
    rows = [
        [
            name,
            str(ms.pred),
            str(ms.matched),
            str(ms.linked),
            _num(ms.detect_precision),
            _num(ms.link_precision),
        ]
        for name, ms in scores.by_method.items()
    ]
    return headers, rows


def _baseline_rows(name: str, scores: Scores, baselines: Mapping[str, Scores]) -> _Table:
    """Return the table comparing this run with each baseline, link F1 first."""
    headers = ["system", "link F1", "link P", "link R", "Δ link F1 vs " + name]
    headers += ["strict F1", "lenient F1", "B-cubed F1", "variants"]
    rows: list[list[str]] = []
    for label, run in [(name, scores), *sorted(baselines.items())]:
        delta = run.link.f1 - scores.link.f1
        rows.append(
            [
                label,
                _num(run.link.f1),
                _num(run.link.precision),
                _num(run.link.recall),
                "—" if run is scores else f"{delta:+.3f}",
                _num(run.detect_strict.f1),
                _num(run.detect_lenient.f1),
                _num(run.bcubed.f1),
                f"{run.variants.reconciled}/{run.variants.total}",
            ]
        )
    return headers, rows


def _optional(value: object) -> str:
    """Format an optional value; ``None`` as an em dash."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _ranked_text(items: Sequence[tuple[str, int]]) -> str:
    """Format ``(id, count)`` pairs as ``id (count), ...``."""
    return ", ".join(f"{name} ({count})" for name, count in items)


@dataclass(frozen=True)
class _Category:
    """One error category, its table and the number of errors in it."""

    slug: str
    title: str
    headers: list[str]
    rows: list[list[str]]


def _span_cells(mention: MissedMention | SpuriousMention | WrongLink) -> list[str]:
    """Return doc, start, end and surface of an error as cells."""
    return [mention.doc, str(mention.start), str(mention.end), mention.surface]


def _error_categories(scores: Scores) -> list[_Category]:
    """Return every error category as a table (all rows; renderers cut them)."""
    errors = scores.errors
    missed = [[*_span_cells(m), m.key, m.type] for m in errors.missed]
    spurious = [
        [*_span_cells(m), m.cluster_id, m.type, _optional(m.method), _optional(m.score)] for m in errors.spurious
    ]
    wrong = [
        [*_span_cells(m), m.cluster_id, _optional(m.cluster_key), m.key, m.gold_surface] for m in errors.wrong_link
    ]
    split = [[s.key, str(len(s.mentions)), _ranked_text(s.clusters), _spellings(s.mentions)] for s in errors.split]
    merged = [[m.cluster_id, str(len(m.mentions)), _ranked_text(m.keys), _spellings(m.mentions)] for m in errors.merged]
    variants = [
        [v.key, " / ".join(v.surfaces), v.reason, _ranked_text(v.clusters) or "—"] for v in scores.variants.failures
    ]
    span = ["doc", "start", "end", "surface"]
    return [
        _Category("missed", "Missed gold mentions", [*span, "gold key", "type"], missed),
        _Category(
            "spurious",
            "Spurious predictions",
            [*span, "cluster", "type", "method", "score"],
            spurious,
        ),
        _Category(
            "wrong_link",
            "Wrong links",
            [*span, "cluster", "cluster maps to", "gold key", "gold surface"],
            wrong,
        ),
        _Category(
            "split",
            "Split entities (one gold key, several clusters)",
            ["gold key", "mentions", "clusters", "spellings"],
            split,
        ),
        _Category(
            "merged",
            "Merged clusters (one cluster, several gold keys)",
            ["cluster", "mentions", "gold keys", "spellings"],
            merged,
        ),
        _Category(
            "variants",
            "Unreconciled variants",
            ["gold key", "spellings", "why", "clusters"],
            variants,
        ),
    ]


def _spellings(mentions: Sequence[object]) -> str:
    """Return the distinct surfaces of some mentions, sorted."""
    return " / ".join(sorted({str(getattr(m, "surface", "")) for m in mentions}))


# --------------------------------------------------------------------------------------------
# Markdown


def _md_cell(text: str) -> str:
    """Escape a table cell: pipes, line breaks and HTML tags would break the table."""
    text = re.sub(r"\r\n|\r|\n", " ⏎ ", text)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Return a Markdown table; columns whose cells all look numeric are right-aligned."""
    numeric = [bool(rows) and all(re.fullmatch(r"[-+]?[\d.]+|—", row[i]) for row in rows) for i in range(len(headers))]
    lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |"]
    lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
    lines += ["| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def render_markdown(scores: Scores, name: str = "canonym", baselines: Mapping[str, Scores] | None = None) -> str:
    """Render the scores of one run as a Markdown report.

    The report has the overall scores, the breakdowns by type and by method, a comparison
    with each baseline (when given), and every error category with up to 10 examples each.

    Args:
        scores: The run to report.
        name: What to call the run in headings and in the baseline table.
        baselines: Other systems' scores on the same gold labels, by name.

    Returns:
        The Markdown text, ending with a newline.
    """
    out = [f"# {name}: benchmark scores", ""]
    out += [*_summary(scores), ""]
    out += ["## Scores", "", *_md_table(*_score_rows(scores)), ""]
    out += ["## By type", ""]
    out += ["Recall by gold type, precision by predicted type.", ""]
    out += [*_md_table(*_type_rows(scores)), ""]
    out += ["## By method", ""]
    if scores.by_method:
        out += [*_md_table(*_method_rows(scores)), ""]
    else:
        out += ["The predictions have no `method` column.", ""]
    if baselines:
        out += ["## Baselines", ""]
        out += [*_md_table(*_baseline_rows(name, scores, baselines)), ""]
    out += ["## Errors", ""]
    for category in _error_categories(scores):
        total = len(category.rows)
        out += [f"### {category.title} ({total})", ""]
        if total == 0:
            out += ["None.", ""]
            continue
        out += _md_table(category.headers, category.rows[:_MAX_MARKDOWN_EXAMPLES])
        if total > _MAX_MARKDOWN_EXAMPLES:
            out += ["", f"… and {total - _MAX_MARKDOWN_EXAMPLES} more."]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------------------------
# Plot


def _curve_png(curve: Curve) -> bytes:
    """Draw precision, recall and F1 over the threshold and return the PNG bytes."""
    # The object-oriented API with an explicit Agg canvas needs no display and leaves
    # pyplot's global state (and the user's backend choice) alone.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 4.0), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    if curve:
        xs = [row[0] for row in curve]
        for column, label in ((1, "precision"), (2, "recall"), (3, "F1")):
            axes.plot(xs, [row[column] for row in curve], marker=".", label=label)
        axes.legend(loc="lower left")
    else:
        axes.text(0.5, 0.5, "no thresholds scored", ha="center", va="center")
    axes.set_xlabel("score threshold")
    axes.set_ylabel("linking, end to end")
    axes.set_xlim(0.0, 1.0)
    axes.set_ylim(0.0, 1.02)
    axes.grid(True, alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    # No "Software" entry: the bytes then depend only on the curve and matplotlib's drawing.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def plot_curve(curve: Curve, path: str | Path) -> Path:
    """Write the precision/recall/F1-over-threshold plot as a PNG (matplotlib, Agg).

    Args:
        curve: ``(threshold, precision, recall, f1)`` rows, as from ``threshold_curve``.
        path: Where to write the PNG; parent folders are created.

    Returns:
        The path written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_curve_png(curve))
    return target


# --------------------------------------------------------------------------------------------
# HTML

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em;
       padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.2em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left;
         vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; }
pre.doc { white-space: pre-wrap; word-wrap: break-word; background: #fafafa;
          border: 1px solid #ddd; padding: 0.8em; font: 14px/1.6 ui-monospace, monospace; }
mark { padding: 0 0.1em; border-radius: 2px; }
mark a { color: inherit; text-decoration: none; }
mark.ok { background: #c8f0c8; }
mark.wrong { background: #ffd59a; }
mark.spurious { background: #ffc4c4; }
mark.missed { background: none; border-bottom: 2px dashed #c00; }
.legend mark { margin-right: 0.8em; }
.note { color: #666; }
section.cluster { border-top: 1px solid #eee; }
section.cluster:target, section.doc:target { background: #fffbe0; }
"""


def _esc(text: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(str(text), quote=True)


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Return an HTML table; numeric cells get the ``num`` class."""
    lines = ["<table>", "<tr>" + "".join(f"<th>{_esc(h)}</th>" for h in headers) + "</tr>"]
    for row in rows:
        cells = []
        for cell in row:
            numeric = re.fullmatch(r"[-+]?[\d.]+|—", cell) is not None
            cells.append(f'<td class="num">{_esc(cell)}</td>' if numeric else f"<td>{_esc(cell)}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return lines


class _Anchors:
    """Stable, unique HTML ids for arbitrary strings (cluster and document ids)."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._ids: dict[str, str] = {}
        self._used: set[str] = set()

    def __call__(self, value: str) -> str:
        """Return the id for ``value``, making one on first use."""
        found = self._ids.get(value)
        if found is not None:
            return found
        base = self._prefix + (re.sub(r"[^A-Za-z0-9_.:-]+", "_", value) or "_")
        anchor = base
        number = 2
        while anchor in self._used:
            anchor = f"{base}-{number}"
            number += 1
        self._ids[value] = anchor
        self._used.add(anchor)
        return anchor


@dataclass
class _Span:
    """A mark to draw in a document: a prediction, or a missed gold mention."""

    start: int
    end: int
    css: str
    title: str
    cluster: str | None
    hidden: list[str]


def _pred_title(row: Mapping[str, object]) -> str:
    """Describe a predicted mention for its tooltip."""
    status = row["status"]
    parts = [f"{status}", f"cluster {row['cluster_id']}"]
    if status == "ok":
        parts.append(f"= gold {row['gold_key']}")
    elif status == "wrong":
        parts.append(f"maps to {row['cluster_key'] or 'no gold key'}, gold is {row['gold_key']}")
    parts.append(f"type {row['type']}")
    if row.get("method") is not None:
        parts.append(f"method {row['method']}")
    if row.get("score") is not None:
        parts.append(f"score {float(str(row['score'])):.3f}")
    return " · ".join(parts)


def _doc_spans(doc: str, text: str, gold: pl.DataFrame, pred: pl.DataFrame, problems: list[str]) -> list[_Span]:
    """Return the marks to draw in one document, outer ones only, in text order.

    A span nested in (or overlapping) an earlier, wider one is not drawn; it is named in
    the tooltip of the one drawn instead.
    """
    candidates: list[tuple[int, int, int, int, _Span]] = []
    for index, row in enumerate(pred.filter(pl.col("doc_id") == doc).iter_rows(named=True)):
        span = _Span(
            row["start"],
            row["end"],
            f"mention {row['status']}",
            _pred_title(row),
            row["cluster_id"],
            [],
        )
        candidates.append((span.start, -span.end, 0, index, span))
    missed = gold.filter((pl.col("doc") == doc) & (pl.col("status") == "missed"))
    for index, row in enumerate(missed.iter_rows(named=True)):
        title = f"missed · gold {row['key']} · type {row['type']}"
        span = _Span(row["start"], row["end"], "missed", title, None, [])
        candidates.append((span.start, -span.end, 1, index, span))
    candidates.sort(key=lambda item: item[:4])
    drawn: list[_Span] = []
    for *_, span in candidates:
        if span.end > len(text):
            problems.append(f"{doc}: {span.start}-{span.end} is beyond the end of the text")
            continue
        if drawn and span.start < drawn[-1].end:
            drawn[-1].hidden.append(f"{text[span.start : span.end]!r} ({span.title})")
            continue
        drawn.append(span)
    return drawn


def _render_doc(
    doc: str,
    text: str,
    gold: pl.DataFrame,
    pred: pl.DataFrame,
    surfaces: Mapping[tuple[str, int, int], str],
    cluster_anchor: _Anchors,
    problems: list[str],
) -> str:
    """Return one document's text with its marks, HTML-escaped."""
    parts: list[str] = []
    pos = 0
    for span in _doc_spans(doc, text, gold, pred, problems):
        parts.append(_esc(text[pos : span.start]))
        inner = text[span.start : span.end]
        title = span.title
        expected = surfaces.get((doc, span.start, span.end))
        if expected is not None and expected != inner:
            title += f" · surface {expected!r} but text has {inner!r}"
        if span.hidden:
            title += " · also overlapping: " + "; ".join(span.hidden)
        if span.cluster is None:
            parts.append(f'<mark class="{span.css}" title="{_esc(title)}">{_esc(inner)}</mark>')
        else:
            parts.append(
                f'<mark class="{span.css}" data-cluster="{_esc(span.cluster)}" '
                f'title="{_esc(title)}"><a href="#{cluster_anchor(span.cluster)}">'
                f"{_esc(inner)}</a></mark>"
            )
        pos = span.end
    parts.append(_esc(text[pos:]))
    return "".join(parts)


def _cluster_names(pred: pl.DataFrame) -> dict[str, str]:
    """Return the most common ``canonical`` (or ``entity_id``) of each cluster, if present."""
    column = next((c for c in ("canonical", "entity_id") if c in pred.columns), None)
    if column is None or "cluster_id" not in pred.columns:
        return {}
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for cluster, value in pred.select("cluster_id", column).iter_rows():
        if cluster is not None and value is not None:
            names[str(cluster)][str(value)] += 1
    return {
        cluster: sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]
        for cluster, counter in names.items()
    }


def _cluster_index(
    pred: pl.DataFrame,
    names: Mapping[str, str],
    cluster_anchor: _Anchors,
    doc_anchor: _Anchors,
    docs: Mapping[str, str] | None,
) -> list[str]:
    """Return the cluster index: each predicted cluster, what it maps to, its mentions."""
    out: list[str] = []
    members: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in pred.iter_rows(named=True):
        members[str(row["cluster_id"])].append(row)
    for cluster in sorted(members):
        rows = members[cluster]
        statuses = Counter(str(row["status"]) for row in rows)
        maps = rows[0]["cluster_key"]
        facts = [f"{len(rows)} mention(s)"]
        facts += [f"{statuses[s]} {s}" for s in ("ok", "wrong", "spurious") if statuses[s]]
        facts.append(f"maps to gold key {maps}" if maps is not None else "maps to no gold key")
        if cluster in names:
            facts.insert(0, f"name {names[cluster]}")
        out.append(f'<section class="cluster" id="{cluster_anchor(cluster)}">')
        out.append(f"<h3>{_esc(cluster)}</h3>")
        out.append(f"<p>{_esc(' · '.join(facts))}</p>")
        out.append("<ul>")
        for row in rows:
            doc = str(row["doc_id"])
            where = _esc(doc)
            if docs is not None and doc in docs:
                where = f'<a href="#{doc_anchor(doc)}">{where}</a>'
            out.append(
                f"<li>{where} {row['start']}-{row['end']} "
                f'<mark class="mention {_esc(row["status"])}">{_esc(row["surface"])}</mark> '
                f"{_esc(row['status'])}</li>"
            )
        out.append("</ul>")
        out.append("</section>")
    return out


def render_html(
    scores: Scores,
    gold: pl.DataFrame,
    pred: pl.DataFrame,
    docs: Mapping[str, str] | None,
    curve: Curve | None,
    png_path: str | Path | None,
    *,
    name: str = "canonym",
    baselines: Mapping[str, Scores] | None = None,
    embed_png: bool = True,
    max_errors: int = 100,
) -> str:
    """Render one run as a self-contained HTML page (inline CSS, no script, no network).

    The page has the score tables, the precision/recall-over-threshold plot, the error
    lists, each document's text with its mentions marked, and an index of the predicted
    clusters. In the text, predictions are ``<mark class="mention ok|wrong|spurious"
    data-cluster=... title=...>`` linking to their cluster in the index, and missed gold
    mentions are ``<mark class="missed">``. Where spans overlap, the outer one is drawn.

    Args:
        scores: The scores of ``pred`` against ``gold`` (its threshold is applied again to
            classify each mention).
        gold: Gold labels, as from ``read_gold``.
        pred: Predicted mentions, as from ``read_mentions``.
        docs: Document id -> text (as in SPEC.md); ``None`` to leave the texts out.
        curve: ``threshold_curve`` rows, or ``None`` for no plot.
        png_path: Where :func:`plot_curve` writes the plot; ``None`` to keep it in memory.
        name: What to call the run.
        baselines: Other systems' scores, for a comparison table.
        embed_png: Embed the plot as a ``data:`` URI (self-contained); when ``False`` the
            ``<img>`` refers to ``png_path`` by its file name.
        max_errors: How many examples of each error category to list.

    Returns:
        The HTML page.
    """
    gold_rows, pred_rows = label_mentions(gold, pred, scores.threshold)
    cluster_anchor = _Anchors("cluster-")
    doc_anchor = _Anchors("doc-")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_esc(name)}: benchmark report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_esc(name)}: benchmark report</h1>",
    ]
    out += [f"<p>{_esc(line)}</p>" for line in _summary(scores)]
    out += ['<h2 id="scores">Scores</h2>', *_html_table(*_score_rows(scores))]
    out += ['<h2 id="by-type">By type</h2>']
    out += ['<p class="note">Recall by gold type, precision by predicted type.</p>']
    out += _html_table(*_type_rows(scores))
    out += ['<h2 id="by-method">By method</h2>']
    if scores.by_method:
        out += _html_table(*_method_rows(scores))
    else:
        out += ['<p class="note">The predictions have no <code>method</code> column.</p>']
    if baselines:
        out += ['<h2 id="baselines">Baselines</h2>']
        out += _html_table(*_baseline_rows(name, scores, baselines))
    out += _curve_section(curve, png_path, embed_png)
    out += ['<h2 id="errors">Errors</h2>']
    for category in _error_categories(scores):
        total = len(category.rows)
        out.append(f'<h3 id="errors-{category.slug}">{_esc(category.title)} ({total})</h3>')
        if total == 0:
            out.append('<p class="note">None.</p>')
            continue
        out += _html_table(category.headers, category.rows[:max_errors])
        if total > max_errors:
            out.append(f'<p class="note">… and {total - max_errors} more.</p>')
    out += _documents_section(gold_rows, pred_rows, docs, cluster_anchor, doc_anchor)
    out += ['<h2 id="clusters">Clusters</h2>']
    out += _cluster_index(pred_rows, _cluster_names(pred), cluster_anchor, doc_anchor, docs)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _curve_section(curve: Curve | None, png_path: str | Path | None, embed: bool) -> list[str]:
    """Return the plot (embedded or linked) and its numbers as a table."""
    if curve is None:
        return []
    out = ['<h2 id="threshold">Linking over score threshold</h2>']
    # Written through plot_curve when a path is given, so the file and the page agree.
    png = _curve_png(curve) if png_path is None else plot_curve(curve, png_path).read_bytes()
    if embed or png_path is None:
        source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    else:
        source = Path(png_path).name
    alt = "Precision, recall and F1 of linking over the score threshold"
    out.append(f'<img src="{_esc(source)}" alt="{alt}" width="640" height="400">')
    rows = [[f"{t:g}", _num(p), _num(r), _num(f)] for t, p, r, f in curve]
    out += _html_table(["threshold", "precision", "recall", "F1"], rows)
    return out


def _documents_section(
    gold: pl.DataFrame,
    pred: pl.DataFrame,
    docs: Mapping[str, str] | None,
    cluster_anchor: _Anchors,
    doc_anchor: _Anchors,
) -> list[str]:
    """Return each document's marked-up text, in sorted document order."""
    out = ['<h2 id="documents">Documents</h2>']
    if docs is None:
        out.append('<p class="note">Document texts were not given.</p>')
        return out
    out.append(
        '<p class="legend"><mark class="mention ok">linked right</mark>'
        '<mark class="mention wrong">linked wrong</mark>'
        '<mark class="mention spurious">spurious</mark>'
        '<mark class="missed">missed</mark>'
        '<span class="note">Hover a mark for details; click it for its cluster.</span></p>'
    )
    surfaces: dict[tuple[str, int, int], str] = {}
    for doc, start, end, surface in pred.select("doc_id", "start", "end", "surface").iter_rows():
        surfaces[(doc, start, end)] = surface
    for doc, start, end, surface in gold.select("doc", "start", "end", "surface").iter_rows():
        surfaces.setdefault((doc, start, end), surface)
    labelled = sorted({doc for doc, _, _ in surfaces})
    problems: list[str] = []
    for doc in labelled:
        if doc not in docs:
            continue
        body = _render_doc(doc, docs[doc], gold, pred, surfaces, cluster_anchor, problems)
        out.append(f'<section class="doc" id="{doc_anchor(doc)}">')
        out.append(f"<h3>{_esc(doc)}</h3>")
        out.append(f'<pre class="doc">{body}</pre>')
        out.append("</section>")
    absent = [doc for doc in labelled if doc not in docs]
    if absent:
        out.append(f'<p class="note">No text given for: {_esc(", ".join(absent))}.</p>')
    if problems:
        out.append('<p class="note">Not drawn:</p>')
        out.append("<ul>" + "".join(f"<li>{_esc(p)}</li>" for p in problems) + "</ul>")
    return out
