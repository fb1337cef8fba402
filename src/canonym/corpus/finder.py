"""Finding name spans in running text.

Two finders work on each document and their spans are merged:

1. **Gazetteer scan**: every alias of the gazetteer (and the surname, nisba or "bin X" part
   of every person's name) is folded with the same :func:`canonym.fold` as the text and put
   into one Aho-Corasick automaton (leftmost-longest). The document is folded once, with its
   offset map, and scanned in one pass; a hit counts at word boundaries only, and must be
   capitalised in the text (all capitals for an acronym alias such as "US" or "IS").
2. **Name shapes**: sequences of capitalised words, joined by name particles (al-, bin,
   Abu, of ...), initials (Michael R. Pompeo) and Arabic-script runs find names the
   gazetteer does not know. Leading titles and "the" and a trailing possessive are cut off.

Merging: a gazetteer span inside a longer shape span stays unless the whole shape resolves
(the outermost known name wins); the parts of a shape span outside gazetteer spans are
candidates of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain
from typing import NamedTuple, TypeVar

import ahocorasick_rs
import numpy as np

from canonym.corpus.context import ARTICLES, LINKS_AFTER_GIVEN, NAMED_AFTER_HEADS
from canonym.corpus.typing import GROUP_OPENERS, ORG_WORDS, ROMANCE_ORG_HEADS, place_noun_after
from canonym.gazetteer.index import AliasIndex, partial_keys
from canonym.gazetteer.model import Entity
from canonym.gazetteer.spec import MAX_NAME_LENGTH
from canonym.normalize import fold, parse_name, token_key
from canonym.normalize.names import name_tables
from canonym.normalize.text import BOUNDARY_CODE, fold_char, fold_joined

_PARTICLES = r"(?:al|el|ad|ed|ud|ur|an|ar|as|ash|sh|at|az|ul|bin|ibn|bint|abu|abd|ag|ould|de|del|du|da|di|der|van|von|la|le|of|y|bin|wa|wal|lil|lid|l)"
_HYPHEN = r"\-\u2010\u2011"  # escaped: "[ -‐]" would be a range from space to U+2010
#: A capital: ASCII, Latin-1, and the capitals of Latin Extended-A and B and Latin Extended
#: Additional (Turkish İ and Ş, the dotted letters of academic transliteration Ḥ and Ṣ);
#: not their small letters, which those blocks interleave (a Turkish "şüpheli" is no name).
#: And Cyrillic capitals: the original script of a Russian or Central Asian name in a
#: sanctions list ("ЗОЛОТАРЕВ, Аркадий Олегович").
_CAP = "[A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, chain(range(0x100, 0x250), range(0x1E00, 0x1F00), range(0x400, 0x530))) if c.isupper()) + "]"
#: Particles that are also English words ("at", "as", "an") join a name only when hyphenated
#: ("at-Tamimi"): "the CENTCOM Media Desk at MacDill" is not one name. Not the Spanish "y"
#: (and), which parts two names far more often than it joins one ("Mohand y Azzouzi").
_SPACED_PARTICLES = r"(?:al|el|ad|ar|ash|az|ul|bin|ibn|bint|abu|abd|ag|ould|de|del|des|du|da|di|do|dos|das|der|van|von|la|le|of|wa|wal|lil|fi)"
#: A lowercase syllable after a hyphen that ends an East Asian given name ("Kim Jong-un",
#: "Leung Chi-wai"); not a word that makes a modifier of a name ("Hamas-run", "US-led").
_SYLLABLE = (
    rf"[{_HYPHEN}](?!(?:led|run|held|born|made|era|wide|type|like|free|only|fed|bred|tied|ally|area|zone|side|post|less|time|term|day|war|due|far|plus|gate)(?![a-z]))"
    r"[a-z]{2,4}(?![\w'’\-\u2010\u2011])"
)
#: The small words of hyphenated French and English place names: "Croix-des-Bouquets",
#: "Morne-à-Cabrit", "Aix-en-Provence", "Rostov-on-Don"; and of a title ("Commander-in-Chief").
_PLACE_LINKS = "de|des|du|la|le|les|lès|à|au|aux|en|sur|sous|on|upon|in"
#: The British "Co-operation", "Co-ordination": a word of a name though its part after the
#: hyphen is in lowercase ("Gulf Co-operation Council", "Co-ordination Framework").
_CO_HYPHEN = rf"Co[{_HYPHEN}]o[a-z]+(?![\w'’{_HYPHEN}])"
#: An ayn or hamza written as a modifier letter or apostrophe may open a word after a
#: hyphen: "al-ʿĀrūrī", "al-'Adl".
_WORD = (
    rf"(?:(?:[A-Z]\.){{1,4}}(?![A-Za-z])|{_CO_HYPHEN}|[\u02be\u02bf]?{_CAP}[\w'’‘`]*"
    rf"(?:[{_HYPHEN}](?:(?:al|el|ad|an|ar|as|ash|at|az|ul|ud|ut|ur|us|bin|ibn|abu|e|i|{_PLACE_LINKS})[{_HYPHEN}])?['’‘\u02be\u02bf]?{_CAP}[\w'’‘`]*|{_SYLLABLE})*)"
)
#: A quantity and "of" that open a sentence's capitalised run: a part of what the name after
#: them names, not a name's words ("One of Atta's friends", "All of Iraq", "Some of Hamas's").
_QUANTITY_OF = re.compile(
    r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Some|Many|Most|All|Each|None|Several|Few|Both|Either|Neither|Half|Much|Dozens|Hundreds|Thousands|Millions) of (?=[A-Z])"
)
_QUANTITY_INITIALS = frozenset("OTFSENMADBH")
#: A generational suffix or a company's legal form with its stop, which ends a run of words:
#: the last word of a name ("Paul M. Johnson Jr.", "Vinnell Corp."), whether or not the stop
#: also ends the sentence.
_SUFFIX = r"(?:Jr|Sr|Corp|Inc|Ltd)\.(?!\w)"
#: A generational suffix after a comma ("Paul Marshall Johnson, Jr."); a legal form after one
#: is the tagger's to join (see its _with_legal_forms), with the forms that have no stop.
_GENERATION = r"[JS]r\.(?!\w)"
#: A word after the first of a run may open with an ayn or hamza written as an apostrophe or
#: quotation mark ("Abu Bakr Ibn Muhammad Ibn 'Ali", "Ibrahim ‘Awwad Ibrahim ‘Ali al-Badri"),
#: unless a quotation mark closes it ("Hezbollah ‘Radwan’ unit").
_NEXT_WORD = rf"(?:(?!{_SUFFIX}){_WORD}|['‘’]{_CAP}[a-z]+(?![\w'’‘]))"
#: A name is a handful of words. A longer run of capitalised words (a heading, a shouted
#: line, a list) is not one name: its pieces longer than this, or than MAX_NAME_LENGTH
#: characters, are dropped (known names inside it are still found by the gazetteer scan).
MAX_NAME_WORDS = 12
#: Arabic-script words in a row that can be a name; a longer run is prose (a quotation), not
#: a name, and is not a candidate at all (the gazetteer scan still finds known names in it).
MAX_ARABIC_NAME_WORDS = 8
#: "for" (and "for the") joins a run after the head word of an office or an institution:
#: "Minister of State for Foreign Affairs", "Office for the Coordination of Humanitarian
#: Affairs"; elsewhere it parts two names ("support from Iran for Hamas"). The literal
#: comes first, so that the look-behinds are tried only at a "for".
_FOR_HEADS = ["Minister", "Ministry", "Command", "State", "Secretary", "Coordinator", "Commissioner", "Envoy", "Council", "Commission", "Committee", "Center", "Centre", "Office", "Agency", "Institute", "Foundation", "Fund", "Organization", "Organisation", "Movement", "Front", "Party", "Union", "Coalition", "Alliance", "Association", "Society", "Network", "Campaign", "Court", "Tribunal", "Authority", "Mission", "Programme", "Program", "Department", "Directorate", "Bureau", "Board", "Assembly", "Forum", "Initiative", "League", "Jurisdiction", "Service", "Corps"]
_FOR = "for (?:" + "|".join(f"(?<={head} for )" for head in _FOR_HEADS) + r"|the (?=Republic of|[A-Z][a-z]+ (?:Region|Oblast|Krai)\b))(?:the )?"
#: "of the" joins a run after the head word of an institution or a state: "Armed Forces of
#: the Philippines", "Republic of the Congo", "Council of the European Union".
_OF_THE_HEADS = ["Forces", "Army", "Navy", "Ministry", "Office", "Council", "Bank", "Republic", "Government", "Parliament", "Assembly", "Union", "Front", "Party", "Movement", "Organization", "Organisation", "Court", "Commission", "Committee", "Coalition", "Alliance", "League", "Federation", "Church", "University", "Guardians", "Soldiers", "Brigades", "Battalion", "Supporters", "Partisans", "Liberation", "Companions", "Sons", "Helpers", "Knights", "Lions", "Martyrs", "Followers", "Defenders", "Protectors"]
#: Whatever the head word, "of the" before a state's formal name joins it: "Federal Security
#: Service of the Russian Federation", "Embassy of the Islamic Republic of Iran". So does "for
#: the" before a republic or region of a federation: a state body's branch there ("Ministry
#: of Internal Affairs for the Republic of Dagestan", "... of Russia for the Rostov Region").
_STATE_AFTER = r"(?=Russian Federation|(?:[A-Z][a-z]+ )?Republic of|Kingdom of|Kyrgyz Republic)"
_OF_THE = "of the (?:" + "|".join(f"(?<={head} of the )" for head in _OF_THE_HEADS) + f"|{_STATE_AFTER})"
#: The head words that "for" or "of the" joins to the rest of a name, folded.
LINK_HEADS = frozenset(head.lower() for head in (*_FOR_HEADS, *_OF_THE_HEADS))
#: A state's formal name after "of the" or "for the", in a name that a body of it bears.
OF_A_STATE = re.compile(rf" (?:of|for) the {_STATE_AFTER}")

#: "in" (and "in the") joins a run after "Mission": "UN Assistance Mission in Afghanistan",
#: "AU Transition Mission in Somalia"; elsewhere it parts a name from a place.
_IN = "in (?<=Mission in )(?:the )?"
#: The Persian (and Urdu) ezafe written after a hyphen, before the next word of one name:
#: "Kalkan-e Sofla", "Hezb-e Demokrat", "Jamaat-i Islami", "Khaneh-ye Mellat".
_EZAFE = rf"[{_HYPHEN}](?:e|ye|i) "
_ARABIC = r"\u0600-\u06FF\u0750-\u077F"
#: One Arabic-script word; a zero-width non-joiner joins its parts (Persian "خامنه‌ای").
_ARABIC_WORD = rf"[{_ARABIC}]+(?:\u200c[{_ARABIC}]+)*"
#: After a French article, "de" or "que" elided onto the name (l'Armée, d'Al-Qaïda,
#: qu'Israël), a name starts there; after any other letter and apostrophe it does not (the
#: "ida" of "Qa'ida").
_AFTER_ELIDED_ARTICLE = r"(?:(?<=(?<!\w)[lLdD]['’])|(?<=(?<!\w)[qQ]u['’]))"
_SEQUENCE = re.compile(
    rf"(?<!\w)(?:(?<!\w['’])|{_AFTER_ELIDED_ARTICLE})(?:(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)[ {_HYPHEN}])?{_WORD}"
    rf"(?:(?: |[ ]?[{_HYPHEN}][ ]?|{_EZAFE})(?:{_PARTICLES}[{_HYPHEN}]|{_SPACED_PARTICLES} |d['’](?={_CAP})|{_FOR}|{_OF_THE}|{_IN})*{_NEXT_WORD})*(?: {_SUFFIX}|, {_GENERATION})?"
    # An Arabic-script run of at most MAX_ARABIC_NAME_WORDS words, taken whole or not at all:
    # it may not start inside a run (the look-behinds) or stop before its end (the look-ahead),
    # so a long run is passed over in linear time instead of cut into pseudo-names.
    rf"|(?<![{_ARABIC}\u200c])(?<![{_ARABIC}\u200c] ){_ARABIC_WORD}(?: {_ARABIC_WORD}){{0,{MAX_ARABIC_NAME_WORDS - 1}}}"
    rf"(?![ \u200c]?[{_ARABIC}])"
)
#: _WORD after its first character, when that is a capital (or, after an ayn, its capital).
_WORD_TAIL = (
    rf"[\w'’‘`]*(?:[{_HYPHEN}](?:(?:al|el|ad|an|ar|as|ash|at|az|ul|ud|ut|ur|us|bin|ibn|abu|e|i|{_PLACE_LINKS})[{_HYPHEN}])?"
    rf"['’‘\u02be\u02bf]?{_CAP}[\w'’‘`]*|{_SYLLABLE})*"
)
#: The matches of _SEQUENCE that start at a capital, an ayn or an Arabic letter (all but
#: those that open with a particle, "al-Baghdadi": see _particle_start). The first character
#: is a character class and the look-behinds come after it (one character further back):
#: the regex engine then skips to the next such character in a fast loop instead of trying
#: every position, and lowercase letters are not tried at all (1.6x faster).
_SEQUENCE_FAST = re.compile(
    rf"[A-Z{_CAP[1:-1]}{_ARABIC}\u02be\u02bf]"
    rf"(?:(?<!\w.)(?:(?<!\w['’].)|(?<=(?<!\w)[lLdD]['’].)|(?<=(?<!\w)[qQ]u['’].))"
    rf"(?:(?<=[A-Z])\.(?:[A-Z]\.){{0,3}}(?![A-Za-z])|(?<=[\u02be\u02bf]){_CAP}{_WORD_TAIL}|(?<={_CAP}){_WORD_TAIL})"
    rf"(?:(?: |[ ]?[{_HYPHEN}][ ]?|{_EZAFE})(?:{_PARTICLES}[{_HYPHEN}]|{_SPACED_PARTICLES} |d['’](?={_CAP})|{_FOR}|{_OF_THE}|{_IN})*{_NEXT_WORD})*(?: {_SUFFIX}|, {_GENERATION})?"
    rf"|(?<![{_ARABIC}\u200c].)(?<![{_ARABIC}\u200c] .)(?<=[{_ARABIC}])[{_ARABIC}]*(?:\u200c[{_ARABIC}]+)*"
    rf"(?: {_ARABIC_WORD}){{0,{MAX_ARABIC_NAME_WORDS - 1}}}(?![ \u200c]?[{_ARABIC}]))"
)
#: The particle that opens a _SEQUENCE match before its first capital ("al-", "bin ").
_PARTICLE_BEFORE = re.compile(rf"(?<!\w)(?<!\w['’])(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu)[ {_HYPHEN}]\Z")
#: The last two letters of each such particle and a separator: a quick test before that one.
_PARTICLE_TAILS = frozenset(
    p[-2:] + separator
    for p in ("al", "el", "ad", "ed", "ud", "an", "ar", "as", "ash", "at", "az", "bin", "ibn", "abu")
    for separator in " -\u2010\u2011"
)
_ARABIC_LETTER = re.compile(rf"[{_ARABIC}]")


#: The last word of a dateline's place in capitals before a comma ("ILIGAN CITY, Lanao del Norte").
_PLACE_HEADS = frozenset(["city", "town", "province", "district", "county", "village"])


def _quote_inside(surface: str) -> bool:
    """Whether a double quotation mark stands inside a surface, which folding drops: 'Ismael
    "El Mayo" Zambada' holds no alias "El Mayo Zambada" across its quotes."""
    inner = surface[1:-1]
    return '"' in inner or "“" in inner or "”" in inner


