"""Unknown bodies named by ordinary words alone, kept apart by the country of their document.

"Ministry of Interior", "State Security Service", "Council of Ministers": every country has
one, and a story names its own without saying whose. Clustered by name across a run, the
Saudi ministry of one document and the Iraqi ministry of another would be one. Such a name's
normalized key is given the country its document is about (the country its linked places
are in most often), so that NIL clustering keeps one body per country; a name that says its
country ("Saudi Ministry of Interior") is clustered by name as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from canonym.corpus.finder import OFFICE_LINKS, OFFICE_WORDS
from canonym.corpus.mentions import Mention
from canonym.gazetteer.model import EntityTable
from canonym.normalize import fold, token_key

#: The nouns that head a body's name ("Ministry", "Service", "Council").
_BODY_HEADS = frozenset(
    ["ministry", "ministries", "department", "directorate", "service", "services", "council", "agency", "command", "forces", "force", "office", "bureau", "authority", "commission", "committee", "court", "prosecution", "army", "navy", "guard", "police", "unit", "cabinet", "presidency", "secretariat", "house", "policia"]
)
#: Words of such names besides the heads and the office words ("Council of Ministers").
_OTHER_WORDS = frozenset(["ministers", "prosecutor", "prosecutors", "armed", "air", "special", "federal", "central", "internal", "external", "supreme", "high", "counter", "anti", "protection", "emergency", "border", "investigation", "investigations", "criminal", "affairs", "commons", "representatives", "nacional"])
_LINK_KEYS = frozenset(map(token_key, OFFICE_LINKS))
#: How far up ``part_of`` a place is followed to its country.
_MAX_DEPTH = 6


def is_generic_body(surface: str) -> bool:
    """Whether an organisation's name is ordinary words of government alone, a head noun
    among them: "Ministry of Interior", "General Security Service"; not "Saudi Ministry of
    Interior", nor "Security" alone."""
    words = fold(surface).split()
    return (
        len(words) >= 2
        and any(w in _BODY_HEADS for w in words)
        and all(w in _BODY_HEADS or w in OFFICE_WORDS or w in OFFICE_LINKS or w in _OTHER_WORDS for w in words)
    )


def document_country(mentions: list[Mention], country_of: Callable[[str], str | None]) -> str | None:
    """The country a document's linked places are in most often (the first named of those
    as often); None when it links none."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.type == "LOC" and mention.entity_id is not None:
            country = country_of(mention.entity_id)
            if country is not None:
                counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


def scope_generic_bodies(mentions: list[Mention], country_of: Callable[[str], str | None]) -> list[Mention]:
    """One document's mentions with the keys of its unknown generic bodies given its country,
    their words in one order ("Interior Ministry" and "Ministry of Interior": "intirir
    ministri @saudi-arabia"), so that they cluster with the same body of the same country
    only. The acronyms and short forms the document gave a body's key keep sharing it."""
    keys = {m.normalized for m in mentions if m.entity_id is None and m.type == "ORG" and is_generic_body(m.surface)}
    if not keys:
        return mentions
    country = document_country(mentions, country_of)
    if country is None:
        return mentions
    scoped = {key: f"{' '.join(sorted(set(key.split()) - _LINK_KEYS))} @{country}" for key in keys}
    return [m._replace(normalized=scoped[m.normalized]) if m.entity_id is None and m.normalized in scoped else m for m in mentions]


def countries_of(entities: EntityTable, position: Mapping[str, int]) -> Callable[[str], str | None]:
    """The country of a place by its id (``position``: the index's ``by_id``), following
    ``part_of`` (memoized); None for a place in no country the gazetteer knows, or a place
    above countries."""
    ids, kinds, part_of = entities.ids, entities.kinds, entities.part_of
    found: dict[str, str | None] = {}

    def country_of(entity_id: str) -> str | None:
        if entity_id in found:
            return found[entity_id]
        country = None
        current: str | None = entity_id
        for _ in range(_MAX_DEPTH):
            i = position.get(current) if current is not None else None
            if i is None:
                break
            if kinds[i] == "country":
                country = ids[i]
                break
            current = part_of[i]
        found[entity_id] = country
        return country

    return country_of
