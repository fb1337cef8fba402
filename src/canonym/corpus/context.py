"""Word-level rules that tell a capitalised word from a name, by its form and its context.

The tagger asks these when a span is not settled by the gazetteer alone:

- :func:`is_common_form`: a capitalised English word in an inflected form ("Queues",
  "Militarily", "Hostages", "Bargaining") is the common word, not a name, when it opens a
  sentence or a line; the common-word list holds base forms only.
- :func:`used_lowercase`: a word the same document also writes in lowercase ("Militants
  attacked ... the militants") is an ordinary word that a sentence happened to start with.
- :func:`is_reference_code`: "QDi.006", "SOe.001" and "SC/16148" are list and document
  references, not names.
- :func:`is_descriptive_phrase`: "Egyptian army", "Israeli military" are a demonym and a
  lowercase noun: a description, not a name (SPEC.md: demonyms are not mentions).
- :func:`place_level`: "Hama countryside", "Deir al-Zor province", "the city of Idlib" say
  which of a city and its province is meant.
- :func:`proper_part`: in "U.S.-led coalition", "Jenin refugee camp" or "southern suburbs
  of Beirut" the name proper is the place alone, as the hand labels have it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

#: Inflection endings and what replaces them to give candidate base forms, longest first.
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ically", ("ic", "ical")),
    ("ingly", ("ing", "e", "")),
    ("ially", ("ial",)),
    ("ally", ("al", "")),
    ("ily", ("y",)),
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ers", ("", "e", "er")),
    ("men", ("man",)),
    ("ing", ("", "e")),
    ("ses", ("s", "se")),
    ("ches", ("ch",)),
    ("shes", ("sh",)),
    ("xes", ("x",)),
    ("ly", ("", "le")),
    ("ed", ("", "e")),
    ("er", ("", "e")),
    ("es", ("e", "")),
    ("s", ("",)),
    ("d", ("",)),
)
_PREFIXES = ("un", "non", "re")
#: The endings before which English doubles a stem's last consonant ("kidnap" -> "kidnapper").
_DOUBLING_ENDINGS = frozenset(["ers", "er", "ing", "ed"])
#: Last words of the names of places and institutions named after a person with a title
#: ("Imam Ali Mosque", "Prince Sultan Air Base", "General Directorate of Intelligence").
NAMED_AFTER_HEADS = frozenset(
    ["mosque", "shrine", "mausoleum", "county", "street", "square", "road", "avenue", "bridge", "base", "airbase", "airport", "port", "hospital", "university", "school", "college", "institute", "center", "centre", "foundation", "fund", "brigade", "brigades", "battalion", "division", "directorate", "intelligence", "assembly", "staff", "command", "headquarters", "hall", "stadium", "camp", "prison", "dam", "canal", "causeway", "complex", "palace", "library", "museum", "award", "prize", "committee", "hotel", "highway", "academy", "barracks", "unit", "cell"]
)
_REFERENCE = re.compile(r"[./]\d")


def base_forms(word: str) -> list[str]:
    """Candidate dictionary forms of a folded English word ("queues" -> "queue")."""
    out = [word]
    for ending, replacements in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out.extend(stem + r for r in replacements)
            if ending in _DOUBLING_ENDINGS and len(stem) >= 6 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                out.append(stem[:-1])  # "Kidnappers", "Kidnapping": the consonant doubled before the ending
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            out.append(word[len(prefix) :])
    return out


def is_common_form(word: str, common: frozenset[str] | Callable[[str], bool]) -> bool:
    """Whether a folded word is a common English word or an inflection of one."""
    contains = common.__contains__ if isinstance(common, frozenset) else common
    return any(contains(form) for form in base_forms(word))


def used_lowercase(text: str, word: str) -> bool:
    """Whether ``text`` also has ``word`` (or its base form) written all in lowercase."""
    lower = word.lower()
    if not lower.isalpha() or lower == word:
        return False
    forms = {lower, lower[:-1]} if lower.endswith("s") else {lower}
    return any(len(form) >= 4 and _starts_a_word(text, form) for form in forms)


def _starts_a_word(text: str, form: str) -> bool:
    """Whether ``form`` occurs in ``text`` at the start of a word."""
    at = text.find(form)
    while at != -1:
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-_"):
            return True
        at = text.find(form, at + 1)
    return False


def is_reference_code(text: str, end: int) -> bool:
    """Whether the span ending at ``end`` is the letter part of a reference ("QDi.006")."""
    return _REFERENCE.match(text, end) is not None


def is_descriptive_phrase(surface: str, is_demonym: Callable[[str], bool], common: frozenset[str]) -> bool:
    """A demonym followed by common lowercase words ("Egyptian army", "Israeli military")."""
    words = surface.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    # The lowercase words first: most names have none, and a demonym is looked up by folding.
    return all(w.isalpha() and w.islower() and w in common for w in words[1:]) and is_demonym(words[0].lower())


#: Endings of English abstract nouns, adverbs and adjectives that names do not have.
_WORD_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ingly", "ically", "ously", "ively", "ational")


#: Plurals of English nouns of people by what they do or hold to ("Separatists", "Demonstrators",
#: "Mercenaries", "Assailants", "Dissidents"), with the length each needs: shorter words with
#: those endings are surnames too ("Clements", "Bryants").
_PLURAL_AGENT_ENDINGS = (("ists", 8), ("ators", 9), ("aries", 9), ("ants", 9), ("ents", 9))


def has_word_ending(word: str) -> bool:
    """Whether a folded word ends like an English abstract noun or adverb ("Decapitation"),
    or a plural noun of people ("Secessionists")."""
    if len(word) >= 7 and word.endswith(_WORD_ENDINGS):
        return True
    return word[-1:] == "s" and any(len(word) >= size and word.endswith(ending) for ending, size in _PLURAL_AGENT_ENDINGS)


def opens_sentence(text: str, start: int) -> bool:
    """Whether nothing but punctuation, bullets or dashes stands between ``start`` and the
    previous sentence, line or heading ("Nov 14 - Queues", "→ Explainer", "(Militants")."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0:
        return True
    previous = text[i]
    if previous == "-" and i == start - 1 and i > 0 and text[i - 1].islower():
        return False  # "the Dikwa-Marte road": a word joined on by a hyphen, no dash
    return not (previous.isalnum() or previous in ",&/%$'’")


