"""Typing names the gazetteer does not know: PER, ORG or LOC by stated rules.

0. The last word decides when it is a place word ("MacDill Air Force Base"), and the first
   when it opens Arabic and Somali place names ("Ras Isa", "Ceel Buur").
1. ORG when a word of the name is an organisation word (Group, Council, Ministry, Bank,
   Front, Brigades, News ...) or the name is an acronym in capitals.
2. LOC when a word is a place word (Province, City, Camp, Airport, Valley ...), or the name
   comes before a lowercase place noun ("Kulgam district", "Datta Khel area") or after one and
   "of" ("the town of Adan Yabaal"), or it is one
   word and follows "in", "near", "from", "at", "to" or "outside". ORG when the name comes
   before a lowercase group noun ("the Lakurawa group", "the Bani Hassan militia") or after
   one ("the monitoring group Cabo Ligado"), or it holds a digit ("Kurdistan24").
3. PER otherwise: most unknown capitalised names in reporting are people, and Arabic name
   particles (bin, Abu, al-) and given names point there too.
"""

from __future__ import annotations

import re

from canonym.normalize import fold

#: The first words of a kunya, "father of" or "mother of" (Turkish "Ebu"), folded.
KUNYA_WORDS = frozenset(["abu", "abou", "ebu", "umm", "oum"])
#: Arabic words that open the names of groups ("Jama'at Nusrat al-Islam", "Harakat al-Nujaba",
#: "Katibat Imam Ali"); not "Hay'at", folded as the given name Hayat.
GROUP_OPENERS = frozenset(
    ["jamaat", "jamaatu", "jamaah", "harakat", "harakah", "tanzim", "kataib", "katibat", "liwa", "saraya", "jaysh", "jaish", "jabhat", "hizb", "hezb", "asaib", "quwat", "firqat", "lajnat", "jamiyat", "muassasat", "fitna"]
)
#: Adjectives that open the names of militant groups and no person's name: "Revolutionary
#: Struggle", "Armed Proletarian Justice".
GROUP_ADJECTIVES = frozenset(["revolutionary", "armed", "proletarian", "anarchist", "insurrectionary"])
#: The French, Portuguese, Spanish and Italian heads of institutions' names (of the Sahel,
#: Mozambique, Spain and Italy); a title after one is part of the name ("Comisaría General").
ROMANCE_ORG_HEADS = frozenset(
    ["forcas", "fuerzas", "armee", "armees", "exercito", "ejercito", "ministere", "ministerio", "gendarmerie", "garde", "guarda",
     "frente", "mouvement", "movimento", "movimiento", "conseil", "conselho", "consejo", "parti", "partido", "agence", "agencia",
     "parquet", "policia", "groupe", "grupo", "brigada", "direction", "direccion", "direcao",
     "comisaria", "corte", "tribunale", "procura", "questura", "polizia", "centro", "secretaria", "fiscalia",
     "cartel", "carteles", "departamento", "guardia", "gobierno", "instituto", "universidad", "procuraduria", "defensoria", "comando", "bloque", "fuerza", "armada", "oficina"]
)
ORG_WORDS = frozenset(
    ["group", "groups", "squad", "headquarters", "hospital", "embassy", "consulate", "council", "institute", "institution", "center", "centre", "foundation", "university", "college", "school", "agency", "ministry", "department", "office", "committee", "committees", "commission", "army", "division", "regiment", "brigade", "brigades", "battalion", "front", "movement", "party", "organization", "organisation", "association", "bank", "news", "times", "post", "observer", "network", "forces", "force", "guard", "guards", "union", "club", "society", "initiative", "project", "authority", "service", "services", "media", "online", "channel", "press", "journal", "tribune", "herald", "radio", "tv", "télé", "tele", "television", "airlines", "airways", "railways", "corporation", "corp", "inc", "ltd", "limited", "llc", "company", "co", "holdings", "trading", "exchange", "shipping", "industries", "enterprises", "fund", "trust", "corps", "militia", "coalition", "alliance", "league", "caliphate", "emirate", "mission", "program", "programme", "court", "tribunal", "parliament", "assembly", "congress", "senate", "cabinet", "government", "police", "intelligence", "navy", "command", "directorate", "administration", "apparatus", "bureau", "board", "federation", "partners", "consulting", "capital", "review", "monitor", "bulletin", "wire", "desk", "forum", "observatory", "watch", "report", "unit", "units", "cell", "presidency", "secretariat", "magazine", "daily", "weekly", "gazette", "ledger", "chronicle", "courier", "dispatch", "telegraph", "digest", "prosecutions", "syndicate", "rangers", "constabulary", "levies", "scouts", "current"]
) | GROUP_OPENERS | ROMANCE_ORG_HEADS
LOC_WORDS = frozenset(
    ["province", "governorate", "district", "subdistrict", "oblast", "prefecture", "municipality", "triangle", "city", "town", "village", "county", "region", "state", "street", "square", "road", "avenue", "mountains", "mountain", "valley", "river", "lake", "sea", "island", "islands", "bay", "gulf", "coast", "desert", "plain", "plateau", "airport", "airbase", "hotel", "palace", "stadium", "hall", "church", "base", "camp", "prison", "mosque", "bridge", "port", "harbor", "harbour", "border", "crossing", "strait", "peninsula", "oasis", "hill", "hills", "heights", "jail", "tehsil", "beach", "quarter", "neighborhood", "neighbourhood", "suburb", "canal", "dam", "field", "oilfield", "refinery", "tower", "towers", "zone", "jabal", "jebel", "wadi", "ras", "tal", "tel", "ain", "bir", "khor",
     # Persian "upper" and "lower", which end the names of twin villages ("Kalkan-e Sofla")
     "olya", "sofla", "ulya", "sufla"]
)
#: A lowercase place noun after a name: "Kulgam district", "Bama town", "Rukban camp", "Adiala jail".
#: Nouns of a road or border between two places ("the Mokowe-Kiunga road").
ROUTE_NOUNS = "road|highway|motorway|route|border|corridor|railway|rail line|pipeline|axis|frontier"
_PLACE_NOUN_AFTER = re.compile(
    r" (?:(?:sub-?)?districts?|provinces?|governorates?|regions?|county|tehsil|villages?|towns?|city|cities|camps?|valley|area|state|neighbou?rhood|islands?|river|mountains?|desert|oasis|jail|prison|airport"
    r"|market|bazaar|square|street|road|crossing|checkpoint|quarter|suburbs?)\b| Local Government\b| LGA\b"
    rf"|-[A-Z][a-z]{{2,}} (?:{ROUTE_NOUNS})\b"
)
#: Words that open the name of a place in Arabic, Somali, Amharic, Tamasheq, Hausa and Malay ("Ras Isa",
#: "Wadi Doan", "Ceel Buur", "Debre Markos", "In Guezzam", "Birnin Gwari", "Kampung Tanduo").
PLACE_PREFIXES = frozenset(["jabal", "jebel", "wadi", "ras", "tal", "tel", "tell", "ain", "bir", "khor", "deir", "dayr", "kafr", "beit", "bayt", "jisr", "qasr", "ceel", "debre", "in", "birnin", "bandar", "kampung"])
#: Landform words written before a place's own name ("Jebel Chaambi", "Wadi Hawran", "Mount
#: Sinjar"), folded.
LANDFORM_WORDS = frozenset(["jebel", "djebel", "jabal", "jbel", "mount", "mt", "wadi", "oued", "lake"])
#: Portuguese and Spanish words that open the names of places ("Serra da Misericórdia",
#: "Praça São Lucas", "Morro do Alemão", "Sierra Nevada", "Avenida Paulista"), whatever
#: "da", "de" or "do" after them makes the name look like a person's.
ROMANCE_PLACE_HEADS = frozenset(["serra", "sierra", "cerro", "morro", "praca", "plaza", "praia", "playa", "avenida", "rua", "calle", "lago", "ilha", "isla", "favela", "bairro", "barrio", "colonia"])
#: A lowercase noun of a group or an outlet after a name: "the Lakurawa group", "the Bani
#: Hassan militia", "the Wagner paramilitary group", "Wagner mercenaries", "Andalus radio",
#: "ISKP's al-Siddiq office".
_GROUP_NOUN_AFTER = re.compile(
    r" (?:paramilitary |militant |armed |jihadist |mercenary )?(?:group|militia|movement|faction|organi[sz]ation|outfit|mercenaries|fighters|contingent"
    r"|radio|television|channel|newspaper|website|news agency|office|foundation|network|brigade|battalion|unit|committee|council)\b"
)
#: A lowercase noun of a group or outlet right before a name: "the monitoring group Cabo
#: Ligado", "the Kurdish news website Rudaw", "the charity Islamic Relief".
_GROUP_NOUN_BEFORE = re.compile(
    r"\b(?:group|organi[sz]ation|outfit|outlet|website|broadcaster|newspaper|agency|monitor|charity|firm|company|network|project)\s+$"
    # French, Spanish and Portuguese, with an adjective after the noun: "le groupe paramilitaire Wagner"
    r"|\b(?:groupe|grupo|milice|milicia|mouvement|movimiento|movimento|soci[ée]t[ée]|compagnie)"
    r"(?: (?:paramilitaire|paramilitar|arm[ée]e?|armado|jihadiste|yihadista|jihadista|terroriste|terrorista|russe|ruso|russo))?\s+$"
)
#: A dateline's place in capitals and a bracket: the outlet follows ("MOSCOW (Interfax)").
_SOURCE_OF_DATELINE = re.compile(r"(?:^|\n)[A-Z][A-Z' .-]+(?:, [A-Za-z0-9 .]+)? \($")
#: A place noun and "of" before a name: "the town of Adan Yabaal", "the village of Kafr Nabl".
_PLACE_NOUN_OF = re.compile(
    r"\b(?:town|city|village|district|province|governorate|region|county|port|capital|suburbs?|neighbou?rhood|camp|outskirts|area|island|peninsula)s? of (?:the )?$"
    # the Philippine village and its parts: "Barangay Pindolonan", "Sitio Lambayong"
    r"|\b(?:Barangay|Brgy\.?|Sitio|Poblacion|Purok) $"
)
#: A place preposition before a one-word name, or before a name and "and" ("in Solo and Poso").
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|from|at|to|outside|across|into|between|of|pob|en|à|dans|depuis|desde|hacia)\s+(?:(?:the|el|la|le|les|los|las)\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+(?:and|or)\s+)?$", re.IGNORECASE
)


