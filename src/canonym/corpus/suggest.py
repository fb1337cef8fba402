"""Draft gazetteer records from frequent unknown names of a mention table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polars as pl

from canonym.errors import InputError
from canonym.gazetteer.model import TYPE_FOLDERS
from canonym.tables import read_table

_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place", "MISC": "other"}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def draft_records(path: Path, *, min_count: int = 2) -> list[tuple[str, str]]:
    """YAML drafts (file name, text) for NIL clusters with at least ``min_count`` mentions."""
    frame = read_table(path)
    needed = {"cluster_id", "surface", "type", "entity_id", "doc_id"}
    missing = needed - set(frame.columns)
    if missing:
        raise InputError(f"{path}: not a mention table (missing {', '.join(sorted(missing))})")
    nil = frame.filter(pl.col("entity_id").is_null() & pl.col("cluster_id").str.starts_with("NIL:"))
    drafts = []
    for cluster_id, group in sorted(nil.group_by("cluster_id"), key=lambda item: str(item[0][0])):
        if group.height < min_count:
            continue
        spellings = Counter(group.get_column("surface").to_list())
        types = Counter(group.get_column("type").to_list())
        etype = types.most_common(1)[0][0]
        name = spellings.most_common(1)[0][0]
        slug = str(cluster_id[0]).removeprefix("NIL:")
        aliases = [s for s, _ in spellings.most_common() if s != name]
        docs = group.get_column("doc_id").unique().sort().to_list()
        lines = [
            f"# draft from {group.height} mentions in {len(docs)} document(s): review before adding;",
            f"# save as src/canonym/gazetteer/data/{TYPE_FOLDERS.get(etype, 'misc')}/{slug}.yml",
            f"id: {slug}",
            f"type: {etype}",
            f"kind: {_KINDS.get(etype, 'other')}",
            f"name: {_quote(name)}",
        ]
        if aliases:
            lines.append("aliases:")
            lines.append("  strong:")
            lines.extend(f"    - {_quote(a)}" for a in aliases)
        lines.append("sources:")
        lines.extend(f"  - {_quote('seen in ' + d)}" for d in docs[:5])
        drafts.append((f"{slug}.yml", "\n".join(lines) + "\n"))
    return drafts
