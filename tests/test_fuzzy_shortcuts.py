"""The fuzzy and gapped tiers' shortcuts give what the long way gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canonym import Gazetteer, Resolver, fold
from canonym import resolver as resolver_module
from canonym.gazetteer.model import Entity
from canonym.normalize import token_key, token_skeleton
from canonym.normalize.names import NameParts, parse_fields
from canonym.resolver import (
    STRICT_PART_CUTOFF,
    _aligns_in_order,
    _chain,
    _merged,
    _name_parts,
    _needed_rows,
    _rows,
    _weights,
    full_parts,
    part_similarity,
    strict_only,
)

#: Part keys alike, near-exactly alike, a vowel or a consonant apart, and parts that two of
#: them make when written as one.
KEYS = [
    "muhammad", "muhamad", "hasan", "hassan", "ali", "aly", "din", "badrdin", "badr", "nasr", "nasrdin",
    "kantumi", "kantami", "yasir", "yasin", "Xalid", "kalid", "a", "m", "ab", "abdrahman", "allah",
]
key = st.sampled_from(KEYS)


def merged_reference(query: list[str], candidate: list[str]) -> float:
    """_merged as it was written first: every join, every pair compared."""
    short, long = (query, candidate) if len(query) < len(candidate) else (candidate, query)
    best = 0.0
    for i in range(2, len(short)):
        joined = (*long[:i], long[i] + long[i + 1], *long[i + 2 :])
        similarities = [part_similarity(a, b) for a, b in zip(short, joined, strict=True)]
        if min(similarities) >= STRICT_PART_CUTOFF:
            best = max(best, sum(similarities) / len(similarities))
    return best


@settings(max_examples=3000, deadline=None)
@given(st.lists(key, min_size=1, max_size=6), st.data())
def test_merged_gives_up_early_on_the_same_answer(longer: list[str], data: st.DataObject) -> None:
    # The shorter name: the longer one with two neighbouring parts joined, some then respelled.
    i = data.draw(st.integers(0, max(len(longer) - 2, 0)))
    shorter = [*longer[:i], "".join(longer[i : i + 2]), *longer[i + 2 :]] if len(longer) > 1 else [*longer[:-1]]
    for position in data.draw(st.lists(st.integers(0, 5), max_size=2)):
        if position < len(shorter):
            shorter[position] = data.draw(key)
    if len(shorter) + 1 != len(longer):
        return
    assert _merged(shorter, longer) == merged_reference(shorter, longer)
    assert _merged(longer, shorter) == merged_reference(longer, shorter)


@given(st.text(alphabet="abc -'Ałا,", max_size=20), st.booleans())
def test_name_parts_made_by_slots_equal_the_dataclass(name: str, person: bool) -> None:
    parsed = parse_fields(name, person=person)
    assert _name_parts(parsed) == NameParts(*parsed)


PEOPLE = [
    "Hasan Kantumi", "Muhammad Yasir", "Badr al-Din Nasr", "Khalid Ali", "Yasin M. Kantami",
    "Ali Hassan Badr", "Abd al-Rahman Yasir", "Nasr Kalid Muhamad", "Aly Badrdin", "Hasan Ali Yasin",
]
WORDS = ["Hasan", "Hassan", "Kantumi", "Kantami", "Muhammad", "Yasir", "Yassin", "Badr", "Nasr", "Khalid",
         "Kalid", "Ali", "Aly", "M.", "Badrdin", "Nasrdin", "Abd al-Rahman", "Zawi", "Qurbani", "bin"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4))
def test_a_name_apart_has_no_gapped_candidate(words: list[str]) -> None:
    """When the fuzzy tier finds that no alias holds parts near both of a name's two full
    parts, the gapped tier (which then returns at once) would have found nothing either."""
    gazetteer = Gazetteer([Entity(id=f"p{i}", type="PER", name=n) for i, n in enumerate(PEOPLE)], builtin=False)
    resolver = Resolver(gazetteer)
    seen: list[object] = []
    fuzzy = resolver._fuzzy

    def spy(query, type, explain):  # type: ignore[no-untyped-def]
        seen.append(query)
        return fuzzy(query, type, explain)

    resolver._fuzzy = spy  # type: ignore[method-assign]
    resolver.resolve(" ".join(words))
    for query in seen:
        if query.apart:  # type: ignore[attr-defined]
            query.apart = False  # type: ignore[attr-defined]
            assert resolver._gapped(query, None, None) is None  # type: ignore[arg-type]


@settings(max_examples=3000, deadline=None)
@given(st.lists(key, min_size=1, max_size=5), st.lists(key, min_size=1, max_size=6), st.sampled_from([0.7, 0.78, 0.86]), st.sampled_from([0.8, 0.86, 0.9]))
def test_an_alias_whose_needed_parts_do_not_align_scores_below_the_cutoff(
    query: list[str], candidate: list[str], part_cutoff: float, score_cutoff: float
) -> None:
    """The fuzzy tier leaves such an alias unscored unless another reaches the cutoff."""
    weights = _weights(query)
    total = sum(weights)
    rows = _rows(query, weights, part_cutoff)
    needed = _needed_rows(rows, total, score_cutoff)
    if not _aligns_in_order(needed, candidate):
        c_weights = _weights(candidate)
        gain, matched = _chain(_rows(query, weights, part_cutoff), candidate, c_weights)
        assert gain / total * (matched / sum(c_weights)) ** 0.5 < score_cutoff


#: Spellings the PEOPLE gazetteer has and others it lacks (a vowel, a consonant or a letter
#: apart, one-letter skeletons, initials).
SPELLINGS = [
    *WORDS,
    *("Hasaan", "Kantumy", "Badreddin", "Nasser", "Walui", "Wali", "Yaseer", "Q", "Aliy", "Muhamed", "Dari"),
]


def _people() -> Resolver:
    return Resolver(Gazetteer([Entity(id=f"p{i}", type="PER", name=n) for i, n in enumerate(PEOPLE)], builtin=False))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SPELLINGS), st.sampled_from([0.7, 0.78, 0.86]))
def test_a_part_record_holds_what_its_definitions_give(word: str, cutoff: float) -> None:
    """Per-index records give the near and strict keys and the aliases worked out the long way,
    and a spelling the index lacks is chosen among keys that hold all of them (the tiers'
    disjointness pre-checks on ``chosen_from`` rule out only what ``near`` would)."""
    resolver = _people()
    prepared = resolver._prepared
    index = resolver.index
    for token in fold(word).split():
        key, skeleton = token_key(token), token_skeleton(token)
        part = prepared.part(key, skeleton, cutoff)
        near = prepared.near_keys_uncached(key, skeleton, cutoff)
        assert prepared.near(part) == near
        assert part.known == (key in index.by_token)
        assert set(near) <= set(part.chosen_from)
        one_letter = prepared.keys_of_skeleton(skeleton) if not part.known and len(skeleton) == 1 else ()
        assert prepared.strict(part) == strict_only(key, (*near, *one_letter))
        assert set(prepared.strict(part)) <= set(near) | set(one_letter)
        assert prepared.aliases(part) == {a for k in near for a in index.by_token.get(k, ())}
        assert prepared.part(key, skeleton, cutoff) is part


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPELLINGS), min_size=2, max_size=2), st.sampled_from([1, 2, 50]))
def test_anchored_pairs_are_the_aliases_holding_both_or_none_past_the_cap(words: list[str], cap: int) -> None:
    """The gapped tier's anchor pairs and first-to-middle pairs, kept per index, as the
    postings and the aliases' parts give them."""
    resolver = _people()
    prepared = resolver._prepared
    by_token = resolver.index.by_token
    tokens = [fold(word).split()[-1] for word in words]
    left, right = (prepared.strict(prepared.part(token_key(t), token_skeleton(t), 0.78)) for t in tokens)
    holding = {a for lk in left for rk in right for a in set(by_token.get(lk, ())) & set(by_token.get(rk, ()))}
    original = resolver_module.MAX_ANCHORED
    resolver_module.MAX_ANCHORED = cap
    try:
        assert prepared.anchored(left, right) == (holding if len(holding) <= cap else None)
        assert prepared.anchored(left, right) == (holding if len(holding) <= cap else None)  # kept
    finally:
        resolver_module.MAX_ANCHORED = original
    fulls = [full_parts(joined.split(" ")) for joined in resolver.index.alias_joined]
    ending = {a for a, full in enumerate(fulls) if len(full) >= 2 and full[0] in left and full[-1] in right}
    assert prepared.ending(left, right) == ending


@given(st.lists(st.sampled_from(["abu", "umm", "bin", "bint", "ali", "hasan", "a"]), max_size=5))
def test_is_partial_counts_the_significant_parts(tokens: list[str]) -> None:
    significant = [t for t in tokens if t not in ("abu", "umm", "bin", "bint")]
    assert NameParts(tuple(tokens)).is_partial == (len(significant) <= 1)
