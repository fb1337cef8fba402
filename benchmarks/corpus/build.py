"""Build the benchmark corpus from its annotated sources.

The annotated sources under ``annotated/{dev,test}/*.txt`` hold the documents with each
hand-labelled mention written inline as ``[[surface|key|TYPE]]`` or
``[[surface|key|TYPE|note]]``. This script strips the markup and writes:

- ``dev/*.txt`` and ``test/*.txt``: the plain documents (the input of ``canonym tag``);
- ``dev.tsv`` and ``test.tsv``: the gold labels in SPEC.md's format
  (``doc start end surface key type notes``), offsets into the plain text.

Run ``python benchmarks/corpus/build.py`` after editing a source; ``--check`` exits 1 when
the committed outputs differ from what the sources produce (CI runs it through the tests).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
SPLITS = ("dev", "test")
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\|(PER|ORG|LOC|MISC)(?:\|([^\[\]]*))?\]\]")
HEADER = ["doc", "start", "end", "surface", "key", "type", "notes"]


def strip_markup(source: str, doc: str) -> tuple[str, list[list[str]]]:
    """Return the plain text of one annotated source and its gold rows."""
    out: list[str] = []
    rows: list[list[str]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(source):
        before = source[pos : m.start()]
        out.append(before)
        length += len(before)
        surface, key, etype, note = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        rows.append([doc, str(length), str(length + len(surface)), surface, key, etype, note])
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(source[pos:])
    text = "".join(out)
    leftover = re.search(r"\[\[|\]\]", text)
    if leftover is not None:
        line = text.count("\n", 0, leftover.start()) + 1
        raise ValueError(f"{doc}: line {line}: malformed [[...]] markup")
    return text, rows


def build() -> dict[Path, str]:
    """Return every output file's path and content."""
    outputs: dict[Path, str] = {}
    for split in SPLITS:
        rows: list[list[str]] = []
        for src in sorted((CORPUS / "annotated" / split).glob("*.txt")):
            text, doc_rows = strip_markup(src.read_text(encoding="utf-8"), src.name)
            outputs[CORPUS / split / src.name] = text
            rows.extend(doc_rows)
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
        outputs[CORPUS / f"{split}.tsv"] = buf.getvalue()
    return outputs


def main(argv: list[str]) -> int:
    outputs = build()
    if "--check" in argv:
        stale = [p for p, c in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != c]
        for p in stale:
            print(f"stale: {p.relative_to(CORPUS)} (run python benchmarks/corpus/build.py)")
        return 1 if stale else 0
    for path, content in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")
    print(f"wrote {len(outputs)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
