"""Names: those a question gives (written with a capital, or a name only the documents give in lower case), and
those only the documents give (one-word names written with a capital, found once per index version)."""

from __future__ import annotations

import re

from index.analysis import fold_accents
from index.dictionary import french_dictionary

# A word written with a capital inside the question: a name the user expects the passage to carry.
_NAME = re.compile(
    r"(?:(?<=[\w,;:'’] )|(?<=\b[dl]['’]))([A-ZÀ-Ý][\w@-]{2,}|[A-Z]{2,}[\w@-]*)|\b([a-z]+[A-Z][\w@-]+)"
)  # « du pôle Team2 », « d'Avenia »
# The word after « pôle » or « projet » when capitals cannot tell (« le pôle team2 », « LE PÔLE AQUIMER »).
_NAMED_AFTER_KIND = re.compile(r"\b(?:p[oô]les?|projets?|plates?-?formes?)\s+(?!de\b|du\b|des\b|d')([\w@-]{3,})", re.I)
# « Pôle emploi » is an agency, « le pôle Nord » a place: no pôle de compétitivité, a name no passage carries.
_OTHER_POLES = re.compile(r"\bp[oô]le[ -]emploi\b|\bp[oô]le (?:nord|sud)(?![\w-])", re.IGNORECASE)
# Another country, or its people: « font-ils mieux que les clusters allemands ? » — a name the passage must carry
_ABROAD = re.compile(
    r"\b(?:allemand|am[eé]ricain|italien|anglais|britannique|espagnol|japonais|chinois|europ[eé]en|belge|suisse"
    r"|canadien|n[eé]erlandais|su[eé]dois|finlandais|danois|cor[eé]en|indien|[eé]tranger)(?:ne|e)?s?\b"
    r"|\b(?:Allemagne|[EÉ]tats-Unis|Europe|Italie|Angleterre|Royaume-Uni|Espagne|Japon|Chine|Belgique|Suisse|Canada"
    r"|Pays-Bas|Su[eè]de|Finlande|Danemark|Cor[eé]e|Inde|USA)\b",
    re.IGNORECASE,
)
# Regions and cities of France, named in any case (« combien de pôles en bretagne ? », « EN NORMANDIE »): a place the
# passage must carry. Not the documents' own places (their people's names are read by the thesaurus), nor a city
# that is a common word too (Tours, Nice, Orange).
_FRENCH_PLACES = re.compile(
    r"\b(?:bretagne|normandie|basse-normandie|haute-normandie|picardie|[iî]le[- ]de[- ]france|corse|limousin"
    r"|franche-comt[eé]|champagne-ardenne|pays[- ]de[- ]la[- ]loire|poitou-charentes|poitou|occitanie"
    r"|hauts[- ]de[- ]france|nouvelle-aquitaine|centre-val[- ]de[- ]loire|guadeloupe|martinique|guyane"
    r"|rennes|brest|quimper|lorient|vannes|saint-malo|caen|rouen|le havre|amiens|reims|strasbourg|mulhouse|nancy"
    r"|metz|grenoble|annecy|chamb[eé]ry|dijon|besan[cç]on|orl[eé]ans|limoges|angers|le mans|perpignan|ajaccio"
    r"|bastia|toulon|avignon|n[iî]mes|la rochelle|angoul[eê]me|bayonne|biarritz|troyes|chartres|versailles|saclay)\b",
    re.IGNORECASE,
)
# Their people, in any case (« les pôles bretons ont touché combien ? »): the place is named all the same
_PEOPLE_OF_PLACES = {
    "breton": "Bretagne", "normand": "Normandie", "picard": "Picardie", "francilien": "Île-de-France",
    "franc-comtois": "Franche-Comté", "champenois": "Champagne-Ardenne", "occitan": "Occitanie", "rennais": "Rennes",
    "brestois": "Brest", "caennais": "Caen", "rouennais": "Rouen", "havrais": "Le Havre", "amienois": "Amiens",
    "remois": "Reims", "strasbourgeois": "Strasbourg", "mulhousien": "Mulhouse", "nanceien": "Nancy", "messin": "Metz",
    "grenoblois": "Grenoble", "dijonnais": "Dijon", "bisontin": "Besançon", "orleanais": "Orléans",
    "limougeaud": "Limoges", "angevin": "Angers", "manceau": "Le Mans", "perpignanais": "Perpignan",
    "toulonnais": "Toulon", "avignonnais": "Avignon", "nimois": "Nîmes", "rochelais": "La Rochelle",
    "guadeloupeen": "Guadeloupe", "martiniquais": "Martinique", "guyanais": "Guyane",
}  # fmt: skip
PEOPLE_OF_PLACE = re.compile(
    r"\b(" + "|".join(sorted(_PEOPLE_OF_PLACES, key=len, reverse=True)) + r")(?:e|es|s|ne|nes|x)?\b"
)
_GRAND_EST = re.compile(r"\bGrand[- ]Est\b")  # not « le plus grand est lequel ? »
_ROMAN = re.compile(r"^[IVX]+(?:e|ème|eme)?$")  # « la phase III » names no pôle
# Capitalised words that name the documents' own subject, not a constraint on the answer.
COMMON_NAMES = {
    "ecolo",  # « LES PROJETS ECOLO »
    "ecolos",
    "etat",
    "phase",
    "pole",
    "poles",
    "france",
    "gouvernement",
    "premier",
    "ministre",
    "republique",
    "president",
    # compass points describe where, they name nothing a passage must write (« le pôle du Sud-Ouest »)
    "nord",
    "sud",
    "est",
    "ouest",
    "sud-ouest",
    "sud-est",
    # a letter's courtesy, « Madame, Monsieur, pourriez-vous … »
    "madame",
    "monsieur",
    "mesdames",
    "messieurs",
    "mademoiselle",
    "nord-ouest",
    "nord-est",
    # kinds of firms written in capitals, not names (« patron de PME », « les ETI innovantes »)
    "pme",
    "pmi",
    "eti",
    "tpe",
    "start-up",
}

