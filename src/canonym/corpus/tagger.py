"""Tagging documents: find names, resolve them, settle partial names, cluster the unknown.

The flow for each document is text -> :class:`~canonym.corpus.finder.NameFinder` spans ->
:class:`~canonym.Resolver` decisions -> in-document coreference
(:mod:`canonym.corpus.coref`). Across documents, names the gazetteer does not know are
clustered (:mod:`canonym.corpus.nil`) so that each unknown entity gets one ``NIL:`` id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, islice, pairwise
from operator import itemgetter, le
from typing import TYPE_CHECKING, NamedTuple

from canonym.corpus.bodies import countries_of, scope_bodies_of_named_states, scope_generic_bodies
from canonym.corpus.context import (
    ARTICLES,
    has_word_ending,
    is_common_form,
    is_descriptive_phrase,
    is_reference_code,
    level_word_after,
    opens_sentence,
    place_level,
    proper_part,
    used_lowercase,
)
from canonym.corpus.coref import (
    COREF_FACTOR,
    LINKING_WORDS,
    STATE_BODIES,
    SURE_SCORE,
    containers,
    initials,
    initials_spell,
    mixed_case_acronym_shape,
    resolve_acronyms,
    resolve_acronyms_of_the_named,
    resolve_aliases,
    resolve_bodies_of_named_states,
    resolve_by_container_after,
    resolve_by_context,
    resolve_known_acronyms_named,
    resolve_kunyas_in_parentheses,
    resolve_name_fields,
    resolve_names_after_group_openers,
    resolve_numbered_units,
    resolve_opening_words,
    resolve_partials,
    resolve_translations,
    resolve_unqualified_bodies,
    spelt_by_words,
    unlink_foreign_bodies,
    without_elided_article,
)
from canonym.corpus.finder import (
    LINK_HEADS,
    OF_A_STATE,
    SHOUTED_LINKS,
    NameFinder,
    Span,
    bounded,
    common_words,
    english_given_names,
    names_groups_province,
    not_names,
    sentence_start_words,
    without_part_numbers,
)
from canonym.corpus.mentions import Mention, mentions_frame
from canonym.corpus.nil import cluster_unknown, unknown_name_key
from canonym.corpus.turkish import without_case_endings
from canonym.corpus.typing import (
    COMPASS_WORDS,
    GROUP_ADJECTIVES,
    GROUP_OPENERS,
    KUNYA_WORDS,
    LANDFORM_WORDS,
    LOC_WORDS,
    ORG_WORDS,
    PLACE_PREFIXES,
    ROMANCE_ORG_HEADS,
    ROUTE_NOUNS,
    group_noun_after,
    group_noun_before,
    is_region_name,
    outlet_noun_after,
    place_noun_after,
    place_noun_before,
    place_preposition_before,
    type_by_context,
    type_by_words,
)
from canonym.corpus.windows import WINDOW_CHARACTERS, windows
from canonym.gazetteer.cache import paused_gc
from canonym.gazetteer.index import alias_ids
from canonym.normalize import fold, name_key, parse_name, token_key
from canonym.normalize.names import is_common_given_name, name_tables
from canonym.normalize.translit import is_arabic_script
from canonym.resolver import Match, Resolver

if TYPE_CHECKING:
    import polars as pl

    from canonym.gazetteer.model import Entity

#: A known place written as an owner right before a name: "Lebanon's Health Ministry".
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s \Z")
#: Below this score a link was made through a weak alias (see resolver.WEAK_FACTOR).
WEAK_SCORE = 0.9
#: Score given to a name the gazetteer does not know.
NIL_SCORE = 0.5
#: Score of a name that a title before it makes one entity's alias ("King Salman").
TITLED_ALIAS_SCORE = 0.95
#: Score of a name that a title before it makes the alias of one of its bearers ("General Zia").
WEAK_TITLED_ALIAS_SCORE = 0.85
#: The letters of a UN sanctions list reference ("QDi.006", "TAe.010", "IRi.001").
_LIST_REFERENCE_PREFIX = re.compile(r"[A-Z]{2}[ie]")
#: The methods of the resolver's exact, alias and key tiers (a Resolver with fuzzy=False).
_SURE_METHODS = frozenset(["exact", "alias", "key"])
#: What marks a line of a list rather than a headline: a semicolon, a parenthesis, or a
#: number stuck to a letter or a stop ("QDi.006", "1: ABDUL"); not a year or a count.
_LIST_ENTRY = re.compile(r"[;()]|\d[.:]|[.:]\d|[A-Za-z]\d|\d[A-Za-z]")
#: Organisation words that end a longer name around a place ("Oman News Agency"); not the
#: words of a programme inside a think tank ("Iran Program").
_NAME_HEADS = ORG_WORDS - {"program", "programme", "project", "initiative", "report", "capital", "partners"}
#: The districts and circuits of courts, named before "of" and the state: "Eastern District of Virginia".
_COURT_DISTRICTS = frozenset(["district", "circuit"])
#: Nouns of institutions and outlets that make a name of ordinary words before them ("Gulf
#: Policy Forum", "South Arabia Monitor", "Central Reserve Police Force"); not "Watch",
#: which ends capitalised descriptions as often.
_INSTITUTIONS = frozenset(
    ["institute", "cell", "unit", "foundation", "press", "news", "force", "forces", "corps", "airlines", "airways", "railways", "headquarters", "university", "college", "school", "agency", "forum", "fund", "monitor", "review", "bulletin", "wire", "centre", "center", "bank", "exchange", "corporation", "company", "apparatus", "intelligence", "current", "observatory", "journal", "gazette", "tribune", "herald", "ledger", "command", "directorate", "administration", "council", "coalition", "movement", "party", "alliance", "union", "league", "committee", "committees", "commission", "assembly", "authority", "bureau", "board", "office", "ministry", "department", "service", "organisation", "organization", "front", "brigade", "brigades", "battalion", "army", "police", "rangers", "constabulary", "levies", "court", "tribunal", "ltd", "llc", "inc", "limited", "fze", "fzco", "sal", "gmbh", "plc"]
)
def _surname_as_written(match: Match, word: str) -> bool:
    """Whether a match is a known person's whose name ends with ``word`` (folded) as written."""
    return match.entity is not None and match.entity.type == "PER" and fold(match.alias).endswith(f" {word}")


#: The plural nouns of the members of a group named "... of" its cause ("Men of Dignity",
#: "Soldiers of the Caliphate", "Guardians of Religion").
_MEMBERS_OF = frozenset(["men", "sons", "soldiers", "guardians", "supporters", "partisans", "companions", "helpers", "knights", "lions", "martyrs", "followers", "defenders", "protectors", "brothers", "warriors", "youth", "army"])
#: Titles of reigning monarchs.
_MONARCHS = frozenset(["king", "queen", "emir", "amir", "sultan", "shah"])
#: Head nouns of the names of movements, parties and armed groups.
_MOVEMENT_HEADS = frozenset(["movement", "front", "party", "alliance", "coalition", "union", "league", "congress", "forces", "army", "organisation", "organization"])
#: Nouns of buildings and sites that make a name of ordinary words before them ("Palace
#: Hotel", "Combined Military Hospital", "Crocus City Hall", "Grand Trunk Road").
_SITES = frozenset(
    ["hotel", "hospital", "airport", "airbase", "prison", "stadium", "hall", "embassy", "consulate", "mosque", "church", "bridge", "refinery", "dam", "palace",
     "road", "highway", "motorway", "expressway", "avenue", "street", "square"]
)
#: Features of the land and sea named after a place before them ("Manila Bay", "Sulu Sea").
#: Not rivers and valleys, nor levels of government: their lowercase words say which of
#: two places of one name is meant (see ``context.place_level``).
_FEATURES = frozenset(
    ["sea", "bay", "gulf", "strait", "straits", "lake", "mountains", "mountain", "hills", "plain", "plains", "desert", "island", "islands", "peninsula", "coast", "basin", "delta", "forest", "ocean", "archipelago", "highlands"]
)
#: Words after a town's or river's name that name another place around it, capitalised as
#: part of that place's name ("Qatif Governorate", "Moscow Oblast", "Jordan Valley", "Erbil
#: Air Base"): one place of its own, not the town (a lowercase "Idlib province" is the
#: town's name and a level word, see ``context.place_level``).
_PLACES_AROUND = frozenset(
    ["governorate", "province", "region", "district", "municipality", "oblast", "prefecture", "county", "subdistrict", "valley", "triangle", "air base"]
)
_TOWNS_AND_RIVERS = frozenset(["city", "town", "village", "river"])
_PARTS = re.compile(r"[\s\-\u2010\u2011]+")  # words and hyphenated parts ("Kazemi-Nia")
#: Words before a person's name with a middle initial that ends a run ("Brian E. Nelson").
_BEFORE_INITIALLED_NAME = re.compile(r"(?:\S+ )+?(?=[A-Z][a-z]+ [A-Z]\. [A-Z][\w'’-]+$)")
#: Roles a person holds in a body, written before "of" and its name.
_ROLE_NOUNS = frozenset(
    ["manager", "director", "owner", "founder", "cofounder", "chairman", "chairwoman", "member", "employee", "shareholder", "partner", "executive", "accountant", "representative", "agent"]
)
_NOUN_OF = re.compile(r"([A-Z][a-z]+) of (?:the )?")
_OF = re.compile(r" (?:of|for|de|des|du|de la|pour) ")
#: What joins a state body's name to its state's, and that to a region's, in its formal name.
_STATE_JOINT = re.compile(r" (?:of the|for the|of) \Z")
#: Where a state body's name ends and its state's begins.
_STATE_OF = re.compile(r" of (?:the )?")
#: The kinds of organisation that belong to a state and take its name after "of": the state
#: bodies a country's possessive is checked against, and its courts, central bank and commands.
_STATE_BODY_KINDS = STATE_BODIES | {"court", "central-bank", "military-command"}
_MEDIA = frozenset(["radio", "tv", "télé", "tele", "television"])
#: A name in official East Asian order: the surname in capitals, then the given name.
_SURNAME_FIRST = re.compile(r"([A-ZĀĒĪŌŪ][A-ZĀĒĪŌŪ'’]+) ([A-ZĀĒĪŌŪ][a-zāēīōū'’]+)")
_VOWELS = re.compile(r"[AEIOUĀĒĪŌŪ].*[AEIOUĀĒĪŌŪ]")  # a surname has two vowels, no acronym ("JTF Orion")
#: A UN sanctions list's reference number: the regime's letters, i or e, a dot and digits.
_UN_REFERENCE = re.compile(r"[A-Z]{2}[ie]\.\d{3}\b")
#: The Tuareg and Moorish "son of" inside a person's name ("Iyad Ag Ghaly", "Ould Slahi").
_PATRONYMICS = frozenset(["ag", "ould", "wuld"])
#: Heads after a person's name that name the person's own office or time, not a body named
#: after them ("Trump Administration", "Sharif Government").
_OFFICE_OF_PERSON = frozenset(["administration", "government", "cabinet", "campaign", "presidency", "era", "regime", "family"])
#: After an institution's head that opens a name, its "of" (or "de"), up to two words on in
#: the Romance languages' order ("Forces Armées de la République ...", "Forças Armadas de
#: Defesa de Moçambique").
_HEAD_THEN_OF = re.compile(r"(?: [A-ZÀ-Þ][\w'’-]*){0,2} (?:(?:of|for|de|des|du|de la|da|do|dos|das|pour|del|di|della|dei|degli) |d['’])")
#: The article, assimilated or not, as a word of its own just before a name ("Nour al-Sahel",
#: "Khurras ad-Din"; not "Israel-Gaza").
_ARTICLE = r"(?:[ae]l|[ae][dnrstz]|ash|u[dlnrstz])-"
_ARTICLE_BEFORE = re.compile(rf"(?<![\w'’]){_ARTICLE}\Z", re.IGNORECASE)
#: The article and a hyphen that open a name ("al-", "As-", "ash-").
_ARTICLE_OPENING = re.compile(_ARTICLE, re.IGNORECASE)
_NAME_PARTICLES = frozenset(["bin", "ibn", "bint", "abu", "abd", "al", "ould", "ag"])
#: "of" (and "the") inside a run, between a capitalised word and the next.
_OF_INSIDE = re.compile(r" of (?<=\w of )(?:the )?(?=[A-Z])")
_LIST_MARKER = re.compile(r"(?:[A-Z]|[IVX]{1,4})\.\s")
_CREDIT_LINE = re.compile(r"\s*(?:by|photo|photos|credit|image|reporting by|written by|edited by)\b", re.IGNORECASE)
#: A field of a sanctions list or register ("Name: ...", "Entity name: ...", "Also known as:
#: ...", "Address: ..."): its value is a name in capitals, not a headline's words.
_FIELD_LINE = re.compile(
    r"\s*(?:[\w.]+\s+){0,2}(?:names?|alias(?:es)?|known as|a\.?k\.?a\.?|address(?:es)?|entities|nationality|designation|title)"
    r"(?:\s*\([^)\n]{1,30}\))?:",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;\"“”|\n]\s*$|^\s*$")
_LINE = re.compile(r"[^\n]*")


@dataclass(slots=True)
class Decision:
    """A resolved span before coreference and clustering."""

    span: Span
    match: Match | None
    type: str
    partial: bool
    #: Kept only when coreference finds it an anchor (capitalised common words).
    anchor_only: bool = False
    #: For an unknown name taken by coreference: the key of its anchor.
    nil_key: str | None = None


