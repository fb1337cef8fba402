"""Resolver speed against generated user gazetteers, beside a brute-force rapidfuzz scan.

For each gazetteer size (10k and 100k names by default) this script:

1. generates plausible Arabic, Persian and English person names (name-part and syllable lists,
   the particles al-, bin and Abu) with a fixed seed, one name per entity, distinct by
   transliteration key, and writes them as a TSV with ``id`` and ``name`` columns;
2. times the load of that table with ``Gazetteer.load(path, builtin=False)`` in fresh
   processes: cold (an empty ``CANONYM_CACHE``) and warm (a second fresh process), with each
   process's peak RSS;
3. times ``Resolver.resolve`` on one core for three query sets, each made of distinct names
   and run with a fresh Resolver and cleared normalizer caches, best of ``--repeats``:

   - **exact**: gazetteer names as written;
   - **key**: transliteration variants of gazetteer names (Yusuf/Yousof, Qasim/Ghasem,
     Hassan/Hasan, al-/el-, bin/ibn ...) that canonym resolves in its key tier; accuracy is
     measured on all variants, whatever tier took them;
   - **fuzzy miss**: new combinations of known name parts that are not in the gazetteer, so
     every part has postings and the fuzzy tier does its full work;
   - **1st variants**, **1st misses**: the first pass over all variants, then all misses, on a
     freshly loaded index (untimed before: it finds the tier of each query); it also pays for
     the blocking data the resolver builds per index on first fuzzy use;
   - **exact table**, **key table**, **miss table**: the exact, key and miss sets again through
     ``Resolver.resolve_many`` (the resolution table, polars), as ``canonym resolve`` runs them;
     the hit-rate bar is checked and reported for each API (one name per call, and in bulk),
     the fuzzy bar on ``resolve``;

4. runs ``rapidfuzz.process.extractOne(query, all_names, scorer=fuzz.WRatio,
   processor=None)`` over all names on a small sample of the variant and miss queries, and
   reports its names/s, its accuracy on variants and canonym's on the same sample.

Figures are noisy on a shared machine; the ratios within one run are what to compare.

Usage::

    python benchmarks/resolve_speed.py            # 10k and 100k names
    python benchmarks/resolve_speed.py --quick    # small smoke run (< 20 s)
    python benchmarks/resolve_speed.py --sizes 10000 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any

SEED = 1729


def _words(text: str) -> list[str]:
    return text.split()


# Bars from the performance issue.
BAR_HIT_RATE = 200_000  # names/s, exact and key hits
BAR_FUZZY_RATE = 20_000  # names/s, fuzzy look-ups against 100k names
BAR_VS_EXTRACTONE = 20.0  # canonym names/s over extractOne names/s

# ---------------------------------------------------------------------------------------
# Name generation
# ---------------------------------------------------------------------------------------

ARABIC_GIVEN = _words("""Muhammad Ahmad Ali Hassan Hussein Omar Khalid Yusuf Ibrahim Ismail Mustafa Mahmoud
Abdullah Abdulrahman Abdelaziz Said Salim Sami Tariq Walid Zaid Ziad Nasser Faisal Fahd Hamza Bilal
Anas Usama Jamal Karim Majid Rashid Hamid Mansur Nabil Adel Imad Jihad Marwan Samir Tawfiq Yasin
Yahya Idris Hisham Haitham Qasim Sulayman Dawud Musa Isa Harun Jafar Abbas Ammar Bakr Hafiz Ayman
Ashraf Riyad Wael Firas Ghassan Hazem Fadi Mazen Nizar Raed Saleh Sultan Talal Uthman Waleed Yasser
Zuhair Amir Anwar Badr Dhiya Ghazi Hamdi Jabir Kamal Luay Munir Nuri Qais Rami Sabri Shakir Tamim
Fatima Aisha Khadija Maryam Zaynab Layla Nur Huda Amal Salma Rania Samira Hana Asma Rasha Dalal""")

PERSIAN_GIVEN = _words("""Reza Mehdi Hossein Mohsen Javad Hamid Saeed Majid Alireza Gholam Mojtaba Morteza
Abolfazl Davood Farhad Kaveh Babak Dariush Kourosh Behrouz Bahram Shahram Amir Arash Ramin Parviz
Jamshid Houshang Mahmoud Masoud Nader Omid Payam Siavash Esmail Yadollah Ruhollah Hassan Mohammad
Qasem Ebrahim Akbar Ahmad Ali Mostafa Vahid Hamed Nima Pouya Kianoush Bijan Fereydoun Manouchehr
Zahra Maryam Shirin Parisa Niloufar Fereshteh Mahsa Narges Leila Roya Shahla Azadeh Golnar""")

ENGLISH_GIVEN = _words("""James John Robert Michael William David Richard Joseph Thomas Charles Christopher
Daniel Matthew Anthony Mark Paul Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald
Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret
Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Helen""")

ENGLISH_SURNAMES = _words("""Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas
Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Hall Allen Young King Wright
Scott Green Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans
Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly
Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Fisher Ellis""")
ENGLISH_HEADS = _words("""Ash Brad Cal Dun Fair Hart Kings Lang Mor Nor Pem Rad Sel Stan Thorn Wal Whit
Black Green Brook Craw Ed Hol Mar Pen Ran Shel Til Wes Bur Chal Dar Fen Gar Hal Lin""")
ENGLISH_TAILS = _words("ford ton by wood ley field well man son ham worth ridge dale more stone hurst cliffe")

ARABIC_ONSETS = _words("b d f h j k m n q r s t w y z sh kh gh dh th l")
ARABIC_CODAS = ["", "", "", "r", "l", "m", "n", "d", "b", "s", "z", "q", "t"]
ARABIC_VOWELS = "aaaiiu"
NISBA_ENDINGS = ["i", "i", "i", "awi", "ani", "iri", "ari", "ali", "umi", "iti"]

PERSIAN_HEADS = _words("""Kar Rah Shah Bar Far Jav Mah Nas Tah Zar Dar Gol Hos Mo Ros Khos Sar Tal Vah Yaz
Bag Dehq Ebad Fath Ghan Heday Jahan Kam Lotf Mir Nour Pak Qor Sad Sham Tork Yous Zand Ash Bah""")
PERSIAN_SUFFIXES = _words("""i ian pour zadeh nejad far rad nia abadi khani vand doust ani ari loo""")

_TRIPLES = re.compile(r"(\w)\1\1+")


def _zipf_weights(n: int, exponent: float = 0.9) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(n)]


class NameGenerator:
    """Plausible person names from name-part and syllable lists; deterministic per seed.

    Part frequencies follow a Zipf-like law, so a few given names and surnames are shared
    by many people (the hard case for blocking), as in real lists.
    """

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        rng = random.Random(seed + 1)  # stems are fixed whatever the name stream does
        arabic = list(ARABIC_GIVEN)
        persian = list(PERSIAN_GIVEN)
        english = list(ENGLISH_GIVEN)
        for names in (arabic, persian, english):
            rng.shuffle(names)
        self.given = {"ar": arabic, "fa": persian, "en": english}
        self.given_w = {k: list(accumulate(_zipf_weights(len(v)))) for k, v in self.given.items()}
        nisbas = sorted({self._arabic_stem(rng) + rng.choice(NISBA_ENDINGS) for _ in range(9000)})
        families = sorted({self._family(rng) for _ in range(4000)})
        persian_surnames = sorted(
            {rng.choice(PERSIAN_HEADS) + self._maybe_syllable(rng) + rng.choice(PERSIAN_SUFFIXES) for _ in range(6000)}
            | {g + rng.choice(("i", "pour", "zadeh", "nejad", "ian")) for g in PERSIAN_GIVEN[:40]}
        )
        english_surnames = sorted(set(ENGLISH_SURNAMES) | {h + t for h in ENGLISH_HEADS for t in ENGLISH_TAILS})
        self.surnames: dict[str, list[str]] = {}
        self.surname_w: dict[str, list[float]] = {}
        for kind, pool in (("nisba", nisbas), ("family", families), ("fa", persian_surnames), ("en", english_surnames)):
            pool = list(pool)
            rng.shuffle(pool)
            self.surnames[kind] = pool
            self.surname_w[kind] = list(accumulate(_zipf_weights(len(pool), 0.7)))

    @staticmethod
    def _arabic_stem(rng: random.Random) -> str:
        # C V [C] C (+ a nisba ending): Zarq-awi, Tikr-iti, Bagh-dadi; sometimes C V C V C.
        stem = rng.choice(ARABIC_ONSETS) + rng.choice(ARABIC_VOWELS) + rng.choice(ARABIC_CODAS)
        if rng.random() < 0.25:
            stem += rng.choice(ARABIC_ONSETS) + rng.choice(ARABIC_VOWELS)
        return (stem + rng.choice(ARABIC_ONSETS)).capitalize()

    @staticmethod
    def _family(rng: random.Random) -> str:
        # CaCCaC family names: Haddad, Najjar, Qassab, Khayyat.
        c1, c2, c3 = (rng.choice(ARABIC_ONSETS) for _ in range(3))
        middle = c2 * 2 if len(c2) == 1 else c2
        return (c1 + "a" + middle + rng.choice("aai") + c3).capitalize()

    @staticmethod
    def _maybe_syllable(rng: random.Random) -> str:
        return rng.choice(["", "", "a", "i", "o"]) + rng.choice(["", "", "r", "n", "m", "d"])

    def _given(self, kind: str) -> str:
        return self.rng.choices(self.given[kind], cum_weights=self.given_w[kind])[0]

    def _surname(self, kind: str) -> str:
        return self.rng.choices(self.surnames[kind], cum_weights=self.surname_w[kind])[0]

    def name(self) -> str:
        """One name."""
        return _TRIPLES.sub(r"\1\1", self._name())

    def _second(self, kind: str, first: str) -> str:
        for _ in range(5):
            second = self._given(kind)
            if second != first:
                return second
        return second

    def _name(self) -> str:
        rng = self.rng
        script = rng.choices(("ar", "fa", "en"), (0.5, 0.3, 0.2))[0]
        if script == "ar":
            form = rng.choices(range(6), (3, 2, 1, 2, 2, 0.5))[0]
            given = self._given("ar")
            second = self._second("ar", given)
            if form == 0:
                return f"{given} al-{self._surname('nisba')}"
            if form == 1:
                return f"{given} bin {second} al-{self._surname('nisba')}"
            if form == 2:
                return f"Abu {given} al-{self._surname('nisba')}"
            if form == 3:
                return f"{given} {second} {self._surname('family')}"
            if form == 4:
                return f"{given} {self._surname(rng.choice(('family', 'nisba')))}"
            return f"{given} bin {second} bin {self._second('ar', second)} al-{self._surname('nisba')}"
        if script == "fa":
            form = rng.choices(range(3), (4, 1, 1))[0]
            given = self._given("fa")
            if form == 0:
                return f"{given} {self._surname('fa')}"
            if form == 1:
                return f"{given} {self._second('fa', given)} {self._surname('fa')}"
            return f"{given}-{self._second('fa', given)} {self._surname('fa')}"
        form = rng.choices(range(3), (3, 1, 1))[0]
        given = self._given("en")
        if form == 0:
            return f"{given} {self._surname('en')}"
        if form == 1:
            return f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {self._surname('en')}"
        return f"{given} {self._second('en', given)} {self._surname('en')}"


def generate_names(count: int, seed: int = SEED) -> list[str]:
    """``count`` distinct names, distinct also by fold and by transliteration key."""
    from canonym import fold, name_key

    generator = NameGenerator(seed)
    names: list[str] = []
    seen: set[str] = set()
    attempts = 0
    while len(names) < count:
        attempts += 1
        if attempts > count * 20:
            raise RuntimeError(f"could only generate {len(names)} distinct names")
        name = generator.name()
        key = name_key(name)
        folded = fold(name)
        if key is None or key in seen or folded in seen:
            continue
        seen.add(key)
        seen.add(folded)
        names.append(name)
    return names


def write_gazetteer(names: Sequence[str], path: Path) -> list[str]:
    """Write ``names`` as a TSV user gazetteer (one entity per name); return the ids."""
    ids = [f"p{i:06d}" for i in range(len(names))]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id\tname\n")
        for entity_id, name in zip(ids, names, strict=True):
            handle.write(f"{entity_id}\t{name}\n")
    return ids


# ---------------------------------------------------------------------------------------
# Transliteration variants
# ---------------------------------------------------------------------------------------

#: (pattern, replacement, weight) applied once, at a random match, to one lowercase name part.
#: All but the last are spellings that real sources use for the same Arabic/Persian letters.
VARIANT_RULES: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (re.compile(pattern), replacement, weight)
    for pattern, replacement, weight in (
        (r"ou", "u", 1.0),
        (r"(?<=[^aeiou])u(?=[^aeiou])", "ou", 1.0),  # Yusuf -> Yousuf
        (r"u", "o", 1.0),  # Umar -> Omar
        (r"o", "u", 1.0),
        (r"(?<=[^aeiou])i(?=[^aeiou])", "ee", 1.0),  # Karim -> Kareem
        (r"ee", "i", 1.0),
        (r"i", "e", 1.0),  # Ibrahim -> Ebrahim
        (r"e", "i", 1.0),
        (r"(?<=[aeiou])([bdfjklmnrstz])(?=[aeiou])", r"\1\1", 1.0),  # Hasan -> Hassan
        (r"([bdfjklmnrstz])\1", r"\1", 1.0),
        (r"q", "k", 1.0),  # Qasim -> Kasim
        (r"q", "gh", 0.5),  # Qasem -> Ghasem
        (r"k(?!h)", "q", 0.3),
        (r"ay(?![aeiou])", "ai", 1.0),  # Sayf -> Saif (not Payam -> Paiam)
        (r"ai(?![aeiou])", "ay", 0.5),
        (r"^j", "dj", 0.3),  # Jamal -> Djamal
        (r"w", "v", 0.7),  # Jawad -> Javad
        (r"v", "w", 0.7),
        (r"th", "t", 0.5),
        (r"ah$", "a", 0.7),  # Hamzah -> Hamza
        (r"(?<=[^aeiouh])a$", "ah", 0.7),
        (r"(?<=[^aeiou])a(?=[^aeiou])", "e", 0.4),  # Muhammad -> Muhammed: a different key
    )
)
PARTICLE_VARIANTS = {"al-": ("el-", ""), "bin": ("ibn", "ben"), "Abu": ("Abou",)}


def _respell_part(part: str, rng: random.Random) -> str | None:
    lower = part.lower()
    applicable = [(p, r, w) for p, r, w in VARIANT_RULES if p.search(lower)]
    if not applicable:
        return None
    pattern, replacement, _ = rng.choices(applicable, [w for _, _, w in applicable])[0]
    match = rng.choice(list(pattern.finditer(lower)))
    new = lower[: match.start()] + match.expand(replacement) + lower[match.end() :]
    if not new:
        return None
    return new[0].upper() + new[1:] if part[:1].isupper() else new


def transliteration_variant(name: str, rng: random.Random) -> str | None:
    """Another spelling of ``name`` (one or two changes), or ``None`` when none applies."""
    words = name.split(" ")
    for _ in range(rng.choice((1, 1, 2))):
        if rng.random() < 0.2:
            particles = [i for i, w in enumerate(words) if w in PARTICLE_VARIANTS or w.startswith("al-")]
            if particles:
                i = rng.choice(particles)
                word = words[i]
                if word.startswith("al-"):
                    words[i] = rng.choice(PARTICLE_VARIANTS["al-"]) + word[3:]
                else:
                    words[i] = rng.choice(PARTICLE_VARIANTS[word])
                continue
        slots = [i for i, w in enumerate(words) if w not in ("bin", "Abu") and not w.endswith(".")]
        i = rng.choice(slots)
        word = words[i]
        prefix = "al-" if word.startswith("al-") else "el-" if word.startswith("el-") else ""
        pieces = word[len(prefix) :].split("-")
        j = rng.randrange(len(pieces))
        respelled = _respell_part(pieces[j], rng)
        if respelled is None:
            continue
        pieces[j] = respelled
        words[i] = prefix + "-".join(pieces)
    variant = " ".join(w for w in words if w)
    return None if variant == name else variant


# ---------------------------------------------------------------------------------------
# Query sets
# ---------------------------------------------------------------------------------------


def make_queries(
    names: list[str], ids: list[str], index: Any, n_exact: int, n_variant: int, n_miss: int, seed: int
) -> dict[str, Any]:
    """Exact, variant and miss queries (distinct within each set) with their true ids."""
    from canonym import fold, name_key
    from canonym.gazetteer.index import alias_ids

    rng = random.Random(seed)
    order = list(range(len(names)))
    rng.shuffle(order)
    exact = [names[i] for i in order[:n_exact]]

    entity_of_key: dict[str, set[int]] = {}
    for key, found in index.keyed.items():
        entity_of_key[key] = {index.alias_entity[a] for a in alias_ids(found)}
    variants: list[str] = []
    variant_ids: list[str] = []
    seen: set[str] = set()
    dropped = 0
    english = frozenset(ENGLISH_GIVEN)
    for i in order:
        if len(variants) >= n_variant:
            break
        if names[i].split(" ", 1)[0] in english:
            continue  # respellings are a matter of Arabic and Persian names
        variant = transliteration_variant(names[i], rng)
        if variant is None or variant in seen:
            continue
        folded = fold(variant)
        if folded == fold(names[i]) or folded in index.folded:
            continue  # not a respelling after folding, or another entity's name
        key = name_key(variant)
        owners = entity_of_key.get(key or "", set())
        if owners and owners != {index.by_id[ids[i]]}:
            dropped += 1  # the respelling is another entity's name by key: no single truth
            continue
        seen.add(variant)
        variants.append(variant)
        variant_ids.append(ids[i])

    misses: list[str] = []
    generator = NameGenerator(seed)  # same part pools, a different stream of combinations
    generator.rng = random.Random(seed + 99)
    known_names = set(names)
    attempts = 0
    while len(misses) < n_miss and attempts < n_miss * 50:
        attempts += 1
        name = generator.name()
        if name in known_names or name in seen:
            continue
        key = name_key(name)
        if key is None or key in index.keyed or fold(name) in index.folded:
            continue
        seen.add(name)
        misses.append(name)
    return {
        "exact": exact,
        "variants": variants,
        "variant_ids": variant_ids,
        "misses": misses,
        "variants_dropped": dropped,
    }


# ---------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------


def clear_caches() -> None:
    """Empty canonym's bounded per-name caches (``lru_cache`` with a maxsize), as in a fresh process.

    Unbounded ``@cache`` functions hold tables loaded once per process (titles, common
    words); they are kept. Every ``canonym`` module already imported is searched, so caches
    added to the code later are cleared too.
    """
    for name, module in list(sys.modules.items()):
        if not (name == "canonym" or name.startswith("canonym.")) or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name and info().maxsize is not None:
                value.cache_clear()


def time_resolve(gazetteer: Any, queries: Sequence[str], repeats: int) -> dict[str, float]:
    """names/s of ``Resolver.resolve`` over distinct ``queries``: a fresh Resolver each run."""
    from canonym import Resolver

    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        clear_caches()
        resolver = Resolver(gazetteer)
        resolve = resolver.resolve
        c0, t0 = time.process_time(), time.perf_counter()
        for query in queries:
            resolve(query)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if wall < best_wall:
            best_wall, best_cpu = wall, cpu
    return _rates(len(queries), best_wall, best_cpu)


def time_resolve_many(gazetteer: Any, queries: Sequence[str], repeats: int) -> dict[str, float]:
    """names/s of ``Resolver.resolve_many`` (a resolution table) over distinct ``queries``."""
    from canonym import Resolver

    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        clear_caches()
        resolver = Resolver(gazetteer)
        c0, t0 = time.process_time(), time.perf_counter()
        resolver.resolve_many(queries)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if wall < best_wall:
            best_wall, best_cpu = wall, cpu
    return _rates(len(queries), best_wall, best_cpu)


def _rates(n: int, wall: float, cpu: float) -> dict[str, float]:
    # ``rate`` is per CPU second of this (single-threaded) process: it stays comparable when
    # other work shares the machine; ``wall_rate`` is per elapsed second.
    return {
        "n": n,
        "seconds": wall,
        "cpu_seconds": cpu,
        "rate": n / cpu if cpu > 0 else (n / wall if wall else 0.0),
        "wall_rate": n / wall if wall else 0.0,
        "cpu_share": cpu / wall if wall else 0.0,
    }


def resolve_outcomes(gazetteer: Any, queries: Sequence[str]) -> list[Any]:
    """The Match (or None) of every query, with a fresh Resolver."""
    from canonym import Resolver

    resolver = Resolver(gazetteer)
    return [resolver.resolve(q) for q in queries]


def time_extract_one(
    queries: Sequence[str], choices: list[str]
) -> tuple[dict[str, float], list[tuple[str, float, int]]]:
    """names/s of the brute-force rapidfuzz scan over all names, and its results."""
    from rapidfuzz import fuzz, process

    results = []
    c0, t0 = time.process_time(), time.perf_counter()
    for query in queries:
        results.append(process.extractOne(query, choices, scorer=fuzz.WRatio, processor=None))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return _rates(len(queries), wall, cpu), results


LOAD_CHILD = r"""
import json, os, resource, sys, time
t0 = time.perf_counter()


