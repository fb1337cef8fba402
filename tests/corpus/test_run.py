"""Streaming runs: batches, workers, SPEC order, interrupted runs and --resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from canonym import Resolver, Tagger
from canonym.cli import app
from canonym.corpus import parts, run
from canonym.corpus.mentions import mentions_frame
from canonym.corpus.run import tag_corpus

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, str]]:
    """The sample corpus, repeated under new ids so that it spans many small batches."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "dev").glob("*.txt"))[:6]]
    return [(f"{copy}-{name}", text) for copy in range(3) for name, text in texts]


def _write_jsonl(path: Path, documents: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc_id, text in documents:
            handle.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    return path


def test_batches_and_workers_give_the_in_memory_table(
    tmp_path: Path, resolver: Resolver, documents: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Out of doc_id order on input, and tiny sort buckets: the merge must restore SPEC order.
    shuffled = documents[1::2] + documents[::2]
    source = _write_jsonl(tmp_path / "docs.jsonl", shuffled)
    expected = mentions_frame(Tagger(resolver).tag_documents(shuffled))
    monkeypatch.setattr(run, "BATCH_DOCUMENTS", 4)
    monkeypatch.setattr(parts, "SORT_BUCKET_ROWS", 300)
    one = tmp_path / "one.parquet"
    two = tmp_path / "two.parquet"
    summary = tag_corpus([str(source)], str(one), resolver)
    tag_corpus([str(source)], str(two), resolver, workers=2)
    table = pl.read_parquet(one)
    assert table.equals(expected)
    assert table.get_column("cluster_id").str.starts_with("NIL:").sum() > 0
    assert one.read_bytes() == two.read_bytes()
    assert summary.documents == len(documents) and summary.mentions == table.height
    assert not any(p.name.endswith(".canonym-run") for p in tmp_path.iterdir()), "the parts folder is removed"


def test_an_interrupted_run_leaves_no_table_and_resume_completes_it(
    tmp_path: Path, resolver: Resolver, documents: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write_jsonl(tmp_path / "docs.jsonl", documents)
    out = tmp_path / "out.csv"
    monkeypatch.setattr(run, "BATCH_DOCUMENTS", 3)
    written: list[int] = []
    add = parts.PartStore.add

    def crash_after_three_parts(self: parts.PartStore, result: object) -> None:
        if len(written) == 3:
            raise KeyboardInterrupt
        written.append(1)
        add(self, result)  # type: ignore[arg-type]

    monkeypatch.setattr(parts.PartStore, "add", crash_after_three_parts)
    with pytest.raises(KeyboardInterrupt):
        tag_corpus([str(source)], str(out), resolver)
    assert not out.exists()
    monkeypatch.setattr(parts.PartStore, "add", add)
    summary = tag_corpus([str(source)], str(out), resolver, resume=True)
    assert summary.resumed == 9
    fresh = tmp_path / "fresh.csv"
    tag_corpus([str(source)], str(fresh), resolver)
    assert out.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8")


def test_resume_refuses_the_parts_of_another_run(tmp_path: Path, resolver: Resolver, documents: list[tuple[str, str]]) -> None:
    first = _write_jsonl(tmp_path / "a.jsonl", documents[:2])
    second = _write_jsonl(tmp_path / "b.jsonl", documents[2:4])
    out = tmp_path / "out.parquet"
    folder = tmp_path / ".out.parquet.canonym-run"
    store = parts.PartStore.open(str(out), {"inputs": [str(first)]}, resume=False)
    assert store.folder == folder and (folder / parts.MANIFEST).exists()
    result = runner.invoke(app, ["tag", str(second), "--out", str(out), "--resume"])
    assert result.exit_code == 2
    assert "manifest.jsonl" in result.stderr and "without --resume" in result.stderr


_KILLABLE_RUN = """
import sys
from canonym.cli import main
from canonym.corpus import run
run.BATCH_DOCUMENTS = 1
sys.argv = ["canonym", "tag", sys.argv[1], "--out", sys.argv[2]]
main()
"""


def test_sigkill_mid_run_then_resume_from_the_cli(tmp_path: Path, documents: list[tuple[str, str]]) -> None:
    source = _write_jsonl(tmp_path / "docs.jsonl", documents)
    out = tmp_path / "out.parquet"
    manifest = tmp_path / ".out.parquet.canonym-run" / parts.MANIFEST
    process = subprocess.Popen([sys.executable, "-c", _KILLABLE_RUN, str(source), str(out)], env=os.environ.copy())
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists() and len(manifest.read_text(encoding="utf-8").splitlines()) >= 4:
            break
        time.sleep(0.02)
    if process.poll() is not None:
        pytest.fail("the run finished before it could be killed")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not out.exists(), "a killed run must not leave a table under the final name"
    result = runner.invoke(app, ["tag", str(source), "--out", str(out), "--resume"])
    assert result.exit_code == 0, result.stderr
    assert "resumed" in result.stderr
    fresh = tmp_path / "fresh.parquet"
    assert runner.invoke(app, ["tag", str(source), "--out", str(fresh)]).exit_code == 0
    assert pl.read_parquet(out).equals(pl.read_parquet(fresh))


def test_nil_clusters_do_not_depend_on_the_order_documents_came_in() -> None:
    # Batches tagged apart are merged in any order: a word ("Isa", a Nigerian area) and an
    # acronym that a law spells out in another document ("ISA") get the same clusters
    # whichever was counted first.
    from collections import Counter

    from canonym.corpus.nil import assign_nil_clusters

    counts = [(("intirnal sikuriti akt", "ISA", "ORG"), 5), (("intirnal sikuriti akt", "Internal Security Act", "ORG"), 1), (("isa", "Isa", "ORG"), 4)]
    first, second = (assign_nil_clusters(Counter(dict(order))) for order in (counts, counts[::-1]))
    assert first == second
    assert first["isa"].cluster_id != first["intirnal sikuriti akt"].cluster_id
