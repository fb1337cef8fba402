"""The name-part model: titles, inverted order, articles, connectors and Abd compounds.

Works on folded text (see :mod:`canonym.normalize`). A name is split into parts, leading
titles are removed, sanctions-list order ("AL-ADL, Sayf") is turned back, article forms
(al-, el-, ul-, ash-, ar- ...) are recognised, connectors get one spelling (Abou -> abu,
ibn/ben -> bin) and Abd compounds are joined (Abdul Rahman = Abd al-Rahman = Abdurrahman).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

import numpy as np

from canonym.normalize.text import fold, fold_char
from canonym.normalize.translit import first_group, token_key, token_keys


@dataclass(frozen=True, slots=True)
class NameTables:
    """The name-part tables of ``tables/names.yml``, ready for lookup."""

    titles: tuple[tuple[str, ...], ...]
    titles_by_first: dict[str, tuple[tuple[str, ...], ...]]
    #: Honorifics that are also given names: see ``soft_titles`` in ``tables/names.yml``.
    soft_titles: frozenset[str]
    articles: frozenset[str]
    assimilated: frozenset[str]
    connectors: dict[str, str]
    abd_prefix: str
    #: Tokens the part loop of parse_name must look at: articles and "abul".
    special: frozenset[str]


#: The parsed ``tables/names.yml``, once read or supplied (see :func:`name_tables_source`).
_SOURCE: dict[str, Any] | None = None


def name_tables_source() -> dict[str, Any]:
    """The parsed ``tables/names.yml``, read once.

    YAML is imported only here: a process that gets the parsed tables from the gazetteer's
    index cache (:func:`supply_name_tables_source`) starts without it (40 ms less).
    """
    global _SOURCE
    if _SOURCE is None:
        from importlib import resources  # 10 ms of imports (tempfile ...), not on a warm start

        import yaml

        text = resources.files("canonym.normalize").joinpath("tables/names.yml").read_text("utf-8")
        # libyaml's parser when present: the same tables, ten times faster.
        _SOURCE = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return _SOURCE


def supply_name_tables_source(source: dict[str, Any]) -> None:
    """Use ``source``, a stored :func:`name_tables_source` of this same code, unless read already."""
    global _SOURCE
    if _SOURCE is None:
        _SOURCE = source


@cache
def name_tables() -> NameTables:
    """Load the name-part tables once."""
    raw = name_tables_source()
    titles = sorted({tuple(t.split()) for t in raw["titles"]}, key=len, reverse=True)
    by_first: dict[str, tuple[tuple[str, ...], ...]] = {}
    for title in titles:  # longest first within each first word
        by_first[title[0]] = (*by_first.get(title[0], ()), title)
    connectors = {
        fold(variant): canonical
        for canonical, variants in raw["connectors"].items()
        for variant in variants
    }
    return NameTables(
        titles=tuple(titles),
        titles_by_first=by_first,
        soft_titles=frozenset(raw["soft_titles"]),
        articles=frozenset(raw["articles"]),
        assimilated=frozenset(raw["assimilated_articles"]),
        connectors=connectors,
        abd_prefix=raw["abd_prefix"],
        special=frozenset(raw["articles"]) | frozenset(raw["assimilated_articles"]) | {"abul"},
    )


@cache
def common_given_name_keys() -> frozenset[str]:
    """The transliteration keys of the given names of ``tables/common_given_names.txt``."""
    from importlib import resources

    text = resources.files("canonym.normalize").joinpath("tables/common_given_names.txt").read_text("utf-8")
    return frozenset(token_key(fold(line)) for line in text.splitlines() if line.strip() and not line.startswith("#"))


#: The key of the kunya's "Abu" (see ``connectors`` in ``tables/names.yml``).
KUNYA = "abu"


def is_common_given_name(word: str) -> bool:
    """Whether a folded word is one of the common given names, by its key ("Sami", "Sultan")."""
    return token_key(word) in common_given_name_keys()


def common_given_names_only(keys: Sequence[str]) -> bool:
    """Whether a name of two parts, given as keys, is common given names alone, or the kunya
    of one ("Mohamed Osman", "Abdul Hamid Abdul Aziz", "Abu Ismail"): a name that thousands
    bear, which names no one in particular."""
    if len(keys) != 2:
        return False
    given = common_given_name_keys()
    abd = name_tables().abd_prefix
    return all(key in given or key.startswith(abd) for key in keys[keys[0] == KUNYA :])


def common_given_names_apart(keys: Sequence[str], names: Sequence[str]) -> bool:
    """Whether a person's name, given as keys, is common given names alone (see
    :func:`common_given_names_only`) that share no part with the person's ``names`` (the
    canonical one first): a list's alias like "Mohamed Osman" for Aly Soliman Massoud Abdul
    Sayed, which names no one in particular; not "Ahmad Umar" for Ahmed Umar Abu Ubaidah.

    Other spellings of such a pair ("Habeeb Yusuf" for "Habib Yusuf") vouch for nothing; the
    canonical name always does.
    """
    if not common_given_names_only(keys):
        return False
    own = set(keys) - {KUNYA}
    for rank, name in enumerate(names):
        other = name_keys(name, person=True)
        if (rank == 0 or not common_given_names_only(other)) and not own.isdisjoint(other):
            return False
    return True


#: The connectors that NameParts.is_partial does not count as parts, and the "allah" of a
#: compound split off its first part: "Nasrallah" (nasr, allah) is one name's word.
_NOT_SIGNIFICANT = frozenset({"abu", "umm", "bin", "bint", "allah"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """A parsed name.

    Attributes:
        tokens: the name's parts in order, folded, titles removed, connectors unified,
            articles dropped and Abd compounds joined; what keys are built from.
        titles: the titles that were removed.
        inverted: whether the input was in "SURNAME, Given" order.
        articled: for each token, whether an article preceded it (al-Masri).
    """

    tokens: tuple[str, ...]
    titles: tuple[str, ...] = ()
    inverted: bool = False
    articled: tuple[bool, ...] = ()
    #: Written as an acronym in capitals (IRGC, U.S., DEA): keyed as written, not transliterated.
    acronym: bool = False

    @property
    def is_kunya_only(self) -> bool:
        """A bare kunya such as "Abu Muhammad": identifies nobody on its own."""
        return len(self.tokens) == 2 and self.tokens[0] in ("abu", "umm")

    @property
    def is_nisba_only(self) -> bool:
        """A bare article name such as "al-Masri" (a nisba or family name alone)."""
        return len(self.tokens) == 1 and bool(self.articled) and self.articled[0]

    @property
    def is_partial(self) -> bool:
        """One significant part only, or a bare kunya: weak evidence of identity."""
        seen = False
        for token in self.tokens:
            if token not in _NOT_SIGNIFICANT:
                if seen:
                    return False  # a second significant part
                seen = True
        return True


#: Signs of Somali orthography in a folded name: x for ħ (Xasan = Hassan, Maxamed, Faarax =
#: Farah), c for ʿayn (Cali = Ali, Cumar = Umar) and doubled vowels for long ones (Yasiin,
#: Cabdilaahi). English and Spanish write x and c too (Alex, Carter, Mexico) and Arabic
#: romanizations double vowels (Hassaan, Jamaat) beside English words (Council, Cairo): a name is
#: read as Somali only with a doubled vowel inside a part (not Isaac's) and an x by a vowel
#: (after one, before a vowel or a consonant Somali writes after it, as in Axmed and Maxmuud:
#: not t, s, c or p, as in Baxter and Sexton), with a part opening in x and holding ee or oo
#: (Xuseen), with a part opening in Cabd (Cabdi = Abdi, Cabdullahi), or with a part that holds
#: both a c by a vowel and a doubled a, i or u (Siciid = Said, Jaamac = Jama, Ismaaciil,
#: Qaacida). A c and a doubled vowel in two parts are not enough: Dominic Raab, Corneille
#: Nangaa, Dadaab camps.
_SOMALI_LONG = re.compile(r"\B(?:aa|ii|uu)(?!cs?\b)")  # not Isaac
_SOMALI_X = re.compile(r"[aeiou]x(?:[aeioubdfgjklmnrwy]|\b)|\bx[aeiou]")
_SOMALI_CABD = re.compile(r"\bcabd")
_SOMALI_C = re.compile(r"(?:^|[aeiou])c(?:[aeiou]|$)")
#: A part opening in x with a long e or o (Xuseen = Hussein, Xoosh): English doubles those
#: vowels too (Moore, Reed), but opens no part with x and a vowel but in a few names (Xavier).
_SOMALI_X_LONG_E = re.compile(r"\bx(?=[aeiou])[a-z]*?(?:ee|oo)")
#: Somali c (not in ch) and doubled vowels, respelled as English spellings of the Arabic.
_SOMALI_C_LETTER, _DOUBLED_VOWEL = re.compile("c(?!h)"), re.compile(r"([aeiou])\1")


def is_somali_spelled(folded: str) -> bool:
    """Whether a folded name is written in Somali orthography (see ``_SOMALI_LONG``)."""
    if "cabd" in folded and _SOMALI_CABD.search(folded):
        return True
    if "x" in folded:
        if "aa" in folded or "ii" in folded or "uu" in folded:
            if _SOMALI_LONG.search(folded) and _SOMALI_X.search(folded):
                return True
        elif ("ee" in folded or "oo" in folded) and _SOMALI_X_LONG_E.search(folded) is not None:
            return True
    return "c" in folded and ("aa" in folded or "ii" in folded or "uu" in folded) and _has_somali_c(folded)


def _has_somali_c(folded: str) -> bool:
    """Whether a part of a folded name holds both a Somali c and a doubled vowel."""
    return any(_SOMALI_LONG.search(part) is not None and _SOMALI_C.search(part) is not None for part in folded.split() if "c" in part)


def somali_respelled(folded: str) -> str:
    """A folded Somali-spelled name in the letters of English spellings of Arabic names: x -> h,
    c -> nothing (an ʿayn, which folding drops), doubled vowels single. "xasan cabdilaahi" ->
    "hasan abdilahi"."""
    folded = _SOMALI_C_LETTER.sub("", folded.replace("x", "h"))
    return _DOUBLED_VOWEL.sub(first_group, folded)


_ABD = re.compile(r"^abd(?:[aeiou]{1,2}l|[aeiou]{1,2}(?=(sh|th|dh|[tdrzsn])\1))?(?P<rest>[a-z]*)$")
_ABD_ARTICLE = re.compile(r"[aeiou](sh|th|dh|[tdrzsn])")
_ALLAH = ("allah", "ullah", "illah", "alah", "ulla", "ullah", "alla")
#: Capitals with or without stops ("IRGC", "U.S.", "UÇK": the caller checks for capitals), or
#: capitals around one small letter ("ABiH", "BiH", "JeM", "HuJI": Bosnian and Urdu initials).
_ACRONYM = re.compile(r"^(?:[^\W\d_]\.?){2,8}$")
_MIXED_ACRONYM = re.compile(r"[A-Z]{1,3}[a-z][A-Z]{1,3}")
_ALLAH_COMPOUND = re.compile(r"^(?P<head>[a-z]{3,}?)[aeiou]?llah$")
#: An "al-Din" compound written as one word: Jalaluddin, Noureddine, Izzedine, Nasreddin,
#: Aladdin, Salahudeen, Salahaldin (Jalal al-Din, Nur al-Din ...). The article must be there:
#: u or e after the head's consonant, any vowel before a doubled d (the head's own in Aladdin),
#: or al, el, ul after a head of four letters or more: Hardin, Geraldine, Claudine, Saladin
#: and Mujahedin are not compounds.
_DIN_COMPOUND = re.compile(
    r"^(?!m[uo]d?jah)(?P<head>[a-z]{3,}?)"
    r"(?:(?<![aeiou])[ue]|[aeiou]d|(?<=[aeiou])d|(?<=[a-z]{4})[aeu]l)d(?:i|ee)ne?$"
)
#: The "Din" of a compound written apart with its article, which joins the part before it: Jalal
#: al-Din, Jalal ud-Din, Nour Eddine. A bare "Uddin" or "Deen" is a part of its own: South
#: Asian usage calls "Nasim Uddin Ahmed" and "Sammi Deen Baloch" by the first part alone.
_DIN, _DIN_WITH_ARTICLE = frozenset({"din", "dine", "deen"}), frozenset({"eddine", "eddin", "edine"})
#: How a part that may be an -allah compound or hold a Din ends.
_COMPOUND_ENDINGS = ("llah", "din", "dine", "deen")


def _ascii_fold_table() -> tuple[bytes, bytes]:
    table = bytearray(range(256))
    deleted = bytearray()
    for code in range(128):
        folded = fold_char(chr(code))
        if folded == "":
            deleted.append(code)
        else:
            # ASCII folds to one ASCII character (a lowercase letter, a digit or a space).
            assert len(folded) == 1 and folded.isascii(), (code, folded)
            table[code] = ord(folded)
    return bytes(table), bytes(deleted)


_ASCII_TABLE, _ASCII_DELETED = _ascii_fold_table()
#: The table with the newline kept: the separator of :func:`fold_ascii_lines`.
_ASCII_LINES_TABLE = _ASCII_TABLE[:10] + b"\n" + _ASCII_TABLE[11:]
assert b"\n" not in _ASCII_DELETED
_SPACE_RUNS = re.compile(" {2,}")


def fold_ascii(text: str) -> str:
    """:func:`~canonym.normalize.fold` for ASCII text, by one byte-table pass.

    The table is built from ``fold_char``, so the result equals ``fold(text)``; ``text`` must
    be ASCII (``text.isascii()``).
    """
    return " ".join(text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DELETED).decode("ascii").split())


def fold_ascii_parts(text: str) -> list[str]:
    """``fold_ascii(text).split()``, without joining the parts first."""
    return text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DELETED).decode("ascii").split()


def fold_ascii_lines(texts: Sequence[str]) -> list[str]:
    """``[fold_ascii(t) for t in texts]``, folded as one text: for many names at once.

    Each text must be ASCII and hold no newline (a printable name: ``is_exact_form``).
    """
    if not texts:
        return []
    data = "\n".join(texts).encode("ascii").translate(_ASCII_LINES_TABLE, _ASCII_DELETED)
    text = data.decode("ascii")
    if not spaced_lines(data):
        return text.split("\n")  # the usual case: each line is its own split and join
    # Only spaces are left as whitespace (the table's assertion), so the split and join of
    # fold_ascii is: runs of spaces made one, then no space at the start or end of a line.
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")


def spaced_lines(data: bytes) -> bool:
    """Whether a line of ``data`` (ASCII lines parted by newlines) starts or ends with a space or
    holds two in a row.

    One pass of array operations: the substring tests (``"  " in text``) cost ten times more.
    """
    codes = np.frombuffer(data, np.uint8)
    if not len(codes):
        return False
    space = codes == 32
    if space[0] or space[-1]:
        return True
    edge = space | (codes == 10)  # a space or a line's end
    return bool(((space[1:] & edge[:-1]) | (edge[1:] & space[:-1])).any())


@cache
def _plain_blockers() -> frozenset[str]:
    """Tokens that give the parser work: title first words, connectors, articles, "abul"."""
    tables = name_tables()
    return frozenset(tables.titles_by_first) | frozenset(tables.connectors) | tables.special


def plain_parts(name: str, tokens: Sequence[str], folded: str) -> bool:
    """Whether the parts of ``name`` are ``tokens`` as they are: nothing for the parser to do.

    ``folded`` is ``fold(name)`` and ``tokens`` its split. True only when :func:`parse_fields`
    would return ``(tuple(tokens), (), False, (False,) * len(tokens), False)``: no comma, not
    in capitals nor ending in one (an acronym), no title, connector, article, "abul", Abd,
    -allah or -din compound (a title word anywhere, not only first, sends the name to the
    parser: the test stays one set operation).
    """
    tables = name_tables()
    return (
        bool(tokens)
        and "," not in name
        and not name.isupper()
        and not name[-1:].isupper()
        and "llah" not in folded
        and "din" not in folded
        and "deen" not in folded
        and tables.abd_prefix not in folded
        and _plain_blockers().isdisjoint(tokens)
        and not is_somali_spelled(folded)
    )


#: Marks in the stream of part keys of joined_keys_many: an article (before its key), a title
#: word (before its key), a part that parse_fields must see (the whole value).
_ARTICLE, _TITLE, _HARD = "\x01", "\x03", "\x02"
#: An article's marked key and its space when another part of the same name follows: dropped.
_DROPPED_ARTICLE = re.compile("\x01[^ ]* (?!\n)")


@cache
def _bulk_tables() -> tuple[frozenset[str], frozenset[str], dict[str, str], tuple[str, ...]]:
    """For :func:`bulk_part_keys`: title first words, the tokens that need the parser's loop
    (assimilated articles, "abul"), the connectors, the articles."""
    tables = name_tables()
    # An article is dropped and a connector respelled as a token, before the article test:
    # no token may be both, nor an article or connector also a token of the parser's loop, a
    # title word or a compound (its value would be read as the wrong one).
    hard = tables.assimilated | {"abul"}
    titles = frozenset(tables.titles_by_first)
    assert tables.articles.isdisjoint(tables.connectors) and hard.isdisjoint(tables.connectors)
    assert hard.isdisjoint(tables.articles) and titles.isdisjoint(tables.articles | tables.connectors.keys())
    assert not [t for t in (*tables.articles, *tables.connectors) if t.startswith(tables.abd_prefix) or t.endswith(_COMPOUND_ENDINGS)]
    return titles, frozenset(hard), tables.connectors, tuple(sorted(tables.articles))


#: What is left of Abdullah's "Allah" in West African spellings once the article is taken
#: off: Abdoulaye, Abdulai (Abdoul-aye, Abdul-ai).
_WEST_AFRICAN_ALLAH = frozenset(["aye", "ay", "ai", "ayi"])


def _allah_rest(rest: str) -> str:
    """The part of an Abd compound after Abd, with every spelling of Allah as "lah"."""
    if rest in _ALLAH or (rest.startswith("lah") and len(rest) <= 4) or rest in _WEST_AFRICAN_ALLAH:
        return "lah"
    return rest


def _compound_parts(token: str, abd_prefix: str) -> tuple[str, ...] | None:
    """The parts that parse_fields makes of ``token`` whatever its neighbours, or None when they
    matter: an Abd compound is one part ("Abdulrahman" -> abdrahman), an -allah compound two
    ("Nasrallah" -> nasr allah); a bare Abd or one with its article ("Abdul", "Abdur") joins the
    next part, and "abul" (the head of "Abulallah") is read with the next part too.

    An "al-Din" compound is one part, its head and "din" ("Jalaluddin" -> jalaldin); a Din
    written apart with its article joins the part before it.

    ``token`` starts with ``abd_prefix`` or ends in one of ``_COMPOUND_ENDINGS`` (a part that
    may be a compound).
    """
    if not token.endswith("llah") and not token.startswith(abd_prefix):
        return None if token in _DIN or token in _DIN_WITH_ARTICLE else _din_joined(token)
    if token.startswith(abd_prefix):
        if token.endswith(_COMPOUND_ENDINGS[1:]):
            # parse_fields joins a Din before it reads the Abd: "Abdedin" is Abd and Din.
            token = _din_joined(token)[0]
        rest = _abd_rest(token)
        if rest is None:
            return (token,)
        if rest == "" or _ABD_ARTICLE.fullmatch(rest):
            return None
        return (abd_prefix + _allah_rest(rest),)
    found = _ALLAH_COMPOUND.match(token)
    if found is None:
        return (token,)
    head = found.group("head")
    # The head is no article: the assimilated ones of three letters never take "allah", and the
    # others have two letters.
    return None if head == "abul" else (head, "allah")


def _din_joined(token: str) -> tuple[str]:
    """A token that may be an "al-Din" compound (see ``_DIN_COMPOUND``) as one part, its head
    and "din"."""
    found = _DIN_COMPOUND.match(token)
    return (token,) if found is None else (found.group("head") + "din",)


def _join_din(tokens: list[str], tables: NameTables) -> list[str]:
    """The tokens with each "al-Din" compound one part (see :func:`_compound_parts`): "jalal al
    din" and "jalaluddin" -> "jalaldin"."""
    out: list[str] = []
    for token in tokens:
        if token in _DIN_WITH_ARTICLE and out:
            out[-1] += "din"
        elif token in _DIN and len(out) > 1 and (out[-1] in tables.articles or out[-1] in tables.assimilated):
            out.pop()  # the article of "al-Din", "ud-Din"
            out[-1] += "din"
        else:
            out.extend(_din_joined(token))
    return out


