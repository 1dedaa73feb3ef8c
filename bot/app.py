"""Build and run the Telegram bot: all wiring in one function, async set-up in post_init."""

from __future__ import annotations

import logging

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import handlers
from bot.answer_client import AnswerClient
from bot.context import BotData
from bot.heartbeat import with_heartbeat
from bot.settings import BotSettings
from bot.storage import BotStore
from qa.ratelimit import MemoryRateLimiter

COMMANDS = [
    BotCommand("start", "Présentation et exemples de questions"),
    BotCommand("aide", "Comment poser une question"),
    BotCommand("sources", "Les documents consultés"),
    BotCommand("nouveau", "Oublier la conversation en cours"),
    BotCommand("q", "Poser une question dans un groupe"),
]
NON_TEXT = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.Document.ALL
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.LOCATION
    | filters.CONTACT
)


class MissingTokenError(ValueError):
    """The bot cannot start without POLES_QA_TELEGRAM_BOT_TOKEN."""


class RedactToken(logging.Filter):
    """Keep the bot token out of every log line (httpx logs request URLs, which contain it)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        return True


def protect_token_in_logs(token: str) -> None:
    redactor = RedactToken(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
    logging.getLogger("httpx").setLevel(logging.WARNING)


async def post_init(application: Application) -> None:
    """Register the French commands with Telegram."""
    await application.bot.set_my_commands(COMMANDS)


async def post_shutdown(application: Application) -> None:
    await application.bot_data.client.close()


def build_application(settings: BotSettings) -> Application:
    """All the wiring: token, rate limits, typed context, the allow-list first, then the handlers."""
    token = settings.telegram_bot_token.get_secret_value().strip() if settings.telegram_bot_token else ""
    if not token:
        raise MissingTokenError(
            "POLES_QA_TELEGRAM_BOT_TOKEN n'est pas défini : le bot a besoin du jeton donné par @BotFather."
        )
    protect_token_in_logs(token)
    application = (
        with_heartbeat(ApplicationBuilder(), settings.data_dir)
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .context_types(ContextTypes(bot_data=BotData))
        .rate_limiter(AIORateLimiter())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data.fill(
        settings,
        AnswerClient(settings.answer_api_url, settings.answer_timeout_seconds),
        BotStore(settings.data_dir / "bot.sqlite3"),
        MemoryRateLimiter(settings.telegram_user_questions_per_minute),
    )
    if settings.telegram_allowed_chat_ids:
        application.add_handler(TypeHandler(Update, handlers.check_allowed), group=-1)
    application.add_handler(CommandHandler("start", handlers.start))
    application.add_handler(CommandHandler(["aide", "help"], handlers.help_command))
    application.add_handler(CommandHandler("sources", handlers.sources))
    application.add_handler(CommandHandler("nouveau", handlers.new_conversation))
    application.add_handler(CommandHandler("q", handlers.ask_command))
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, handlers.on_text)
    )
    application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & NON_TEXT, handlers.on_non_text))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_error_handler(handlers.on_error)
    return application


def run_bot(settings: BotSettings) -> None:
    """Long polling by default; webhook mode when POLES_QA_TELEGRAM_WEBHOOK_URL is set."""
    application = build_application(settings)
    if not settings.telegram_webhook_url:
        application.run_polling(allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY])
        return
    if settings.telegram_webhook_secret is None:
        raise MissingTokenError("le mode webhook a besoin de POLES_QA_TELEGRAM_WEBHOOK_SECRET (le secret du webhook).")
    import uvicorn

    from bot.webhook import webhook_app

    app = webhook_app(application, settings.telegram_webhook_url, settings.telegram_webhook_secret.get_secret_value())
    uvicorn.run(app, host=settings.telegram_webhook_listen, port=settings.telegram_webhook_port, log_level="info")
