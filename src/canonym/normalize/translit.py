"""Transliteration keys: general rules under which real spelling variants meet.

Two keys are built for every name part (token), both from folded text:

- the **key** (:func:`token_key`) keeps vowels but only three of them, in the classes of
  Arabic's short vowels (a; e/i/ee/y -> i; o/u/ou/oo -> u), collapses doubled letters and
  vowel runs, and unifies the consonant spellings of one Arabic letter (q/k/c/gh -> k,
  kh -> X, sh -> S, th -> t, dh -> d, ph -> f, v -> w, dj -> j). So Qaeda = Qaida = Qa'ida,
  Soleimani = Suleimani = Sulaimani = Soleymani, Qassem = Qasem = Kassem = Qasim,
  Hodeidah = Hudaydah, Sana'a = Sanaa, Huthi = Houthi, Usama = Osama, Adel = Adil, while
  Iran/Iraq, Oman/Amman, Hamas/Hama and Hassan/Hussein stay apart.
- the **skeleton** (:func:`token_skeleton`) drops the vowels and the semivowels y/w too.
  Variants that differ in one short vowel (Muhammad/Mohammed, Zawahiri/Zawahri,
  Hizballah/Hezbollah, Adl/Adel) share it, and so do gh and q (Persian writes qaf as gh:
  Ghasem = Qasem, while the key keeps Arabic ghayn apart: Ghaydah is not Qaida). It blocks
  candidates for fuzzy scoring, and since
  Arabic script writes no short vowels, it is also where Arabic-script names meet Latin ones
  (:func:`romanize_arabic`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

_VOWELS = "aiu"

# Ordered rewrite rules on a folded ASCII token. Upper-case letters are placeholders for
# digraphs so that later rules do not see their parts.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    # German writes the j of Arabic and Russian names dsch: Dschihad = Jihad, Dschochar = Djokhar.
    ("dsch", "j"),
    ("tch", "C"),
    ("sch", "S"),
    ("kh", "X"),
    ("gh", "G"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "j"),
    # Albanian writes j xh: Muhaxheri = Muhajiri. (Not dz, what Bosnian dž folds to: the d of
    # a Persian stem meets -zadeh there, Jamshidzadeh, Mohammadzadeh.)
    ("xh", "j"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("dj", "j"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    # A soft c, before e, i or y, is s, in French spellings above all: Lahcen = Lahssen,
    # Hocine = Husayn, Yacine = Yasin, Moncef = Munsif.
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
    ("c", "k"),
    ("v", "w"),
)
_VOWEL_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"o"), "u"),
    (re.compile(r"e"), "i"),
    # y and w between a vowel and a consonant (or the end) are vowels: Sayf = Saif,
    # Rowhani = Rouhani; so is y after a consonant inside a name: Niazi = Nyazi, Sufian =
    # Sufyan, Ilyas = Elias, Kyiv = Kiev (not before its last letter: Dubya is not Dubai).
    (re.compile(r"(?<=[aiu])y(?![aiu])"), "i"),
    (re.compile(r"(?<=[u])w(?![aiu])"), ""),
    # So is w after a: Mawlana = Maulana, Tawhid = Tauhid, Bajawr = Bajaur, Awlaki = Aulaqi.
    (re.compile(r"(?<=a)w(?![aiu])"), "u"),
    (re.compile(r"(?<=[^aiu])y(?![aiu]$)"), "i"),
    # A y between i, h or r and a final a is a glide: Zakariya = Zakarya = Zakaria, Atiyah = Attia,
    # Yahya = Yahia (not after other consonants: Libya is not al-Libi, Dubya not Dubai).
    (re.compile(r"(?<=[ihr])y(?=ah?$)"), "i"),
    (re.compile(r"ai|ia(?=[^aiu]|$)(?<!^ia)"), "i"),
)
# A final e after a vowel and n or m is silent in French spellings of Arabic names: Hassane =
# Hassan, Souleymane = Suleiman, Othmane = Othman, Lamine = Lamin. Names of five letters or more.
# It opens with the literal e, which re finds by a fast scan (see _JOINED_Y_AFTER_VOWEL).
_SILENT_E = re.compile(r"e(?<=[a-z]{2}[aiou][nm]e)$", re.M)
# One Korean syllable written as a part of its own, in a spelling whose vowel the Revised
# Romanization and popular spellings write otherwise than McCune-Reischauer (the UN's): eo and eu
# for its o and u (o and u with breves, folded), oo after w for u, shi for si. Jeong = Jong,
# Cheol = Chol, Eun = Un, Woo = U, Shin = Sin. Only a whole part of that shape (onset, glide,
# vowel, final), so Georgia, Europe or Shiite are untouched; Leon = Lon is the price.
_KOREAN_SYLLABLE = r"(?:(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjh])?[yw]?e[ou](?:ng|[kntlmp])?|woo(?:ng|[nk])?|shi[nkml])"
_KOREAN = re.compile(_KOREAN_SYLLABLE)
# The same on tokens joined by newlines, in three patterns that open with a literal: the e of
# eo and eu (dropped) after a line's onset and glide of 0 to 3 letters, woo and shi.
_JOINED_KOREAN_E = re.compile(
    r"e(?=[ou](?:ng|[kntlmp])?$)"
    r"(?:(?<=^e)|(?<=^[gkndtrlmbpsjhyw]e)|(?<=^(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjh][yw])e)"
    r"|(?<=^(?:kk|tt|pp|ss|jj|ch)[yw]e))",
    re.M,
)
_JOINED_KOREAN_WOO = re.compile(r"woo(?<=^woo)(?=(?:ng|[nk])?$)", re.M)
_JOINED_KOREAN_SHI = re.compile(r"shi(?<=^shi)(?=[nkml]$)", re.M)
_DOUBLES = re.compile(r"(.)\1+")
# German writes the glide of Russian names' -yev, -yeva as j: Nasarbajew = Nazarbayev,
# Gadschijew = Gadzhiyev (re.M: also on tokens joined by newlines).
_GERMAN_YEV = re.compile(r"j(?<=[aeiou]j)(?=ewa?$)", re.M)
_FINAL_H = re.compile(r"(?<=[aiu])h$")


def first_group(match: re.Match[str]) -> str:
    """A match's first group: the replacement of a pattern that keeps one letter of a run."""
    # Faster than the template r"\1", which Python 3.11 expands in Python on every call.
    return match.group(1)


