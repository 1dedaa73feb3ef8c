"""Build the FastAPI app: heavy objects in the lifespan, routers, middleware, error bodies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.limits import BodySizeLimit
from api.metrics import ApiMetrics, MetricsMiddleware
from api.reloader import IndexReloader
from api.routes import admin, ask, status
from index.embedding import BatchingEncoder
from index.versions import IndexVersions
from qa.runtime import build_encoder, build_shared_state, run_build
from qa.service import AnswerService
from qa.settings import Settings, get_settings

log = logging.getLogger(__name__)


def _validation_message(exc: RequestValidationError, max_chars: int) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        if where == "question" and error.get("type") in {"string_too_short", "string_pattern_mismatch"}:
            parts.append("question : la question est vide ou contient des caractères de contrôle")
        elif where == "question" and error.get("type") == "string_too_long":
            parts.append(f"question : la question est trop longue ({max_chars} caractères au plus)")
        else:
            parts.append(f"{where}: {error.get('msg')}")
    return "Requête invalide — " + "; ".join(parts)


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: Settings = app.state.settings
    encoder = await asyncio.to_thread(BatchingEncoder, lambda: build_encoder(settings))
    store, app.state.rate_limiter, app.state.redis_health = build_shared_state(settings)
    service = AnswerService(
        store,
        settings.refusal_threshold,
        settings.top_k,
        settings.max_question_chars,
        max_unknown_share=settings.refusal_unknown_share,
    )
    metrics: ApiMetrics = app.state.metrics

    def on_swap(retriever) -> None:
        manifest = retriever.bundle.manifest
        metrics.set_index(manifest["index_version"], manifest["model"], manifest["chunk_count"])
        metrics.reloads.labels(outcome="swapped").inc()

    reloader = IndexReloader(settings, service, encoder, on_swap)
    app.state.service, app.state.reloader = service, reloader
    if IndexVersions(settings.index_dir).current() is None:
        log.warning("No index in %s: building it from %s", settings.index_dir, settings.corpus_dir)
        await asyncio.to_thread(run_build, settings, encoder, None, None, True)
    await asyncio.to_thread(reloader.reload, True)
    watcher = (
        asyncio.create_task(reloader.watch(settings.reload_poll_seconds)) if settings.reload_poll_seconds > 0 else None
    )
    yield
    if watcher:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="poles-qa",
        version="0.1.0",
        summary="Questions-réponses sourcées sur la phase 2 (2009-2012) des pôles de compétitivité",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = ApiMetrics()
    app.include_router(ask.build_router(settings.max_question_chars))
    app.include_router(status.router)
    app.include_router(admin.router)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc, settings.max_question_chars)}, status_code=422)

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"])
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(BodySizeLimit)
    return app
