"""POST /ask: one question, one cited answer."""

from fastapi import APIRouter, HTTPException, Request

from api.deps import MetricsDep, RateLimiterDep, ServiceDep
from api.schemas import AskRequest, ask_request_model, error_responses
from qa.models import Answer
from qa.service import IndexNotReadyError
from qa.validation import QuestionError


def build_router(max_question_chars: int) -> APIRouter:
    """The /ask route, with the question length limit of the settings in its schema."""
    router = APIRouter(tags=["questions"])
    request_model = ask_request_model(max_question_chars)

    @router.post("/ask", response_model=Answer, responses=error_responses(400, 413, 422, 429, 503))
    def ask(
        body: request_model,  # type: ignore[valid-type]
        request: Request,
        service: ServiceDep,
        limiter: RateLimiterDep,
        metrics: MetricsDep,
    ) -> Answer:
        """Répond à une question avec les passages cités ; les relances utilisent `conversation_id`.

        Sync on purpose: FastAPI runs it in a worker thread, so model encoding stays off the event loop.
        """
        return answer_question(body, request, service, limiter, metrics)

    return router


def answer_question(
    body: AskRequest, request: Request, service: ServiceDep, limiter: RateLimiterDep, metrics: MetricsDep
) -> Answer:
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
