import numpy as np

from index.fusion import FusionWeights, normalise_cosine, normalise_max, weighted_fusion


def test_normalisations_map_to_unit_range():
    assert normalise_max(np.array([0.0, 2.0, 4.0])).tolist() == [0.0, 0.5, 1.0]
    assert normalise_max(np.zeros(3)).tolist() == [0.0, 0.0, 0.0]
    assert normalise_cosine(np.array([0.2, 0.4, 0.6])).round(3).tolist() == [0.0, 0.5, 1.0]


def test_weighted_fusion_prefers_agreement_of_signals():
    signals = {
        "lexical": np.array([10.0, 9.0, 0.0]),
        "dense": np.array([0.2, 0.6, 0.7]),
        "coverage": np.array([0.5, 1.0, 0.0]),
        "proximity": np.zeros(3),
        "answer_type": np.zeros(3),
    }
    fused = weighted_fusion(signals, FusionWeights())
    assert int(np.argmax(fused)) == 1