def korean_syllable(token: str) -> str:
    """One Korean syllable (a token that matches ``_KOREAN_SYLLABLE``) in the vowels of
    McCune-Reischauer: eo -> o, eu -> u, initial woo -> u, initial shi -> si."""
    token = token.replace("eo", "o").replace("eu", "u")
    if token.startswith("woo"):
        return "u" + token[3:]
    if token.startswith("shi"):
        return "si" + token[3:]
    return token


_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]")
_NOT_SKELETON = re.compile(r"[aiuyw']+")


#: The digraphs with an h (the first ones, skipped as a group when there is no h), then the rest.
_H_DIGRAPHS = tuple((old, new) for old, new in _DIGRAPHS if "h" in old)
_OTHER_DIGRAPHS = _DIGRAPHS[len(_H_DIGRAPHS) :]
assert all("h" not in old for old, _ in _OTHER_DIGRAPHS)
_Y_AFTER_VOWEL, _W_AFTER_U, _W_AFTER_A, _Y_AFTER_CONSONANT, _FINAL_GLIDE, _AI_IA = (pattern for pattern, _ in _VOWEL_RULES[3:])


#: Regnal numerals whose letters the doubles rule would make one letter, an initial that fits
#: any part (Abdullah II = "Abdullah Ibrahim"): keyed as written, in capitals no rule makes.
_NUMERAL_KEYS = {"ii": "II", "iii": "III"}


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """Return the transliteration key of one folded name part.

    Tokens that are not plain ASCII letters (Arabic script, digits, other scripts) are
    returned unchanged: their folded form is already their key.
    """
    if not token.isascii() or _NOT_ASCII_WORD.search(token):
        return token
    if token in _NUMERAL_KEYS:
        return _NUMERAL_KEYS[token]
    # The rules of _DIGRAPHS and _VOWEL_RULES in their order, each skipped when the letters
    # it needs are absent.
    if len(token) <= 7 and _KOREAN.fullmatch(token):
        token = korean_syllable(token)
    key = _SILENT_E.sub("", token) if token[-1:] == "e" else token
    if "h" in key:
        for old, new in _H_DIGRAPHS:
            key = key.replace(old, new)
    for old, new in _OTHER_DIGRAPHS:
        key = key.replace(old, new)
    if "jew" in key:
        key = _GERMAN_YEV.sub("y", key)
    # Doubled letters first, so that Ayyub = Ayub and Shiaa = Shia before the vowel rules.
    if _DOUBLES.search(key):
        key = _DOUBLES.sub(first_group, key)
    # No "oo" is left, so the rule ou|oo -> u is a plain replace.
    key = key.replace("ou", "u").replace("o", "u").replace("e", "i")
    if "y" in key:
        key = _Y_AFTER_VOWEL.sub("i", key)
    if "w" in key:
        key = _W_AFTER_A.sub("u", _W_AFTER_U.sub("", key))
    if "y" in key:
        key = _Y_AFTER_CONSONANT.sub("i", key)
        if "ya" in key:
            key = _FINAL_GLIDE.sub("i", key)
    if "ai" in key or "ia" in key:
        key = _AI_IA.sub("i", key)
    if _DOUBLES.search(key):
        key = _DOUBLES.sub(first_group, key)
    if len(key) > 2 and key[-1] == "h":
        key = _FINAL_H.sub("", key)
    if key.endswith("din") and len(key) >= 7 and key[-4] in "ai" and key[-5] not in "aiu":
        # The article's vowel in a name run together with al-Din: Salahaddin = Salahuddin =
        # Salaheddin, Badreddin = Badruddin, Shamseddin = Shamsuddin.
        key = key[:-4] + "udin"
    if "izatiun" in key:
        key = key.replace("izatiun", "isatiun")  # British and American: Organisation = Organization
    return key


