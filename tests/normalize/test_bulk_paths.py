"""The bulk steps of ``Resolver.resolve_many`` give what the per-name steps give, name by name.

``token_keys`` is ``token_key`` over a list, ``fold_ascii_lines`` is ``fold_ascii`` over a
list, and ``joined_keys_many`` is the key tier's key of each name: ``part_keys`` of the tokens
of ``parse_fields`` (the tokens themselves for an acronym), joined.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from canonym import fold
from canonym.gazetteer.index import PartKeys
from canonym.normalize import token_key
from canonym.normalize.names import (
    fold_ascii,
    fold_ascii_lines,
    joined_keys_many,
    name_tables,
    parse_fields,
    spaced_lines,
)
from canonym.normalize.translit import token_keys

_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Lower-case words weighted towards the letters the rules rewrite (y, w, h, vowels, doubles).
words = st.text(alphabet="aeiouywhkqcxvgsdtzjp" + "lmnrbf0", min_size=1, max_size=10)
#: Tokens that token_key returns as they are, and the odd ones out: empty, a newline, capitals.
odd_tokens = st.sampled_from(["", "\n", "a\nb", "Ab", "é", "محمد", "a-b", "12", "aa\n\nhh"])


@_settings
@given(st.lists(st.one_of(words, words, odd_tokens), max_size=20))
def test_token_keys_is_token_key(tokens: list[str]) -> None:
    assert token_keys(tokens) == [token_key(t) for t in tokens]


def test_token_keys_at_token_edges() -> None:
    # Rules that look at a token's start or end, with neighbours that would change them.
    tokens = ["ia", "aia", "iah", "ah", "uah", "ay", "ya", "wy", "uw", "ai", "bia", "aaia", "yh", "ih", "h", "y"]
    for first in tokens:
        for second in tokens:
            assert token_keys([first, second]) == [token_key(first), token_key(second)]


@_settings
@given(st.lists(st.text(alphabet=string.printable.replace("\n", "").replace("\r", "") + "-'.", max_size=20), max_size=12))
def test_fold_ascii_lines_is_fold_ascii(texts: list[str]) -> None:
    texts = [t for t in texts if t.isprintable()]
    assert fold_ascii_lines(texts) == [fold_ascii(t) for t in texts]


_PARTS = [
    "al", "el", "ul", "Al-", "el-", "ash-Shami", "as", "ad-Din", "an-Nur", "Abu", "Abou", "bin", "ben", "ibn", "b",
    "bint", "Umm", "walad", "ag", "Abd", "Abdul", "Abdel", "Abdurrahman", "Rahman", "Allah", "Nasrallah", "Abul",
    "Sheikh", "Sultan", "Sultan of", "the", "Gen.", "Dr", "IRGC", "U.S.", "Hassan", "Qasim", "Yusuf", "Khushiri",
    "Sayf", "al-Masri", "Hamdi", "x", "AL-ADL", "Muhammad", "Zuhair",
]
names = st.one_of(
    st.lists(st.sampled_from(_PARTS), min_size=1, max_size=6).map(" ".join),
    st.text(alphabet=string.ascii_letters + " -'.", min_size=1, max_size=24),
)


def _key(name: str, form: str, part_keys: PartKeys) -> str:
    # As Resolver._resolve keys a name (its plain_parts shortcut gives the same tokens).
    tokens, _, _, _, acronym = parse_fields(name, folded=form)
    return " ".join(tokens if acronym else [part_keys[t] for t in tokens])


@_settings
@given(st.lists(names, max_size=10), st.lists(words, max_size=6))
def test_joined_keys_many_is_the_key_of_parse_fields(texts: list[str], known: list[str]) -> None:
    pairs = [(t, fold(t)) for t in texts if "," not in t]
    pairs = [(t, f) for t, f in pairs if f]
    # part_keys holds the keys of some parts (as the index's map does) and not others.
    part_keys = PartKeys({t: token_key(t) for t in [*known, "abu", "bin", "al", "hassan"]})
    expected = [_key(name, form, part_keys) for name, form in pairs]
    assert joined_keys_many([n for n, _ in pairs], [f for _, f in pairs], part_keys) == expected


def test_joined_keys_many_drops_articles_as_parse_fields_does() -> None:
    texts = ["al", "x al", "al x", "al al x", "x al al", "x el al", "el al", "Abou Hamdi al-Khushiri", "ben al",
             "Amir ben Zuhair el-Tharulari", "AL-ADL Sayf", "Sheikh al-Masri", "Hassan Sheikh", "al Sheikh x"]
    for order in (texts, texts[::-1]):
        pairs = [(t, fold(t)) for t in order]
        expected = [_key(n, f, PartKeys()) for n, f in pairs]
        assert joined_keys_many([n for n, _ in pairs], [f for _, f in pairs], PartKeys()) == expected


def test_connectors_articles_and_titles_are_apart() -> None:
    # joined_keys_many respells connectors and drops articles token by token.
    tables = name_tables()
    assert tables.articles.isdisjoint(tables.connectors)


#: Parts around Abd and -allah compounds: their articles, connectors, titles, a bare Abd and "abul".
_AROUND = ["al", "el", "ar", "ur", "us", "as", "ash", "abd", "Abdul", "Abdur", "Abdus", "Abd-al", "abu", "ibn", "Abul",
           "Allah", "Ayatollah", "Sultan", "Rahman", "Sattar", "Salam", "Aziz", "x", "Abulallah", "Abullah", "Ashallah",
           "Abdallah", "Abdullah", "Abdulla", "Abdurrahman", "Abdussalam", "Abdulilah", "Nasrallah", "Hezbollah"]
_compound = st.one_of(
    st.builds(lambda rest: f"Abd{rest}", st.text(alphabet="aeioulrsthdnz", max_size=8)),
    st.builds(lambda head, vowel: f"{head}{vowel}llah", st.text(alphabet="aeioubnrsuhl", max_size=7), st.sampled_from(["", "a", "o", "u", "e"])),
)
_compound_names = st.lists(st.one_of(_compound, st.sampled_from(_AROUND), words), min_size=1, max_size=5).map(" ".join)


@_settings
@given(st.lists(_compound_names, max_size=12), st.lists(_compound, max_size=4))
@example(["Abdedin"], [])  # an Abd compound that is a Din compound too: the Din is joined first
def test_joined_keys_many_keys_compounds_as_parse_fields_does(texts: list[str], known: list[str]) -> None:
    # Abd and -allah compounds are keyed in bulk when their neighbours cannot change them, in the
    # index's map (known) and among a batch's new parts alike.
    pairs = [(t, fold(t)) for t in texts]
    pairs = [(t, f) for t, f in pairs if f]
    part_keys = PartKeys({t: token_key(t) for f in map(fold, known) for t in f.split()})
    expected = [_key(name, form, part_keys) for name, form in pairs]
    assert joined_keys_many([n for n, _ in pairs], [f for _, f in pairs], part_keys) == expected


@_settings
@given(st.lists(st.text(alphabet=" \nab", max_size=8), max_size=6))
def test_spaced_lines_is_the_substring_test(lines: list[str]) -> None:
    text = "\n".join(lines)
    expected = "  " in text or " \n" in text or "\n " in text or text[:1] == " " or text[-1:] == " "
    assert spaced_lines(text.encode("ascii")) == expected
