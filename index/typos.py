"""Typos mended before a question is read, so that its search, its constraints and its answer's checks all see the
word the user meant: « y avait une exeption ? » is read « y avait une exception ? »."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from index.analysis import fold_accents
from index.dictionary import french_dictionary

MIN_MENDED = 6  # letters of a word that a typo may have made: not « koi », « tjs », « ptn »
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[^\W\d_]+")  # letters only: « l'exeption » holds « exeption », « a-t-il » three short words


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

    def __init__(self, written: dict[str, str], names: frozenset[str], terms: Callable[[str], list[str]]) -> None:
        self.written = written  # each word of the documents, folded, and how the documents write it
        self.names = names  # folded words the documents only ever write with a capital: Aquimer, Cellmill
        self.terms = terms  # the index terms of a word: two spellings of one term are one word for search
        self.french = french_dictionary()

    @classmethod
    def of_texts(cls, texts: Iterable[str], terms: Callable[[str], list[str]]) -> TypoMender:
        """A mender for documents' texts: their words, as first written, and their names."""
        anyhow: dict[str, str] = {}
        in_lower_case: dict[str, str] = {}  # « exception »: a word written so anywhere is no name
        for text in texts:
            for word in _WORD.findall(unicodedata.normalize("NFC", text)):
                anyhow.setdefault(fold_accents(word), word)
                if word[0].islower():
                    in_lower_case.setdefault(fold_accents(word), word)
        return cls(anyhow | in_lower_case, frozenset(anyhow.keys() - in_lower_case.keys()), terms)

    def mend(self, question: str) -> str:
        """The question with each typo replaced by the word of the documents it is a letter off, as they write it.
        A typo is a word of MIN_MENDED letters or more, neither French nor the documents', a letter off words of the
        documents that are all one index term (« exeption » → exception; « les Colectivités » → collectivités). A
        name of the documents is mended only for a letter left out or added (« cellmil » → Cellmill), never
        changed: « Aquamer » may be another pôle than Aquimer, and the answer's checks say that it is not in the
        documents."""
        question = unicodedata.normalize("NFC", question)
        opening = len(question) - len(question.lstrip())
        return _WORD.sub(lambda found: self._mended(found.group(0), found.start() == opening), question)

    def _mended(self, word: str, opens: bool) -> str:
        folded = fold_accents(word)
        if len(folded) < MIN_MENDED or folded in self.written or folded in self.french:
            return word
        typed = self.terms(folded)
        if len(typed) != 1:  # a word the search drops, or reads as two
            return word
        near = sorted(
            other
            for other in one_letter_off(folded) & self.written.keys()
            if other not in self.names or len(other) != len(folded)
        )
        meant = {term for other in near for term in self.terms(other)}
        # « préselectionnée » beside « présélectionnées »: one term already, nothing to mend
        if len(meant) != 1 or meant == set(typed):
            return word
        mended = self.written[near[0]]  # as the documents write it; capitalised if it opens the question
        return mended[0].upper() + mended[1:] if opens and word[0].isupper() else mended