#: Words of direction that open a region's name ("Central Java", "South Kordofan", "Upper Nile").
COMPASS_WORDS = frozenset(["north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper", "lower", "greater"])


#: A small word between hyphens makes a place's name, not a person's: "Croix-des-Bouquets",
#: "Aix-en-Provence", "Rostov-on-Don" (a given name may hold "de": "Jean-de-Dieu"); so does
#: a saint's name that opens it: "Saint-Marc", "Sainte-Marie".
_PLACE_LINK = re.compile(r"\w[-\u2010\u2011](?:des|du|la|le|les|lès|à|au|aux|en|sur|sous|on|upon)[-\u2010\u2011]\w|^Sainte?-")


def is_region_name(words: list[str]) -> bool:
    """Whether folded words are a direction and one name: a region ("West Java"), not an
    institution ("Central Bank", "Central Command")."""
    return len(words) == 2 and words[0] in COMPASS_WORDS and words[1] not in ORG_WORDS


def type_by_words(surface: str) -> str | None:
    """Rules 0 to 3, and 3 for a name of several words; None for a one-word name that the
    words before it type (:func:`type_by_context`)."""
    words = fold(surface).split()
    of = next((i for i, w in enumerate(words) if w in ("of", "for") and i > 0), 0)
    if of and words[-1] in LOC_WORDS and words[of - 1] in ORG_WORDS and words[of - 1] not in LOC_WORDS:
        return "ORG"  # a body's head noun before "of" decides: "Federal Penitentiary Service of Russia for the Rostov Region"
    if len(words) > 1 and words[-1] in LOC_WORDS and words[-1] not in ORG_WORDS:
        return "LOC"  # the head noun decides: "MacDill Air Force Base" is a place
    if (len(words) > 1 and words[0] in PLACE_PREFIXES and words[-1] not in ORG_WORDS) or is_region_name(words) or _PLACE_LINK.search(surface):
        return "LOC"  # not a body named after its place: "Birnin Gwari Emirate Progressive Union"
    if any(c.isdigit() for c in surface):
        return "ORG"  # no person's name holds a digit: "Kurdistan24", "France 24", "Unit 8200"
    if any(w in ORG_WORDS for w in words[1:]) or (len(words) > 1 and (words[0] in ORG_WORDS or words[0] in GROUP_ADJECTIVES)):
        return "ORG"
    letters = list(filter(str.isalpha, surface))
    if letters and all(map(str.isupper, letters)) and " " not in surface.strip():
        return "ORG"  # an acronym, hyphenated or not ("CSP-PSD")
    if any(w in LOC_WORDS for w in words[1:]) or (len(words) > 1 and (words[0] in LANDFORM_WORDS or words[0] in ROMANCE_PLACE_HEADS or words[0] == "river")):
        return "LOC"  # "Lake Kivu", "Mount Sinjar", "Oued Sebou", "River Benue"
    if of == 1 and len(words[0]) >= 3 and surface.split(maxsplit=1)[0].isupper():
        return "ORG"  # an acronym before "of": "FSB of Russia for the Republic of Dagestan"
    return None if len(words) == 1 else "PER"


