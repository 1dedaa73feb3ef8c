"""Passage vectors already computed, kept beside the index versions and reused by every build.

One append-only file per backend and model under `<index root>/vector-cache/`. A record is the
SHA-256 of what was embedded (backend, model, passage prompt, text), a CRC32 and the vector. Each
batch is appended as soon as it is encoded, so a build killed at any moment leaves every finished
batch for the next one; a torn last record or a record whose checksum fails is ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

FOLDER = "vector-cache"
KEY_BYTES = 32


def record_dtype(dimension: int) -> np.dtype:
    # Keys as raw bytes (not "S32", which drops trailing zero bytes).
    return np.dtype([("key", "u1", (KEY_BYTES,)), ("crc", "<u4"), ("vector", "<f4", (dimension,))])


def _records(dtype: np.dtype, keys: list[bytes], vectors: np.ndarray) -> np.ndarray:
    records = np.empty(len(keys), dtype=dtype)
    records["key"] = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), KEY_BYTES)
    records["vector"] = vectors
    records["crc"] = [_crc(k, v) for k, v in zip(keys, vectors)]
    return records


def _crc(key: bytes, vector: np.ndarray) -> int:
    return zlib.crc32(key + vector.astype("<f4").tobytes())


class VectorCache:
    """Content-addressed vectors of one backend and model; one writer at a time (the build lock)."""

    def __init__(self, root: Path, backend: str, model: str, dimension: int) -> None:
        self.backend, self.model, self.dimension = backend, model, dimension
        self.dtype = record_dtype(dimension)
        identity = hashlib.sha256(f"{backend}\x00{model}\x00{dimension}".encode()).hexdigest()[:16]
        self.path = root / FOLDER / f"{identity}.vectors"
        self._rows: dict[bytes, int] = {}
        self._vectors: list[np.ndarray] = []  # loaded records, then each appended batch
        self._count = 0
        self._load()

    @classmethod
    def for_encoder(cls, root: Path, encoder) -> VectorCache:
        return cls(root, encoder.backend, encoder.name, encoder.dimension)

    def key(self, prompt: str, text: str) -> bytes:
        """The same text under the same backend, model and prompt has the same vector."""
        return hashlib.sha256(f"{self.backend}\x00{self.model}\x00{prompt}\x00{text}".encode()).digest()

    def __len__(self) -> int:
        return len(self._rows)

    def _load(self) -> None:
        if not self.path.is_file():
            return
        data = self.path.read_bytes()
        whole = len(data) // self.dtype.itemsize * self.dtype.itemsize  # a killed write leaves a torn tail
        records = np.frombuffer(data[:whole], dtype=self.dtype)
        keys = [bytes(k) for k in records["key"]]
        good = np.array([_crc(k, v) == c for k, v, c in zip(keys, records["vector"], records["crc"])], dtype=bool)
        if len(data) != whole or not good.all():
            log.warning("Vector cache %s: %d damaged records ignored", self.path.name, int((~good).sum()))
        self._add([k for k, g in zip(keys, good) if g], np.array(records["vector"][good], dtype=np.float32))

    def _add(self, keys: list[bytes], vectors: np.ndarray) -> None:
        base = self._count
        self._vectors.append(vectors)
        self._count += len(vectors)
        for i, key in enumerate(keys):
            self._rows[key] = base + i

    def lookup(self, keys: list[bytes], out: np.ndarray) -> np.ndarray:
        """Copy the known vectors into `out` (same row order as `keys`); returns which rows were found."""
        found = np.array([k in self._rows for k in keys], dtype=bool)
        if found.any():
            stacked = np.concatenate(self._vectors) if len(self._vectors) > 1 else self._vectors[0]
            self._vectors = [stacked]
            out[found] = stacked[[self._rows[k] for k, f in zip(keys, found) if f]]
        return found

    def append(self, keys: list[bytes], vectors: np.ndarray) -> None:
        """Write a batch at once (flushed, so it outlives the process) and keep it in memory."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        records = _records(self.dtype, keys, vectors)
        self._write_identity()
        with self.path.open("ab") as fh:
            fh.write(records.tobytes())
        self._add(keys, vectors)

    def _write_identity(self) -> None:
        """A readable note of whose vectors the file holds, beside it."""
        note = self.path.with_suffix(".json")
        if not note.is_file():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            identity = {"backend": self.backend, "model": self.model, "dimension": self.dimension}
            note.write_text(json.dumps(identity, ensure_ascii=False), encoding="utf-8")

    def compact(self, live: set[bytes], slack: float = 1.0) -> bool:
        """Rewrite the file with the live keys only once dead records outnumber them `slack` times."""
        dead = self._count - len(live & self._rows.keys())
        if dead <= slack * max(len(live), 1):
            return False
        keys = [k for k in self._rows if k in live]
        out = np.empty((len(keys), self.dimension), dtype=np.float32)
        self.lookup(keys, out)
        records = _records(self.dtype, keys, out)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(records.tobytes())
        tmp.replace(self.path)  # atomic: a kill leaves the old file or the new one
        self._rows, self._vectors, self._count = {}, [], 0
        self._add(keys, out)
        return True
