"""Settings of the Telegram bot process (POLES_QA_* variables, .env): a client of the answer API."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings

from qa.env import DEFAULT_DATA_DIR, ENV


class BotSettings(BaseSettings):
    model_config = ENV

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = Field(
        "https://api.telegram.org/bot", description="python-telegram-bot base_url (self-hosted Bot API, tests)"
    )
    answer_api_url: str = "http://127.0.0.1:8000"
    answer_timeout_seconds: float = 20.0
    data_dir: Path = DEFAULT_DATA_DIR
    telegram_allowed_chat_ids: list[int] = Field([], description="empty: every chat may use the bot")
    telegram_user_questions_per_minute: int = 20
    telegram_webhook_url: str | None = Field(None, description="public https URL: webhook mode instead of polling")
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
