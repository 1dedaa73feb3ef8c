"""The bot's typed context: handlers read `context.bot_data.client`, not a dict of strings."""

from __future__ import annotations

from telegram.ext import CallbackContext, ExtBot

from bot.answer_client import AnswerClient
from bot.settings import BotSettings
from bot.storage import BotStore
from qa.ratelimit import RateLimiter


class BotData:
    """Everything the handlers share; filled once by `build_application`."""

    settings: BotSettings
    client: AnswerClient
    store: BotStore
    limiter: RateLimiter

    def fill(self, settings: BotSettings, client: AnswerClient, store: BotStore, limiter: RateLimiter) -> None:
        self.settings, self.client, self.store, self.limiter = settings, client, store, limiter


BotContext = CallbackContext[ExtBot, dict, dict, BotData]