class Tagger:
    """Tag documents with mentions of the gazetteer's entities and of unknown names.

    Args:
        resolver: the resolver to link names with (the built-in gazetteer by default).

    Example:
        >>> from canonym import Tagger
        >>> tagger = Tagger()
        >>> [m.entity_id for m in tagger.tag("Sayf al-Adl left Tehran.", "d1")]
        ['saif-al-adel', 'tehran']
    """

    def __init__(self, resolver: Resolver | None = None) -> None:
        self.resolver = resolver if resolver is not None else Resolver()
        self.finder = NameFinder(self.resolver.index)
        self._sure_resolver = Resolver(self.resolver.gazetteer, self.resolver.config, fuzzy=False)
        self._common = common_words()
        self._sentence_start_words = sentence_start_words()
        #: The last text asked about by _surnames_in, and its answer.
        self._surnames: tuple[str | None, frozenset[str]] = (None, frozenset())
        self._not_names = not_names()
        self._places = _place_keys(self.resolver)
        self._country_of = countries_of(self.resolver.index.entities, self.resolver.index.by_id)
        # Those of the gazetteer's people, and frequent English ones that no place bears ("Jordan").
        self._given_names = _given_names(self.resolver) | english_given_names().difference(self._places)
        tables = name_tables()
        self._titles = frozenset(" ".join(t) for t in tables.titles)
        # The small words inside names: Arabic articles and connectors, Romance and Germanic
        # particles, and "of" ("Death of Basavaraju" in a headline: see _names_in_headline_run).
        self._particles = tables.articles | tables.assimilated | frozenset(tables.connectors) | _NAME_PARTICLES | _EUROPEAN_PARTICLES
        self._surfaces: dict[str, _Surface] = {}
        self._whole: dict[str, bool] = {}
        self._keys: dict[str, str] = {}
        self._demonyms: dict[str, bool] = {}
        self._places_inside: dict[str, bool] = {}
        self._trimmable: dict[str, tuple[str | None, int]] = {}
        self._known_plans: dict[str, _Plan] = {}
        self._shape_plans: dict[str, _Plan] = {}
        self._tails: dict[str, tuple[Match | None, str, _Tail]] = {}
        self._leftovers: dict[str, list[tuple[int, int, str]]] = {}

    # -- public API -------------------------------------------------------------------

    def tag(self, text: str, doc_id: str = "doc") -> list[Mention]:
        """Mentions in one document, ordered by start (unknown names clustered in-document)."""
        return cluster_unknown(next(iter(self.iter_document_mentions([(doc_id, text)]))))

    def tag_documents(self, documents: Iterable[tuple[str, str]]) -> list[Mention]:
        """Mentions of many ``(doc_id, text)`` documents with NIL clusters shared across them."""
        mentions: list[Mention] = []
        # The collector stays paused over the whole run, clustering included (see
        # iter_document_mentions): its full collections walk the gazetteer's heap.
        with paused_gc():
            for found in self.iter_document_mentions(documents):
                mentions.extend(found)
            return cluster_unknown(mentions)

    def iter_document_mentions(
        self, documents: Iterable[tuple[str, str]], window: int = WINDOW_CHARACTERS
    ) -> Iterator[list[Mention]]:
        """Per-document mentions before cross-document NIL clustering (for streaming).

        A document longer than ``window`` characters is tagged window by window
        (:func:`~canonym.corpus.windows.windows`), so the work on it stays bounded.
        """
        pending: list[Mention] = []
        for chunk in _chunks(_windowed(documents, window)):
            done: list[list[Mention]] = []
            # Tagging a chunk makes hundreds of thousands of small acyclic objects: with the
            # collector running, its full collections walk the gazetteer's heap again and
            # again (a tenth of the time). It is paused for the chunk, never across a yield.
            with paused_gc():
                texts = [without_case_endings(text) for _, text, _, _ in chunk]
                known = self.finder.scan_many(texts)
                for (doc_id, text, offset, last), read, spans in zip(chunk, texts, known, strict=True):
                    found = self._tag_document(read, doc_id, spans)
                    if read is not text:
                        # Turkish case endings blanked out: no mention may hold one.
                        found = [m for m in found if text[m.start : m.end] == m.surface]
                    if offset:
                        found = [m._replace(start=m.start + offset, end=m.end + offset) for m in found]
                    pending.extend(found)
                    if last:
                        done.append(scope_generic_bodies(pending, self._country_of))
                        pending = []
            yield from done

    def tag_frame(self, df: pl.DataFrame, text: str = "text", id: str = "id") -> pl.DataFrame:
        """Tag a polars frame of documents; return the mention table."""
        rows = df.select(id, text).iter_rows()
        documents = ((str(doc_id), body or "") for doc_id, body in rows)
        return mentions_frame(self.tag_documents(documents))

    # -- one document -------------------------------------------------------------------

    def _tag_document(self, text: str, doc_id: str, known: list[Span]) -> list[Mention]:
        """Mentions of one document, given its gazetteer spans (:meth:`NameFinder.scan`)."""
        decide = self._decide
        spans = self._spans(text, known)
        decided = [decide(text, span) for span in spans]
        decisions = [d for d in decided if d is not None]
        if len(decisions) < len(decided):
            decisions = _acronyms_in_dropped(spans, decided, _names_again_in_dropped(spans, decided, _without_vessels(spans, decided, decisions)))
        decisions = _surnames_only_respelt(text, _places_respelt_as_persons(_speakers_named_as_places(text, decisions, self._country_of)))
        decisions = _foreign_places_only_respelt(decisions, self._country_of)
        if "titled " in text:
            decisions = _without_unknown_in_titles(text, decisions)
        if " (" in text:
            decisions = self._names_with_their_acronyms_inside(text, decisions)
            decisions = _named_before_acronyms(text, self._named_in_sentence_case(text, decisions), self._not_names)
            decisions = _longer_names_before_acronyms(text, decisions)
            decisions = resolve_kunyas_in_parentheses(text, resolve_known_acronyms_named(text, decisions))
        decisions = resolve_translations(text, decisions)
        decisions = self._provinces_by_coordination(text, self._listed_places_of_ambiguous_names(text, _places_by_coordination(text, decisions)))
        # Aliases again after the partial names: "Qasir, also known as Fadi" once Qasir has
        # taken the full name the document gave before.
        partials = resolve_numbered_units(resolve_unqualified_bodies(resolve_names_after_group_openers(resolve_opening_words(resolve_aliases(text, resolve_partials(resolve_aliases(text, resolve_name_fields(text, decisions))))))))
        gazetteer = self.resolver.gazetteer
        settled = resolve_acronyms_of_the_named(resolve_acronyms(text, unlink_foreign_bodies(resolve_by_context(text, resolve_bodies_of_named_states(text, resolve_by_container_after(text, partials, gazetteer), gazetteer, self._country_of), gazetteer, self._country_of), self._country_of)))
        mention = self._mention
        mentions = [mention(doc_id, d) for d in settled if not d.anchor_only]
        return scope_bodies_of_named_states(text, mentions, self._country_of, self._place_id, self._key)

    def _place_id(self, name: str) -> str | None:
        """The id of the place the gazetteer knows by this name or alias, else None."""
        match = self._surface(name).match
        if match is None or match.entity is None or match.entity.type != "LOC" or match.method not in ("exact", "alias"):
            return None
        return match.entity.id

    def _names_with_their_acronyms_inside(self, text: str, decisions: list[Decision]) -> list[Decision]:
        """One mention for a known name with its acronym in brackets before its last word, as
        the Turkish press writes parties: "Justice and Development (AK) Party" is the AKP,
        not "Justice", "Development", Alaska and "Party Omer Celik"."""
        for found in _ACRONYM_BEFORE_HEAD.finditer(text):
            before = _NAME_WORDS_BEFORE.search(text, max(0, found.start() - 80), found.start())
            if before is None:
                continue
            words = before.group().split(" ")
            for cut in range(len(words)):
                if words[cut][:1].islower():
                    continue
                match = self._surface(f"{' '.join(words[cut:])} {found.group(2)}").match
                if match is not None and match.entity is not None and match.method in ("exact", "alias") and match.score >= SURE_SCORE:
                    start, end = found.start() - len(" ".join(words[cut:])), found.end()
                    named = Decision(Span(start, end, text[start:end], True), match, match.entity.type, False)
                    kept = [d for d in decisions if d.span.end <= start or d.span.start >= end]
                    decisions = sorted([*kept, named], key=lambda d: d.span.start)
                    break
        return decisions

    def _named_in_sentence_case(self, text: str, decisions: list[Decision]) -> list[Decision]:
        """The decisions with the sentence-case names that acronyms define (see
        :func:`_sentence_case_names`) in place of the runs inside them ("Groupe", "Tchad")."""
        # Not a label that an acronym shortens ("Specially Designated Global Terrorist (SDGT)").
        names = [span for span in _sentence_case_names(text, self._common) if fold(span.surface) not in self._not_names]
        out = decisions
        for span in names:
            inside = [d for d in out if d.span.start < span.end and span.start < d.span.end]
            if any(d.span.start < span.start or d.span.end > span.end or (d.span.start == span.start and d.span.end == span.end) for d in inside):
                continue  # a name across its edge, or the same name found already
            match = self.resolver.resolve(span.surface)
            entity = match.entity if match is not None else None
            decision = Decision(span, match if entity else None, entity.type if entity else "ORG", False)
            out = sorted([d for d in out if d not in inside] + [decision], key=lambda d: d.span.start)
        return out

    def _spans(self, text: str, scanned: list[Span]) -> list[Span]:
        shapes, titles = self.finder.shapes(text, scanned)
        if "s " in text:
            shapes = _split_at_possessives(shapes, scanned, self._is_place, lambda s: self._is_place(s) or self._known_type(s) == "ORG")
        if "-" in text:
            shapes = _split_route_ends(text, shapes)
        if _names_head_of_and(text) or (" and " in text and (_COMPANY_AFTER_AND.search(text) or _BODY_AFTER_AND.search(text))):
            shapes = _institutions_joined(text, shapes)
        if ", " in text and " and " in text:
            known_at = {(s.start, s.end) for s in scanned}
            shapes = _serial_bodies_joined(text, shapes, known_at)
        if " and " in text:
            shapes = self._one_name_across_and(text, shapes)
        if " of " in text:
            title_ends = {end + 1 for _, end in titles}
            shapes = [piece for shape in shapes for piece in self._person_of_apart(text, shape, shape.start in title_ends)]
        if ". " in text:
            shapes = _without_heading_markers(text, shapes, self._names_an_entity)
        known = [s for s in scanned if not _inside_any(s, titles)] if titles else scanned
        if "d. " in text and (abbreviated := list(_ABBREVIATED_GIVEN_NAME.finditer(text))):
            shapes, known = _with_abbreviated_given_names(text, abbreviated, shapes, known)
        chosen: list[Span] = []
        k = 0
        count = len(known)
        for shape in shapes:
            start, end, surface, _, _ = shape
            while k < count and known[k].end <= start:
                chosen.append(known[k])
                k += 1
            if surface.endswith("s") and self._demonym_and_plural_noun(surface):
                continue  # "the American Embassies in Kenya and Tanzania": a description
            if k == count or known[k].start >= end:
                # No known name inside: the shape alone, as the general case below has it.
                alone = self._trimmed(shape, []) if self._may_trim(surface) and not _translation_in_parentheses(text, shape) else shape
                chosen.extend(self._names_in_headline_run(text, alone))
                continue
            if known[k].start <= start and known[k].end >= end:
                continue  # the commonest case: a known name covers the shape; emitted in order
            inside: list[Span] = []
            j = k
            while j < len(known) and known[j].start < shape.end:
                inside.append(known[j])
                j += 1
            if self._may_trim(surface) and not _translation_in_parentheses(text, shape):
                shape = self._trimmed(shape, inside)
            covering = [s for s in inside if s.start <= shape.start and s.end >= shape.end]
            if covering:
                continue  # the known span will be emitted in order
            if inside[-1].end < shape.end and shape.surface.rsplit(maxsplit=1)[-1].lower() in _LAW_HEADS:
                # "National Action Plan", "Prevention of Terrorism Act": a known name inside a
                # law's or plan's is part of its title (the whole is dropped: see _LAW_HEADS).
                chosen.append(shape)
                k = j
                continue
            if all(shape.start <= s.start and s.end <= shape.end for s in inside) and self._links_whole(shape, inside):
                chosen.append(Span(shape.start, shape.end, shape.surface, True))
                k = j
                continue
            if " fi " in shape.surface and all(shape.start <= s.start and s.end <= shape.end for s in inside):
                # "Tanzim al-Qaeda fi Jazirat al-Arab": the Arabic "in" joins a group's name
                # and its land into one name (English prose writes no "fi" between names).
                chosen.append(shape)
                k = j
                continue
            person = self._person_after_place(text, shape, inside)
            if person is not None:
                chosen.extend((inside[0], Span(person, shape.end, text[person : shape.end], False)))
                k = j
                continue
            if ", " in shape.surface and self._given_names_inside(shape, inside):
                # "AL-MUAYYADI, Ali Qasim Hassan": a name in list order (the finder's runs hold
                # no comma) is one person's, whatever its given names also spell (Qassim).
                chosen.append(shape)
                k = j
                continue
            headline = False
            if len(_PARTS.split(shape.surface)) >= 2:
                sure = any(self._is_sure_span(s) for s in inside)
                title = _is_title_case_segment(text, shape.start, shape.end) or self._is_shouted_heading(shape.surface)
                if title and self._is_byline(_line_around(text, shape.start)):
                    title = False  # a byline's names, in title case as names are
                elif title and not shape.surface.isupper() and _line_around(text, shape.start).strip() == shape.surface and all(self._names_people(s) for s in inside):
                    # A line that is one person's name alone, as a designation notice heads
                    # each entry ("Khalid Ahmad Hasan al-Juburi"): a name, not a headline.
                    title = False
                if (
                    not title and (not sure or self._is_one_name(text, shape, inside)) and not self._opening_word_before(text, shape, inside)
                ) or (title and self._state_body(text, shape, inside)):
                    # Only surnames or weak aliases inside ("Rojda Khalil"), or a longer name
                    # around a known one ("Oman News Agency", "TAMIM WARDAK"): the whole shape
                    # is one unknown name. Not in a headline, where every word is capitalised
                    # and an unknown run is no name ("GOITA TERM EXTENDED TO 2030": Goita),
                    # unless it is a body of a state by the state's formal name (a letterhead).
                    chosen.append(shape)
                    k = j
                    continue
                headline = title and not sure
            # Keep the known spans; the rest of the shape may hold names of its own.
            cursor = shape.start
            for s in inside:
                if s.start > cursor:
                    joined = self._joined_to_weak_span(text, cursor, s, headline)
                    if joined:
                        chosen.extend(joined)
                        cursor = s.end
                        continue
                    chosen.extend(self._leftover_names(text, cursor, s.start, headline))
                if headline and self._known_type(s) == "PER" and fold(s.surface) in self._common:
                    # "Iranian Oil Sales" in a headline is not Nathan Sales, nor is the word
                    # a name of its own ("HUNT FOR MUMIN" is not Jeremy Hunt).
                    cursor = max(cursor, s.end)
                    continue
                chosen.append(s)
                cursor = max(cursor, s.end)
            if cursor < shape.end:
                chosen.extend(self._leftover_names(text, cursor, shape.end, headline))
            k = j
        chosen.extend(known[k:])
        chosen = _in_order_without_overlaps(chosen)
        if " in " in text:
            chosen = self._bodies_in_places(text, chosen)
        if '" ' in text or "” " in text:
            chosen = _nicknames_joined(text, chosen)
        if ", " in text and _LEGAL_FORM_AFTER_COMMA.search(text):
            chosen = _with_legal_forms(text, chosen)
        if " of)" in text:
            chosen = _with_formal_names_after(text, chosen)
        if "Minister" in text:
            # "the Taliban Minister for Foreign Affairs": a minister's portfolio in common
            # words is part of the office, not the magazine "Foreign Affairs".
            chosen = [s for s in chosen if not (_PORTFOLIO_BEFORE.search(text, max(0, s.start - 22), s.start) and self._of_common_words(s.surface))]
        return chosen

    def _names_in_headline_run(self, text: str, shape: Span) -> list[Span]:
        """An unknown run of a headline without the words of the language in it, which a
        headline capitalises: "Superseding Indictment Charges Vikash Yadav" names Vikash
        Yadav, "Co-Conspirator Nikhil Gupta Was Extradited" Nikhil Gupta. A word is the
        language's when it is a common word (of four letters or more, or a function word:
        "Mat" of "Iskandar Mat Zin" is a name's) or the document writes it in lowercase too
        ("a superseding indictment"); a given name that is one ("Mark Carney") stays before
        a name, a particle ("Death of Basavaraju") inside one. A run with an organisation's
        or a place's word ("Militant Media Watch"), in capitals (a list's company), of the
        language's words alone ("North West") or in a byline is left as it is."""
        if " " not in shape.surface:
            return [shape]  # one word: no run to cut
        words = [(m.start(), m.group()) for m in _HEADLINE_WORD.finditer(shape.surface)]
        folded = [fold(word).split() for _, word in words]
        if not words or any(len(parts) == 1 and (parts[0] in ORG_WORDS or parts[0] in LOC_WORDS) for parts in folded):
            return [shape]
        common = self._common
        if not any(all(is_common_form(part, common) for part in parts) for parts in folded if parts):
            return [shape]  # most runs: no common word in them
        if shape.surface.isupper() or not _is_title_case_segment(text, shape.start, shape.end) or self._is_byline(_line_around(text, shape.start)):
            return [shape]
        kinds = [self._headline_word_kind(text, word, parts) for (_, word), parts in zip(words, folded, strict=True)]
        if _NAME_WORD not in kinds:
            return [shape]
        for i in range(len(kinds) - 1):
            if kinds[i] == _ORDINARY and kinds[i + 1] == _NAME_WORD and folded[i] and folded[i][0] in english_given_names():
                kinds[i] = _NAME_WORD  # "Mark Carney"
        pieces: list[Span] = []
        run: list[tuple[int, str, str]] = []
        for (at, word), kind in zip([*words, (0, "")], [*kinds, _ORDINARY], strict=True):
            if kind != _ORDINARY:
                run.append((shape.start + at, word, kind))
                continue
            while run and run[-1][2] == _PARTICLE:
                run.pop()
            while run and run[0][2] == _PARTICLE and fold(run[0][1]) == "of":
                run.pop(0)  # "Death of Basavaraju"; not the article of "El Mencho"
            if run:
                start, end = run[0][0], run[-1][0] + len(run[-1][1])
                pieces.append(Span(start, end, text[start:end], shape.gazetteer, shape.modifier))
            run = []
        return pieces

    def _of_common_words(self, surface: str) -> bool:
        """Whether a name's words are all common words ("Statement of Reasons")."""
        return all(is_common_form(word, self._common) for word in fold(surface).split())

    def _headline_word_kind(self, text: str, word: str, parts: list[str]) -> str:
        """Whether a word of a headline's run is a word of the language, a name's particle or
        a name's word (see :meth:`_names_in_headline_run`)."""
        if len(parts) == 1 and parts[0] in self._particles:
            return _PARTICLE
        if len(parts) > 1 and parts[0] in self._particles:
            return _NAME_WORD  # "al-Din", "ad-Dagestani"
        if "-" in word and word.lower() in text:
            return _ORDINARY  # "Co-Conspirator" of "Yadav's co-conspirator"
        pieces = [piece for piece in re.split(r"[-‐]", word) if piece]
        if pieces and all(self._is_ordinary_word(text, piece) for piece in pieces):
            return _ORDINARY
        return _NAME_WORD

    def _is_ordinary_word(self, text: str, word: str) -> bool:
        """Whether a headline's word is the language's (see :meth:`_names_in_headline_run`)."""
        folded = fold(word)
        return (is_common_form(folded, self._common) and (len(folded) >= 4 or folded in STOP_WORDS)) or used_lowercase(text, word)

    def _is_shouted_heading(self, surface: str) -> bool:
        """Whether a run in capitals is a heading's words, as its function words in capitals
        show after common words: "HUNT FOR MUMIN", "WAR IN SUDAN"; not "DAR AL-AMAN FOR MONEY
        EXCHANGE" or "MINISTRY OF INTERIOR", the names of a company and a body."""
        link = _SHOUTED_LINK.search(surface)
        if link is None or any(map(str.islower, surface)):
            return False
        before = fold(surface[: link.start()]).split()
        return all(w not in ORG_WORDS and w not in LOC_WORDS and w not in LINK_HEADS and is_common_form(w, self._common) for w in before)

    def _one_name_across_and(self, text: str, shapes: list[Span]) -> list[Span]:
        """The shapes with two runs either side of "and" joined when together they spell one
        strong alias of one entity by its key: "Sistan and Balouchestan" is the Iranian
        province, not Sistan and Pakistan's Balochistan (whose key "Balouchestan" meets)."""
        index = self.resolver.index
        out: list[Span] = []
        joined = False
        for i, shape in enumerate(shapes):
            if joined:
                joined = False
                continue
            following = shapes[i + 1] if i + 1 < len(shapes) else None
            if following is not None and following.start - shape.end == 5 and text.startswith(" and ", shape.end):
                found = alias_ids(index.keyed.get(name_key(text[shape.start : following.end]) or ""))
                if found and all(index.alias_strong[a] for a in found) and len({index.alias_entity[a] for a in found}) == 1:
                    out.append(Span(shape.start, following.end, text[shape.start : following.end], False))
                    joined = True
                    continue
            out.append(shape)
        return out

    def _trimmed(self, shape: Span, inside: list[Span]) -> Span:
        """The shape without a leading demonym or "Residents of" (the known spans ``inside``
        it may forbid either cut)."""
        return self._without_trailing_people(self._without_leading_noun(self._without_demonym(shape, inside), inside))

    def _without_trailing_people(self, shape: Span) -> Span:
        """The shape without a people's name after their place ("Karabakh Armenians", "a
        Karabakh Armenian" are the people of a place the document names)."""
        head = self._place_before_people(shape.surface)
        return shape if head is None else Span(shape.start, shape.start + len(head), head, shape.gazetteer, shape.modifier)

    def _place_before_people(self, surface: str) -> str | None:
        head, _, last = surface.rpartition(" ")
        if not head[-1:].isalpha() or not last[1:].islower() or fold(head) not in self._places or not _is_demonym(fold(last), self._places):
            return None
        return head

    def _without_demonym(self, shape: Span, inside: list[Span]) -> Span:
        """The shape without a leading demonym when the rest is a person's name.

        "the Egyptian Ayman al-Zaouahiri" names Ayman al-Zaouahiri (SPEC: adjectives are
        not part of a name); "Iraqi Intelligence and Security Forces" keeps its demonym.
        """
        rest = self._cuts(shape.surface)[0]
        if rest is None or (len(fold(rest).split()) < 2 and not inside):
            return shape
        start = shape.end - len(rest)
        for s in inside:
            match = self._surface(s.surface).match
            if s.start < start or (self._is_sure_span(s) and match is not None and match.entity is not None and match.entity.type != "PER"):
                return shape
        return Span(start, shape.end, rest, shape.gazetteer, shape.modifier)

    def _demonym_and_plural_noun(self, surface: str) -> bool:
        """Whether a surface is a demonym and the plural of a body's or site's word ("American
        Embassies", "Pakistani Consulates"): several of a kind, described, not one named."""
        words = surface.split()
        if len(words) != 2 or not self._is_demonym(words[0].lower()):
            return False
        plural = words[1].lower()
        singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
        return singular in _SITES or (singular in ORG_WORDS and plural not in ORG_WORDS)  # not "Iraqi Forces"

    def _without_leading_noun(self, shape: Span, inside: list[Span]) -> Span:
        """The shape without a plural common noun and "of" before a name ("Residents of Adan
        Yabaal", "Supporters of Muqtada al-Sadr")."""
        cut = self._cuts(shape.surface)[1]
        if cut == 0:
            return shape
        start = shape.start + cut
        if any(s.start < start for s in inside):
            return shape  # a known name begins with it ("Partisans of God")
        return Span(start, shape.end, shape.surface[cut:], shape.gazetteer, shape.modifier)

    def _may_trim(self, surface: str) -> bool:
        """Whether a shape of this surface may lose a leading demonym or "Residents of" (by
        its words alone): most shapes may not."""
        rest, noun_end = self._cuts(surface)
        return rest is not None or noun_end > 0 or self._place_before_people(surface) is not None

    def _cuts(self, surface: str) -> tuple[str | None, int]:
        """:meth:`_after_demonym` and :meth:`_leading_noun_end` of a surface (memoized: a
        shape that may be trimmed is met again and again)."""
        found = self._trimmable.get(surface)
        if found is None:
            found = bounded(self._trimmable)[surface] = (self._after_demonym(surface), self._leading_noun_end(surface))
        return found

    def _after_demonym(self, surface: str) -> str | None:
        """The words after a leading demonym that may be cut ("Egyptian Ayman al-Zawahiri"),
        or None; not before an organisation or place word ("Iraqi Security Forces")."""
        first, _, rest = surface.partition(" ")
        if not rest or not all(part[1:].islower() and self._is_demonym(part) for part in first.split("-")):
            return None  # demonyms are written "Egyptian", "Pakistani-American", not "EGYPTIAN" or "AL"
        if any(w in ORG_WORDS or w in LOC_WORDS for w in fold(rest).split()) or not rest[:1].isupper():
            return None  # nor before "of": "a Belgian of Moroccan descent"
        return rest

    def _leading_noun_end(self, surface: str) -> int:
        """The end of a leading label in capitals ("NGO "), of a plural common noun or a role and
        "of" ("Supporters of ", "Manager of "), or of common words before a person's name with a middle initial (the
        end of an office's name: "... for Terrorism and Financial Intelligence Brian E.
        Nelson"), or 0."""
        first, _, rest = surface.partition(" ")
        if rest and first.isupper() and "." not in first and fold(first) in self._not_names and not any(w in ORG_WORDS or w in LOC_WORDS for w in fold(rest).split()):
            return len(first) + 1  # a label in capitals: "NGO Acled", "SDGT Abu Bakr" (not "NGO Forum", nor initials: "J.R. Jayewardene")
        if self._participle_before_one_name(first, rest):
            return len(first) + 1
        initialled = _BEFORE_INITIALLED_NAME.match(surface)
        if initialled is not None and all(is_common_form(w, self._common) for w in fold(initialled.group()).split()):
            return initialled.end()
        found = _NOUN_OF.match(surface)
        if found is None:
            return 0
        word = fold(found.group(1))
        if word in _ROLE_NOUNS:
            return found.end()  # "Manager of Sahand Marine Services": a role, then the company
        if word in _MEN_OF:
            return found.end()  # "Gunmen of al-Sadr", "Tribesmen of the Dulaim"
        if not word.endswith("s") or word in ORG_WORDS or word in LOC_WORDS or not (is_common_form(word, self._common) or _is_demonym(word, self._places)):
            return 0  # not "Arms of Egypt"; but "Armenians of Karabakh" are the people of a place
        named = fold(surface[found.end() :]).split()
        if len(named) >= 2 and named[-1] in _NAME_HEADS:
            return 0  # "Arms of Egypt Movement": the plural opens a group's name (not "Members of Congress")
        return found.end()

    def _participle_before_one_name(self, first: str, rest: str) -> bool:
        """Whether a run of two words is an English -ing form, capitalised to open a sentence,
        and a name ("Having Rana in custody ...", "Using SunCalc, ..."): a name's own -ing
        word goes with a word of the language ("Monitoring Team", "Teaching Hospital")."""
        word = fold(first)
        return (
            word.endswith("ing")
            and len(word) >= 5
            and first[1:].islower()
            and rest[:1].isupper()
            and rest.isalpha()
            and word in self._sentence_start_words
            and word not in english_given_names()
            and not is_common_form(fold(rest), self._sentence_start_words)
        )

    def _person_of_apart(self, text: str, shape: Span, after_title: bool) -> list[Span]:
        """A run of a person's name, "of" and a place or body, cut in two: "Abdullah Maute of
        Butig", "Hassan Farah of Mogadishu" (a man and where he is from), "By John Smith of
        Reuters" (a reporter and his outlet). The name is two to four words, the first a
        given name or the run after a title ("Governor Hyacinth Alia of Benue"), none a word
        of the language (but in a byline, where "Smith" and "Young" are surnames): "Bank of
        Yemen", "Islamic State of Iraq", "Muslim Brotherhood of Egypt" stay whole."""
        found = _OF_INSIDE.search(shape.surface)
        if found is None:
            return [shape]
        head = shape.surface[: found.start()]
        if len(head) <= 8 and head.isalnum() and _is_acronym(head):
            # "the MPC of Mahamat Al-Khatim", "the FPRC of Noureddine Adam": an acronym is a
            # whole name; what "of" ties to it is its leader or its country.
            return self._apart_at(shape, found)
        titled = self._titled_person_after(shape, found)
        if titled is not None:
            return titled
        person = fold(head).split()
        if not 2 <= len(person) <= 4 or (person[0] not in self._given_names and not after_title):
            return [shape]
        if _BYLINE_OPENER.fullmatch(text[text.rfind("\n", 0, shape.start) + 1 : shape.start]):
            if any(word in LOC_WORDS or word in ORG_WORDS for word in person[1:]):
                return [shape]
        elif not all(map(self._may_be_name_part, person[1:])):
            return [shape]
        return self._apart_at(shape, found)

    def _titled_person_after(self, shape: Span, found: re.Match[str]) -> list[Span] | None:
        """A body's name, "of", a title and a person's name, cut into the body and the person:
        "the Afghanistan Freedom Front of General Yasin Zia". Not an office after "of" with
        words of the language after it ("Chief of General Staff")."""
        words = list(_RUN_WORD.finditer(shape.surface, found.end()))
        for length in (2, 1):
            if len(words) - length < 2 or len(words) - length > 4:
                continue
            name = [fold(w.group()) for w in words[length:]]
            if fold(" ".join(w.group() for w in words[:length])) in self._titles and all(w in self._given_names or self._may_be_name_part(w) for w in name):
                start = words[length].start()
                return [
                    Span(shape.start, shape.start + found.start(), shape.surface[: found.start()], False, shape.modifier),
                    Span(shape.start + start, shape.end, shape.surface[start:], False, shape.modifier),
                ]
        return None

    @staticmethod
    def _apart_at(shape: Span, found: re.Match[str]) -> list[Span]:
        """The run before and the run after an " of " found in a shape."""
        rest = shape.start + found.end()
        return [
            Span(shape.start, shape.start + found.start(), shape.surface[: found.start()], False, shape.modifier),
            Span(rest, shape.end, shape.surface[found.end() :], False, shape.modifier),
        ]

    def _opening_word_before(self, text: str, shape: Span, inside: list[Span]) -> bool:
        """Whether a run is a common word capitalised to open a sentence, then known names
        only ("Senior AQ members"): the word is no part of a name."""
        written = shape.surface.split(None, 1)[0]
        first_end = shape.start + len(written)
        return (
            bool(inside)
            and inside[0].start > shape.start
            and not text[first_end : inside[0].start].strip()
            and not ("-" in written and written.isupper())  # "PRO-BAR", an acronym
            and self._is_opening_word(first := fold(written))
            and first not in _NAME_PARTICLES  # "Abu Uthman al-Faransi", quoted
            and first not in self._given_names
            and opens_sentence(text, shape.start)
            and not text[inside[-1].end : shape.end].strip()
            and all(not text[a.end : b.start].strip() for a, b in pairwise(inside))
        )

    def _is_opening_word(self, folded: str) -> bool:
        """Whether a folded word is a word of the language that a sentence may open with
        before a name: a common one, a word of the field's descriptions ("Landlocked Mali"),
        one of the word tables' as written ("Impoverished Niger"; not an inflection: "Tamer"
        is no "tame") or a compound of such words ("War-torn Sudan")."""
        if folded in self._common or folded in self._not_names:
            return True
        parts = folded.split()
        return len(folded) >= 4 and all(part in self._sentence_start_words for part in parts) and parts[0] not in self._places

    def _named_after_father(self, text: str, shape: Span, inside: list[Span]) -> bool:
        """Whether a run is a given name and then a known person's full name: in Arab naming
        the son's ("Saddam Khalifa Haftar" is Khalifa Haftar's son, "Uday Saddam Hussein"
        Saddam's), not the father with a word before him."""
        father = inside[-1]
        if father.end != shape.end or " " not in father.surface or self._known_type(father) != "PER" or not self._is_sure_span(father):
            return False
        given = fold(text[shape.start : father.start]).split()
        if len(given) != 1 or given[0] in self._titles:
            return False
        if given[0] in self._given_names:
            return len(inside) == 1 or (len(inside) == 2 and inside[0].start == shape.start)
        # A given name the gazetteer knows as a person's ("Saddam"), or as no one's for sure.
        head = inside[0]
        return (
            len(inside) == 2
            and head.start == shape.start
            and " " not in head.surface
            and given[0] not in self._common
            and self._known_type(head) in (None, "PER")
        )

    def _person_after_place(self, text: str, shape: Span, inside: list[Span]) -> int | None:
        """Where a person's name starts in a run that is a place the gazetteer is sure of,
        then that name of two to four words opening with a given name ("the ambassador to
        Lebanon Ashraf Dabbour"); None for any other run."""
        head = inside[0]
        if head.start != shape.start or len(inside) > 2 or not self._is_place(head) or not self._is_sure_span(head):
            return None
        between = text[head.end : shape.end]
        person = between.lstrip()
        if not between[:1].isspace() or not person[:1].isupper():
            return None  # "Myawaddy-Mae Sot", "Aden al-Ghad"
        rest = fold(person).split()
        if (
            2 <= len(rest) <= 4
            and rest[0] in self._given_names
            and all(self._known_type(s) in (None, "PER") for s in inside[1:])
            and all(w not in ORG_WORDS and w not in LOC_WORDS and w not in self._places for w in rest)
        ):
            return shape.end - len(person)
        return None

    def _is_one_name(self, text: str, shape: Span, inside: list[Span]) -> bool:
        """Whether a capitalised run around known names is one longer name (outermost wins).

        Two shapes: a run with an organisation word of its own outside the known names
        ("Oman News Agency", "Islamic Centre Hamburg", "Central Bank of Yemen"), and a person's
        name that opens with a given name or kunya the gazetteer does not settle ("TAMIM
        WARDAK", "Abu Ali al-Tunisi"). Not asked on a headline in title case, where capitals
        mark every word (the caller has told it already).
        """
        if "," in shape.surface:
            # A sanctions-list "SURNAME, Given" run: one person's name when a place the
            # gazetteer knows is only a given name of it ("JAMA, Abdinasir Farah").
            comma = shape.start + shape.surface.index(",")
            if _INVERTED_NAME.fullmatch(shape.surface) is None:
                return False
            if all(s.start > comma and self._is_place(s) for s in inside):
                return True
            # A surname that is a place's name ("QANDIL, Yasin Mahmud"), when the given names
            # after the comma are no place nor word: not a dateline's "BAGHDAD, Iraq".
            given = fold(text[comma + 1 : shape.end]).split()
            return (
                len(inside) >= 1
                and inside[0].start < comma
                and self._is_place(inside[0])
                and all(s.start > comma and self._known_type(s) in (None, "PER") for s in inside[1:])
                and bool(given)
                and all(w not in self._places and w not in self._not_names and w not in LOC_WORDS and w not in ORG_WORDS for w in given)
            )
        if _SUFFIXED_ACRONYM.fullmatch(shape.surface) and f"({shape.surface})" in text:
            # "AAS-D", which the document defines: one branch's acronym, not "AAS" and a letter.
            return True
        owners = [s for s in inside if text.startswith(("'s", "’s"), s.end)]
        if owners:
            # "Iraq's Ministry of Migration": a possessor, then a description; but a group's
            # province is its name ("the Islamic State's West Africa Province").
            return names_groups_province(shape.surface, owner_is_place=any(map(self._is_place, owners)))
        if inside[0].start == shape.start and _ARTICLE_PART.fullmatch(text, inside[0].end, shape.end):
            # A name and a part after the article: one compound name ("Badr al-Din" is
            # Badreddine, not the Badr Organization and "al-Din").
            return True
        if self._known_type(inside[0]) == "PER" and is_arabic_script(shape.surface) and (
            inside[0].start == shape.start or text[max(0, inside[0].start - 4) : inside[0].start].endswith(("بن ", "ابن ", "بنت "))
        ):
            # A run of Arabic script is one name, written as the original of a Latin one:
            # "عبد الرحمن محمود الشرابي" is not the "عبد الرحمن" the gazetteer knows and two
            # more, and "حمزة بن أسامة بن لادن" is Osama bin Laden's son.
            return True
        if self._named_after_father(text, shape, inside):
            return True
        words = fold(shape.surface).split()
        if (
            len(inside) == 1
            and inside[0].start == shape.start
            and text[inside[0].end : inside[0].end + 1] == "-"
            and " " not in shape.surface
            and shape.surface.count("-") == 1  # not a route: "Tadmur-al-Sukhna"
            and self._place_kind(inside[0]) in _TOWNS_AND_RIVERS
        ):
            # "Stuttgart-Stammheim", "Hamburg-Harburg": a city and a district of it unknown
            # to the gazetteer, one place.
            return True
        if (
            len(inside) == 1
            and inside[0].end == shape.end
            and inside[0].start > shape.start
            and text[inside[0].start - 1] == "-"
            and " " not in text[shape.start : inside[0].start]
            and " " in inside[0].surface
            and self._known_type(inside[0]) == "ORG"
            and self._surface(text[shape.start : inside[0].start - 1]).match is None
        ):
            # "Kuki-Chin National Front": an unknown word hyphened onto a known group's name
            # of several words names another group, one of its own.
            return True
        if not _PATRONYMICS.isdisjoint(words[1:-1]) and all(
            self._known_type(s) != "ORG" and _PATRONYMICS.isdisjoint(fold(s.surface).split()) for s in inside
        ):
            # "Hamada Ag Hama", "Sanda Ould Bouamama": the Tuareg and Moorish "son of" joins
            # a person's name, whatever places its parts also name (Hama).
            return True
        sure = [s for s in inside if self._is_sure_span(s)]
        if (
            len(words) >= 2
            and words[-1] in _FEATURES
            and inside[0].start == shape.start
            and inside[0].end < shape.end
            and self._is_place(inside[0])
            and len(text[inside[0].end : shape.end].split()) == 1
            and all(s.start > inside[0].end for s in inside[1:])
        ):
            # "Manila Bay", "Celebes Sea": a place and a feature of the land or sea named
            # after it, one place of its own (whatever "Bay" alone names).
            return True
        if (
            len(inside) == 1
            and inside[0].end == shape.end
            and (words[0] in LANDFORM_WORDS or words[0] in PLACE_PREFIXES)
            and len(text[shape.start : inside[0].start].split()) == 1
            and self._is_place(inside[0])
        ):
            # "Wadi Derna", "Wadi Hadramawt", "Ras Baalbek": a valley, mountain or cape named
            # after a town or region, that the gazetteer does not know: a place of its own.
            return True
        if inside[0].start == shape.start and (around := " ".join(words[len(fold(inside[0].surface).split()) :])) in _PLACES_AROUND:
            kind = self._place_kind(inside[0])
            if kind in _TOWNS_AND_RIVERS or (kind == "country" and around == "valley"):
                # "Qatif Governorate", "Moscow Oblast", "Jordan Valley": the province or
                # valley around a town or river, which the gazetteer does not know (it
                # would have taken the whole run). Words after the town are the unit's.
                return True
        if (
            len(inside) == 2
            and inside[0].start == shape.start
            and inside[1].end == shape.end
            and text[inside[0].end : inside[1].start] == " "
            and self._is_place(inside[0])
            and self._known_type(inside[1]) == "ORG"
            and fold(inside[1].surface).split()[-1] in _INSTITUTIONS
            and all(w in self._common for w in fold(inside[1].surface).split() if len(w) > 1)
        ):
            # "Uganda People's Defence Forces": a country's own institution, named by the
            # ordinary words another's name is made of (the PKK's "People's Defence Forces").
            return True
        if len(words) == 2 and words[0] in COMPASS_WORDS and len(inside) == 1 and inside[0].end == shape.end and self._is_place(inside[0]):
            # "South Jakarta", "Central Sulawesi", "Northern Virginia": a part of a place with
            # a name of its own; but "Northern Syria" is a part of a country, described.
            match = self._surface(inside[0].surface).match
            country = match is not None and match.entity is not None and match.entity.kind == "country"
            return not (words[0].endswith("ern") and country)
        if self._state_body(text, shape, inside):
            return True
        if words[0] in KUNYA_WORDS and len(words) >= 2 and inside[0].start > shape.start:
            # "Ebu Talha el-Türki": a kunya opens a person's name, whatever the gazetteer
            # makes of its parts alone (Talha, Turkey).
            return True
        if words[0] in GROUP_OPENERS and len(words) >= 2 and inside[0].start > shape.start:
            # "Harakat Nur al-Din al-Zinki", "Katibat Ahrar Jabal al-Zawiya": an Arabic word
            # for a group opens its name, whatever people or places the rest also names.
            return True
        if _is_head_of(words) and all(s.start > shape.start and self._known_type(s) != "PER" for s in inside):
            # "Ministry of Foreign Affairs": an institution of a field, whatever else the
            # field's words name (a magazine, "Foreign Affairs").
            return True
        if (
            len(inside) == 1
            and inside[0].start == shape.start
            and self._known_type(inside[0]) == "ORG"
            and _is_head_of(fold(inside[0].surface).split())
            and words[-1].removesuffix("s") in _INSTITUTIONS
        ):
            # An institution "of" a field that a known one's name only begins: Nigeria's
            # "Department of State Services" is not the US "Department of State".
            return True
        if (
            len(words) >= 3
            and words[-1] in _MOVEMENT_HEADS
            and inside[-1].end < shape.end - len(words[-1])
            and any(self._known_type(s) == "ORG" and shape.start < s.start for s in sure)
        ):
            # "Amhara Fano National Movement": a known group's name inside a movement's,
            # between other words of it, is part of that name (not "Fano" and a movement).
            return True
        if all(self._is_place(s) for s in sure):
            # A place inside an organisation's name is part of it; an organisation followed
            # by an office word ("CENTCOM Media Desk") names a unit of that organisation.
            covered = [(s.start, s.end) for s in sure]
            position = shape.start
            previous = ""
            for word in shape.surface.split():
                start = text.find(word, position)
                position = start + len(word)
                if any(a <= start < b for a, b in covered) or not word[:1].isupper():
                    continue
                head_word = (fold(word).split() or [""])[0]  # "Movement-North": its head
                if head_word in _COURT_DISTRICTS:
                    if _OF.match(text, start + len(word)) is not None and previous in COMPASS_WORDS:
                        return True  # "the Eastern District of Virginia", a US court's
                elif (head_word in _NAME_HEADS or (head_word in _SITES and start > shape.start)) and (
                    start > shape.start
                    or (_HEAD_THEN_OF.match(text, start + len(word)) is not None and head_word != "government")
                    or head_word in _MEDIA
                ):
                    # "Oman News Agency", "Alliance of Sahel States", "Radio Dabanga",
                    # "Washington Dulles International Airport"
                    return True
                previous = head_word
            if any(
                s.start > shape.start
                and (_ARTICLE_BEFORE.search(text, max(0, s.start - 4), s.start) or s.surface[:3].lower() in ("al-", "el-"))
                and all(w in _NAME_PARTICLES or w in ARTICLES or w not in self._common for w in fold(text[shape.start : s.start]).split())
                for s in sure
            ):
                # A place after the article inside a longer run is a nisba or a name's part:
                # "Nour al-Sahel", "Khalid al-Iraqi", "Abu Talha al-Mauritani" (the key
                # spells the nisba al-Mauritani as Mauritania).
                return True
        last = inside[-1]
        if (
            last.end == shape.end
            and " " not in last.surface
            and self._is_place(last)
            and all(not self._is_sure_span(s) and self._known_type(s) in (None, "PER") for s in inside[:-1])
        ):
            # "Abdirahman Hassan Farah", "Mohamed Omar Aden": two or three parts of a person's
            # name, then a family name that is also a place's (Farah province, the port of Aden).
            before = fold(text[shape.start : last.start]).split()
            if 2 <= len(before) <= 3 and before[0] not in self._places and all(w in self._given_names or self._may_be_name_part(w) for w in before):
                return True
        head = inside[0]
        if (
            head.start > shape.start
            and self._is_place(head)
            and all(not self._is_sure_span(s) and self._known_type(s) in (None, "PER") for s in inside[1:])
        ):
            # An unknown given name before a one-word place, then at most two more parts of a
            # name (surnames the gazetteer knows, or unknown words): a person ("Rojda
            # Khalil", "Selin Kaya", "Abdifatah Aden Hassan"), not a word of the language or
            # a place word ("Jabal Sinjar", "Aden Port", "Yemen Times").
            first = fold(text[shape.start : head.start]).split()
            after = text[head.end : shape.end]
            for s in reversed(inside[1:]):
                after = after[: s.start - head.end] + " " + after[s.end - head.end :]
            return (
                len(first) == 1
                and len(fold(text[head.end : shape.end]).split()) <= 2
                and len(head.surface.split()) == 1
                and not text[shape.start : head.start].strip().isupper()
                and all(self._may_be_name_part(word) for word in fold(after).split())
                # A given name that is also a word ("Lisa Monaco", "Mark Jordan") where no
                # sentence opens with it ("Will Syria ...").
                and (self._may_be_name_part(first[0]) or (first[0] in self._given_names and not _sentence_initial(text, shape.start)))
            )
        if head.start != shape.start:
            return False
        if (
            self._is_place(head)
            and " " not in head.surface
            and text[head.end : head.end + 1] == " "
            and text[head.end + 1 : head.end + 2].isalpha()  # not "Baghdad - Fadhel al-Nashmi"
            and all(self._known_type(s) in (None, "PER") or (self._is_place(s) and " " not in s.surface) for s in inside[1:])
        ):
            # "Aden Hashi Farah Ayrow": a given name that is also a place's, then two parts or
            # more of a person's name, is a person's name; so is one that only a surname ends
            # ("Saida Abakarova"), a place's name that is a frequent given name before one
            # ("Orlando Mapisse", "Chad Muller"), and a town's before a given name of people
            # the gazetteer knows ("Qassim Mahmoud", "Hama Aziz").
            rest = [w for w in fold(text[head.end : shape.end]).split() if w not in ARTICLES]
            one_more = len(rest) == 1 and (
                _SURNAME_ENDING.search(rest[0]) is not None
                or fold(head.surface) in english_given_names()
                or (rest[0] in self._given_names and self._place_kind(head) != "country")
            )
            if (len(rest) >= 2 or one_more) and all(self._may_be_name_part(w) for w in rest):
                return True
        if self._is_sure_span(head):
            # A known person's name and a surname more, written on: a longer name of another
            # ("Hafiz Saeed Khan", the first ISKP emir, is not Hafiz Saeed and a Khan).
            last = inside[-1]
            if len(inside) == 1 and self._known_type(head) == "PER":
                # So is a known name of given names only and one or two unknown parts after
                # it: "Mohamed Hassan Cabdulle" is not the listed "Mohamed Hassan", nor is
                # "Muhammad Yusuf Ziya Talay" Boko Haram's founder.
                rest = fold(text[head.end : shape.end]).split()
                if rest and (rest[-1] in _SITES or (rest[-1] in _NAME_HEADS and rest[-1] not in _OFFICE_OF_PERSON)):
                    # A place or body named after a person: "Indira Gandhi International
                    # Airport", "Rajiv Gandhi Foundation" (not "the Obama Administration").
                    return True
                return (
                    1 <= len(rest) <= 2
                    and all(self._may_be_name_part(w) for w in rest)
                    and rest[-1] not in self._given_names
                    and all(w in self._given_names for w in fold(head.surface).split())
                )
            return (
                len(inside) == 2
                and last.end == shape.end
                and " " not in last.surface
                and self._known_type(head) == "PER"
                and self._known_type(last) in (None, "PER")  # "Ibrahim", the given name of many
                and not self._is_sure_span(last)
            )
        info = self._surface(head.surface)
        match = info.match
        is_person = match is not None and (
            (match.entity is not None and match.entity.type == "PER") or (match.entity is None and self._ambiguous_type(match) == "PER")
        )
        if text[shape.start - 1 : shape.start] in ("-", "‐") and inside[-1].end == shape.end and self._is_place(inside[-1]):
            return False  # "post-Kadhafi Libya", "pro-Assad Syria": a prefixed name, then the country
        return is_person and not any(self._is_sure_span(s) and self._surface(s.surface).match.entity.type == "PER" for s in inside[1:])  # type: ignore[union-attr]

    def _state_body(self, text: str, shape: Span, inside: list[Span]) -> bool:
        """Whether the shape is a body and the state it belongs to, by its formal name, then
        at most a region "for the" one: a known state body ("Federal Security Service of the
        Russian Federation", "FSB of Russia for the Republic of Dagestan") or words that the
        gazetteer makes no sure name of ("Unitary State of the Republic of Indonesia")."""
        # The places at the end, each after "of", "of the" or "for the", back to the body.
        cursor = shape.end
        for place in reversed(inside):
            joint = _STATE_JOINT.search(text[max(shape.start, place.start - 9) : place.start])
            if place.end != cursor or joint is None or not self._is_place(place):
                break
            cursor = place.start - len(joint.group())
        if cursor == shape.end:
            return False
        body = [s for s in inside if s.end <= cursor]
        if len(body) == 1 and body[0].start == shape.start and body[0].end == cursor and self._is_sure_span(body[0]):
            match = self._surface(body[0].surface).match
            return match is not None and match.entity is not None and match.entity.kind in _STATE_BODY_KINDS
        # A body's unknown name before the state's formal name ("Ministry of Internal Affairs
        # of the Russian Federation", "Unitary State of the Republic of Indonesia"), not any
        # title-case words ("Reply of the Republic of the Marshall Islands").
        words = fold(text[shape.start : cursor]).split()
        return (
            text.startswith(" of the ", cursor)
            and bool(words)
            and (words[-1] in _NAME_HEADS or words[-1] == "state" or _is_head_of(words))
            and words[-1] != "government"  # "the Government of the Democratic Republic of the Congo" is the state's
            and not any(self._is_sure_span(s) for s in body)
        )

    def _may_be_surname(self, word: str) -> bool:
        """Whether a folded common word may be a surname after a given name ("Mines", "Green"):
        no title, place or organisation word, demonym or word of the field."""
        return word not in self._titles and word not in LOC_WORDS and word not in ORG_WORDS and word not in self._not_names and not self._is_demonym(word)

    def _epithet_of_words(self, alias: str) -> bool:
        """Whether a person's alias is words of the language only ("the One-Eyed", "Mister
        Marlboro"), not a name."""
        words = [w for w in fold(alias).split() if w != "the"]
        return bool(words) and all(w in self._common for w in words) and not any(w in self._given_names for w in words)

    def _may_be_name_part(self, word: str) -> bool:
        """Whether a folded word may be part of a person's name: no common word, place or
        organisation word or demonym."""
        return word not in self._common and word not in LOC_WORDS and word not in ORG_WORDS and not self._is_demonym(word)

    def _has_place(self, surface: str) -> bool:
        """Whether a sure place name is inside ``surface`` (memoized per surface)."""
        found = self._places_inside.get(surface)
        if found is None:
            found = any(self._is_place(s) and self._is_sure_span(s) for s in self.finder.scan(surface))
            bounded(self._places_inside)[surface] = found
        return found

    def _is_place(self, span: Span) -> bool:
        return self._known_type(span) == "LOC"

    def _place_kind(self, span: Span) -> str | None:
        """The kind of the place a span's surface resolves to, None when it names no place."""
        match = self._surface(span.surface).match
        entity = match.entity if match is not None else None
        return entity.kind if entity is not None and entity.type == "LOC" else None

    def _given_names_inside(self, shape: Span, inside: list[Span]) -> bool:
        """Whether the known names inside a "SURNAME, Given" shape are among its given names
        only, and not all of them a place's or a body's: the shape is no dateline's place and
        region ("ERBIL, Kurdistan Region", "CAMP NAVARRO, Zamboanga City")."""
        given = shape.start + shape.surface.index(", ") + 2
        # A known surname before the comma is a person's ("GULEN, Selahaddin"), a place not.
        if any(s.start < given and self._person_type(s) != "PER" for s in inside):
            return False
        whole = [s for s in inside if s.start == given and s.end == shape.end]
        return not whole or self._person_type(whole[0]) == "PER"

    def _person_type(self, span: Span) -> str | None:
        """The type of the entity a span's surface resolves to, or the one type of all those
        it may name ("Mustafa": one of many Mustafas); None when it names none or several types."""
        match = self._surface(span.surface).match
        if match is None:
            return None
        return match.entity.type if match.entity is not None else self._ambiguous_type(match, default="") or None

    def _known_type(self, span: Span) -> str | None:
        """The type of the entity a span's surface resolves to, None when it names none."""
        match = self._surface(span.surface).match
        return match.entity.type if match is not None and match.entity is not None else None

    def _bodies_in_places(self, text: str, spans: list[Span]) -> list[Span]:
        """A body's name, "in" and a place's as one span when together they spell another
        spelling of a name the gazetteer writes with "in": "Ansar al-Shari'a in Darnah" is
        Ansar al-Sharia in Derna, not a group and a town (but "Health Ministry in Gaza" is a
        ministry and where it is, though the gazetteer knows a Gaza Health Ministry)."""
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            if before is not None and text[before.end : span.start] == " in ":
                joined = text[before.start : span.end]
                whole = self._surface(joined).match
                first = self._surface(before.surface).match
                if (
                    whole is not None
                    and whole.entity is not None
                    and whole.entity.type == "ORG"
                    and whole.score >= _ONE_BODY_SCORE
                    and " in " in whole.alias.lower()
                    and first is not None
                    and (first.entity is whole.entity or whole.entity.id in first.candidates)
                ):
                    out[-1] = Span(before.start, span.end, joined, False)
                    continue
            out.append(span)
        return out

    def _names_people(self, span: Span) -> bool:
        """Whether a span's surface names a person or, ambiguous, only persons."""
        match = self._surface(span.surface).match
        if match is None:
            return False
        return (match.entity.type if match.entity is not None else self._ambiguous_type(match, default="")) == "PER"

    def _leftover_names(self, text: str, start: int, end: int, headline: bool) -> list[Span]:
        """The shapes of :meth:`_leftover`; in a headline without the language's words that
        it capitalises ("Muttaqi Meets Jaishankar": Jaishankar)."""
        pieces = self._leftover(text, start, end)
        if not headline:
            return pieces
        return [name for piece in pieces for name in self._names_in_headline_run(text, piece)]

    def _joined_to_weak_span(self, text: str, start: int, weak: Span, headline: bool) -> list[Span]:
        """The shapes of ``text[start:weak.end]`` when the last of them runs on into ``weak``,
        a known span that names no entity outright: "Syrian National Coalition of Moaz
        Al-Khatib" holds a sure name and then one unknown person's, whose surname alone the
        gazetteer writes for others ("Khatib"). Empty otherwise."""
        if headline or weak.surface.isupper() or self._is_sure_span(weak) or text[weak.start - 1 : weak.start] not in (" ", "-"):
            return []  # an acronym stands apart ("Le HCR", "Mīlīshiyāt al-VDP"), and so does a sure name
        shapes = self._leftover_names(text, start, weak.end, headline)
        if not shapes or not shapes[-1].start < weak.start or shapes[-1].end != weak.end:
            return []
        before = [word for word in fold(text[shapes[-1].start : weak.start]).split() if word not in self._particles]
        if not before or any(word in self._common or word in self._titles for word in before):
            return []  # "Removing al-Awlaki", "Senior AQ": a word of the language, then a name
        return shapes

    def _leftover(self, text: str, start: int, end: int) -> list[Span]:
        """The shapes in ``text[start:end]`` (worked out once per distinct piece of text)."""
        if text.startswith(("'S ", "’S "), start) and text[start - 1 : start].isupper():
            start += 2  # a possessive in capitals after a known name: "SAMIDOUN’S ROLE"
        piece = text[start:end]
        found = self._leftovers.get(piece)
        if found is None:
            found = bounded(self._leftovers)[piece] = [
                (s.start, s.end, s.surface) for s in self.finder.shapes(piece)[0]
            ]
        return [Span(start + a, start + b, surface, False) for a, b, surface in found]

    def _links_whole(self, shape: Span, inside: list[Span]) -> bool:
        """Whether the exact, alias or key tier links the whole shape (the known spans
        ``inside`` it) to an entity."""
        # Not the fuzzy tier: a capitalised run around known names ("Amran Province Strike
        # Kills") is rarely one name, and fuzzy-scoring each was most of the time.
        surface = shape.surface
        found = self._whole.get(surface)
        if found is None:
            if surface in self._surfaces or (
                len(_PARTS.split(surface)) >= 2 and not any(self._is_sure_span(s) for s in inside)
            ):
                # The full resolver is asked about it anyway (if not linked, it is kept as
                # one unknown name: see _spans): its answer is these tiers' unless it came
                # from the fuzzy tier (NIL included: no tier found it).
                match = self._surface(surface).match
                if match is not None and match.method not in _SURE_METHODS:
                    match = self._sure_resolver.resolve(surface)
            else:
                match = self._sure_resolver.resolve(surface)
            found = bounded(self._whole)[surface] = match is not None and match.entity is not None and match.score >= 0.9
        return found

    def _names_an_entity(self, surface: str) -> bool:
        """Whether a surface names a known entity by a sure tier (exact, alias or key)."""
        match = self._sure_resolver.resolve(surface)
        return match is not None and match.entity is not None and match.score >= 0.9

    def _surface(self, surface: str) -> _Surface:
        """What a surface is, whatever its context; each distinct spelling is resolved once."""
        found = self._surfaces.get(surface)
        if found is None:
            name = without_part_numbers(surface)
            words = fold(name).split()
            acronym = _is_acronym(name)
            demonym = len(words) == 1 and not acronym and _is_demonym(words[0], self._places)
            found = _Surface(words, acronym, parse_name(name).is_partial, self.resolver.resolve(name), demonym)
            bounded(self._surfaces)[surface] = found
        return found

    def _is_sure_span(self, span: Span) -> bool:
        """Whether a gazetteer span names its entity outright (not a surname or weak alias)."""
        info = self._surface(span.surface)
        match = info.match
        if match is None or match.entity is None or match.score < 0.9:
            return False
        if len(info.words) == 1 and info.words[0] in self._common and not _is_sure(span.surface, match):
            return False  # "National" of "National Counterterrorism Agency" only meets The National's key
        if len(info.words) == 1 and match.method != "exact" and fold(match.alias).startswith("al ") and info.words[0] in self._given_names:
            return False  # "Khalil" of "Ezedin Abdel Aziz Khalil" is a name; Hebron is "Al-Khalil"
        return match.entity.type != "PER" or not info.partial

    def _decide(self, text: str, span: Span) -> Decision | None:
        plans = self._known_plans if span.gazetteer else self._shape_plans
        plan = plans.get(span.surface)
        if plan is None:
            plan = bounded(plans)[span.surface] = self._plan(span.surface, span.gazetteer)
        how, match, etype, partial, anchor_only, inner, unknown = plan
        if text.startswith("-", span.end) and (
            (_is_model_prefix(text, span) and not _is_sure(span.surface, match)) or _PROGRAM_TAG_END.match(text, span.end)
        ):
            # A weapon's or aircraft's model: "AK-47" (not Alaska), "MQ-9", "BM-21"; a US
            # sanctions program's tag: "[IRAN-EO13846]", "[WEST-BANK-EO14115]".
            return None
        if text.startswith(".", span.end) and _UN_REFERENCE.match(text, span.start):
            return None  # "YEi.004", "QDi.299": a UN sanctions list's reference, not Yei the town
        if text.endswith("the ", 0, span.start) and match is not None and match.entity is not None and match.entity.type == "PER" and match.score < SURE_SCORE:
            named = self._surface(f"the {span.surface}").match
            if named is not None and named.entity is not None and named.entity.type == "LOC" and named.method in ("exact", "alias"):
                # "to the Hague", "the Hague-based court": a place that the article begins, as
                # the gazetteer writes it ("The Hague"), not a person the bare word names weakly.
                return Decision(span, named, "LOC", False)
        if (
            (how in (_DROP, _UNKNOWN) or (how == _FIXED and match is None))
            and (span.start == 0 or text[span.start - 1] == "\n")
            and any(c.isalpha() for c in span.surface)
            and (_DATELINE_REST.match(text, span.end) or (how == _UNKNOWN and _is_dateline_place(text, span)))
        ):
            # "BROOKLYN, N.Y. –", "QANSAX DHEERE, Somalia (AP) —": a dateline's place, though
            # a word in capitals or an unknown word opening a line is no name elsewhere. Keyed
            # as a name, not as an acronym, so that it meets the place in the story.
            return Decision(span, None, "LOC", partial, nil_key=span.surface.title())
        if how == _DROP and " " not in span.surface and _capital_count(span.surface) >= 2 and ((mixed_case_acronym_shape(span.surface) and not span.surface.isupper()) or f"({span.surface})" in text):
            # "Puntland Defence Forces (PDF)", "Tanzim Hurras al-Din (HaD)": a word written as
            # an acronym that the document defines is kept for its definition (see
            # resolve_acronyms), and so is one that no word is written as ("HaD" in a list of
            # a group's names) for a fuller name to anchor; otherwise it is dropped after all.
            return Decision(span, None, "ORG", True, anchor_only=True)
        if how == _FIXED:
            if etype == "LOC" and match is not None and match.entity is not None and text.startswith((" camp", " refugee camp"), span.end):
                camp = self._camp_of(text, span, match)
                if camp is not None:
                    return Decision(span, camp, "LOC", partial)
            if (
                anchor_only
                and (match is None or match.entity is None or match.method in ("key", "fuzzy"))
                and " " not in span.surface
                and _after_personal_title(text, span.start)
                and fold(span.surface) not in self._titles  # "Mr. Chairman"
            ):
                # "Mr. Smith", "Dr. Rice": a word of the language, or a bare surname that the
                # gazetteer gives to no one for sure, is a person's surname after a title.
                return Decision(span, match if match is not None and match.entity is None else None, "PER", True)
            if (
                anchor_only
                and match is None
                and _AT_A_PLACE.search(text, max(0, span.start - 10), span.start)
                and _NO_NOUN_AFTER.match(text, span.end)
                and self._surface(span.surface).demonym
                and fold(span.surface) not in self._common
                and fold(span.surface) not in self._not_names
            ):
                # "in Tongi.", "Gazipur's Tongi,": shaped like an adjective of a place (Tonga's),
                # but with no noun after it, after "in" or an owner, a place's own name; not
                # an adjective of the language ("in Russian", "in Tajik": the tongue).
                return Decision(span, None, "LOC", partial)
            if (
                anchor_only
                and match is None
                and etype == "PER"
                and " " not in span.surface
                and (
                    (place_noun_before(text, span.start) and not (text.startswith("-", span.end) and self._surface(span.surface).demonym))
                    or (
                        span.gazetteer
                        and place_preposition_before(text, span.start)
                        and not text.startswith(("'s", "’s"), span.end)  # "in Mukulu's camp"
                        and not self._surface(span.surface).demonym  # "in Iraqi territory"
                    )
                )
            ):
                # "the sub-district of Amedi": an unknown word that a place noun names (not an
                # adjective before a hyphen: "the capital of the Pakistani-controlled part"); "in
                # Cali": a word that only a listed person's longer name holds ("Yasiin Cali
                # Baynax") after a preposition of places.
                return Decision(span, None, "LOC", partial)
            if (
                etype == "LOC"
                and " " not in span.surface
                and not _is_sure(span.surface, match)
                and (title := self._title_before(text, span)) is not None
                and fold(title) != "the"
            ):
                # "Syed Salahuddin": a person's title before one word that spells a place
                # (the Iraqi governorate, by one of its aliases) makes it a person's name;
                # not "The", which the title tables strip from names too ("The Boni enclave").
                return Decision(span, None, "PER", True)
            if etype == "PER" and not _is_sure(span.surface, match) and match is not None and match.entity is None and place_noun_after(text, span.end):
                # "the Abu Salim district": a bare kunya that a place noun follows is the
                # place named after someone, not any of the kunya's bearers.
                return Decision(span, None, "LOC", False)
            if etype == "PER" and not _is_sure(span.surface, match):
                titled = self._titled(text, span)
                if titled is not None:
                    # "Mullah Omar", "Ustad Talha": the title left out of the span names whom
                    # the name alone does not (a bare given name, a weak alias of another).
                    # "General Aoun" names Michel Aoun only weakly: Joseph Aoun of the
                    # document, a general before his presidency, may take it.
                    return Decision(span, titled, "PER", titled.score < WEAK_SCORE)
            if anchor_only and (
                (_is_armed_group(match) and (group_noun_after(text, span.end) or group_noun_before(text, span.start)))
                or (match is not None and match.entity is not None and match.entity.kind == "outlet" and outlet_noun_after(text, span.end))
            ):
                # A capitalised word that names a group alone only when a fuller mention
                # says so, unless a group noun follows or leads it: "the Wagner group",
                # "Wagner fighters", "the Russian group Wagner"; and an outlet's noun an
                # outlet's: "the Guardian newspaper".
                return Decision(span, match, etype, partial)
            if (
                etype == "PER"
                and not anchor_only
                and (not span.gazetteer or match is None or match.entity is None)
                and (match is None or match.method not in ("exact", "alias"))
                and (place_noun_after(text, span.end) or place_noun_before(text, span.start))
            ):
                # "the Sheikh Radwan neighbourhood": no person is a neighbourhood, whoever
                # the name's spelling may fit.
                return Decision(span, None, "LOC", partial)
            if match is not None and match.entity is not None and match.score < WEAK_SCORE and self._owned_by_another(text, span, match.entity):
                # "Lebanon's Health Ministry": a weak alias of another country's ministry
                # ("Health Ministry" is Gaza's) names it only when no owner is written.
                return Decision(span, None, etype, partial)
            if (
                anchor_only
                and etype != "PER"
                and text[text.rfind("\n", 0, span.start) + 1 : span.start].strip()
                and _is_title_case_segment(text, span.start, span.end)
            ):
                # Inside a headline every word is capitalised: "State" of "Iran Stays on State
                # Sponsors of Terrorism List" is no name alone. Opening one, it is the subject
                # ("Treasury Targets Houthi Network").
                return None
            # One word that only the key or a fuzzy score makes a person's name (part).
            respelt_word = etype == "PER" and match is not None and match.method in ("key", "fuzzy") and " " not in span.surface
            if respelt_word and opens_sentence(text, span.start) and is_common_form(fold(span.surface), self._sentence_start_words):
                # "Fait rarissime, ...", "Hier, ...": a word of the language opening a sentence
                # that only meets a name by its key (Feith's) is that word, unless a person of
                # the document bears it.
                return Decision(span, None, "PER", True, anchor_only=True)
            if respelt_word and place_preposition_before(text, span.start):
                # "from Quetta to Sibi ... in Sibi": a word only respelt like a person's name
                # part (al-Sebai's) after a preposition of places is an unknown place.
                return Decision(span, None, "LOC", partial)
            if partial and etype == "LOC" and not anchor_only and type_by_context(text, span.start, span.end) == "LOC":
                # A place's one word after a place's preposition is the place, whoever of the
                # document bears it too ("recruiter of fighters from Orakzai").
                partial = False
            return Decision(span, match, etype, partial, anchor_only)
        if how == _SURNAME_AFTER_TITLE:
            if _after_personal_title(text, span.start):
                return Decision(span, None, "PER", True)
            if span.surface in self._surnames_in(text):
                # "Smith said ...": a word of the language that the document wrote as a
                # surname ("Bradley T. Smith") names the person if coreference finds the bearer.
                return Decision(span, None, "PER", True, anchor_only=True)
            return None
        if how == _DROP:
            if _translation_in_parentheses(text, span):
                # "Saraya al-Dam al-Zaki (Pure Blood Companies)": ordinary words in title case
                # that fill the parentheses after a name are its translation, another name
                # (kept when the name is an unknown one's: see resolve_translations).
                return Decision(span, None, "ORG", False, anchor_only=True)
            return None
        if how == _INNER:
            a, b = inner  # type: ignore[misc]
            inner_span = Span(span.start + a, span.start + b, span.surface[a:b], True)
            if etype:
                return Decision(inner_span, match, etype, False)
            return self._decide(text, inner_span)
        if how == _PLACE_WORD:
            if not opens_sentence(text, span.start) and not _is_title_case(_line_around(text, span.start)):
                # A place's one-word name capitalised inside a sentence is the name: "the
                # Gulf", "Gulf donors".
                return Decision(span, match, "LOC", partial)
            return Decision(span, match, "LOC", True, anchor_only=True)
        if how == _PLACE_LEVEL:
            return Decision(span, self._by_level(text, span, match), "LOC", partial)  # type: ignore[arg-type]
        if span.modifier:
            if unknown.one_word and span.surface.isupper() and len(span.surface) > 1 and _MIXED_CASE_WORD.match(text, span.end):  # type: ignore[union-attr]
                # "PAK Secretary-General Hussein Yazdanpanah": an acronym before an officer's
                # title is the body, if the document spells it out.
                return Decision(span, None, "ORG", partial, anchor_only=True)
            return None
        if not self._is_name(text, span, unknown):  # type: ignore[arg-type]
            if unknown.one_word and unknown.common and opens_sentence(text, span.start) and not used_lowercase(text, unknown.last):  # type: ignore[union-attr]
                # "Thorne argues ...": a word of the language opening a sentence, and never
                # written in lowercase: kept if a person of the document bears it.
                return Decision(span, None, "PER", True, anchor_only=True)
            return None
        etype = unknown.type  # type: ignore[union-attr]
        if etype == "ORG" and " " not in span.surface and _after_personal_title(text, span.start):
            etype = "PER"  # "Mr. KELLEHER.", "Chairman BRANDVOLD": a surname in capitals, not an acronym
        if etype in ("", "PER"):
            # A name typed by default: the nouns around it may say otherwise.
            title = self.finder.office_before(text, span.start)
            if title is not None:
                # "Commander of JTF Orion", "Governor of Kapisa": whose office it is, no person.
                etype = "LOC" if title in _TERRITORIAL_TITLES else "ORG"
            else:
                etype = type_by_context(text, span.start, span.end, one_word=not etype)
        return Decision(span, None, etype, partial)

    def _owned_by_another(self, text: str, span: Span, entity: Entity) -> bool:
        """Whether a state body is written as another place's ("Lebanon's" before Gaza's
        ministry): the owner is neither in the entity's name nor up its ``part_of`` chain."""
        if entity.kind not in STATE_BODIES:
            return False  # a group ("Yemen's Huthis") or a person is no country's office
        owner = _OWNER_BEFORE.search(text, max(0, span.start - 40), span.start)
        if owner is None:
            return False
        found = self._surface(owner.group(1)).match
        if found is None or found.entity is None or found.entity.type != "LOC":
            return False
        name = fold(entity.name)
        return (
            found.entity.id not in containers(entity.id, self.resolver.gazetteer)
            and fold(found.entity.name) not in name
            and fold(owner.group(1)) not in name
        )

    def _title_before(self, text: str, span: Span) -> str | None:
        """The title of the name tables (the longest, as written) that ends right before ``span``."""
        before = _WORDS_BEFORE.search(text, max(0, span.start - _TITLE_REACH), span.start)
        if before is None:
            return None
        words = before.group().split()
        return next((title for count in range(len(words), 0, -1) if fold(title := " ".join(words[-count:])) in self._titles), None)

    def _titled(self, text: str, span: Span) -> Match | None:
        """The entity that the title before ``span`` and its name name together, when the
        gazetteer holds them as one strong alias ("Mullah Omar")."""
        title = self._title_before(text, span)
        if title is None:
            return None
        titled = f"{title} {span.surface}"
        match = self._surface(titled).match
        if _is_sure(span.surface, match):
            return match
        return self._titled_alias(titled, match)

    def _titled_alias(self, titled: str, match: Match | None) -> Match | None:
        """The one entity that holds a title and name as written among its aliases, even a
        weak one ("King Salman": "Salman" alone is many people's name).

        When the name alone is several people's, or the resolver links the titled name
        only weakly, the title singles one out only weakly ("Imam Khomeini" is the Ayatollah,
        though "Khomeini" is his grandson's name too; "General Aoun" is Michel Aoun unless
        the document names Joseph Aoun, a general before his presidency): the match scores
        under ``WEAK_SCORE``, and a namesake of the document takes it first.
        """
        if match is None:
            return None
        folded = fold(titled)
        ids = [match.entity.id] if match.entity is not None else match.candidates
        holders = [
            entity
            for entity in map(self.resolver.gazetteer.get, ids)
            if entity is not None and any(fold(alias) == folded for alias in (*entity.strong, *entity.weak))
        ]
        if len(holders) != 1:
            return None
        # One reigning monarch bears a name with the title ("King Salman", "Emir Tamim"): the
        # title settles it, whatever namesakes the document has.
        sure = (match.entity is None and len(match.candidates) == 1) or folded.split()[0] in _MONARCHS
        return Match(titled, holders[0], TITLED_ALIAS_SCORE if sure else WEAK_TITLED_ALIAS_SCORE, "alias", titled, match.key)

    def _plan(self, surface: str, gazetteer: bool) -> _Plan:
        """What a span's surface (and whether the gazetteer scan found it) settles of its
        decision; :meth:`_decide` looks at the context for the rest. Each is made once."""
        info = self._surface(surface)
        words, acronym, partial, match = info.words, info.acronym, info.partial, info.match
        if (
            len(words) == 1
            and words[0] in self._not_names
            and match is not None
            and match.entity is not None
            and match.entity.type == "PER"
            and match.method in ("exact", "alias")
        ):
            # "Mujahid" is a word of the field, and a person's alias as written: kept only
            # when that person is in the document ("Zabihullah Mujahid ... Mujahid said").
            return _Plan(_FIXED, match, "PER", True, anchor_only=True)
        if not words or (
            len(words) == 1
            and (
                words[0] in self._not_names
                or (words[0] in PLACE_PREFIXES and not (surface.isupper() and match is not None and match.entity is not None and match.alias.isupper()))
                or (not acronym and words[0] in STOP_WORDS)
                or (words[0] in ROMANCE_ORG_HEADS and (match is None or match.entity is None))
            )
        ):
            # "Wadi" alone opens a place's name, as in "Hadramout's Wadi region" (in capitals
            # it may be an acronym the gazetteer knows: Cameroon's "BIR"); "la
            # Fiscalía", "la Corte" alone are the prosecution and the court, no names.
            return _DROPPED
        joined = " ".join(words)
        if joined in self._not_names or _is_contraction(surface):
            return _DROPPED
        if len(words) >= 2 and _VESSEL.match(surface) and (match is None or match.entity is None):
            return _DROPPED  # "USS Cole", "MV Nordkap Trader": a ship, no entity (SPEC)
        if len(words) >= 2 and words[-1] in _LAW_HEADS and (match is None or match.entity is None):
            # "Anti-Money Laundering Act", "National Action Plan", "Dayton Agreement": laws,
            # plans and treaties are no entities (SPEC).
            return _DROPPED
        if len(words) >= 2 and (words[-1] in _PLURAL_LEVELS or words[-1] in _LEADERS_BODIES) and (match is None or match.entity is None or match.method == "fuzzy"):
            head_plan = self._head_plan(surface, words[-1])
            if head_plan is not None:
                return head_plan
        sure = _is_sure(surface, match)
        if not sure and _PLURAL_ACRONYM.fullmatch(surface):
            return _DROPPED  # "FTOs", "SDGTs", "IEDs": kinds of things, no one entity
        if not sure and _DAY_AND_MONTH.fullmatch(surface):
            # "17 November" is a date, unless a fuller mention or a group noun makes it the
            # Greek group's weak alias ("the 17 November group").
            etype = match.entity.type if match is not None and match.entity is not None else "ORG"
            return _Plan(_FIXED, match, etype, True, anchor_only=True)
        if joined in self._titles and not sure:
            if len(words) == 1 and surface.istitle():
                # "Hajji said" after "Khudeida Elias Hajji": a title alone is the surname of a
                # person of the document who bears it, and no name otherwise.
                return _Plan(_FIXED, None, "PER", True, anchor_only=True)
            return _DROPPED  # "Brig", "Maj": a title cut off from its name by "Brig. Gen."
        if " " in surface and not sure and is_descriptive_phrase(surface, self._is_demonym, self._common):
            # "Egyptian army", "Israeli military": a description, not a name; unless the
            # gazetteer gives it as a strong alias ("Zionist regime" is Israel).
            return _DROPPED
        if gazetteer and not acronym and " " in surface and not surface.istitle():
            inner = self._proper_inside(surface, match)
            if inner is not None:
                return inner
        if info.demonym and not sure:
            # "Iraqi", "Somali" are adjectives, not mentions (SPEC), unless a person of the
            # document bears the word as a name ("Sudani" after "Mohammed Shia al-Sudani").
            return _Plan(_FIXED, None, "PER", True, anchor_only=True)
        if (
            len(words) == 1
            and not acronym
            and words[0] in self._common
            and surface.isascii()  # "Saʿd" is a name, whatever it folds to
            and not (sure and not _short_acronym_as_word(surface, match))
            and not (
                match is not None
                and match.entity is not None
                and match.entity.type == "PER"
                and match.method in ("exact", "alias")
            )
        ):
            # A capitalised common word ("Alliance", "State", "Now") names a group or place only
            # when a fuller mention in the same document says which; a surname ("Trump")
            # that one known person bears as written is left to the resolver, but not a
            # word that only meets a name by its transliteration key ("Name", "Share").
            if len(surface) == 2 and _short_acronym_as_word(surface, match):
                # "Un", "La", "Us" opening a sentence: the press writes no acronym of two
                # letters as a word, so the document's "UN" or "LA" is not meant either.
                return _DROPPED
            if match is not None and match.method == "key" and fold(match.alias).removeprefix("the ") != joined and not _surname_as_written(match, joined):
                # An English word that only shares a key with another spelling is no spelling
                # of it: "Days" is no "DEAŞ", though the document names the Islamic State
                # ("Kingdom" is "the Kingdom" as written), unless it is a known person's
                # surname as written ("Castro" of Cláudio Castro). After a title it is a surname.
                return _TITLED_SURNAME
            if match is not None and match.ambiguous and not self._borne_as_written(joined, match.candidates):
                # Nor is one that several names meet by their keys alone: "Valley" is no
                # "Wali" of the gazetteer's, whoever of them the document names.
                return _TITLED_SURNAME
            etype = "ORG"
            if match is not None:
                etype = match.entity.type if match.entity else self._ambiguous_type(match, default="ORG")
            if (
                etype == "LOC"
                and match is not None
                and (match.method == "exact" or (match.method == "alias" and match.alias.isascii()))
            ):
                return _Plan(_PLACE_WORD, match, etype, partial)
            return _Plan(_FIXED, match, etype, True, anchor_only=True)
        if match is not None and match.method not in ("exact", "alias") and _LIST_REFERENCE_PREFIX.fullmatch(surface):
            match = None  # "TAi" of "(TAi.144)", a UN list reference, is no transliteration of "al-Tai"
        if match is not None and match.method not in ("exact", "alias") and _SURNAME_INITIAL.search(surface):
            # "Mohammed A.", "Tarik S.": a suspect's given name and the initial of a surname the
            # court withholds is someone of his own, not any of the known Mohammeds, nor a
            # Tariq Saleh by a fuzzy score.
            match = None
        if (
            match is not None
            and match.method == "key"
            and " " not in match.alias
            and _capital_count(surface) < 2
            and _capital_count(match.alias[_article_length(match.alias) :]) >= 2
        ):
            # "Dhows" and "Izz" only share a key with the acronyms "DoS" and "IZ" (but
            # "al-Suwayda" is a spelling of "As-Suwayda", and "Islah" of "Al-Islah": an
            # article and a name).
            match = None
        if match is not None and match.method == "key" and acronym and len(surface) <= 4 and not _is_acronym(match.alias):
            match = None  # "FIS", Algeria's Islamic Salvation Front, only shares a key with "Fes"
        if (
            match is not None
            and match.method == "fuzzy"
            and match.entity is not None
            and match.entity.type == "LOC"
            and len(words) >= 2
            and words[-1] in _INSTITUTIONS
        ):
            match = None  # "Khan Yunis Brigade": a place's name and an institution's noun is the institution's
        if match is not None and match.method == "fuzzy" and len(words) <= 2 and all(w in self._common or w in self._not_names or self._is_demonym(w) for w in words):
            # Two common words ("Human Rights" of a headline) or peoples ("Bosnian Serb") are
            # no spelling of a longer name ("Human Rights Council", "Bosnian Serb Army");
            # more of them are a name's own words.
            match = None
        if (
            match is not None
            and match.method == "fuzzy"
            and match.entity is not None
            and match.entity.type == "PER"
            and len(words) == 2
            and "," not in surface
            and _turned_round(words, match.alias)
        ):
            # Prose writes a name in its own order: "Hassan Jaafar" is another man than "Jafar
            # Hassan" (a list that writes the surname first has its comma).
            match = None
        if match is not None and match.method == "fuzzy" and match.entity is not None and match.entity.type == "PER" and self._epithet_of_words(match.alias):
            # "One-eyed Jack" is no spelling of Belmokhtar's "the One-Eyed": a person's
            # epithet of the language's words is met as written or not at all.
            match = None
        if match is not None and match.entity is not None:
            if match.entity.type == "MISC":
                # Treaties, laws and resolutions are resolved, not tagged: the mention table
                # holds people, organisations and places, as the hand labels do (SPEC.md).
                return _DROPPED
            if match.entity.type == "LOC" and (match.candidates or self._named_container(match.entity) is not None):
                return _Plan(_PLACE_LEVEL, match, "LOC", partial)
            return _Plan(_FIXED, match, match.entity.type, partial)
        if match is not None:  # ambiguous
            return _Plan(_FIXED, match, self._ambiguous_type(match), partial)
        if gazetteer:
            # A surname pattern that no known person bears alone: only coreference places it.
            return _Plan(_FIXED, None, "PER", True, anchor_only=True)
        if " of " in surface and (body := self._state_body_named(surface)) is not None:
            return _Plan(_FIXED, body, "ORG", partial)
        if len(words) >= 3 and words[-1] in _INSTITUTIONS and (body := self._state_body_after_state(surface)) is not None:
            return _Plan(_FIXED, body, "ORG", partial)
        unknown = self._unknown(surface, words)
        return _DROPPED if unknown is None else _Plan(_UNKNOWN, None, "", partial, unknown=unknown)

    def _state_body_after_state(self, surface: str) -> Match | None:
        """The known state body that an unknown name is with its state's name before it
        ("U.S. Justice Department", "US Defense Department"), None when it is no such pair."""
        pieces = surface.split()
        for cut in range(1, min(3, len(pieces) - 1) + 1):
            body = self._body_of_state(surface, " ".join(pieces[cut:]), " ".join(pieces[:cut]))
            if body is not None:
                return body
        return None

    def _state_body_named(self, surface: str) -> Match | None:
        """The known state body that an unknown name is with its state's formal name after
        "of" ("Federal Security Service of the Russian Federation" is the FSB), None when the
        name is no such pair (a branch "for the Republic of Dagestan" is a body of its own)."""
        for found in _STATE_OF.finditer(surface):
            body = self._body_of_state(surface, surface[: found.start()], surface[found.end() :])
            if body is not None:
                return body
        return None

    def _body_of_state(self, surface: str, body_name: str, state_name: str) -> Match | None:
        """The match of ``surface`` to the state body that ``body_name`` surely names, when
        ``state_name`` is the place it belongs to; None otherwise."""
        body = self._surface(body_name).match
        if body is None or body.entity is None or body.entity.kind not in _STATE_BODY_KINDS or not _is_sure(body_name, body):
            return None
        state = self._surface(state_name).match
        if state is None or state.entity is None or state.entity.type != "LOC" or not self._belongs_to(body.entity, state.entity):
            return None
        return replace(body, query=surface, method="alias")

    def _belongs_to(self, body: Entity, state: Entity) -> bool:
        """Whether the gazetteer makes a body the state's: the state contains it, or names
        the state in the body's names or description ("Russia's main domestic security
        agency"). Nigeria's "State Security Service" is no body of Uzbekistan's."""
        if self._country_of(body.id) == state.id:
            return True
        about = f" {' '.join(fold(text) for text in (body.description, body.name, *body.strong, *body.weak))} "
        # A possessive folds onto its name ("Russia's" is "russias").
        return any(f" {fold(name)} " in about or f" {fold(name)}s " in about for name in (state.name, *state.strong) if name)

    def _head_plan(self, surface: str, last: str) -> _Plan | None:
        """The plan of the known name before the last word of ``surface``: a place before a
        plural level ("Borno and Zamfara States"), a person (or an ambiguous one) before
        "Administration" or "Government" ("the Bush Administration", as in "the Trump
        administration"); None when the words before it are no such name."""
        head = surface[: surface.rstrip().rfind(" ")].rstrip()
        found = self._surface(head).match
        if found is None:
            return None
        if last in _PLURAL_LEVELS:
            return _Plan(_INNER, inner=(0, len(head))) if found.entity is not None and found.entity.type == "LOC" else None
        if (found.entity.type if found.entity is not None else self._ambiguous_type(found, default="")) != "PER":
            return None
        return _Plan(_INNER, found, "PER", inner=(0, len(head)))

    def _borne_as_written(self, word: str, entity_ids: Iterable[str]) -> bool:
        """Whether one of these entities has a name with this folded word among its words."""
        gazetteer = self.resolver.gazetteer
        for entity_id in entity_ids:
            entity = gazetteer[entity_id]
            if any(word in fold(name).split() for name in (entity.name, *entity.strong, *entity.weak)):
                return True
        return False

    def _proper_inside(self, surface: str, match: Match | None) -> _Plan | None:
        """A description around one place name ("U.S.-led coalition", "Beirut port") is a
        mention of the place, and a name with a lowercase generic word ("Houthi movement",
        "Islamic State group") a mention of its name proper, as SPEC.md spans them."""
        part = proper_part(surface)
        if part is None:
            return None
        a, b = part
        inner = surface[a:b]
        if self._is_demonym(inner):
            # "Iranian-backed militias": an adjective and a description; but an adjective and a
            # noun that the gazetteer gives as a strong alias is a name ("Zionist regime" is
            # Israel, "Saudi-led coalition" the coalition in Yemen).
            return None if _is_sure(surface, match) else _DROPPED
        found = self._surface(inner).match
        if found is None or found.entity is None:
            return None
        same = match is not None and match.entity is not None and match.entity.id == found.entity.id
        if not same and (found.entity.type != "LOC" or not _is_sure(inner, found) or self._foreign_generic_before(surface, a, match)):
            return None
        if not same and match is not None and match.entity is not None and match.entity.type == "LOC" and match.method == "exact" and match.alias == surface == match.entity.name:
            # "the Lachin corridor", "the Rafah crossing": a place the gazetteer names so,
            # lowercase word and all, is that place, not the town it is named after (spanned
            # without the lowercase word, as SPEC spans a name).
            return _Plan(_INNER, match, "LOC", inner=part)
        if same:
            # "Houthi movement", "Islamic State group": the name proper is the same entity.
            return _Plan(_INNER, match, found.entity.type, inner=part)
        return _Plan(_INNER, inner=part)  # decided as a gazetteer span of its own

    def _foreign_generic_before(self, surface: str, start: int, match: Match | None) -> bool:
        """Whether a strong alias of its own entity opens with generic words of another
        language before the name proper: "lac Tchad" is the lake, "monts Mandara" the
        mountains; "Jenin refugee camp" and "southern suburbs of Beirut" are written as
        SPEC.md spans English, the name proper alone."""
        return start > 0 and _is_sure(surface, match) and any(w not in self._common for w in fold(surface[:start]).split())

    def _by_level(self, text: str, span: Span, match: Match) -> Match:
        """The city or the province of the same name, as the words around it say."""
        level = place_level(text, span.start, span.end)
        if level is None or match.entity is None:
            return match
        word = level_word_after(text, span.end)
        if word is not None and word != word.title():
            # "Iraq's Kurdistan region": the name with its level word is a place's own name
            # ("Kurdistan Region"), which the lowercase word kept the scan from meeting.
            named = self._surface(f"{span.surface} {word.title()}").match
            if named is not None and named.entity is not None and named.entity.type == "LOC" and named.method in _SURE_METHODS:
                if named.entity.id == match.entity.id:
                    return match
                others = tuple(c for c in (match.entity.id, *match.candidates) if c != named.entity.id)
                return Match(match.query, named.entity, match.score, match.method, match.alias, match.key, others)
        return self._at_level(match, level)

    def _at_level(self, match: Match, level: str) -> Match:
        """``match``, or the place of the same name at ``level`` among its candidates or as
        the place it is part of ("Khost" -> "Khost Province")."""
        if match.entity is None or _KINDS.get(match.entity.kind or "") == level:
            return match
        gazetteer = self.resolver.gazetteer
        for candidate in match.candidates:
            entity = gazetteer.get(candidate)
            if entity is not None and entity.type == "LOC" and _KINDS.get(entity.kind or "") == level:
                others = tuple(c for c in (match.entity.id, *match.candidates) if c != entity.id)
                return Match(match.query, entity, match.score, match.method, match.alias, match.key, others)
        # "Sulaimani province": the city's spelling alone names the city; the province it
        # is in, named after it, is meant.
        return self._in_named_container(match, level) or match

    def _in_named_container(self, match: Match, level: str) -> Match | None:
        """The place at ``level`` that ``match``'s place is part of and named after, or None."""
        container = self._named_container(match.entity) if match.entity is not None else None
        if container is None or _KINDS.get(container.kind or "") != level:
            return None
        return Match(match.query, container, match.score, match.method, match.alias, match.key, (match.entity.id,))  # type: ignore[union-attr]

    def _provinces_by_coordination(self, text: str, decisions: list[Decision]) -> list[Decision]:
        """A city listed with provinces is the province of its name, when it has one: in
        "between Erbil, Kirkuk and Salahaddin" and "the fronts of Marib, al-Jawf and
        al-Bayda" the provinces are meant. Only the province the city is part of and named
        after: a capital is part of its country ("Kabul, Nangarhar and Kunar" keeps the
        city). Not a province the city lies in ("ERBIL, Kurdistan Region"). A list passes
        the level on, from its end and from its start."""
        gazetteer = self.resolver.gazetteer
        levels = [_KINDS.get(d.match.entity.kind or "") if _is_known_place(d) else None for d in decisions]  # type: ignore[union-attr]
        if "province" not in levels or "city" not in levels:
            return decisions
        out = decisions
        for order in (range(len(out) - 1, -1, -1), range(len(out))):
            for i in order:
                if levels[i] != "city":
                    continue
                decision = out[i]
                match = decision.match
                assert match is not None
                province = self._in_named_container(match, "province")
                if province is None:
                    continue
                inside = containers(province.entity.id, gazetteer)  # type: ignore[union-attr]
                for j in (i - 1, i + 1):
                    if not 0 <= j < len(out) or levels[j] != "province":
                        continue
                    if _listed_together(text, out[j], decision) and out[j].match.entity.id not in inside:  # type: ignore[union-attr]
                        if out is decisions:
                            out = list(decisions)
                        out[i] = replace(decision, match=province)
                        levels[i] = "province"
                        break
        return out

    def _listed_places_of_ambiguous_names(self, text: str, decisions: list[Decision]) -> list[Decision]:
        """An ambiguous name listed with a known place is its one candidate that is a place:
        "Kirkuk and Salahaddin" (the province, not a militant whose alias is Salahudin)."""
        gazetteer = self.resolver.gazetteer
        out = decisions
        for i, decision in enumerate(decisions):
            match = decision.match
            if match is None or match.method != "ambiguous" or not match.candidates:
                continue
            places = [c for c in match.candidates if (entity := gazetteer.get(c)) is not None and entity.type == "LOC"]
            if len(places) != 1:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(decisions) and _is_known_place(decisions[j]) and _listed_together(text, decisions[j], decision):
                    if out is decisions:
                        out = list(decisions)
                    # Settled by the document, as coreference settles a name (coref.resolve_by_context).
                    place = Match(decision.span.surface, gazetteer[places[0]], round(SURE_SCORE * COREF_FACTOR, 4), "coref", decision.span.surface)
                    out[i] = replace(decision, match=place, type="LOC")
                    break
        return out

    def _camp_of(self, text: str, span: Span, match: Match) -> Match | None:
        """The refugee camp named after a place, when a lowercase "camp" follows it ("the Jenin
        refugee camp", "Tulkarm camp"): the camp, not the city, is meant."""
        word = level_word_after(text, span.end)
        if word is None:
            return None
        camp = self._surface(f"{span.surface} {word.title()}").match
        if camp is None or camp.entity is None or camp.entity.kind != "refugee-camp" or camp.method not in _SURE_METHODS:
            return None
        return Match(match.query, camp.entity, match.score, match.method, camp.alias, camp.key, (match.entity.id,))  # type: ignore[union-attr]

    def _named_container(self, entity: Entity) -> Entity | None:
        """The place ``entity`` is part of when it is named after it ("Khost Province" of
        Khost), else None."""
        container = self.resolver.gazetteer.get(entity.part_of) if entity.part_of else None
        if container is None or not fold(container.name).startswith(fold(entity.name) + " "):
            return None
        return container

    def _key(self, name: str) -> str:
        """The normalized key of an unknown name (its folded form when it has no name key)."""
        key = self._keys.get(name)
        if key is None:
            key = bounded(self._keys)[name] = unknown_name_key(name)
        return key

    def _ambiguous_type(self, match: Match, default: str = "PER") -> str:
        """The one type of an ambiguous match's candidates, or ``default`` when they differ."""
        types = {self.resolver.gazetteer[c].type for c in match.candidates if c in self.resolver.gazetteer}
        return types.pop() if len(types) == 1 else default

    def _is_demonym(self, word: str) -> bool:
        found = self._demonyms.get(word)
        if found is None:
            folded = fold(word)
            found = len(folded) >= 4 and (
                folded in self._not_names
                # "Sami", "Sultan": given names of millions, though Sami is of Sham (Damascus) too
                or (_is_demonym(folded, self._places) and not is_common_given_name(folded))
            )
            bounded(self._demonyms)[word] = found
        return found

    def _unknown(self, surface: str, words: list[str]) -> _Unknown | None:
        """What the words of an unknown capitalised span say; None when they are not a name
        whatever the context (see :meth:`_is_name`)."""
        if len(words) >= 2 and words[0] in _DOCUMENT_PARTS and _NUMBERING.fullmatch(words[1]):
            return None  # "Annex I", "Article 2", "Chapter VII": a part of a text, not a name
        if _IDENTIFIER.search(surface):
            return None  # "R.F.C. ZAOR790311KX7", "ILLICIT-DRUGS-EO14059": a registry number or a sanctions program's tag
        listed = _LIST_MARKER.match(surface) is not None and len(words) > 1
        if listed:
            words = words[1:]  # "I. Overview", "B. Removals": a heading's number, then words
        if len(words) > 1 and all(w in self._not_names or (len(w) > 4 and self._is_demonym(w)) for w in words):
            # "Malian Tuareg", "Bangladeshi-American", "Bosnian Serb": peoples, no name (not
            # "Abdi Sheikh", whose short given name ends as a demonym of Abda would).
            return None
        # A word after the article is a nisba, a surname ("Al-Sa'idi"), not an adjective of a place (Saida).
        nisba = len(words) == 2 and words[0] in ("al", "el") and "-" in surface
        if all(w in self._common or w in self._not_names or (not nisba and _demonym_base(w) in self._places) for w in words) and not (
            any(w in _NAME_PARTICLES for w in words[1:])  # "Omar bin Laden"
        ) and not (
            # "Andrew Mines", "Paul Marshall Johnson (Jr.)"
            2 <= len(named := words[:-1] if words[-1] in ("jr", "sr") else words) <= 3
            and named[0] in self._given_names
            and all(map(self._may_be_surname, named[1:]))
        ) and not (
            "-" in surface and _hyphenated_name(surface)  # "Gabriel Jean-Pierre", "Saint-Marc"
        ) and not (
            _EAST_ASIAN_GIVEN_NAME.search(surface)  # "Kim Jong-un", "Park Chang-ho": syllables of a name
        ) and not (
            _INNER_CAPITAL.search(surface)  # "InSight Crime", "WhatsApp": a brand's word, no word of the language
        ) and not (
            len(words) > 1
            and (
                words[-1] in _INSTITUTIONS
                or words[-1] in _SITES
                or words[-1] == "county"  # "Prince William County", "Orange County"
                or _opens_institution(words)
                or words[0] in GROUP_ADJECTIVES  # "Revolutionary Struggle", "Revolutionary Class Self-Defense"
                or (words[1] == "of" and words[0] in _MEMBERS_OF)  # "Men of Dignity", "Guardians of Religion"
                or (is_region_name(words) and _demonym_base(words[1]) not in self._places and not self._is_demonym(words[1]))
                or self._has_place(surface)
            )
        ):
            # All ordinary words ("Special Envoy", "Member States"); an organisation word at
            # the end or a known place among them makes a name of the whole ("Gulf Policy
            # Forum", "Gaza Humanitarian Foundation", "Red Sea Ports Corporation"), as does
            # one and "of" at the start ("Ministry of Foreign Affairs").
            return None
        one_word = len(words) == 1
        if (
            not one_word
            and " " not in surface
            and not surface.isupper()
            and words[0] not in _NAME_PARTICLES
            and words[0] not in ARTICLES
            and all(w in self._sentence_start_words for w in words)
        ):
            # "War-torn", "Oil-rich": a compound of the language's words, one word as written.
            return _Unknown(type_by_words(surface) or "", True, True, listed, surface)
        if one_word and _DOCTRINE_WORD.search(words[0]):
            return None  # "Marxist", "Gülenist", "Americanism": a doctrine and its followers, no name (not "Lindqvist")
        if one_word and words[0] in LOC_WORDS:
            return None  # "Strait" left of "the Bab al-Mandab Strait": a place noun names no place alone
        if (one_word and len(words[0]) < 3) or (words[0] == "operation" and not one_word):
            return None  # a military operation ("Operation Hadin Kai") is no person, group or place
        common = one_word and (is_common_form(words[0], self._sentence_start_words) or has_word_ending(words[0]))
        etype = type_by_words(without_part_numbers(surface)) or ""
        if etype == "PER" and len(words) > 2 and words[1] == "of" and words[0] in self._common:
            etype = "ORG"  # "Voice of Khurasan", "Men of Dignity", "House of Saud": no one's name
        elif etype != "LOC" and " " not in surface and surface.count("-") == 1 and fold(surface.split("-", 1)[0]) in self._places:
            etype = "LOC"  # "Stuttgart-Stammheim", "Hamburg-Harburg": a district of a city
        return _Unknown(etype, one_word, common, listed, surface.split()[-1])

    def _is_name(self, text: str, span: Span, unknown: _Unknown) -> bool:
        """Whether an unknown capitalised span is a name rather than a capitalised word, in
        its context (its words alone are settled by :meth:`_unknown`)."""
        if is_reference_code(text, span.end):
            return False
        if ", " in span.surface and not unknown.listed:
            return True  # "INANDI, Orhan": a list's surname in capitals and given name, whatever the line's other words
        if _is_title_case_segment(text, span.start, span.end):
            # A byline, or a letterhead's body of a state ("Investigative Committee of the
            # Russian Federation"): a heading's other capitalised words are no name, unless
            # the document writes them so again ("Vikash Yadav" of "Superseding Indictment
            # Charges Vikash Yadav ...", named in the story below).
            return (
                self._is_byline(_line_around(text, span.start))
                or OF_A_STATE.search(span.surface) is not None
                or (not self._of_common_words(span.surface) and _written_again(text, span))
            )
        if self._is_heading_of_words(text, span):
            return False
        if unknown.one_word and (unknown.listed or opens_sentence(text, span.start)):
            # "Queues formed ...", "Militarily, ...": an inflected common word, or one the
            # document also writes in lowercase, that happens to open a sentence; unless the
            # document writes it after a given name, as a surname ("Bradley T. Smith").
            return not (unknown.common or used_lowercase(text, unknown.last)) or span.surface in self._surnames_in(text)
        return True

    def _surnames_in(self, text: str) -> frozenset[str]:
        """The capitalised words that ``text`` writes after a given name (and an initial), as
        surnames: "Smith" of "Bradley T. Smith". Worked out once per text, when first asked."""
        if self._surnames[0] is not text:
            found = frozenset(m.group(2) for m in _GIVEN_THEN_WORD.finditer(text) if fold(m.group(1)) in self._given_names)
            self._surnames = (text, found)
        return self._surnames[1]

    def _is_heading_of_words(self, text: str, span: Span) -> bool:
        """Whether a span that makes up its whole line (a colon after it allowed) is English
        words and their inflections: a section heading ("Key Takeaways:", "Overt Acts",
        "EXCERPT OF INDICTMENT"), not a name; a given name opening it makes it a person's, an
        institution's noun closing it an outlet's ("Terrorism Monitor")."""
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        if text[line_start : span.start].strip() or text[span.end : len(text) if line_end == -1 else line_end].strip() not in ("", ":"):
            return False
        words = fold(span.surface).split()
        return words[0] not in self._given_names and words[-1] not in _INSTITUTIONS and all(
            w in STOP_WORDS or is_common_form(w, self._sentence_start_words) for w in words
        )

    def _is_byline(self, line: str) -> bool:
        """Whether a line in title case lists people ("By Nadia Kessler, Brian Okonjo and
        Marisa Tahir"): two names or more, or one after "By" or "From" and maybe the place
        written from ("From Abdullahi Bakura Mshelia, Maiduguri"), each a given name and a
        surname, one given name at least a frequent one."""
        line = line.strip()
        opened = _BYLINE_OPENER.match(line) is not None
        names = _BYLINE_SEPARATOR.split(_BYLINE_OPENER.sub("", line))
        if opened and len(names) >= 2 and fold(names[-1]) in self._places:
            names.pop()
        return (
            len(names) >= (1 if opened else 2)
            and all(_BYLINE_NAME.fullmatch(name) for name in names)
            and any(fold(name.split()[0]) in self._given_names or is_common_given_name(fold(name.split()[0])) for name in names)
        )

    def _mention(self, doc_id: str, decision: Decision) -> Mention:
        span = decision.span
        surface = span.surface
        match = decision.match
        # The columns after the surface depend on the match, the type and the surface alone:
        # worked out once per surface, while its decisions keep the memo's match.
        known = self._tails.get(surface)
        if known is not None and known[0] is match and known[1] == decision.type and decision.nil_key is None:
            tail = known[2]
        else:
            tail = self._tail(decision)
            if decision.nil_key is None and (match is None or match.method != "coref"):
                bounded(self._tails)[surface] = (match, decision.type, tail)
        return _tuple_new(Mention, (doc_id, span.start, span.end, surface, *tail))

    def _tail(self, decision: Decision) -> _Tail:
        """A decision's mention columns after the surface (normalized ... method)."""
        span, match = decision.span, decision.match
        surface, nil_key = span.surface, decision.nil_key
        if decision.type == "PER" and match is None:
            # Partial names that took this one's key ("MURAI" after "MURAI Hideo") too.
            surface = _in_press_order(surface)
            nil_key = _in_press_order(nil_key) if nil_key else nil_key
        normalized = (
            (match.key if match is not None else None)
            or (self._key(without_part_numbers(nil_key)) if nil_key else None)
            or self._key(without_part_numbers(surface))
        )
        if match is not None and match.entity is not None:
            entity = match.entity
            return normalized, entity.id, entity.id, entity.name, entity.type, round(match.score, 4), match.method
        method = "ambiguous" if match is not None and match.ambiguous else "nil"
        score = round(match.score, 4) if match is not None and match.ambiguous else NIL_SCORE
        return normalized, None, "", span.surface, decision.type, score, method


