"""Request and error bodies of the HTTP API (the answer object itself is qa.models.Answer)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from qa.validation import DEFAULT_MAX_CHARS, QUESTION_PATTERN


class AskRequest(BaseModel):
    """Une question, et la conversation qu'elle poursuit."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "Quels sont les trois axes de la phase 2 ?"},
                {"question": "Et combien l'État y consacre-t-il par an ?", "conversation_id": "3f2a9c"},
            ]
        },
    )

    question: str = Field(
        # Documented here, checked once by qa.validation (400 with its French message).
        json_schema_extra={"minLength": 1, "maxLength": DEFAULT_MAX_CHARS, "pattern": QUESTION_PATTERN},
        description=(
            "La question, en français : du texte, sans caractères de contrôle, 1 000 caractères au plus "
            "(POLES_QA_MAX_QUESTION_CHARS). Sinon : 400 avec le message à montrer."
        ),
        examples=["Quel budget pour la phase 2 ?"],
    )
    conversation_id: str | None = Field(
        None, max_length=128, description="Conversation à poursuivre ; absente ou inconnue : une nouvelle"
    )
    top_k: int | None = Field(None, ge=1, le=20, description="Nombre de passages cités")


class ErrorBody(BaseModel):
    detail: str = Field(examples=["La question est vide : écrivez une question sur la phase 2 des pôles."])


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    index_version: str | None = None
    reason: str | None = None


class SourceDocument(BaseModel):
    doc_id: str
    title: str
    source: str
    chunks: int


class Sources(BaseModel):
    index_version: str
    model: str
    built_at: str
    documents: list[SourceDocument]


class ReloadResult(BaseModel):
    reloaded: bool
    index_version: str | None
    message: str


def error_responses(*codes: int) -> dict:
    """OpenAPI entries for the error codes a route can answer, all with the same body."""
    descriptions = {
        400: "Question refusée par ses règles (vide, trop longue, caractères de contrôle) ou corps illisible",
        401: "Jeton d'administration invalide",
        404: "Route d'administration désactivée (aucun jeton configuré)",
        413: "Corps de requête trop grand (64 Ko au plus)",
        422: "JSON mal formé, pas un objet JSON, champ manquant, inconnu ou de mauvais type",
        429: "Trop de requêtes : réessayez après Retry-After secondes",
        503: "Index pas encore chargé",
    }
    return {code: {"model": ErrorBody, "description": descriptions[code]} for code in codes}