def _particle_start(text: str, start: int, floor: int) -> int:
    """Where the _SEQUENCE match that :data:`_SEQUENCE_FAST` finds at ``start`` begins: before
    a particle that opens it ("al-Baghdadi"), not before ``floor`` (the previous one's end)."""
    if start >= 2 and _ARABIC_LETTER.match(text, start) is None:  # a particle opens a Latin name only
        found = _PARTICLE_BEFORE.search(text, max(floor, start - 4), start)
        if found is not None and not (text.startswith(("el ", "al "), found.start()) and _is_spanish_article(text, found.start())):
            return found.start()
    return start


#: The word before a spaced "el".
_WORD_BEFORE_EL = re.compile(r"(?<![\w'’])([A-Za-záéíóúñ]+) \Z")
#: What may stand before a Spanish article that opens a phrase: a comma, a colon, a bracket.
_PUNCTUATION_BEFORE_EL = re.compile(r"[,;:(«“\n] *\Z")
#: Spanish function words that English and French text lack.
_SPANISH_WORDS = re.compile(r" (?:del|los|las|según|para|una|por) ")


def _is_spanish_article(text: str, start: int) -> bool:
    """Whether the "el " (or "al ", "a" + "el") at ``start`` is the Spanish article.

    "el " is, after a lowercase word ("en el Catatumbo", "que el Eln"); both are in a Spanish
    text after a lowercase word or a comma ("declaró al CPP", "su brazo armado, el Nuevo
    Ejército del Pueblo"). The Arabic article written apart follows a name ("Abdel Fattah el
    Sisi", "Abdelfatah al Sisi"), and English text writes "by al Qaeda"."""
    before = _WORD_BEFORE_EL.search(text, max(0, start - 14), start)
    if text.startswith("el ", start) and before is not None and before.group(1).islower():
        return True
    opens_phrase = (before is not None and before.group(1).islower()) or _PUNCTUATION_BEFORE_EL.search(text, max(0, start - 4), start) is not None
    return opens_phrase and _is_spanish(text)


@lru_cache(maxsize=4)
def _is_spanish(text: str) -> bool:
    """Whether ``text`` is Spanish by its function words (three at least)."""
    return any(count == 3 for count, _ in enumerate(_SPANISH_WORDS.finditer(text), start=1))


