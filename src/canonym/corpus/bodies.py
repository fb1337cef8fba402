"""Unknown bodies named by ordinary words alone, kept apart by the country of their document.

"Ministry of Interior", "State Security Service", "Council of Ministers": every country has
one, and a story names its own without saying whose. Clustered by name across a run, the
Saudi ministry of one document and the Iraqi ministry of another would be one. Such a name's
normalized key is given the country its document is about (the country its linked places
are in most often), so that NIL clustering keeps one body per country; a name that says its
country by a name of its own is clustered by name as before. A body whose state the text
names after it ("of the Republic of Azerbaijan"), by a possessive before it ("Syria's") or by
its adjective ("Syrian Interior Ministry", "Afghan Ministry of Defence") is given that state's
country instead.
"""

from __future__ import annotations

import re
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
#: What stands between a state's name and its possessive's noun: "Syria's Ministry".
POSSESSIVE_GAPS = ("'s ", "’s ")
#: How far up ``part_of`` a place is followed to its country.
_MAX_DEPTH = 6
#: The adjectives of states that no ending makes of their names (folded).
_IRREGULAR_DEMONYMS = {
    "saudi": "Saudi Arabia", "lebanese": "Lebanon", "turkish": "Turkey", "emirati": "United Arab Emirates",
    "british": "United Kingdom", "french": "France", "german": "Germany", "chinese": "China",
    "american": "United States", "filipino": "Philippines", "dutch": "Netherlands", "spanish": "Spain",
    "greek": "Greece", "swiss": "Switzerland", "swedish": "Sweden", "danish": "Denmark", "polish": "Poland",
    "burmese": "Myanmar", "thai": "Thailand", "burkinabe": "Burkina Faso", "ivorian": "Ivory Coast",
}
#: A demonym's endings, longest first, and what may end the state's name in their place:
#: Syrian of Syria, Indian of India, Mexican of Mexico, Palestinian of Palestine, Iraqi of Iraq,
#: Sudanese of Sudan, Afghan of Afghanistan.
_DEMONYM_ENDINGS = (("ian", ("ia", "", "e", "a")), ("an", ("a", "", "o", "istan")), ("ese", ("",)), ("i", ("", "ia", "a")), ("", ("istan", "stan")))


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
    scoped = {key: _scoped(key, country) for key in keys if " @" not in key}
    return [m._replace(normalized=scoped[m.normalized]) if m.entity_id is None and m.normalized in scoped else m for m in mentions]


def scope_bodies_of_named_states(
    text: str,
    mentions: list[Mention],
    country_of: Callable[[str], str | None],
    place_of: Callable[[str], str | None],
    key_of: Callable[[str], str],
) -> list[Mention]:
    """One document's (or window's) mentions with the keys of the unknown generic bodies
    whose state the text names given that state: "the Ministry of Defense of the Republic of
    Azerbaijan" and "Azerbaijan's Ministry of Defense" are Azerbaijan's, keyed as the
    "Ministry of Defense" of an Azerbaijani story is (see :func:`scope_generic_bodies`), and
    "Syria's Ministry of Interior" is Syria's whatever country the story is about.

    ``place_of`` gives a place's id by its name (None for no known place), ``key_of`` a
    name's normalized key."""
    stated: dict[int, str] = {}
    first: dict[str, str] = {}
    for i, mention in enumerate(mentions):
        if mention.entity_id is None and mention.type == "ORG":
            found = _stated_state(text, mentions[i - 1] if i else None, mentions[i + 1] if i + 1 < len(mentions) else None, mention, country_of, place_of)
            if found is not None:
                stated[i] = _scoped(key_of(found[0]), found[1])
                first.setdefault(mention.normalized, stated[i])
    if not stated:
        return mentions
    # The acronym and the short forms the document gave the body's key keep sharing it, with
    # the state the text last named for it: "Egypt's Foreign Ministry ... Qatar's Foreign
    # Ministry ... the Foreign Ministry said" is Qatar's the second time and after.
    current = dict(first)
    out = []
    for i, m in enumerate(mentions):
        if m.entity_id is None and m.normalized in current:
            if i in stated:
                current[m.normalized] = stated[i]
            m = m._replace(normalized=current[m.normalized])
        out.append(m)
    return out


#: A state's long form before its name: "the Republic of", "the Islamic Republic of".
_STATE_FORM = re.compile(r"(?:the )?(?:(?:Islamic|Federal|Democratic|People's|People’s|Arab|Syrian Arab|Hashemite|United|Plurinational|Bolivarian) )*(?:Republic|Kingdom|State|Sultanate|Emirate|Federation) of (?:the )?")


def _stated_state(
    text: str,
    before: Mention | None,
    after: Mention | None,
    mention: Mention,
    country_of: Callable[[str], str | None],
    place_of: Callable[[str], str | None],
) -> tuple[str, str] | None:
    """A generic body's name and the country the text names it by, after its name ("of the
    Republic of Azerbaijan"), in a possessive before it ("Syria's"), by the adjective that
    opens it ("Syrian") or by the place it is in ("in Doha"); None for none of them."""
    surface = mention.surface
    adjective, _, body = surface.partition(" ")
    if body and adjective[1:].islower() and is_generic_body(body):
        country = demonym_country(adjective, country_of, place_of)
        if country is not None:
            return body, country
    if (
        before is not None
        and before.entity_id is not None
        and before.type == "LOC"
        and text[before.end : mention.start] in POSSESSIVE_GAPS
        and country_of(before.entity_id) == before.entity_id
        and is_generic_body(surface)
    ):
        return surface, before.entity_id
    at = surface.find(" of ")
    while at != -1:
        body, state = surface[:at], surface[at + 4 :]
        if is_generic_body(body):
            form = _STATE_FORM.match(state)
            named = place_of(state) or (place_of(state[form.end() :]) if form else None)
            if named is not None and country_of(named) == named:
                return body, named
        at = surface.find(" of ", at + 4)
    if (
        after is not None
        and after.entity_id is not None
        and after.type == "LOC"
        and text[mention.end : after.start] == " in "
        and is_generic_body(surface)
    ):
        # "the Foreign Ministry in Doha": a body by the city it sits in, its state's.
        country = country_of(after.entity_id)
        if country is not None:
            return surface, country
    return None


def demonym_country(word: str, country_of: Callable[[str], str | None], place_of: Callable[[str], str | None]) -> str | None:
    """The country whose adjective ``word`` is ("Syrian", "Iraqi", "Afghan", "Saudi"), by the
    names its endings may stand for that ``place_of`` knows as a country's; None for none."""
    folded = fold(word)
    irregular = _IRREGULAR_DEMONYMS.get(folded)
    candidates = [irregular] if irregular is not None else []
    for ending, replacements in _DEMONYM_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            candidates.extend(stem + replacement for replacement in replacements)
    for name in candidates:
        place = place_of(name)
        if place is not None and country_of(place) == place:
            return place
    return None


def _scoped(key: str, country: str) -> str:
    """A generic body's key in one country: its words in one order, without the links."""
    return f"{' '.join(sorted(set(key.split()) - _LINK_KEYS))} @{country}"


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
