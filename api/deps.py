"""Typed dependencies: the objects built in the lifespan reach handlers through these.

They are `async def` on purpose: FastAPI would run a plain `def` dependency in its thread pool,
one thread hop per dependency and request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.settings import ApiSettings
from qa.runtime import Runtime
from qa.service import AnswerService


async def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


async def get_service(request: Request) -> AnswerService:
    return request.app.state.runtime.service


async def get_api_settings(request: Request) -> ApiSettings:
    return request.app.state.api_settings


def within_rate_limit(request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]) -> str:
    """The client's address, once its request is counted; 429 with Retry-After past the limit.

    A plain def: the Redis limiter's call runs in FastAPI's worker thread, off the event loop.
    """
    client = request.client.host if request.client else "inconnu"
    retry_after = runtime.limiter.check(client)
    if retry_after is not None:
        raise HTTPException(
            429, f"Trop de requêtes : réessayez dans {retry_after} s.", {"Retry-After": str(retry_after)}
        )
    return client


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
ClientDep = Annotated[str, Depends(within_rate_limit)]
ServiceDep = Annotated[AnswerService, Depends(get_service)]
ApiSettingsDep = Annotated[ApiSettings, Depends(get_api_settings)]
