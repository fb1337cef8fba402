"""The lookup index of a gazetteer: every alias normalized once, at build time.

Tiers read it cheapest first: ``exact`` (the alias as written), ``folded`` (after
:func:`canonym.fold`), ``keyed`` (after :func:`canonym.name_key`), and the token postings
that block candidates for fuzzy scoring (by part key and by part skeleton). ``partial``
maps a person's surname, nisba or kunya to every person who bears it, so that a partial
name can be told apart from an identifying one.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from canonym.gazetteer.model import Entity
from canonym.normalize import fold, parse_name, part_keys, token_skeleton
from canonym.normalize.names import uninvert

CONNECTORS = frozenset({"abu", "umm", "bin", "bint", "ould", "ag"})


def exact_form(name: str) -> str:
    """The form compared by the exact tier: NFC with runs of whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def folded_form(name: str) -> str:
    """The form compared by the alias tier: folded, list order undone."""
    return fold(uninvert(name)[0])


def partial_keys(tokens: tuple[str, ...]) -> list[str]:
    """Keys under which a person's name is known partially: surname, 'bin X', kunya."""
    significant = [t for t in tokens if t not in CONNECTORS]
    keys: list[str] = []
    if len(significant) >= 2:
        keys.append(tokens[-1])
        if len(tokens) >= 2 and tokens[-2] in ("bin", "bint", "ould", "ag"):
            keys.append(f"{tokens[-2]} {tokens[-1]}")
    if len(tokens) >= 3 and tokens[0] in ("abu", "umm"):
        keys.append(f"{tokens[0]} {tokens[1]}")
    return keys


@dataclass(slots=True)
class AliasIndex:
    """Normalized aliases of a list of entities and the maps that find them."""

    entities: list[Entity]
    alias_text: list[str]
    alias_entity: list[int]
    alias_strong: list[bool]
    alias_keys: list[tuple[str, ...]]
    alias_joined: list[str]
    alias_skeletons: list[tuple[str, ...]]
    exact: dict[str, list[int]]
    folded: dict[str, list[int]]
    keyed: dict[str, list[int]]
    by_token: dict[str, list[int]]
    by_skeleton: dict[str, list[int]]
    partial: dict[str, list[int]]
    by_id: dict[str, int]

    @classmethod
    def build(cls, entities: list[Entity]) -> AliasIndex:
        """Normalize every alias of ``entities`` and fill the maps."""
        index = cls(list(entities), [], [], [], [], [], [], {}, {}, {}, {}, {}, {}, {})
        exact: defaultdict[str, list[int]] = defaultdict(list)
        folded: defaultdict[str, list[int]] = defaultdict(list)
        keyed: defaultdict[str, list[int]] = defaultdict(list)
        by_token: defaultdict[str, list[int]] = defaultdict(list)
        by_skeleton: defaultdict[str, list[int]] = defaultdict(list)
        partial: defaultdict[str, set[int]] = defaultdict(set)
        for entity_index, entity in enumerate(entities):
            index.by_id[entity.id] = entity_index
            person = entity.type == "PER"
            for text, strong in entity.names():
                parts = parse_name(text, person=person)
                tokens = parts.tokens
                if not tokens:
                    continue
                keys = part_keys(parts)
                skeletons = tuple(token_skeleton(t) for t in tokens)
                alias_id = len(index.alias_text)
                index.alias_text.append(text)
                index.alias_entity.append(entity_index)
                index.alias_strong.append(strong)
                index.alias_keys.append(keys)
                index.alias_joined.append(" ".join(keys))
                index.alias_skeletons.append(skeletons)
                exact[exact_form(text)].append(alias_id)
                folded[folded_form(text)].append(alias_id)
                keyed[" ".join(keys)].append(alias_id)
                for key in set(keys):
                    if key not in CONNECTORS:
                        by_token[key].append(alias_id)
                for skeleton in set(skeletons):
                    if skeleton:
                        by_skeleton[skeleton].append(alias_id)
                if person and strong:
                    for key in partial_keys(keys):
                        partial[key].add(entity_index)
        index.exact = dict(exact)
        index.folded = dict(folded)
        index.keyed = dict(keyed)
        index.by_token = dict(by_token)
        index.by_skeleton = dict(by_skeleton)
        index.partial = {k: sorted(v) for k, v in partial.items()}
        return index

    def __len__(self) -> int:
        return len(self.alias_text)
