"""Fusion of the lexical and dense rankings into one score per passage."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the normalised signals; set once for every question, from the dev set."""

    lexical: float = 0.40
    dense: float = 0.25
    coverage: float = 0.25
    proximity: float = 0.10
    answer_type: float = 0.10


def normalise_max(scores: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the best score (BM25 has no fixed range)."""
    top = float(scores.max()) if scores.size else 0.0
    return scores / top if top > 0 else np.zeros_like(scores)


def normalise_cosine(cosines: np.ndarray) -> np.ndarray:
    """Map cosines from [min, max] of the candidates to [0, 1]; all equal gives zeros."""
    low, high = float(cosines.min()), float(cosines.max())
    return (cosines - low) / (high - low) if high > low else np.zeros_like(cosines)


def weighted_fusion(signals: dict[str, np.ndarray], weights: FusionWeights) -> np.ndarray:
    """Weighted sum of the signals; BM25 and cosine are normalised first, the rest are in [0, 1]."""
    return (
        weights.lexical * normalise_max(signals["lexical"])
        + weights.dense * normalise_cosine(signals["dense"])
        + weights.coverage * signals["coverage"]
        + weights.proximity * signals["proximity"]
        + weights.answer_type * signals["answer_type"]
    )