def _compound_keys(
    tokens: Sequence[str], abd_prefix: str, part_keys: Mapping[str, str], fresh: dict[str, str]
) -> dict[str, str]:
    """Each of ``tokens`` (Abd and -allah compounds) as a value of the stream of part keys: the
    keys of its parts (:func:`_compound_parts`), or the mark of a part the parser must see.

    Parts that neither ``fresh`` nor ``part_keys`` holds are keyed by ``token_keys`` and added
    to ``fresh``.
    """
    split = {token: _compound_parts(token, abd_prefix) for token in tokens}
    pieces = {piece for parts in split.values() if parts is not None for piece in parts}
    lacking = [piece for piece in pieces if piece not in fresh and piece not in part_keys]
    fresh.update(zip(lacking, token_keys(lacking), strict=True))
    return {
        token: _HARD if parts is None else " ".join([fresh[p] if p in fresh else part_keys[p] for p in parts])
        for token, parts in split.items()
    }


def bulk_part_keys(part_keys: Mapping[str, str]) -> dict[str, str]:
    """``part_keys`` (an index's map of part keys) marked for :func:`joined_keys_many`.

    Each part's value in the stream of part keys: a connector keyed as its one spelling, an
    article and a title word marked before their keys, a part that the parser must see (an
    assimilated article, "abul", an Abd or -allah compound) replaced by a mark. Made once per
    index: a bulk call then looks up each part of its names once, in one map.
    """
    title_firsts, hard_tokens, connectors, articles = _bulk_tables()
    abd_prefix = name_tables().abd_prefix
    marks = dict(part_keys)
    for token, canonical in connectors.items():
        marks[token] = part_keys[canonical]
    for article in articles:
        marks[article] = _ARTICLE + part_keys[article]
    for title in title_firsts:
        marks.setdefault(title, part_keys[title])
    compounds = [t for t in marks if t.startswith(abd_prefix) or t.endswith(_COMPOUND_ENDINGS)]
    marks.update(_compound_keys(compounds, abd_prefix, part_keys, {}))
    for token in hard_tokens:
        marks[token] = _HARD
    for title in title_firsts:
        if marks[title] != _HARD:
            marks[title] = _TITLE + marks[title]
    marks["\n"] = "\n"  # the separator of names in the stream, no part
    return marks


