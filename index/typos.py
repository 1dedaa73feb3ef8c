"""Typos mended before a question is read, so that its search, its constraints and its answer's checks all see the
word the user meant: « y avait une exeption ? » is read « y avait une exception ? »."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spellchecker import SpellChecker

from index.analysis import fold_accents

MIN_MENDED = 6  # letters of a word that a typo may have made: not « koi », « tjs », « ptn »
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[^\W\d_]+")  # letters only: « l'exeption » holds « exeption », « a-t-il » three short words


@lru_cache(maxsize=1)
def french_words() -> frozenset[str]:
    """The words of a French dictionary (pyspellchecker's, 140 000 words), folded: a French word the documents lack
    is no typo (« baisse » is not « caisse », « phrase » not « phase »). Read once per process."""
    return frozenset(fold_accents(word) for word in SpellChecker(language="fr", distance=1).word_frequency.dictionary)


def one_letter_off(word: str) -> set[str]:
    """Every string one letter left out, added, changed or two swapped from the word."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    ) - {word}


class TypoMender:
    """Mends the typos of a question against one index version's words."""

    def __init__(self, corpus_words: frozenset[str], terms: Callable[[str], list[str]]) -> None:
        self.corpus_words = corpus_words  # folded, as the analyzer reads the documents
        self.terms = terms  # the index terms of a word: two spellings of one term are one word for search
        self.french = french_words()

    def mend(self, question: str) -> str:
        """The question with each typo replaced by the word of the documents it is a letter off. A typo is a word of
        MIN_MENDED letters or more, neither French nor the documents', a letter off words of the documents that are
        all one index term (« exeption » → exception; « cellmil » → cellmill). Not a word written with a capital:
        « Aquamer » is a name, not Aquimer, and the answer's checks say that it is not in the documents."""
        return _WORD.sub(lambda found: self._mended(found.group(0)), question)

    def _mended(self, word: str) -> str:
        folded = fold_accents(word)
        if len(folded) < MIN_MENDED or word[0].isupper() or folded in self.corpus_words or folded in self.french:
            return word
        typed = self.terms(folded)
        if len(typed) != 1:  # a word the search drops, or reads as two
            return word
        near = sorted(one_letter_off(folded) & self.corpus_words)
        meant = {term for other in near for term in self.terms(other)}
        # « préselectionnée » beside « présélectionnées »: one term already, nothing to mend
        return near[0] if len(meant) == 1 and meant != set(typed) else word
