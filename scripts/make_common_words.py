"""Regenerate the English word lists of src/canonym/corpus/tables/ from wordfreq (maintainers only).

The tagger uses them to tell a capitalised common word at the start of a sentence or in a
headline ("Officials", "Analysts") from an unknown name:

- ``common_words.txt``: the top 12,000 words. Names of the field that are also frequent
  words are left in on purpose: the gazetteer catches the known ones first.
- ``more_words.txt``: the next 8,000 ("Militants", "Lawmakers", "Insurers"), for a single
  capitalised word opening a sentence only; a word of any built-in gazetteer name is left
  out ("Osama", "Meridian"), as a name that opens a sentence is more likely than the word.
- ``french_words.txt``: the top 10,000 French words, folded ("Publié", "Bilan", "Hier"),
  used as ``more_words.txt`` is, less the words of built-in gazetteer names and the English
  words already listed.
- ``spanish_words.txt``: the top 10,000 Spanish words, folded ("Reconozco", "Desde",
  "Cártel"), as ``french_words.txt`` and less the French words already listed.

    pip install wordfreq && python scripts/make_common_words.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list

from canonym.gazetteer.load import load_entities
from canonym.normalize import fold

TABLES = Path(__file__).resolve().parent.parent / "src/canonym/corpus/tables"
COMMON = 12000
MORE = 20000
FRENCH = 10000
SPANISH = 10000


def _words(count: int) -> list[str]:
    return [w for w in top_n_list("en", count) if w.isalpha() and w.isascii() and len(w) > 1]


def _folded_words(language: str, count: int) -> set[str]:
    folded = map(fold, top_n_list(language, count))
    return {w for w in folded if len(w) > 1 and w.isalpha() and w.isascii()}


def _write(name: str, words: set[str], header: str) -> None:
    (TABLES / name).write_text(f"# {header}; regenerate with scripts/make_common_words.py\n" + "\n".join(sorted(words)) + "\n", "utf-8")
    print(f"wrote {len(words)} words to {TABLES / name}")


def main() -> None:
    common = set(_words(COMMON))
    name_words = {word for entity in load_entities() for name, _ in entity.names() for word in fold(name).split()}
    more = set(_words(MORE)) - common - name_words
    TABLES.mkdir(parents=True, exist_ok=True)
    _write("common_words.txt", common, f"top {COMMON} English words by wordfreq (alphabetic ASCII only)")
    _write("more_words.txt", more, f"English words {COMMON}-{MORE} by wordfreq, less the words of built-in gazetteer names")
    french = _folded_words("fr", FRENCH) - common - more - name_words
    _write("french_words.txt", french, f"top {FRENCH} French words by wordfreq, folded, less English ones and the words of built-in gazetteer names")
    spanish = _folded_words("es", SPANISH) - common - more - french - name_words
    _write("spanish_words.txt", spanish, f"top {SPANISH} Spanish words by wordfreq, folded, less English and French ones and the words of built-in gazetteer names")


if __name__ == "__main__":
    main()
