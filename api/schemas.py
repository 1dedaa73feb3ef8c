"""Request and error bodies of the HTTP API (the answer object itself is qa.models.Answer)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, create_model

# Some non-space character, and no control characters anywhere (tab and new line are allowed).
QUESTION_PATTERN = (
    r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
)


def question_field(max_chars: int) -> dict:
    """The question's schema: some text, no control characters, at most `max_chars`."""
    return {
        "description": "La question, en français",
        "examples": ["Quel budget pour la phase 2 ?"],
        "min_length": 1,
        "max_length": max_chars,
        "pattern": QUESTION_PATTERN,
    }


class AskRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "Quels sont les trois axes de la phase 2 ?"},
                {"question": "Et combien l'État y consacre-t-il par an ?", "conversation_id": "3f2a9c"},
            ]
        },
    )

    question: str = Field(**question_field(1000))
    conversation_id: str | None = Field(
        None, max_length=128, description="Conversation à poursuivre ; absente ou inconnue : une nouvelle"
    )
    top_k: int | None = Field(None, ge=1, le=20, description="Nombre de passages cités")


def ask_request_model(max_chars: int) -> type[AskRequest]:
    """AskRequest whose schema states the configured question length limit."""
    return create_model("AskRequest", __base__=AskRequest, question=(str, Field(**question_field(max_chars))))


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
        400: "Question invalide (vide, trop longue, caractères de contrôle)",
        401: "Jeton d'administration invalide",
        404: "Route d'administration désactivée (aucun jeton configuré)",
        413: "Corps de requête trop grand (64 Ko au plus)",
        422: "JSON mal formé, champ manquant ou de mauvais type",
        429: "Trop de requêtes : réessayez après Retry-After secondes",
        503: "Index pas encore chargé",
    }
    return {code: {"model": ErrorBody, "description": descriptions[code]} for code in codes}