def peak_mb():
    # VmHWM belongs to this process image; ru_maxrss would also count the parent's pages
    # that the (v)forked child held before exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024



import canonym
t1 = time.perf_counter()
what = sys.argv[1]
cache = os.environ.get("CANONYM_CACHE", "")
before = set(os.listdir(cache)) if os.path.isdir(cache) else set()
if what == "none":
    out = {}
else:
    if what == "builtin":
        g = canonym.Gazetteer.builtin()
    else:
        g = canonym.Gazetteer.load(*what.split("|"), builtin=False)
    t2 = time.perf_counter()
    r = canonym.Resolver(g)
    r.resolve("Muhammad al-Zarqawi")  # first use loads the name tables
    t3 = time.perf_counter()
    out = {"load_s": t2 - t1, "resolver_s": t3 - t2, "ready_s": t3 - t0, "ready_cpu_s": time.process_time(),
           "entities": len(g), "aliases": len(r.index)}
    if len(sys.argv) > 2 and sys.argv[2] == "tagger":
        from canonym.corpus.tagger import Tagger
        Tagger(r)
        out["tagger_s"] = time.perf_counter() - t3
    # A cache file written by this process means the index was built, not read.
    after = set(os.listdir(cache)) if os.path.isdir(cache) else set()
    out["cache_hit"] = not (after - before)