def _in_press_order(name: str) -> str:
    """"MURAI Hideo", a Japanese (or Hungarian) name in official order, the surname in
    capitals first, in the press's order: "Hideo Murai"; other names as they are."""
    surname_first = _SURNAME_FIRST.fullmatch(name)
    if surname_first is None or not _VOWELS.search(surname_first.group(1)):
        return name
    return f"{surname_first.group(2)} {surname_first.group(1).title()}"


#: The columns of a mention after its surface (see ``Tagger._tail``).
_Tail = tuple[str, str | None, str, str, str, float, str]
_tuple_new = tuple.__new__


#: Plurals in -men of people before "of" and a name, which the word lists lack.
_MEN_OF = frozenset(["gunmen", "militiamen", "tribesmen", "policemen", "servicemen", "clansmen", "kinsmen", "countrymen", "horsemen", "frogmen"])
#: A capitalised word and another after it (an initial between them allowed): a given name and
#: a surname, when the first is a given name. The second word is looked ahead to, so that
#: each word is tried as a given name ("Colombian President Juan Manuel Santos").
_GIVEN_THEN_WORD = re.compile(r"\b([A-Z][a-z]+) (?=(?:[A-Z]\. )?([A-Z][a-z]+)\b)")
#: A sanctions-list name in list order: a surname in capitals, a comma, given names.
_INVERTED_NAME = re.compile(r"[A-Z][A-Z'’ -]+, [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,4}")
#: A byline's opening word, the separators between its names, and one name.
_BYLINE_OPENER = re.compile(r"^(?:By|BY|From|Written by|Authors?:)\s+")
_BYLINE_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_BYLINE_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)? (?:[A-Z][a-z]+ )?[A-Z][\w'’-]+")
#: What follows a dateline's place at the start of a line: its state or country, an agency
#: in brackets, a dash.
_DATELINE_REST = re.compile(r", [A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2} *(?:\([^)\n]{1,30}\) *)?[—–-] ")
#: Or, after a place in capitals, the dash alone ("AITAROUN — The road ...").
_DATELINE_DASH = re.compile(r" (?:\([^)\n]{1,30}\) )?[—–-] ")
#: Kinds of places by the level that context words name (see ``context.place_level``).
_KINDS = {
    "city": "city", "town": "city", "village": "city", "province": "province", "governorate": "province", "region": "province",
    "district": "province", "state": "province", "river": "river", "refugee-camp": "camp", "camp": "camp",
}


#: A company's legal form after a comma: "Casa de Cambio Los Alamos, S.A. de C.V.",
#: "Hengtai Azure Trading Co., Limited", "Golden Dune Shipping, L.L.C.".
_LEGAL_FORM_AFTER_COMMA = re.compile(
    r"\.?, (S\.A\.(?: de C\.V\.)?|S\. de R\.L\.(?: de C\.V\.)?|C\.A\.|S\.A\.S\.|S\.A\.R\.L\.|S\.A\.L\.|S\.R\.L\.|S\.L\.|B\.V\.|N\.V\."
    r"|L\.L\.C\.|LLC|Ltd\.?|Limited|Inc\.?|GmbH|PLC|FZE|FZCO|FZC|LLP|SARL|SAL|Ltda\.?)(?!\w)",
    re.IGNORECASE,
)
#: A word of letters and four digits or more: an identity or registry number, no name's.
_IDENTIFIER = re.compile(r"\b(?=[\w]*[^\W\d_])(?=(?:[\w]*\d){4})\w+")
#: A small letter then a capital inside a word.
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
#: How a :class:`_Plan` decides (see ``Tagger._decide``).
_FIXED, _DROP, _INNER, _PLACE_WORD, _PLACE_LEVEL, _UNKNOWN = "fixed", "drop", "inner", "place word", "place level", "unknown"
#: A word of the language that is a name only as a surname after a personal title ("Mr. Smith").
_SURNAME_AFTER_TITLE = "surname after title"


class _Plan(NamedTuple):
    """What the surface of a span settles of its decision (see ``Tagger._plan``)."""

    how: str
    match: Match | None = None
    type: str = ""
    partial: bool = False
    anchor_only: bool = False
    #: For _INNER: the name proper's offsets in the surface.
    inner: tuple[int, int] | None = None
    unknown: _Unknown | None = None


class _Unknown(NamedTuple):
    """What the words of a span the gazetteer does not know say (see ``Tagger._unknown``)."""

    #: Its type by its words alone; "" when the words before it decide (typing.type_by_context).
    type: str
    one_word: bool
    #: The one word is a common word, or an inflection of one, or ends like one.
    common: bool
    #: A heading's list marker ("B.") opens it: a sentence's start.
    listed: bool
    #: The last word as written.
    last: str


_DROPPED = _Plan(_DROP)
_TITLED_SURNAME = _Plan(_SURNAME_AFTER_TITLE)
#: Words that a numbering after them makes a part of a text ("Annex I", "Chapter VII").
_DOCUMENT_PARTS = frozenset(["annex", "article", "chapter", "section", "part", "schedule", "appendix", "paragraph", "title", "volume", "book", "table", "figure"])
_NUMBERING = re.compile(r"[ivxlc]+|\d+[a-z]?")
#: The ending of a word of a doctrine or its followers, after at least three letters.
_DOCTRINE_WORD = re.compile(r"^\w{3,}(?<![vrq])(?:ism|isms|ist|ists)$")
#: How surely the resolver must link "X in Y" for the run to be one body's name (see
#: Tagger._bodies_in_places).
_ONE_BODY_SCORE = 0.88
#: An acronym with a letter or two for a branch after a hyphen: "AAS-B", "AAS-D".
_SUFFIXED_ACRONYM = re.compile(r"[A-Z]{2,6}-[A-Z]{1,2}")
#: An acronym in the plural.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
#: The level of the places of a list, capitalised after the last one ("Borno and Zamfara States").
_PLURAL_LEVELS = frozenset(["states", "provinces", "governorates", "regions", "districts"])
#: The last words of a capitalised "<leader> <word>" whose leader is the name in it.
_LEADERS_BODIES = frozenset(["administration", "government"])


class _Surface(NamedTuple):
    words: list[str]
    acronym: bool
    partial: bool
    match: Match | None
    #: A one-word adjective of a known place ("Iraqi").
    demonym: bool


#: The fewest people of the gazetteer whose names open with a word for it to be a given name.
_GIVEN_NAME_BEARERS = 2


def _given_names(resolver: Resolver) -> frozenset[str]:
    """The folded words that open the names of several people of the gazetteer ("andrew",
    "mark", "tom"), name particles aside."""
    counts: dict[str, int] = {}
    for entity in resolver.gazetteer:
        if entity.type == "PER":
            first = fold(entity.name).split()[0]
            counts[first] = counts.get(first, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= _GIVEN_NAME_BEARERS and w not in _NAME_PARTICLES and len(w) > 2)


#: Two capitalised words joined by a hyphen.
_HYPHENATED_PAIR = re.compile(r"\b([A-Z][a-zà-ÿ]+)-([A-Z][a-zà-ÿ]+)\b")


def _hyphenated_name(surface: str) -> bool:
    """Whether a hyphenated pair of words is a name whatever its words mean alone: a compound
    given name ("Jean-Pierre", "Marie-Claire") or a French saint's place ("Saint-Marc",
    "Saint-Louis", "Sainte-Marie")."""
    given = english_given_names()
    for first, second in _HYPHENATED_PAIR.findall(surface):
        if first in ("Saint", "Sainte") or (fold(first) in given and fold(second) in given):
            return True
    return False


def _place_keys(resolver: Resolver) -> frozenset[str]:
    keys = set()
    for entity in resolver.gazetteer:
        if entity.type == "LOC":
            for name, _ in entity.names():
                folded = fold(name)
                if " " not in folded:
                    keys.add(folded)
    return frozenset(keys)


#: Demonym endings that short stems make given names of instead ("Fadi", "Sami", "Hadi").
_SHORT_STEM_GIVEN_NAMES = frozenset(["i", "is"])
_DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "is", "i", "ese", "ish", "ns", "n", "s")


