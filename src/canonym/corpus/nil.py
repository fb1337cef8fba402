"""Clustering the names the gazetteer does not know, across all documents of a run.

Unknown mentions are grouped by their name key (the same normalizer as the resolver), and
groups whose names align part by part (``name_similarity`` both ways, the resolver's own
measure) are merged, so "Bah Ag Moussa" and "Bah ag Mussa" share one ``NIL:`` id. A
cluster's id and canonical name come from its most frequent spelling.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from canonym.corpus.mentions import Mention
from canonym.normalize import fold, parse_name, token_key, token_skeleton
from canonym.normalize.names import uninvert
from canonym.resolver import name_similarity

#: Both names must be covered this well by each other to merge two clusters.
MERGE_SIMILARITY = 0.9


def nil_cluster_keys(mentions: list[Mention]) -> dict[str, str]:
    """Map each unknown mention's normalized key to its cluster's representative key."""
    keys = sorted({m.normalized for m in mentions if m.entity_id is None})
    parent = {k: k for k in keys}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    blocks: defaultdict[str, list[str]] = defaultdict(list)
    for key in keys:
        parts = key.split()
        if parts:
            blocks[token_skeleton(parts[-1])].append(key)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                pa, pb = a.split(), b.split()
                if len(pa) != len(pb):
                    continue
                forward = name_similarity(pa, pb, 0.78)
                backward = name_similarity(pb, pa, 0.78)
                if min(*forward, *backward) >= MERGE_SIMILARITY:
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    _merge_partial_names(keys, find, parent)
    return {k: find(k) for k in keys}


def _merge_partial_names(keys: list[str], find: Callable[[str], str], parent: dict[str, str]) -> None:
    """Join a shorter unknown name to the one longer name that holds all its parts.

    "Abd al-Rahman Mahmud" joins "Abd al-Rahman Mahmud al-Sharabi" when no other longer
    unknown name also holds those parts (then it stays on its own).
    """
    by_part: defaultdict[str, set[str]] = defaultdict(set)
    for key in keys:
        for part in key.split():
            by_part[token_skeleton(part)].add(key)
    for key in keys:
        parts = key.split()
        if len([p for p in parts if len(p) > 2]) < 2:
            continue
        pools = [by_part[token_skeleton(p)] for p in parts]
        candidates = set.intersection(*pools) - {key}
        longer = {
            find(other) for other in candidates
            if len(other.split()) > len(parts) and name_similarity(parts, other.split(), 0.78)[0] >= MERGE_SIMILARITY
        }
        longer.discard(find(key))
        if len(longer) == 1:
            root, target = find(key), longer.pop()
            parent[max(root, target)] = min(root, target)


def cluster_unknown(mentions: list[Mention]) -> list[Mention]:
    """Give every unknown (and unresolved ambiguous) mention its ``NIL:`` cluster."""
    unknown = [m for m in mentions if m.entity_id is None]
    if not unknown:
        return mentions
    representative = nil_cluster_keys(unknown)
    members: defaultdict[str, list[Mention]] = defaultdict(list)
    for mention in unknown:
        members[representative[mention.normalized]].append(mention)
    cluster_of: dict[str, tuple[str, str, str]] = {}
    used: set[str] = set()
    for root in sorted(members):
        group = members[root]
        spellings = Counter(m.surface for m in group)
        best = min(spellings, key=lambda s: (-len(parse_name(s).tokens), -spellings[s], s))
        types = Counter(m.type for m in group)
        etype = min(types, key=lambda t: (-types[t], t))
        slug = "-".join(fold(uninvert(best)[0]).split()) or "-".join(token_key(t) for t in root.split()) or "name"
        cluster_id = f"NIL:{slug}"
        n = 2
        while cluster_id in used:
            cluster_id = f"NIL:{slug}-{n}"
            n += 1
        used.add(cluster_id)
        cluster_of[root] = (cluster_id, best, etype)
    out = []
    for mention in mentions:
        if mention.entity_id is not None:
            out.append(mention)
            continue
        cluster_id, best, etype = cluster_of[representative[mention.normalized]]
        out.append(replace(mention, cluster_id=cluster_id, canonical=best, type=etype))
    return out