#: A preposition that only a place follows: not "from" or "to", which people follow too
#: ("according to Nasrullah").
_INSIDE_PLACE = re.compile(r"\b(?:in|near|at|outside|inside|into|between)\s+(?:(?-i:[A-Z])[\w'’-]+\s+(?:and|or)\s+)?$", re.IGNORECASE)


def place_preposition_before(text: str, start: int) -> bool:
    """Whether a preposition that only places follow comes right before ``start`` ("in Sibi",
    "between Mach and Sibi")."""
    return _INSIDE_PLACE.search(text, max(0, start - 40), start) is not None


def place_noun_after(text: str, end: int) -> bool:
    """Whether a lowercase place noun follows a name ending at ``end``."""
    return _PLACE_NOUN_AFTER.match(text, end) is not None


def place_noun_before(text: str, start: int) -> bool:
    """Whether a place noun and "of" come right before a name starting at ``start`` ("the
    village of al-Mutassim")."""
    return _PLACE_NOUN_OF.search(text, max(0, start - 40), start) is not None


def group_noun_after(text: str, end: int) -> bool:
    """Whether a lowercase noun of a group follows a name ending at ``end``."""
    return _GROUP_NOUN_AFTER.match(text, end) is not None


def group_noun_before(text: str, start: int) -> bool:
    """Whether a lowercase noun of a group comes right before a name starting at ``start``
    ("the Russian group Wagner")."""
    return _GROUP_NOUN_BEFORE.search(text[max(0, start - 20) : start]) is not None


