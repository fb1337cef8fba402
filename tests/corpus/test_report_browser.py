"""The HTML benchmark report as a browser sees it.

Renders the report of canonym on the dev split (the built-in gazetteer, the default settings)
and loads it in headless Chromium with ``--dump-dom``. The contract: the page parses into a DOM
that still holds the ``<mark class="mention ...">`` elements of known mentions, with their
``data-cluster`` (al-Qaeda's mentions carry ``data-cluster="al-qaeda"``), and the embedded
PNG plot of the threshold curve as an ``<img>``. Skipped when ``/usr/bin/chromium`` is missing
(``.ci/apt-install.sh chromium chromium`` installs it).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from canonym import Tagger
from canonym.corpus.mentions import mentions_frame
from canonym.corpus.readers import iter_documents
from canonym.corpus.report import render_html
from canonym.corpus.scoring import read_gold, score, threshold_curve

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "corpus"
CHROMIUM = Path("/usr/bin/chromium")


def _dump_dom(page: Path, profile: Path) -> str:
    """Load ``page`` in headless Chromium and return the serialised DOM."""
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, f"chromium exited {result.returncode}: {result.stderr[-2000:]}"
    return result.stdout


@pytest.mark.corpus
def test_dev_report_renders_in_chromium(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing; run .ci/apt-install.sh chromium chromium to install Chromium")
    docs = {d.doc_id: d.text for d in iter_documents([CORPUS / "dev"], lambda problem: None)}
    gold = read_gold(CORPUS / "dev.tsv")
    pred = mentions_frame(Tagger().tag_documents(sorted(docs.items())))
    scores = score(gold, pred)
    page = tmp_path / "report.html"
    html = render_html(scores, gold, pred, docs, threshold_curve(gold, pred), tmp_path / "curve.png")
    page.write_text(html, encoding="utf-8")

    dom = _dump_dom(page, tmp_path / "chromium-profile")

    assert "</html>" in dom
    marks = re.findall(r'<mark class="mention (?:ok|wrong|spurious)"[^>]*>', dom)
    assert len(marks) >= 100, f"only {len(marks)} mention marks in the DOM"
    qaeda = re.search(
        r'<mark class="mention ok" data-cluster="al-qaeda" title="[^"]*"><a href="#cluster-al-qaeda">([^<]+)</a></mark>',
        dom,
    )
    assert qaeda is not None, "no correctly linked al-Qaeda mention in the DOM"
    assert "qa" in qaeda.group(1).lower()
    assert re.search(r'<mark class="mention [a-z]+" data-cluster="iran"', dom), "no mark for Iran"
    assert '<section class="cluster" id="cluster-al-qaeda">' in dom
    image = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]{100,})"[^>]*>', dom)
    assert image is not None, "no embedded PNG plot in the DOM"
    assert (tmp_path / "curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