def joined_keys_many(
    names: Sequence[str], forms: Sequence[str], part_keys: Mapping[str, str], marks: dict[str, str] | None = None
) -> list[str]:
    """The key of each name as the resolver's key tier makes it, for many names at once.

    ``forms[i]`` is ``fold(names[i])``, not empty; no name holds a comma. The key is
    ``" ".join`` of ``part_keys[t]`` for the tokens ``t`` of :func:`parse_fields` (of the tokens
    themselves for an acronym); ``part_keys`` is the index's map, which keys a part it lacks by
    ``token_key``. ``marks`` is ``bulk_part_keys(part_keys)`` when the caller keeps it (made here
    otherwise). The parts of all the names are keyed in one pass: each part looked up in a copy
    of ``marks`` to which the parts it lacks are added, keyed together by ``token_keys``;
    articles are dropped on the whole stream of part keys. A name that needs more of the parser
    (a leading title, capitals, an assimilated article, "abul", an Abd compound that takes the
    next part) goes through :func:`parse_fields`.
    """
    if not names:
        return []
    if marks is None:
        marks = bulk_part_keys(part_keys)
    # The parts of every name, the names parted by a "\n" part.
    text = " \n ".join(forms)
    stream = text.split(" ")
    distinct = set(stream)
    new = distinct.difference(marks)  # one look-up per distinct part (marks is a plain dict)
    if len(distinct) * 8 < len(marks):
        # Few parts against a large index: a map of these parts only, not a copy of marks.
        known = distinct - new
        key_of = dict(zip(known, map(marks.__getitem__, known), strict=True))
    else:
        key_of = marks.copy()
    fresh: dict[str, str] = {}
    if new:
        lacking = list(new)
        fresh = dict(zip(lacking, token_keys(lacking), strict=True))
        key_of.update(fresh)
        abd_prefix = name_tables().abd_prefix
        compounds = [
            *compress(lacking, map(str.startswith, lacking, repeat(abd_prefix))),
            *compress(lacking, map(str.endswith, lacking, repeat(_COMPOUND_ENDINGS))),
        ]
        if compounds:
            key_of.update(_compound_keys(compounds, abd_prefix, part_keys, fresh))
    # One itemgetter call looks up all the parts (a map calls __getitem__ once a part).
    joined = " ".join(itemgetter(*stream)(key_of)) if len(stream) > 1 else key_of[stream[0]]
    if _ARTICLE in joined:
        # parse_fields drops an article that another part follows; the last part is kept.
        joined = _DROPPED_ARTICLE.sub("", joined).replace(_ARTICLE, "")
    keys = joined.split(" \n ")
    # Names in capitals or ending in one (acronyms, "ABiH") are keyed by the parser.
    redo = {i for i, name in enumerate(names) if name.isupper() or name[-1:].isupper()}
    # Names in Somali orthography have an x, a Cabd or a doubled vowel: only those few are
    # tested.
    marked = {*_lines_of(text, "x"), *_lines_of(text, "cabd")}
    marked.update(*(_lines_of(text, long) for long in ("aa", "ii", "uu")))
    redo.update(i for i in marked if is_somali_spelled(forms[i]))
    # The names of the marks, found in the joined text (a few hundred in 10k names): each
    # name with a part for the parser; each name with a title word, first or not.
    hard = _lines_of(joined, _HARD)
    redo.update(hard)
    for line in _lines_of(joined, _TITLE):
        key = keys[line]
        if key.startswith(_TITLE):
            redo.add(line)  # a title word first is stripped by parse_fields (a name of one part keeps it)
        elif line not in redo:
            keys[line] = key.replace(_TITLE, "")
    if redo:
        at = sorted(redo)
        for i, key in zip(at, _parsed_keys([names[i] for i in at], [forms[i] for i in at], part_keys, fresh), strict=True):
            keys[i] = key
    return keys


