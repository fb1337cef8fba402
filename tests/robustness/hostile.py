"""Hostile text for the robustness tests and the atheris harness (``fuzz/``).

:func:`hostile_strings` is a seeded generator that mixes the character classes that break
text pipelines: right-to-left text and bidi controls, zero-width joiners and non-joiners,
combining marks (also at the very start), lone surrogates and things that look like their
escapes, emoji sequences, Arabic presentation forms and ligatures that expand under NFKC,
control characters and NUL, name particles and real names of the field (so the resolver's
and the tagger's deeper paths run, not only their early exits), and long runs of one
character. The same seed always gives the same strings.

:func:`check_text` is the oracle: the contract of the public functions on one string.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from canonym import CanonymError, Match, Resolver, fold, fold_with_offsets, name_key
from canonym.normalize import parse_name

BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u034f"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "\u20dd", "\u0488", "\u1ab0", "\ufe20"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00", "\udc80", "\udcff"]
SURROGATE_LIKE = ["\\ud800", "\\uDFFF", "&#xD800;", "&#55296;", "%ED%A0%80", "\\x{d800}", "\ufffd", "\U0001f600"]
EMOJI = ["👨‍👩‍👧", "🏳️‍🌈", "👍🏽", "🇮🇷", "1️⃣", "🧕🏾", "❤️", "🫠", "👁‍🗨", "\U000e0067"]
ARABIC_FORMS = ["ﷺ", "ﷲ", "ﻻ", "ﺃ", "ﭐ", "ﮐ", "ﯾ", "ﻋ", "ﺍﻟ", "\ufdfd", "\ufe70", "\ufefb"]
ARABIC = ["القاعدة", "قاسم سليماني", "سيف العدل", "حزب‌الله", "خامنه‌ای", "مُحَمَّد", "ـــ", "٣", "ال", "أبو", "بن", "عبد"]
EXPANDERS = ["ß", "ﬁ", "İ", "ǅ", "¼", "…", "Ⅻ", "㎒", "ﬀ", "ŉ", "ǰ", "ΐ", "\u0390", "ﬓ", "㈱", "⑳"]
CONTROL = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\x1c", "\u2028", "\u2029", "\r", "\n", "\r\n", "\t"]
PUNCTUATION = ["'", "’", "‘", "`", "´", "ʿ", "ʾ", "ʼ", ".", ",", ", ", "-", "\u2010", "\u2011", "–", "(", ")", "((((", ";", '"', "“", "/", "&", "#", " "]
NAMES = [
    "Sayf al-Adl", "AL-ADL, Sayf", "al-Qa'ida", "Al Qaeda", "Qassem Soleimani", "Hezbollah", "Tehran", "Sanaa",
    "Abu Muhammad al-Masri", "Abd al-Rahman", "Abdul Rahman", "bin Laden", "U.S.", "IRGC", "ISIS", "Dr.",
    "Ayatollah Ali Khamenei", "Houthis", "Trump", "The", "Al", "State", "Mr ", "Hizballah", "ibn", "Ould",
]
PARTICLES = ["al-", "Al-", "el-", "ash-", "ar-", "bin ", "Abu ", "Abd ", "Umm ", "ibn ", "de ", "of ", "the ", "The "]
SCRIPTS = ["Ωμέγα", "Москва", "שלום", "東京", "서울", "हिन्दी", "ไทย", "Ελλάδα", "Ӏ", "ﬃ", "Ⓐ", "𝐀𝐁𝐂", "ｆｕｌｌ"]
WORDS = ["the", "and", "said", "in", "of", "left", "met", "A", "B", "x", "Xyzzy", "Quolb", "Zorgan", "STATE", "New"]

#: The pools and their weights: names and plain words often, so texts look like text.
_POOLS: list[tuple[list[str], int]] = [
    (BIDI, 3), (ZERO_WIDTH, 3), (COMBINING, 3), (SURROGATES, 2), (SURROGATE_LIKE, 1), (EMOJI, 2),
    (ARABIC_FORMS, 2), (ARABIC, 3), (EXPANDERS, 2), (CONTROL, 2), (PUNCTUATION, 5), (NAMES, 8),
    (PARTICLES, 4), (SCRIPTS, 2), (WORDS, 8),
]
_FLAT = [pool for pool, weight in _POOLS for _ in range(weight)]
#: Single characters repeated into runs ("   ", "----", "''''", "((((").
_RUN_CHARS = [" ", "-", "'", "(", ".", ",", "\u200c", "\u0301", "\u0640", "A", "\n", "\x00", "ـ"]


def random_code_point(rng: random.Random) -> str:
    """Any code point, surrogates included, weighted towards the planes in use."""
    roll = rng.random()
    if roll < 0.5:
        return chr(rng.randrange(0x20, 0x3000))
    if roll < 0.8:
        return chr(rng.randrange(0x3000, 0x10000))
    return chr(rng.randrange(0x10000, 0x110000))


def hostile_piece(rng: random.Random) -> str:
    """One piece of hostile text."""
    roll = rng.random()
    if roll < 0.08:
        return random_code_point(rng)
    if roll < 0.12:
        return rng.choice(_RUN_CHARS) * rng.randint(2, 40)
    return rng.choice(rng.choice(_FLAT))


def hostile_string(rng: random.Random, max_pieces: int = 24) -> str:
    """A string of hostile pieces; one in 40 is empty, one in 10 starts with a combining mark."""
    if rng.random() < 0.025:
        return ""
    pieces = [hostile_piece(rng) for _ in range(rng.randint(1, max_pieces))]
    if rng.random() < 0.1:
        pieces.insert(0, rng.choice(COMBINING))
    if rng.random() < 0.5:
        # Spaces between pieces most of the time, so that names stay names.
        return " ".join(pieces)
    return "".join(pieces)


def hostile_strings(count: int, seed: int = 7, max_pieces: int = 24) -> Iterator[str]:
    """``count`` hostile strings from a fixed seed."""
    rng = random.Random(seed)
    for _ in range(count):
        yield hostile_string(rng, max_pieces)


def hostile_document(rng: random.Random, strings: int = 40) -> str:
    """A document: hostile strings joined by sentence ends and line breaks."""
    separators = [". ", ".\n", "\n\n", " ", ", ", "\r\n", "! ", " — "]
    parts = []
    for _ in range(strings):
        parts.append(hostile_string(rng))
        parts.append(rng.choice(separators))
    return "".join(parts)


# -- the oracle ---------------------------------------------------------------------------

METHODS = frozenset({"exact", "alias", "key", "fuzzy", "coref", "nil", "ambiguous"})
TYPES = frozenset({"PER", "ORG", "LOC", "MISC"})


@dataclass
class Failures:
    """Broken contracts, kept up to ``limit`` with the input that broke each."""

    limit: int = 20
    found: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, what: str, text: str, detail: str) -> None:
        self.count += 1
        if len(self.found) < self.limit:
            self.found.append(f"{what}({text[:300]!r}{'...' if len(text) > 300 else ''}): {detail}")


def _call(failures: Failures, what: str, text: str, function: object, *args: object, **kwargs: object) -> object:
    """Call ``function``; canonym's own errors are allowed, anything else is a failure."""
    assert callable(function)
    try:
        return function(*args, **kwargs)
    except CanonymError:
        return None
    except Exception as exc:  # the point: nothing else may escape
        failures.add(what, text, f"raised {type(exc).__name__}: {exc}")
        return None


