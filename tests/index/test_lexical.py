import random
from collections import Counter

import bm25s
import numpy as np
import pytest
from tests_paths import DEFAULT_CORPUS

from index.analysis import FrenchAnalyzer
from index.lexical import LexicalIndex, _CountedBM25


def _passages() -> list[list[str]]:
    analyzer = FrenchAnalyzer()
    texts = [block for path in sorted(DEFAULT_CORPUS.glob("*")) for block in path.read_text().split("\n\n")]
    return [analyzer.terms(t) for t in texts if t.strip()]


def _random_passages(count: int) -> list[list[str]]:
    rng = random.Random(3)
    words = [f"mot{i}" for i in range(500)]
    return [[rng.choice(words) for _ in range(rng.randint(0, 40))] for _ in range(count)]


@pytest.mark.parametrize("passages", [_passages(), _random_passages(2000)], ids=["corpus", "random"])
def test_the_counted_score_matrix_is_bm25s_own(passages):
    stock, counted = bm25s.BM25(k1=1.2, b=0.75), _CountedBM25(k1=1.2, b=0.75)
    stock.index(passages, show_progress=False)
    counted.index(passages, show_progress=False)
    for part in ("data", "indices", "indptr"):
        assert np.array_equal(stock.scores[part], counted.scores[part]), part
    assert stock.scores["num_docs"] == counted.scores["num_docs"]
    query = [t for t in sorted(stock.vocab_dict) if t][:5]
    assert np.array_equal(stock.get_scores(query), counted.get_scores(query))


def test_an_index_saved_from_counted_scores_loads_as_bm25s(tmp_path):
    passages = _passages()
    LexicalIndex.from_terms(passages, FrenchAnalyzer()).save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert loaded.size == len(passages) and isinstance(loaded._bm25, bm25s.BM25)
    assert loaded.scores(["pol", "label"]).max() > 0


@pytest.mark.parametrize("passages", [_passages(), _random_passages(2000)], ids=["corpus", "random"])
def test_document_frequencies_come_from_the_score_matrix(tmp_path, passages):
    counted = Counter(term for passage in passages for term in set(passage))
    LexicalIndex.from_terms(passages, FrenchAnalyzer()).save(tmp_path)
    for index in (LexicalIndex.from_terms(passages, FrenchAnalyzer()), LexicalIndex.load(tmp_path)):
        assert {t: index.document_frequency(t) for t in counted} == counted
        assert index.document_frequency("absentdupassage") == 0
        assert index.term_sets == [frozenset(p) for p in passages]
