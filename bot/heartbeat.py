"""The bot's heartbeat: the time of its last successful Bot API call, kept as a file's mtime.

A polling bot calls getUpdates every few seconds even when nobody writes, so a heartbeat older than a
minute means it cannot reach Telegram or is stuck, which a process check cannot see. The container
health check reads it:

    python -m bot.heartbeat /srv/data/bot-heartbeat --max-age 60    # exit 0 fresh, 1 stale or missing
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import time
from pathlib import Path

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import ApplicationBuilder
from telegram.request import HTTPXRequest

FILE_NAME = "bot-heartbeat"
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


def with_heartbeat(builder: ApplicationBuilder, path: Path) -> ApplicationBuilder:
    """Both of the bot's HTTP clients (API calls and getUpdates) keep the heartbeat at `path`."""
    heartbeat = Heartbeat(path)
    return builder.request(HeartbeatRequest(heartbeat, connection_pool_size=API_POOL)).get_updates_request(
        HeartbeatRequest(heartbeat, connection_pool_size=UPDATES_POOL)
    )


async def keep_fresh(bot: Bot, every: float = 20.0) -> None:
    """Webhook mode has no getUpdates: ask getWebhookInfo now and then so that a quiet bot stays healthy."""
    while True:
        with contextlib.suppress(TelegramError):
            await bot.get_webhook_info()
        await asyncio.sleep(every)


def age_seconds(path: Path) -> float | None:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Exit 0 when the bot reached the Bot API recently.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--max-age", type=float, default=60.0, help="seconds")
    args = parser.parse_args(argv)
    age = age_seconds(args.path)
    if age is None:
        print(f"unhealthy: no heartbeat at {args.path} (the bot has not reached the Bot API yet)")
        return 1
    if age > args.max_age:
        print(f"unhealthy: last successful Bot API call {age:.0f} s ago (limit {args.max_age:.0f} s)")
        return 1
    print(f"healthy: last successful Bot API call {age:.0f} s ago")
    return 0


if __name__ == "__main__":
    sys.exit(main())