def _demonym_base(word: str) -> str:
    for suffix in _DEMONYM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in _SHORT_STEM_GIVEN_NAMES and len(base) < 4:
                return ""  # "Fadi", "Sami": given names, not of Fada or Sama (see _is_demonym)
            return base if base.endswith(("a", "q", "n", "l", "t", "r", "y")) else base + "a"
    return ""


#: A space and a word in mixed case ("PAK Secretary-General", not "TWAHA GENERAL MERCHANDISE").
_MIXED_CASE_WORD = re.compile(r"\s+[A-Z][a-z]")
#: A word of a run, as written (with its hyphens and dots: "Secretary-General", "Gen.").
_RUN_WORD = re.compile(r"\S+")
#: Up to three capitalised words (a title: "Grand Ayatollah", "Dr.") right before a name.
_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w'’]*\.? ){1,3}$")
#: How far before a name its title is looked for (characters).
_TITLE_REACH = 40


#: What joins two names of a list: "al-Sukhnah and Palmyra", "Butig, Piagapo".
_COORDINATION = frozenset([" and ", ", ", " or ", ", and "])


def _places_by_coordination(text: str, decisions: list[Decision]) -> list[Decision]:
    """An unknown one-word name (or an article and one word) typed as a person by default
    is a place when it is listed with a known place: "the road between al-Sukhnah and
    Palmyra", "in Gwoza, Bama and Konduga". So is a bare surname that only the key tier
    gives to a known person, and the list passes it on: in an address, "Aksaray, Fatih,
    Istanbul, Türkiye" are four places ("Fatih" is not the "Al-Fatih" of a UN entry)."""
    out = decisions
    places = {i for i, d in enumerate(decisions) if _is_known_place(d) or _is_one_of_known_places(d)}
    if not places:
        return out
    sure = {i for i in places if decisions[i].match.method == "exact"}  # type: ignore[union-attr]
    # One pass from the end, then one from the start: a list passes a place on in either
    # direction, each pass along its whole length.
    for order in (range(len(out) - 1, -1, -1), range(len(out))):
        for i in order:
            decision = out[i]
            if i in places or not _may_be_listed_place(decision):
                continue
            # A person's surname yields only to a sure place after it, as an address lists a
            # place before what holds it: "In Kfar Kila, Dakroub said" keeps Dakroub.
            unknown = decision.match is None
            for j in (i - 1, i + 1) if unknown else (i + 1,):
                if (j in places if unknown else j in sure) and 0 <= j < len(out) and _listed_together(text, out[j], decision):
                    if out is decisions:
                        out = list(decisions)
                    out[i] = replace(decision, type="LOC", match=None)
                    places.add(i)
                    sure.add(i)
                    break
    return out


