import numpy as np

from index.fusion import Fusion, FusionWeights, JoinMode, normalise_cosine, normalise_max

SIGNALS = {
    "lexical": np.array([10.0, 9.0, 0.0]),
    "dense": np.array([0.2, 0.6, 0.7]),
    "coverage": np.array([0.5, 1.0, 0.0]),
    "proximity": np.zeros(3),
    "answer_type": np.zeros(3),
}


def test_normalisations_map_to_unit_range():
    assert normalise_max(np.array([0.0, 2.0, 4.0])).tolist() == [0.0, 0.5, 1.0]
    assert normalise_max(np.zeros(3)).tolist() == [0.0, 0.0, 0.0]
    assert normalise_cosine(np.array([0.2, 0.4, 0.6])).round(3).tolist() == [0.0, 0.5, 1.0]


def test_weighted_fusion_prefers_agreement_of_signals():
    assert int(np.argmax(Fusion(JoinMode.HYBRID).join(SIGNALS))) == 1


def test_fused_scores_stay_in_the_unit_range_whatever_the_weights():
    fused = Fusion(JoinMode.HYBRID, FusionWeights(lexical=3, dense=2, coverage=2, proximity=1, answer_type=1))
    best = {k: np.ones(3) for k in SIGNALS} | {"dense": np.array([0.1, 0.9, 0.9]), "lexical": np.full(3, 7.0)}
    scores = fused.join(best)
    assert scores.max() <= 1.0 + 1e-6 and scores.min() >= 0.0


def test_single_signal_modes():
    assert int(np.argmax(Fusion(JoinMode.LEXICAL).join(SIGNALS))) == 0
    assert int(np.argmax(Fusion(JoinMode.DENSE).join(SIGNALS))) == 2
