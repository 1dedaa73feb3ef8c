"""POST /feedback: a 👍 / 👎 (and an optional comment) on an answer, from the web page or the bot."""

from __future__ import annotations

import time
from typing import Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ClientDep, RuntimeDep
from api.schemas import ErrorBody, error_responses
from qa.feedback import FeedbackUnavailable, Vote

router = APIRouter(tags=["avis"])
UNKNOWN_ANSWER = "Réponse inconnue ou expirée : l'avis n'a pas été enregistré."
NO_ANSWER_NAMED = "Requête invalide — indiquez answer_id, ou conversation_id et turn."


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            # The answer is named by its id, or by its conversation and turn.
            "anyOf": [{"required": ["answer_id"]}, {"required": ["conversation_id", "turn"]}],
            "examples": [
                {"answer_id": "5d41402abc4b2a76b9719d911017c592", "vote": "up"},
                {"conversation_id": "3f2a9c", "turn": 2, "vote": "down", "comment": "Il manque le montant 2012."},
            ],
        },
    )

    # Absent, never null: the schema says which of the two ways to name an answer is given.
    answer_id: str = Field(None, min_length=1, max_length=64, description="Identifiant de la réponse")
    conversation_id: str = Field(None, min_length=1, max_length=128, description="Sinon : la conversation…")
    turn: int = Field(None, ge=1, description="…et le numéro de la réponse dans la conversation (1 = première)")
    vote: Literal["up", "down"] = Field(description="up : 👍, down : 👎")
    comment: str | None = Field(None, max_length=1000, description="Commentaire facultatif")
    channel: Literal["web", "telegram"] = "web"
    user: str | None = Field(
        None, max_length=128, description="Identifiant de la personne (bot Telegram) ; seul un hachage est gardé"
    )


class FeedbackRecorded(BaseModel):
    recorded: bool
    answer_id: str
    vote: Literal["up", "down"]


@router.post(
    "/feedback",
    response_model=FeedbackRecorded,
    responses=error_responses(413, 422, 429, 503)
    | {
        400: {"model": ErrorBody, "description": "Corps illisible (pas du JSON en UTF-8)"},
        404: {"model": ErrorBody, "description": "Réponse inconnue ou expirée"},
    },
)
def feedback(body: FeedbackRequest, client: ClientDep, runtime: RuntimeDep) -> FeedbackRecorded:
    """Enregistre un vote sur une réponse ; un nouveau vote de la même personne remplace le précédent."""
    # A plain def, as /ask: the store's SQLite or Redis calls run in a worker thread.
    if not body.answer_id and not (body.conversation_id and body.turn):
        raise HTTPException(422, NO_ANSWER_NAMED)
    store = runtime.feedback
    comment = " ".join((body.comment or "").split()) or None
    try:
        found = store.find_answer(body.answer_id, body.conversation_id, body.turn)
        if found is None:
            raise HTTPException(404, UNKNOWN_ANSWER)
        voter = store.voter(f"{body.channel}:{body.user or client}")
        store.record_vote(Vote(found.answer_id, voter, body.vote, body.channel, comment, time.time()))
    except FeedbackUnavailable as exc:
        raise HTTPException(503, "Les avis sont momentanément indisponibles : réessayez plus tard.") from exc
    return FeedbackRecorded(recorded=True, answer_id=found.answer_id, vote=body.vote)
