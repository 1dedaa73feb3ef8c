"""Take a newly published index into service without a restart; a broken one is refused."""

from __future__ import annotations

import asyncio
import logging
import threading

from index.bundle import IndexLoadError
from index.versions import IndexNotBuiltError, IndexVersions
from qa.runtime import load_retriever
from qa.service import AnswerService
from qa.settings import Settings

log = logging.getLogger(__name__)


class IndexReloader:
    """Compares the published version with the served one and swaps when they differ."""

    def __init__(self, settings: Settings, service: AnswerService, encoder, on_swap=None) -> None:
        self.settings = settings
        self.service = service
        self.encoder = encoder
        self.on_swap = on_swap
        self.last_error: str | None = None
        self._refused: str | None = None  # a version already refused is not retried by the watcher
        self._lock = threading.Lock()

    def published_version(self) -> str | None:
        current = IndexVersions(self.settings.index_dir).current()
        return current.name if current else None

    def reload(self, force: bool = False) -> tuple[bool, str]:
        """(swapped, message). The served index keeps serving when the new one is refused."""
        with self._lock:
            served = self.service.retriever.version if self.service.retriever else None
            published = self.published_version()
            if not force and published == served:
                return False, f"index {served} already served"
            try:
                retriever = load_retriever(self.settings, self.encoder)
            except (IndexLoadError, IndexNotBuiltError, ValueError, OSError) as exc:
                self.last_error = str(exc)
                self._refused = published
                log.error("Index reload refused, still serving %s: %s", served, exc)
                return False, f"refused: {exc}"
            self.service.swap(retriever)
            self.last_error = None
            if self.on_swap:
                self.on_swap(retriever)
            log.info("Now serving index %s (was %s)", retriever.version, served)
            return True, f"now serving {retriever.version}"

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