def _listed_together(text: str, one: Decision, other: Decision) -> bool:
    """Whether two neighbouring names stand in one list ("Gwoza, Bama and Konduga"), in either order."""
    first, second = (one, other) if one.span.start < other.span.start else (other, one)
    return text[first.span.end : second.span.start] in _COORDINATION


def _may_be_listed_place(decision: Decision) -> bool:
    """An unknown name of one word (or an article and one word) typed as a person by
    default, or a bare surname that only the key tier gives to a known person."""
    match = decision.match
    if decision.type != "PER" or decision.anchor_only or decision.nil_key is not None:
        return False
    if match is not None and not (decision.partial and match.entity is not None and match.method in ("key", "fuzzy")):
        return False
    words = decision.span.surface.replace("-", " ").split()
    return len(words) == 1 or (len(words) == 2 and words[0].lower() in ("al", "el", "as", "ar", "ad", "ash", "at", "az"))


def _is_known_place(decision: Decision) -> bool:
    match = decision.match
    return match is not None and match.entity is not None and match.entity.type == "LOC"


def _is_one_of_known_places(decision: Decision) -> bool:
    """Whether a name is one of several places the gazetteer knows ("Hyderabad": in India or Sindh)."""
    match = decision.match
    return match is not None and match.ambiguous and decision.type == "LOC"


