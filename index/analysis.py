"""French text analysis for the lexical index: elision, accents, stop words, stemming."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

import Stemmer

_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)
_TOKEN = re.compile(r"\d+[^\W\d_]+|\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_INVERSION = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce|moi|toi|lui|leur)\b")  # consacre-t-il
_ORDINAL = re.compile(r"^(\d+)(?:e|er|ere|eme|em|ieme|nd|nde)$")

# Raised whenever the terms of a text change (stemming, stop words): an index keeps the terms it was
# built with, so a build analyses every passage afresh and a server warns until the index is rebuilt.
ANALYSIS_VERSION = 9

STOP_WORDS = frozenset(
    [
        "a",
        "ai",
        "aie",
        "aient",
        "aies",
        "ait",
        "as",
        "au",
        "aucun",
        "aucune",
        "aupres",
        "aussi",
        "autre",
        "autres",
        "aux",
        "avaient",
        "avais",
        "avait",
        "apres",
        "avant",
        "avec",
        "avez",
        "aviez",
        "avions",
        "avoir",
        "avons",
        "ayant",
        "c",
        "ca",
        "car",
        "ce",
        "ceci",
        "cela",
        "celle",
        "celles",
        "celui",
        "cependant",
        "certain",
        "certaines",
        "certains",
        "ces",
        "cet",
        "cette",
        "ceux",
        "chacun",
        "chaque",
        "chez",
        "ci",
        "comme",
        "comment",
        "d",
        "dans",
        "de",
        "des",
        "deja",
        "depuis",
        "donc",
        "dont",
        "du",
        "elle",
        "elles",
        "en",
        "encore",
        "entre",
        "est",
        "et",
        "etaient",
        "etais",
        "etait",
        "etant",
        "ete",
        "etes",
        "etiez",
        "etions",
        "etre",
        "eu",
        "eue",
        "eues",
        "eurent",
        "eus",
        "eut",
        "eux",
        "fait",
        "faites",
        "fut",
        "furent",
        "grace",
        "il",
        "ils",
        "j",
        "je",
        "jusqu",
        "l",
        "la",
        "laquelle",
        "le",
        "lequel",
        "les",
        "lesquelles",
        "lesquels",
        "leur",
        "leurs",
        "lui",
        "m",
        "ma",
        "mais",
        "me",
        "meme",
        "memes",
        "mes",
        "moi",
        "mon",
        "n",
        "ne",
        "ni",
        "nos",
        "notre",
        "nous",
        "on",
        "ont",
        "ou",
        "par",
        "parce",
        "pas",
        "peu",
        "peut",
        "peuvent",
        "plus",
        "pour",
        "pourquoi",
        "pouvait",
        "qu",
        "quand",
        "que",
        "quel",
        "quelle",
        "quelles",
        "quels",
        "qui",
        "quoi",
        "s",
        "sa",
        "sans",
        "se",
        "selon",
        "sera",
        "seront",
        "ses",
        "si",
        "sinon",
        "soit",
        "son",
        "sont",
        "sous",
        "sur",
        "t",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tous",
        "tout",
        "toute",
        "toutes",
        "tres",
        "tu",
        "un",
        "une",
        "unes",
        "uns",
        "vers",
        "voici",
        "voila",
        "vont",
        "vos",
        "votre",
        "vous",
        "y",
        "dit",
        "dite",
        "dits",
        "combien",
        "est-ce",
        "estce",
        "qu'est-ce",
        "ya",
        "svp",
        "stp",
        "merci",
        "bonjour",
    ]
)

# Words that shape a question rather than name its subject ("Donne-moi un exemple de...",
# "Quel pôle travaille sur..."): they count less in the query than content words.
QUESTION_FILLER_WORDS = [
    # « Madame, Monsieur, pourriez-vous m'indiquer … ? »: courtesy, nothing to search
    "madame",
    "monsieur",
    "pourriez",
    "pourrais",
    "indiquer",
    "indiquez",
    "donner",
    "donne",
    "donnez",
    "dire",
    "dis",
    "dites",
    "expliquer",
    "explique",
    "expliquez",
    "parler",
    "parle",
    "parlez",
    "savoir",
    "sais",
    "connaitre",
    "signifie",
    "signifier",
    "veut",
    "vouloir",
    "pouvoir",
    "peux",
    "pouvez",
    "servir",
    "sert",
    "servent",
    "travailler",
    "travaille",
    "travaillent",
    "occuper",
    "occupe",
    "occupent",
    "trouver",
    "trouve",
    "trouvent",
    "mener",
    "mene",
    "couvrir",
    "couvre",
    "couvrent",
    "aller",
    "va",
    "vont",
    "tenir",
    "tenu",
    "tenue",
    "lieu",
    "garder",
    "garde",
    "classer",
    "classe",
    "exprimer",
    "exprime",
    "soutenir",
    "soutient",
    "faire",
    "realiser",
    "realise",
    "realisee",
    "concerner",
    "concerne",
    "consister",
    "consiste",
    "exemple",
    "exemples",
    "quoi",
    "chose",
    "choses",
    "info",
    "infos",
    "information",
    "informations",
    "precis",
    "precisement",
    "actuellement",
    "vrai",  # « c koi en vrai ? »
]

# SMS-style spellings seen in chat questions, mapped to the word they stand for.
SMS_SPELLINGS = {
    "kel": "quel",
    "kels": "quels",
    "kelle": "quelle",
    "kelles": "quelles",
    "koi": "quoi",
    "ki": "qui",
    "ke": "que",
    "qd": "quand",
    "kan": "quand",
    "cb": "combien",
    "cmb": "combien",
    "cbn": "combien",
    "ds": "dans",
    "pr": "pour",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "bcp": "beaucoup",
    "tt": "tout",
    "ts": "tous",
    "jsp": "",
    "svp": "",
    "stp": "",
    "mrc": "merci",
    "slt": "",
    "perf": "performance",
    "diff": "difference",
    "gouv": "gouvernement",
    "eval": "evaluation",
    "info": "information",
    "infos": "informations",
    "pb": "probleme",
    "pdt": "pendant",
    "ac": "avec",
    "avc": "avec",
    "tjrs": "toujours",
    "nb": "nombre",
}

_ORDINAL_WORDS = {
    "deuxieme": "2",
    "second": "2",
    "seconde": "2",
    "troisieme": "3",
    "quatrieme": "4",
    "cinquieme": "5",
    "sixieme": "6",
    "septieme": "7",
    "huitieme": "8",
    "neuvieme": "9",
    "dixieme": "10",
}


STEM_CACHE_SIZE = 200_000
FOLD_CACHE_SIZE = 20_000  # texts folded lately (passages, sentences, questions), kept with their folded form


@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold_accents(text: str) -> str:
    """Lower-case and strip accents: 'Pôles' and 'poles' must meet in the index. Passages and their
    sentences are folded again for every question that reads them: the last ones are kept."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("œ", "oe").replace("æ", "ae")


