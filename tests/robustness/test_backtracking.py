"""Catastrophic regular expressions: adversarial documents through every public text path.

Every regular expression of ``src/canonym`` runs on one of these paths: folding
(``normalize/text.py``), name parsing and keys (``normalize/names.py``, ``translit.py``),
the tagger (``corpus/finder.py``, ``tagger.py``, ``typing.py``), HTML reading
(``corpus/readers.py``) and the gazetteer lint and validation (``gazetteer/lint.py``,
``spec.py``). Each adversarial document is about 100 KB of the runs that make a pattern
backtrack: spaces, hyphens, apostrophes, capitalised words, "((((", "al-" repeated, list-style
capitals before a comma, unclosed markup. Each path must finish each document within
``BUDGET`` seconds of CPU time (a linear pass takes well under one); a super-linear pattern
takes minutes and fails here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile import Failures, check_mentions
from timebox import TimeLimitExceeded, timed

from canonym import Gazetteer, Resolver, fold, fold_with_offsets, name_key
from canonym.corpus.readers import html_text
from canonym.corpus.tagger import Tagger
from canonym.gazetteer.lint import lint_paths
from canonym.gazetteer.spec import MAX_NAME_LENGTH
from canonym.normalize import parse_name

#: CPU seconds allowed for one path on one ~100 KB document.
BUDGET = 10.0
SIZE = 100_000


def repeat(unit: str, size: int = SIZE) -> str:
    """``unit`` repeated to about ``size`` characters."""
    return unit * max(1, size // len(unit))


def distinct_names(size: int = SIZE) -> str:
    """Sentences about unknown people, every name different, all on one line."""
    rng = random.Random(3)
    consonants, vowels = "bdfgklmnprstvz", "aeiou"

    def word() -> str:
        return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))).capitalize()

    sentences: list[str] = []
    while sum(map(len, sentences)) < size:
        sentences.append(f"{word()} {word()} met {word()} {word()}. ")
    return "".join(sentences)


ADVERSARIAL: dict[str, str] = {
    "spaces": "a" + " " * SIZE + "b",
    "space-runs-between-words": repeat("Al" + " " * 50),
    "tabs-and-newlines": repeat("\t \n \r\n\u2028 "),
    "hyphens": "A" + "-" * SIZE + "B",
    "hyphen-runs-between-capitals": repeat("A-- -"),
    "apostrophes": "A" + "'" * SIZE + "s",
    "curly-apostrophes": repeat("Qa’’’ida’s "),
    "capitalised-words": repeat("Abc Def Ghi "),
    "capitalised-hyphenated": repeat("Abc-Def-"),
    "one-capitalised-word": "A" + "b" * SIZE,
    "open-parentheses": "(" * SIZE,
    "nested-parentheses": repeat("(Al (Qa "),
    "al-dash": repeat("al-"),
    "Al-dash": repeat("Al-"),
    "AL-dash-caps": repeat("AL-"),
    "al-dash-spaced": repeat("al- "),
    "abu-bin-abd": repeat("Abu bin Abd al-"),
    "initials": repeat("A."),
    "initials-spaced": repeat("A. "),
    "dash-initials": repeat("A-"),
    "possessives": repeat("A's "),
    "quotes": repeat('"A" '),
    "titles": repeat("Secretary of State Dr. "),
    "one-title-repeated": repeat("Dr. ") + "Ali",
    "list-capitals": repeat("ALPHA BETA, Gamma Delta; "),
    "list-capitals-hyphen": repeat("AL-ALPHA-BETA, "),
    "commas": repeat("x, "),
    "names": repeat("Sayf al-Adl met Qassem Soleimani in Tehran. "),
    "acronyms": repeat("U.S. IRGC ISIS "),
    "arabic-words": repeat("قاسم سليماني في طهران "),
    "arabic-zwnj": repeat("خامنه\u200cای "),
    "combining": "a" + "\u0301" * SIZE,
    "nul-spaces": repeat("\x00 "),
    "digits": repeat("1 2 3 "),
    "title-case-line": repeat("The Quick Brown Fox Jumps Over The Lazy Dog "),
    "unknown-names-one-line": distinct_names(),
    "arabic-articles": repeat("ال "),
    # A run of capitalised words not followed by ", Given": _INVERTED once rescanned it from
    # every word start (quadratic; 100 KB took about a minute).
    "capitals-then-comma": repeat("AB ") + "x, ",
    "capitals-then-comma-given": repeat("AB ") + "ABC, Given Name",
}

#: Known super-linear paths, owned by other files: label -> the reason of its strict xfail.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(Resolver(Gazetteer.builtin()))


def _cases() -> list[object]:
    cases: list[object] = []
    for label, text in ADVERSARIAL.items():
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=KNOWN[label])] if label in KNOWN else []
        cases.append(pytest.param(text, id=label, marks=marks))
    return cases


def _run(label: str, function: Callable[[], object]) -> object:
    try:
        return timed(BUDGET, function)[0]
    except TimeLimitExceeded as exc:
        raise AssertionError(f"{label} on the adversarial document: {exc}") from None


def test_documents_are_adversarial_and_large() -> None:
    assert all(len(text) >= SIZE * 0.95 for text in ADVERSARIAL.values())
    assert set(KNOWN) <= set(ADVERSARIAL)


@pytest.mark.parametrize("text", _cases())
def test_text_paths_are_linear(tagger: Tagger, text: str) -> None:
    _run("fold", lambda: fold(text))
    _run("fold_with_offsets", lambda: fold_with_offsets(text))
    _run("parse_name", lambda: parse_name(text))
    _run("name_key", lambda: name_key(text, person=True))
    mentions = _run("Tagger.tag", lambda: tagger.tag(text, "adversarial"))
    failures = Failures()
    check_mentions(text, "adversarial", mentions, failures)
    assert failures.count == 0, failures.found
    # A span is name-sized, whatever the run it came from (no 25,000-word "name").
    too_long = [m.surface[:80] for m in mentions if len(m.surface) > MAX_NAME_LENGTH or len(m.surface.split()) > 24]
    assert not too_long, too_long[:3]


HTML: dict[str, str] = {
    "unclosed-start-tags": repeat("<a "),
    "unclosed-comments": repeat("<!--"),
    "unclosed-end-tags": repeat("</"),
    "unclosed-declarations": repeat("<!"),
    "unclosed-processing": repeat("<?"),
    "unclosed-quoted-attributes": repeat("<a b='"),
    "unclosed-cdata": repeat("<![CDATA["),
    "lone-less-than": "<" * SIZE,
    "tags-without-names": repeat("<a"),
    "attribute-equals": repeat("<a ="),
    "scripts-never-closed": repeat("<script>"),
    "script-end-tags": repeat("</script>"),
    "nested-divs": repeat("<div>"),
    "entities": repeat("&amp;&#"),
    "hex-entities": repeat("&#x"),
    "paragraphs": repeat("<p>Sayf al-Adl met Qassem Soleimani.</p>"),
}


@pytest.mark.parametrize("markup", list(HTML.values()), ids=list(HTML))
def test_html_reading_is_linear(tagger: Tagger, markup: str) -> None:
    text, _ = _run("html_text", lambda: html_text(markup))
    assert isinstance(text, str)
    mentions = _run("Tagger.tag", lambda: tagger.tag(text, "page"))
    failures = Failures()
    check_mentions(text, "page", mentions, failures)
    assert failures.count == 0, failures.found


def test_html_text_keeps_what_a_reader_sees() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>"
        "<p>Mike Pompeo &amp; ISIS</p><script>if (a < b) {x = '</p>'}</script>"
        "a < b &amp;lt; <a href='x>y' title=\"q\">link</a><!-- hidden --> <br/>Tehran "
        "<noscript>no</noscript><SCRIPT>x</SCRIPT>end</body></html>"
    )
    text, notes = html_text(page)
    assert text == "Mike Pompeo & ISIS\na < b &lt; link\nTehran end\n"
    assert notes == []
    text, notes = html_text("<p>Hamas</p><a href='x")
    assert text == "Hamas\n"
    assert notes == ["unterminated tag at character 12; the rest of the HTML was dropped"]


# -- the gazetteer's regular expressions: line finding in lint and validation -----------------


#: Lines added to an entity file. Each alias is redundant (it folds like "Alpha Front"), so
#: the lint looks up its line and runs its line patterns on it.
LINES = {
    "long-value-with-inner-spaces": "  - Alpha" + " " * SIZE + "Front",
    "long-value-with-tabs-and-hashes": "  - Alpha\t" + "\t" * SIZE + "Front # why",
    "long-value-with-spaced-hashes": "  - Alpha Front" + " #" * (SIZE // 2),
    "long-key": "  " + "k" * SIZE + ": x",
    "many-yml-in-a-value": "  - ['Alpha Front" + ".yml: " * (SIZE // 6) + "']",
}


@pytest.mark.parametrize("line", list(LINES.values()), ids=list(LINES))
def test_gazetteer_lint_is_linear_on_long_lines(tmp_path: Path, line: str) -> None:
    data = tmp_path / "data"
    (data / "org").mkdir(parents=True)
    (data / "org" / "alpha-group.yml").write_text(
        f"id: alpha-group\ntype: ORG\nkind: armed-group\nname: Alpha Group\naliases:\n  strong:\n  - Alpha Front\n{line}\n",
        encoding="utf-8",
    )
    problems = _run("lint_paths", lambda: lint_paths([data]))
    # Each line is a problem (a redundant alias or bad YAML), so its line was looked up.
    assert isinstance(problems, list) and problems
    assert all(len(str(problem)) < 1000 for problem in problems)


def arabic_prose(words: int = 400) -> str:
    """Arabic-script prose: sentences of ordinary words (not names), seeded."""
    rng = random.Random(8)
    letters = [chr(c) for c in range(0x0628, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 7))) for _ in range(300)]
    sentences = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 14))) + ".")
    return " ".join(sentences)


def test_an_arabic_paragraph_is_not_one_name(tagger: Tagger) -> None:
    text = "Officials said: " + arabic_prose() + " Then Qassem Soleimani left."
    mentions = _run("Tagger.tag", lambda: tagger.tag(text, "arabic"))
    assert isinstance(mentions, list)
    longest = max((len(m.surface.split()) for m in mentions), default=0)
    assert longest <= 8, f"a mention of {longest} words: a name is a few words"
    # A sentence of more than 8 words is no candidate at all; the name after the paragraph still is.
    short = sum(1 for sentence in arabic_prose().split(".") if 0 < len(sentence.split()) <= 8)
    arabic = [m for m in mentions if not m.surface.isascii()]
    assert 0 < len(arabic) <= short < arabic_prose().count(".")
    assert "qassem-soleimani" in {m.entity_id for m in mentions}


def test_a_long_word_in_capitals(tagger: Tagger) -> None:
    # A base64 blob, a shouted word, a serial number: 60 capitals in a row (and a comma, which wakes _INVERTED).
    text = "The file ended with " + "V" * 60 + ", and nothing else."
    try:
        mentions, _ = timed(2.0, lambda: tagger.tag(text, "caps"))
    except TimeLimitExceeded as exc:
        raise AssertionError(f"Tagger.tag on 60 capitals: {exc}") from None
    failures = Failures()
    check_mentions(text, "caps", mentions, failures)
    assert failures.count == 0, failures.found