# The rules of token_key on many tokens joined by newlines, each rule one pass over the whole
# text. No rule matches a newline, and every rule that looks at a token's start or end sees
# there what it sees in a token on its own: a newline is no vowel, a lookbehind [^aiu] must not
# take it for a consonant, and "^", "$" (re.M) and the length test of the final h stop at it.
# Each pattern opens with a literal letter, which re finds by a fast scan (one that opens with a
# lookbehind is tried at every position: ten times slower on a long text).
_JOINED_Y_AFTER_VOWEL = re.compile(r"y(?<=[aiu]y)(?![aiu])")
_JOINED_W_AFTER_U = re.compile(r"w(?<=uw)(?![aiu])")
_JOINED_W_AFTER_A = re.compile(r"w(?<=aw)(?![aiu])")
_JOINED_Y_AFTER_CONSONANT = re.compile(r"y(?<=[^aiu\n]y)(?![aiu](?:\n|$))")
_JOINED_FINAL_GLIDE = re.compile(r"y(?<=[ihr]y)(?=ah?$)", re.M)
# ai|ia(?=[^aiu]|$)(?<!^ia) -> i deletes an "a": the one before an "i" (every "ai" is a match:
# no earlier match can hold its "a"), or the one after an "i" when "ia" is a match: not at the
# token's start, before no vowel, and not the end of an "ai" match (an "a" before that "i").
_JOINED_AI_IA = re.compile(r"a(?:(?=i)|(?<=[^a\n]ia)(?![aiu]))")
_JOINED_FINAL_H = re.compile(r"h(?<=[^\n][aiu]h)$", re.M)
_JOINED_DIN = re.compile(r"[ai](?=din$)(?<=[^\n]{2}[^aiu\n][ai])", re.M)
_ASCII_WORD = re.compile(r"[a-z0-9]+")
#: The characters of those words, and the newline: what token_keys deletes to test its input.
_WORD_LINES = b"abcdefghijklmnopqrstuvwxyz0123456789\n"


def _collapse_doubles(text: str) -> str:
    """``_DOUBLES.sub(first_group, text)`` for ASCII text without two newlines in a row."""
    codes = np.frombuffer(text.encode("ascii"), np.uint8)
    if len(codes) < 2:
        return text
    keep = np.empty(len(codes), bool)
    keep[0] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    return codes[keep].tobytes().decode("ascii")


