"""Text folding with an offset map back to the original string.

Folding is the first step of the pipeline described in :mod:`canonym.normalize`. Every
character of the input is mapped on its own (so the mapping is cached per character and a
document folds at ``str.translate`` speed):

1. NFKC, then NFKD with combining marks dropped (``é`` -> ``e``, ``ﬁ`` -> ``fi``);
2. Latin, Greek and Cyrillic letters go through unidecode and are lowercased; Arabic-script
   letters stay Arabic but are unified (alef and hamza forms, ta marbuta, alef maqsura,
   Persian yeh and kaf); other scripts pass through lowercased;
3. the ayn/hamza marks and apostrophes (ʿ ʾ ' ’ ‘ ` ´), dots, tashkeel, tatweel, zero-width
   and bidi controls are deleted; every other non-alphanumeric character becomes a space;
4. runs of spaces collapse to one.

``U.S.`` folds to ``us``, ``al-Qa’ida`` to ``al qaida``, ``Washington, D.C.`` to
``washington dc``. ``fold`` is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from unidecode import unidecode

#: Deleted outright: apostrophes and the ayn/hamza marks (al-Qa'ida = al-Qaida), dots
#: (U.S. = US), Arabic tatweel and the standalone hamza.
_DELETED = frozenset("'’‘`´ʿʾʼʻ′.\u0640\u0621\u200b\u200c\u200d\u2060\ufeff")

#: Arabic-script letter unification (applied after NFKC).
_ARABIC_UNIFY = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "ؤ": "و",
}

_TRANSLITERATED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
_DELETE = "\x00"


def _is_ignorable(char: str) -> bool:
    category = unicodedata.category(char)
    return char in _DELETED or category in ("Mn", "Me", "Cf") or (
        category == "Cc" and not char.isspace()
    )


def _map_once(char: str) -> str:
    """Map one character to its folded form: '' (deleted), ' ', or letters/digits."""
    if char.isascii():
        if char.isalnum():
            return char.lower()
        return "" if char in _DELETED or (not char.isspace() and ord(char) < 32) else " "
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char)):
        if _is_ignorable(part):
            continue
        part = _ARABIC_UNIFY.get(part, part)
        if part.isascii():
            out.append(_map_once(part))
        elif part.isalnum():
            name = unicodedata.name(part, "")
            if part.isdigit() or name.startswith(_TRANSLITERATED_SCRIPTS):
                latin = unidecode(part).lower()
                out.append("".join(c if c.isalnum() else "" for c in latin) or part.lower())
            else:
                lowered = part.lower()
                out.append(lowered if len(lowered) == 1 else part)
        else:
            out.append(" ")
    return "".join(out)


@cache
def fold_char(char: str) -> str:
    """Return the folded form of one character (a fixed point of the mapping)."""
    mapped = _map_once(char)
    # Iterate to a fixed point so that folding is idempotent whatever unidecode returns.
    for _ in range(4):
        again = "".join(_map_once(c) for c in mapped)
        if again == mapped:
            break
        mapped = again
    return mapped


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that fills itself: length-changing results are marked."""

    def __missing__(self, codepoint: int) -> str:
        mapped = fold_char(chr(codepoint))
        if mapped == "":
            value = _DELETE
        elif len(mapped) == 1:
            value = mapped
        else:
            value = "\x01"  # needs expansion: handled by the slow path
        self[codepoint] = value
        return value


_TABLE = _FoldTable()
# Runs that change the length: any run holding a deletion, two or more spaces, and spaces at
# either end. A single space between words is kept as it is and costs nothing.
_CLEANUP = re.compile("[\x00 ]*\x00[\x00 ]*| {2,}|^ +| +$")
_SPACES = re.compile(" {2,}")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded string and the map from its indices back to the original.

    ``text`` is the folded string without leading or trailing spaces. ``start(i)`` and
    ``end(j)`` give the original offsets of a folded span ``text[i:j]``: the original span
    ``original[start(i):end(j)]`` covers exactly the characters that produced it.
    """

    text: str
    #: Sorted folded positions where the original-offset shift changes.
    _points: tuple[int, ...]
    #: Shift (original index minus folded index) that holds from each point on.
    _shifts: tuple[int, ...]
    #: For the slow path: explicit original index of each folded char (plus an end sentinel).
    _explicit: tuple[int, ...] | None = None
    _explicit_end: tuple[int, ...] | None = None

    def start(self, i: int) -> int:
        """Original offset of the character at folded index ``i``."""
        if self._explicit is not None:
            return self._explicit[i]
        k = bisect_right(self._points, i) - 1
        return i + (self._shifts[k] if k >= 0 else 0)

    def end(self, j: int) -> int:
        """Original end offset (exclusive) of a folded span ending at ``j`` (exclusive)."""
        if self._explicit_end is not None:
            return self._explicit_end[j - 1]
        return self.start(j - 1) + 1


def fold_with_offsets(text: str) -> Folded:
    """Fold ``text`` and keep the map back to original offsets.

    Args:
        text: any string.

    Returns:
        A :class:`Folded` whose ``text`` equals ``fold(text)``.
    """
    translated = text.translate(_TABLE)
    if "\x01" in translated:
        return _fold_slow(text)
    points: list[int] = []
    shifts: list[int] = []
    pieces: list[str] = []
    shift = 0
    last = 0
    out_len = 0
    for m in _CLEANUP.finditer(translated):
        s, e = m.start(), m.end()
        pieces.append(translated[last:s])
        out_len += s - last
        has_space = " " in m.group()
        at_edge = out_len == 0 or e == len(translated)
        keep_space = has_space and not at_edge
        if keep_space:
            # The kept space stands for the first space char of the run.
            first_space = s + m.group().index(" ")
            pieces.append(" ")
            points.append(out_len)
            shifts.append(first_space - out_len)
            out_len += 1
        shift = e - out_len
        points.append(out_len)
        shifts.append(shift)
        last = e
    pieces.append(translated[last:])
    return Folded("".join(pieces), tuple(points), tuple(shifts))


def _fold_slow(text: str) -> Folded:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        for out in fold_char(char):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            starts.append(index)
            ends.append(index + 1)
    while chars and chars[-1] == " ":
        chars.pop()
        starts.pop()
        ends.pop()
    return Folded("".join(chars), (), (), tuple(starts), tuple(ends))


def fold(text: str) -> str:
    """Fold ``text`` to its comparison form (see the module docstring).

    >>> fold("al-Qa’ida")
    'al qaida'
    >>> fold("Washington, D.C.")
    'washington dc'
    """
    translated = text.translate(_TABLE)
    if "\x01" in translated:
        return _fold_slow(text).text
    return _SPACES.sub(" ", translated.replace(_DELETE, "")).strip(" ")
