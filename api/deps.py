"""Typed dependencies: the objects built in the lifespan reach handlers through these.

They are `async def` on purpose: FastAPI would run a plain `def` dependency in its thread pool,
one thread hop per dependency and request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.settings import ApiSettings
from qa.runtime import Runtime
from qa.service import AnswerService


async def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


async def get_service(request: Request) -> AnswerService:
    return request.app.state.runtime.service


async def get_api_settings(request: Request) -> ApiSettings:
    return request.app.state.api_settings


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
ServiceDep = Annotated[AnswerService, Depends(get_service)]
ApiSettingsDep = Annotated[ApiSettings, Depends(get_api_settings)]