_QUESTION_WORD = re.compile(r"[^\W\d_][\w@'-]*")  # a word of a question, as written
MIN_NAME_LETTERS = 5  # « Pass », « Maud » are words too (« un pass »)
_TOKEN = re.compile(r"[\w@][\w@'’-]*|[^\w\s]")
_SENTENCE_START = re.compile(r"(?:^|[.!?«\"\n]\s*)$")  # not after a colon: « perdu leur label : Sporaltec »
_PLACE_BEFORE = re.compile(r"(?:\b(?:à|en|au|aux|dans le|dans la|région)\s+|\(\s*)$")
_ITEM_START = re.compile(r"(?:^|[.!?:«\"\n]\s*|\n\s*(?:[-*]\s*>?\s*)+)$")  # a sentence or a list item opens
_LINKS = {"de", "des", "du", "d'"}  # « Caisse des Dépôts »: one name over several words


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not token.isupper()


def proper_names(texts: list[str]) -> set[str]:
    """Folded one-word names the corpus only ever writes with a capital, inside a sentence or first in a list
    item (Avenia, Energivie, Cellmill, Falco). Not a place (« à Paris », « (Poitiers) », « Midi-Pyrénées »), nor a
    word of a longer name (« Caisse des Dépôts », « Fonds unique interministériel », « Pôle Enfant »): « caisse »,
    « fonds » or « enfant » are everyone's words. A question naming one is about the documents' subject."""
    lower, names = set(), set()
    for text in texts:
        tokens = list(_TOKEN.finditer(text))
        for i, m in enumerate(tokens):
            word = m.group(0)
            if word[0].islower():
                lower.add(fold_accents(word))
            if not _capitalised(word) or len(word) < MIN_NAME_LETTERS:
                continue
            before = text[max(0, m.start() - 20) : m.start()]
            after = tokens[i + 1].group(0) if i + 1 < len(tokens) else "."
            then = tokens[i + 2].group(0) if i + 2 < len(tokens) else "."
            previous = tokens[i - 1].group(0) if i else "."
            opens_sentence = i and _ITEM_START.search(text[: tokens[i - 1].start()])  # « Hubert Falco, … »
            in_longer_name = (
                (after[0].isalpha() and not (after in ("et", "ou") and _capitalised(then)))  # « Fonds unique »
                or previous in _LINKS  # « Caisse des Dépôts »
                or (previous[0].isupper() and not opens_sentence)  # « Pôle Enfant », « CM International »
            )
            place = _PLACE_BEFORE.search(before) or sum(part[:1].isupper() for part in word.split("-")) > 1
            if not (_SENTENCE_START.search(before) or in_longer_name or place):
                names.add(fold_accents(word.replace("’", "'")))
    return {w for w in names - lower if w not in COMMON_NAMES}


