"""Text in, comparison keys out; no knowledge of entities.

The pipeline, applied in this order and with the same settings to gazetteer aliases and to
queries (one normalizer for both sides):

1. :func:`fold` (``text.py``): NFKC, diacritics and ayn/hamza marks removed, unidecode for
   Latin/Greek/Cyrillic, Arabic-script letters unified (tashkeel and tatweel removed, alef,
   hamza, ta marbuta, alef maqsura and Persian letters unified), lowercase, dots and
   apostrophes deleted, other punctuation to spaces. :func:`fold_with_offsets` keeps the
   map back to the original so a match in folded text has exact original offsets.
2. :func:`parse_name` (``names.py``): titles removed, inverted list order undone, articles
   recognised and dropped, connectors unified, Abd compounds joined.
3. :func:`token_key` / :func:`token_skeleton` (``translit.py``): per-part transliteration
   key and consonant skeleton. :func:`name_key` joins the keys of all parts.

Script policy: Latin, Greek and Cyrillic are romanized; Arabic script (Arabic, Persian,
Urdu, Pashto) stays Arabic after unification, and meets Latin spellings through the
skeleton; other scripts pass through lowercased.
"""

from __future__ import annotations

from canonym.normalize.names import NameParts, name_keys, parse_name
from canonym.normalize.text import Folded, fold, fold_with_offsets
from canonym.normalize.translit import is_arabic_script, token_key, token_skeleton

__all__ = [
    "Folded",
    "NameParts",
    "fold",
    "fold_with_offsets",
    "is_arabic_script",
    "name_key",
    "name_keys",
    "name_skeleton",
    "parse_name",
    "part_keys",
    "token_key",
    "token_skeleton",
]


def part_keys(parts: NameParts) -> tuple[str, ...]:
    """The transliteration key of each part of a parsed name (acronyms are kept as written)."""
    if parts.acronym:
        return parts.tokens
    return tuple(token_key(t) for t in parts.tokens)


def name_key(name: str, *, person: bool = False) -> str | None:
    """Return the transliteration key of a whole name, or ``None`` when it has no letters.

    Args:
        name: the name as written.
        person: read a single comma as "Surname, Given" (see :func:`parse_name`).

    >>> name_key("Qasem Suleimani") == name_key("Qassem Soleimani")
    True
    """
    keys = part_keys(parse_name(name, person=person))
    return " ".join(keys) if keys else None


def name_skeleton(name: str) -> str | None:
    """Return the consonant skeleton of a whole name (see ``translit.py``)."""
    tokens = parse_name(name).tokens
    if not tokens:
        return None
    return " ".join(token_skeleton(t) for t in tokens)
