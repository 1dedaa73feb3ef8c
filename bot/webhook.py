"""Webhook mode: Telegram posts updates to us, so several bot replicas can sit behind a load balancer."""

from __future__ import annotations

import asyncio
import hmac
from contextlib import asynccontextmanager
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.heartbeat import keep_fresh

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_app(application: Application, webhook_url: str, secret: str) -> Starlette:
    """An ASGI app that checks the secret token on every update and feeds the bot's update queue."""
    path = urlparse(webhook_url).path or "/"

    async def receive_update(request: Request) -> JSONResponse:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, secret.encode()):  # constant time
            return JSONResponse({"detail": "wrong secret token"}, status_code=403)
        try:
            update = Update.de_json(await request.json(), application.bot)
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"detail": "not a Telegram update"}, status_code=400)
        await application.update_queue.put(update)
        return JSONResponse({"ok": True})

    async def health(_: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    @asynccontextmanager
    async def lifespan(_: Starlette):
        async with application:
            await application.post_init(application)
            await application.bot.set_webhook(
                webhook_url, secret_token=secret, allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY]
            )
            await application.start()
            keep_alive = asyncio.create_task(keep_fresh(application.bot))
            yield
            keep_alive.cancel()
            await application.stop()
            await application.post_shutdown(application)

    return Starlette(
        routes=[Route(path, receive_update, methods=["POST"]), Route("/healthz", health)], lifespan=lifespan
    )
