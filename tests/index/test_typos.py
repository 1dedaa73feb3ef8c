"""Typos mended before a question is read: against the documents' words, never a French word."""

import pytest

from index.analysis import FrenchAnalyzer
from index.typos import TypoMender, french_words, one_letter_off

ANALYZER = FrenchAnalyzer()
DOCUMENT = (
    "À une exception près, le développement de Cellmill et des phases ; la caisse et les retraits présélectionnés."
)


@pytest.fixture(scope="module")
def mender() -> TypoMender:
    return TypoMender(frozenset(ANALYZER.words(DOCUMENT)), ANALYZER.terms)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("y avait une exeption ?", "y avait une exception ?"),  # a letter left out
        ("le developement des pôles", "le developpement des pôles"),
        ("l'exceptoin", "l'exception"),  # two letters swapped, after an elision
        ("cellmil sa porte sur koi", "cellmill sa porte sur koi"),  # a name typed in lower case
    ],
)
def test_a_word_a_letter_off_one_of_the_documents_is_read_as_it(mender, typed, read):
    assert mender.mend(typed) == read


@pytest.mark.parametrize(
    "question",
    [
        "la baisse des retraites ?",  # French words the documents lack: « caisse », « retraits » are not meant
        "une phrase du président",  # not « phase »
        "qui préside Cellmil ?",  # a capital: a name, which the answer's checks find missing
        "les pôles présélectionnée ?",  # one index term with the documents' word already
        "koi de neuf",  # too short to tell
    ],
)
def test_french_words_names_and_short_words_are_left_as_typed(mender, question):
    assert mender.mend(question) == question


def test_the_dictionary_is_folded_and_knows_everyday_words():
    words = french_words()
    assert {"baisse", "phrase", "retraites", "evaluation", "prolongee"} <= words
    assert "exeption" not in words and "developement" not in words


def test_one_letter_off_covers_the_four_typos():
    near = one_letter_off("phase")
    assert {"phse", "phasse", "pahse", "phose"} <= near and "phase" not in near
