#!/usr/bin/env python3
"""Coverage-guided fuzzing of canonym's text paths with atheris (libFuzzer for Python).

Each input picks a target by its first byte and is decoded as UTF-8 with lone surrogates
kept (encoded surrogates decode to themselves; otherwise undecodable bytes become
U+DC80..U+DCFF), so the fuzzer reaches every code point, surrogates included. Targets: ``fold``/``fold_with_offsets``,
``name_key``/``parse_name``, ``Resolver.resolve`` (built-in gazetteer) and ``Tagger.tag``.
The contract checked is the test suite's (``tests/robustness/hostile.py``): nothing raises
except ``canonym.CanonymError``, folding is idempotent, offsets stay inside the text and
``text[start:end] == surface`` for every mention. A broken contract raises, and libFuzzer
writes the input to ``crash-*``.

Run (see fuzz/README.md)::

    pip install -e '.[fuzz]'
    python fuzz/fuzz_canonym.py --seed fuzz/corpus          # write the hostile seed corpus
    python fuzz/fuzz_canonym.py fuzz/corpus -max_total_time=300
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from hostile import (  # noqa: E402
    Failures,
    check_fold,
    check_mentions,
    check_name,
    check_resolve,
    hostile_document,
    hostile_string,
)

TARGETS = ("fold", "name", "resolve", "tag")


def decode(data: bytes) -> tuple[str, str]:
    """The target and the text an input stands for."""
    if not data:
        return "fold", ""
    body = data[1:]
    try:
        # Encoded surrogates (ED A0 80) decode to lone surrogates, as encode() writes them.
        text = body.decode("utf-8", errors="surrogatepass")
    except UnicodeDecodeError:
        text = body.decode("utf-8", errors="surrogateescape")
    return TARGETS[data[0] % len(TARGETS)], text


def encode(target: str, text: str) -> bytes:
    """An input that :func:`decode` reads as ``(target, text)``."""
    return bytes([TARGETS.index(target)]) + text.encode("utf-8", errors="surrogatepass")


def write_seeds(folder: Path, count: int = 400) -> None:
    """Seed corpus: hostile strings and documents from the test suite's generator."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2024)
    for number in range(count):
        target = TARGETS[number % len(TARGETS)]
        text = hostile_document(rng, strings=rng.randint(1, 8)) if target == "tag" else hostile_string(rng)
        (folder / f"seed-{number:04d}").write_bytes(encode(target, text))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        write_seeds(Path(sys.argv[2]))
        return

    import atheris

    with atheris.instrument_imports(include=["canonym"]):
        from canonym import Gazetteer, Resolver
        from canonym.corpus.tagger import Tagger

    tagger = Tagger(Resolver(Gazetteer.builtin()))

    def test_one_input(data: bytes) -> None:
        target, text = decode(data)
        failures = Failures()
        if target == "fold":
            check_fold(text, failures)
        elif target == "name":
            check_name(text, failures)
        elif target == "resolve":
            check_resolve(tagger.resolver, text, failures)
        else:
            check_mentions(text, "fuzz", tagger.tag(text, "fuzz"), failures)
        if failures.count:
            raise AssertionError("\n".join(failures.found))

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
