"""Liveness, readiness, sources and metrics."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import MetricsDep, ReloaderDep, ServiceDep
from api.schemas import Health, Readiness, SourceDocument, Sources, error_responses

router = APIRouter(tags=["status"])


@router.get("/health", response_model=Health)
async def health() -> Health:
    """Le processus répond (aucun accès à l'index)."""
    return Health(status="ok")


@router.get("/ready", response_model=Readiness, responses={503: {"model": Readiness, "description": "Index absent"}})
async def ready(request: Request, service: ServiceDep, reloader: ReloaderDep):
    """200 quand un index est chargé (« degraded » si Redis manque), sinon 503 avec la raison."""
    retriever = service.retriever
    if retriever is None:
        reason = reloader.last_error or "index not loaded yet"
        return JSONResponse(Readiness(status="unavailable", reason=reason).model_dump(), status_code=503)
    redis_health = request.app.state.redis_health
    if redis_health is not None and not await asyncio.to_thread(redis_health.probe):
        reason = f"redis unavailable, follow-ups and shared rate limits off: {redis_health.error}"
        return Readiness(status="degraded", index_version=retriever.version, reason=reason)
    return Readiness(status="ready", index_version=retriever.version, reason=reloader.last_error)


@router.get("/sources", response_model=Sources, responses=error_responses(503))
async def sources(service: ServiceDep) -> Sources:
    """Les documents de l'index servi, avec la version et le modèle."""
    retriever = service.retriever
    if retriever is None:
        raise HTTPException(503, "L'index n'est pas encore chargé.")
    manifest = retriever.bundle.manifest
    documents = [
        SourceDocument(doc_id=doc_id, title=d["title"], source=d["source"], chunks=d["chunks"])
        for doc_id, d in manifest["documents"].items()
    ]
    return Sources(
        index_version=manifest["index_version"],
        model=manifest["model"],
        built_at=manifest["built_at"],
        documents=documents,
    )


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE_LATEST: {}}}})
async def metrics(metrics: MetricsDep) -> Response:
    """Métriques au format Prometheus."""
    return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)
