"""Clustering the names the gazetteer does not know, across all documents of a run.

Unknown mentions are grouped by their name key (the same normalizer as the resolver), and
groups whose names align part by part (``name_similarity`` both ways, the resolver's own
measure) are merged, so "Bah Ag Moussa" and "Bah ag Mussa" share one ``NIL:`` id, as do
names whose parts are written together or apart ("Hamidreza Kazeminia"). A
cluster's id and canonical name come from its most frequent spelling.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from canonym.corpus.bodies import is_generic_body
from canonym.corpus.finder import common_words, english_given_names, sentence_start_words, without_part_numbers
from canonym.corpus.mentions import Mention, new_mention
from canonym.corpus.typing import ORG_WORDS
from canonym.normalize import fold, name_key, parse_name, token_key, token_skeleton
from canonym.normalize.names import (
    KUNYA,
    common_given_name_keys,
    common_given_names_only,
    is_common_given_name,
    name_tables,
    uninvert,
)
from canonym.normalize.translit import is_arabic_script, loose_skeleton
from canonym.resolver import name_similarity


@lru_cache(maxsize=200_000)
def _skeleton(part: str) -> str:
    """The loose skeleton of a part, with z as s (German spellings write a voiced s: Mirsojew
    = Mirzoyev) and no h after b, d, g, j, p or t (South Asian spellings mark aspirates that
    others leave out: Prabhakaran = Prabakaran, Thamilselvan = Tamilselvan), memoized:
    clustering asks for the parts of every unknown name again and again. (Here only: in
    :func:`loose_skeleton` it would widen every fuzzy look-up's blocks.)"""
    return _ASPIRATE.sub(r"\1", loose_skeleton(token_skeleton(part)).replace("z", "s"))


_ASPIRATE = re.compile(r"([bdgjpt])h")


#: Letters a name written together must have to be one with its words written apart.
MIN_SPELT_TOGETHER = 5
#: Both names must be covered this well by each other to merge two clusters.
MERGE_SIMILARITY = 0.9
#: Legal forms that end a company's name and may be left out ("Golden Dune Shipping L.L.C."
#: is "Golden Dunes Shipping" in another notice). Not "SA" or "AG", which end people's names.
_LEGAL_FORMS = frozenset(
    token_key(word)
    for word in ["llc", "ltd", "limited", "co", "company", "inc", "corp", "corporation", "plc", "llp", "fze", "fzco", "fzc", "fzllc", "sarl", "gmbh", "jsc", "pjsc", "ojsc", "cjsc", "pvt", "pte", "bv", "srl", "spa"]
)


#: Words of a place named after another: "Kfarchouba Hills", "Kainji Lake National Park".
_NAMED_AFTER = frozenset(token_key(word) for word in ["hills", "hill", "mountains", "mountain", "mount", "lake", "river", "valley", "dam", "park", "national", "forest", "plain", "plains", "desert", "reserve"])
#: Words after a body's or place's own name that a short form leaves out.
_DESIGNATORS = frozenset(token_key(word) for word in ["office", "foundation", "establishment", "agency", "bureau", "island", "media"])
#: Words after a place's or body's own name that end the name and a short form leaves out:
#: "Bundibugyo District", "Iligan City" (not "Iligan City Police Office"), "Westgate Mall",
#: "Bolivar State", "Taqaddum Party", "Giwa Barracks", "Nandikadal Lagoon".
_LAST_DESIGNATORS = frozenset(
    token_key(word)
    for word in [
        "city", "district", "province", "governorate", "county", "region", "zone", "division", "oblast", "prefecture", "state", "valley",
        "river", "mountains", "mall", "hotel", "party", "movement", "coalition", "alliance", "front", "forces",
        "barracks", "prison", "jail", "lagoon",
    ]
)


def nil_cluster_keys(
    keys: list[str],
    organisations: frozenset[str] = frozenset(),
    generic: frozenset[str] = frozenset(),
    joined: Iterable[tuple[str, str]] = (),
    family_named: frozenset[str] = frozenset(),
    persons: frozenset[str] = frozenset(),
    places: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Map each unknown name key (sorted, distinct) to its cluster's representative key.

    ``organisations`` are the keys written as organisations' names: a shorter one joins a
    longer only when its words stand together there, and a ``generic`` one (two ordinary
    words: "National Police") joins none (see :func:`_merge_partial_names`). The pairs of
    ``joined`` are one name's keys (see :func:`_joined_by_spelling`). ``family_named`` are
    the keys of persons' names that end in a family name with its article ("Sa'id al-Jamal");
    ``persons`` those written as persons' names, ``places`` those written as places' names
    only.
    """
    parent = {k: k for k in keys}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in joined:
        union(a, b)

    # Names merge only when every part aligns with its counterpart, so a block holds the
    # names with as many parts and the same first and last consonant skeletons: comparing
    # all pairs per last part alone grew with the square of the corpus (58 s at 100k names).
    # A company's name is compared without its legal form.
    base = {key: _without_legal_form(key.split()) for key in keys}
    blocks: defaultdict[tuple[int, str, str], list[str]] = defaultdict(list)
    for key, parts in base.items():
        if parts:
            blocks[(len(parts), _skeleton(parts[0]), _skeleton(parts[-1]))].append(key)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                pa, pb = base[a], base[b]
                forward = name_similarity(pa, pb, 0.78)
                backward = name_similarity(pb, pa, 0.78)
                if min(*forward, *backward) >= MERGE_SIMILARITY or _last_part_revoweled(pa, pb):
                    union(a, b)
    _merge_initialled(base, find, union)
    # Parts written together or apart are one name: "Hamid Reza Kazemi Nia" = "Hamidreza
    # Kazeminia". A person's three parts or more in another order are one name: "Ayaba Cho
    # Lucas", "Lucas Ayaba Cho" and "Lucas Cho Ayaba"; given and family names change places
    # between a country's usage, a foreign court's and a list's. Two parts do when one is no
    # common given name ("Asahara Shoko" and "Shoko Asahara"), not two given names (Ali
    # Hassan is not Hassan Ali).
    written_together: dict[str, str] = {}
    reordered: dict[tuple[str, ...], str] = {}
    given = common_given_name_keys()
    for key in keys:
        union(key, written_together.setdefault("".join(base[key]), key))
        parts = base[key]
        if key in persons and (len(parts) >= 3 or (len(parts) == 2 and not given.issuperset(parts))):
            union(key, reordered.setdefault(tuple(sorted(parts)), key))
    _merge_partial_names(keys, find, parent, organisations, generic, family_named, places)
    return {k: find(k) for k in keys}


def _merge_initialled(base: dict[str, list[str]], find: Callable[[str], str], union: Callable[[str, str], None]) -> None:
    """Join a name that opens with an initial to the one cluster of names that spell it out
    and align with it otherwise ("V. Prabakaran" and "Velupillai Prabhakaran"); an initial
    that several names spell out ("M. Ali": Mohammed Ali, Mahmoud Ali) joins none."""
    written_out: defaultdict[tuple[int, str, str], list[str]] = defaultdict(list)
    initialled: list[str] = []
    for key, parts in base.items():
        if len(parts) >= 2:
            if len(parts[0]) == 1 and parts[0].isalpha():
                initialled.append(key)
            else:
                written_out[(len(parts), parts[0][0], _skeleton(parts[-1]))].append(key)
    for key in initialled:
        parts = base[key]
        alike = {
            find(other)
            for other in written_out.get((len(parts), parts[0], _skeleton(parts[-1])), ())
            if min(*name_similarity(parts, base[other], 0.78), *name_similarity(base[other], parts, 0.78)) >= MERGE_SIMILARITY
        }
        if len(alike) == 1:
            union(key, alike.pop())


def _last_part_revoweled(a: list[str], b: list[str]) -> bool:
    """Whether two names of two parts or more are alike but for the vowels of their last
    part, of three consonants or more, with its first letter: "Belgassem Haftar" and
    "Belgassem Hifter", "Adil Mahmud Sbiti" and "Adil Mahmud Subiti". Not the first or a
    middle part, where given names differ so and are others: Jamal is not Jamil, Mahmud not
    Muhammad."""
    if len(a) < 2 or len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    skeleton = token_skeleton(x)
    return x[0] == y[0] and len(skeleton) >= 3 and skeleton == token_skeleton(y)


def unknown_name_key(name: str) -> str:
    """The normalized key of an unknown name: its name key, or its folded form when it has none
    or when the titles its key leaves out are all of a body's name but its head noun ("Attorney
    General's Office" is no "Office")."""
    key = name_key(name)
    if not key:
        return fold(name)
    if " " not in key and (words := fold(name).split()) and len(words) > 1 and words[-1] in ORG_WORDS:
        return " ".join(words)
    return key


def _joined_by_spelling(stats: NilStats) -> list[tuple[str, str]]:
    """Pairs of unknown name keys that one name joins: a name written alike (keyed alike) in
    two documents, keyed by itself in one and, in another, by the name its coreference took
    it for there ("Abu Ashraf al-Armoushi" under "Mohammed al-Armoushi", whose kunya it is).

    Not a spelling that is part of the other name (a surname, a bare kunya, given names
    without the family name): many bear those.
    """
    keys_of: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    surface_of: dict[tuple[str, str], str] = {}
    # Keys that a name of its own took in some document, with the skeletons of the names they
    # hold: a kunya's cluster that holds a name ("Higgo", known as Abu Huzayfah) is that
    # man's, not a stand-in for another's.
    holding: defaultdict[str, set[tuple[str, ...]]] = defaultdict(set)
    for key, surface, etype in stats:
        if " @" not in key:  # a body of ordinary words, keyed per country (see corpus.bodies)
            named = (unknown_name_key(without_part_numbers(surface)), etype)
            keys_of[named].add(key)
            # One spelling stands for the name, the same whatever order the documents came
            # in (the counts of batches tagged apart are merged in any order): a word's
            # before its acronym's ("Isa", a Nigerian town, is no "ISA" that a law spells out).
            known = surface_of.get(named)
            if known is None or (surface.isupper(), surface) < (known.isupper(), known):
                surface_of[named] = surface
            if named[0] != key:
                holding[key].add(tuple(map(_skeleton, named[0].split())))
    # The words that open other names of the run are given names ("Fadi" of "Fadi Haddad").
    opening = {key.split()[0] for key, _, etype in stats if etype == "PER" and " " in key}
    pairs: list[tuple[str, str]] = []
    for (own, etype), keys in keys_of.items():
        if len(keys) < 2 or own not in keys:
            continue
        surface = surface_of[(own, etype)]
        others = {other: tuple(map(_skeleton, other.split())) for other in sorted(keys - {own})}
        # Spellings of one other name count as one ("Mohammed Jaber", "Muhammad Jabber").
        one_other = len(set(others.values())) == 1
        # A name it holds may be the other one, spelt otherwise: "Mukhlas, also known as Ali
        # Ghufron" in one document, "Ali Gufron, known as Mukhlas" in another.
        held_elsewhere = not holding.get(own, set()) <= set(others.values())
        partial = parse_name(surface).is_partial
        if partial and not (one_other and not held_elsewhere and _names_one(surface, own, opening)):
            continue
        # A body's or place's short name that names one other is that one, though it is a part
        # of it ("Mizan" of "Mizan Online"), but for a place named after it ("Kfarchouba
        # Hills"); a person's surname may be another's ("Lindqvist").
        parts = [_skeleton(part) for part in own.split()]
        pairs.extend(
            (own, other)
            for other, skeletons in others.items()
            if not _in_order(parts, skeletons) or (partial and etype != "PER" and not set(other.split()) - set(own.split()) <= _NAMED_AFTER)
        )
    return pairs


def _names_one(surface: str, own: str, opening: set[str]) -> bool:
    """Whether a partial name that one other unknown name takes in some document names that
    one wherever it stands alone: an acronym left undefined in one document is what the one
    other that defines it spells out ("BCIJ", the "Central Bureau of Judicial
    Investigations"); a kunya of a name few bear is the nom de guerre of the one other name it
    is given to ("Abu Shujaa" of "Mohammed Jaber"), unlike "Abu Mohammed", which thousands bear;
    so is a single word that is neither a word of the language nor a common given name
    ("Kishenji" of "Mallojula Koteswara Rao", "Silanyo" of "Ahmed Mohamed Mohamoud"), nor
    one of the ``opening`` words of other persons' names."""
    if surface.isupper() and " " not in surface:
        return True
    keys = own.split()
    if len(keys) == 1:
        return own not in opening and _is_rare_word(surface)
    return len(keys) == 2 and keys[0] == KUNYA and not common_given_names_only(keys)


def _is_rare_word(surface: str) -> bool:
    """Whether a single word is no word of the language and no common given name."""
    word = fold(surface).lower()
    return (
        word.isalpha()
        and word not in sentence_start_words()
        and word not in english_given_names()
        and not is_common_given_name(word)
    )


def _spelt_together(stats: NilStats) -> list[tuple[str, str]]:
    """Pairs of unknown name keys whose spellings are one another's with the words written
    together or apart: "South-East Asia Extremism Monitor" and "Southeast Asia Extremism
    Monitor", "El Wak" and "Elwak", "Dusit D2" and "DusitD2". (A word's key is not its
    pieces' keys end to end, so the keys alone do not show it.)"""
    keys_of: defaultdict[str, set[str]] = defaultdict(set)
    for key, surface, _ in stats:
        # A name keyed as itself, not as the longer name its coreference took it for.
        if " @" not in key and key == unknown_name_key(without_part_numbers(surface)):
            together = "".join(fold(surface).split())
            if len(together) >= MIN_SPELT_TOGETHER:
                keys_of[together].add(key)
    pairs: list[tuple[str, str]] = []
    for keys in keys_of.values():
        if len(keys) > 1:
            first, *others = sorted(keys)
            pairs.extend((first, other) for other in others)
    return pairs


def _in_order(parts: Sequence[str], longer: Sequence[str]) -> bool:
    """Whether ``parts`` are all in ``longer``, in order (not only together)."""
    rest = iter(longer)
    return all(part in rest for part in parts)


def _without_legal_form(parts: list[str]) -> list[str]:
    """The parts of a name key without the legal forms that end it (at least one part stays)."""
    end = len(parts)
    while end > 1 and parts[end - 1] in _LEGAL_FORMS:
        end -= 1
    return parts[:end]


def _merge_partial_names(
    keys: list[str],
    find: Callable[[str], str],
    parent: dict[str, str],
    organisations: frozenset[str],
    generic: frozenset[str],
    family_named: frozenset[str],
    places: frozenset[str],
) -> None:
    """Join a shorter unknown name to the one longer name that holds all its parts.

    "Abd al-Rahman Mahmud" joins "Abd al-Rahman Mahmud al-Sharabi" when no other longer
    unknown name also holds those parts (then it stays on its own). A person's name may skip
    the middle of another ("Muhammad al-Sharabi"); an organisation's may not: the "Sudan
    Liberation Movement" is not the "Sudan People's Liberation Movement-North". An
    organisation's name of ordinary words joins no longer one: the "National Police" of one
    country's story is not the "Philippine National Police" of another's (see :func:`_is_generic`).
    A place's name joins no body named after it ("Birnin Gwari Emirate Progressive Union").
    """
    by_part: defaultdict[str, set[str]] = defaultdict(set)
    skeletons = {key: [_skeleton(part) for part in key.split()] for key in keys}
    for key, parts_skeletons in skeletons.items():
        for skeleton in parts_skeletons:
            by_part[skeleton].add(key)
    for key in keys:
        parts = key.split()
        if len([p for p in parts if len(p) > 2]) < 2 or key in generic:
            continue
        pools = [by_part[skeleton] for skeleton in skeletons[key]]
        candidates = set.intersection(*pools) - {key}
        holders = [
            other for other in candidates
            if len(other.split()) > len(parts)
            # One part as written at least: "Ömer Çelik" is not "Omar Salik Mangotara", whose
            # parts only resemble his.
            and not set(parts).isdisjoint(other.split())
            and name_similarity(parts, other.split(), 0.78)[0] >= MERGE_SIMILARITY
            and (key not in organisations or _stands_in(parts, other.split()))
            and not (key in places and other in organisations)
        ]
        longer = {find(other) for other in holders} - {find(key)}
        if len(longer) > 1 and key in family_named:
            # Of several, the one name that opens and ends as this one does: "Sa'id al-Jamal"
            # is "Sa'id Ahmad Muhammad al-Jamal", not "Saed Jamal Odeh", son of a Jamal. (Not
            # "Abdi Noor", a given name and a father's, which many a longer name holds.)
            ends = [skeletons[key][0], skeletons[key][-1]]
            longer = {find(other) for other in holders if [skeletons[other][0], skeletons[other][-1]] == ends} - {find(key)}
        if len(longer) == 1:
            root, target = find(key), longer.pop()
            parent[max(root, target)] = min(root, target)
    # After the longer names have merged among themselves: "al-Azaim Foundation" and
    # "al-Azaim Foundation for Media Production" are one name for "al-Azaim" to join.
    extended_by = _extended_by(keys)
    for key in keys:
        if len(key) > 2 and key in extended_by:
            _merge_before_designator(key, extended_by, find, parent)


def _extended_by(keys: list[str]) -> dict[str, list[str]]:
    """The keys that each run of a key's first words opens ("west shewa" opens "west shewa
    zone"): a look-up in place of a scan of all the keys per key."""
    extended: defaultdict[str, list[str]] = defaultdict(list)
    for key in keys:
        parts = key.split()
        for n in range(1, len(parts)):
            extended[" ".join(parts[:n])].append(key)
    return extended


def _merge_before_designator(key: str, extended_by: dict[str, list[str]], find: Callable[[str], str], parent: dict[str, str]) -> None:
    """Join an unknown name to the one longer name that is it and a designator ("al-Karrar"
    of "al-Karrar Office", "Imrali" of "Imrali Island", "al-Azaim" of "al-Azaim Foundation
    for Media Production", "West Shewa" of "West Shewa Zone"): the short form of a body's or
    place's name. Not a place's name that a longer body's holds ("Nile Valley" of the "Nile
    Valley Forum for Strategic Studies", "Iligan City" of the "Iligan City Police Office"),
    nor a given name that a place's holds ("Abdullah" of "Sheikh Abdallah Barracks")."""
    if " " not in key and (key in common_given_name_keys() or key.startswith(name_tables().abd_prefix)):
        return
    after = len(key.split())
    longer = set()
    for other in extended_by[key]:
        rest = other.split()[after:]
        if rest[0] in _DESIGNATORS or (
            len(rest) == 1 and rest[0] in _LAST_DESIGNATORS and all(find(holder) != find(other) for holder in extended_by.get(other, ()))
        ):
            longer.add(find(other))
    longer.discard(find(key))
    if len(longer) == 1:
        root, target = find(key), longer.pop()
        parent[max(root, target)] = min(root, target)


def _ends_in_family_name(surface: str) -> bool:
    """Whether a name of two parts or more ends in one with its article ("Sa'id al-Jamal")."""
    parts = parse_name(surface)
    return len(parts.tokens) >= 2 and parts.articled[-1]


def _is_generic(words: list[str], common: frozenset[str]) -> bool:
    """Whether an organisation's name is two ordinary words or fewer ("National Police",
    "Security Forces"), which many bodies bear. (The common words hold the names of countries
    too: a longer name of them is one body's: "Sudan People's Liberation Movement".)"""
    return len(words) <= 2 and all(w in common for w in words)


def _stands_in(parts: list[str], longer: list[str]) -> bool:
    """Whether ``parts`` stand together, in order, in ``longer`` (compared by skeleton)."""
    short = [_skeleton(p) for p in parts]
    long = [_skeleton(p) for p in longer]
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


#: What the clustering needs to know about unknown mentions: how often each
#: ``(normalized, surface, type)`` occurs. Counters from separate batches add up.
NilStats = Counter[tuple[str, str, str]]


@dataclass(frozen=True, slots=True)
class NilCluster:
    """The cluster an unknown name key belongs to."""

    cluster_id: str
    canonical: str
    type: str


def nil_stats(mentions: Iterable[Mention]) -> NilStats:
    """Count the unknown mentions of ``mentions`` by normalized key, surface and type."""
    return Counter((m.normalized, m.surface, m.type) for m in mentions if m.entity_id is None)


def assign_nil_clusters(stats: NilStats) -> dict[str, NilCluster]:
    """Map every unknown normalized key to its ``NIL:`` cluster.

    Depends only on the counts, so batches tagged apart (by other workers or machines) get
    the same clusters as one run over all documents.
    """
    if not stats:
        return {}
    common = common_words()
    organisations = frozenset(key for key, _, etype in stats if etype == "ORG")
    generic = frozenset(key for key, surface, etype in stats if etype == "ORG" and _is_generic(fold(surface).split(), common))
    family_named = frozenset(key for key, surface, etype in stats if etype == "PER" and _ends_in_family_name(surface))
    persons = frozenset(key for key, _, etype in stats if etype == "PER")
    places = frozenset(key for key, _, etype in stats if etype == "LOC") - organisations - persons
    representative = nil_cluster_keys(
        sorted({key for key, _, _ in stats}), organisations, generic, [*_joined_by_spelling(stats), *_spelt_together(stats)], family_named, persons, places
    )
    # Plain dicts, not Counters: most clusters have one spelling and one type.
    spellings: dict[str, dict[str, int]] = {}
    types: dict[str, dict[str, int]] = {}
    for (key, surface, etype), count in stats.items():
        root = representative[key]
        counts = spellings.get(root)
        if counts is None:
            spellings[root] = {surface: count}
            types[root] = {etype: count}
            continue
        counts[surface] = counts.get(surface, 0) + count
        by_type = types[root]
        by_type[etype] = by_type.get(etype, 0) + count
    cluster_of: dict[str, NilCluster] = {}
    used: set[str] = set()
    for root in sorted(spellings):
        # The fullest spelling, in the Latin script when the text gives one (the UN list's
        # "Name (original script)" is another name of the same person), not a bare kunya.
        scoped = " @" in root  # a generic body's key in one country (see corpus.bodies)
        # Its name is the body's own words ("Ministry of Defense"), not the one that says
        # the country ("... of the Republic of Azerbaijan"), which the slug gives after it.
        best = _most_frequent(spellings[root], _body_spelling_rank if scoped else _spelling_rank)
        etype = _most_frequent(types[root], lambda t: 0)
        slug = "-".join(fold(uninvert(without_part_numbers(best))[0]).split()) or "-".join(token_key(t) for t in root.split()) or "name"
        # A name that says its state ("Iraqi Air Force") needs no country after it.
        if scoped and is_generic_body(best) and not slug.endswith(country := root.rpartition(" @")[2]):
            slug = f"{slug}-{country}"
        cluster_id = f"NIL:{slug}"
        n = 2
        while cluster_id in used:
            cluster_id = f"NIL:{slug}-{n}"
            n += 1
        used.add(cluster_id)
        cluster_of[root] = NilCluster(cluster_id, without_part_numbers(best), etype)
    return {key: cluster_of[root] for key, root in representative.items()}


def _spelling_rank(spelling: str) -> tuple[bool, bool, bool, bool, int]:
    """How a NIL cluster's spellings are ranked for its name: Latin script first, a name of
    two parts or more first, a name before a kunya ("Talal Hamiyah", not his "Abu Jafar";
    "Shamsiddin Rahmonov", not his "Abu Usama al-Tajiki"), more parts first."""
    parts = parse_name(spelling)
    tokens = parts.tokens
    return is_arabic_script(spelling), parts.is_kunya_only, len(tokens) < 2, tokens[:1] in (("abu",), ("umm",)), -len(tokens)


def _body_spelling_rank(spelling: str) -> tuple[bool, tuple[bool, bool, bool, bool, int]]:
    """How a generic body's spellings are ranked: its own words first (see ``_spelling_rank``)."""
    return not is_generic_body(spelling), _spelling_rank(spelling)


def _most_frequent(counts: dict[str, int], rank: Callable[[str], object]) -> str:
    """The value of ``counts`` first by ``rank``, then by count, then in order (a lone one
    without ranking it)."""
    if len(counts) == 1:
        return next(iter(counts))
    return min(counts, key=lambda value: (rank(value), -counts[value], value))


def cluster_unknown(mentions: list[Mention]) -> list[Mention]:
    """Give every unknown (and unresolved ambiguous) mention its ``NIL:`` cluster."""
    clusters = assign_nil_clusters(nil_stats(mentions))
    if not clusters:
        return mentions
    out = []
    for mention in mentions:
        if mention.entity_id is not None:
            out.append(mention)
            continue
        doc_id, start, end, surface, normalized, entity_id, _, _, _, score, method = mention
        cluster = clusters[normalized]
        # Not _replace, which costs three times as much, on every unknown mention of a run.
        out.append(new_mention(doc_id, start, end, surface, normalized, entity_id, cluster.cluster_id, cluster.canonical, cluster.type, score, method))
    return out
