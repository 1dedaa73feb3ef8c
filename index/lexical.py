"""The French lexical index: BM25 (bm25s) over FrenchAnalyzer terms."""

from __future__ import annotations

import json
import logging
from functools import cached_property
from itertools import chain
from pathlib import Path

import bm25s
import numpy as np
from bm25s import scoring

from index.analysis import FrenchAnalyzer
from index.proximity import pair_proximity

logging.getLogger("bm25s").setLevel(logging.WARNING)


class _CountedBM25(bm25s.BM25):
    """bm25s's BM25, its score matrix built with numpy counts in one pass instead of a Python loop over the
    passages (a tenth of the time on 10,000 passages: a one-document rebuild rebuilds it whole). Same scores,
    same files: bm25s's own idf and term-frequency formulas, its own compressed columns."""

    def build_index_from_ids(self, unique_token_ids, corpus_token_ids, show_progress=True, leave_progress=False):
        if self.method in self.methods_requiring_nonoccurrence:  # scores minus a non-occurrence term: bm25s's way
            return super().build_index_from_ids(unique_token_ids, corpus_token_ids, show_progress, leave_progress)
        self.nonoccurrence_array = None
        n_docs, n_vocab = len(corpus_token_ids), len(unique_token_ids)
        lengths = np.fromiter(map(len, corpus_token_ids), dtype=np.int64, count=n_docs)
        tokens = np.fromiter(chain.from_iterable(corpus_token_ids), dtype=np.int64, count=int(lengths.sum()))
        # each (passage, term) pair once, with how often the term occurs in the passage
        pairs, counts = np.unique(np.repeat(np.arange(n_docs), lengths) * n_vocab + tokens, return_counts=True)
        rows, columns = pairs // n_vocab, pairs % n_vocab
        idf_of = scoring._select_idf_scorer(self.idf_method)
        idf = np.array([idf_of(df, N=n_docs) if df else 0.0 for df in np.bincount(columns, minlength=n_vocab)])
        tfc = scoring._select_tfc_scorer(self.method)(
            tf_array=counts.astype(self.dtype), l_d=lengths[rows], l_avg=lengths.mean(), k1=self.k1, b=self.b
        )
        scores = idf.astype(self.dtype)[columns] * tfc
        data, indices, indptr = self._np_csc(data=scores, rows=rows, cols=columns, shape=(n_docs, n_vocab))
        return {"data": data.astype(self.dtype), "indices": indices, "indptr": indptr, "num_docs": n_docs}


class LexicalIndex:
    """BM25 scores and term sets for every passage; terms come from one FrenchAnalyzer."""

    TERMS = "terms.json"  # the analysed passages, beside bm25s's own files

    def __init__(self, bm25: bm25s.BM25, term_lists: list[list[str]], analyzer: FrenchAnalyzer) -> None:
        self._bm25 = bm25
        self.term_lists = term_lists  # in text order, for proximity
        self.analyzer = analyzer
        self.vocabulary: dict[str, int] = bm25.vocab_dict
        # The score matrix holds one entry per (passage, term): a term's column length is its document frequency.
        self._doc_freq = np.diff(bm25.scores["indptr"])

    @classmethod
    def build(cls, texts: list[str], analyzer: FrenchAnalyzer | None = None) -> LexicalIndex:
        analyzer = analyzer or FrenchAnalyzer()
        return cls.from_terms([analyzer.terms(t) for t in texts], analyzer)

    @classmethod
    def from_terms(cls, terms: list[list[str]], analyzer: FrenchAnalyzer) -> LexicalIndex:
        """Index passages already analysed (a rebuild reuses the terms of unchanged passages)."""
        bm25 = _CountedBM25(k1=1.2, b=0.75)
        bm25.index(terms, show_progress=False)
        return cls(bm25, terms, analyzer)

    @cached_property
    def term_sets(self) -> list[frozenset[str]]:
        """Each passage's terms as a set, made when a search first needs them (a build never does)."""
        return [frozenset(t) for t in self.term_lists]

    @property
    def size(self) -> int:
        return len(self.term_lists)

    def document_frequency(self, term: str) -> int:
        """How many passages hold the term."""
        column = self.vocabulary.get(term)
        # bm25s's empty token has a vocabulary id past the matrix's columns
        return int(self._doc_freq[column]) if column is not None and column < len(self._doc_freq) else 0

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency; an unknown term gets the highest value."""
        return float(np.log(1 + (self.size + 1) / (self.document_frequency(term) + 0.5)))

    def proximity(self, row: int, query: list[str], window: int = 3) -> float:
        return pair_proximity(self.term_lists[row], query, window)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every passage for the query terms (zero where none match)."""
        known = [t for t in terms if t in self.vocabulary]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(known), dtype=np.float32)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(folder), show_progress=False)
        # json.dumps, not json.dump: the one-shot C encoder, 10x faster on 10,000 term lists.
        (folder / LexicalIndex.TERMS).write_text(json.dumps(self.term_lists, ensure_ascii=False), encoding="utf-8")

    @staticmethod
    def read_terms(folder: Path) -> list[list[str]]:
        """The analysed passages alone, for a build that reuses them."""
        with (folder / LexicalIndex.TERMS).open(encoding="utf-8") as fh:
            return json.load(fh)

    @staticmethod
    def stored_size(folder: Path) -> int:
        """How many passages the saved BM25 index scores, read without its term lists (a build's check)."""
        try:
            return int(bm25s.BM25.load(str(folder), show_progress=False).scores["num_docs"])
        except (OSError, ValueError, KeyError) as exc:
            raise ValueError(f"index lexical illisible : {exc}") from exc

    @classmethod
    def load(cls, folder: Path, analyzer: FrenchAnalyzer | None = None) -> LexicalIndex:
        try:
            bm25 = bm25s.BM25.load(str(folder), show_progress=False)
            with (folder / LexicalIndex.TERMS).open(encoding="utf-8") as fh:
                term_lists = json.load(fh)
        except (OSError, ValueError, KeyError) as exc:
            raise ValueError(f"index lexical illisible : {exc}") from exc
        return cls(bm25, term_lists, analyzer or FrenchAnalyzer())