#: Capitalised words the surname of the inverted form may have ("AL-SHARABI", "ABU BAKR AL BAGHDADI").
_INVERTED_SURNAME_WORDS = 5
#: Sanctions-list order: "AL-SHARABI, Nabil Abd al-Wahid", "QORANE, Abdirahman Hussein",
#: "REHMAN, Wali ur", "HUSIN, Azhari bin" (the Urdu article of a compound name, or "son of",
#: left after the given part).
#: Every repetition is bounded (words of at most 40 letters) and the surname may not start
#: inside a run of capitalised words (second look-behind), so a long run before a comma costs
#: linear time, not quadratic, and a match is always name-sized. The first capital comes
#: before the look-behinds (which look one character further back for it): a pattern that
#: opens with a character class lets the regex engine skip to its next capital (2.4x faster).
_UPPER = _CAP[1:-1]
#: A small letter: ASCII, Latin-1, Latin Extended-A ("é" of "Néstor", "ş" of "Şahin") and Cyrillic.
_LOWER = "a-zß-öø-ÿ" + "".join(c for c in map(chr, chain(range(0x100, 0x180), range(0x400, 0x530))) if c.islower())
#: A given name after the comma; an elided article may join a capital on ("Vitel'Homme").
_GIVEN = rf"[{_UPPER}][{_LOWER}'’]{{1,39}}(?:['’][{_UPPER}][{_LOWER}]{{1,39}})?"
_LINK_AFTER_GIVEN = "|".join(sorted(LINKS_AFTER_GIVEN))
_INVERTED = re.compile(
    rf"[{_UPPER}](?<![\w'’][{_UPPER}])(?<![{_UPPER}'’][ {_HYPHEN}][{_UPPER}])(?:[{_UPPER}'’]{{1,39}}[{_HYPHEN}][{_UPPER}'’])?[{_UPPER}'’]{{1,39}}"
    rf"(?:[ {_HYPHEN}][{_UPPER}][{_UPPER}'’]{{1,39}}){{0,{_INVERTED_SURNAME_WORDS - 1}}}, "
    rf"{_GIVEN}(?:(?: |[{_HYPHEN}])(?:{_PARTICLES}[ {_HYPHEN}]){{0,3}}{_GIVEN}){{0,4}}(?:[ {_HYPHEN}](?:{_LINK_AFTER_GIVEN}))?(?![\w'’])"
)
#: The comma every _INVERTED match holds, after a capital or apostrophe and before a given
#: name; the literal comes first, so the regex engine skips to the next ", ".
_INVERTED_COMMA = re.compile(rf", (?<=[{_UPPER}'’], )(?=[{_UPPER}][{_LOWER}'’])")
#: How far before its comma an _INVERTED match can start: its longest surname (a capital,
#: a hyphenated head of up to 41 characters, 39 more, then words of up to 41 characters).
_INVERTED_REACH = 1 + 41 + 39 + 41 * (_INVERTED_SURNAME_WORDS - 1)
_POSSESSIVE = re.compile(r"['’](?:s|(?<=[A-Z]['’])S)?$")
#: The apostrophe of an article, "de" or "que" elided onto a capitalised name (l'Etat,
#: d'Afrique, qu'Israël): a word boundary for the gazetteer scan, which folds apostrophes away.
_ELIDED_APOSTROPHE = re.compile(rf"['’]{_AFTER_ELIDED_ARTICLE}(?=[^\W\d_])(?=[^a-z])")
#: An apostrophe before a possessive s. The apostrophe comes first, the look-behind then
#: checks the letter before it: a leading character class lets the regex engine skip to
#: the next apostrophe instead of trying every position (4x faster). A word in capitals
#: writes its possessive in capitals ("SAMIDOUN’S ROLE").
_APOSTROPHE_S = re.compile(r"['’‘`](?<=\w['’‘`])(?=s\b|(?<=[A-Z]['’‘`])S\b)")
#: A possessive inside a name, before a capitalised word; the name's first word when it
#: bears the possessive.
_POSSESSIVE_IN_NAME = re.compile(r"\w['’]s [A-Z]")
_OWNER = re.compile(r"(.+?)['’]s ")
#: A military unit's number before its name ("6th Infantry Division", "444 Brigade", "5+5
#: Joint Military Commission"), and the words that end such names.
_UNIT_NUMBER = re.compile(r"(?<![\w.,+])(?:\d{1,3}(?:st|nd|rd|th)?|\d\+\d) \Z")
_UNIT_WORDS = ("Division", "Brigade", "Battalion", "Regiment", "Corps", "Squadron", "Fleet", "Group", "Region", "Commission")
#: The Islamic State named after a possessive: its owner is no group of its own province.
_GROUP_AFTER_OWNER = re.compile(r"['’]s (?:the )?Islamic State\b")
_ACRONYM = re.compile(r"^[A-Z0-9.&\s-]{2,8}$")
_TITLE_WORD = re.compile(r"[^\s\-\u2010\u2011]+")
#: Entries a per-string memo of the finder or tagger holds; it starts over when full.
MEMO_SIZE = 200_000
_K = TypeVar("_K")
_V = TypeVar("_V")


def bounded(memo: dict[_K, _V]) -> dict[_K, _V]:
    """``memo``, emptied first when it holds :data:`MEMO_SIZE` entries (memory stays bounded)."""
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    return memo


@cache
def not_names() -> frozenset[str]:
    """Capitalised words of the field that name no entity (Sunni, Salafist, Western ...)."""
    return _table_lines("not_names.txt")


@cache
def english_given_names() -> frozenset[str]:
    """Frequent English given names (lowercase), from the US Census lists."""
    return _table_lines("given_names.txt")


@cache
def common_words() -> frozenset[str]:
    """Frequent English words and the function words of French and Turkish (lowercase,
    folded): a capitalised one is no name by itself."""
    return _table_lines("common_words.txt") | _table_lines("french_function_words.txt") | _table_lines("turkish_function_words.txt")


@cache
def sentence_start_words() -> frozenset[str]:
    """Words that a single capitalised word opening a sentence is taken to be ("Militants",
    "Lawmakers", "Publié", "Bilan", "Desde"): :func:`common_words`, the next 8,000 English
    words by frequency and the commonest French and Spanish ones."""
    return common_words() | _table_lines("more_words.txt") | _table_lines("french_words.txt") | _table_lines("spanish_words.txt")


def _table_lines(name: str) -> frozenset[str]:
    """The lines of a word table in ``corpus/tables/``, without comments and blank lines."""
    text = resources.files("canonym.corpus").joinpath(f"tables/{name}").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


class Span(NamedTuple):
    """A candidate name in a document: offsets into the original text and where it came from."""

    start: int
    end: int
    surface: str
    gazetteer: bool
    #: Words before a title ("Outgoing" in "Outgoing Secretary of State ..."): a name only if known.
    modifier: bool = False


#: ``_tuple_new(Span, (start, end, surface, gazetteer, modifier))`` is ``Span(...)`` at a
#: third of the cost, for the finders' hot loops: a named tuple's own constructor goes
#: through ``type.__call__`` and a Python-level ``__new__``.
_tuple_new = tuple.__new__


@dataclass(frozen=True, slots=True)
class _Pattern:
    acronym: bool
    #: For each word of the pattern: must it be capitalised in the text? ("Egyptian Army"
    #: is a name, "Egyptian army" is not.)
    capitals: tuple[bool, ...]
    #: Whether an alias of the pattern has a comma ("Washington, D.C."): a name does not
    #: otherwise run across one ("In Washington, State Department ...").
    comma: bool = False


#: The last words of the names of features of the land that the press writes in lowercase.
_FEATURE_NOUNS = frozenset(["desert", "mountains", "mountain", "hills", "plains", "plain", "valley", "basin", "delta", "river", "strip", "peninsula", "plateau", "marshes"])


#: Levels of government that the press writes in lowercase after a place's proper name.
_LEVEL_NOUNS = frozenset(["region", "state", "province", "governorate", "district", "county", "oblast", "prefecture"])


#: The Arabic and Romance particles of names, folded: an alias's capital on one is the
#: list's style, not the name's.
_PARTICLE_WORDS = ARTICLES | frozenset(["ul", "wa", "wal", "wau", "bin", "ibn", "bint", "fi", "li", "lil", "lid", "de", "du", "des", "la", "le"])


@lru_cache(maxsize=200_000)
def _capitals(text: str) -> tuple[bool, ...]:
    """Whether each folded word of ``text`` starts with a capital in ``text``."""
    # Character by character, as folding maps each on its own: for a name, a Python loop
    # costs a tenth of fold_with_offsets' array work (made for whole documents).
    out = []
    after_space = True
    for char in text:
        for folded in fold_char(char):
            if folded == " ":
                after_space = True
            elif after_space:
                out.append(char.isupper())
                after_space = False
    return tuple(out)


_fold_word = lru_cache(maxsize=100_000)(fold)
#: Titles written in the plural before two or more names ("Generals Qasem Soleimani and
#: Hossein Salami"), as folded (a possessive folds alike: "General's" is no plural).
_PLURAL_TITLES = frozenset(["attorneys", "judges", "generals", "colonels", "commanders", "sheikhs", "shaykhs", "imams", "mullahs", "ayatollahs"])
_APOSTROPHES = frozenset("'’")


def _places_by_name(index: AliasIndex, folded: list[str]) -> dict[str, set[int]]:
    """The places of the gazetteer by each folded name (``folded``: the aliases folded)."""
    places: dict[str, set[int]] = {}
    for form, entity in zip(folded, index.alias_entity, strict=True):
        if index.entities[entity].type == "LOC":
            places.setdefault(form, set()).add(entity)
    return places


def _names_two_places(text: str, entity: int, places: dict[str, set[int]]) -> bool:
    """Whether a name with a comma is a place and the place it lies in ("Tripoli, Libya",
    "Hit, Iraq", "Alexandria, Va."): running text names them as two ("TRIPOLI, Libya —" opens
    a report). Not a name whose part after the comma is its own ("Washington, D.C.")."""
    tail = text.rpartition(",")[2].strip()
    tail_places = places.get(fold(tail), ())
    return bool(tail_places) and entity not in tail_places


def _apostrophes_apart(text: str) -> str:
    """``text`` with the apostrophes of possessives and elided articles made spaces, for the
    gazetteer scan: "Iran's", "d'Afrique" (one character for one, so offsets hold)."""
    return _ELIDED_APOSTROPHE.sub(" ", _APOSTROPHE_S.sub(" ", text))


#: A line break that ends a sentence or paragraph, which no name crosses (a wrapped line's
#: single break may fall inside one).
_ACROSS_PARAGRAPHS = re.compile(r"[.!?:;]\s*\n|\n\s*\n")
#: A word's full stop before a capital: a sentence's end ("Lockheed. Martin Luther King"),
#: not an initial's or a short abbreviation's dot ("St. Louis", "Jr.").
_ACROSS_SENTENCES = re.compile(r"[a-z]{2}[.!?] +[A-Z]")


def _is_capitalised(surface: str) -> bool:
    return any(map(str.isupper, surface)) or not surface.isascii()


