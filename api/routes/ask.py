"""POST /ask: one question, one cited answer."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from api.deps import MetricsDep, RateLimiterDep, ServiceDep
from api.schemas import AskRequest, error_responses
from qa.models import Answer
from qa.service import IndexNotReadyError
from qa.validation import QuestionError

router = APIRouter(tags=["questions"])


@router.post("/ask", response_model=Answer, responses=error_responses(400, 413, 422, 429, 503))
def ask(
    body: AskRequest, request: Request, service: ServiceDep, limiter: RateLimiterDep, metrics: MetricsDep
) -> Answer:
    """Répond à une question avec les passages cités ; les relances utilisent `conversation_id`.

    Sync on purpose: FastAPI runs it in a worker thread, so model encoding stays off the event loop.
    """
    client = request.client.host if request.client else "unknown"
    retry_after = limiter.check(client)
    if retry_after is not None:
        raise HTTPException(429, "Trop de requêtes : réessayez dans un instant.", {"Retry-After": str(retry_after)})
    try:
        answer = service.ask(body.question, body.conversation_id, body.top_k)
    except QuestionError as exc:
        raise HTTPException(400, str(exc)) from exc
    except IndexNotReadyError as exc:
        raise HTTPException(503, "L'index n'est pas encore chargé.") from exc
    if answer.refused:
        metrics.refusals.inc()
    return answer