def _short_acronym_as_word(surface: str, match: Match | None) -> bool:
    """Whether a word not in capitals meets an acronym of three letters or fewer: "Un" opening
    a French sentence is no UN, nor "La" Los Angeles. (A longer one, "Sang" for the SANG, may
    be a person's name of the document: coreference settles it.)"""
    if match is None or surface.isupper():
        return False
    letters = match.alias.replace(".", "")
    return len(letters) <= 3 and letters.isupper()


#: The quoted title of an order, law, report or book: 'an Executive Order entitled "Initial
#: Rescissions of Harmful Executive Orders and Actions"'.
_QUOTED_TITLE = re.compile(r"titled\s+[\"“]([^\"”\n]{3,300})[\"”]")


def _without_unknown_in_titles(text: str, decisions: list[Decision]) -> list[Decision]:
    """The decisions without the unknown names inside a quoted title: its words in title case
    are no names ("Persons Undermining Peace"), though the places it names are ("West Bank")."""
    # Of four words or more: a shorter one may be a name of its own (a magazine "Sawt al-Hind").
    titles = [found.span(1) for found in _QUOTED_TITLE.finditer(text) if len(found.group(1).split()) >= 4]
    if not titles:
        return decisions
    return [
        d
        for d in decisions
        if (d.match is not None and d.match.entity is not None) or not any(a <= d.span.start and d.span.end <= b for a, b in titles)
    ]


#: The executive order that ends a US sanctions program's tag: "[RUSSIA-EO14024]".
_PROGRAM_TAG_END = re.compile(r"-EO\d+\]")


def _is_model_prefix(text: str, span: Span) -> bool:
    """Whether a span of two or three letters opens a model's designation: "AK-47", "MQ-9"."""
    return 2 <= len(span.surface) <= 3 and span.surface.isalpha() and text[span.end + 1 : span.end + 2].isdigit()


def _is_sure(surface: str, match: Match | None) -> bool:
    """A capitalised common word links alone only as a strong alias (up to case).

    Not when the alias has letters with diacritics that the text lacks: "Male" in a
    sanctions notice is the word, "Malé" the capital of the Maldives.
    """
    if match is None or match.entity is None or match.method not in ("exact", "alias") or match.score < 0.95:
        return False
    return match.method == "exact" or match.alias.isascii() or not surface.isascii()


def _is_demonym(word: str, places: frozenset[str]) -> bool:
    """Whether a folded word is the adjective of a known place (Iraqi, Syrian, Somali, Yemeni)."""
    if word in places:
        return False
    if word[-1:] == "i" and word + "a" in places:
        return True  # Somali of Somalia; not "Deir" of Deira, "Said" of Saida, "Mark" of Marka
    for suffix in _DEMONYM_SUFFIXES[:-1]:  # not a bare plural -s: "Hamas" is not of Hama
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if base in places:
                return True
            # A place's final a dropped before -i needs a longer stem: "Basri" is of Basra,
            # but "Fadi" is a given name, not of Fada N'Gourma.
            if (len(base) >= 4 or suffix not in _SHORT_STEM_GIVEN_NAMES) and (base + "a" in places or base + "ia" in places):
                return True
            if suffix in ("an", "ans") and base + "o" in places:
                return True  # Moroccan, Mexican, Puerto Rican: the place's final o dropped
            if suffix in ("ian", "ians") and (base + "es" in places or base + "as" in places):
                return True  # Maldivian, Bahamian: a place named in the plural
            if suffix == "ese" and base[-1] == "l" and base[:-1] in places:
                return True  # Congolese, Togolese
            if suffix in ("an", "ans") and base.endswith("c") and base[:-1] + "que" in places:
                return True  # Mozambican, Martinican: the place's -que written -c
    return False


#: Endings that only surnames have (Russian, Tajik, Georgian, Armenian, Ukrainian, Turkish):
#: "Abakarova", "Rajabalizoda", "Margoshvili", "Petrosyan", "Kovalenko", "Karayilanoglu".
_SURNAME_ENDING = re.compile(r"^.{3,}(?:ova|eva|ov|ev|ovich|evich|ovna|evna|zoda|zade|shvili|dze|yan|enko|oglu)$")


#: A title that only a person bears, right before a name.
_PERSONAL_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Chairman|Chairwoman|Senator|Representative|Congressman|Congresswoman|Judge|Justice|Ambassador)\.? \Z"
)


#: Titles whose office is of a place ("Governor of Kapisa", "Emir of Kano").
_TERRITORIAL_TITLES = frozenset(["governor", "mayor", "emir", "president", "king", "sultan", "premier", "wali", "amir"])


#: A surname cut to its initial after a given name, as German and Dutch courts name suspects.
_SURNAME_INITIAL = re.compile(r"\w \w\.\Z")


def _after_personal_title(text: str, start: int) -> bool:
    """Whether a title that only a person bears ends right before ``start`` ("Mr. ", "Chairman ")."""
    return _PERSONAL_TITLE_BEFORE.search(text, max(0, start - 16), start) is not None


#: A capitalised syllable, a hyphen and a lowercase one: an East Asian given name ("Jong-un").
_EAST_ASIAN_GIVEN_NAME = re.compile(r"\b[A-Z][a-z]{1,4}-[a-z]{2,4}\b")
#: Before a place's name, not an adjective's: a preposition of place or an owner ("Gazipur's").
_AT_A_PLACE = re.compile(r"(?:\b(?:in|at|near|outside|inside|around)|\w['’]s) \Z")
#: After a name that no noun follows: punctuation, the end, or "and".
_NO_NOUN_AFTER = re.compile(r"(?:[,.;:)]|\s*$| and )")


_CONTRACTION = re.compile(r"^([A-Za-z]+)['’](?:re|ll|ve|d|s|m|t)$")


#: An institution named with "of" or "for" and "and" ("Ministry of Migration and Displacement"),
#: after its capitalised head word (see _names_head_of_and); the capitalised runs found end at "and".
_OF_AND = re.compile(r" (?:of|for) [A-Z][\w ]{0,60}? and (?:the )?[A-Z]")


