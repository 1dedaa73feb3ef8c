"""Hybrid retrieval: French BM25 and dense FAISS search, fused into one ranking."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from corpus.model import Chunk
from index.analysis import QUESTION_FILLER_WORDS
from index.bundle import IndexBundle
from index.embedding import Encoder
from index.fusion import FusionWeights, normalise_max, weighted_fusion
from index.question_type import answer_type, holds_answer_type
from index.synonyms import Thesaurus

SYNONYM_WEIGHT = 0.6  # a thesaurus match counts less than the word the user wrote
CONTEXT_WEIGHT = 0.5  # terms of earlier turns count less than the follow-up's own
FILLER_WEIGHT = 0.25  # "donne-moi", "travaille", "signifie": words of the question's form


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with the signals that ranked it."""

    chunk: Chunk
    score: float
    lexical: float
    dense: float
    coverage: float


class HybridRetriever:
    """Search one index version; immutable, so a reload swaps whole retrievers."""

    def __init__(
        self,
        bundle: IndexBundle,
        encoder: Encoder,
        weights: FusionWeights | None = None,
        mode: str = "hybrid",
        candidates: int = 50,
    ) -> None:
        if mode not in {"hybrid", "lexical", "dense"}:
            raise ValueError(f"unknown retrieval mode {mode!r}")
        self.bundle = bundle
        self.encoder = encoder
        self.weights = weights or FusionWeights()
        self.mode = mode
        self.candidates = candidates
        self.analyzer = bundle.lexical.analyzer
        self.thesaurus = Thesaurus(self.analyzer)
        self.filler_terms = {t for w in QUESTION_FILLER_WORDS for t in self.analyzer.terms(w)}

    @property
    def version(self) -> str:
        return self.bundle.version

    def query_terms(self, question: str, context: str = "") -> dict[str, float]:
        """Weighted query terms: the question's at 1, earlier turns' at CONTEXT_WEIGHT."""
        terms: dict[str, float] = {}
        for text, weight in ((context, CONTEXT_WEIGHT), (question, 1.0)):
            for term in self.analyzer.terms(text):
                own = weight * (FILLER_WEIGHT if term in self.filler_terms else 1.0)
                terms[term] = max(own, terms.get(term, 0.0))
        return terms

    def _lexical_scores(self, terms: dict[str, float]) -> np.ndarray:
        lexical = self.bundle.lexical
        total = np.zeros(lexical.size, dtype=np.float32)
        for term, weight in terms.items():
            best = lexical.scores([term])
            for other in self.thesaurus.related(term):
                if other in lexical.vocabulary:
                    best = np.maximum(best, SYNONYM_WEIGHT * lexical.scores([other]))
            total += weight * best
        return total

    def term_coverage(self, terms: dict[str, float], present: set[str] | frozenset[str]) -> float:
        """Share of the query's weight (idf × term weight) found in a set of terms; synonyms count less."""
        lexical = self.bundle.lexical
        total = got = 0.0
        for term, weight in terms.items():
            weight *= lexical.idf(term)
            total += weight
            if term in present:
                got += weight
            elif self.thesaurus.related(term) & present:
                got += SYNONYM_WEIGHT * weight
        return got / total if total > 0 else 0.0

    def unknown_share(self, terms: dict[str, float]) -> float:
        """Share of the query's weight in words the corpus never uses, not even through the thesaurus."""
        lexical = self.bundle.lexical
        total = unknown = 0.0
        for term, weight in terms.items():
            weight *= lexical.idf(term)
            total += weight
            if term not in lexical.vocabulary and not any(
                t in lexical.vocabulary for t in self.thesaurus.related(term)
            ):
                unknown += weight
        return unknown / total if total > 0 else 1.0

    def coverage(self, terms: dict[str, float], rows: np.ndarray) -> np.ndarray:
        term_sets = self.bundle.lexical.term_sets
        return np.array([self.term_coverage(terms, term_sets[r]) for r in rows], dtype=np.float32)

    def search(self, question: str, k: int = 3, context: str = "") -> list[Hit]:
        """The k best passages for a question, optionally read with earlier turns as context."""
        terms = self.query_terms(question, context)
        lexical_all = self._lexical_scores(terms)
        query_text = f"{context} {question}".strip()
        query_vector = self.encoder.encode_queries([query_text])[0]
        n = min(self.candidates, self.bundle.dense.size)
        _, dense_ids = self.bundle.dense.search(query_vector.reshape(1, -1), n)
        lexical_ids = np.argpartition(-lexical_all, n - 1)[:n] if n < len(lexical_all) else np.arange(n)
        rows = np.unique(np.concatenate([dense_ids[0][dense_ids[0] >= 0], lexical_ids[lexical_all[lexical_ids] > 0]]))
        dense = self.bundle.vectors[rows] @ query_vector  # cosine: both sides are normalised
        lexical = normalise_max(lexical_all)[rows]
        coverage = self.coverage(terms, rows)
        if self.mode == "lexical":
            fused = lexical
        elif self.mode == "dense":
            fused = dense
        else:
            own_terms = self.analyzer.terms(question)
            kind = answer_type(question)
            chunks = self.bundle.chunks
            signals = {
                "lexical": lexical_all[rows],
                "dense": dense,
                "coverage": coverage,
                "proximity": np.array([self.bundle.lexical.proximity(r, own_terms) for r in rows]),
                "answer_type": np.array([float(holds_answer_type(chunks[r].text, kind)) for r in rows]),
            }
            fused = weighted_fusion(signals, self.weights)
        order = np.argsort(-fused, kind="stable")[:k]
        return [
            Hit(self.bundle.chunks[rows[i]], float(fused[i]), float(lexical[i]), float(dense[i]), float(coverage[i]))
            for i in order
        ]
