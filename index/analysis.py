"""French text analysis for the lexical index: elision, accents, stop words, stemming."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

import Stemmer

from index.french_words import (
    EE_NOUNS,
    ORDINAL_WORDS,
    SMS_SPELLINGS,
    STEMS_KEPT_APART,
    STOP_WORDS,
)

_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)
_TOKEN = re.compile(r"\d+[^\W\d_]+|\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_INVERSION = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce|moi|toi|lui|leur)\b")  # consacre-t-il
# « InnoViandes » is read as « Inno-Viandes » too: a question may say « viande » of the pôle's name.
_CAMEL_CASE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ][a-zà-ÿ])")
# « à part la recherche, … ? », « mis à part l'État »: a locution, not « la part » of anything
_APART = re.compile(r"\b(?:mis )?a part\b")
# « mettre des sous », « combien de sous »: money; « sous nos pieds », « des sous-traitants » are not
_SOUS_MONEY = re.compile(r"\b(des|les|mes|tes|ses|nos|vos|leurs|aux|de|plus de|pas de|peu de) sous\b(?!-)")
_ORDINAL = re.compile(r"^(\d+)(?:e|er|ere|eme|em|ieme|nd|nde)$")

# Raised whenever the terms of a text change (stemming, stop words): an index keeps the terms it was
# built with, so a build analyses every passage afresh and a server warns until the index is rebuilt.
ANALYSIS_VERSION = 12

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
    if len(word) > 5 and word.endswith("ee") and word not in EE_NOUNS:
        return word[:-1]
    return word


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
        text = fold_accents(_CAMEL_CASE.sub("-", text.replace("\u2019", "'").replace("`", "'")))
        text = _SOUS_MONEY.sub(r"\1 argent", _INVERSION.sub(" ", _ELISION.sub(" ", text)))
        text = _APART.sub(" ", text)
        words: list[str] = []
        for raw in _TOKEN.findall(text):
            words.extend(SMS_SPELLINGS.get(raw, raw).split())  # « pcq »: « parce que », two words
        return words

    def _stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            ordinal = _ORDINAL.match(word)
            if ordinal:
                stem = ordinal.group(1) + "e"
            elif word in ORDINAL_WORDS:
                stem = ORDINAL_WORDS[word] + "e"
            elif word[0].isdigit():
                stem = word.replace(".", ",")
            else:
                stem = STEMS_KEPT_APART.get(word) or _stemmer().stemWord(_participle(word))
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