def _names_head_of_and(text: str) -> bool:
    """Whether ``text`` holds a capitalised word ``[A-Z][a-z]+`` just before an :data:`_OF_AND`.

    The search starts at the literal space, and the word before is checked by hand: a
    pattern that opens with ``[A-Z][a-z]+`` is tried at every capital of the text (2x slower).
    """
    position = 0
    while (found := _OF_AND.search(text, position)) is not None:
        start = end = found.start()
        while start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        if 0 < start < end and "A" <= text[start - 1] <= "Z":
            return True
        position = end + 1
    return False


#: A company's name after "and" ("Al-Manara Exchange and Transfer Company").
_COMPANY_AFTER_AND = re.compile(
    r" and (?:[A-Z][\w'’-]* )+(?:Company|Co\.|Corporation|Foundation|Establishment|LLC|L\.L\.C\.|Ltd\.?|Limited)(?![\w])"
)
#: A body's name across its "and", after words that are no name of their own (no head noun):
#: "State Security and Peace Commission", "Union Solidarity and Development Party",
#: "Horn Peace and Security Forum"; one ordinary word before it too: "Reconstruction and
#: Development Coalition", "Hostages and Missing Families Forum".
_BODY_AFTER_AND = re.compile(
    r" and (?:[A-Z][\w'’-]* )*(?:Commission|Council|Committee|Agency|Authority|Bureau|Board|Party|Movement|Coalition|Alliance|Syndicate|Television|Broadcasting|Development|Studies|Forces|Forum|Fund|Centre|Center|Directorate|Unit|Ministry)(?![\w])"
)


#: The words of a name's translation in title case: capitalised, or small function words.
_TITLE_CASE_WORDS = re.compile(r"[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|the|and|for|in))+")


def _translation_in_parentheses(text: str, span: Span) -> bool:
    """Whether ``span`` fills the parentheses right after a capitalised word, in title case."""
    return (
        text[span.start - 2 : span.start] == " ("
        and text.startswith(")", span.end)
        and text[max(0, span.start - 3) : span.start - 2].isalpha()
        and _TITLE_CASE_WORDS.fullmatch(span.surface) is not None
        and not text[text.rfind(" ", 0, span.start - 2) + 1 : span.start - 2].islower()  # a name's "al-Zaki", not "group"
    )


#: Two places a road or border joins, written with a hyphen: "the Mokowe-Kiunga road".
_ROUTE_ENDS = re.compile(r"([A-Z][a-z]{2,})-([A-Z][a-z]{2,})")
_ROUTE_NOUN = re.compile(rf" (?:{ROUTE_NOUNS})\b")


def _split_route_ends(text: str, shapes: list[Span]) -> list[Span]:
    """A hyphenated pair of unknown words before a road or border noun is two places."""
    out: list[Span] = []
    for shape in shapes:
        pair = _ROUTE_ENDS.fullmatch(shape.surface)
        if pair is None or _ROUTE_NOUN.match(text, shape.end) is None:
            out.append(shape)
            continue
        a, b = pair.span(1), pair.span(2)
        out.append(Span(shape.start + a[0], shape.start + a[1], pair.group(1), shape.gazetteer, shape.modifier))
        out.append(Span(shape.start + b[0], shape.start + b[1], pair.group(2), shape.gazetteer, shape.modifier))
    return out


def _is_dateline_place(text: str, span: Span) -> bool:
    """Whether an unknown name in capitals before a dash, opening a line, is a dateline's
    place with no country after it ("AITAROUN — The road ..."), not a heading's words
    ("NEWS CENTER —", "JIHADIST THREAT MONITOR —"), which name a body. South Asian papers
    write the date after it ("CHENNAI, May 20."); not a colon, which a heading's label takes
    as often ("SNAPBACK: ...")."""
    surface = span.surface
    return (
        surface.isupper()
        and bool(_DATELINE_DASH.match(text, span.end) or _DATELINE_DATE.match(text, span.end))
        and type_by_words(surface.title()) is None
    )


def _without_heading_markers(text: str, shapes: list[Span], names_an_entity: Callable[[str], bool]) -> list[Span]:
    """Runs that make up a heading's whole line without its list marker when the rest names
    a known entity: "D. South-East Asia" is the heading of part D on South-East Asia (where
    the gazetteer's scan found only "East Asia"); "T. ZAWADZKI" signing a text stays whole."""
    out: list[Span] = []
    for shape in shapes:
        marker = _LIST_MARKER.match(shape.surface)
        if (
            marker is None
            or (shape.start and text[shape.start - 1] != "\n")
            or text[shape.end : shape.end + 1] not in ("", "\n")
            or not names_an_entity(shape.surface[marker.end() :])
        ):
            out.append(shape)
            continue
        cut = marker.end()
        out.append(Span(shape.start + cut, shape.end, shape.surface[cut:], shape.gazetteer, shape.modifier))
    return out


#: "Mohd." and "Md.", Mohammad abbreviated before a South or Southeast Asian name.
_ABBREVIATED_GIVEN_NAME = re.compile(r"\b(?:Mohd|Md|Muhd)\. (?=[A-Z][a-z])")


def _with_abbreviated_given_names(
    text: str, abbreviated: list[re.Match[str]], shapes: list[Span], known: list[Span]
) -> tuple[list[Span], list[Span]]:
    """The shapes with "Mohd." or "Md." joined to the name after it ("Md. Rafiqul Islam",
    "Mohd. Altaf Sheikh"): its dot does not end the name, and "Md." there is no Maryland."""
    starts = {m.end(): m.start() for m in abbreviated}
    cuts = [(m.start(), m.end()) for m in abbreviated]
    joined = []
    for shape in shapes:
        if _inside_any(shape, cuts):
            continue
        start = starts.get(shape.start)
        joined.append(shape if start is None else Span(start, shape.end, text[start : shape.end], False))
    return joined, [s for s in known if not _inside_any(s, cuts)]


def _institutions_joined(text: str, shapes: list[Span]) -> list[Span]:
    """The shapes with an institution named with "of" joined to the run after its "and", and
    a company's name joined across its "and" ("Al-Manara Exchange and Transfer Company")."""
    out: list[Span] = []
    after = iter(shapes[1:])
    joined = False
    for shape, following in zip(shapes, chain(after, (None,)), strict=True):
        if joined:
            joined = False
            continue
        if following is not None and not shape.modifier and _duty_after_and_the(text, shape, following):
            out.append(Span(shape.start, following.end, text[shape.start : following.end], False))
            joined = True
            continue
        if (
            following is not None
            and following.start - shape.end == 5
            and text.startswith(" and ", shape.end)
            and not shape.modifier
            and (
                _opens_institution(fold(shape.surface).split())
                or (" " in shape.surface and _COMPANY_AFTER_AND.match(text, shape.end, following.end + 1) is not None)
                or (
                    (" " in shape.surface or shape.surface.lower() in sentence_start_words())
                    and shape.surface.rsplit(maxsplit=1)[-1].lower() not in ORG_WORDS
                    and _BODY_AFTER_AND.match(text, shape.end, following.end + 1) is not None
                )
            )
        ):
            out.append(Span(shape.start, following.end, text[shape.start : following.end], False))
            joined = True
        else:
            out.append(shape)
    return out


def _serial_bodies_joined(text: str, shapes: list[Span], known_at: set[tuple[int, int]]) -> list[Span]:
    """The shapes with a body's name that lists its fields with commas joined whole: an
    institution named with "of" or "for" and the fields after it ("Ministry of Agriculture,
    Forestry and Fisheries", "Department for Environment, Food and Rural Affairs"), or a word
    before a body already named across "and" ("Zakat, Tax and Customs Authority").

    Runs the gazetteer knows (at ``known_at``) are no field: "the Ministry of Interior, Jordan
    and Egypt" lists three parties.
    """
    out: list[Span] = []
    i = 0
    while i < len(shapes):
        shape = shapes[i]
        field = shapes[i + 1] if i + 1 < len(shapes) else None
        if field is not None and field.start == shape.end + 2 and text.startswith(", ", shape.end) and not (shape.modifier or field.modifier):
            last = shapes[i + 2] if i + 2 < len(shapes) else None
            if (
                last is not None
                and last.start == field.end + 5
                and text.startswith(" and ", field.end)
                and not last.modifier
                and " " not in field.surface
                and _opens_institution(fold(shape.surface).split())
                and not {(field.start, field.end), (last.start, last.end)} & known_at
            ):
                out.append(Span(shape.start, last.end, text[shape.start : last.end], False))
                i += 3
                continue
            if (
                " " not in shape.surface
                and (shape.start, shape.end) not in known_at
                and " and " in field.surface
                and _BODY_AFTER_AND.search(field.surface) is not None
            ):
                out.append(Span(shape.start, field.end, text[shape.start : field.end], False))
                i += 2
                continue
        out.append(shape)
        i += 1
    return out


def _duty_after_and_the(text: str, shape: Span, following: Span) -> bool:
    """Whether an institution named with "of" or "for" goes on across "and the" with a second
    duty of ordinary words ("Ministry for the Propagation of Virtue and the Prevention of
    Vice"); not a second body ("and the Army", "and the Red Crescent")."""
    if following.start - shape.end != 9 or not text.startswith(" and the ", shape.end) or " of " not in following.surface:
        return False
    words = [w for w in fold(following.surface).split() if w not in ("of", "the")]
    return (
        _opens_institution(fold(shape.surface).split())
        and all(w in common_words() and w not in ORG_WORDS and w not in LOC_WORDS for w in words)
    )


_ARTICLE_PART = re.compile(r"(?: (?:al|el|ad|ud|ul|ur|us|ut|lil|wal)[-\u2010\u2011][A-Z][a-z]+)+")
#: An acronym in brackets before the last word of a party's or a movement's name.
_ACRONYM_BEFORE_HEAD = re.compile(r" \(([A-Z][A-Za-z]{1,5})\) (Party|Movement|Front|Alliance|Union)\b")
#: The words of a name up to such an acronym: capitalised words and the links between them.
_NAME_WORDS_BEFORE = re.compile(r"(?:(?:[A-Z][\w'’-]*|and|of|for|the) ){0,5}[A-Z][\w'’-]*$")
#: An acronym in parentheses after a lowercase letter ("the Joint Forces Command (JFC)"). The
#: literal comes first and the look-behind after it: a pattern that opens with a look-behind
#: is tried at every position of the text (7x slower).
_ACRONYM_IN_PARENTHESES = re.compile(r" \((?<=[a-z] \()([A-Z]{2,8})\)")
#: A capitalised word, or a word a name may hold between them ("of", "and", "al-").
_NAME_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Za-z][\w'’-]*)\s*$")


#: An acronym in parentheses, alone or before a comma: "(GIA)", "(GSIM, or JNIM)".
_ACRONYM_OPENING_PARENTHESES = re.compile(r" \(([A-Z][A-Za-z]{1,9})[),]")
#: What ends the clause a name before an acronym may reach back into.
_CLAUSE_END = re.compile(r"[,;:.!?()\"“”\n]")


def _with_legal_forms(text: str, shapes: list[Span]) -> list[Span]:
    """The shapes with the legal form after a comma that ends a company's name in them."""
    out: list[Span] = []
    end = -1
    for shape in shapes:
        if shape.start < end:
            continue  # the legal form the shape before took
        form = _LEGAL_FORM_AFTER_COMMA.match(text, shape.end)
        if form is not None and form.group(1)[0].isupper() and " " in shape.surface:
            end = form.end()
            shape = Span(shape.start, end, text[shape.start : end], False)
        out.append(shape)
    return out


def _sentence_case_names(text: str, common: frozenset[str]) -> list[Span]:
    """Names with lowercase words that an acronym in parentheses after them defines: the
    sentence case of French and other languages, "Groupe islamique armé (GIA)", "Mouvement
    pour la démocratie et la justice au Tchad (MDJT)", and English names whose linking words
    cut the finder's capitalised runs, "Autonomous Region in Muslim Mindanao (ARMM)". The
    words from a capitalised one to the parenthesis spell the acronym by their initials, and
    one of them is a linking word between capitalised ones or a lowercase word that is no
    English word ("Security forces (SF)" is no name)."""
    names: list[Span] = []
    for found in _ACRONYM_OPENING_PARENTHESES.finditer(text):
        acronym = found.group(1)
        if sum(map(str.isupper, acronym)) < 2:
            continue
        end = found.start()
        clause_start = max(0, end - 160)
        for stop in _CLAUSE_END.finditer(text, clause_start, end):
            clause_start = stop.end()
        # Each word's start after an article elided onto it: the name is "Armée nationale
        # tchadienne" of "l'Armée nationale tchadienne".
        words = [(w.end() - len(bare), bare) for w in re.finditer(r"\S+", text[clause_start:end]) if (bare := without_elided_article(w.group()))]
        for i in range(len(words) - 1, max(-1, len(words) - 2 * len(acronym) - 4), -1):
            first = words[i][1]
            if not first[:1].isupper() or first.lower() in LINKING_WORDS:
                continue
            chosen = [w for _, w in words[i:]]
            if spelt_by_words(chosen, acronym.lower()):
                if _in_sentence_case(chosen, common) or _linked_capitals(chosen):
                    start = clause_start + words[i][0]
                    names.append(Span(start, end, text[start:end], False))
                break
    return names


def _in_sentence_case(words: list[str], common: frozenset[str]) -> bool:
    """Whether one of a name's words is lowercase, no linking word and no English word."""
    return any(w[:1].islower() and w.lower() not in LINKING_WORDS and fold(w) not in common for w in words)


_POSSESSIVE_OR_MODIFIER = re.compile(r"['’]s$|-[a-z]")


def _linked_capitals(words: list[str]) -> bool:
    """Whether a name's words are capitalised ones with a linking word between them
    ("Parliamentary Joint Committee on Intelligence and Security"), or three capitalised
    ones or more, which a known name inside may have cut ("Gerakan Mujahidin Islam Patani")."""
    linking = [w.lower() in LINKING_WORDS for w in words]
    if not all(link or w[:1].isupper() for w, link in zip(words, linking, strict=True)):
        return False
    # Not after an owner or a modifier: "Kuwait's Financial Intelligence Unit", "Turkish-backed Free Syrian Army".
    return any(linking[1:-1]) or (len(words) >= 3 and not _POSSESSIVE_OR_MODIFIER.search(words[0]))


def _named_before_acronyms(text: str, decisions: list[Decision], not_names: frozenset[str]) -> list[Decision]:
    """The decisions with the names an acronym defines in parentheses after them when no
    other rule found those names: words of the language ("The Resistance Front (TRF)",
    "the Joint Forces Command (JFC)") whose capitalised initials spell the acronym, unless
    they are in ``not_names`` ("Specially Designated Global Terrorist (SDGT)" is a label)."""
    added: list[Decision] = []
    ends: set[int] | None = None  # of the decisions, made on first need
    for found in _ACRONYM_IN_PARENTHESES.finditer(text):
        end = found.start()
        if ends is None:
            ends = {d.span.end for d in decisions}
        if end in ends:
            continue
        start = _start_of_initials(text, end, found.group(1))
        if (
            start is not None
            and not any(d.span.start < end and start < d.span.end for d in decisions)
            and fold(text[start:end]) not in not_names
        ):
            added.append(Decision(Span(start, end, text[start:end], False), None, "ORG", False))
    if not added:
        return decisions
    return sorted(decisions + added, key=lambda d: d.span.start)


def _longer_names_before_acronyms(text: str, decisions: list[Decision]) -> list[Decision]:
    """The decisions with the longer name that an unknown acronym in parentheses spells in
    place of the names found inside it: "Coordination of Azawad Movements (CMA)" is one
    body, not Azawad; "Defence and Security Forces (FDS)" and "Agence d'information du
    Burkina (AIB)" are spelt by their initials in their own language's order."""
    by_end = {d.span.end: i for i, d in enumerate(decisions)}
    by_start = {d.span.start: i for i, d in enumerate(decisions)}
    replaced: dict[int, tuple[int, Decision]] = {}  # first decision's index -> (count, longer name)
    for found in _ACRONYM_IN_PARENTHESES.finditer(text):
        end = found.start()
        last = by_end.get(end)
        acronym = by_start.get(found.start(1))
        if last is None or acronym is None or decisions[acronym].match is not None:
            continue
        if initials_spell(decisions[last].span.surface, found.group(1)):
            continue  # the name before spells it already
        start = _start_spelling(text, decisions[last].span.start, end, found.group(1))
        if start is None:
            continue
        first = last
        while first > 0 and decisions[first - 1].span.end > start:
            first -= 1
        if decisions[first].span.start < start or first in replaced:
            continue  # a name across the longer one's start: not one name
        replaced[first] = (last - first + 1, Decision(Span(start, end, text[start:end], False), None, "ORG", False))
    if not replaced:
        return decisions
    out: list[Decision] = []
    i = 0
    while i < len(decisions):
        if i in replaced:
            count, longer = replaced[i]
            out.append(longer)
            i += count
        else:
            out.append(decisions[i])
            i += 1
    return out


def _start_spelling(text: str, before: int, end: int, acronym: str) -> int | None:
    """Where a capitalised word before ``before`` opens the words up to ``end`` whose initials
    spell ``acronym`` (:func:`initials_spell`), within the sentence; None when none does."""
    position = before
    for _ in range(len(acronym) + 3):
        word = _NAME_WORD_BEFORE.search(text, max(0, position - 40), position)
        if word is None or "\n" in text[word.end(1) : position]:
            return None
        position = word.start(1)
        if len(initials(text[position:end])) > len(acronym):
            return None
        if _POSSESSIVE_OR_MODIFIER.search(word.group(1)):
            return None  # "Kuwait's Financial Intelligence Unit (KFIU)", "Turkish-backed Free Syrian Army (TFSA)"
        if text[position].isupper() and initials_spell(text[position:end], acronym):
            return position
    return None


def _start_of_initials(text: str, end: int, acronym: str) -> int | None:
    """Where the words before ``end`` whose capitalised initials spell ``acronym`` start
    (two capitalised words or more, the first capitalised); None when no such words do."""
    position = end
    for _ in range(2 * len(acronym) + 2):
        word = _NAME_WORD_BEFORE.search(text, max(0, position - 40), position)
        if word is None:
            return None
        position = word.start(1)
        spelt = initials(text[position:end])
        if not acronym.endswith(spelt):
            return None
        if spelt == acronym:
            return position if text[position].isupper() and len(spelt) >= 2 else None
    return None


#: Kinds of organisations a group noun after their one-word name refers to.
_GROUP_KINDS = frozenset(["armed-group", "movement", "party", "political-organization"])


def _is_armed_group(match: Match | None) -> bool:
    """Whether a match names, as written, an armed group, movement or party."""
    return match is not None and match.entity is not None and match.method in ("exact", "alias") and match.entity.kind in _GROUP_KINDS


_POSSESSIVE_INSIDE = re.compile(r"['’]s ")


#: A nickname in double quotes between a given name and a surname: 'Ismael "El Mayo" Zambada'.
_QUOTED_NICKNAME = re.compile(r'(?<=[a-zà-ÿ]) ["“][A-Z][\w\'’.-]*(?: [A-Za-z][\w\'’.-]*){0,3}["”] (?=[A-Z])')


def _nicknames_joined(text: str, spans: list[Span]) -> list[Span]:
    """The spans (in order) with a person's name that holds a nickname in double quotes
    taken whole: 'Ismael "El Mayo" Zambada' is one name, as 'Ismael 'El Mayo' Zambada' is (a
    single quote does not end a capitalised run), and coreference then gives the nickname
    alone to the person. A given name and a surname are one or two words each: a longer
    run before the quotes is a body's or a headline's, not a given name."""
    out: list[Span] = []
    by_start = {span.start: span for span in spans}
    skip_until = -1
    for span in spans:
        if span.start < skip_until:
            continue
        nickname = _QUOTED_NICKNAME.match(text, span.end) if len(span.surface.split()) <= 2 else None
        surname = by_start.get(nickname.end()) if nickname is not None else None
        if surname is None or len(surname.surface.split()) > 2:
            out.append(span)
            continue
        out.append(Span(span.start, surname.end, text[span.start : surname.end], False))
        skip_until = surname.end
    return out


#: The office whose portfolio follows: "Minister for ", "Ministers for ", "Minister of State for ".
_PORTFOLIO_BEFORE = re.compile(r"Minister(?:s| of State)? (?:for|of) \Z")
#: A state's formal name in brackets after its short one, as the UN writes it: "Iran (Islamic
#: Republic of)", "Bolivia (Plurinational State of)", "Korea (Democratic People's Republic of)".
_FORMAL_NAME_AFTER = re.compile(r" \((?:[A-Z][\w'’-]* ){1,4}of\)")


def _with_formal_names_after(text: str, spans: list[Span]) -> list[Span]:
    """The spans, a name followed by its state's formal name in brackets taken with it (one
    mention, SPEC's outermost name); the spans inside the brackets dropped."""
    out: list[Span] = []
    end = -1
    for span in spans:
        if span.start < end:
            continue  # inside the brackets just taken
        found = _FORMAL_NAME_AFTER.match(text, span.end)
        if found is None:
            out.append(span)
            continue
        end = found.end()
        out.append(Span(span.start, end, text[span.start : end], span.gazetteer, span.modifier))
    return out


#: Owners that open a body's own name: "People's Majlis", "Women's Union", not a body's owner.
_PEOPLES = frozenset(["people", "women", "children", "men", "youth"])


def _split_at_possessives(
    shapes: list[Span], known: list[Span], is_place: Callable[[Span], bool], is_place_or_body: Callable[[Span], bool]
) -> list[Span]:
    """The shapes, each cut in two at the possessive of a known name inside it: "Kata'ib
    Hezbollah's Abu Fadak al-Mohammadawi" is a group and then a person of it; "People's
    Protection Units" stays whole, and so does a group's province (:func:`names_groups_province`).
    A known place or body that ends the shape after a one-word owner cuts it too: "Memorial's
    Grozny (office)" is a body and the city where it works, "Isis's Amaq (news agency)" a
    group and its outlet."""
    out: list[Span] = []
    by_end: dict[int, Span] | None = None  # the known names, made on first need
    by_span: set[tuple[int, int]] = set()
    for shape in shapes:
        found = _POSSESSIVE_INSIDE.search(shape.surface) if "s " in shape.surface else None
        while found is not None:
            if by_end is None:
                by_end = {s.end: s for s in known}  # by start: the last start of an end wins
                by_span = {(s.start, s.end) for s in known if is_place_or_body(s)}
            cut = shape.start + found.start()
            rest = shape.start + found.end()
            owner = by_end.get(cut)
            owner_word = shape.surface[: found.start()]
            named_after = (rest, shape.end) in by_span and " " not in owner_word and fold(owner_word) not in _PEOPLES
            if not named_after and (
                owner is None or owner.start < shape.start or names_groups_province(shape.surface, owner_is_place=is_place(owner))
            ):
                found = _POSSESSIVE_INSIDE.search(shape.surface, found.end())
                continue
            out.append(Span(shape.start, cut, shape.surface[: found.start()], False, shape.modifier))
            shape = Span(rest, shape.end, shape.surface[found.end() :], False, shape.modifier)
            found = _POSSESSIVE_INSIDE.search(shape.surface)
        out.append(shape)
    return out


def _is_head_of(words: list[str]) -> bool:
    """Whether folded words open with an institution noun and "of" or "for", after at most
    two other words ("ministry of foreign affairs", "supreme council for islamic revolution"),
    or are a house of a parliament ("House of Federation"); not "government of", said of a
    country's government."""
    return any(
        words[i + 1] in ("of", "for") and (words[i] in _NAME_HEADS or words[i] == "house") and words[i] != "government"
        for i in range(min(3, len(words) - 2))
    )


def _opens_institution(words: list[str]) -> bool:
    """:func:`_is_head_of`, or "government of" ("Government of National Unity", "Government
    of Peace and Unity": a name when no known place follows, which callers see to)."""
    return _is_head_of(words) or words[:2] == ["government", "of"]


def _is_contraction(surface: str) -> bool:
    """"They're", "It's", "We'll": a pronoun or function word with a clitic, not a name."""
    found = _CONTRACTION.match(surface)
    return found is not None and found.group(1).lower() in STOP_WORDS


def _article_length(name: str) -> int:
    """The length of the Arabic article opening ``name`` ("Al-" of "Al-Islah"), 0 if none."""
    found = _ARTICLE_OPENING.match(name)
    return found.end() if found else 0


def _capital_count(text: str) -> int:
    return sum(map(str.isupper, text))


def _is_acronym(surface: str) -> bool:
    letters = list(filter(str.isalpha, surface))
    return len(letters) >= 2 and all(map(str.isupper, letters))


#: Documents are scanned for gazetteer names this many characters at a time (one fold and
#: one automaton pass per chunk instead of per document).
CHUNK_CHARACTERS = 1_000_000


#: A document, or a window of one: (doc_id, text, offset in the document, last window?).
_Piece = tuple[str, str, int, bool]


def _windowed(documents: Iterable[tuple[str, str]], window: int) -> Iterator[_Piece]:
    for doc_id, text in documents:
        if len(text) <= window:
            yield doc_id, text, 0, True
            continue
        cuts = list(windows(text, window))
        for start, end in cuts:
            yield doc_id, text[start:end], start, end == cuts[-1][1]


def _chunks(pieces: Iterable[_Piece]) -> Iterator[list[_Piece]]:
    chunk: list[_Piece] = []
    size = 0
    for piece in pieces:
        chunk.append(piece)
        size += len(piece[1])
        if size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


_START = itemgetter(0)
_END = itemgetter(1)


def _in_order_without_overlaps(spans: list[Span]) -> list[Span]:
    """``spans`` by start (the longest first), without those that overlap an earlier one."""
    if all(map(le, map(_END, spans), map(_START, islice(spans, 1, None)))):
        return spans  # the usual case, told apart without a Python loop: already so
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def _inside_any(span: Span, regions: list[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in regions)


STOP_WORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "we", "they", "you", "i", "his", "her", "their", "our", "your", "my", "me", "him", "them", "us", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "after", "before", "during", "while", "since", "until", "about", "into", "over", "under", "between", "through", "against", "among", "within", "without", "not", "no", "nor", "so", "than", "then", "there", "here", "also", "only", "just", "even", "still", "yet", "all", "any", "each", "every", "both", "either", "neither", "some", "such", "many", "much", "more", "most", "other", "another", "same", "new", "one", "two", "three", "first", "last", "next", "mr", "mrs", "ms", "dr"]
)


