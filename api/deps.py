"""Typed dependencies: the objects built in the lifespan reach handlers through these.

They are `async def` on purpose: FastAPI would run a plain `def` dependency in its thread pool,
one thread hop per dependency and request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.metrics import ApiMetrics
from api.reloader import IndexReloader
from qa.ratelimit import RateLimiter
from qa.service import AnswerService
from qa.settings import Settings


async def get_service(request: Request) -> AnswerService:
    return request.app.state.service


async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


async def get_reloader(request: Request) -> IndexReloader:
    return request.app.state.reloader


async def get_metrics(request: Request) -> ApiMetrics:
    return request.app.state.metrics


async def get_rate_limiter(request: Request) -> RateLimiter:
    return request.app.state.rate_limiter


ServiceDep = Annotated[AnswerService, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
ReloaderDep = Annotated[IndexReloader, Depends(get_reloader)]
MetricsDep = Annotated[ApiMetrics, Depends(get_metrics)]
RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]