def shouted(question: str) -> bool:
    """Most words capitalised (caps lock, Title Case): capitals no longer tell names from other words.
    The first word does not count: « Où est Aquimer ? » is written as it should be."""
    words = _QUESTION_WORD.findall(question)[1:]
    capitalised = sum(w[0].isupper() for w in words) > len(words) / 2
    # « c'est quoi Axel One ? »: three words, two of a name; « QUEL EST LE BUDGET ? » in capitals throughout
    return len(words) >= 3 and capitalised and (len(words) >= 4 or sum(w.isupper() for w in words) > len(words) / 2)


_FIRST_WORD = re.compile(r"\s*((?=[\w@]*[A-Za-z])(?=[\w@]*\d)[\w@]{3,})\b")  # « S2E2 »; not « 2010 »
_ORDINAL = re.compile(r"\d+(?:e|er|ere|eme|ème|è|nd|nde)s?", re.IGNORECASE)  # « 1er », « 2ème »


def names_given(question: str) -> set[str]:
    """Names the question gives: words written with a capital inside it (not « phase III »); when capitals
    tell nothing (« QUEL BUDGET … ») or a name has a digit (« team2 »), the word after « pôle » or « projet »;
    another country or a place of France in any case."""
    capitals_tell_nothing = shouted(question)
    names = (
        set()
        if capitals_tell_nothing
        else {m.group(0) for m in _NAME.finditer(question) if not _ROMAN.match(m.group(0))}
    )
    for m in _NAMED_AFTER_KIND.finditer(question):
        word = m.group(1)
        # in capitals, a word after « PÔLES » says something of them (« POLES AJOUTES »): a name follows « PÔLE »
        plural = m.group(0).split()[0].lower().endswith("s")
        if any(c.isdigit() or c == "@" for c in word) or (capitals_tell_nothing and not plural):
            names.add(word)
    # « S2E2 c'est dans quelle ville ? »: first, where a capital tells nothing, capitals and digits still name
    first = _FIRST_WORD.match(question)
    if first and first.group(1).upper() == first.group(1) and not _ORDINAL.fullmatch(first.group(1)):
        names.add(first.group(1))  # not « qq1 », SMS for « quelqu'un »
    names = {n for n in names if fold_accents(n) not in COMMON_NAMES}
    foreign = {m.group(0) for m in _ABROAD.finditer(question)}  # « les clusters allemands », written in lower case
    # « ile de france » is written « ile-de-france » in a passage, « le havre » without its article
    places = {
        re.sub(r"^(?:le|la) ", "", m.group(0), flags=re.IGNORECASE).replace(" ", "-")
        for m in _FRENCH_PLACES.finditer(question)
    }
    places |= {found.replace(" ", "-") for found in _GRAND_EST.findall(question)}
    places |= {_PEOPLE_OF_PLACES[m.group(1)] for m in PEOPLE_OF_PLACE.finditer(fold_accents(question).lower())}
    return names | foreign | places | {m.group(0) for m in _OTHER_POLES.finditer(question)}


