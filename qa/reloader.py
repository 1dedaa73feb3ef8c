"""Take a newly published index into service without a restart; a broken one is refused."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

from index.analysis import ANALYSIS_VERSION
from index.bundle import IndexLoadError
from index.embedding import REBUILD_COMMAND, Encoder, check_index_encoder
from index.retriever import HybridRetriever
from index.versions import IndexNotBuiltError, IndexVersions, load_published
from qa.service import AnswerService
from qa.settings import IndexSettings

log = logging.getLogger(__name__)


def load_retriever(index_dir, encoder: Encoder, mode: str = "hybrid") -> HybridRetriever:
    """The published index, verified, with the encoder it was built with."""
    bundle = load_published(index_dir)
    check_index_encoder(bundle.manifest, encoder)  # EncoderMismatchError, an IndexLoadError
    if bundle.manifest.get("analysis") != ANALYSIS_VERSION:
        # Served all the same: most terms are unchanged, and a question is better answered than refused.
        log.warning(
            "Index %s built with another text analysis: some words may not match until `%s`",
            bundle.version,
            REBUILD_COMMAND,
        )
    return HybridRetriever(bundle, encoder, mode=mode)


LOAD_ERRORS = (IndexLoadError, IndexNotBuiltError, OSError)


class IndexReloader:
    """Compares the published version with the served one and swaps when they differ."""

    def __init__(
        self,
        settings: IndexSettings,
        service: AnswerService,
        encoder: Encoder,
        mode: str = "hybrid",
        on_swap: Callable[[HybridRetriever], None] | None = None,
    ) -> None:
        self.settings = settings
        self.service = service
        self.encoder = encoder
        self.mode = mode
        self.on_swap = on_swap
        self.last_error: str | None = None
        self._refused: str | None = None  # a version already refused is not retried by the watcher
        self._lock = threading.Lock()

    def published_version(self) -> str | None:
        current = IndexVersions(self.settings.index_dir).current()
        return current.name if current else None

    def load(self) -> HybridRetriever:
        """Serve the published version now; its load error reaches the caller (the CLI)."""
        with self._lock:
            retriever = load_retriever(self.settings.index_dir, self.encoder, self.mode)
            self._serve(retriever)
            return retriever

    def reload(self, force: bool = False) -> tuple[bool, str]:
        """(swapped, message in French). The served index keeps serving when the new one is refused."""
        with self._lock:
            served = self.service.retriever.version if self.service.retriever else None
            published = self.published_version()
            if not force and published == served:
                return False, f"l'index {served} est déjà servi"
            try:
                retriever = load_retriever(self.settings.index_dir, self.encoder, self.mode)
            except LOAD_ERRORS as exc:
                self.last_error = f"version {published} refusée, {served or 'aucune'} reste servie : {exc}"
                self._refused = published
                log.error("Index reload refused, still serving %s: %s", served, exc)
                return False, self.last_error
            self._serve(retriever)
            log.info("Now serving index %s (was %s)", retriever.version, served)
            return True, f"index {retriever.version} servi"

    def _serve(self, retriever: HybridRetriever) -> None:
        self.service.swap(retriever)
        self.last_error = None
        if self.on_swap:
            self.on_swap(retriever)

    async def watch(self, interval: float) -> None:
        """Poll the published version; the load runs in a thread so requests keep flowing."""
        while True:
            await asyncio.sleep(interval)
            try:
                served = self.service.retriever.version if self.service.retriever else None
                if self.published_version() not in (None, served, self._refused):
                    await asyncio.to_thread(self.reload)
            except Exception:  # the watcher must outlive any single failure
                log.exception("Index watcher failed; retrying at the next poll")
