"""Build the FastAPI app: the runtime in the lifespan, routers, middleware, error bodies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from api.errors import install_error_handlers
from api.limits import BodySizeLimit
from api.metrics import HttpMetrics, MetricsMiddleware
from api.routes import admin, ask, feedback, page, report, status
from api.settings import ApiSettings
from index.embedding import BatchingEncoder
from index.versions import IndexVersions
from qa.runtime import Runtime, build_runtime
from qa.settings import ServerSettings

log = logging.getLogger(__name__)


async def start_serving(runtime: Runtime) -> None:
    """Build the index on first start, then take the published version into service."""
    index = runtime.settings.index
    if IndexVersions(index.index_dir).current() is None:
        log.warning("No index in %s: building it from %s", index.index_dir, index.corpus_dir)
        await asyncio.to_thread(runtime.build_index, None, None, True)
    await asyncio.to_thread(runtime.reloader.reload, True)


def page_address(settings: ApiSettings) -> str:
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
    return f"http://{host}:{settings.port}/"


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: ServerSettings = app.state.server_settings
    # One thread owns the model and batches concurrent questions (see BatchingEncoder).
    runtime = app.state.runtime or await asyncio.to_thread(build_runtime, settings, wrap_encoder=BatchingEncoder)
    app.state.runtime = runtime
    await start_serving(runtime)
    log.info("Page de questions prête : %s (documentation de l'API : /docs)", page_address(app.state.api_settings))
    poll = app.state.api_settings.reload_poll_seconds
    watcher = asyncio.create_task(runtime.reloader.watch(poll)) if poll > 0 else None
    yield
    if watcher:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher


def create_app(
    api_settings: ApiSettings | None = None,
    server_settings: ServerSettings | None = None,
    runtime: Runtime | None = None,
) -> FastAPI:
    """The answer API; `runtime` is built in the lifespan unless given (tests may share one)."""
    # Swagger UI and ReDoc files served by the app itself, not from a CDN: /docs works on an intranet.
    app = FastAPIOffline(
        title="poles-qa",
        version="0.1.0",
        summary="Questions-réponses sourcées sur la phase 2 (2009-2012) des pôles de compétitivité",
        lifespan=lifespan,
    )
    app.state.api_settings = api_settings or ApiSettings()
    app.state.server_settings = runtime.settings if runtime else (server_settings or ServerSettings())
    app.state.runtime = runtime
    app.state.http_metrics = HttpMetrics()
    app.include_router(page.build_router(app.state.server_settings.answer.max_question_chars))
    app.include_router(ask.router)
    app.include_router(feedback.router)
    app.include_router(status.router)
    app.include_router(admin.router)
    app.include_router(report.router)
    install_error_handlers(app)
    if app.state.api_settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=app.state.api_settings.cors_origins, allow_methods=["GET", "POST"]
        )
    app.add_middleware(MetricsMiddleware, metrics=app.state.http_metrics)
    app.add_middleware(BodySizeLimit)
    return app