def names_in_lower_case(question: str, known_names: frozenset[str]) -> set[str]:
    """Names of the documents written in lower case, as users in a hurry do (« adresse du pole avenia ? », « le pole
    eau », see `pole_names`), or first in the question, where a capital tells nothing (« InnoViandes etait où ? »)."""
    words = _QUESTION_WORD.findall(question)
    first = words[0] if words and question.lstrip().startswith(words[0]) and "'" not in words[0] else None
    after_pole = {
        m.group(1) for m in _AFTER_POLE.finditer(question) if f"pole {fold_accents(m.group(1))}" in known_names
    }
    lower = {w for w in words if (w[0].islower() or w == first) and fold_accents(w) in known_names}
    return after_pole | lower | _phrases_in_lower_case(question, known_names)


def _phrases_in_lower_case(question: str, known_names: frozenset[str]) -> set[str]:
    """The first word of a several-word name of the documents written in lower case (« axel » of « axel one »): the
    word the passage is checked for and the place looked for after."""
    folded = fold_accents(question).lower()
    words = set()
    for phrase in known_names:
        if (
            " " in phrase
            and not phrase.startswith("pole ")
            and (found := re.search(rf"\b{re.escape(phrase)}\b", folded))
        ):
            written = question[found.start() : found.end()]
            if written[:1].islower():
                words.add(written.split()[0])
    return words


def proper_phrases(texts: list[str]) -> set[str]:
    """Folded names of several words the documents write with capitals inside a sentence, one of them no French
    word (« Axel One », « Boston Consulting Group », « CM International »); not « Nucléaire Bourgogne »."""
    phrases = set()
    for text in texts:
        for m in _CAPITALISED_RUN.finditer(text):
            words = m.group(1).split()
            if (
                not _SENTENCE_START.search(text[: m.start(1)])
                and not m.group(1).isupper()  # a heading in capitals
                and any(fold_accents(w.lower()) not in french_dictionary() for w in words)
            ):
                phrases.add(fold_accents(m.group(1)).lower())
    return phrases


# Two or three words with a capital in a row: « Axel One », « Boston Consulting Group »
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])((?:[A-ZÀ-Ý][\w’'-]+|[A-Z]{2,})(?:[ \t]+(?:[A-ZÀ-Ý][\w’'-]+|[A-Z]{2,})){1,2})\b"
)


_AFTER_POLE = re.compile(r"\bp[oô]les?\s+([^\W\d_][\w'-]*)", re.IGNORECASE)
_POLE_NAMED = re.compile(r"\b[Pp]ôles? ([A-ZÀ-Ý][\w'-]+)")  # not across a line: « des pôles\n\nAprès »


def pole_names(texts: list[str]) -> set[str]:
    """« pole eau », « pole enfant »: pôles the documents name with an everyday word written with a capital after
    « pôle » (« le pôle Eau », « Pôle Enfant »), folded with that word, for a question typed in lower case."""
    return {f"pole {fold_accents(m.group(1))}" for text in texts for m in _POLE_NAMED.finditer(text)}


# « Comité interministériel d'aménagement et de développement du territoire (CIADT) »: a long form, then its acronym
_ACRONYM_DEFINED = re.compile(r"([^()]{3,200}?)\s*\(([A-Z]{2,6})\)")
_LINKING_WORDS = {"d", "de", "du", "des", "la", "le", "les", "l", "a", "à", "aux", "au", "et", "en", "pour", "sur"}


def acronyms_defined(texts: list[str]) -> dict[str, str]:
    """The acronyms the documents spell out, each with its long form: « FUI » → « Fonds unique interministériel »
    (the words before it whose initials spell it, linking words skipped)."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _ACRONYM_DEFINED.finditer(text):
            long_form = _long_form(match.group(1), match.group(2))
            if long_form:
                found.setdefault(match.group(2), long_form)
    return found


def _long_form(before: str, acronym: str) -> str | None:
    """The words ending `before` whose initials, linking words skipped, spell the acronym."""
    words = list(re.finditer(r"[^\W\d_][\w-]*", before))
    letters, start = list(acronym.lower()), len(words)
    while letters and start > 0:
        start -= 1
        word = fold_accents(words[start].group(0)).lower()
        if word in _LINKING_WORDS:
            continue
        if word[0] != letters[-1]:
            return None
        letters.pop()
    return before[words[start].start() :] if not letters else None
