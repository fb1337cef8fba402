"""In-document coreference: a partial name takes the entity of a fuller mention nearby.

"Pompeo", "Zawahiri", "al-Masri", "bin Laden" or "Abu Muhammad" on their own identify
nobody for sure. Within one document they refer to the fullest mention whose name contains
all their parts: the nearest such mention before them, or else the nearest after. An
ambiguous partial with no such anchor stays ``ambiguous``; a partial of an unknown person
("Everett" after "Freddie Everett") joins that person's NIL cluster.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from canonym.corpus.bodies import POSSESSIVE_GAPS, is_generic_body
from canonym.corpus.finder import common_words
from canonym.corpus.typing import GROUP_OPENERS, KUNYA_WORDS, LANDFORM_WORDS
from canonym.gazetteer import Gazetteer
from canonym.gazetteer.index import CONNECTORS
from canonym.normalize import fold, parse_name, token_key
from canonym.normalize.names import name_tables
from canonym.resolver import WEAK_FACTOR, Match, part_similarity

if TYPE_CHECKING:
    from canonym.corpus.tagger import Decision
    from canonym.gazetteer.model import Entity

#: The part similarity of one name part written another way, a short vowel apart
#: (:func:`~canonym.resolver.part_similarity`'s score for Haftar/Hafter, Adel/Adl).
RESPELLED_PART = 0.93
#: Below this score a match made from a partial name may be overridden by an anchor.
SURE_SCORE = 0.9
COREF_FACTOR = 0.95


@dataclass(slots=True)
class _Anchor:
    position: int
    keys: frozenset[str]
    decision: Decision
    #: The id of the anchor's entity (None for an unknown name), and whether it is a person.
    entity_id: str | None
    person: bool


@lru_cache(maxsize=65536)
def _keys(name: str) -> frozenset[str]:
    tokens = parse_name(name).tokens
    if len(tokens) >= 3 and tokens[0] in name_tables().soft_titles:
        # "Syed Asim Munir" is no "Saeed" (whose key Syed's is), "Hafiz Talha Saeed" no
        # "Hafiz": an honorific that is also a given name is not what the press calls him.
        tokens = tokens[1:]
    return frozenset(token_key(t) for t in tokens if t not in CONNECTORS)


@lru_cache(maxsize=65536)
def _plain_keys(name: str) -> frozenset[str]:
    """Keys of the parts written without an article: "Tallis" of "Owen Tallis", not "Huthi" of "al-Huthi"."""
    parts = parse_name(name)
    return frozenset(token_key(t) for t, articled in zip(parts.tokens, parts.articled, strict=False) if not articled and t not in CONNECTORS)


#: The name parts before a father's name, as parse_name writes them (Ben and Ibn as bin).
_FATHER_LINKS = frozenset(["bin", "bint", "ould", "ibn"])


@lru_cache(maxsize=65536)
def _keys_besides_fathers(name: str) -> frozenset[str]:
    """Keys of the parts of a name that no "bin" (or "ould" ...) comes before."""
    tokens = parse_name(name).tokens
    return frozenset(token_key(t) for i, t in enumerate(tokens) if t not in CONNECTORS and (i == 0 or tokens[i - 1] not in _FATHER_LINKS))


@lru_cache(maxsize=65536)
def _fathers(name: str) -> frozenset[str]:
    """Keys of the parts after "bin", "ould" ...: "Salman" in "Khalid bin Salman" is his father."""
    tokens = parse_name(name).tokens
    return frozenset(token_key(t) for p, t in pairwise(tokens) if p in _FATHER_LINKS)


def _is_anchor(decision: Decision) -> bool:
    if decision.partial:
        return False
    match = decision.match
    if match is None:
        return decision.type == "PER" or not decision.span.gazetteer
    return match.entity is not None and match.score >= SURE_SCORE * 0.9


def _needs_anchor(decision: Decision) -> bool:
    if decision.anchor_only:
        return True
    match = decision.match
    if match is not None and match.ambiguous:
        return True
    if match is not None and match.method == "fuzzy" and decision.type == "PER":
        # A person's name that the gazetteer meets only roughly ("Yusif Abdallah" as Yusuf
        # bin Alawi bin Abdullah) is the fuller name of the document that holds its parts
        # ("Mohamad Yusif Abdallah"), known or not, when there is one.
        return True
    if not decision.partial:
        return False
    # A one-word name that the gazetteer meets only by its transliteration key ("Khalil" ->
    # Al-Khalil, "Diarra" -> Deraa), or a place's only as folded ("Rida" -> "Rida'", Rada'a),
    # yields to a person of the document who bears it; a place's name in capitals ("SYRIA")
    # is as sure as the name.
    if match is not None and match.method == "alias" and match.entity is not None and match.entity.type == "LOC":
        return match.alias.casefold() != decision.span.surface.casefold()
    return match is None or match.score < SURE_SCORE or match.method not in ("exact", "alias") or _acronym_as_word(decision)


def _acronym_as_word(decision: Decision) -> bool:
    """Whether a word not in capitals was met only as an acronym is spelt ("Sang" as the
    Saudi Arabian National Guard's SANG, "Naf" as the Nigerian Air Force's NAF): a person or
    place of the document that bears the word is meant before it."""
    match = decision.match
    if match is None or match.method not in ("alias", "key"):
        return False
    alias, surface = match.alias, decision.span.surface
    return len(alias) >= 2 and alias.isupper() and " " not in alias and " " not in surface and not surface.isupper()


def resolve_partials(decisions: list[Decision]) -> list[Decision]:
    """Give partial and ambiguous names the entity of their anchor in the same document.

    Two kinds of anchoring:

    - a partial person's name (surname, nisba, kunya, "bin X"; known or not) takes the
      nearest person mention whose name holds all its parts;
    - an ambiguous name, or a capitalised common word that the gazetteer lists as a weak
      alias ("State" for the State Department), takes a mention of one of its candidate
      entities, and is dropped when there is none.
    """
    seeking, anchoring = _roles(decisions)
    if not seeking or not anchoring:
        return decisions
    anchors = _anchors(decisions, anchoring, _sought_ids(decisions, seeking))
    taken: dict[int, int] = {}
    parts = _PartIndex(anchors)
    alone: dict[str, list[int]] | None = None
    decisions = list(decisions)  # retyped below, the caller's list untouched
    for position in seeking:
        decision = decisions[position]
        if _is_unknown_word(decision) or (_acronym_as_word(decision) and _is_lone_word(decision)):
            # "Crocus" after "Crocus City Hall", "Al-Awda" after "Al-Awda Hospital": the first
            # words of an unknown place or group of the document, written alone, are that
            # place or group; unless a person of the document bears them, or the document
            # names the word alone first and more often: then the longer name is of something
            # there ("Bawku" and the "Bawku Presbyterian Hospital").
            opening = [a for a in anchors if _opens_unknown_thing(a, decision)]
            if len({fold(a.decision.nil_key or a.decision.span.surface) for a in opening}) == 1 and (
                decision.type != "PER" or not any(a.person and _keys(decision.span.surface) <= a.keys for a in anchors)
            ):
                if alone is None:
                    alone = _lone_words(decisions, seeking)
                if not _named_alone_first(alone, decision, opening):
                    before = [a for a in opening if a.position < position]
                    taken[position] = (before[-1] if before else opening[0]).position
                elif decision.type == "PER":
                    # The place a body or site of the document is named after ("Karnataka
                    # Police", "Bawku Municipality"), not a person of the document.
                    decisions[position] = replace(decision, type="LOC")
                continue
        if not _needs_anchor(decision):
            if _is_short_unknown(decision):
                # "Kazemi-Nia" after "Hamid Reza Kazemi-Nia": an unknown name whose parts
                # are all in a fuller person's name of the document is that person.
                wanted = _keys(decision.span.surface)
                longer = _as_kunya(
                    decision,
                    [a for a in anchors if a.person and wanted < a.keys and a.position != position and _in_order_as_written(decision, a)],
                )
                written = _written_as_one(decision.span.surface) if not longer else None
                if written is not None:
                    longer = _as_kunya(decision, _respelled_in(parts, position, written))
                if longer:
                    before = [a for a in longer if a.position < position]
                    taken[position] = (before[-1] if before else longer[0]).position
            continue
        allowed = _candidate_ids(decision)
        wanted = _keys(decision.span.surface)
        fitting = _fitting(anchors, position, decision, wanted, allowed)
        if allowed is not None and wanted and len(fitting) > 1:
            # Of the candidates the document names, one whose mention holds the name as
            # written: "Abu Muhammad" after "Abu Muhammad al-Masri", though a nearer "Ayman
            # al-Zawahiri" bears the kunya too.
            fitting = [a for a in fitting if wanted <= a.keys] or fitting
        if allowed is not None and len(wanted) == 1 and fitting and not any(_bears_outside_kunya(a, wanted) for a in fitting):
            # No candidate the document names bears the one word here but in a kunya: a person
            # of the document whose family name it is, is meant: "Mr. Mohamed" after "Khalfan
            # Khamis Mohamed", not Abdullah Ahmed Abdullah (written Abu Mohamed al-Masri too).
            fitting = [
                a for a in anchors if a.person and a.position != position and {_family_name_key(a.decision.span.surface)} == wanted
            ] or _ambiguous_bearers(decisions, position, wanted) or fitting
        if not fitting and not decision.anchor_only:
            written = _written_as_one(decision.span.surface)
            if written is not None:
                own_id = decision.match.entity_id if decision.match is not None else None
                group = _names_a_group(decision)
                fitting = [
                    a
                    for a in _as_kunya(decision, _respelled_in(parts, position, written))
                    if a.entity_id != own_id and not (group and _family_name_key(a.decision.span.surface) == written) and _not_as_father(decision, a, wanted)
                ]
        if not fitting and allowed is not None and decision.partial and (not decision.anchor_only or decision.type == "PER"):
            # An ambiguous surname ("Kazemi", "Yusuf") whose candidates are not in the
            # document: the person of the document who bears it; a word that is no sure name
            # alone ("Johnson") only as the bearer's family name (not "Ali" of "Hussein Ali").
            fitting = [
                a
                for a in _fitting(anchors, position, decision, wanted, None)
                if not wanted <= _fathers(a.decision.span.surface)
                and (not decision.anchor_only or {_family_name_key(_SUFFIX_AFTER.sub("", a.decision.span.surface))} == wanted)
            ]
        if not fitting and allowed is not None and (not decision.anchor_only or decision.type == "PER"):
            # An ambiguous name ("Hamza"; "Omar", a common word too) whose candidates are not
            # in the document: the person of the document whose name holds it ("Hamza bin
            # Laden") is meant.
            fitting = [a for a in anchors if a.position != position and _given_name_of(a, decision)]
        if fitting and _family_name_of_known(decision):
            # A family name the gazetteer knows does not join a person of the document who
            # bears it as a given name only: "Assad" is no Asaad al-Shaibani.
            fitting = [a for a in fitting if not _given_name_only(a, decision)]
        if not fitting:
            continue
        match = decision.match
        own = match.entity if match is not None else None
        if match is not None and own is not None:
            # The bearer the gazetteer gives the bare name to ("Khamenei", "bin Laden"),
            # when the document names them, before a nearer namesake.
            mine = [a for a in fitting if a.entity_id == own.id]
            if not mine and match.method in ("exact", "alias") and all(a.position > position and a.decision.type == own.type for a in fitting):
                # "Ayatollah Khomeini" before the document names his son Ahmad Khomeini: a
                # name as the gazetteer writes it, before any fuller mention of a namesake of
                # the same type, is the gazetteer's bearer (but a headline's "Zahran" is the
                # Zahran Hashim named below, no Dhahran).
                continue
            fitting = mine or fitting
        before = [a for a in fitting if a.position < position]
        if own is None and allowed is not None and len({a.entity_id for a in before}) > 1 and all(a.person for a in before):
            # "Sinwar" after many mentions of Yahya Sinwar and then two of his brother
            # Mohammed Sinwar: the bare surname stays with the one the document is about,
            # as the press names the other in full; between namesakes named about as often,
            # the nearest is meant ("Anwar al-Awlaki ... al-Aulaqi").
            dominant = _dominant(before, taken)
            if dominant is not None:
                taken[position] = dominant.position
                continue
        taken[position] = (before[-1] if before else fitting[0]).position
    return _adopt_along_chains(decisions, taken)


def _dominant(before: list[_Anchor], taken: dict[int, int]) -> _Anchor | None:
    """The first anchor of the entity that the document has named at least twice as often,
    and three times more, as any other of ``before`` (its full names and the short ones
    already given it); None when none has."""
    ids = {a.position: a.entity_id for a in before}
    counts = Counter(a.entity_id for a in before)
    counts.update(ids[position] for position in taken.values() if position in ids)
    (best, most), (_, next_most) = counts.most_common(2)
    if most < 2 * next_most or most < next_most + 3:
        return None
    return next(a for a in before if a.entity_id == best)


def _adopt_along_chains(decisions: list[Decision], taken: dict[int, int]) -> list[Decision]:
    """Give each decision of ``taken`` (position -> its anchor's) what its anchor ends up as:
    "al-Jamal" after "Sa'id al-Jamal" is whom that takes, the later "AL-JAMAL, Sa'id Ahmad
    Muhammad", not "Sa'id al-Jamal" as it stood before."""
    out = list(decisions)
    for position, anchor in taken.items():
        seen = {position}
        while anchor in taken and taken[anchor] not in seen:
            seen.add(anchor)
            anchor = taken[anchor]
        out[position] = _adopt(decisions[position], decisions[anchor])
    return out


def resolve_opening_words(decisions: list[Decision]) -> list[Decision]:
    """An unknown word that opens the name of a known group or place of the document, written
    alone, is that group or place: "Lashkar" after "Lashkar-e-Taiba", "Hizbul" after "Hizbul
    Mujahideen", "Mocímboa" after "Mocímboa da Praia"; so is the word after a landform
    ("Chaambi" of "Jebel Chaambi"); unless a person of the document bears it, or it opens
    the names of two. A word the gazetteer met only by its transliteration key
    or a fuzzy score is open to it too: "Boni" after "Boni Forest" is no Bunia."""
    words = [i for i, d in enumerate(decisions) if d.nil_key is None and (_is_unknown_word(d) or _is_guessed_word(d))]
    if not words:
        return decisions
    opened: dict[str, set[str]] = {}
    firsts: dict[str, Decision] = {}
    borne: set[str] = set()
    for decision in decisions:
        parts = fold(decision.span.surface).split()
        if len(parts) < 2:
            continue
        if decision.type == "PER":
            borne.update(parts)
        elif _is_known(decision) and decision.match.score >= SURE_SCORE * 0.9:  # type: ignore[union-attr]
            for word in filter(None, (parts[0], _after_landform(parts))):
                opened.setdefault(word, set()).add(decision.match.entity.id)  # type: ignore[union-attr]
                firsts.setdefault(word, decision)
    out = decisions
    for i in words:
        word = fold(decisions[i].span.surface)
        if len(opened.get(word, ())) == 1 and word not in borne:
            if out is decisions:
                out = list(decisions)
            out[i] = _adopt(decisions[i], firsts[word])
    return out


def resolve_names_after_group_openers(decisions: list[Decision]) -> list[Decision]:
    """Short names of groups that the document names after an Arabic word for a group: see
    :func:`_unknown_groups_after_openers` and :func:`_known_groups_after_openers`."""
    return _known_groups_after_openers(_unknown_groups_after_openers(decisions))


def _unknown_groups_after_openers(decisions: list[Decision]) -> list[Decision]:
    """A known group's name that the document gives, after an Arabic word for a group, to
    another group of its own (unknown, or known by that whole name) is that group's short
    name: "Ansarullah" after "Jamaat Ansarullah" (Tajikistan's) is not the Houthis'
    Ansarullah, unless the document names the known group otherwise too."""
    opened: dict[str, Decision] = {}
    for decision in decisions:
        if decision.type == "ORG" and decision.nil_key is None and (decision.match is None or _is_known(decision)):
            words = fold(decision.span.surface).split()
            if len(words) >= 2 and words[0] in GROUP_OPENERS:
                opened.setdefault(" ".join(words[1:]), decision)
    if not opened:
        return decisions
    sought = {
        i: opened[folded]
        for i, d in enumerate(decisions)
        if _is_known(d) and d.type == "ORG" and (folded := fold(d.span.surface)) in opened
    }
    if not sought:
        return decisions
    shortened = {decisions[i].match.entity.id for i in sought}  # type: ignore[union-attr]
    # A known group the document names by another name too is the one meant.
    named = {d.match.entity.id for i, d in enumerate(decisions) if i not in sought and _is_known(d)}  # type: ignore[union-attr]
    out = list(decisions)
    for i, group in sought.items():
        if decisions[i].match.entity.id in shortened - named:  # type: ignore[union-attr]
            out[i] = _adopt(decisions[i], group)
    return out


def _known_groups_after_openers(decisions: list[Decision]) -> list[Decision]:
    """An unknown name that a known group of the document is written as after an Arabic
    word for a group is that group: "al-Ashtar" after "Saraya al-Ashtar"."""
    short: dict[str, set[int]] = {}
    for i, decision in enumerate(decisions):
        if _is_known(decision) and decision.type == "ORG":
            words = fold(decision.span.surface).split()
            if len(words) >= 2 and words[0] in GROUP_OPENERS:
                short.setdefault(" ".join(words[1:]), set()).add(i)
    if not short:
        return decisions
    out = list(decisions)
    for i, decision in enumerate(decisions):
        found = short.get(fold(decision.span.surface)) if decision.match is None and decision.nil_key is None else None
        if found and len({decisions[j].match.entity.id for j in found}) == 1:  # type: ignore[union-attr]
            out[i] = _adopt(decision, decisions[min(found, key=lambda j: abs(j - i))])
    return out


def resolve_unqualified_bodies(decisions: list[Decision]) -> list[Decision]:
    """An unknown body's name that ends a fuller one written before it in the document, after
    a word or two of its country, is that body: "the Defence Ministry" after "the Russian Defence Ministry",
    "Armed Forces" after "Yemeni Armed Forces", "Security Forces" after "Iraqi Security
    Forces"; unless the document names two such bodies ("Russian" and "Ukrainian")."""
    sought = [i for i, d in enumerate(decisions) if _is_unknown_body(d)]
    if not sought:
        return decisions
    qualified: dict[str, list[int]] = {}
    for i, decision in enumerate(decisions):
        if decision.type != "ORG" or decision.partial or (decision.match is not None and decision.match.entity is None):
            continue
        if not decision.span.surface[:1].isupper():
            continue
        words = fold(decision.span.surface).split()
        for cut in (1, 2):
            if len(words) > cut:
                qualified.setdefault(" ".join(words[cut:]), []).append(i)
    out = decisions
    for i in sought:
        fuller = [j for j in qualified.get(fold(decisions[i].span.surface), ()) if j < i]
        bodies = {decisions[j].match.entity.id if _is_known(decisions[j]) else fold(decisions[j].nil_key or decisions[j].span.surface) for j in fuller}  # type: ignore[union-attr]
        if len(bodies) == 1:
            if out is decisions:
                out = list(decisions)
            out[i] = _adopt(decisions[i], decisions[fuller[-1]])
    return out


_NUMBERED_UNIT = re.compile(r"\d+(?:st|nd|rd|th)?")


def resolve_numbered_units(decisions: list[Decision]) -> list[Decision]:
    """A numbered unit's short name, its number and its kind ("103rd Brigade", "6th
    Division"), is the one unit of the document with that number and kind and words between
    them ("103rd Infantry Brigade", "6th Infantry Division")."""
    fuller: dict[tuple[str, str], set[int]] = {}
    for i, decision in enumerate(decisions):
        if not decision.span.surface[:1].isdigit():
            continue
        words = decision.span.surface.split()
        if len(words) > 2 and decision.type == "ORG" and _NUMBERED_UNIT.fullmatch(words[0]):
            fuller.setdefault((words[0], fold(words[-1])), set()).add(i)
    if not fuller:
        return decisions
    out = decisions
    for i, decision in enumerate(decisions):
        words = decision.span.surface.split()
        if len(words) != 2 or decision.type != "ORG" or _is_known(decision):
            continue
        units = fuller.get((words[0], fold(words[1])), set())
        if len({fold(decisions[j].span.surface) for j in units}) == 1:
            if out is decisions:
                out = list(decisions)
            out[i] = _adopt(decision, decisions[min(units)])
    return out


def _is_unknown_body(decision: Decision) -> bool:
    """An unknown or ambiguous organisation's name of two words or more ("Defence Ministry",
    which several countries' ministries bear)."""
    match = decision.match
    return (
        (match is None or match.ambiguous) and decision.type == "ORG" and decision.nil_key is None and " " in decision.span.surface
    )


def _names_a_group(decision: Decision) -> bool:
    """Whether the gazetteer gives the name to an organisation: "Houthi" is the movement's,
    whichever of its leaders bearing it as family name ("Abdul-Malik al-Houthi") the
    document also names (see :func:`_family_name_key`)."""
    match = decision.match
    return match is not None and match.entity is not None and match.entity.type == "ORG"


#: A generational suffix after a person's name ("Paul M. Johnson Jr.", "Johnson, Jr.").
_SUFFIX_AFTER = re.compile(r",? [JS]r\.?$")


@lru_cache(maxsize=65536)
def _family_name_key(name: str) -> str:
    """The key of a person's last name part ("huti" of "Abdul-Malik al-Houthi")."""
    tokens = parse_name(name).tokens
    return token_key(tokens[-1]) if tokens else ""


def _bears_outside_kunya(anchor: _Anchor, wanted: frozenset[str]) -> bool:
    """Whether an anchor's mention bears the keys ``wanted`` as parts of its name, not only
    as the son's name in a kunya ("Mohamed" of "Abu Mohamed al-Masri") or as an honorific
    that opens it ("Syed" of "Syed Salahuddin", whose key Saeed's is)."""
    words = fold(anchor.decision.span.surface).split()
    soft_titles = name_tables().soft_titles
    return any(
        token_key(word) in wanted and (i > 0 or len(words) == 1 or word not in soft_titles) and (i == 0 or words[i - 1] not in KUNYA_WORDS)
        for i, word in enumerate(words)
    )


def _ambiguous_bearers(decisions: list[Decision], position: int, wanted: frozenset[str]) -> list[_Anchor]:
    """The persons of the document whose full name the gazetteer meets only as several
    others' and whose family name is the one word ``wanted``: "an aide to Ibrahim" after
    "Interior Minister Mohamed Ibrahim", not Abu Bakr al-Baghdadi, born Ibrahim."""
    return [
        _Anchor(i, _keys(d.span.surface), d, None, True)
        for i, d in enumerate(decisions)
        if i != position
        and d.type == "PER"
        and d.match is not None
        and d.match.ambiguous
        and _keys(d.span.surface) > wanted
        and fold(d.span.surface).split()[0] not in KUNYA_WORDS
        and {_family_name_key(d.span.surface)} == wanted
    ]


def _sought_ids(decisions: list[Decision], seeking: list[int]) -> set[str]:
    """The entity ids that the seeking decisions may take an anchor of: their candidates and
    their own entity (a superset of what :func:`_fitting` looks for beyond persons)."""
    ids: set[str] = set()
    for position in seeking:
        match = decisions[position].match
        if match is not None:
            ids.update(match.candidates)
            if match.entity is not None:
                ids.add(match.entity.id)
    return ids


def _anchors(decisions: list[Decision], anchoring: list[int], sought: set[str]) -> list[_Anchor]:
    """The anchoring decisions that a seeking one may take: persons, mentions of the
    ``sought`` entities and unknown places and groups of two words or more (no other anchor
    passes the tests of :func:`resolve_partials`)."""
    anchors: list[_Anchor] = []
    for position in anchoring:
        decision = decisions[position]
        entity = decision.match.entity if decision.match is not None else None
        entity_id = entity.id if entity is not None else None
        person = decision.type == "PER"
        if not person and entity_id not in sought and (entity_id is not None or " " not in decision.span.surface):
            continue
        # The name as written and the canonical name; not every alias, or a
        # patronymic ("Hamza bin Usama bin Laden") would anchor "Osama".
        keys = _anchor_keys(decision.span.surface, entity.name if entity is not None else None)
        anchors.append(_Anchor(position, keys, decision, entity_id, person))
    return anchors


def _roles(decisions: list[Decision]) -> tuple[list[int], list[int]]:
    """Positions of the decisions that seek an anchor, and of those that may be one."""
    seeking: list[int] = []
    anchoring: list[int] = []
    for position, decision in enumerate(decisions):
        match = decision.match
        if match is not None and not decision.anchor_only:
            # Most decisions: a name the gazetteer decided. The three tests below, given that.
            if _needs_anchor(decision):
                seeking.append(position)
            if match.entity is not None and match.score >= SURE_SCORE * 0.9 and (not decision.partial or match.entity.type != "PER"):
                # A group's or place's one sure word anchors too ("AQAP" for "Ansar al-Sharia");
                # a person's one name part is no fuller mention of anyone.
                anchoring.append(position)
            elif match.ambiguous and decision.type == "PER" and len(decision.span.surface.split()) >= 3:
                # A person's full name that the gazetteer meets only as several others' ("Mohamad
                # Yusif Abdallah": the Prophet, Boko Haram's founder) is the document's own name.
                anchoring.append(position)
            continue
        if _needs_anchor(decision) or _is_short_unknown(decision) or _is_unknown_word(decision):
            seeking.append(position)
        if _is_anchor(decision):
            anchoring.append(position)
    return seeking, anchoring


@lru_cache(maxsize=65536)
def _anchor_keys(surface: str, canonical: str | None) -> frozenset[str]:
    return _keys(surface) | _keys(canonical) if canonical is not None else _keys(surface)


@lru_cache(maxsize=65536)
def _written_as_one(name: str) -> str | None:
    """The key of a one-part name, or of a two-part name written as one ("Safi al-Din" as
    "Safieddine"), as a fuller name of the document may write it; None for longer names."""
    if name.isupper():
        return None  # an acronym ("AQ") or a name in capitals: no short vowels to go by
    keys = [token_key(t) for t in parse_name(name).tokens if t not in CONNECTORS]
    return "".join(keys) if 1 <= len(keys) <= 2 else None


class _PartIndex:
    """The parts of the fuller person's names of a document, by what a part a short vowel
    from them must share: its first letter (gh as q), its last, and a length one apart at most.
    Built on first need: most documents have no name to look for."""

    def __init__(self, anchors: list[_Anchor]) -> None:
        self._anchors = anchors
        self._by_shape: dict[tuple[str, str, int], list[_Anchor]] | None = None

    def near(self, key: str) -> list[_Anchor]:
        if self._by_shape is None:
            self._by_shape = {}
            for anchor in self._anchors:
                if anchor.person and len(anchor.keys) > 1:
                    for k in anchor.keys:
                        self._by_shape.setdefault(_shape(k), []).append(anchor)
        first, last, size = _shape(key)
        found: list[_Anchor] = []
        for length in (size - 1, size, size + 1):
            found += self._by_shape.get((first, last, length), ())
        return found


@lru_cache(maxsize=65536)
def _shape(key: str) -> tuple[str, str, int]:
    # Cached: the index of each document shapes every key of its people's names again.
    return key[:1].replace("G", "k"), key[-1:], len(key)


def _respelled_in(parts: _PartIndex, position: int, key: str) -> list[_Anchor]:
    """The fuller person's names of the document with a part one short vowel from an
    unknown name's ``key`` ("Hafter" after "Khalifa Haftar", "Badr al-Din" after "Mustafa
    Badreddine"), when they are all of one person."""
    near: list[_Anchor] = []
    for anchor in parts.near(key):
        if anchor.position != position and anchor not in near and any(part_similarity(key, k) >= RESPELLED_PART for k in anchor.keys):
            near.append(anchor)
    return near if len({a.entity_id or a.decision.span.surface for a in near}) == 1 else []


def _is_short_unknown(decision: Decision) -> bool:
    return decision.match is None and decision.type == "PER" and not decision.anchor_only and not decision.span.gazetteer


def _is_unknown_word(decision: Decision) -> bool:
    """An unknown name of one word (hyphens allowed), not found by the gazetteer scan."""
    return decision.match is None and _is_lone_word(decision)


def _is_guessed_word(decision: Decision) -> bool:
    """A one-word name the gazetteer scan did not find, that the resolver matched only by
    transliteration key or fuzzy score."""
    match = decision.match
    return match is not None and match.entity is not None and match.method in ("key", "fuzzy") and _is_lone_word(decision)


def _is_lone_word(decision: Decision) -> bool:
    span = decision.span
    return not decision.anchor_only and not span.gazetteer and " " not in span.surface


def _lone_words(decisions: list[Decision], seeking: list[int]) -> dict[str, list[int]]:
    """The positions of each unknown one-word name of the document, by its folded form."""
    found: dict[str, list[int]] = {}
    for position in seeking:
        decision = decisions[position]
        if _is_lone_word(decision):
            found.setdefault(fold(decision.span.surface), []).append(position)
    return found


def _named_alone_first(alone: dict[str, list[int]], decision: Decision, opening: list[_Anchor]) -> bool:
    """Whether the document writes ``decision``'s word alone (``alone``: see :func:`_lone_words`)
    before any of the longer names that open with it (``opening``), and more often than it
    writes them."""
    positions = alone.get(fold(decision.span.surface), [])
    return bool(positions) and positions[0] < min(a.position for a in opening) and len(positions) > len(opening)


def _opens_unknown_thing(anchor: _Anchor, decision: Decision) -> bool:
    """Whether ``anchor`` is an unknown place or group whose name opens with ``decision``'s
    word and goes on ("Crocus City Hall" for "Crocus"), or is that word after a landform
    ("Jebel Mghila" for "Mghila")."""
    if anchor.person or anchor.entity_id is not None:
        return False
    name, word = fold(anchor.decision.span.surface), fold(decision.span.surface)
    return name.startswith(word + " ") or _after_landform(name.split()) == word


def _after_landform(words: list[str]) -> str | None:
    """The one word of a two-word name that follows a landform word, if it is one: the
    place's own name, written alone too ("Chaambi" of "Jebel Chaambi")."""
    return words[1] if len(words) == 2 and words[0] in LANDFORM_WORDS else None


def _candidate_ids(decision: Decision) -> set[str] | None:
    match = decision.match
    if match is None:
        return None
    if match.ambiguous:
        return set(match.candidates)
    if decision.anchor_only and match.entity is not None:
        return {match.entity.id}
    return None


def _fitting(
    anchors: list[_Anchor], position: int, decision: Decision, wanted: frozenset[str], allowed: set[str] | None
) -> list[_Anchor]:
    """The anchors (other than the decision itself) that ``decision`` may take, in order."""
    if allowed is not None:
        return [a for a in anchors if a.entity_id in allowed and a.position != position]
    match = decision.match
    as_word = _acronym_as_word(decision)
    if match is not None and match.entity is not None and match.entity.type == "ORG" and not as_word:
        # A group's name that is also a family name ("Huthi" for the movement, "al-Huthi"
        # for its leaders) is not taken by a person of the document.
        own = match.entity.id
        if match.method in ("key", "fuzzy") and wanted:
            # Unless the group's name is only respelt so and a person bears it as a surname,
            # not as a nisba: "Tallis" after "Owen Tallis" is the witness, not the Thales
            # company; "Huthi" after "Abdul-Malik al-Huthi" is still the movement.
            bearers = [
                a for a in anchors if a.person and wanted <= a.keys and a.position != position and wanted <= _plain_keys(a.decision.span.surface)
            ]
            if bearers:
                return bearers
        # The same word elsewhere is no fuller mention: "Aman" is no anchor of "Aman".
        return [a for a in anchors if a.entity_id == own and a.position != position and a.decision.span.surface != decision.span.surface]
    if not wanted:
        return []
    sure = (
        match is not None
        and match.entity is not None
        and match.method in ("exact", "alias")
        and (match.score >= SURE_SCORE or (match.entity.type != "PER" and match.score > WEAK_FACTOR))
        and not as_word
    )
    # A partial that the gazetteer places for sure does not join an unknown person; a weak
    # or key-tier one does ("AL-TAMIMI:" after "Haidar al-Tamimi", "al-Qaisy"), and so does
    # a place's weak alias ("Zahran" after "Zahran Hashim" is no Dhahran).
    return _as_kunya(
        decision,
        [
            a
            for a in anchors
            if a.person and wanted <= a.keys and (not sure or a.entity_id is not None) and a.position != position and _not_as_father(decision, a, wanted)
        ],
    )


def _not_as_father(decision: Decision, anchor: _Anchor, wanted: frozenset[str]) -> bool:
    """Whether ``anchor`` bears the parts ``wanted`` as ``decision`` does: a name alone is
    not the one a person bears as his father's ("King Salman" is no Mohammed bin Salman),
    nor is "bin" and a name a person's own given name ("Ben Ali" is no Mohamed Ali Jelassi)."""
    surface = anchor.decision.span.surface
    tokens = parse_name(decision.span.surface).tokens
    if tokens and tokens[0] in _FATHER_LINKS:
        return wanted <= _fathers(surface)
    if not _in_order_as_written(decision, anchor):
        return False
    return not wanted <= _fathers(surface) or wanted <= _keys_besides_fathers(surface)


def _in_order_as_written(decision: Decision, anchor: _Anchor) -> bool:
    """Whether a name of two parts or more is the anchor's first part and others, or a run
    of its parts (:func:`_holds_run`): "Khalifa Haftar" and "Javad Zarif", "Lopez Obrador" are
    "Khalifa Belqasim Omar Haftar", "Mohammad Javad Zarif", "Andres Manuel Lopez Obrador"; but
    "Belqasem Haftar", a given name that is the other's father's and the family name, is his son."""
    short, long = _key_sequence(decision.span.surface), _key_sequence(anchor.decision.span.surface)
    if len(short) < 2 or len(long) <= len(short) or _holds_run(long[:1], short[:1]):
        return True
    return _holds_run(long[1:], short)


def _family_name_of_known(decision: Decision) -> bool:
    """Whether a one-word name is, as the gazetteer places it, a person's family name (the
    last part of their name): "Assad" of Bashar al-Assad."""
    match = decision.match
    if match is None or match.entity is None or match.entity.type != "PER" or " " in decision.span.surface:
        return False
    return _keys(match.entity.name.rsplit(None, 1)[-1]) == _keys(decision.span.surface)


def _given_name_only(anchor: _Anchor, decision: Decision) -> bool:
    """Whether the anchor's name bears the decision's one word, respelt, as its first part
    only: "Asaad" of "Asaad al-Shaibani" for "Assad" (but "Burhan" is Burhan Wani's as
    written)."""
    tokens = parse_name(anchor.decision.span.surface).tokens
    keys = [token_key(t) for t in tokens]
    return (
        len(keys) > 1
        and _keys(decision.span.surface) == {keys[0]}
        and keys[0] not in keys[1:]
        and tokens[0] != fold(decision.span.surface)
    )


def _as_kunya(decision: Decision, anchors: list[_Anchor]) -> list[_Anchor]:
    """The person anchors that may take a name: for a kunya, those who bear it as one ("Abu
    Muhammad" after "Abu Muhammad al-Masri"; "Umm Mohammed", a mother of a Mohammed, is not
    Mohamed Morsi)."""
    if not anchors or fold(decision.span.surface).split()[0] not in KUNYA_WORDS:
        return anchors
    kunya = _key_sequence(decision.span.surface)
    return [a for a in anchors if _holds_run(_key_sequence(a.decision.span.surface), kunya)]


@lru_cache(maxsize=65536)
def _key_sequence(name: str) -> tuple[str, ...]:
    """The keys of a name's parts in order, the kunya's word included."""
    return tuple(token_key(t) for t in parse_name(name).tokens)


def _holds_run(name: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether ``run`` stands in ``name``, its parts together and in order (each as written
    or a short vowel apart)."""
    return any(
        all(a == b or part_similarity(a, b) >= RESPELLED_PART for a, b in zip(name[i : i + len(run)], run, strict=True))
        for i in range(len(name) - len(run) + 1)
    )


def _given_name_of(anchor: _Anchor, decision: Decision) -> bool:
    """Whether a one-word name is the given name (first part) of a person anchor, or the
    anchor is that one word, placed for sure ("Omar" after "Mullah Omar")."""
    if anchor.decision.type != "PER":
        return False
    wanted = parse_name(decision.span.surface).tokens
    tokens = parse_name(anchor.decision.span.surface).tokens
    return len(wanted) == 1 and len(tokens) >= 1 and token_key(wanted[0]) == token_key(tokens[0])


def _adopt(decision: Decision, anchor: Decision) -> Decision:
    anchor_match = anchor.match
    if anchor_match is None or anchor_match.entity is None:
        key = anchor.nil_key or anchor.span.surface
        return replace(decision, match=None, type=anchor.type, nil_key=key, anchor_only=False)
    match = Match(
        decision.span.surface,
        anchor_match.entity,
        round(anchor_match.score * COREF_FACTOR, 4),
        "coref",
        anchor_match.alias,
        anchor_match.key,
    )
    return replace(decision, match=match, type=anchor_match.entity.type, anchor_only=False)


#: How far up the ``part_of`` chain a candidate's context is looked for (a unit, its
#: ministry, its government, its country).
_CONTEXT_DEPTH = 4


def resolve_by_context(
    text: str, decisions: list[Decision], gazetteer: Gazetteer, country_of: Callable[[str], str | None]
) -> list[Decision]:
    """Settle an ambiguous name no mention anchors by what contains its candidates.

    "Congress" is the US Congress or the Indian National Congress; "the Treasury" the US
    department or HM Treasury. When the document names what exactly one candidate is part
    of (the United States, through ``part_of`` in the gazetteer), that candidate is meant.
    Names the document settles otherwise, or where no or several candidates fit, stay. A
    person's ``part_of`` is a group they belong to, which singles out one person only when a
    weak alias names no one else and the document names that very group.
    ``country_of`` gives a place's country by its id (:func:`canonym.corpus.bodies.countries_of`).
    """
    # The decisions with candidates that name no entity: the ambiguous ones (_candidate_ids).
    pending = [
        (i, set(match.candidates))
        for i, d in enumerate(decisions)
        if (match := d.match) is not None
        and match.entity is None
        and match.method == "ambiguous"
        and match.candidates
        and not _before_title(text, d.span.end)
    ]
    if not pending:
        return decisions
    named = {d.match.entity.id for d in decisions if _is_sure(d)}  # type: ignore[union-attr]
    # What the named entities are part of: "Islamic Jihad" after "Saraya al-Quds, the military
    # wing of ..." is the Palestinian group the brigades belong to, not Egypt's.
    wholes = {c for e in named for c in containers(e, gazetteer)}
    out = list(decisions)
    home = _document_country(decisions, country_of)
    for position, candidates in pending:
        decision = decisions[position]
        bodies = [c for c in candidates if gazetteer[c].type != "PER"]
        # The one candidate in the country the document is about ("Army" of a Kashmir story is
        # India's, "Parliament" of a British memorandum the UK's), else the one the document
        # names elsewhere, else the one whose container the document names; but a name every
        # state gives a body ("Ministry of Defense") is none of them in a story of another
        # country.
        fitting = [c for c in bodies if home is not None and country_of(c) == home]
        if len(fitting) != 1:
            fitting = [c for c in bodies if c in named]
        if len(fitting) != 1 and not (home is not None and is_generic_body(decision.span.surface)):
            fitting = [c for c in bodies if not named.isdisjoint(containers(c, gazetteer))] or [c for c in bodies if c in wholes]
        if not bodies and len(candidates) == 1:
            # A person's weak alias, the only one of its spelling, in a story that names the
            # group the person belongs to ("Colonel Karuna" in a report on the LTTE).
            fitting = [c for c in candidates if gazetteer[c].part_of in named]
        if len(fitting) == 1:
            entity = gazetteer[fitting[0]]
            match = Match(decision.span.surface, entity, round(SURE_SCORE * COREF_FACTOR, 4), "coref", decision.span.surface)
            out[position] = replace(decision, match=match, type=entity.type, anchor_only=False)
    return out


def resolve_bodies_of_named_states(
    text: str, decisions: list[Decision], gazetteer: Gazetteer, country_of: Callable[[str], str | None]
) -> list[Decision]:
    """A state's body written after the state's possessive is that state's: "Brazil's Federal
    Police" is Brazil's, not Iraq's, whatever else the document names; "Syria's Ministry of
    Defense", which the gazetteer does not know, is none of the ministries it knows."""
    out = decisions
    for i in range(1, len(decisions)):
        state, body = decisions[i - 1], decisions[i]
        match = body.match
        if (
            match is None
            or text[state.span.end : body.span.start] not in POSSESSIVE_GAPS
            or state.type != "LOC"
            or not _is_sure(state)
            or (country := country_of(state.match.entity.id)) is None  # type: ignore[union-attr]
        ):
            continue
        ids = [match.entity.id] if match.entity is not None else list(match.candidates)
        if not ids or any(entity_id not in gazetteer or gazetteer[entity_id].kind not in STATE_BODIES for entity_id in ids):
            continue
        fitting = [entity_id for entity_id in ids if country_of(entity_id) == country]
        if match.entity is not None and fitting:
            continue
        if out is decisions:
            out = list(decisions)
        if len(fitting) == 1:
            entity = gazetteer[fitting[0]]
            out[i] = replace(body, match=Match(body.span.surface, entity, SURE_SCORE, "coref", body.span.surface), type=entity.type, anchor_only=False)
        else:
            out[i] = replace(body, match=None)
    return out


#: Kinds of the bodies of a state, which a weak alias names only in that state's stories.
STATE_BODIES = frozenset(["ministry", "government-body", "agency", "parliament", "armed-forces", "paramilitary-force", "military-unit", "military-command", "court"])


def unlink_foreign_bodies(decisions: list[Decision], country_of: Callable[[str], str | None]) -> list[Decision]:
    """Drop the links that only a weak alias or a generic name makes to a state's body
    ("Federal Police" is Iraq's, "Majlis" Iran's parliament, "General Intelligence Service"
    Egypt's) in a document whose places are all in other countries: a Maldivian story's
    Majlis is the Maldives', which the gazetteer does not know. An acronym names its body
    wherever it is ("IOF" in a story of Jenin); a document that names no place of any
    country keeps them all."""
    weak = [
        (i, home)
        for i, d in enumerate(decisions)
        if (match := d.match) is not None
        and match.entity is not None
        and match.method in ("exact", "alias", "key", "fuzzy")
        and ((match.score < SURE_SCORE and not d.span.surface.isupper()) or is_generic_body(d.span.surface))
        and match.entity.kind in STATE_BODIES
        and (home := country_of(match.entity.id)) is not None
    ]
    if not weak:
        return decisions
    weak_at = {i for i, _ in weak}
    sure = [(i, d) for i, d in enumerate(decisions) if _is_sure(d) and i not in weak_at]
    places = {found for _, d in sure if d.type == "LOC" and (found := country_of(d.match.entity.id)) is not None}  # type: ignore[union-attr]
    if not places:
        return decisions
    # And the countries of the bodies it names by a name of their own ("OFAC", "U.S.
    # Department of the Treasury").
    countries = places | {found for _, d in sure if d.match.entity.kind in STATE_BODIES and (found := country_of(d.match.entity.id)) is not None}  # type: ignore[union-attr]
    out = list(decisions)
    for i, home in weak:
        if home not in countries:
            out[i] = replace(decisions[i], match=None)
    return out


def _document_country(decisions: list[Decision], country_of: Callable[[str], str | None]) -> str | None:
    """The country the document's sure places are in most often; None when they are in none,
    or in two or more as often."""
    counts = Counter(
        found
        for d in decisions
        if d.type == "LOC" and _is_sure(d) and (found := country_of(d.match.entity.id)) is not None  # type: ignore[union-attr]
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def resolve_by_container_after(text: str, decisions: list[Decision], gazetteer: Gazetteer) -> list[Decision]:
    """A place written with what it lies in after a comma is the candidate that lies there:
    "TRIPOLI, Lebanon", "ALEXANDRIA, Va." (not Egypt's Alexandria, though its spelling names
    that one first)."""
    out = decisions
    for i in range(len(decisions) - 1):
        place, after = decisions[i], decisions[i + 1]
        match = place.match
        if (
            match is None
            or not match.candidates
            or place.type != "LOC"
            or text[place.span.end : after.span.start] != ", "
            or not _is_known(after)
            or after.type != "LOC"
        ):
            continue
        container = after.match.entity.id  # type: ignore[union-attr]
        ids = ([match.entity.id] if match.entity is not None else []) + list(match.candidates)
        inside = [c for c in ids if c in gazetteer and container in containers(c, gazetteer)]
        if len(inside) != 1 or (match.entity is not None and match.entity.id == inside[0]):
            continue
        entity = gazetteer[inside[0]]
        if out is decisions:
            out = list(decisions)
        others = tuple(c for c in ids if c != entity.id)
        if match.entity is None:  # ambiguous: the context decides, as resolve_by_context does
            settled = Match(match.query, entity, round(SURE_SCORE * COREF_FACTOR, 4), "coref", place.span.surface, match.key, others)
        else:
            settled = Match(match.query, entity, match.score, match.method, match.alias, match.key, others)
        out[i] = replace(place, match=settled, anchor_only=False)
    return out


def _before_title(text: str, end: int) -> bool:
    """Whether a title follows: "Treasury Secretary Scott Bessent" names no institution (but
    "MIT intelligence agency" does: "intelligence" opens only longer titles)."""
    following = _NEXT_WORDS.match(text, end)
    if following is None:
        return False
    words = tuple(fold(following.group()).split())
    return any(words[: len(title)] == title for title in name_tables().titles_by_first.get(words[0], ()))


#: The next words after a name, as many as the longest title has.
_NEXT_WORDS = re.compile(r" [A-Za-z]+(?: [A-Za-z]+){0,3}")


def _is_sure(decision: Decision) -> bool:
    """Whether a decision names a known entity surely enough to anchor others (the test of
    :func:`_is_anchor` for a known name, partial or not)."""
    return not decision.anchor_only and _is_known(decision) and decision.match.score >= SURE_SCORE * 0.9  # type: ignore[union-attr]


def containers(entity_id: str, gazetteer: Gazetteer) -> set[str]:
    """The ids up the ``part_of`` chain of an entity (not the entity itself)."""
    found: set[str] = set()
    entity = gazetteer.get(entity_id)
    for _ in range(_CONTEXT_DEPTH):
        if entity is None or entity.part_of is None:
            break
        found.add(entity.part_of)
        entity = gazetteer.get(entity.part_of)
    return found


#: Languages and scripts whose label in brackets gives a name's original: "(Arabic: ...)".
_SCRIPTS = ("Arabic", "Persian", "Farsi", "Dari", "Pashto", "Urdu", "Kurdish", "Hebrew", "Cyrillic", "Russian", "Chinese", "Korean")
#: The lists' label of a name in its original script, after "Name": "Name (original
#: script):", the EU's "Name (Arabic script):".
_SCRIPT_LABEL = r"\((?:original|Arabic|Persian|Cyrillic) script\):"
#: What stands between a name and another name of the same entity: "Abdirizak Hassan Warsame,
#: also known as Abu Yusuf al-Somali", "the Giants Brigades, known in Arabic as Al Amaliqa",
#: a charge sheet's "Salim Mwinyi Bakari, 29, alias Abu Khalid" (an Indian one's "Mohd Arif @ Abu Hamza"), "Sahin Yildiz, code-named "Agit Botan"", the OFAC
#: list's "KAZEMI-NIA, Hamid Reza (a.k.a. KAZEMINIA, Hamidreza; a.k.a. "ABU ALI")" and
#: "AL-SHARABI, Abd al-Rahman Mahmud (Arabic: عبد الرحمن ...)", and the UN list's labels
#: ("Name (original script): ...", "Good quality a.k.a.: a) ... b) ...", "A.k.a.: a) ..."),
#: and the UK list's "QASIR, Muhammad Ja'far\na.k.a: (1) QASIR, Mohammed (2) ... (3) Fadi".
_ALSO_KNOWN_AS = re.compile(
    # "a Saudi national also known as", "whose name is also recorded as", "which also trades
    # as"; a UN list reference before them: "Yusuf Hiiraale (QDi.474), also known as"
    # A head noun after the name: "the Men of Dignity movement, known in Arabic as".
    r"(?: (?:movement|group|militia|faction|organi[sz]ation|network|brigade|party|front|coalition|alliance|channel|agency|company|charity|foundation|camp|prison|village|town|district|neighbou?rhood)(?=,))?"
    r"[\"”’')]?(?:, \d{1,3}(?=,)|\.(?= a\.k\.a)| \([A-Z]{2}[ei]\.\d{3}\))?\s*[,;–—]?[\"”’']?\s*\(?(?:an? (?:(?!of\b)[\w-]+ ){1,4}|an? [\w -]{1,40}? (?=whose ))?(?:who (?:[a-z]+ ){0,3}(?:is|was) |whose name is |which |that )?"
    r"(?:(?:also |better |locally |widely |commonly |popularly |formerly |previously |once )?known (?:locally |widely |in [a-z]+ |to (?:[a-z]+ ){1,2}|(?:until|before|since|in) \d{4} )?as"
    # a company's former name: "formerly named", "was itself known until 2023 as", "f.k.a."
    r"|(?:(?:was|is) (?:itself )?known (?:until|before|since|in) \d{4} as)|(?:formerly|previously) (?:named|called|registered as)|f\.k\.a\.?"
    # "who is usually called", "who had taken the name": a clause of a few words before them
    r"|(?:and )?(?:who (?:is|was) )?(?:usually|often|commonly|generally|simply|widely|locally) called"
    r"|(?:who )?call(?:s|ed|ing) (?:himself|herself|itself|themselves)"
    r"|[^.;\n\"“]{0,70}? (?:took|taken|adopted|assumed|takes|adopts|(?P<under>under)) the (?:name|kunya|alias|nom de guerre|pseudonym)"
    r"|(?:also |sometimes |often |variously )?(?:rendered|spelt|spelled|transliterated)(?: as)?|(?:who was )?born(?: as)?"
    r"|also (?:reported|referred to|called|spelt|spelled|transliterated|written|recorded|listed|registered)(?: as)?|(?:also )?trad(?:es|ed|ing) (?:as|under)"
    r"|a\.k\.a\.?|a/k/a|aka|alias|@|code-?named|nicknamed|dubbed|nom de guerre"
    # "Abu Harith was the nom de guerre of Issa Namwali", "the real name of"
    r"|(?:(?:is|was) )?(?:the|an?|one) (?:(?:real|birth|true|other) )?(?:nom de guerre|kunya|alias|pseudonym|nickname|code ?name|name) (?:of|for|used by)"
    r"|whose (?:real|birth|true) name (?:is|was)(?: [a-z]+(?: by [^,.;\n]{1,30})? as)?"
    r"|whose (?:other )?(?:aliases|names|kunyas|noms de guerre|pseudonyms|nicknames) (?:include[sd]?|are|were)"
    # "who used the alias", "who also uses the kunya", "who also goes by the name"
    r"|(?:(?:, \d{1,3}|, (?:a|an|the) [^,()\n\d]{1,40})?, who )?(?:also |better )?(?:uses?|used|using|goes by|went by|known (?:to (?:[a-z]+ ){1,2})?by|operat(?:es|ed|ing) under)(?: the| his| her| its)?"
    r" (?:alias(?:es)?|kunyas?|noms? de guerre|names?|pseudonyms?|nicknames?|code ?names?))"
    r"[:,]? *(?:\(?(?:\d{1,2}|[a-z])\) *)?(?P<article>the )?[\"“'‘(]?(?:(?P<title>Sheikh|Shaykh|Mullah|Imam|Hajji?|Emir|Amir|Mawlawi|Maulana|Kumander|Commander) )?"
    rf"|(?: +\d: *na)*\s+Name {_SCRIPT_LABEL} *"
    rf"|\s*\((?:{'|'.join(_SCRIPTS)})(?: script)?: *|\s*[(–—-] *in (?:{'|'.join(_SCRIPTS)}), *"
    r"|(?:\s+(?:Good|Low) quality a\.k\.a\.?: *| *[;,]? *)\(?(?:\d{1,2}|[a-z])\) *",
    re.IGNORECASE,
)
_ALSO_KNOWN_AS_WORDS = re.compile(
    r"known (?:locally |widely |in [a-z]+ |to [a-z ]+|(?:until|before|since|in) \d{4} )?as|formerly|previously|f\.k\.a| called | the name |rendered|call(?:s|ed|ing) (?:him|her|it|them)sel|also (?:reported|referred|called|spel|transliterated|written|recorded|listed|registered)|trad(?:es|ed|ing) (?:as|under)|a\.k\.a|a/k/a|\baka\b|\balias| @ |code-?named|nicknamed|dubbed|nom de guerre|"
    r"\bkunya|\bpseudonym|\bnickname|code ?name|(?:real|birth|true|other) name|(?:goes|went|known) by (?:the|his|her|its) |under the names?|\baliases\b|\bborn |\bspel(?:t|led)\b|"
    rf"{_SCRIPT_LABEL}|\((?:in )?(?:{'|'.join(_SCRIPTS)})(?: script)?[:,]|[–—-] *in (?:{'|'.join(_SCRIPTS)}),",
    re.IGNORECASE,
)
#: Substrings of the lowercased text that each of those words holds: found by ``in`` in a
#: few microseconds, where the regex search over a document took tens.
_ALSO_KNOWN_AS_HINTS = (
    "known as", "known to ", " called ", "calling ", "calls ", " the name ", "rendered", "formerly", "previously", "f.k.a", "known until", "known before", "known since", "known locally as", "known widely as", "known in ", "also reported", "also referred", "also called", "also spel",
    "also transliterated", "also written", "also recorded", "also listed", "also registered", "trades as", "traded as", "trading as", "trades under", "traded under", "trading under", "a.k.a", "a/k/a", "aka", "alias", " @ ", "code-named", "codenamed", "nicknamed", "dubbed", "nom de guerre", "script)",
    "kunya", "pseudonym", "nickname", "code name", "real name", "birth name", "true name", "other name", "goes by the", "went by the", "known by the", "known by his", "known by her", "known by its", "under the name", "aliases", "born ", "spelt", "spelled",
    *(f"{script.lower()}:" for script in _SCRIPTS),
    *(f"in {script.lower()}," for script in _SCRIPTS),
)


#: "of" or "of the" just before a name.
_OF_BEFORE = re.compile(r" of (?:the )?\Z")
#: What stands between a person's name and a nickname in quotes after it.
_NICKNAME_GAPS = (', "', ", “", ', or "', ", or “")
#: What every label of _NAME_FIELD ends with.
_NAME_LABEL_HINT = re.compile(r"names?:", re.IGNORECASE)
#: A wanted notice's fields of a person's name: "Family name: BENAMRANE", "Forename: KARIM".
_NAME_FIELD = re.compile(r"(?:^|\n)(Family name|Surname|Last name|Forenames?|Given names?|First names?): *\Z", re.IGNORECASE)


def resolve_name_fields(text: str, decisions: list[Decision]) -> list[Decision]:
    """The values of a notice's name fields are a person's names, and a forename given after
    a family name (Interpol's "Family name: BENAMRANE / Forename: KARIM YOUSSEF") is the same
    person's: unknown in capitals, each alone would be an organisation's acronym or another."""
    if _NAME_LABEL_HINT.search(text) is None:
        return decisions  # no name field: most documents, told without a lowercase copy
    out = decisions
    family: Decision | None = None
    for i, decision in enumerate(decisions):
        field = _NAME_FIELD.search(text, max(0, decision.span.start - 20), decision.span.start)
        if field is None or _is_known(decision):
            continue
        if out is decisions:
            out = list(decisions)
        person = replace(decision, type="PER", match=None) if decision.match is None or decision.match.entity is None else decision
        label = field.group(1).lower()
        if label in ("family name", "surname", "last name"):
            out[i] = family = person
        elif family is not None and decision.span.start - family.span.end < 200:
            out[i] = _adopt(person, family)
        else:
            out[i] = person
    return out


def resolve_aliases(text: str, decisions: list[Decision]) -> list[Decision]:
    """An unknown or ambiguous name that the text gives as another's alias ("X, also known
    as Y") is the entity of that other name. A known alias keeps its entity: a kunya such as
    "Abu Ahmad al-Shami" is borne by many, and the gazetteer knows one of them."""
    lowered = text.lower()
    nicknamed = any(gap in text for gap in _NICKNAME_GAPS)
    if not nicknamed and (not any(hint in lowered for hint in _ALSO_KNOWN_AS_HINTS) or _ALSO_KNOWN_AS_WORDS.search(text) is None):
        return decisions
    out = list(decisions)
    # Words kept only if a fuller mention anchors them stand between no two names: the
    # "Name" of the UN list's "Name (original script):" is one.
    # A word in quotes right after the words that give an alias is one, though it names
    # nothing alone: 'Jorge Quispe Palomino, known as "Raul,"'.
    names = [i for i, decision in enumerate(out) if not decision.anchor_only or _quoted_alias(text, decision)]
    given: dict[str, Decision] = {}
    # The names of an alias list so far: "Also known as: Hasm; Harakat Sawaed Misr; ...", from
    # the first, right after the label that opens its line.
    listed: set[int] = {i for i in names if _ALIAS_LIST_LABEL.search(text, max(0, out[i].span.start - 60), out[i].span.start)}
    # The names of a list that commas and "and" part, not only semicolons: after a label
    # ("Aliases: A, B, C") or a plural ("who used the aliases A and B").
    commas: set[int] = set(listed)
    # The alias right after the words that give one: "and" may add another, the last: a
    # semicolon after it parts the next item of a sentence's list ("also known as Samir
    # Hijazi and Abu Hamam al-Shami; Sami al-'Uraydi; and ...").
    named: set[int] = set()
    last: set[int] = set()
    for i in sorted(listed):
        # A listing's alias line after its "Name:" field: the first alias is the entry's.
        entry = _entry_name(text, out, names, out[i]) if not _is_known(out[i]) else None
        if entry is not None and not _is_undecided(entry):
            out[i] = _adopt(out[i], entry)
            given[out[i].span.surface] = out[i]
    for k in range(1, len(names)):
        h, i, j = names[k - 2] if k > 1 else -1, names[k - 1], names[k]
        first, second = out[i], out[j]
        if (
            h >= 0
            and first.type != "PER"
            and out[h].type == "PER"
            and second.span.start - out[h].span.end <= 90
            and _ALSO_KNOWN_AS.fullmatch(text, out[h].span.end, second.span.start)
        ):
            # "Hapilon – who appeared in ISIS propaganda under the name Abu Abdullah
            # al-Filipini": a body or place named in the words that give a person's alias.
            i, first = h, out[h]
        gap = text[first.span.end : second.span.start]
        if second.span.start - first.span.end > 90:
            continue
        if i in listed and (
            (gap == "; " and i not in last)
            or (_QUOTED_LIST_GAP.fullmatch(gap) and not (";" in gap and i in last))
            or (i in commas and _LIST_GAP.fullmatch(gap) is not None)
            or (i in named and gap == " and ")
        ):
            if i in commas:
                commas.add(j)
            if gap.strip("\"“”‘’'").removeprefix(",") == " and ":
                last.add(j)  # the list's last name, quoted or not: a semicolon after it ends the list
        else:
            said = _ALSO_KNOWN_AS.fullmatch(text, first.span.end, second.span.start)
            if said is None:
                if nicknamed and gap in _NICKNAME_GAPS and first.type == "PER" and not _is_known(second) and _CLOSING_QUOTE.match(text, second.span.end):
                    # A nickname in quotes after a person's name: 'Jamal Ahmidan, "El Chino,"',
                    # 'Tesfay Habte, or "Wedi Habte"'.
                    out[j] = _adopt(second, first)
                continue
            if said.group("article") and _OF_BEFORE.search(text, max(0, first.span.start - 8), first.span.start):
                # "the security forces of the Autonomous Administration, known as the Asayish":
                # the name after "the" is the noun's before "of", not the one after it.
                continue
            if first.type != "PER" and _PERSONAL_PRONOUN.search(said.group()):
                # "the leader of the FARC who is better known by his nom de guerre Timochenko":
                # a person's alias, not the body's named before it.
                continue
            if (said.group("title") or said.group("under")) and first.type != "PER":
                # "an official in Beirut known as 'Hajj Kamel'": a man's, not the city's;
                # "retake Sirte under the name al-Bunyan al-Marsous": an operation's.
                continue
            if _PLURAL_ALIASES.search(said.group()):
                commas.add(j)
            # "also known as Abu Muslim al-Tajiki and Shams Kulobi": a second alias after "and";
            # not after the police's "alias", which gives each suspect one ("Javed Baloch alias
            # Shoaib and Rehmat Ali Kalmati" are two men).
            if _SUSPECTS_ALIAS.fullmatch(said.group()) is None:
                named.add(j)
        listed.update((i, j))
        if "quality a.k.a" in gap or "\na.k.a: (1)" in gap or ". a.k.a: (1)" in gap:
            # The UN list's aliases are the entry's, after fields that may name places
            # ("POB: Giza, Egypt Good quality a.k.a.: a) Abu Mohammed").
            first = _entry_name(text, out, names, second) or first
        if first.type != "PER" and " " in first.span.surface and _is_kunya(second, gap) and _PERSONS_ALIAS.search(gap):
            # "Ibrahim Khalil alias Abu Talha, 27": a name that a kunya follows as its alias
            # is a person's, though a place bears it too (the Ibrahim Khalil crossing).
            first = out[i] = replace(first, match=None, type="PER", nil_key=None)
        if _is_undecided(first) and not first.anchor_only and first.type == "PER" and second.type == "PER" and not _is_undecided(second) and not _is_known(second):
            # "Abu Yusif, also known as Mahmud al-Isawi": a kunya that many bear, which the
            # text gives as an unknown man's, is his here, and so is the kunya written alone later.
            out[i] = _adopt(first, second)
            given[first.span.surface] = out[i]
            continue
        if _is_undecided(first) or (first.type != "PER" and _is_kunya(second, gap)):
            # A kunya is a person's, not the alias of the group or place named before it:
            # 'a Moroccan fighting with the "Islamic State in the Greater Sahara," known by the
            # kunya Abu Dujana al-Maghribi'.
            continue
        if _is_nickname_of_one(second) and first.type == "PER" and not _is_known(first):
            # "Dagalo, also known as Hemedti": a nickname that the gazetteer gives one person
            # names whom the unknown name before it does.
            out[i] = _adopt(first, second)
        elif not _is_known(second) or (second.partial and first.type == "PER" and not _is_nickname_of_one(second)):
            # A known name keeps its entity, but for one name part (a given name, a bare
            # kunya) that many bear: 'REZA KARIMIAN TABRIZI, a/k/a "Karim,"'.
            out[j] = _adopt(second, first)
            given[second.span.surface] = out[j]
    if given:
        # The alias written alone later is the same one: "Gheniwa's stronghold" after
        # "Abdelghani al-Kikli, better known as Gheniwa".
        # So is a person's nickname in quotes, though it names nothing alone ("Raul").
        out = [
            _adopt(d, given[d.span.surface])
            if d.span.surface in given and not _is_known(d) and (not d.anchor_only or (given[d.span.surface].type == "PER" and _quoted_alias(text, given[d.span.surface])))
            else d
            for d in out
        ]
    return out


#: The words that give an alias and an opening quote, at the end of the text before a name.
_ALIAS_QUOTE_BEFORE = re.compile(r"(?:known as|a\.k\.a\.?|a/k/a|alias|nicknamed|code-?named|nom de guerre|dubbed) [\"“'‘]$", re.IGNORECASE)


def _quoted_alias(text: str, decision: Decision) -> bool:
    """Whether a one-word name is in quotes right after "known as", "alias" and the like."""
    start = decision.span.start
    return " " not in decision.span.surface and _ALIAS_QUOTE_BEFORE.search(text, max(0, start - 20), start) is not None


def _is_nickname_of_one(decision: Decision) -> bool:
    """Whether a one-word name is a person's own alias as the gazetteer writes it ("Hemedti"):
    exact and strong, not a name part that others bear too."""
    match = decision.match
    return (
        match is not None
        and match.entity is not None
        and match.entity.type == "PER"
        and match.method == "exact"
        and match.score == 1.0
        and " " not in decision.span.surface
        and fold(decision.span.surface).split()[0] not in KUNYA_WORDS
    )


def _is_kunya(decision: Decision, before: str) -> bool:
    """Whether a name is a kunya ("Abu ...", "Umm ..."), or the words before it call it one."""
    return fold(decision.span.surface).split()[0] in KUNYA_WORDS or "kunya" in before.lower()


#: A line's label before a list of aliases separated by semicolons (or commas); a detainee
#: file's "Aliases and Current/True Name:".
_ALIAS_LIST_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:Also known as|A\.k\.a\.?|Aliases(?: and [\w/ ]{1,30})?|Alias|(?:Other )?names used|Other names):\s*\Z", re.IGNORECASE
)
#: What parts the names of a list that a label or a plural opens (a title cut out of the
#: next name may follow: "Anwar, Emir Anwar").
_LIST_GAP = re.compile(r"(?:, |,? and |,? or |; )(?:[A-Z][a-z]+\.? )?")
#: What parts the quoted names of a list, whatever opened it: '"Abu Maryam" and "T. Hamdan"'.
_QUOTED_LIST_GAP = re.compile(r"[\"”’']?(?:, |,? and |,? or |; )[\"“‘']|[\"”’']; ")
#: The words that give a person's alias, not a group's or place's other name.
#: A closing quotation mark right after a name, a comma or full stop inside it allowed.
_CLOSING_QUOTE = re.compile(r"[,.]?[\"”]")
#: The bare "alias" or "@" between a suspect's name and his one alias.
_SUSPECTS_ALIAS = re.compile(r"\s*,?\s*(?:alias|@)\s*[\"“'‘]?", re.IGNORECASE)
_PERSONS_ALIAS = re.compile(r"\balias\b| @ |\ba/k/a\b|\ba\.k\.a\b", re.IGNORECASE)
#: A plural in the words before an alias: more than one follows.
_PLURAL_ALIASES = re.compile(r"\b(?:aliases|names|kunyas|pseudonyms|nicknames|noms de guerre|code ?names)\b", re.IGNORECASE)


def _entry_name(text: str, decisions: list[Decision], names: list[int], alias: Decision) -> Decision | None:
    """The name of the list entry or wanted notice that ``alias`` is given in: the name right
    after the last "Name:" label before it, or else the last name before it that stands
    alone on its line in capitals (a notice's heading: "JEHAD SERWAN MOSTAFA")."""
    floor = max(0, alias.span.start - 2000)
    # The UN list's "Name: 1: ...", or the UK list's "Name 6: SURNAME 1: ...".
    label, width = max((text.rfind("Name:", floor, alias.span.start), 5), (text.rfind("Name 6:", floor, alias.span.start), 7))
    if label == -1:
        # A heading is nearer than a "Name:" label may be: a notice's fields are few.
        floor = alias.span.start - _HEADING_REACH
        heading = None
        for i in names:
            decision = decisions[i]
            if decision.span.start >= alias.span.start:
                break
            if decision.span.start >= floor and decision.type == "PER" and _alone_on_its_line(text, decision):
                heading = decision
        return heading
    for i in names:
        decision = decisions[i]
        if decision.span.start >= alias.span.start:
            return None
        if decision.span.start > label:
            return decision if text[label + width : decision.span.start].strip() in ("", "1:") else None
    return None


#: How far before a notice's alias line its heading may be (characters).
_HEADING_REACH = 600


def _alone_on_its_line(text: str, decision: Decision) -> bool:
    span = decision.span
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    return line.strip() == span.surface and span.surface.isupper()


def resolve_acronyms(text: str, decisions: list[Decision]) -> list[Decision]:
    """An unknown acronym defined in parentheses after a name is that name, in the whole
    document: "the Alliance of Sahel States (AES) ... the AES". Only the first letters must
    agree (Schwartz and Hearst's test): the rest may come from another language, AES being
    the French "Alliance des Etats du Sahel"."""
    defined = _defined_in_parentheses(text, decisions) if " (" in text else {}
    defined.update(_acronyms_by_initials(decisions, defined))
    if not defined:
        return decisions
    return [
        _adopt(d, defined[d.span.surface]) if d.span.surface in defined and _open_to_definition(d) else d for d in decisions
    ]


def resolve_acronyms_of_the_named(decisions: list[Decision]) -> list[Decision]:
    """An acronym in capitals that the gazetteer gives to one entity as written and to
    another in other case is the other's when the document names only that one: "JEM" of a
    Kashmir story that names Jaish-e-Mohammed (its "JeM") is no Sudanese Justice and
    Equality Movement."""
    acronyms = [i for i, d in enumerate(decisions) if _is_acronym_as_written(d)]
    if not acronyms:
        return decisions
    # Named in full: not by the same letters ("Fla." is no naming of Florida against "FLA").
    named = {d.match.entity.id: d for d in decisions if d.match is not None and d.match.entity is not None and len(fold(d.span.surface).split()) >= 2}
    out = list(decisions)
    for i in acronyms:
        acronym = decisions[i]
        if acronym.match.entity.id in named:  # type: ignore[union-attr]
            continue
        folded = fold(acronym.span.surface)
        others = [d for d in named.values() if any(fold(alias) == folded for alias in d.match.entity.aliases)]  # type: ignore[union-attr]
        if len(others) == 1:
            out[i] = _adopt(acronym, others[0])
    return out


def _is_acronym_as_written(decision: Decision) -> bool:
    """Whether a word of capital letters is an entity's alias as written: not "GAZA" of a
    dateline, a place's name in capitals."""
    match, surface = decision.match, decision.span.surface
    return match is not None and match.entity is not None and match.alias == surface and 2 <= len(surface) <= 6 and surface.isalpha() and surface.isupper()


def _open_to_definition(decision: Decision) -> bool:
    """Whether the document's own definition of a word outranks what the gazetteer made of
    it: nothing, or no more than a transliteration key's guess ("Rapid Action Battalion
    (Rab)" is no Dominic Raab)."""
    match = decision.match
    return match is None or match.method in ("key", "fuzzy")


def resolve_known_acronyms_named(text: str, decisions: list[Decision]) -> list[Decision]:
    """An unknown name right before a known acronym in parentheses whose letters are its
    initials: when the name shares words with the acronym's entity, it is that entity spelt
    another way ("Jama'a Nusrat al-Islam wal-Muslimin (JNIM)"); when it shares none, the
    document defines the acronym anew, and each of its mentions is the name ("the Armed
    Forces of the Philippines (AFP)" is no news agency), as a known name of another entity
    does. Asked before the aliases, which the acronym's entity would otherwise take:
    "Jama'at Ahl al-Thughur (JAT)\nAlso known as: Thughur Media"."""
    if " (" not in text:
        return decisions
    out = decisions
    redefined: dict[str, Decision] = {}
    for i in range(1, len(decisions)):
        name, acronym = decisions[i - 1], decisions[i]
        if (
            _in_parentheses_after(text, name, acronym)
            and _is_known(acronym)
            and (name.match is None or (_is_known(name) and name.match.entity != acronym.match.entity))  # type: ignore[union-attr]
            and acronym.span.surface.isupper()
            and len(name.span.surface.split()) >= 2
            and initials_spell(name.span.surface, acronym.span.surface)
        ):
            if out is decisions:
                out = list(decisions)
            entity = acronym.match.entity if acronym.match is not None else None
            if name.match is None and entity is not None and _shares_words(name.span.surface, entity):
                out[i - 1] = _adopt(name, acronym)
            else:
                redefined.setdefault(acronym.span.surface, name)
        elif (
            name.match is None
            and name.type == "ORG"
            and _in_parentheses_after(text, name, acronym)
            and _is_known(acronym)
            and acronym.span.surface.isupper()
            and _ROMANCE_LINK.search(name.span.surface) is not None
            and acronym.match.entity.type == "ORG"  # type: ignore[union-attr]
            and acronym.match.entity.kind not in _CREDITED  # type: ignore[union-attr]
            and initials_spell(acronym.match.entity.name, acronym.span.surface)  # type: ignore[union-attr]
        ):
            # A translation of the body's name before its English acronym: "Nuevo Ejército
            # del Pueblo (NPA)", "Partido Comunista de Filipinas (CPP)". Not an English name
            # before a credit line's "(AFP)", nor a news agency's credit after any name.
            if out is decisions:
                out = list(decisions)
            out[i - 1] = _adopt(name, acronym)
    if redefined:
        out = [_adopt(d, redefined[d.span.surface]) if d.span.surface in redefined else d for d in out]
    return out


#: A person's possessive in the words that give an alias ("known by his nom de guerre").
_PERSONAL_PRONOUN = re.compile(r"\b(?:his|her)\b", re.IGNORECASE)
#: The kinds of bodies whose acronym in parentheses credits a report ("(AFP)", "(EFE)").
_CREDITED = frozenset({"outlet", "news-agency"})
#: A linking word of a Spanish, Portuguese, French or Italian name ("Partido Comunista de Filipinas").
_ROMANCE_LINK = re.compile(r" (?:de|del|de la|de los|des|du|da|do|das|dos|della|y|e|et) ")


def resolve_translations(text: str, decisions: list[Decision]) -> list[Decision]:
    """An unknown name of two words or more in parentheses right after an unknown group's or
    person's name is its translation: "Ashab al-Kahf (Companions of the Cave)"; not after a place
    ("Hezbollah (Lebanon)" names where it is). So is an unknown Arabic name, one word with its
    article too, after any group's: "Giants Brigades (Al-Amaliqa)", "State of Law (Dawlat
    al-Qanun)", whose Arabic name the gazetteer may lack."""
    dashes = " – " in text or " — " in text
    if " (" not in text and not dashes:
        return decisions
    out = decisions
    for i in range(1, len(decisions)):
        name, translation = decisions[i - 1], decisions[i]
        if translation.match is not None or translation.nil_key is not None:
            continue
        arabic = name.type == "ORG" and _ARTICLED.search(translation.span.surface) is not None
        if (
            (" " in translation.span.surface or arabic)
            # A group's name, or a transliterated one typed as a person's: "Dan Jarvis (Barnsley
            # Central)" names an MP's constituency, not a translation.
            and (name.type == "ORG" or (name.type == "PER" and _ARTICLED.search(name.span.surface) is not None))
            # A known name's translations are its aliases already: "Reuters (Special Report)".
            and (name.match is None or (arabic and name.match.entity is not None))
            and (_in_parentheses_after(text, name, translation) or (arabic and dashes and _between_dashes_after(text, name, translation)))
        ):
            if out is decisions:
                out = list(decisions)
            out[i] = _adopt(translation, out[i - 1])
    return out


_ARTICLED = re.compile(r"\b(?:al|el|ad|ash|an|ar|as|at|az)-", re.IGNORECASE)


def resolve_kunyas_in_parentheses(text: str, decisions: list[Decision]) -> list[Decision]:
    """A kunya in parentheses right after a person's name is that person's: "Magomed
    Suleimanov (Abu Usman Gimrinsky)"; whichever of the two the gazetteer knows names both."""
    out = decisions
    for i in range(1, len(decisions)):
        name, kunya = out[i - 1], out[i]
        if not (
            name.type == kunya.type == "PER"
            and fold(kunya.span.surface).split()[0] in KUNYA_WORDS
            and fold(name.span.surface).split()[0] not in KUNYA_WORDS
            and _in_parentheses_after(text, name, kunya)
        ):
            continue
        if not _is_known(kunya) and not _is_undecided(name):
            position, adopted = i, _adopt(kunya, name)
        elif _is_known(kunya) and name.match is None:
            position, adopted = i - 1, _adopt(name, kunya)
        else:
            continue
        if out is decisions:
            out = list(decisions)
        out[position] = adopted
    return out


#: The words a name in French, Spanish, Portuguese, Italian or English links its words with;
#: an acronym has no letter of theirs ("Front pour l'alternance et la concorde au Tchad": FACT).
LINKING_WORDS = frozenset(
    ["de", "du", "des", "la", "le", "les", "et", "à", "au", "aux", "pour", "en", "sur", "par", "dans", "contre", "of", "the", "and", "for", "in", "on", "against", "del", "y", "e", "do", "da", "dos", "das", "di", "della", "per"]
)
#: An article elided onto the next word: l'islam, d'Al-Qaïda.
_ELIDED_ARTICLE = re.compile(r"^[ldLD][’']")


def spelt_by_words(words: list[str], acronym: str) -> bool:
    """Whether the initials of ``words`` spell ``acronym`` (lowercase): a linking word has none,
    a hyphenated word one or each part's ("Al-Qaïda": A or AQ)."""
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    parts = [p for p in word.split("-") if p]
    if not parts or word.lower() in LINKING_WORDS:
        return spelt_by_words(rest, acronym)
    # Initials folded: "État islamique au Grand Sahara" spells EIGS.
    readings = {fold(parts[0][0])} | ({fold("".join(p[0] for p in parts)).replace(" ", "")} if len(parts) > 1 else set())
    return any(acronym.startswith(r) and spelt_by_words(rest, acronym[len(r) :]) for r in readings)


def without_elided_article(word: str) -> str:
    """The word without an article elided onto it: "l'islam" -> "islam"."""
    return _ELIDED_ARTICLE.sub("", word)


def initials_spell(name: str, acronym: str) -> bool:
    """Whether the initials of ``name`` spell ``acronym``, in order or, for three letters or
    more, in the order of the name in another language: "People's National Army (ANP)" is
    the Armée nationale populaire, "Ministry of National Defence (MDN)" the Ministère de la
    Défense nationale."""
    letters = "".join(c for c in acronym if c.isalpha())
    spelt = initials(name).upper()
    if spelt == letters or (len(letters) >= _MIN_INITIALS and sorted(spelt) == sorted(letters)):
        return True
    if initials(name, articles=True) == letters:
        return True  # "Al-Ashtar Brigades (AAB)", "Al-Qard Al-Hassan (AQAH)": the capitalised article spelt too
    if len(letters) >= _MIN_INITIALS and spelt[:-1] == letters and fold(name.rsplit(None, 1)[-1]) in _GENERIC_LAST_WORDS:
        return True  # "Multinational Security Support Mission (MSS)": the acronym leaves out the generic noun
    # A name in sentence case: "Armée nationale populaire (ANP)".
    words = [without_elided_article(w) for w in name.split()]
    return any(w[:1].islower() and w not in LINKING_WORDS for w in words) and spelt_by_words(words, letters.lower())


def _between_dashes_after(text: str, name: Decision, other: Decision) -> bool:
    """Whether ``other`` stands alone between dashes right after ``name``: "the Coordination
    Framework – al-Itar al-Tansiqi – is"."""
    dash = text[name.span.end : other.span.start]
    return dash in (" – ", " — ") and text.startswith(dash.rstrip(), other.span.end)


def _in_parentheses_after(text: str, name: Decision, acronym: Decision) -> bool:
    """Whether ``acronym`` stands alone in parentheses right after ``name``: "Name (ACR)"."""
    return (
        acronym.span.start - name.span.end == 2
        and text[name.span.end : acronym.span.start] == " ("
        and text.startswith(")", acronym.span.end)
    )


def _shares_words(name: str, entity: Entity) -> bool:
    """Whether a name has a word of four letters or more (folded), not a common one, in the
    entity's names: "Rwanda Security Forces (RSF)" shares only "Forces" with the Rapid
    Support Forces."""
    common = common_words()
    words = {w for w in fold(name).replace("-", " ").split() if len(w) >= 4 and w not in common}
    return any(not words.isdisjoint(fold(n).replace("-", " ").split()) for n in (entity.name, *entity.strong, *entity.weak))


def _defined_in_parentheses(text: str, decisions: list[Decision]) -> dict[str, Decision]:
    """Unknown acronyms in parentheses right after a name, and that name."""
    defined: dict[str, Decision] = {}
    for previous, decision in pairwise(decisions):
        if (
            _in_parentheses_after(text, previous, decision)
            and (_is_unknown_acronym(decision) or _is_written_acronym(decision, previous) or _is_mixed_case_acronym(decision, previous))
            and (_is_known(previous) or len(previous.span.surface.split()) >= 2)
            and (
                previous.span.surface[:1].upper() == decision.span.surface[:1]
                # An organisation's acronym may come from its name in another language:
                # "Firat News Agency (ANF)", Ajansa Nûçeyan a Firatê.
                or (previous.type == "ORG" and len(previous.span.surface.split()) >= 2)
            )
        ):
            defined.setdefault(decision.span.surface, previous)
    return defined


_INITIAL_WORD = re.compile(r"[^\W\d_][\w'’]*")
_CAPITAL_ARTICLES = frozenset(["Al", "El"])
_NOT_INITIALS = frozenset(["al", "el", "wal", "of", "and", "the", "for", "in", "de", "du", "des", "la", "le", "et"])
#: Nouns that end a name and that its acronym may leave out.
_GENERIC_LAST_WORDS = frozenset(["mission", "group", "programme", "program", "operation", "initiative", "project", "campaign"])
#: The fewest letters an acronym must have to be read from a name's initials alone.
_MIN_INITIALS = 3


@lru_cache(maxsize=65536)
def initials(surface: str, *, articles: bool = False) -> str:
    """The first letters of a name's capitalised words, articles and particles left out
    ("Jamaat Nusrat al-Islam wal-Muslimin": JNIM), or with ``articles`` the capitalised
    Arabic article kept ("Al-Qard Al-Hassan": AQAH)."""
    words = _INITIAL_WORD.findall(surface)
    return "".join(w[0] for w in words if w[0].isupper() and (w.lower() not in _NOT_INITIALS or (articles and w in _CAPITAL_ARTICLES)))


def _acronyms_by_initials(decisions: list[Decision], defined: dict[str, Decision]) -> dict[str, Decision]:
    """Unknown acronyms of three letters or more that no parentheses define, spelt by the
    initials of exactly one name of the document before them: "the Stability Support
    Apparatus ... the SSA"; or, when no name before them does, after them: a heading "CAN
    demands action" before the story names the Christian Association of Nigeria."""
    found: dict[str, Decision] = {}
    if not any(_is_unknown_acronym(d) or _is_undefined_mixed_case(d) for d in decisions):
        return found  # no unknown acronym: the usual case, told without the names' initials
    names: dict[str, dict[str, Decision]] = {}  # initials -> one decision per named entity
    unnamed: list[tuple[str, str]] = []  # acronyms that no name before them spells, and their letters
    for decision in decisions:
        surface = decision.span.surface
        if _is_unknown_acronym(decision):
            letters = "".join(c for c in surface if c.isalpha())
            named = names.get(letters)
            if surface not in defined and surface not in found and len(letters) >= _MIN_INITIALS:
                if named and len(named) == 1:
                    found[surface] = next(iter(named.values()))
                elif not named:
                    unnamed.append((surface, letters))
        elif " " in surface or "-" in surface:
            identity = decision.match.entity.id if _is_known(decision) else (decision.nil_key or surface)  # type: ignore[union-attr]
            for spelt in {initials(surface), initials(surface.replace("-", ""))}:
                # A compound's words give one initial or each theirs: "Kuki-Chin National
                # Front" is the KNF, "Tehrik-i-Taliban Pakistan" the TTP.
                names.setdefault(spelt, {}).setdefault(identity, decision)
    for surface, letters in unnamed:
        named = names.get(letters)
        if surface not in found and named and len(named) == 1:
            found[surface] = next(iter(named.values()))
    for i, decision in enumerate(decisions):
        surface = decision.span.surface
        if _is_undefined_mixed_case(decision) and surface not in defined and surface not in found:
            # "HaD" of "Tanzim Hurras al-Din" (see _is_mixed_case_acronym), undefined.
            spelling = {
                d.match.entity.id if _is_known(d) else (d.nil_key or d.span.surface): d  # type: ignore[union-attr]
                for d in decisions[:i]
                if not d.anchor_only and " " in d.span.surface and _is_mixed_case_acronym(decision, d)
            }
            if len(spelling) == 1:
                found[surface] = next(iter(spelling.values()))
    return found


def _is_known(decision: Decision) -> bool:
    return decision.match is not None and decision.match.entity is not None


def _is_undecided(decision: Decision) -> bool:
    """An ambiguous name, or a word kept only if a fuller mention anchors it."""
    return decision.anchor_only or (decision.match is not None and decision.match.entity is None)


def _is_written_acronym(decision: Decision, name: Decision) -> bool:
    """Whether an unknown word is an acronym written as a word ("Nacta" of "National Counter
    Terrorism Authority", as Pakistani and British papers write them): its letters are the
    name's, in order, from the first."""
    surface = decision.span.surface
    if not _open_to_definition(decision) or not (3 <= len(surface) <= 12 and surface.isalpha() and surface[1:].islower()):
        return False
    letters = iter(fold(name.span.surface))
    return surface[0] == name.span.surface[0] and all(c in letters for c in surface.lower())


def _is_mixed_case_acronym(decision: Decision, name: Decision) -> bool:
    """Whether an unknown word is an acronym that keeps the name's small words in lowercase
    ("MoI" of "Ministry of Interior", "MoFA", "DoD", "HaD" of "Tanzim Hurras al-Din"): its
    capitals are the name's initials, but for an Arabic word for a group that opens it."""
    surface = decision.span.surface
    if _is_known(decision) or not mixed_case_acronym_shape(surface):
        return False
    capitals = "".join(c for c in surface if c.isupper())
    spelt = initials(name.span.surface)
    return capitals == spelt or (capitals == spelt[1:] and fold(name.span.surface).split()[0] in GROUP_OPENERS)


def _is_undefined_mixed_case(decision: Decision) -> bool:
    """A word kept only if a fuller name anchors it, written as an acronym with small letters."""
    surface = decision.span.surface
    return decision.anchor_only and not surface.isupper() and mixed_case_acronym_shape(surface)


def mixed_case_acronym_shape(surface: str) -> bool:
    """Whether a word is shaped as an acronym that may keep small letters ("HaD", "MoI",
    "DoD"): three to six letters, two capitals or more, not only the first."""
    return 3 <= len(surface) <= 6 and surface.isalpha() and sum(map(str.isupper, surface)) >= 2 and not surface[1:].islower()


def _is_unknown_acronym(decision: Decision) -> bool:
    surface = decision.span.surface
    if not surface.isupper() or _is_known(decision):
        return False  # most names: told without looking at their letters
    letters = [c for c in surface if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
