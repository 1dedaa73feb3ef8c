"""Dense vectors in FAISS: build, search (batch first), save and load."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import faiss

# faiss is imported where it is used: its OpenMP runtime reads the thread settings when it loads,
# and the process that starts sets them first (index.threads.configure_threads).


class FaissStore:
    """Normalised passage vectors; inner product equals cosine on normalised vectors."""

    def __init__(self, index: faiss.Index) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, approximate_above: int = 50_000) -> FaissStore:
        """Exact search by default; HNSW once the collection is too large to scan."""
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = vectors.shape[1]
        if len(vectors) > approximate_above:
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
            index.hnsw.efSearch = 128
        else:
            index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        return cls(index)

    @property
    def size(self) -> int:
        return int(self._index.ntotal)

    @property
    def dimension(self) -> int:
        return int(self._index.d)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-k (scores, row ids) for each query row; ids are -1 where fewer rows exist."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        return self._index.search(queries, min(k, self.size))

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> FaissStore:
        import faiss

        try:
            return cls(faiss.read_index(str(path)))
        except RuntimeError as exc:
            raise ValueError(f"index FAISS {path.name} illisible : {exc}") from exc