def _lines_of(joined: str, mark: str) -> list[int]:
    """The numbers of the names (parted by " \\n ") in ``joined`` that hold ``mark``, in order."""
    lines: list[int] = []
    at = joined.find(mark)
    line, seen = 0, 0
    while at >= 0:
        line += joined.count("\n", seen, at)  # the newlines of the stream are its separators
        if not lines or lines[-1] != line:
            lines.append(line)
        seen = at
        at = joined.find(mark, at + 1)
    return lines


def _parsed_keys(names: Sequence[str], forms: Sequence[str], part_keys: Mapping[str, str], fresh: dict[str, str]) -> list[str]:
    """The keys of ``names`` from :func:`parse_fields`, ``forms`` their folds.

    ``fresh`` holds keys of parts that ``part_keys`` lacks; the parts that both lack are keyed
    together by ``token_keys`` and added to it.
    """
    fields = [parse_fields(name, folded=form) for name, form in zip(names, forms, strict=True)]
    parts = {token for tokens, *_, acronym in fields if not acronym for token in tokens}
    lacking = [token for token in parts if token not in part_keys and token not in fresh]
    fresh.update(zip(lacking, token_keys(lacking), strict=True))
    return [
        " ".join(tokens if acronym else [fresh[t] if t in fresh else part_keys[t] for t in tokens])
        for tokens, *_, acronym in fields
    ]