def token_keys(tokens: Sequence[str]) -> list[str]:
    """``[token_key(t) for t in tokens]``, with each rule applied once to all the tokens at once.

    For the many distinct tokens of a bulk look-up: a few dozen passes over one string in C
    instead of a few dozen calls per token.
    """
    text = "\n".join(tokens)
    if (
        text
        and text.isascii()
        and not text.encode("ascii").translate(None, _WORD_LINES)
        and "\n\n" not in text
        and text[:1] != "\n"
        and text[-1:] != "\n"
        and text.count("\n") == len(tokens) - 1
    ):
        # Every token is a word of a-z and 0-9 (none empty, none holding a newline): the
        # common case, tested on the whole text.
        words: Sequence[str] = tokens
    else:
        words = [t for t in tokens if t.isascii() and _ASCII_WORD.fullmatch(t)]
        if not words:
            return list(tokens)
        text = "\n".join(words)
    text = _JOINED_KOREAN_E.sub("", text)
    if "woo" in text:
        text = _JOINED_KOREAN_WOO.sub("u", text)
    if "shi" in text:
        text = _JOINED_KOREAN_SHI.sub("si", text)
    text = _SILENT_E.sub("", text)
    if "h" in text:
        for old, new in _H_DIGRAPHS:
            text = text.replace(old, new)
    for old, new in _OTHER_DIGRAPHS:
        text = text.replace(old, new)
    if "jew" in text:
        text = _GERMAN_YEV.sub("y", text)
    text = _collapse_doubles(text)
    text = text.replace("ou", "u").replace("o", "u").replace("e", "i")
    text = _JOINED_Y_AFTER_VOWEL.sub("i", text)
    text = _JOINED_W_AFTER_U.sub("", text)
    text = _JOINED_W_AFTER_A.sub("u", text)
    text = _JOINED_Y_AFTER_CONSONANT.sub("i", text)
    text = _JOINED_FINAL_GLIDE.sub("i", text)
    text = _JOINED_AI_IA.sub("", text)
    text = _collapse_doubles(text)
    text = _JOINED_FINAL_H.sub("", text)
    text = _JOINED_DIN.sub("u", text)
    if "izatiun" in text:
        text = text.replace("izatiun", "isatiun")
    keys = text.split("\n")
    if "i" in keys:  # from "ii" or "iii" among others
        keys = [_NUMERAL_KEYS.get(word, key) for word, key in zip(words, keys, strict=True)]
    if len(words) == len(tokens):
        return keys
    found = iter(keys)
    return [next(found) if t.isascii() and _ASCII_WORD.fullmatch(t) else t for t in tokens]


#: The consonants that regional spellings of one name swap: kh for h (Russian and Turkish:
#: Mukhammad = Muhammad, Horasan = Khorasan), ch for sh (French: Rachid = Rashid), g for gh
#: (Russian: Bagdadi = Baghdadi; a skeleton has gh as k already).
_LOOSE = str.maketrans("XCg", "hSk")


def loose_skeleton(skeleton: str) -> str:
    """A skeleton with the consonants that regional spellings swap made one (kh = h, ch = sh, g = gh).

    For blocking only: the names it brings together are compared part by part, where a swapped
    consonant costs more than a vowel (see ``canonym.resolver.part_similarity``).
    """
    return skeleton.translate(_LOOSE)


@lru_cache(maxsize=200_000)
def token_skeleton(token: str) -> str:
    """Return the consonant skeleton of one folded name part (Latin or Arabic script)."""
    key = token_key(token)
    if not key.isascii():
        key = romanize_arabic(key)
    skeleton = _NOT_SKELETON.sub("", key).replace("G", "k")
    return _DOUBLES.sub(first_group, skeleton) if _DOUBLES.search(skeleton) else skeleton


_ARABIC_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "X", "د": "d",
    "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "'", "غ": "k", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "پ": "p", "چ": "C", "ژ": "j", "گ": "g",
    "ڤ": "w", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ھ": "h", "ے": "y",
}


def romanize_arabic(token: str) -> str:
    """Romanize one folded Arabic-script token letter by letter, dropping the article."""
    if token.startswith("ال") and len(token) > 3:
        token = token[2:]
    out = "".join(_ARABIC_LETTERS.get(c, c if c.isascii() else "") for c in token)
    if len(out) > 2 and out.endswith("h"):
        out = out[:-1]
    return out


def is_arabic_script(token: str) -> bool:
    """Whether a token is written in Arabic script."""
    if token.isascii():
        return False
    return any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in token)