_LOWER_WORD = re.compile(r"[a-z]+")
#: The Arabic article and its assimilated forms, as written before a name ("al Qaeda", "ash-Shabaab").
ARTICLES = frozenset(["al", "el", "ad", "an", "ar", "as", "ash", "at", "az"])
#: The Urdu article that joins the parts of a compound name ("Wali ur Rehman", "Zia ul Haq"),
#: and "son of" before a father's name ("Azhari bin Husin"): list order may end with one
#: ("REHMAN, Wali ur", "HUSIN, Azhari bin").
LINKS_AFTER_GIVEN = frozenset(["ur", "ul", "ud", "bin", "binti", "ibn"])
_MODIFIER_SUFFIX = re.compile(r"[-\u2010\u2011](?:led|backed|based|run|held|controlled|linked|allied|aligned|made|born)$")


@lru_cache(maxsize=65536)
def proper_part(surface: str) -> tuple[int, int] | None:
    """The one capitalised name inside a lowercase description, as offsets into ``surface``.

    "U.S.-led coalition" -> "U.S.", "Jenin refugee camp" -> "Jenin", "southern suburbs of
    Beirut" -> "Beirut", "Islamic State group" -> "Islamic State"; ``None`` when every word
    is capitalised or more than one run of capitalised words is in it ("Gulf of Aden").
    """
    words = [(m.start(), m.end(), _LOWER_WORD.fullmatch(surface[m.start() : m.end()]) is None) for m in re.finditer(r"\S+", surface)]
    # A lowercase article before a capitalised word belongs to the name: "al Qaeda"; so does
    # the Urdu one or "bin" after a given name in list order ("REHMAN, Wali ur").
    words = [
        (
            a,
            b,
            capital
            or (surface[a:b] in ARTICLES and i + 1 < len(words) and words[i + 1][2])
            or (surface[a:b] in LINKS_AFTER_GIVEN and i > 0 and words[i - 1][2] and "," in surface),
        )
        for i, (a, b, capital) in enumerate(words)
    ]
    if len(words) < 2 or all(capital for _, _, capital in words):
        return None
    runs: list[tuple[int, int]] = []
    for i, (a, b, capital) in enumerate(words):
        if capital:
            if i > 0 and words[i - 1][2]:
                runs[-1] = (runs[-1][0], b)  # one run of capitalised words: "Islamic State"
            else:
                runs.append((a, b))
    if len(runs) != 1:
        return None
    a, b = runs[0]
    suffix = _MODIFIER_SUFFIX.search(surface, a, b)
    if suffix is not None:
        b = suffix.start()
    return (a, b) if b > a else None