#: A lowercase noun of an outlet after its name: "the Guardian newspaper".
_OUTLET_NOUN_AFTER = re.compile(r" (?:newspaper|daily|weekly|website|radio|television|channel|news agency|magazine)\b")


def outlet_noun_after(text: str, end: int) -> bool:
    """Whether a lowercase noun of an outlet follows a name ending at ``end``."""
    return _OUTLET_NOUN_AFTER.match(text, end) is not None


#: An acronym in parentheses after a name: "(MSS)", "(GSF)".
_ACRONYM_AFTER = re.compile(r" \(([A-Z]{2,8})\)")
#: What follows a place that the place it lies in follows: ", Brazil", ", Va.".
_PLACE_IN_AFTER = re.compile(r", [A-Z][a-z]+\.?(?=[ ,;:)]|$)", re.MULTILINE)
#: Prepositions that put a name of several words before ", Country" in a place ("of" and
#: "to" name people as often: "supporters of Imran Khan, Bilawal ...").
_IN_PLACE = re.compile(r"\b(?:in|near|from|at|outside|into)\s+(?:the\s+)?$", re.IGNORECASE)


def type_by_context(text: str, start: int, end: int, *, one_word: bool = True) -> str:
    """Rules 2 (a place or group noun after the name, or a place preposition before a
    one-word name) and 3."""
    if _PLACE_NOUN_AFTER.match(text, end):
        return "LOC"
    before = text[max(0, start - 40) : start]
    if _GROUP_NOUN_AFTER.match(text, end) or _GROUP_NOUN_BEFORE.search(before):
        return "ORG"
    if text.startswith(")", end) and _SOURCE_OF_DATELINE.search(before):
        return "ORG"
    if _PLACE_NOUN_OF.search(before) or (one_word and _PLACE_PREPOSITION.search(before)):
        return "LOC"
    if not one_word and (acronym := _ACRONYM_AFTER.match(text, end)) is not None and acronym.group(1)[0] == text[start]:
        # "the Multinational Security Support (MSS)": a body's name that an acronym stands for;
        # not a signature's rank or branch ("RAMIL ABUBAKAR (INF)").
        return "ORG"
    if _PLACE_IN_AFTER.match(text, end) and _IN_PLACE.search(before) and not _BYLINE_OPENING.search(before):
        return "LOC"  # "in Foz do Iguaçu, Brazil"; not "From Abdullahi Bakura Mshelia, Maiduguri" opening a line
    if one_word and _BYLINE_BEFORE.search(before) and _LINE_END.match(text, end):
        return "LOC"  # "By Terna Iorwuese, Makurdi": where the reporter files from
    return "PER"


#: A byline's name and its comma, at the start of a line: the word after it is a place.
_BYLINE_BEFORE = re.compile(r"(?:^|\n)(?:By|BY) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}, $")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
#: A line that opens with "From", as a byline of who files from where.
_BYLINE_OPENING = re.compile(r"(?:^|\n)From $")