#: Particles of European names and the "of" of titles and places, besides the Arabic ones.
_EUROPEAN_PARTICLES = frozenset(["de", "del", "della", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den", "la", "le", "of"])
#: A word of a headline's run, without the quotes or punctuation around it.
_HEADLINE_WORD = re.compile(r"\w(?:[\w'’.‐-]*\w)?")
#: The kinds of the words of a headline's run (see ``Tagger._names_in_headline_run``).
_ORDINARY, _PARTICLE, _NAME_WORD = "ordinary", "particle", "name"

#: Most words of a title, with a comma in it and without.
_TITLE_WORDS, _LONG_TITLE_WORDS = 16, 24
#: Longest line :func:`_is_title_case` can call a title (characters).
_TITLE_LINE = 160
_SEPARATOR = re.compile(r" [|•·–—-] ")
_SEPARATOR_CHARACTERS = " |•·–—-"
#: A dash after a lowercase word (searched ending at a segment's start) or before one
#: (matched at its end): a sentence's dash, no separator of a header's parts.
_LOWERCASE_WORD_DASH = re.compile(r"\b[a-z]+ [–—-] $")
_DASH_LOWERCASE_WORD = re.compile(r" [–—-] [a-z]")


#: The head nouns that a force's or movement's name may be written without ("the Security Belt",
#: "the Men of Dignity").
_FORCE_HEADS = frozenset(["forces", "force", "brigades", "brigade", "units", "battalion", "battalions", "movement"])


#: The last words of the names of laws, plans and treaties (folded).
_LAW_HEADS = frozenset(
    ["act", "law", "code", "plan", "agreement", "accord", "accords", "treaty", "convention", "resolution", "strategy", "doctrine", "protocol", "declaration", "charter", "ordinance", "decree", "memorandum", "directive"]
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A day and its month, either way round: "17 November", "September 11".
_DAY_AND_MONTH = re.compile(rf"\d{{1,2}} (?:{_MONTHS})|(?:{_MONTHS}) \d{{1,2}}")
#: The date after a dateline's place, South Asian style: "CHENNAI, May 20."
_DATELINE_DATE = re.compile(rf", (?:{_MONTHS}) \d{{1,2}}[.:]")


def _places_respelt_as_persons(decisions: list[Decision]) -> list[Decision]:
    """A word the document makes an unknown place somewhere ("in Sibi") is that place
    wherever else it only respells a person's name part ("from Quetta to Sibi", al-Sebai's)."""
    places = {d.span.surface for d in decisions if d.match is None and d.type == "LOC" and _is_lone_name(d)}
    if not places:
        return decisions
    return [
        Decision(d.span, None, "LOC", d.partial)
        if d.span.surface in places and d.type == "PER" and d.match is not None and d.match.method in ("key", "fuzzy") and _is_lone_name(d)
        else d
        for d in decisions
    ]


#: A verb of speech right after a name: its bearer speaks.
_SPEAKS_AFTER = re.compile(r" (?:said|says|told|added|stated|explained|insisted|recalled)\b")


def _speakers_named_as_places(text: str, decisions: list[Decision], country_of: Callable[[str], str | None]) -> list[Decision]:
    """A one-word place name that is the surname of a person of the document ("Col.
    Abdiweli Jama Farah ... Farah said", "Isa Ahmed Qassim ... supporters of Qassim") is that
    person, not the Afghan province or the Saudi one, when it speaks, or when no preposition
    of places comes before it ("in Qassim") and the place is in none of the countries of
    the document's other places (Kobani of a Syria story is the town, whatever Mazloum
    Kobani's name); a place standing for its government ("Washington said") has no such
    person, and a country is not taken for one."""
    lone = [i for i, d in enumerate(decisions) if d.type == "LOC" and _is_lone_name(d)]
    if not lone:
        return decisions
    surnames = {fold(d.span.surface).rsplit(maxsplit=1)[-1] for d in decisions if d.type == "PER" and " " in d.span.surface and not d.anchor_only}
    out = list(decisions)
    countries: set[str | None] | None = None
    for i in lone:
        decision = decisions[i]
        folded = fold(decision.span.surface)
        if folded not in surnames:
            continue
        match, start = decision.match, decision.span.start
        if match is not None and match.alias.casefold() == f"the {decision.span.surface.casefold()}":
            continue  # "the Hague", written with its article: the place, whoever William Hague is
        if not _SPEAKS_AFTER.match(text, decision.span.end):
            if place_preposition_before(text, start) or _FROM_OR_TO.search(text, max(0, start - 6), start) is not None:
                continue
            if match is not None and match.entity is not None:
                if countries is None:
                    # The countries of the places that no person's surname names.
                    countries = {
                        country_of(d.match.entity.id)
                        for d in decisions
                        if d.type == "LOC" and d.match is not None and d.match.entity is not None and fold(d.span.surface) not in surnames
                    }
                if match.entity.kind == "country" or country_of(match.entity.id) in countries:
                    continue
        out[i] = Decision(decision.span, None, "PER", True)
    return out


#: "from" or "to" right before a name: a place's prepositions as often as a person's.
_FROM_OR_TO = re.compile(r"\b(?:from|to)\s+\Z", re.IGNORECASE)


def _surnames_only_respelt(text: str, decisions: list[Decision]) -> list[Decision]:
    """A one-word name that only the key tier meets as a known person's name part, when the
    document names that person nowhere in full, is an unknown name: "Mokolo" of a Cameroon
    story is no respelling of Jamil Mukulu's surname, "Thenia" none of Tchiani's. A surname
    written as the person's alias has it ("Zawahiri"); a respelt one is someone or somewhere
    else unless the full name comes first (none did in the 517 documents of the dev corpus)."""
    named = {d.match.entity.id for d in decisions if d.match is not None and d.match.entity is not None and " " in d.span.surface}
    return [
        Decision(d.span, None, type_by_context(text, d.span.start, d.span.end), d.partial)
        if d.match is not None
        and d.match.method == "key"
        and d.match.entity is not None
        and d.match.entity.type == "PER"
        and d.match.entity.id not in named
        and _is_lone_name(d)
        else d
        for d in decisions
    ]


def _foreign_places_only_respelt(decisions: list[Decision], country_of: Callable[[str], str | None]) -> list[Decision]:
    """A one-word place that the gazetteer meets only by its key or roughly ("Dheri" as
    Derry, "Hale" as Halle), or a longer one met roughly ("Bicol Region" as the Bakool
    region), in a country none of the document's sure places is in, is an unknown place of
    the document's own land, not a respelt foreign one."""
    respelt = [
        (i, entity)
        for i, d in enumerate(decisions)
        if d.type == "LOC"
        and (match := d.match) is not None
        and (entity := match.entity) is not None
        and not d.anchor_only
        and (match.method == "fuzzy" or (match.method == "key" and _is_lone_name(d)))
    ]
    if not respelt:
        return decisions
    countries = {
        country_of(d.match.entity.id)
        for d in decisions
        if d.type == "LOC" and d.match is not None and d.match.entity is not None and d.match.method in ("exact", "alias")
    }
    countries.discard(None)
    if not countries:
        return decisions
    out = list(decisions)
    for i, entity in respelt:
        home = country_of(entity.id)
        if not _is_lone_name(decisions[i]) and (home is None or entity.kind == "territory"):
            continue  # a longer name of no one country's place ("Bab al-Mandab Strait", "Saharawi Arab Democratic Republic")
        if entity.kind != "country" and home not in countries:
            out[i] = Decision(decisions[i].span, None, "LOC", decisions[i].partial)
    return out


def _is_lone_name(decision: Decision) -> bool:
    """A name of one word that stands as a mention of its own (not kept only for an anchor)."""
    return " " not in decision.span.surface and not decision.anchor_only


def _acronyms_in_dropped(spans: list[Span], decided: list[Decision | None], decisions: list[Decision]) -> list[Decision]:
    """Words in capitals dropped as words of the language ("CAN", "AIM") that spell the
    initials of a body the document names, kept for it to anchor (see resolve_acronyms):
    "CAN demands action" heads a story on the Christian Association of Nigeria."""
    words = [
        span
        for span, made in zip(spans, decided, strict=True)
        if made is None and 3 <= len(span.surface) <= 8 and span.surface.isalpha() and span.surface.isupper()
    ]
    if not words:
        return decisions  # most documents: the bodies' initials are not worked out
    spelt = {initials(d.span.surface).upper() for d in decisions if d.type == "ORG" and not d.anchor_only and len(d.span.surface.split()) >= 3}
    found = [Decision(span, None, "ORG", True, anchor_only=True) for span in words if span.surface in spelt]
    return sorted(decisions + found, key=lambda d: d.span.start) if found else decisions


#: A ship's prefix before its name: "USS Cole", "HMS Sheffield", "MV Nordkap Trader", "M/T Ebony Crest".
_VESSEL = re.compile(r"(?:USS|USNS|HMS|HMAS|HMCS|RFA|MV|M/V|MT|M/T) (?=[A-Z])")


def _without_vessels(spans: list[Span], decided: list[Decision | None], decisions: list[Decision]) -> list[Decision]:
    """The decisions without unknown names that are a dropped ship's name without its prefix:
    "the Cole" after "USS Cole", "the Nordkap Trader" after "MV Nordkap Trader"."""
    ships = {
        span.surface[found.end() :]
        for span, made in zip(spans, decided, strict=True)
        if made is None and (found := _VESSEL.match(span.surface)) is not None
    }
    if not ships:
        return decisions
    return [d for d in decisions if d.match is not None or d.span.surface not in ships]


def _names_again_in_dropped(spans: list[Span], decided: list[Decision | None], decisions: list[Decision]) -> list[Decision]:
    """Unknown names of the document again inside the capitalised runs it dropped: a
    heading in capitals or in title case ("STATEMENT OF HELEN MARCHETTI, PH.D.", "Rear Adm.
    Douglas Farrier Hold a Press Briefing") is no evidence of a name, but a name the
    document writes as one elsewhere is one there too. So is a force's name without its head
    noun, of ordinary words that alone name nothing ("Security Belt" after "Security Belt
    Forces")."""
    named: dict[str, Decision] = {}
    surnames: dict[str, list[Decision]] = {}
    for decision in decisions:
        surface = decision.span.surface
        if decision.match is None and not decision.anchor_only and decision.type and " " in surface:
            words = surface.lower().split()
            named.setdefault(" ".join(words), decision)
            if decision.type == "ORG" and len(words) >= 3 and words[-1] in _FORCE_HEADS:
                named.setdefault(" ".join(words[:-1]), decision)
            if decision.type == "PER" and (article := _ARTICLE_OPENING.match(words[-1])) is not None:
                surnames.setdefault(words[-1][article.end() :], []).append(decision)
    if not named:
        return decisions
    # A family name alone that opens a sentence, dropped as a capitalised word the document
    # also writes in lowercase ("Organi, who ..." where "organised" is), is the unknown
    # person's of the document who bears it with its article ("Ibrahim al-Organi").
    by_surname = [
        replace(bearers[0], span=span, nil_key=bearers[0].nil_key or bearers[0].span.surface)
        for span, made in zip(spans, decided, strict=True)
        if made is None
        and " " not in span.surface
        and (bearers := surnames.get(span.surface.lower(), []))
        and len({b.nil_key or b.span.surface for b in bearers}) == 1
    ]
    if by_surname:
        decisions = sorted(decisions + by_surname, key=lambda d: d.span.start)
    # Each name's last word is a cheap test; its pattern is compiled only when that passes,
    # as most documents' names are never in a dropped run.
    lasts = [(name.rsplit(" ", 1)[-1], name, source) for name, source in named.items()]
    patterns: dict[str, re.Pattern[str]] = {}
    found: list[Decision] = []
    for span, made in zip(spans, decided, strict=True):
        if made is not None or " " not in span.surface:
            continue
        lowered = span.surface.lower()
        for last, name, source in lasts:
            if last not in lowered:
                continue
            pattern = patterns.get(name)
            if pattern is None:
                pattern = patterns[name] = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)")
            hit = pattern.search(lowered)
            if hit is not None:
                start = span.start + hit.start()
                inner = Span(start, span.start + hit.end(), span.surface[hit.start() : hit.end()], False)
                found.append(replace(source, span=inner, nil_key=source.nil_key or source.span.surface))
                break
    if not found:
        return decisions
    return sorted(decisions + found, key=lambda d: d.span.start)


def _is_listed_name(text: str, start: int, end: int) -> bool:
    """Whether a run opening its line (or a numbered list's entry) before a dash is a name and
    what the list says of it, not a heading in title case: "Abu Abd al-Karim al-Masri – Egyptian
    member of the shura council", "2- Abdulkarim Mohsen Saleh Al Hamdani - Yemeni nationality".
    Without a list's number the name must be an Arabic one."""
    head = text[max(0, start - _ENTRY_NUMBER_REACH) : start]
    line = head.rfind("\n")
    if line == -1 and start > _ENTRY_NUMBER_REACH:
        return False  # the line starts further back than a list's number is long
    before = head[line + 1 :]
    numbered = bool(before) and _ENTRY_NUMBER.fullmatch(before) is not None
    return (
        (numbered or not before)
        and text.startswith((" – ", " — ", " - "), end)
        and (numbered or _ARABIC_NAME_PART.search(text, start, end) is not None)
    )


#: A list entry's number or bullet before its name: "2- ", "12. ", "3) ", "• ".
_ENTRY_NUMBER = re.compile(r"[ \t]*(?:\d{1,3}[-.)]|[-•*])[ \t]*")
#: How far back from a name its line's start is looked for: a list's number is short.
_ENTRY_NUMBER_REACH = 8


#: A kunya or an article written onto a name's word: "Abu ...", "... al-Masri".
_ARABIC_NAME_PART = re.compile(r"\b(?:Abu|Abou|Umm) |\b(?:al|el|Al|El)-[A-Z]")
#: A function word in capitals inside a run: "HUNT FOR MUMIN".
_SHOUTED_LINK = re.compile(rf" (?:{'|'.join(SHOUTED_LINKS)}) ")


def _written_again(text: str, span: Span) -> bool:
    """Whether ``text`` writes the span's surface, as written, elsewhere as a whole word run,
    not in a heading (a headline repeated above its story is no evidence)."""
    surface = span.surface
    at = text.find(surface)
    while at != -1:
        end = at + len(surface)
        if (
            at != span.start
            and not (at and text[at - 1].isalnum())
            and not (end < len(text) and text[end].isalnum())
            and not _is_title_case_segment(text, at, end)
        ):
            return True
        at = text.find(surface, at + 1)
    return False


def _is_title_case_segment(text: str, start: int, end: int) -> bool:
    """Whether the line around a span, or its part between separators in a site header or a
    digest line ("Meridian Security Institute | Analysis | Counterterrorism Program"), is
    in title case (:func:`_is_title_case`).

    A title is short: separators are looked for only as far as one can reach, not along
    the whole paragraph around every unknown name.
    """
    if _is_listed_name(text, start, end):
        return False
    # A bounded reach each way: a megabyte line must not be scanned once per name in it.
    reach = max(0, start - _SEGMENT_REACH)
    line_start = text.rfind("\n", reach, start) + 1 or reach
    # Separators are found scanning the line from its start; a scan from a character that
    # no separator can overlap finds the same ones after it.
    scan_from = max(line_start, start - _TITLE_LINE - len(" | "))
    while scan_from > line_start and text[scan_from] in _SEPARATOR_CHARACTERS:
        scan_from -= 1
    if scan_from > line_start and _SEPARATOR.search(text, scan_from, start) is None:
        return False  # the segment starts further back than a title is long (most names)
    left = max((m.end() for m in _SEPARATOR.finditer(text, scan_from, start)), default=line_start)
    if left == line_start and scan_from > line_start:
        return False
    line_end = text.find("\n", end, end + _SEGMENT_REACH)
    if line_end == -1:
        line_end = min(len(text), end + _SEGMENT_REACH)
    stop = min(line_end, left + _TITLE_LINE + len(" | "))
    found = _SEPARATOR.search(text, end, stop)
    if found is None and stop < line_end:
        return False  # ... or ends further on
    if _LOWERCASE_WORD_DASH.search(text, max(line_start, left - 30), left) or (found is not None and _DASH_LOWERCASE_WORD.match(text, found.start())):
        # "the authorities - Dalerdzhon Mirzoev, Saidakrami Rajabalizoda and ... - are": dashes
        # around an aside in a sentence, a lowercase word on their other side; no header's.
        return False
    return _is_title_case(text[left : found.start() if found is not None else line_end])


_SEGMENT_REACH = 2000


def _line_around(text: str, index: int) -> str:
    """The line holding ``index``; "" when it is longer than a title can be.

    Looks at most a title's length each way: a megabyte line with thousands of names cost a
    copy and a scan of the whole line per name, and filled the title-case cache with them.
    """
    reach = max(0, index - _TITLE_LINE - 1)
    start = text.rfind("\n", reach, index) + 1
    if start == 0 and reach > 0:
        return ""
    stop = min(len(text), start + _TITLE_LINE + 1)
    end = text.find("\n", index, stop)
    if end == -1:
        if stop < len(text):
            return ""
        end = len(text)
    return text[start:end] if end - start <= _TITLE_LINE else ""


_TITLE_CASE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: "al-Bureij" in a headline: the name after the article is capitalised.
_CAPITAL_AFTER_ARTICLE = re.compile("(?:" + "|".join(sorted(ARTICLES)) + ")-[A-Z]")


def _is_title_case(line: str) -> bool:
    # Most lines asked about are paragraphs: not hashed, cached or searched for words.
    return len(line) <= _TITLE_LINE and _is_short_title_case(line)


@lru_cache(maxsize=4096)
def _is_short_title_case(line: str) -> bool:
    words = _TITLE_CASE_WORD.findall(line)
    # A press release's headline runs long ("Justice Department Announces Charges Against
    # ... in New York City"); a longer line with commas is rather a list of names.
    if len(words) < 4 or len(words) > (_LONG_TITLE_WORDS if "," not in line else _TITLE_WORDS) or _CREDIT_LINE.match(line) or _LIST_ENTRY.search(line) or _FIELD_LINE.match(line):
        return False
    lower_ok = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "as", "vs"}
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in lower_ok or _CAPITAL_AFTER_ARTICLE.match(w))
    return capitalised / len(words) >= 0.85 and not line.rstrip().endswith(".")


def _turned_round(words: list[str], alias: str) -> bool:
    """Whether two folded words are an alias's two parts the other way round, by key."""
    known = fold(alias).split()
    return len(known) == 2 and [token_key(w) for w in reversed(words)] == [token_key(w) for w in known]


def _sentence_initial(text: str, index: int) -> bool:
    before = text[max(0, index - 3) : index]
    return bool(_SENTENCE_END.search(before)) or index == 0
