"""Fusion of the lexical and dense rankings into one score in [0, 1] per passage."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

import numpy as np


class JoinMode(StrEnum):
    """Which signals rank the passages: one of the two searches alone, or their weighted fusion."""

    LEXICAL = "lexical"
    DENSE = "dense"
    HYBRID = "hybrid"


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the signals, each in [0, 1]; set once for every question, from the dev sets.

    Dense and lexical carry most of it; coverage (the question's idf weight found in the passage)
    keeps BM25's length bias in check; proximity and answer type break near ties.
    """

    lexical: float = 0.30
    dense: float = 0.40
    coverage: float = 0.20
    proximity: float = 0.05
    answer_type: float = 0.05

    def normalised(self) -> FusionWeights:
        total = sum(getattr(self, f.name) for f in fields(self))
        return FusionWeights(**{f.name: getattr(self, f.name) / total for f in fields(self)})


def normalise_max(scores: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the best score (BM25 has no fixed range)."""
    top = float(scores.max()) if scores.size else 0.0
    return scores / top if top > 0 else np.zeros_like(scores)


def normalise_cosine(cosines: np.ndarray) -> np.ndarray:
    """Map cosines from [min, max] of the candidates to [0, 1]; all equal gives zeros."""
    low, high = float(cosines.min()), float(cosines.max())
    return (cosines - low) / (high - low) if high > low else np.zeros_like(cosines)


class Fusion:
    """Joins the signals of the candidate passages; weights are normalised once, so scores stay in [0, 1]."""

    def __init__(self, mode: JoinMode = JoinMode.HYBRID, weights: FusionWeights | None = None) -> None:
        self.mode = JoinMode(mode)
        self.weights = (weights or FusionWeights()).normalised()

    def join(self, signals: dict[str, np.ndarray]) -> np.ndarray:
        return getattr(self, f"_join_{self.mode.value}")(signals)

    def _join_lexical(self, signals: dict[str, np.ndarray]) -> np.ndarray:
        return normalise_max(signals["lexical"])

    def _join_dense(self, signals: dict[str, np.ndarray]) -> np.ndarray:
        return np.clip(signals["dense"], 0.0, 1.0)

    def _join_hybrid(self, signals: dict[str, np.ndarray]) -> np.ndarray:
        w = self.weights
        return (
            w.lexical * normalise_max(signals["lexical"])
            + w.dense * normalise_cosine(signals["dense"])
            + w.coverage * signals["coverage"]
            + w.proximity * signals["proximity"]
            + w.answer_type * signals["answer_type"]
        )
