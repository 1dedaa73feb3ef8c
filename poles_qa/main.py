"""Process wiring: logging, thread settings, and what `serve`, `bot` and `run` start."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from api.settings import ApiSettings
from qa.settings import IndexSettings, ServerSettings

log = logging.getLogger("poles_qa")
NO_BOT = (
    "Bot Telegram non démarré : POLES_QA_TELEGRAM_BOT_TOKEN n'est pas défini. Mettez le jeton donné par "
    "@BotFather dans .env (POLES_QA_TELEGRAM_BOT_TOKEN=123456:ABC…) ou dans l'environnement, puis relancez."
)


def configure_logging(level: int = logging.WARNING) -> None:
    """Quiet libraries; nothing may reach a model hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("sentence_transformers", "transformers", "httpx", "faiss"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def configure_process() -> None:
    """Thread settings of the native runtimes, before any of them loads (see index/threads.py)."""
    from index.threads import configure_threads  # stdlib only: the bot loads no index library

    settings = IndexSettings()
    configure_threads(settings.query_threads, settings.build_threads)


def serve(api_settings: ApiSettings, server_settings: ServerSettings) -> None:
    """The answer API in this process, with uvicorn."""
    import uvicorn

    from api.main import create_app

    configure_logging(logging.INFO)
    app = create_app(api_settings, server_settings)
    uvicorn.run(app, host=api_settings.host, port=api_settings.port, log_level="info")


def run_bot() -> None:
    """The Telegram bot in this process (it only talks to the answer API over HTTP)."""
    from bot.app import run_bot as run_telegram_bot
    from bot.settings import BotSettings

    configure_logging(logging.INFO)
    run_telegram_bot(BotSettings())


def run_all(api_settings: ApiSettings, server_settings: ServerSettings) -> None:
    """The main job: the answer API here, and the bot in a child process when a token is set."""
    from bot.settings import BotSettings

    configure_logging(logging.INFO)
    bot_process = None
    token = BotSettings().telegram_bot_token
    if token is not None and token.get_secret_value().strip():
        bot_process = subprocess.Popen([sys.executable, "-m", "poles_qa", "bot"])
        log.info("Bot Telegram démarré à côté de l'API.")
    else:
        log.warning(NO_BOT)
    try:
        serve(api_settings, server_settings)
    finally:
        if bot_process is not None:
            bot_process.terminate()
            bot_process.wait(10)
