"""Regenerate src/canonym/corpus/tables/common_words.txt from wordfreq (maintainers only).

The tagger uses the list to tell a capitalised common word at the start of a sentence or in
a headline ("Officials", "Analysts") from an unknown name. Names of the field that are also
frequent words are left in on purpose: the gazetteer catches the known ones first.

    pip install wordfreq && python scripts/make_common_words.py
"""

from __future__ import annotations

from pathlib import Path

from wordfreq import top_n_list

TARGET = Path(__file__).resolve().parent.parent / "src/canonym/corpus/tables/common_words.txt"
COUNT = 12000


def main() -> None:
    words = sorted({w for w in top_n_list("en", COUNT) if w.isalpha() and w.isascii() and len(w) > 1})
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = f"# top {COUNT} English words by wordfreq (alphabetic ASCII only); regenerate with scripts/make_common_words.py\n"
    TARGET.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {TARGET}")


if __name__ == "__main__":
    main()
