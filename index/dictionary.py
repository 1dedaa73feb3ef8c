"""A French dictionary, folded: which words are French at all, whether the documents use them or not."""

from __future__ import annotations

from functools import lru_cache

from spellchecker import SpellChecker

from index.analysis import fold_accents


@lru_cache(maxsize=1)
def french_dictionary() -> frozenset[str]:
    """The words of a French dictionary (pyspellchecker's, 140 000 words), folded: a French word the documents lack
    is no typo (« baisse » is not « caisse », « phrase » not « phase »), and no name. Read once per process."""
    return frozenset(fold_accents(word) for word in SpellChecker(language="fr", distance=1).word_frequency.dictionary)
