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
from dataclasses import dataclass
from functools import cache

import numpy as np
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
_SPACES = re.compile(" {2,}")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded string and the map from its indices back to the original.

    ``text`` is the folded string without leading or trailing spaces. ``start(i)`` and
    ``end(j)`` give the original offsets of a folded span ``text[i:j]``: the original span
    ``original[start(i):end(j)]`` covers exactly the characters that produced it.
    """

    text: str
    #: Original index of each folded character (int64), for vectorized mapping of many spans.
    positions: np.ndarray

    def start(self, i: int) -> int:
        """Original offset of the character at folded index ``i``."""
        return int(self.positions[i])

    def end(self, j: int) -> int:
        """Original end offset (exclusive) of a folded span ending at ``j`` (exclusive)."""
        return int(self.positions[j - 1]) + 1


def fold_with_offsets(text: str) -> Folded:
    """Fold ``text`` and keep the map back to original offsets.

    Args:
        text: any string.

    Returns:
        A :class:`Folded` whose ``text`` equals ``fold(text)``.
    """
    return _fold_codes(*_folded_codes(text))


def fold_joined(texts: list[str]) -> tuple[Folded, list[int]]:
    """Fold several texts into one haystack that no folded word or phrase crosses.

    The texts are joined with a newline, which folds to :data:`BOUNDARY` (not a space, not
    a letter of any folded name) instead of a space. Folding many short documents at once
    costs one pass of array arithmetic instead of one per document.

    Returns:
        The folded haystack (positions are offsets into ``"\\n".join(texts)``) and the offset
        of each text in that joined string.
    """
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    joined = "\n".join(texts)
    codes, origin = _folded_codes(joined)
    separators = np.array(starts[1:], dtype=np.int64) - 1
    if origin is None:
        codes[separators] = BOUNDARY_CODE
    else:
        codes[np.searchsorted(origin, separators)] = BOUNDARY_CODE
    return _fold_codes(codes, origin), starts


#: Marks the seam between two texts in :func:`fold_joined`: a control character, which
#: folding deletes everywhere else, so no folded alias contains it.
BOUNDARY = "\x01"
BOUNDARY_CODE = ord(BOUNDARY)


def _fold_codes(codes: np.ndarray, origin: np.ndarray | None) -> Folded:
    """Drop deletions (0), keep the first space of each run of spaces, strip the ends."""
    kept_at = np.flatnonzero(codes)
    kept = codes[kept_at]
    positions = kept_at if origin is None else origin[kept_at]
    space = kept == 32
    keep = np.ones(len(kept), dtype=bool)
    keep[1:] = ~(space[1:] & space[:-1])
    positions, kept = positions[keep], kept[keep]
    first = 1 if len(kept) and kept[0] == 32 else 0
    last = len(kept) - 1 if len(kept) > first and kept[-1] == 32 else len(kept)
    positions, kept = positions[first:last], kept[first:last]
    if kept.dtype == np.uint8:
        return Folded(kept.tobytes().decode("ascii"), positions)
    return Folded(kept.tobytes().decode("utf-32-le", "surrogatepass"), positions)


#: What each ASCII character folds to (ASCII again, 0 = deleted).
_ASCII_CODES = np.array([ord(_TABLE[c]) for c in range(128)], dtype=np.uint8)


def _folded_codes(text: str) -> tuple[np.ndarray, np.ndarray | None]:
    """What each character of ``text`` folds to, as code points (0 = deleted).

    Returns the codes and, when some character folds to several (``ß`` -> ``ss``), the
    original index of each code (None means code ``i`` comes from character ``i``).
    """
    if text.isascii():
        return _ASCII_CODES[np.frombuffer(text.encode("ascii"), dtype=np.uint8)], None
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    high = codes >= 128
    # Clipped, the other characters read the table's last entry: they are set below.
    out = _ASCII_CODES.take(codes, mode="clip").astype(np.uint32)
    distinct = np.unique(codes[high])
    mapped = [_TABLE[c] for c in distinct.tolist()]
    which = np.searchsorted(distinct, codes[high])
    if "\x01" not in mapped:
        out[high] = np.array([ord(m) for m in mapped], dtype=np.uint32)[which]
        return out, None
    # Some characters expand (ß -> ss): each keeps its first folded character in place and
    # the others are inserted after it, all in one pass over the array (a slot per character
    # of the whole text, made by repeat and cumsum, cost three times as much).
    forms = [fold_char(chr(c)) if m == "\x01" else m for c, m in zip(distinct.tolist(), mapped, strict=True)]
    out[high] = np.array([ord(f[0]) for f in forms], dtype=np.uint32)[which]
    high_at = np.flatnonzero(high)
    after: list[np.ndarray] = []
    inserted: list[np.ndarray] = []
    for k, form in enumerate(forms):
        if len(form) > 1:
            at = high_at[which == k] + 1
            for char in form[1:]:
                after.append(at)
                inserted.append(np.full(len(at), ord(char), dtype=np.uint32))
    # np.insert keeps the order of equal indices: a form's characters stay in order.
    where = np.concatenate(after)
    origin = np.insert(np.arange(len(codes), dtype=np.int64), where, where - 1)
    return np.insert(out, where, np.concatenate(inserted)), origin


def fold(text: str) -> str:
    """Fold ``text`` to its comparison form (see the module docstring).

    >>> fold("al-Qa’ida")
    'al qaida'
    >>> fold("Washington, D.C.")
    'washington dc'
    """
    translated = text.translate(_TABLE)
    if "\x01" in translated:
        return fold_with_offsets(text).text
    return _SPACES.sub(" ", translated.replace(_DELETE, "")).strip(" ")
