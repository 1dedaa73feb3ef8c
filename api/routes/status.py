"""Liveness, readiness, sources and metrics."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import RuntimeDep, ServiceDep
from api.schemas import Health, Readiness, SourceDocument, Sources, error_responses

router = APIRouter(tags=["status"])
NOT_LOADED = "L'index n'est pas encore chargé : réessayez dans un instant."


@router.get("/health", response_model=Health)
async def health() -> Health:
    """Le processus répond (aucun accès à l'index)."""
    return Health(status="ok")


@router.get("/ready", response_model=Readiness, responses={503: {"model": Readiness, "description": "Index absent"}})
async def ready(runtime: RuntimeDep):
    """200 quand un index est chargé (« degraded » si Redis manque), sinon 503 avec la raison."""
    retriever = runtime.service.retriever
    if retriever is None:
        reason = runtime.reloader.last_error or "index pas encore chargé"
        return JSONResponse(Readiness(status="unavailable", reason=reason).model_dump(), status_code=503)
    redis_health = runtime.redis_health
    if redis_health is not None and not await asyncio.to_thread(redis_health.probe):
        reason = f"Redis indisponible, relances et limites partagées suspendues : {redis_health.error}"
        return Readiness(status="degraded", index_version=retriever.version, reason=reason)
    return Readiness(status="ready", index_version=retriever.version, reason=runtime.reloader.last_error)


@router.get("/sources", response_model=Sources, responses=error_responses(503))
async def sources(service: ServiceDep) -> Sources:
    """Les documents de l'index servi, avec la version et le modèle."""
    retriever = service.retriever
    if retriever is None:
        raise HTTPException(503, NOT_LOADED)
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
async def metrics(request: Request, runtime: RuntimeDep) -> Response:
    """Métriques au format Prometheus."""
    body = generate_latest(request.app.state.http_metrics.registry) + generate_latest(runtime.metrics.registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