def fold_name(text: str) -> str:
    """``fold(text)``, by the cheaper ASCII pass when ``text`` is ASCII."""
    return fold_ascii(text) if text.isascii() else fold(text)


def _is_upperish(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def uninvert(name: str, *, person: bool = False) -> tuple[str, bool]:
    """Turn "AL-ADL, Sayf" into "Sayf AL-ADL"; return the name and whether it was inverted.

    A comma inverts when the part before it is written in capitals (sanctions-list style),
    or when ``person`` is set and both sides are short. "Washington, D.C." is left alone.
    """
    if name.count(",") != 1:
        return name, False
    head, tail = (p.strip() for p in name.split(","))
    if not head or not tail or _name_words(head) > 4 or _name_words(tail) > 4:
        return name, False
    if (_is_upperish(head) and not _is_upperish(tail)) or person:
        return f"{tail} {head}", True
    return name, False


def _name_words(text: str) -> int:
    """Words of ``text`` that are not connectors or articles: a Maghreb chain "Adel Ben
    Al-Azhar Ben Youssef" is three names long, as lists write it after the surname."""
    tables = name_tables()
    words = text.split()
    if len(words) <= 4:
        return len(words)
    particles = tables.connectors.keys() | tables.articles
    return sum(1 for word in words if not particles.issuperset(_fold_word(word).split()))


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    """:func:`fold` of one word; kept, as the words that open names (given names) recur."""
    return fold_ascii(word) if word.isascii() else fold(word)


def without_soft_title(name: str) -> str | None:
    """``name`` without the honorific that opens it, when that word is also a given name.

    "Malik Zafar Iqbal" -> "Zafar Iqbal", "Haji Hafiz Abdul Basir" -> "Haji Abdul Basir"
    (titles before it stay, the parser removes them). None when the name has no such word
    among its leading words, or fewer than two name parts would remain: "Hafez al-Assad"
    keeps its given name.
    """
    tables = name_tables()
    words = name.split()
    for at, word in enumerate(words):
        folded = _fold_word(word)
        if folded in tables.soft_titles:
            rest = " ".join(words[:at] + words[at + 1 :])
            return rest if len(parse_name(rest).tokens) >= 2 else None
        if folded not in tables.titles_by_first:
            return None
    return None


def _strip_titles(tokens: list[str], tables: NameTables) -> tuple[list[str], list[str]]:
    """Leading titles off ``tokens`` (longest first; the last token always stays).

    Moves an index instead of slicing the list after each title: linear in the number of
    tokens, where "Dr. Dr. Dr. ..." once cost a copy of the rest per title.
    """
    removed: list[str] = []
    start = 0
    count = len(tokens)
    while count - start > 1:
        for title in tables.titles_by_first.get(tokens[start], ()):
            n = len(title)
            if count - start > n and tuple(tokens[start : start + n]) == title:
                removed.append(" ".join(title))
                start += n
                break
        else:
            break
    return tokens[start:], removed


def _is_article(token: str, following: str | None, tables: NameTables) -> bool:
    if following is None:
        return False
    if token in tables.articles:
        return True
    if token in tables.assimilated:
        consonant = token[1:] if token[0] in "aeiou" else token
        return following.startswith(consonant)
    return False


def _is_abd_article(rest: str, following: str) -> bool:
    """Whether ``rest``, what follows Abd in its token, is the article assimilated to the next
    word's first letter: "ur" before "Rahman", "us" before "Sattar"."""
    found = _ABD_ARTICLE.fullmatch(rest)
    return found is not None and following.startswith(found.group(1))


def _abd_rest(token: str) -> str | None:
    """For an Abd compound token return what follows the article ('' if nothing)."""
    m = _ABD.match(token)
    if m is None:
        return None
    rest = m.group("rest")
    if rest in ("ah", "ahi") and token[-len(rest) - 1] == "l":
        # The article's l is Allah's, written once: Abdulahi = Abdullahi (Somali Cabdilaahi).
        return "l" + rest
    assimilated = m.group(1)
    if assimilated and rest.startswith(assimilated * 2):
        rest = rest[len(assimilated) :]
    return rest


def _split_allah(tokens: list[str], abd_prefix: str) -> list[str]:
    """Split "-allah" compounds into two parts: Ansarallah = Ansar Allah, Hezbollah = Hizb Allah."""
    out: list[str] = []
    for token in tokens:
        m = _ALLAH_COMPOUND.match(token) if not token.startswith(abd_prefix) else None
        if m is None:
            out.append(token)
        else:
            out.extend((m.group("head"), "allah"))
    return out


@lru_cache(maxsize=500_000)
def parse_name(name: str, *, person: bool = False) -> NameParts:
    """Split a name into its parts (see the module docstring).

    Args:
        name: a name as written, in any script.
        person: treat a single comma as "Surname, Given" even without capitals.

    Returns:
        The parsed :class:`NameParts`; ``tokens`` is empty for a name with no letters.
    """
    return NameParts(*parse_fields(name, person=person))


def name_tokens(name: str, *, person: bool = False, folded: str | None = None) -> tuple[tuple[str, ...], bool]:
    """``parse_name(name).tokens`` and ``.acronym`` without building (or caching) a NameParts.

    For callers that only need the parts of many distinct names (the resolver's key tier).
    ``folded`` may pass ``fold(name)`` when the caller has it already.
    """
    parsed = parse_fields(name, person=person, folded=folded)
    return parsed[0], parsed[4]


def name_keys(name: str, *, person: bool = False, folded: str | None = None) -> tuple[str, ...]:
    """``part_keys(parse_name(name))`` without building or caching the parsed name.

    For callers that key many distinct names once each (the resolver's key tier); ``folded``
    may pass ``fold(name)`` when the caller has it already.
    """
    tokens, acronym = name_tokens(name, person=person, folded=folded)
    if acronym:
        return tokens
    return tuple(map(token_key, tokens))


def name_tokens_many(
    names: Sequence[str], persons: Sequence[bool], folded: Sequence[str | None]
) -> list[tuple[tuple[str, ...], bool]]:
    """:func:`name_tokens` of many names (``folded[i]`` as its ``folded`` argument), in one pass.

    A name with nothing for the parser to do (no title, connector, article, Abd or -allah
    compound, not an acronym), the common case, is split here without a call per name; the
    others go through :func:`parse_fields`.
    """
    tables = name_tables()
    titles = tables.titles_by_first
    connectors = tables.connectors.keys()
    special = tables.special
    abd = tables.abd_prefix
    out: list[tuple[tuple[str, ...], bool]] = []
    append = out.append
    for name, person, form in zip(names, persons, folded, strict=True):
        if form is not None and not name.isupper() and not name[-1:].isupper():
            tokens = form.split()
            if (
                tokens
                and tokens[0] not in titles
                and connectors.isdisjoint(tokens)
                and "llah" not in form
                and "din" not in form
                and "deen" not in form
                and abd not in form
                and special.isdisjoint(tokens)
                and not is_somali_spelled(form)
            ):
                append((tuple(tokens), False))
                continue
        parsed = parse_fields(name, person=person, folded=form)
        append((parsed[0], parsed[4]))
    return out


#: The fields of a :class:`NameParts` in order: tokens, titles, inverted, articled, acronym.
ParsedFields = tuple[tuple[str, ...], tuple[str, ...], bool, tuple[bool, ...], bool]


def parse_fields(name: str, *, person: bool = False, folded: str | None = None) -> ParsedFields:
    """What :func:`parse_name` parses, as a plain tuple (``NameParts(*fields)``), uncached.

    ``folded`` may pass ``fold(name)`` when the caller has it already.
    """
    tables = name_tables()
    # An acronym has no lower-case letter, so isupper() is a cheap first test.
    if (name.isupper() and _ACRONYM.match(name.strip())) or (name[-1:].isupper() and _MIXED_ACRONYM.fullmatch(name)):
        acronym = fold(name)
        if " " not in acronym:
            return ((acronym,), (), False, (), True) if acronym else ((), (), False, (), False)
        # Capitals that fold into words ("Aﹰ²": the Arabic mark's compatibility form is a space
        # and the mark) are parsed as a name.
    if "," in name:
        original, inverted = uninvert(name, person=person)
        folded = fold_name(original)
    else:
        inverted = False
        if folded is None:
            folded = fold_name(name)
    if is_somali_spelled(folded):
        folded = somali_respelled(folded)
    tokens = folded.split()
    titles: list[str] = []
    if tokens and tokens[0] in tables.titles_by_first:
        tokens, titles = _strip_titles(tokens, tables)
    connectors = tables.connectors
    if not connectors.keys().isdisjoint(tokens):
        tokens = [connectors.get(t, t) for t in tokens]
    if "llah" in folded:
        tokens = _split_allah(tokens, tables.abd_prefix)
    if "din" in folded or "deen" in folded:
        tokens = _join_din(tokens, tables)
    if tables.abd_prefix not in folded:
        if tables.special.isdisjoint(tokens):
            # No article, "abul" or Abd compound: the parts are the tokens (the common case).
            return tuple(tokens), tuple(titles), inverted, (False,) * len(tokens), False
        if "abul" not in tokens:
            # Articles only: the loop below without its Abd and "abul" branches.
            out: list[str] = []
            articled: list[bool] = []
            pending_article = False
            last = len(tokens) - 1
            articles, assimilated = tables.articles, tables.assimilated
            for i, token in enumerate(tokens):
                # _is_article, called only for the assimilated forms that need its test.
                if i < last and (
                    token in articles or (token in assimilated and _is_article(token, tokens[i + 1], tables))
                ):
                    pending_article = True
                    continue
                out.append(token)
                articled.append(pending_article)
                pending_article = False
            return tuple(out), tuple(titles), inverted, tuple(articled), False
    out = []
    articled = []
    i = 0
    pending_article = False
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if _is_article(token, following, tables):
            pending_article = True
            i += 1
            continue
        if token == "abul" and following is not None:
            out.append("abu")
            articled.append(pending_article)
            pending_article = True
            i += 1
            continue
        rest = _abd_rest(token) if token.startswith(tables.abd_prefix) else None
        if rest is not None and following is not None and _is_abd_article(rest, following):
            rest = ""  # "Abdur Rahman", "Abdus Salam": the article written onto Abd, then the name
        if rest is not None:
            if rest == "" and following is not None:
                # "Abd al-Rahman", "Abdul Rahman", "Abd Allah": join with what follows.
                j = i + 1
                if _is_article(tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None, tables):
                    j += 1
                rest = tokens[j]
                i = j
            out.append(tables.abd_prefix + _allah_rest(rest))
            articled.append(pending_article)
            pending_article = False
            i += 1
            continue
        out.append(token)
        articled.append(pending_article)
        pending_article = False
        i += 1
    return tuple(out), tuple(titles), inverted, tuple(articled), False