out["import_s"] = t1 - t0
out.setdefault("ready_s", t1 - t0)
out.setdefault("ready_cpu_s", time.process_time())
out["maxrss_mb"] = peak_mb()
print(json.dumps(out))
"""


def load_in_subprocess(what: str, cache: Path, *extra: str) -> dict[str, Any]:
    """Load a gazetteer (paths joined by '|', 'builtin' or 'none') in a fresh interpreter.

    ``load_s`` is ``Gazetteer.load``; ``ready_s`` runs from before ``import canonym`` to a
    Resolver that has resolved one name; ``process_s`` is the whole process, interpreter
    start included; ``cache_hit`` tells whether the index came from the cache.
    """
    env = {**os.environ, "CANONYM_CACHE": str(cache)}
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", LOAD_CHILD, what, *extra], env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"load subprocess failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = wall
    return result


def warm_load(what: str, cache: Path, *extra: str, tries: int = 3) -> dict[str, Any]:
    """A load that reads the cache; tried again when it did not (the code changed meanwhile)."""
    result: dict[str, Any] = {}
    for attempt in range(1, tries + 1):
        result = load_in_subprocess(what, cache, *extra)
        result["attempts"] = attempt
        if result.get("cache_hit", True):
            break
    return result


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident set size of a process so far, in MB (VmHWM; ru_maxrss where no /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == "self" else float("nan")


# ---------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------


def bench_size(size: int, args: argparse.Namespace, workdir: Path, log: Callable[[str], None]) -> dict[str, Any]:
    """All measurements for one gazetteer size."""
    import canonym

    t0 = time.perf_counter()
    names = generate_names(size, SEED + size)
    path = workdir / f"gazetteer-{size}.tsv"
    ids = write_gazetteer(names, path)
    generated_s = time.perf_counter() - t0
    log(f"[{size:,} names] generated in {generated_s:.1f}s ({path.stat().st_size / 1e6:.1f} MB TSV)")

    cache = workdir / f"cache-{size}"
    cache.mkdir()
    cold = load_in_subprocess(str(path), cache)
    warm = warm_load(str(path), cache)
    log(f"[{size:,} names] load cold {cold['load_s']:.2f}s, warm {warm['load_s']:.2f}s")

    os.environ["CANONYM_CACHE"] = str(cache)
    gazetteer = canonym.Gazetteer.load(path, builtin=False)
    index = gazetteer.index

    queries = make_queries(
        names, ids, index, min(args.exact, size), min(args.variants, size), args.misses, SEED + 7 * size
    )
    variants, variant_ids, misses = queries["variants"], queries["variant_ids"], queries["misses"]

    # Which tier takes each variant (one resolver; the timed runs below use fresh ones). These
    # first passes are timed too: they also pay for the resolver's per-index blocking data,
    # built on first fuzzy use and reused by later resolvers on the same index.
    c0, t0 = time.process_time(), time.perf_counter()
    outcomes = resolve_outcomes(gazetteer, variants)
    first_variants = _rates(len(variants), time.perf_counter() - t0, time.process_time() - c0)
    methods = Counter(m.method if m is not None else "nil" for m in outcomes)
    correct = [m is not None and m.entity_id == true_id for m, true_id in zip(outcomes, variant_ids, strict=True)]
    key_hits = [v for v, m in zip(variants, outcomes, strict=True) if m is not None and m.method == "key"]
    c0, t0 = time.process_time(), time.perf_counter()
    miss_outcomes = resolve_outcomes(gazetteer, misses)
    first_misses = _rates(len(misses), time.perf_counter() - t0, time.process_time() - c0)
    miss_methods = Counter(m.method if m is not None else "nil" for m in miss_outcomes)

    rows: dict[str, dict[str, float]] = {}
    rows["exact"] = time_resolve(gazetteer, queries["exact"], args.repeats)
    rows["key"] = time_resolve(gazetteer, key_hits, args.repeats)
    rows["all variants"] = time_resolve(gazetteer, variants[: args.variants_timed], args.repeats)
    rows["fuzzy miss"] = time_resolve(gazetteer, misses, args.repeats)
    rows["exact table"] = time_resolve_many(gazetteer, queries["exact"], args.repeats)
    rows["key table"] = time_resolve_many(gazetteer, key_hits, args.repeats)
    rows["miss table"] = time_resolve_many(gazetteer, misses, args.repeats)
    rows["1st variants"] = first_variants
    rows["1st misses"] = first_misses
    log(f"[{size:,} names] canonym timed")

    # Brute force on a small sample (it scans every name for every query).
    rng = random.Random(SEED)
    sample_n = args.extract_sample if size <= 20_000 else max(args.extract_sample // 4, 5)
    v_sample = rng.sample(range(len(variants)), min(sample_n, len(variants)))
    m_sample = rng.sample(range(len(misses)), min(sample_n, len(misses)))
    v_stats, v_results = time_extract_one([variants[i] for i in v_sample], names)
    m_stats, m_results = time_extract_one([misses[i] for i in m_sample], names)
    extract_correct = [ids[r[2]] == variant_ids[i] for r, i in zip(v_results, v_sample, strict=True)]
    extract_miss_links = sum(1 for r in m_results if r[1] >= 90)
    log(f"[{size:,} names] extractOne timed on {len(v_sample)} + {len(m_sample)} queries")

    return {
        "size": size,
        "entities": len(gazetteer),
        "aliases": len(index),
        "load_cold": cold,
        "load_warm": warm,
        "rates": rows,
        "extract_variants": v_stats,
        "extract_misses": m_stats,
        "variant_methods": dict(methods),
        "variants_dropped": queries["variants_dropped"],
        "miss_methods": dict(miss_methods),
        "accuracy_canonym_all": sum(correct) / len(correct) if correct else 0.0,
        "accuracy_canonym_sample": sum(correct[i] for i in v_sample) / len(v_sample) if v_sample else 0.0,
        "accuracy_extract_sample": sum(extract_correct) / len(extract_correct) if extract_correct else 0.0,
        "miss_false_links_canonym": sum(1 for m in miss_outcomes if m is not None and m.entity is not None)
        / max(len(misses), 1),
        "miss_false_links_extract90": extract_miss_links / max(len(m_results), 1),
        "examples": {
            "exact": queries["exact"][:2],
            "variants": list(zip(variants[:4], [names[ids.index(i)] for i in variant_ids[:4]], strict=True)),
            "misses": misses[:3],
        },
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(
    results: list[dict[str, Any]], baseline: dict[str, float], print_: Callable[[str], None]
) -> list[tuple[str, bool]]:
    """Print the tables; return the bar checks."""
    checks: list[tuple[str, bool]] = []
    print_("")
    print_("== Resolver speed (one core; best of repeats; fresh Resolver per run) ==")
    print_("   names/s per CPU second of this single-threaded process (wall-clock rate beside it);")
    print_("   extractOne = rapidfuzz.process.extractOne(q, all_names, scorer=WRatio, processor=None) on a sample")
    print_(
        f"{'gazetteer':>10} {'queries':<13} {'n':>7} {'names/s':>11} {'wall n/s':>10} {'cpu/wall':>8}   {'extractOne/s':>12} {'ratio':>8}"
    )
    for r in results:
        for label, row in r["rates"].items():
            peer = (
                r["extract_misses"]
                if label == "fuzzy miss"
                else r["extract_variants"]
                if label in ("key", "all variants")
                else None
            )
            peer_rate = f"{peer['rate']:12.1f}" if peer else f"{'':12}"
            ratio = f"{row['rate'] / peer['rate']:7.0f}x" if peer and peer["rate"] else f"{'':8}"
            print_(
                f"{r['size']:>10,} {label:<13} {row['n']:>7,} {row['rate']:>11,.0f} {row['wall_rate']:>10,.0f} "
                f"{row['cpu_share']:>8.2f}   {peer_rate} {ratio}"
            )
    print_("")
    print_("== Accuracy on transliteration variants (fraction resolved to the right id) ==")
    print_(
        f"{'gazetteer':>10} {'variants':>8} {'canonym all':>11} {'sample':>6} {'canonym':>8} {'extractOne':>10}   tiers taken by canonym"
    )
    for r in results:
        methods = ", ".join(f"{k} {v}" for k, v in sorted(r["variant_methods"].items(), key=lambda kv: -kv[1]))
        n = len(r["variant_methods"]) and sum(r["variant_methods"].values())
        print_(
            f"{r['size']:>10,} {n:>8,} {r['accuracy_canonym_all']:>11.3f} {r['extract_variants']['n']:>6} "
            f"{r['accuracy_canonym_sample']:>8.3f} {r['accuracy_extract_sample']:>10.3f}   {methods}"
        )
    print_("")
    print_("== Fuzzy misses (names not in the gazetteer): wrongly linked ==")
    for r in results:
        methods = ", ".join(f"{k} {v}" for k, v in sorted(r["miss_methods"].items(), key=lambda kv: -kv[1]))
        print_(
            f"{r['size']:>10,}  canonym {r['miss_false_links_canonym']:.3f} ({methods});  "
            f"extractOne score >= 90: {r['miss_false_links_extract90']:.3f} of {r['extract_misses']['n']}"
        )
    print_("")
    print_("== Gazetteer load: Gazetteer.load(tsv, builtin=False) + Resolver ready, fresh process ==")
    print_(f"   import canonym only: {baseline['import_s']:.2f}s, peak RSS {baseline['maxrss_mb']:.0f} MB")
    print_(f"{'gazetteer':>10} {'cold load':>9} {'warm load':>9} {'warm ready':>10} {'cold RSS':>9} {'warm RSS':>9}")
    for r in results:
        c, w = r["load_cold"], r["load_warm"]
        print_(
            f"{r['size']:>10,} {c['load_s']:>8.2f}s {w['load_s']:>8.2f}s {w['ready_s']:>9.2f}s {c['maxrss_mb']:>7.0f}MB {w['maxrss_mb']:>7.0f}MB"
        )
        if not w.get("cache_hit", True):
            print_(
                f"{'':10} (the warm load did not hit the cache in {w['attempts']} tries: canonym's code changed during the run?)"
            )
    print_("")
    print_("== Bars ==")
    for r in results:
        size, rates = r["size"], r["rates"]
        for label in ("exact", "key"):
            # One name per call (resolve) and in bulk (resolve_many, the table path that
            # `canonym resolve --input` and a polars column take): each checked on its own.
            for api, row in (("resolve", rates[label]), ("resolve_many", rates[f"{label} table"])):
                ok = row["rate"] >= BAR_HIT_RATE
                checks.append((f"{label} hits vs {size:,} names >= {BAR_HIT_RATE:,}/s ({api})", ok))
        if size >= 100_000:
            checks.append(
                (
                    f"fuzzy look-ups vs {size:,} names >= {BAR_FUZZY_RATE:,}/s",
                    rates["fuzzy miss"]["rate"] >= BAR_FUZZY_RATE,
                )
            )
        peer = r["extract_misses"]["rate"]
        checks.append(
            (
                f"fuzzy look-ups vs {size:,} names >= {BAR_VS_EXTRACTONE:.0f}x extractOne",
                peer > 0 and rates["fuzzy miss"]["rate"] / peer >= BAR_VS_EXTRACTONE,
            )
        )
    for label, ok in checks:
        print_(f"  {verdict(ok)}  {label}")
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run (< 20 s)")
    parser.add_argument("--sizes", type=int, nargs="+", help="gazetteer sizes in names (default 10000 100000)")
    parser.add_argument("--exact", type=int, default=50_000, help="exact-hit queries per size")
    parser.add_argument("--variants", type=int, default=20_000, help="variant queries per size")
    parser.add_argument("--misses", type=int, default=5_000, help="fuzzy-miss queries per size")
    parser.add_argument(
        "--extract-sample",
        type=int,
        default=100,
        help="queries per set for extractOne (a quarter of it past 20k names)",
    )
    parser.add_argument(
        "--variants-timed", type=int, default=5_000, help="variant queries in the 'all variants' timing"
    )
    parser.add_argument("--repeats", type=int, default=2, help="timed runs per measurement; the best is kept")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = args.sizes or [2_000, 10_000]
        args.exact, args.variants, args.misses = (
            min(args.exact, 3_000),
            min(args.variants, 1_000),
            min(args.misses, 300),
        )
        args.extract_sample, args.repeats = min(args.extract_sample, 12), 1
    sizes = args.sizes or [10_000, 100_000]

    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:6.1f}s  {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="canonym-resolve-bench-") as tmp:
        workdir = Path(tmp)
        empty = workdir / "cache-none"
        empty.mkdir()
        baseline = load_in_subprocess("none", empty)
        results = [bench_size(size, args, workdir, log) for size in sizes]
    checks = report(results, baseline, print)
    print(f"\npeak RSS of this process: {peak_rss_mb():.0f} MB; total {time.perf_counter() - started:.1f}s")
    print("examples:", json.dumps(results[-1]["examples"], ensure_ascii=False))
    if args.json:
        args.json.write_text(
            json.dumps({"results": results, "baseline": baseline, "checks": checks}, indent=2, ensure_ascii=False)
        )
    return 1 if args.strict and not all(ok for _, ok in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
