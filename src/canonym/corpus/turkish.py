"""Turkish case endings written after an apostrophe on a proper name: "İstanbul'da",
"PKK'nın", "Türkiye'ye", "DEAŞ'ın Suriye'deki".

Turkish sets a name's inflection off with an apostrophe; the name proper ends before it
(SPEC: no trailing grammar in a span). Found in a Turkish text, the endings are blanked
out (replaced by spaces, so every offset stays the same) before the text is tagged.
"""

from __future__ import annotations

import re

#: An apostrophe after a letter and a case or derivational ending up to the word's end:
#: genitive (ın, nin), accusative (ı, yi), dative (a, ye), locative (da, te, nde), ablative
#: (dan, ten, nden), relative (daki, ndeki), instrumental (la, yla), "of" (li, lı) and the
#: plural (ler, ları).
_CASE_ENDING = re.compile(
    r"['’](?<=[^\W\d_]['’])(?:[nsy]?[ıiuü]n?|[ny]?[ae]|n?[dt][ae](?:n|ki)?|y?l[ae]|l[ıiuü]|l[ae]r(?:[ıi]n?)?)(?![\w'’])"
)
#: The dotless ı is among Turkish's commonest letters and in no other language of the
#: field: a text with one in every TURKISH_SHARE characters is Turkish. An English story
#: with a few Turkish names ("Karayılan", "Bayık") has far fewer; and elsewhere an
#: apostrophe before a vowel is an ayn or hamza inside a name ("Sana'a", "Shi'a", "Mu'in").
TURKISH_SHARE = 200
MIN_DOTLESS_I = 5


def is_turkish(text: str) -> bool:
    """Whether ``text`` reads as Turkish (by its share of the dotless ı)."""
    return text.count("ı") >= max(MIN_DOTLESS_I, len(text) // TURKISH_SHARE)


def without_case_endings(text: str) -> str:
    """``text`` with the case endings of its names blanked out when it is Turkish, the same
    length and offsets; ``text`` itself otherwise."""
    if "ı" not in text or not is_turkish(text):
        return text
    return _CASE_ENDING.sub(lambda found: " " * len(found.group()), text)