class NameFinder:
    """Finds candidate name spans in text (see the module docstring).

    Args:
        index: the gazetteer index whose aliases are scanned for.
    """

    def __init__(self, index: AliasIndex) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for title in name_tables().titles:  # longest first
            by_first.setdefault(title[0], []).append(title)
        self._titles_by_first = by_first
        patterns: dict[str, _Pattern] = {}
        #: Forms of bodies whose name opens with a capital "The" ("The Hindu", "The Resistance
        #: Front"), scanned without it, which their spans take back when the text writes it so
        #: and the name ends there ("The National Police" is no outlet).
        with_the: set[str] = set()
        folded_aliases = [fold(text) for text in index.alias_text]
        known = frozenset(folded_aliases)
        places = _places_by_name(index, folded_aliases)
        self._place_names = frozenset(places)
        for alias_id, text in enumerate(index.alias_text):
            if "," in text and _names_two_places(text, index.alias_entity[alias_id], places):
                continue
            # Titles stay out of people's spans: "Ayatollah Ali Khamenei" is scanned as "ali
            # khamenei". Other names keep theirs but "the" ("Sheikh Jarrah" is a
            # neighbourhood, "General Intelligence Directorate" a service), and "The
            # National" must not swallow "the National Press Club"; but a place whose very
            # name opens with "The" keeps it ("The Hague" is not William Hague).
            entity = index.entities[index.alias_entity[alias_id]]
            folded = self._scanned_form(folded_aliases[alias_id], entity)
            if len(folded) < 2:
                continue
            if ("'" in text or "’" in text) and _POSSESSIVE_IN_NAME.search(text):
                # A possessive inside a name, scanned as scan_many folds the text:
                # "Execution of Imam Khomeini's Order", "People's Protection Units"; not
                # "Beirut's southern suburbs" (a description) or "Iran's Supreme National
                # Security Council" (two names).
                owner = _OWNER.match(text)
                if owner is None or fold(owner.group(1)) not in known:
                    spaced = self._scanned_form(fold(_APOSTROPHE_S.sub(" ", text)), entity)
                    patterns.setdefault(spaced, _Pattern(False, ()))
            if ("'" in text or "’" in text) and _ELIDED_APOSTROPHE.search(text):
                # "Afrique de l'Ouest", scanned as scan_many folds the text: "afrique de l ouest".
                patterns.setdefault(self._scanned_form(fold(_ELIDED_APOSTROPHE.sub(" ", text)), entity), _Pattern(False, ()))
            acronym = bool(_ACRONYM.match(text)) and sum(c.isalpha() for c in text) <= 6
            words = folded.split(" ")
            # A particle need not be capitalised as the alias writes it: "Madina at Tauheed wau
            # Mujahedeen" is the list's "... Wau Mujahedeen".
            capitals = tuple(c and w not in _PARTICLE_WORDS for c, w in zip(_capitals(text)[-len(words) :], words, strict=False))
            if len(words) >= 3 and words[0] in ROMANCE_ORG_HEADS:
                # French and Spanish write a body's name in sentence case: "Groupe islamique
                # armé" is the list's "Groupe Islamique Armé".
                capitals = capitals[:1] + (False,) * (len(capitals) - 1)
            proper, _, last = folded.rpartition(" ")
            if entity.type == "LOC" and len(capitals) >= 2 and (last in _FEATURE_NOUNS or (last in _LEVEL_NOUNS and proper not in known)):
                # "the Syrian desert", "the Qandil mountains", "the Lake Chad basin": a feature
                # of the land is written in lowercase after its proper name as often as not;
                # so is a level after a word that names nothing alone ("the Somali region",
                # "Kachin state": a demonym, a people's name).
                capitals = (*capitals[:-1], False)
            if entity.type == "ORG" and entity.name.startswith("The ") and text.startswith("The ") and folded_aliases[alias_id] != folded:
                with_the.add(folded)
            previous = patterns.get(folded)
            comma = "," in text or (previous is not None and previous.comma)
            if previous is not None:
                # An alias that is an acronym somewhere must be written in capitals everywhere;
                # a word is required in capitals only if every alias writes it so.
                acronym = acronym or previous.acronym
                if len(previous.capitals) == len(capitals):
                    capitals = tuple(a and b for a, b in zip(previous.capitals, capitals, strict=True))
            patterns[folded] = _Pattern(acronym, capitals, comma)
            if entity.type == "PER" and index.alias_strong[alias_id]:
                for partial in _partial_surfaces(text):
                    patterns.setdefault(partial, _Pattern(False, ()))
        self._memo: dict[str, tuple[list[tuple[int, int, bool, str]], list[tuple[int, int]]]] = {}
        self._accepted: dict[tuple[int, str], bool] = {}
        self._patterns = list(patterns)
        self._flags = [patterns[p] for p in self._patterns]
        self._pattern_of = {p: i for i, p in enumerate(self._patterns)}
        self._with_the = frozenset(self._pattern_of[form] for form in with_the)
        #: Aliases that end with an abbreviation's dot ("Alexandria, Va.", "Calif."): the dot
        #: is part of their spans, though folding drops it.
        self._dotted: dict[int, set[str]] = {}
        #: Patterns an alias of which is written with a stop inside ("Eng. Ismail Haniyeh").
        self._stopped: set[int] = set()
        for form, text in zip(folded_aliases, index.alias_text, strict=True):
            if form not in self._pattern_of:
                continue
            if _ABBREVIATION_END.search(text):
                self._dotted.setdefault(self._pattern_of[form], set()).add(text)
            if _ACROSS_SENTENCES.search(text):
                self._stopped.add(self._pattern_of[form])
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    def __len__(self) -> int:
        return len(self._patterns)

    def _scanned_form(self, folded: str, entity: Entity) -> str:
        """An alias as the scan looks for it: people's without their titles, other names
        without a leading "the" unless their very name opens with it ("The Hague")."""
        if entity.type == "PER":
            first = folded.split(" ", 1)[0]
            if first in _NAME_LIKE_TITLES and fold(entity.name).split(" ", 1)[0] == first:
                # "Sayyid Qutb", "Sheikh Hasina", "Imam Samudra": an honorific that the
                # person's very name opens with is part of it (not so "Mullah Omar").
                return folded
            plain = self._without_titles(folded)
            if " " not in plain and plain != folded and token_key(plain) not in map(token_key, fold(entity.name).split()):
                return folded  # a nom de guerre with its honorific: "Hajj Radwan" is Mughniyeh, "Radwan" his force
            return plain
        if entity.type == "LOC" and entity.name.startswith("The "):
            return folded
        return folded.removeprefix("the ")

    def _without_titles(self, folded: str) -> str:
        words = folded.split()
        changed = True
        while changed and len(words) > 1:
            changed = False
            for title in self._titles_by_first.get(words[0], ()):
                if len(title) < len(words) and tuple(words[: len(title)]) == title:
                    words = words[len(title) :]
                    changed = True
                    break
        return " ".join(words)

    def scan(self, text: str) -> list[Span]:
        """Gazetteer spans in ``text`` (leftmost-longest, at word boundaries)."""
        return self.scan_many([text])[0]

    def scan_many(self, texts: list[str]) -> list[list[Span]]:
        """:meth:`scan` of each text, done as one pass over all of them."""
        prepared = [_apostrophes_apart(t) if "'" in t or "’" in t or "‘" in t or "`" in t else t for t in texts]
        folded, offsets = fold_joined(prepared)
        haystack = folded.text
        found = self._automaton.find_matches_as_indexes(haystack)
        out: list[list[Span]] = [[] for _ in texts]
        if not found:
            return out
        # Boundaries and offsets of all hits at once; Python only sees the hits that count.
        hits = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=3 * len(found)).reshape(-1, 3)
        starts, ends = hits[:, 1], hits[:, 2]
        if haystack.isascii():  # the usual case: a quarter of the bytes to encode and compare
            codes = np.frombuffer(haystack.encode("ascii"), dtype=np.uint8)
        else:
            codes = np.frombuffer(haystack.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        blank = np.append((codes == 32) | (codes == BOUNDARY_CODE), True)  # index -1 and size: edges
        whole = blank[starts - 1] & blank[np.minimum(ends, len(haystack))]
        positions = folded.positions
        o_starts = positions[starts[whole]]
        text_offsets = np.array(offsets, dtype=np.int64)
        documents = np.searchsorted(text_offsets, o_starts, side="right") - 1
        bases = text_offsets[documents]
        rows = zip(
            documents.tolist(),
            hits[whole, 0].tolist(),
            (o_starts - bases).tolist(),
            (positions[ends[whole] - 1] + 1 - bases).tolist(),
            starts[whole].tolist(),
            bases.tolist(),
            strict=True,
        )
        accepted_memo = self._accepted
        for document, pattern, start, end, folded_start, base in rows:
            text = texts[document]
            if text.startswith(".", end):
                end = end + 1 if pattern in self._dotted else _extend_initialism(text, end)
            surface = text[start:end]
            if surface[0] in _OPENING_QUOTES:
                start, surface = _unquoted(text, start, end, surface)
            if "(" in surface and text.startswith(")", end) and surface.count("(") > surface.count(")"):
                # Folding drops the closing bracket of an alias written with one ("NSCN (IM)").
                end += 1
                surface = text[start:end]
            key = (pattern, surface)
            accepted = accepted_memo.get(key)
            if accepted is None:
                # An abbreviation written as its alias is ("Fla.", though "FLA" is an acronym).
                accepted = (surface in self._dotted.get(pattern, ()) or self._accepts(pattern, surface)) and not _quote_inside(surface)
                bounded(accepted_memo)[key] = accepted
            if accepted:
                if pattern in self._with_the and text.startswith("The ", start - 4) and not _NEXT_CAPITAL.match(text, end):
                    start, surface = start - 4, text[start - 4 : end]
                out[document].append(_tuple_new(Span, (start, end, surface, True, False)))
                continue
            # The longest alias is not written as it requires ("Deir ez-Zor province" for
            # "Deir ez-Zor Province"): a shorter one at the same start may be ("Deir ez-Zor").
            pattern_text = self._patterns[pattern]
            cut = pattern_text.rfind(" ")
            while cut > 0:
                shorter = self._pattern_of.get(pattern_text[:cut])
                if shorter is not None:
                    end = int(positions[folded_start + cut - 1]) + 1 - base
                    surface = text[start:end]
                    if self._accepts(shorter, surface):
                        out[document].append(_tuple_new(Span, (start, end, surface, True, False)))
                        break
                cut = pattern_text.rfind(" ", 0, cut)
        return out

    def _accepts(self, pattern: int, surface: str) -> bool:
        """Whether ``surface`` is written as the pattern's aliases require (capitals, acronyms)."""
        flags = self._flags[pattern]
        if "," in surface and not flags.comma:
            return False
        if (")" in surface or "(" in surface) and surface.count("(") != surface.count(")"):
            return False  # "Gulf Cooperation Council (GCC) states": folding drops the bracket a name does not cross
        if "\n" in surface and _ACROSS_PARAGRAPHS.search(surface):
            return False  # "Niger.\n\nState news agency ...": one sentence's end, the next's start
        if ". " in surface and pattern not in self._stopped and _ACROSS_SENTENCES.search(surface):
            return False
        if flags.acronym:
            return _is_acronym_surface(surface)
        return _is_capitalised(surface) and _capitals_agree(flags.capitals, surface)

    def shapes(self, text: str, known: Sequence[Span] = ()) -> tuple[list[Span], list[tuple[int, int]]]:
        """Capitalised name-shaped spans in ``text``, and the title phrases cut out of them.

        A title inside a shape splits it: "Iran Supreme Leader Ayatollah Ali Khamenei"
        gives "Iran" and "Ali Khamenei"; "the" at the start and a possessive are cut off.
        A capitalised run inside one of the ``known`` spans (:meth:`scan`'s, in order) is
        left out: the known name stands for it (and no title is cut out of a known name).
        """
        spans: list[Span] = []
        titles: list[tuple[int, int]] = []
        # Inverted names are merged in by start (before a run's piece of the same start),
        # and a run that starts inside one is part of it.
        upcoming = [span for span in _inverted_spans(text) if not self._comma_inverts_no_name(text, span[0])]
        if ("Name:" in text or "Name 6:" in text) and (numbered := _numbered_spans(text)):
            inside = [span for span in upcoming if any(a < span[1] and span[0] < b for a, b in numbered)]
            upcoming = sorted(set(upcoming).difference(inside).union(numbered))
        upcoming.reverse()
        next_inverted = upcoming[-1][0] if upcoming else len(text)
        inverted_end = 0
        memo = self._memo
        k, count = 0, len(known)
        previous = None
        for match in _SEQUENCE_FAST.finditer(text):
            base = match.start()
            if text[base - 3 : base] in _PARTICLE_TAILS:
                base = _particle_start(text, base, previous.end() if previous is not None else 0)
            previous = match
            if (text[base] in "LD" and text[base + 1 : base + 2] in _ELISION_MARKS) or text[base : base + 3] in _QU_ELIDED:
                base = _after_elided_article(text, base, match.end())
                if base < 0:
                    continue
            if base >= next_inverted:
                inverted_end, next_inverted = _take_inverted(text, upcoming, base, spans)
            if base < inverted_end:
                continue
            while k < count and known[k].end <= base:
                k += 1
            if k < count and known[k].start <= base and known[k].end >= match.end():
                continue  # the commonest run: a known name, written as the gazetteer has it
            if text[base - 4 : base] == "the " and _TITLE_OF_THE.search(text, max(0, base - 40), base):
                # "Deputy Secretary of the Treasury Wally Adeyemo": the office ends the title.
                office = _office_words_end(text, base, match.end())
                if office:
                    titles.append((base, base + office))
                    base = _skip_spaces(text, base + office, match.end())
                    if base >= match.end():
                        continue
            end = match.end()
            if (text.startswith(" quality", end) or text.startswith(":", end)) and _field_label_at_end(text, base, end):
                # "... AL-ZAWAHIRI Low quality a.k.a.", "Abu Sufyan Nationality: Saudi Arabia":
                # the UN list's label after a name.
                end = text.rfind(" ", base, end)
                if end <= base:
                    continue
            if text.endswith(_UNIT_WORDS, base, end) and (number := _UNIT_NUMBER.search(text, max(0, base - 8), base)):
                base = number.start()  # "6th Infantry Division", "444 Brigade": the number is the unit's name
            title = self._abbreviated_title_at_end(text, base, end)
            if title >= 0:
                # "in July Brig. Gen. Kevin Bergner": an abbreviated title's dot ended the run.
                titles.append((title, end))
                end = title - 1
            runs = [(base, end)]
            legal = _LEGAL_FORM_THEN_WORD.search(text, base, end)
            if legal is not None:
                # "Bari Star General Trading L.L.C. Aw-Abdi has ...": a company's legal form
                # ends its name, and the abbreviation's dot ended the sentence.
                runs = [(base, legal.end(1)), (legal.end(), end)]
            for base, end in runs:
                if text[base] in _QUANTITY_INITIALS and (quantity := _QUANTITY_OF.match(text, base, end)):
                    base = quantity.end()  # "One of Atta's friends", "Most of Syria": the name after "of"
                run = text[base:end]
                pieces, cut = memo.get(run) or self._pieces(run)
                if cut and cut[0][0] == 0 and len(cut) == 1 and len(pieces) == 1 and place_noun_after(text, end):
                    # "the Sheikh Radwan neighbourhood": a title that opens the name of a
                    # place is part of that name.
                    pieces, cut = [(0, len(run), False, run)], []
                if cut:
                    titles.extend((base + a, base + b) for a, b in cut)
                if run.startswith("In ") and pieces and pieces[0][0] == 3 and _LOWERCASE_WORD_BEFORE.search(text, max(0, base - 30), base):
                    # "near In Guezzam", "to In Salah": "In" in mid-sentence opens a Saharan
                    # place's name (Tamasheq "in", the place of), not a sentence.
                    pieces = [(0, pieces[0][1], pieces[0][2], run[: pieces[0][1]]), *pieces[1:]]
                for start, stop, modifier, surface in pieces:
                    start += base
                    if surface[0] in _OPENING_QUOTES:
                        start, surface = _unquoted(text, start, base + stop, surface)
                    if start >= next_inverted:
                        inverted_end, next_inverted = _take_inverted(text, upcoming, start, spans)
                    spans.append(_tuple_new(Span, (start, base + stop, surface, False, modifier)))
        if upcoming:
            _take_inverted(text, upcoming, len(text), spans)
        return spans, titles

    def _abbreviated_title_at_end(self, text: str, start: int, end: int) -> int:
        """Where the title that ends a run starts when its last word is abbreviated ("Brig.",
        "Rear Adm.") before a capitalised word and other words open the run; -1 otherwise."""
        last = text.rfind(" ", start, end) + 1
        if last <= start or end - last > 4 or text[end : end + 2] != ". " or not text[end + 2 : end + 3].isupper():
            return -1
        words = text[start:end].split(" ")
        folded = tuple(map(_fold_word, words))
        for count in range(len(words), 0, -1):
            if folded[-count:] in self._titles_by_first.get(folded[-count], ()):
                # A run that is all title ("Rear Adm") is left to the titles' own rules.
                return end - len(" ".join(words[-count:])) if count < len(words) else -1
        return -1

    def _comma_inverts_no_name(self, text: str, start: int) -> bool:
        """Whether a "SURNAME, Given" match is no name: its capitals are an acronym (known,
        defined in the document, or after "the"), or a dateline's place before a month or its
        state: "According to the NIA, Kasuri ..." is an agency and a person, not Kasuri NIA;
        "TRIPOLI, May 13" is a place and a date, "ALEXANDRIA, Va." a city and its state."""
        comma = text.index(",", start)
        if _MONTH_AFTER_COMMA.match(text, comma) or _ROLE_AFTER_COMMA.match(text, comma):
            return True
        state = _WORD_AFTER_COMMA.match(text, comma)
        if state is not None and (fold(state.group(1)) in self._place_names or fold(state.group(0)[2:]) in self._place_names):
            return True  # "ALEXANDRIA, Va. —", "HOUSTON, Texas": a dateline's place and its state
        capitals = text[start:comma]
        if not ORG_WORDS.isdisjoint(fold(capitals).split()):
            return True  # a company's entry and its address: "ARDENT SHIPPING LTD, Trust Company Complex"
        if fold(capitals).rsplit(" ", 1)[-1] in _PLACE_HEADS:
            return True  # a dateline's city and its province: "CATBALOGAN CITY, Samar —"
        if f"({capitals})" in text or text[max(0, start - 4) : start] == "the " or self.office_before(text, start) is not None:
            # An acronym the document defines ("According to MHA, Irfan ..."), or a body's
            # after "the" or an office ("the last emir of the IK, Magomed Suleimanov", "The
            # Director of AIB, Jean Ouedraogo", "the state secretary of MACBAN, Ibrahim Yusuf
            # Babayo"): no surname.
            return True
        pattern = self._pattern_of.get(fold(capitals))
        return pattern is not None and self._flags[pattern].acronym

    def office_before(self, text: str, start: int) -> str | None:
        """The one-word title (folded) that ends right before ``start`` with "of" or "of the"
        ("Director of "): the name after it is the office's body or place, no person."""
        office = _TITLE_OF_BEFORE.search(text, max(0, start - 40), start)
        if office is None:
            return None
        word = _fold_word(office.group(1))
        return word if (word,) in self._titles_by_first.get(word, ()) else None

    def _pieces(self, chunk: str) -> tuple[list[tuple[int, int, bool, str]], list[tuple[int, int]]]:
        """The name pieces of one capitalised run (start, end, modifier?, surface) and the
        titles cut out of it (offsets in ``chunk``).

        Depends on the run's text alone, so each distinct run is worked out once (the
        caller looks in ``self._memo`` first).
        """
        start = _skip_stop_words(chunk, 0, len(chunk))
        spans, cut = [], []
        for a, b in _dash_apart(chunk, start, len(chunk)) if " - " in chunk else [(start, len(chunk))]:
            more, more_cut = self._split(chunk, a, b)
            spans += more
            cut += more_cut
        if "'s " in chunk or "’s " in chunk:
            spans = [piece for a, b in spans for piece in _owner_apart(chunk, a, b, self._place_names)]
        pieces = []
        for a, b in spans:
            modifier = bool(cut) and any(a < c and b <= c for c, _ in cut)
            a, b = _trim_possessive(chunk, a, b)
            while chunk.endswith(_SHOUTED_ENDS, a, b) and not any(map(str.islower, chunk[a:b])):
                b = chunk.rfind(" ", a, b)  # "GOVERNMENT OF", "SETBACKS IN": a heading's words, no name's end
            if 2 <= b - a <= MAX_NAME_LENGTH and len(chunk[a:b].split()) <= MAX_NAME_WORDS:
                pieces.append((a, b, modifier, chunk[a:b]))
        if len(chunk) <= MAX_NAME_LENGTH:  # a long run is rare, and would make the memo's size unbounded
            bounded(self._memo)[chunk] = (pieces, cut)
        return pieces, cut

    def _split(self, text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        area = _LOCAL_GOVERNMENT_AREA.search(text, start, end)
        if area is not None and area.start() > start:
            # "Jere Local Government Area of Borno State": a Nigerian district (Jere), then
            # the state it is in; the words between name neither.
            before, cut_before = self._split(text, start, area.start())
            after, cut_after = self._split(text, _skip_stop_words(text, area.end(), end), end) if area.end() < end else ([], [])
            return before + after, cut_before + cut_after
        # Hyphens split words for titles ("Secretary-General Hasan Nasrallah").
        words = _TITLE_WORD.findall(text, start, end)
        if not words:
            return [], []
        if (
            self._titles_by_first.keys().isdisjoint(map(_fold_word, words))
            or (len(words) > 1 and words[-1].lower() in _HOLDERS_BODIES and words[-2].endswith(("'s", "’s")))
            or (len(words) > 2 and _fold_word(words[0]) == "general" and _fold_word(words[-1]) in ORG_WORDS)
            or self._general_of_body(list(map(_fold_word, words)))
        ):
            # "the Attorney General's Office": a body that its holder's title names; "General
            # Administration Department": "General" opens a body's name, no rank before a person's.
            # Most runs: no title to cut, one piece from the first word to the last (words
            # hold no separator, so find and rfind meet the first and the last one).
            return [(text.find(words[0], start), text.rfind(words[-1], start, end) + len(words[-1]))], []
        return self._cut_titles(text, [w.span() for w in _TITLE_WORD.finditer(text, start, end)])

    def _general_of_body(self, folded: list[str]) -> bool:
        """Whether "General" inside a run, after words that are no title, is a body's word:
        "Tunisian General Labour Union", "Syrian General Federation of Workers"; not "Major
        General Qassem Soleimani" or "Chief of the General Staff", ranks and offices."""
        if "general" not in folded[1:-1]:
            return False
        at = folded.index("general", 1)
        after = folded[at + 1]
        return self._titles_by_first.keys().isdisjoint(folded[:at]) and (
            after in ORG_WORDS or (after in OFFICE_WORDS and folded[-1] in ORG_WORDS)
        )

    def _may_open_a_name(self, word: str) -> bool:
        """Whether a folded word may be a given name: no title ("Emir") or place's name, and
        no common word unless a frequent English given name ("Malcolm")."""
        return word not in self._titles_by_first and word not in self._place_names and (word not in common_words() or word in english_given_names())

    def _cut_titles(self, text: str, words: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The pieces between the titles of a run's words (their offsets), and the titles."""
        folded = [_fold_word(text[a:b]) for a, b in words]
        pieces: list[tuple[int, int]] = []
        cut: list[tuple[int, int]] = []
        segment = 0
        i = 0
        while i < len(words):
            length = n = 0
            word = folded[i]
            if word in _PLURAL_TITLES and text[words[i][1] - 2 : words[i][1] - 1] not in _APOSTROPHES:
                word = word[:-1]  # "Assistant U.S. Attorneys Daniel Collins and Sarah Streicker" (not "Attorney's")
            for title in () if i and folded[i - 1] in OFFICE_LINKS else self._titles_by_first.get(word, ()):
                n = len(title)
                if i + n < len(words) and (word, *folded[i + 1 : i + n]) == title:
                    length = _office_length(folded, i, n)
                    if i > segment and length > n and i + length == len(words):
                        # "Commonwealth Director of Public Prosecutions": an office that its
                        # owner's name opens, no name after it, is a body.
                        length = 0
                    break
            if (
                length == 0
                or (
                    (i == 0 or text[words[i - 1][1] - 2 : words[i - 1][1]] in ("'s", "’s"))
                    and (folded[-1] in NAMED_AFTER_HEADS or (i + length < len(folded) and folded[i + length] in NAMED_AFTER_HEADS))
                )
                or folded[-1] in _COMPANY_HEADS
                or (i + n < len(folded) and folded[i + n] in ORG_WORDS)
                or (i + length == len(folded) - 1 and folded[-1] in _TITLED_BODY_HEADS)
                or (i and (folded[i - 1] in GROUP_OPENERS or folded[i - 1] in ROMANCE_ORG_HEADS))
                or (i > 1 and folded[i - 2] in GROUP_OPENERS and folded[i - 1] in name_tables().articles)
                or (
                    i == segment + 1
                    and length == 1
                    and folded[i] in _NAME_PART_TITLES
                    and len(words) > i + 1
                    and self._may_open_a_name(folded[segment])
                )
            ):
                # "Imam Ali Mosque", "General Directorate of Intelligence", "Iraq's General
                # Directorate for Survivors' Affairs": a title that opens the name of a place
                # or an institution, or its owner's, is part of that name, and so is any in
                # a company's ("AL-JABRI GENERAL TRADING COMPANY") or right before a body's
                # word ("Peshmerga General Command", "Imams Association of Kenya") or before a
                # body's head noun alone ("the Justice Ministry") or after the word that
                # opens a group's ("Katibat Imam Ali", "Katibat al-Imam al-Bukhari") or a
                # Romance-language institution's ("Comisaría General"); and an honorific
                # that Somali and Sahelian names carry between a given name and the
                # father's ("Hassan Sheikh Mohamud", "Ibrahim Malam Dicko").
                i += 1
                continue
            first = i
            while first > segment and folded[first - 1] in TITLE_MODIFIERS:
                first -= 1  # "Deputy County Commissioner", "Senior Superintendent of Police"
            if first > segment:
                pieces.append((words[segment][0], words[first - 1][1]))
            cut.append((words[first][0], words[i + length - 1][1]))
            i += length
            if i < len(words) and folded[i] == "of":
                # "Commander of JTF Orion": the body a title is of is named without "of" (a
                # name after "for" keeps it: "Envoy for Yemen Hans Grundberg" is two names).
                i += 2 if i + 1 < len(words) and folded[i + 1] == "the" else 1
            segment = i
        if segment < len(words):
            pieces.append((words[segment][0], words[-1][1]))
        return pieces, cut


#: Honorifics that names carry as a part of their own between a given name and the
#: father's (Somali "Sheikh", "Haji", "Xaaji"; Hausa and Fulani "Malam"), and the cardinal's
#: rank that Sri Lankan and Indian usage writes there ("Malcolm Cardinal Ranjith").
_NAME_PART_TITLES = frozenset(["sheikh", "sheekh", "shaykh", "shaikh", "haji", "hajji", "xaaji", "malam", "mallam", "cardinal"])
#: Honorifics that are also names, which a person's own name may open with (Bengali "Sheikh",
#: the Sayyid of Egyptian and Iraqi given names, a nom de guerre's "Imam" or "Haji").
_NAME_LIKE_TITLES = _NAME_PART_TITLES | {"sayyid", "sayed", "sayyed", "seyyid", "seyed", "seyyed", "syed", "imam"}
#: Head nouns of bodies that a title can open, written after it alone: "Justice Ministry",
#: "Justice Department".
_TITLED_BODY_HEADS = frozenset(["ministry", "department", "office", "bureau", "directorate", "committee", "commission", "council", "court", "agency", "secretariat", "service"])
#: The bodies that an office holder's possessive names: "the Attorney General's Office".
_HOLDERS_BODIES = frozenset(["office", "bureau", "secretariat", "chambers"])
#: The words after the name of a Nigerian district, and "of" before its state.
_LOCAL_GOVERNMENT_AREA = re.compile(r" Local Government(?: Area)?\b(?: of\b)?| LGA\b(?: of\b)?")
OFFICE_LINKS = frozenset(["of", "for", "the", "and"])
#: Words that make another title of a title after them: "Deputy County Commissioner Peter
#: Ochieng", "Senior Superintendent Ali", "Acting Director Ahmed". Not "State", "National" or
#: "Army", which end the names of bodies before their officers' titles ("Islamic State
#: Commander", "Free Syrian Army Commander").
TITLE_MODIFIERS = frozenset(
    ["deputy", "assistant", "associate", "acting", "interim", "senior", "chief", "high", "regional", "county", "district", "provincial",
     "divisional", "police", "co", "vice", "additional", "joint", "principal", "special", "executive", "managing", "former"]
)
#: The words of the offices that ministers, secretaries and envoys hold.
OFFICE_WORDS = frozenset(["state", "foreign", "affairs", "interior", "home", "defense", "defence", "justice", "finance", "economy", "economic", "trade", "commerce", "industry", "energy", "oil", "petroleum", "gas", "information", "communications", "education", "higher", "labour", "labor", "agriculture", "security", "national", "homeland", "public", "works", "transport", "transportation", "development", "planning", "international", "cooperation", "humanitarian", "counterterrorism", "terrorism", "financial", "intelligence", "human", "rights", "political", "military", "legal", "religious", "endowments", "awqaf", "islamic", "culture", "tourism", "water", "electricity", "housing", "displacement", "migration", "refugees", "women", "youth", "sports", "environment", "treasury", "revenue", "customs", "immigration", "police", "staff", "operations", "research", "science", "technology", "relations", "presidency", "general", "administration", "management", "arms", "control", "nonproliferation", "disarmament", "prosecutions", "peace", "peacekeeping", "civil", "social", "welfare", "solidarity", "health", "local", "government", "municipal", "municipalities", "reconstruction", "martyrs", "veterans", "diaspora", "expatriates", "emigrants", "strategic", "policy", "territorial", "decentralisation", "decentralization", "mines", "communication", "employment", "livestock", "fisheries"])


def _office_length(folded: list[str], start: int, length: int) -> int:
    """The words of a title at ``start`` (``length`` words) with the office it holds:
    "Minister of Foreign Affairs", "Minister of State for Foreign Affairs", the words of
    offices after "of" or "for" up to the first that is not one ("President of Iran" keeps
    Iran, "Special Envoy for Yemen Hans Grundberg" Yemen and the name)."""
    end = start + length
    if end == len(folded) or folded[end] not in ("of", "for"):
        return length
    stop = end
    while stop < len(folded) and (folded[stop] in OFFICE_LINKS or folded[stop] in OFFICE_WORDS):
        stop += 1
    while stop > end and folded[stop - 1] in OFFICE_LINKS:
        stop -= 1
    return stop - start if stop > end else length


#: A word and "of" right before a name: when the word is a title, the name is the
#: body or the place of the office ("Commander of JTF Orion", "Governor of Kapisa").
_TITLE_OF_BEFORE = re.compile(r"\b([A-Za-z][a-z]+) of (?:the )?\Z")


#: A title and "of the" before an office: "Secretary of the Treasury", "Minister of the Interior".
_TITLE_OF_THE = re.compile(r"\b(?:Secretary|Minister|Undersecretary|Under Secretary|Chancellor|Commissioner)\s+of\s+the\s+\Z")
_OFFICE_WORD = re.compile(r"[A-Za-z]+")


def _office_words_end(text: str, start: int, end: int) -> int:
    """The length of the office words that open ``text[start:end]`` ("Treasury", "Interior"),
    0 when the first word is no office word."""
    position = start
    while (word := _OFFICE_WORD.match(text, position, end)) is not None and word.group().lower() in OFFICE_WORDS:
        position = _skip_spaces(text, word.end(), end)
    return len(text[start:position].rstrip())


_ELISION_MARKS = frozenset("'’")
#: "que" elided before a word, opening a sentence.
_QU_ELIDED = frozenset(["Qu'", "Qu’"])


def _after_elided_article(text: str, start: int, end: int) -> int:
    """Where a run that opens with an elided French article (at ``start``, up to ``end``)
    starts its name, or -1 when none is left: "L'attaque", "D'après" open a sentence with an
    article and a word, no name; in "L'Est", "L'Etat islamique" the name follows "L'". A
    capital after "D'" is a name's ("D'Alema", "D'Souza"); after "Qu'" it is the name's own
    ("Qu'Ayaba soit en prison")."""
    article = 3 if text[start] == "Q" else 2
    after = text[start + article : start + article + 1]
    if after.islower():
        space = text.find(" ", start, end)
        return -1 if space < 0 else space + 1
    return start + article if text[start] in "LQ" and after.isupper() else start


def _skip_spaces(text: str, start: int, end: int) -> int:
    while start < end and text[start] == " ":
        start += 1
    return start


#: One word after a dateline's comma, then a dash, an agency's bracket or the line's end:
#: "HOUSTON, Texas —", "TIKRIT, Salahuddin (Reuters)"; not a list entry's "(a.k.a." or ";".
_WORD_AFTER_COMMA = re.compile(r", ([A-Z][a-z]+)\.?(?= *(?:[—–:,-]|\((?=[A-Z])|$))", re.MULTILINE)
#: A role after a name and its comma, which inverts no name: a party's in a court caption
#: ("ELIJAH MARCUS THORNE, Defendant-Appellant."), a reporter's with the outlet in a byline
#: ("By NADIA RASHEED, Associated Press Writer").
_ROLE_AFTER_COMMA = re.compile(
    r", (?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Claimants?"
    r"|(?:[A-Z][\w.&-]* ){1,4}(?:Writers?|Correspondents?|Reporters?|Editors?)(?![\w-]))"
)
#: A month after a dateline's comma: "TRIPOLI, May 13", "KABUL, Sept. 2".
_MONTH_AFTER_COMMA = re.compile(
    r", (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d"
)
#: A company's abbreviated legal form, then a capitalised word that opens the next sentence.
_LEGAL_FORM_THEN_WORD = re.compile(r"\b(L\.L\.C\.|LLC\.|Ltd\.|Inc\.|Co\.|Corp\.|S\.A\.L\.|FZE\.|FZCO\.|GmbH\.) (?=[A-Z])")
#: The last words of companies' names.
_COMPANY_HEADS = frozenset(["company", "co", "trading", "llc", "ltd", "limited", "corporation", "corp", "establishment", "holding", "holdings", "inc", "fze", "fzco"])


def _inverted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_INVERTED.finditer(text)``, searched for only from near the commas
    that such a name holds, not across all the text between them.

    The next match from ``position`` holds a comma at or after the first such comma ``c``,
    and starts at most _INVERTED_REACH before its own comma: no match starts between
    ``position`` and ``c - _INVERTED_REACH``, so a search from there finds the same one.
    """
    spans = []
    position = 0
    while (comma := _INVERTED_COMMA.search(text, position)) is not None:
        found = _INVERTED.search(text, max(position, comma.start() - _INVERTED_REACH))
        if found is None:
            break
        spans.append(found.span())
        position = found.end()
    return spans


#: The UN list's numbered name fields: "Name: 1: AYMAN 2: MUHAMMED RABI 3: AL-ZAWAHIRI 4: na",
#: up to the end of the line or the next field.
_NUMBERED_NAME = re.compile(
    r"\bName: *1: *(?P<parts>[^\n:]*?(?: \d: *[^\n:]*?)*)"
    r"(?= *(?:\n|$|Name \(original script\)|Title:|Designation:|DOB:|Date of birth:|Good quality|A\.k\.a|Listed on:))"
    # The UK list's "Name 6: SURNAME 1: GIVEN 2: GIVEN 3: n/a 4: n/a 5: n/a.", surname first.
    r"|\bName 6: *(?P<surname_first>[^\n:]*? 1: *[^\n:]*?(?: \d: *[^\n:]*?)*)(?=\.?(?:\n|$| Title:| DOB:))"
)
#: A part number of those fields with the empty ("na") parts after it.
_PART_NUMBER = re.compile(r" +\d: *(?:na(?: +\d: *|$))*")
#: The empty parts that end a numbered name ("4: na", the UK list's "4: n/a").
_EMPTY_PARTS = re.compile(r"(?: +\d: *n/?a)+ *$")


#: The labels of sanctions-list fields that may follow a name on its line.
_FIELD_LABELS = frozenset(
    ["Good", "Low", "Nationality", "Title", "Designation", "Address", "Passport", "Listed", "Name", "Gender", "Citizenship", "DOB", "POB"]
)


def _field_label_at_end(text: str, start: int, end: int) -> bool:
    """Whether the last word of ``text[start:end]`` is a field label (see ``_FIELD_LABELS``)."""
    space = text.rfind(" ", start, end)
    return space != -1 and text[space + 1 : end] in _FIELD_LABELS


def without_part_numbers(surface: str) -> str:
    """A name of the UN list's numbered fields without the numbers: "AYMAN 2: MUHAMMED RABI
    3: AL-ZAWAHIRI" -> "AYMAN MUHAMMED RABI AL-ZAWAHIRI", and of the UK list's, surname
    first, in the order of the name: "AL-SAEDI 1: HAIDER 2: KADHIM" -> "HAIDER KADHIM
    AL-SAEDI"; any other name as it is."""
    if ": " not in surface:
        return surface
    surname, one, given = surface.partition(" 1: ")
    if one:
        return f"{_PART_NUMBER.sub(' ', given).strip()} {surname}"
    return _PART_NUMBER.sub(" ", surface).strip()


def _numbered_spans(text: str) -> list[tuple[int, int]]:
    """The names of the UN list's numbered name fields, from the first part to the last
    one given (the empty "na" parts after it left out)."""
    spans = []
    for match in _NUMBERED_NAME.finditer(text):
        group = "parts" if match.group("parts") is not None else "surname_first"
        parts = _EMPTY_PARTS.sub("", match.group(group))
        if parts and parts != "na" and parts[0].isupper():
            spans.append((match.start(group), match.start(group) + len(parts)))
    return spans


def _take_inverted(text: str, upcoming: list[tuple[int, int]], position: int, spans: list[Span]) -> tuple[int, int]:
    """Move the inverted names that start at or before ``position`` from ``upcoming`` (nearest
    last) to ``spans``; return the end of the last one moved and the start of the next."""
    end = 0
    while upcoming and upcoming[-1][0] <= position:
        start, end = upcoming.pop()
        spans.append(Span(start, end, text[start:end], False))
    return end, upcoming[-1][0] if upcoming else len(text)


#: Capitalised function words that open a sentence before a name ("And Hamza", "By Leila",
#: the Portuguese article of "O Ruanda"), and the field labels of sanctions-list entries
#: ("POB Hackensack", "DOB 1980").
LEADING_STOP = frozenset(
    ["a", "an", "and", "as", "at", "o", "os", "because", "but", "by", "for", "from", "if", "in", "of", "on", "or", "since", "so", "that", "the", "then", "these", "this", "those", "though", "to", "under", "until", "when", "where", "whereas", "while", "with", "within", "without", "after", "before", "during", "unlike", "like", "although", "despite", "meanwhile", "however", "yet", "also", "even", "only", "both", "neither", "either", "whether", "including", "against", "about", "among", "amid", "around", "via", "per", "plus", "whose", "which", "what", "who", "why", "how", "is", "was", "were", "are", "has", "had", "have", "did", "does", "says", "asked", "told", "according", "later", "earlier", "yesterday", "today", "tonight", "now", "instead", "afterwards", "afterward", "recently", "separately", "previously", "currently", "again", "finally", "eventually", "initially", "subsequently", "thus", "therefore", "hence", "indeed", "still", "last", "next", "once", "there", "here", "not", "nor", "every", "each", "some", "many", "most", "several", "few", "all", "other", "another", "such", "no", "pob", "dob", "aka", "nee", "following", "throughout", "toward", "towards", "upon", "across", "along", "alongside", "amongst", "behind", "former", "inside", "outside", "regarding", "concerning", "considering", "unless", "whilst", "onto", "versus", "except",
     # Spanish "according to", which opens a sentence before a body's name ("Según la Fiscalía")
     "segun", "según",
     # pronouns ("His New Democratic Army-Kachin") and days ("on Monday of Abdulghani Kikli")
     "his", "her", "its", "their", "our", "my", "your",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_LOWERCASE_ARTICLES = frozenset(["le", "la", "les"])
#: French and Spanish prepositions, conjunctions and adverbs that open a sentence or a byline
#: before a name ("Par Awa Traoré", "Selon Human Rights Watch", "À Dédougou", "Pour Mme Sow",
#: "En Culiacán", "Desde Washington"); not written in capitals, as an acronym is ("AU
#: Transition Mission in Somalia").
ROMANCE_LEADING_STOP = frozenset(
    ["par", "pour", "selon", "un", "une", "à", "au", "aux", "avec", "dans", "depuis", "après", "avant", "chez", "contre", "entre", "et", "mais", "pendant", "parmi", "lors", "sans", "comme", "hier", "puis", "ainsi", "alors", "enfin", "donc", "cependant", "toutefois", "outre", "lorsque", "quand", "dont", "malgré", "vers", "côté", "quant",
     "en", "desde", "tras", "hasta", "durante", "mientras", "aunque", "sin", "con", "por", "ante", "hacia", "pero", "también", "además", "después", "luego", "ayer", "hoy", "así", "cuando", "donde", "según"]
)
_FIRST_WORD = re.compile(r"([^\W\d_]+(?:n['’]t)?)\s+")


#: A lowercase word right before a position: what precedes a capital in mid-sentence.
_LOWERCASE_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*,? $")


def _skip_stop_words(text: str, start: int, end: int) -> int:
    romance = False
    while True:
        m = _FIRST_WORD.match(text, start, end)
        if m is None or m.end() >= end:
            return start
        written = m.group(1)
        word = written.lower()
        if word == "en" and text.startswith(("N", "n"), m.end()):
            return start  # "En Nahud", "En Nasiriyah": the Arabic article, assimilated before n
        if (
            word not in LEADING_STOP
            and not word.endswith(("n't", "n’t"))
            and (word not in ROMANCE_LEADING_STOP or (len(written) > 1 and written.isupper()))
            and written not in _LOWERCASE_ARTICLES  # "le Mayo-Tsanaga" of "Dans le Mayo-Tsanaga"
            and not (romance and written in ("el", "los", "las"))  # "Según el Comando Central"
            and not _romance_article_of_a_body(word, text, m.end(), end)
        ):
            return start
        romance = word in ROMANCE_LEADING_STOP
        start = m.end()


#: The articles (and "de" + article) that open a body's name in French, Spanish, Portuguese
#: and Italian, where the name proper starts after them.
_ROMANCE_ARTICLES = frozenset(["el", "la", "los", "las", "le", "les", "il", "lo", "al", "del", "della", "dello", "des", "du"])
_NEXT_FOLDED_WORD = re.compile(r"[^\W\d_]+")


def _romance_article_of_a_body(word: str, text: str, start: int, end: int) -> bool:
    """Whether ``word`` is an article before the head of an institution's name or a title in
    a Romance language: "La Comisaría General de Información", "el Centro Nacional de
    Inteligencia", "al Cártel de Sinaloa", "La Corte d'Assise", "Le Directeur"; not "El Paso",
    "La Paz" or "al Qaeda"."""
    if word not in _ROMANCE_ARTICLES:
        return False
    head = _NEXT_FOLDED_WORD.match(text, start, end)
    if head is None:
        return False
    folded = fold(head.group())
    return folded in ROMANCE_ORG_HEADS or folded in _title_openers()


@cache
def _title_openers() -> frozenset[str]:
    """The first words of titles: "Le Directeur", "La Ministre" open with an article."""
    return frozenset(title[0] for title in name_tables().titles)


_SPACED_DASH = re.compile(r" - (?=[A-Za-z]+\b)")


def _dash_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut at each spaced hyphen, which parts names, not a name's words: the dateline of
    "WASHINGTON - A Dearborn man", a list's "Ali Abdulwahab Hajar - Yemeni", a district and
    its sub-district "Hays - Bani Saif", a company and where it is registered "Golden Arc
    Logistics Limited - Kowloon" (cut before the titles are, so that "General Trading LLC"
    keeps its "General"). A known name written with one ("Islamic State of Iraq and the
    Levant - Khorasan") is found whole by the gazetteer's scan."""
    pieces = []
    for found in _SPACED_DASH.finditer(text, start, end):
        pieces.append((start, found.start()))
        start = _skip_stop_words(text, found.end(), end)
    return [*pieces, *([(start, end)] if start < end else [])]


_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s (?=[A-Z])|(?<=[A-Z])['’]S (?=[A-Z])")


def names_groups_province(surface: str, *, owner_is_place: bool) -> bool:
    """Whether a name with a possessive inside is a group's province, one name whatever the
    possessive: "the Islamic State's West Africa Province"; not a country's, "Iraq's Anbar
    Province", which is the country and its province, nor a leader's group that names a
    province itself: "Abdulqadir Mumin's Islamic State Somalia Province"."""
    return surface.endswith(" Province") and not owner_is_place and _GROUP_AFTER_OWNER.search(surface) is None


def _owner_apart(text: str, start: int, end: int, places: frozenset[str]) -> list[tuple[int, int]]:
    """A run cut after a possessive whose owner is a name, not a common word: "Anwar's
    English-language legacy" is Anwar's; "People's Protection Units" and "Women's Protection
    Units" are one name each, and so is a group's province (:func:`names_groups_province`)."""
    pieces = []
    for found in _INNER_POSSESSIVE.finditer(text, start, end):
        owner_start = text.rfind(" ", start, found.start()) + 1 or start
        if names_groups_province(text[start:end], owner_is_place=fold(text[start : found.start()]) in places):
            continue
        if fold(text[owner_start : found.start()]) not in common_words():
            pieces.append((start, found.start()))
            start = found.end()
    pieces.append((start, end))
    return pieces


#: Function words as a heading in capitals writes them between its words ("HUNT FOR MUMIN").
SHOUTED_LINKS = ("OF", "FOR", "IN", "ON", "TO", "AT", "BY", "WITH", "FROM")
#: Those and "AND", "THE" after a run's last word: no name ends with one ("GOVERNMENT OF
#: INDIA", "SETBACKS IN 2025").
_SHOUTED_ENDS = tuple(f" {word}" for word in (*SHOUTED_LINKS, "AND", "THE"))


def _trim_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    # A lone quote mark after the last word is a plural's possessive ("the Brigades' units")
    # or a closing quotation mark ("alias 'Nabi Hizbi'"): no name ends in one.
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive is not None:
        end -= len(possessive.group())
    return start, end


def _partial_surfaces(alias: str) -> list[str]:
    """Folded surface forms under which a person is named partially in text."""
    parts = parse_name(alias, person=True)
    if len(parts.tokens) < 2:
        return []
    words = fold(alias).split()
    out = []
    keys = partial_keys(parts.tokens)
    if keys and len(words) >= 2:
        last = words[-1]
        out.append(last)
        if len(words) >= 3 and words[-2] in ("al", "el", "ul", "bin", "ibn", "ben", "ould", "ag", "ash", "ar", "as", "at", "ad", "az", "an"):
            out.append(f"{words[-2]} {last}")
    return [o for o in out if len(o) >= 3]


#: A capitalised word right after a span: the name may go on ("The National Police").
_NEXT_CAPITAL = re.compile(r"[ -][A-Z]")
#: A capitalised abbreviation of two to five letters with its dot at the end of an alias.
_ABBREVIATION_END = re.compile(r"(?<![\w.])[A-Z][a-z]{1,4}\.$")


#: Marks that may open a name as an ayn does ("‘Ali") or quote it ("the ‘Islamic State’").
_OPENING_QUOTES = "‘'"


def _unquoted(text: str, start: int, end: int, surface: str) -> tuple[int, str]:
    """A name's start and surface without the opening quotation mark that a closing one
    answers right after it ("the ‘Islamic State’"); an ayn's mark stays ("‘Ali al-Badri")."""
    if text.startswith(("’", "'"), end):
        return start + 1, surface[1:]
    return start, surface


def _extend_initialism(text: str, end: int) -> int:
    """Take the final dot of an initialism ("U.S.", "D.C.") into the span."""
    if end < len(text) and text[end] == "." and end >= 2 and text[end - 2] == "." and text[end - 1].isupper():
        return end + 1
    return end


def _capitals_agree(required: tuple[bool, ...], surface: str) -> bool:
    if not any(required[1:]) or _is_acronym_surface(surface):
        return True
    found = _capitals(surface)
    return len(found) != len(required) or all(f or not r for f, r in zip(found, required, strict=True))


def _is_acronym_surface(surface: str) -> bool:
    letters = list(filter(str.isalpha, surface))
    return bool(letters) and all(map(str.isupper, letters))
