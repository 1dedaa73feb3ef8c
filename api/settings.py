"""Settings of the HTTP answer API process (POLES_QA_* variables, .env)."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings

from qa.env import ENV


class ApiSettings(BaseSettings):
    model_config = ENV

    host: str = "127.0.0.1"
    port: int = 8000
    admin_token: SecretStr | None = None
    cors_origins: list[str] = []
    reload_poll_seconds: float = 5.0
