import numpy as np
import pytest

from index.faiss_store import FaissStore


def unit_vectors(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_exact_search_finds_each_vector_first_and_roundtrips(tmp_path):
    vectors = unit_vectors(50)
    store = FaissStore.build(vectors)
    scores, ids = store.search(vectors[:5], 3)
    assert ids[:, 0].tolist() == [0, 1, 2, 3, 4]
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)
    store.save(tmp_path / "d.faiss")
    assert FaissStore.load(tmp_path / "d.faiss").search(vectors[:1], 1)[1][0][0] == 0


def test_large_collections_use_an_approximate_index():
    vectors = unit_vectors(300)
    store = FaissStore.build(vectors, approximate_above=100)
    assert "HNSW" in type(store._index).__name__
    assert store.search(vectors[7:8], 1)[1][0][0] == 7


def test_truncated_file_is_refused(tmp_path):
    FaissStore.build(unit_vectors(10)).save(tmp_path / "d.faiss")
    data = (tmp_path / "d.faiss").read_bytes()
    (tmp_path / "d.faiss").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="index FAISS .* illisible"):
        FaissStore.load(tmp_path / "d.faiss")
