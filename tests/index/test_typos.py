"""Typos mended before a question is read: against the documents' words, never a French word."""

import pytest

from index.analysis import FrenchAnalyzer
from index.dictionary import french_dictionary
from index.typos import TypoMender, one_letter_off

ANALYZER = FrenchAnalyzer()
DOCUMENT = (
    "À une exception près, le développement de Cellmill et des phases ; la caisse et les retraits présélectionnés."
)


@pytest.fixture(scope="module")
def mender() -> TypoMender:
    return TypoMender.of_texts([DOCUMENT], ANALYZER.terms)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("y avait une exeption ?", "y avait une exception ?"),  # a letter left out
        ("le developement des pôles", "le développement des pôles"),  # as the documents write it
        ("l'exceptoin", "l'exception"),  # two letters swapped, after an elision
        ("cellmil sa porte sur koi", "Cellmill sa porte sur koi"),  # a name typed in lower case, a letter short
        ("Exeption pour qui ?", "Exception pour qui ?"),  # a capital, as the word was typed
        ("Ok. Developement ?", "Ok. développement ?"),  # the documents' word, in the documents' case
        ("une Exeption ?", "une exception ?"),  # a capital inside a sentence: the documents' word
        ("qui préside Cellmil ?", "qui préside Cellmill ?"),  # a letter short of a name: that name
        ("l\u0065\u0301valuation, l'exeption", "l\u00e9valuation, l'exception"),  # decomposed accents: one letter
    ],
)
def test_a_word_a_letter_off_one_of_the_documents_is_read_as_it(mender, typed, read):
    assert mender.mend(typed) == read


@pytest.mark.parametrize(
    "question",
    [
        "la baisse des retraites ?",  # French words the documents lack: « caisse », « retraits » are not meant
        "une phrase du président",  # not « phase »
        "qui préside Cellmull ?",  # a name of the documents with a letter changed may be another one (« Aquamer »)
        "le pôle cellmull ?",
        "les pôles présélectionnée ?",  # one index term with the documents' word already
        "koi de neuf",  # too short to tell
    ],
)
def test_french_words_names_and_short_words_are_left_as_typed(mender, question):
    assert mender.mend(question) == question


def test_the_dictionary_is_folded_and_knows_everyday_words():
    words = french_dictionary()
    assert {"baisse", "phrase", "retraites", "evaluation", "prolongee"} <= words
    assert "exeption" not in words and "developement" not in words


def test_one_letter_off_covers_the_four_typos():
    near = one_letter_off("phase")
    assert {"phse", "phasse", "pahse", "phose"} <= near and "phase" not in near
