"""The Bot API stand-in of tests/fake_telegram.py as a server, for `make compose-check`.

Runs in a container of the checked stack (the bot reaches it as http://telegram:8081/bot); the
check drives it through two routes of its own, published on 127.0.0.1 only:
POST /check/message {"chat_id", "text"} queues a user message; GET /check/sent/{chat_id} lists the
texts the bot sent to that chat.
"""

from __future__ import annotations

import uvicorn
from fake_telegram import FakeTelegram
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

fake = FakeTelegram()


async def queue_message(request: Request) -> JSONResponse:
    body = await request.json()
    fake.message(int(body["chat_id"]), body["text"])
    return JSONResponse({"ok": True})


async def sent(request: Request) -> JSONResponse:
    chat_id = int(request.path_params["chat_id"])
    return JSONResponse([params.get("text", "") for params in fake.sent("sendMessage", chat_id)])


async def calls(_: Request) -> JSONResponse:
    return JSONResponse(sorted({method for method, _ in fake.calls}))


fake.app.router.routes += [
    Route("/check/message", queue_message, methods=["POST"]),
    Route("/check/sent/{chat_id}", sent),
    Route("/check/calls", calls),
]

if __name__ == "__main__":
    uvicorn.run(fake.app, host="0.0.0.0", port=8081, log_level="warning")
