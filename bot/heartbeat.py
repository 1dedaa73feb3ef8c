"""The bot's heartbeat: the time of its last successful Bot API call, kept as a file's mtime.

A polling bot calls getUpdates every few seconds even when nobody writes, so an old heartbeat means
it cannot reach Telegram or is stuck, which a process check cannot see; bot.healthcheck reads it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from pathlib import Path

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import ApplicationBuilder
from telegram.request import HTTPXRequest

from bot.healthcheck import FILE_NAME

# The builder's own pool sizes: 256 connections for API calls, one for getUpdates.
API_POOL, UPDATES_POOL = 256, 1


class Heartbeat:
    """Touches one file, at most once a second."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._last = 0.0

    def beat(self) -> None:
        now = time.time()
        if now - self._last < 1:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch()
        os.utime(self.path, (now, now))
        self._last = now


class HeartbeatRequest(HTTPXRequest):
    """python-telegram-bot's HTTP client, beating on every Bot API answer with HTTP 200."""

    def __init__(self, heartbeat: Heartbeat, **kwargs) -> None:
        super().__init__(**kwargs)
        self._heartbeat = heartbeat

    async def do_request(self, *args, **kwargs) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        if code == 200:
            self._heartbeat.beat()
        return code, payload


def with_heartbeat(builder: ApplicationBuilder, data_dir: Path) -> ApplicationBuilder:
    """Both of the bot's HTTP clients (API calls and getUpdates) keep the heartbeat in `data_dir`."""
    heartbeat = Heartbeat(data_dir / FILE_NAME)
    return builder.request(HeartbeatRequest(heartbeat, connection_pool_size=API_POOL)).get_updates_request(
        HeartbeatRequest(heartbeat, connection_pool_size=UPDATES_POOL)
    )


async def keep_fresh(bot: Bot, every: float = 20.0) -> None:
    """Webhook mode has no getUpdates: ask getWebhookInfo now and then so that a quiet bot stays healthy."""
    while True:
        with contextlib.suppress(TelegramError):
            await bot.get_webhook_info()
        await asyncio.sleep(every)