def _participle(word: str) -> str:
    """Past participles as their masculine singular: the stemmer expects accents, and without them it keeps
    « retenus » apart from « retenu », « lancée » from « lancé ». Nouns ending like a feminine participle
    (« durée », « journée ») stay as they are."""
    if len(word) > 4 and word.endswith(("us", "ees")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ee") and word not in _EE_NOUNS:
        return word[:-1]
    return word


# Words the stemmer would merge with another of a different meaning: « retraites » (pensions) is not
# « retraits » (labels withdrawn); « environnement » is not « environ 200 000 euros ».
_STEMS_KEPT_APART = {
    "retraite": "retraite",
    "retraites": "retraite",
    "environnement": "environnement",
    "environnements": "environnement",
    "gouvernance": "gouvernance",  # of a pôle, not the government
    "gouvernances": "gouvernance",
}

# Nouns in « -ée », which are no feminine participles: « durée » must not meet « durant ».
_EE_NOUNS = frozenset(
    [
        "duree",
        "journee",
        "annee",
        "idee",
        "entree",
        "arrivee",
        "pensee",
        "musee",
        "lycee",
        "portee",
        "montee",
        "vallee",
        "armee",
        "epee",
        "fusee",
        "assemblee",
        "soiree",
        "matinee",
        "tournee",
        "contree",
        "denree",
        "allee",
        "rentree",
        "plongee",
        "maree",
        "trophee",
        "randonnee",
        "poignee",
        "cheminee",
        "chaussee",
        "dictee",
        "gorgee",
        "bouchee",
    ]
)


_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """This thread's stemmer: a PyStemmer object must not be used by two threads at once."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("french")
    return stemmer


class FrenchAnalyzer:
    """Turn French text into index terms; the same analysis serves passages and questions."""

    def __init__(self, stop_words: frozenset[str] = STOP_WORDS) -> None:
        self.stop_words = stop_words
        self._cache: dict[str, str] = {}

    def words(self, text: str) -> list[str]:
        """Folded words before stemming, elisions removed, SMS spellings restored."""
        text = fold_accents(text.replace("\u2019", "'").replace("`", "'"))
        text = _INVERSION.sub(" ", _ELISION.sub(" ", text))
        words: list[str] = []
        for raw in _TOKEN.findall(text):
            word = SMS_SPELLINGS.get(raw, raw)
            if word:
                words.append(word)
        return words

    def _stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            ordinal = _ORDINAL.match(word)
            if ordinal:
                stem = ordinal.group(1) + "e"
            elif word in _ORDINAL_WORDS:
                stem = _ORDINAL_WORDS[word] + "e"
            elif word[0].isdigit():
                stem = word.replace(".", ",")
            else:
                stem = _STEMS_KEPT_APART.get(word) or _stemmer().stemWord(_participle(word))
            if len(self._cache) >= STEM_CACHE_SIZE:  # user text must not grow it without bound
                self._cache.clear()
            self._cache[word] = stem
        return stem

    def _word_terms(self, word: str) -> list[str]:
        if "-" not in word:
            if word in self.stop_words:
                return []
            stem = self._stem(word)
            # An ordinal also stands for its number: "deuxième phase" must meet "phase 2".
            return [stem, stem[:-1]] if stem[:-1].isdigit() and stem.endswith("e") else [stem]
        parts = [p for p in word.split("-") if p]
        terms = [self._stem(p) for p in parts if p not in self.stop_words]
        # "plates-formes" must meet "plateformes": join the parts, singular first part.
        head = parts[0][:-1] if parts[0].endswith("s") and len(parts) == 2 else parts[0]
        joined = head + "".join(parts[1:])
        if len(parts) > 1 and len(joined) > 5:
            terms.append(self._stem(joined))
        return terms

    def terms(self, text: str) -> list[str]:
        """Index terms of a text, in order, with repetitions."""
        out: list[str] = []
        for word in self.words(text):
            out.extend(self._word_terms(word))
        return out
