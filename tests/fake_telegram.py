"""A local stand-in for the Telegram Bot API: answers the methods the bot uses and records them."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

BOT_USER = {"id": 999, "is_bot": True, "first_name": "Pôles QA", "username": "poles_qa_bot"}
PLAIN_FIELDS = {"text", "parse_mode", "action", "callback_query_id", "secret_token", "url"}


class FakeTelegram:
    """Records every call as (method, params); queues updates that getUpdates hands out."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict] = []
        self._next_update = 1
        self._next_message = 100
        self._lock = threading.Lock()
        self.app = Starlette(routes=[Route("/bot{token}/{method}", self.endpoint, methods=["GET", "POST"])])

    async def endpoint(self, request: Request) -> JSONResponse:
        method = request.path_params["method"]
        form = await request.form()
        params: dict[str, Any] = {}
        for key, value in form.items():
            params[key] = value if key in PLAIN_FIELDS else _maybe_json(value)
        with self._lock:
            self.calls.append((method, params))
        if method == "getUpdates":
            return JSONResponse({"ok": True, "result": await self._updates(params)})
        return JSONResponse({"ok": True, "result": self._result(method, params)})

    async def _updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 0.5)
        while True:
            with self._lock:
                pending = [u for u in self.updates if u["update_id"] >= offset]
            if pending or time.monotonic() >= deadline:
                return pending
            await asyncio.sleep(0.02)

    def _result(self, method: str, params: dict) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "editMessageText"}:
            with self._lock:
                self._next_message += 1
                message_id = self._next_message
            chat_id = int(params["chat_id"])
            return {
                "message_id": message_id,
                "date": int(time.time()),
                "text": params.get("text", ""),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": BOT_USER,
            }
        return True

    # -- what the tests do -------------------------------------------------------------------

    def push(self, payload: dict) -> None:
        with self._lock:
            payload = {"update_id": self._next_update, **payload}
            self._next_update += 1
            self.updates.append(payload)

    def message(
        self,
        chat_id: int,
        text: str | None = None,
        *,
        user_id: int = 42,
        chat_type: str = "private",
        reply_to_bot: bool = False,
        extra: dict | None = None,
    ) -> dict:
        with self._lock:
            self._next_message += 1
            message_id = self._next_message
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, **({"title": "Groupe"} if chat_type != "private" else {})},
            "from": {"id": user_id, "is_bot": False, "first_name": "Camille"},
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if reply_to_bot:
            message["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": message["chat"],
                "from": BOT_USER,
                "text": "réponse précédente",
            }
        message.update(extra or {})
        self.push({"message": message})
        return message

    def callback(self, chat_id: int, data: str, user_id: int = 42) -> None:
        message = {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT_USER,
            "text": "réponse",
        }
        self.push(
            {
                "callback_query": {
                    "id": f"cb{time.monotonic_ns()}",
                    "chat_instance": "x",
                    "data": data,
                    "from": {"id": user_id, "is_bot": False, "first_name": "Camille"},
                    "message": message,
                }
            }
        )

    def sent(self, method: str = "sendMessage", chat_id: int | None = None) -> list[dict]:
        with self._lock:
            return [
                p for m, p in self.calls if m == method and (chat_id is None or int(p.get("chat_id", 0)) == chat_id)
            ]

    def wait_sent(self, chat_id: int, count: int = 1, method: str = "sendMessage", timeout: float = 30) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sent(method, chat_id)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{method} to {chat_id}: {len(self.sent(method, chat_id))} calls, wanted {count}")


def _maybe_json(value: str) -> Any:
    try:
        return json.loads(value)
    except (ValueError, TypeError):
        return value
