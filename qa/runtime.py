"""Build the heavy objects (model, index, store, service) from the settings, once."""

from __future__ import annotations

import logging
from pathlib import Path

from corpus.chunking import ChunkingSettings
from index.builder import BuildReport, Progress, build_index
from index.embedding import Encoder, check_index_encoder, create_encoder
from index.retriever import HybridRetriever
from index.threads import thread_plan
from index.versions import load_published
from qa.conversation import ConversationStore, SQLiteConversationStore
from qa.ratelimit import RateLimiter
from qa.redis_state import RedisConversationStore, RedisHealth, RedisRateLimiter, connect
from qa.service import AnswerService
from qa.settings import Settings

log = logging.getLogger(__name__)


def build_encoder(settings: Settings) -> Encoder:
    return create_encoder(
        settings.embedding_model,
        thread_plan(settings.query_threads, settings.build_threads),
        query_prompt=settings.query_prompt,
        passage_prompt=settings.passage_prompt,
        batch_size=settings.embedding_batch_size,
        dtype=settings.embedding_dtype,
    )


def build_shared_state(
    settings: Settings,
) -> tuple[ConversationStore, RateLimiter | RedisRateLimiter, RedisHealth | None]:
    """Redis when POLES_QA_REDIS_URL is set (several processes share it), else SQLite and memory."""
    if settings.redis_url:
        client = connect(settings.redis_url)
        health = RedisHealth(client)
        store = RedisConversationStore(client, health, settings.history_turns, settings.conversation_ttl_seconds)
        return store, RedisRateLimiter(client, health, settings.rate_limit_per_minute), health
    return build_store(settings), RateLimiter(settings.rate_limit_per_minute), None


def build_store(settings: Settings) -> ConversationStore:
    return SQLiteConversationStore(
        settings.data_dir / "conversations.sqlite3",
        max_turns=settings.history_turns,
        ttl_seconds=settings.conversation_ttl_seconds,
    )


def load_retriever(settings: Settings, encoder: Encoder, mode: str = "hybrid") -> HybridRetriever:
    """The published index, verified, with the encoder it was built with."""
    bundle = load_published(settings.index_dir)
    check_index_encoder(bundle.manifest, encoder)
    return HybridRetriever(bundle, encoder, mode=mode)


def build_service(settings: Settings, encoder: Encoder, mode: str = "hybrid") -> AnswerService:
    return AnswerService(
        build_store(settings),
        refusal_threshold=settings.refusal_threshold,
        top_k=settings.top_k,
        max_question_chars=settings.max_question_chars,
        retriever=load_retriever(settings, encoder, mode),
        max_unknown_share=settings.refusal_unknown_share,
    )


def run_build(
    settings: Settings,
    encoder: Encoder,
    corpus_dirs: list[Path] | None = None,
    progress: Progress | None = None,
    wait_for_lock: bool = False,
) -> BuildReport:
    return build_index(
        corpus_dirs or settings.corpus_dirs(),
        settings.index_dir,
        encoder,
        chunking=ChunkingSettings(max_chars=settings.chunk_max_chars),
        approximate_above=settings.approximate_index_above,
        keep_versions=settings.keep_versions,
        progress=progress,
        wait_for_lock=wait_for_lock,
    )
