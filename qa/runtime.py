"""Build the objects of an answering process once: the API lifespan, the CLI and the tests use this."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus.chunking import ChunkingSettings
from index.builder import BuildReport, Progress, build_index
from index.embedding import Encoder, create_encoder
from index.retriever import HybridRetriever
from index.threads import thread_plan
from qa.conversation import ConversationStore, SQLiteConversationStore
from qa.feedback import FeedbackStore, open_feedback_store
from qa.metrics import ServiceMetrics
from qa.ratelimit import MemoryRateLimiter, RateLimiter
from qa.redis_state import RedisConversationStore, RedisHealth, RedisRateLimiter, connect
from qa.reloader import IndexReloader
from qa.service import AnswerService
from qa.settings import IndexSettings, ServerSettings, StateSettings

log = logging.getLogger(__name__)


def build_encoder(settings: IndexSettings) -> Encoder:
    """The configured backend; the process's thread settings were set by its entry (poles_qa.main)."""
    return create_encoder(
        settings.embedding_model,
        thread_plan(settings.query_threads, settings.build_threads),
        query_prompt=settings.query_prompt,
        passage_prompt=settings.passage_prompt,
        batch_size=settings.embedding_batch_size,
        dtype=settings.embedding_dtype,
    )


@dataclass
class SharedState:
    store: ConversationStore
    limiter: RateLimiter
    redis_health: RedisHealth | None
    feedback: FeedbackStore


def build_shared_state(settings: StateSettings) -> SharedState:
    """Redis when POLES_QA_REDIS_URL is set (several processes share it), else SQLite and memory."""
    if settings.redis_url:
        client = connect(settings.redis_url)
        health = RedisHealth(client)
        store = RedisConversationStore(client, health, settings.history_turns, settings.conversation_ttl_seconds)
        limiter = RedisRateLimiter(client, health, settings.rate_limit_per_minute)
        return SharedState(store, limiter, health, open_feedback_store(settings, client, health))
    store = SQLiteConversationStore(
        settings.data_dir / "conversations.sqlite3",
        max_turns=settings.history_turns,
        ttl_seconds=settings.conversation_ttl_seconds,
    )
    limiter = MemoryRateLimiter(settings.rate_limit_per_minute)
    return SharedState(store, limiter, None, open_feedback_store(settings))


@dataclass
class Runtime:
    """Everything an answering process serves with; the index is taken into service by `reloader`."""

    settings: ServerSettings
    encoder: Encoder
    service: AnswerService
    reloader: IndexReloader
    limiter: RateLimiter
    redis_health: RedisHealth | None
    metrics: ServiceMetrics
    feedback: FeedbackStore

    def build_index(
        self, corpus_dirs: list[Path] | None = None, progress: Progress | None = None, wait_for_lock: bool = False
    ) -> BuildReport:
        return run_build(self.settings.index, self.encoder, corpus_dirs, progress, wait_for_lock)


def build_runtime(
    settings: ServerSettings,
    encoder: Encoder | None = None,
    mode: str = "hybrid",
    wrap_encoder: Callable[[Callable[[], Encoder]], Encoder] | None = None,
) -> Runtime:
    """The service with its store and limiter, the reloader that feeds it, the metrics that watch it.

    `wrap_encoder` lets a server load the model inside its encoder thread (see BatchingEncoder).
    """
    if encoder is None:
        factory = lambda: build_encoder(settings.index)  # noqa: E731
        encoder = wrap_encoder(factory) if wrap_encoder else factory()
    state = build_shared_state(settings.state)
    answer = settings.answer
    service = AnswerService(
        store=state.store,
        refusal_threshold=answer.refusal_threshold,
        min_evidence=answer.refusal_min_evidence,
        top_k=answer.top_k,
        max_question_chars=answer.max_question_chars,
        journal=state.feedback,
    )
    metrics = ServiceMetrics()

    def on_swap(retriever: HybridRetriever) -> None:
        manifest = retriever.bundle.manifest
        metrics.set_index(manifest["index_version"], manifest["model"], manifest["chunk_count"])
        metrics.reloads.labels(outcome="swapped").inc()

    reloader = IndexReloader(settings.index, service, encoder, mode=mode, on_swap=on_swap)
    return Runtime(settings, encoder, service, reloader, state.limiter, state.redis_health, metrics, state.feedback)


def run_build(
    settings: IndexSettings,
    encoder: Encoder,
    corpus_dirs: list[Path] | None = None,
    progress: Progress | None = None,
    wait_for_lock: bool = False,
) -> BuildReport:
    return build_index(
        corpus_dirs or [settings.corpus_dir],
        settings.index_dir,
        encoder,
        chunking=ChunkingSettings(max_chars=settings.chunk_max_chars),
        approximate_above=settings.approximate_index_above,
        keep_versions=settings.keep_versions,
        progress=progress,
        wait_for_lock=wait_for_lock,
    )
