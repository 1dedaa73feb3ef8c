"""Where every process reads its settings: POLES_QA_* variables, then .env. Imports nothing heavy."""

from pathlib import Path

from pydantic_settings import SettingsConfigDict

ENV = SettingsConfigDict(env_prefix="POLES_QA_", env_file=".env", extra="ignore", env_ignore_empty=True)
DEFAULT_DATA_DIR = Path("var/data")  # conversations (API) and the bot's own store