def check_fold(text: str, failures: Failures) -> None:
    """fold never raises, is clean and idempotent; fold_with_offsets agrees and maps inside."""
    folded = _call(failures, "fold", text, fold, text)
    if not isinstance(folded, str):
        return
    if "  " in folded or folded != folded.strip(" "):
        failures.add("fold", text, f"not single-spaced: {folded!r}")
    again = _call(failures, "fold", folded, fold, folded)
    if again != folded:
        failures.add("fold", text, f"not idempotent: {folded!r} -> {again!r}")
    mapped = _call(failures, "fold_with_offsets", text, fold_with_offsets, text)
    if mapped is None:
        return
    assert hasattr(mapped, "text")
    if mapped.text != folded:
        failures.add("fold_with_offsets", text, f"text {mapped.text!r} != fold {folded!r}")
        return
    if folded:
        for i in (0, len(folded) // 2, len(folded) - 1):
            start, end = mapped.start(i), mapped.end(i + 1)
            if not 0 <= start < end <= len(text):
                failures.add("fold_with_offsets", text, f"folded {i} maps to [{start}:{end}] outside the text")


def check_name(text: str, failures: Failures) -> None:
    """name_key and parse_name never raise; keys have no empty parts."""
    for person in (False, True):
        key = _call(failures, "name_key", text, name_key, text, person=person)
        if key is not None and (not isinstance(key, str) or "" in key.split(" ")):
            failures.add("name_key", text, f"bad key {key!r}")
        parts = _call(failures, "parse_name", text, parse_name, text, person=person)
        if parts is not None:
            tokens = getattr(parts, "tokens", ())
            if any(not t or " " in t for t in tokens):
                failures.add("parse_name", text, f"bad tokens {tokens!r}")


def check_resolve(resolver: Resolver, text: str, failures: Failures, type: str | None = None) -> None:
    """resolve never raises; a match is well formed and names an entity of the gazetteer."""
    match = _call(failures, "resolve", text, resolver.resolve, text, type=type)
    if match is None:
        return
    if not isinstance(match, Match):
        failures.add("resolve", text, f"returned {match!r}")
        return
    if not 0.0 <= match.score <= 1.0 or match.method not in METHODS:
        failures.add("resolve", text, f"score {match.score} method {match.method!r}")
    if match.entity is None and not match.ambiguous:
        failures.add("resolve", text, f"no entity but method {match.method!r}")
    if match.entity is not None and match.entity.id not in resolver.gazetteer:
        failures.add("resolve", text, f"entity {match.entity.id!r} not in the gazetteer")
    if type is not None and match.entity is not None and match.entity.type != type:
        failures.add("resolve", text, f"asked for {type}, got {match.entity.type}")


def check_mentions(text: str, doc_id: str, mentions: object, failures: Failures) -> None:
    """The mention contract: exact surfaces, ordered, inside the text, known methods and types."""
    assert isinstance(mentions, list)
    previous_start = -1
    for mention in mentions:
        start, end, surface = mention.start, mention.end, mention.surface
        if not (0 <= start < end <= len(text)) or text[start:end] != surface:
            failures.add("tag", text, f"text[{start}:{end}] = {text[start:end]!r} != surface {surface!r}")
        if start < previous_start:
            failures.add("tag", text, f"mentions out of order at {start}")
        previous_start = start
        if mention.doc_id != doc_id:
            failures.add("tag", text, f"doc_id {mention.doc_id!r}")
        if mention.method not in METHODS or mention.type not in TYPES or not 0.0 <= mention.score <= 1.0:
            failures.add("tag", text, f"bad mention {mention!r}")
        if (mention.entity_id is None) != (mention.method in ("nil", "ambiguous")):
            failures.add("tag", text, f"entity_id {mention.entity_id!r} with method {mention.method!r}")


# -- a shard of the fuzz run (picklable: runs in a worker process) ------------------------


@dataclass(frozen=True)
class ShardResult:
    """What one shard did: inputs run, broken contracts (the first few) and their count."""

    inputs: int
    failures: list[str]
    failure_count: int
    seconds: float


def run_shard(seed: int, count: int, max_pieces: int = 12) -> ShardResult:
    """Feed ``count`` hostile strings through fold, fold_with_offsets, name_key, parse_name
    and resolve (the built-in gazetteer; every fifth with a type); check each contract."""
    import time

    from canonym import Gazetteer

    resolver = Resolver(Gazetteer.builtin())
    failures = Failures()
    types = (None, None, None, None, "PER", None, "ORG", None, "LOC", None)
    started = time.perf_counter()
    inputs = 0
    for number, text in enumerate(hostile_strings(count, seed=seed, max_pieces=max_pieces)):
        check_fold(text, failures)
        check_name(text, failures)
        check_resolve(resolver, text, failures, type=types[number % len(types)])
        inputs += 1
    return ShardResult(inputs, failures.found, failures.count, time.perf_counter() - started)
