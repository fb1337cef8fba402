"""OpenSanctions' nomenklatura logic-v2 matcher on a name-resolution set: the peer of issue 2.

Runs in the peer's own environment, not canonym's (nomenklatura pulls rigour and PyICU, which
builds from source, and pins its own tools)::

    python -m venv /tmp/peer && /tmp/peer/bin/pip install nomenklatura rapidfuzz unidecode
    python benchmarks/sanctions_proxy.py --peer-python /tmp/peer/bin/python

Reads ``{"g": [[id, name], ...], "q": [[name, ...], ...]}`` (JSON) on stdin and writes
``{"best": [[score, id or null], ...], "seconds": s}``: for each query the best-scoring
gazetteer row and its score. Each query is compared with at most 30 rows, the 15 nearest by
rapidfuzz ``token_set_ratio`` and the 15 nearest by ``WRatio`` of the unidecoded lowercase
names, as a search index would block them for the matcher (yente uses Elasticsearch);
``seconds`` times the blocking and the comparisons, not the start-up. Every entity is a
FollowTheMoney Person with one name and a unique id (the matcher caches by id).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from followthemoney import model
from nomenklatura.matching import LogicV2
from rapidfuzz import fuzz, process
from unidecode import unidecode

BLOCK = 15


def person(name: str, entity_id: str) -> Any:
    """A FollowTheMoney Person with one name."""
    entity = model.make_entity("Person")
    entity.id = entity_id
    entity.add("name", name)
    return entity


def main() -> int:
    data = json.load(sys.stdin)
    rows = [(ref, person(name, f"g{k}")) for k, (ref, name) in enumerate(data["g"])]
    folded = [unidecode(name).lower() for _, name in data["g"]]
    config = LogicV2.default_config()
    best: list[tuple[float, str | None]] = []
    start = time.perf_counter()
    for k, (name, *_) in enumerate(data["q"]):
        query = unidecode(name).lower()
        block = {i for _, _, i in process.extract(query, folded, scorer=fuzz.token_set_ratio, limit=BLOCK)}
        block |= {i for _, _, i in process.extract(query, folded, scorer=fuzz.WRatio, limit=BLOCK)}
        entity = person(name, f"q{k}")
        top: tuple[float, str | None] = (0.0, None)
        for i in sorted(block):
            score = LogicV2.compare(entity, rows[i][1], config).score
            if score > top[0]:
                top = (score, rows[i][0])
        best.append(top)
    json.dump({"best": best, "seconds": time.perf_counter() - start}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