#: A capitalised name of up to three words, as a list of places writes them.
_LISTED_NAME = r"(?:[a-z]{1,3}-)?[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+(?:[a-z]{1,3}-)?[A-ZÀ-ÖØ-Þ][\w'’\-]*){0,2}"
#: Case-blind in the level word only: the names of a list before a plural level word are
#: capitalised ("the Mopti, Ségou and Timbuktu regions"); ", in Iraq's Kurdistan region"
#: after "Sulaymaniyah" is no list, nor is a dateline's "ERBIL, Kurdistan Region". A unit
#: of a place after its possessive ("Erbil's Harir subdistrict", "Duhok's border areas")
#: makes it the province.
_LEVEL_AFTER = re.compile(
    r"\s+(?i:(provinces?|provincial|governorates?|regions?|regional|countryside|districts?|count(?:y|ies)|states?|valley|river|refugee camp|camp))\b"
    rf"|(?:\s*(?:,\s*(?:and|or)?|and|or|&)\s*{_LISTED_NAME}){{1,4}}"
    r"\s+(?i:(provinces|governorates|regions|countryside|districts|counties|states|valleys))\b"
    r"|['’]s\s+(?:[A-Z][\w'’\-]*\s+)?(sub-?districts?|districts?|border|countryside|villages)\b",
)
#: Before the name: "the city of", "the countryside of Latakia and", "the provinces of Idlib
#: and" (a list shares the level word before its first name), "rural", "most of" (an area,
#: not a city).
_LEVEL_BEFORE = re.compile(
    r"\b(?:(?i:(?:(city|town|province|governorate|region|governor|countryside|cities|towns|provinces|governorates|regions)\s+of\s+(?:the\s+)?|(most)\s+of\s+))"
    rf"(?:{_LISTED_NAME}\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)){{0,3}}|(?i:(rural))\s+)$",
)
_LEVELS = {
    "province": "province", "provinces": "province", "governorate": "province", "governorates": "province",
    "region": "province", "regions": "province", "countryside": "province", "district": "province",
    "districts": "province", "county": "province", "counties": "province", "state": "province", "states": "province", "governor": "province", "valley": "river", "valleys": "river", "river": "river",
    "city": "city", "town": "city", "cities": "city", "towns": "city", "rural": "province", "provincial": "province", "regional": "province",
    "camp": "camp", "refugee camp": "camp", "subdistrict": "province", "sub-district": "province",
    "subdistricts": "province", "sub-districts": "province", "border": "province", "villages": "province", "most": "province",
}


def level_word_after(text: str, end: int) -> str | None:
    """The level word right after a place name ending at ``end``, as written ("region" of
    "Kurdistan region"), or None."""
    after = _LEVEL_AFTER.match(text, end)
    return after.group(1) if after is not None else None


def place_level(text: str, start: int, end: int) -> str | None:
    """What the words around a place name say it is: "province", "city" or "river".

    "Hama countryside", "the Hasakah and Deir al-Zor provinces", "Timbuktu region" and "the
    province of Idlib" are provinces; "the city of Deir al-Zor" is the city; "the Juba
    valley" is the river's. ``None`` when the context says nothing.
    """
    after = _LEVEL_AFTER.match(text, end)
    if after is not None:
        return _LEVELS[next(word for word in after.groups() if word).lower()]
    before = _LEVEL_BEFORE.search(text[max(0, start - 90) : start])
    if before is not None:
        return _LEVELS[next(word for word in before.groups() if word).lower()]
    return None
