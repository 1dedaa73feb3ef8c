"""POST /ask: one question, one cited answer."""

from fastapi import APIRouter, HTTPException

from api.deps import ClientDep, RuntimeDep
from api.schemas import AskRequest, error_responses
from qa.models import Answer
from qa.service import IndexNotReadyError
from qa.validation import QuestionError

router = APIRouter(tags=["questions"])


@router.post("/ask", response_model=Answer, responses=error_responses(400, 413, 422, 429, 503))
def ask(body: AskRequest, client: ClientDep, runtime: RuntimeDep) -> Answer:
    """Répond à une question avec les passages cités ; une relance passe le `conversation_id` reçu."""
    # A plain def: FastAPI runs it in a worker thread, so encoding the question stays off the event loop.
    try:
        answer = runtime.service.ask(body.question, body.conversation_id, body.top_k)
    except QuestionError as exc:
        raise HTTPException(400, str(exc)) from exc
    except IndexNotReadyError as exc:
        raise HTTPException(503, str(exc)) from exc
    if answer.refused:
        runtime.metrics.refusals.inc()
    return answer
