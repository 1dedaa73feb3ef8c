"""The answer object shared by the CLI, the HTTP API and the Telegram bot."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Citation(BaseModel):
    """Un passage sur lequel la réponse s'appuie, numéroté comme son marqueur [n]."""

    n: int = Field(description="Numéro du marqueur [n] dans la réponse")
    doc_id: str
    chunk_id: str
    title: str
    section: str
    text: str = Field(description="Texte complet du passage cité")
    score: float = Field(
        description="Pertinence du passage pour la question, de 0 à 1 : son rang dans la recherche et ce que sa "
        "meilleure phrase porte de la réponse. Le passage que cite la réponse vient en premier."
    )
    source: str


class Answer(BaseModel):
    """Une réponse citée, ou un refus quand les documents ne contiennent pas la réponse."""

    answer: str
    refused: bool
    confidence: Literal["high", "low"] = Field(
        "high",
        description="« low » : les passages cités ne portent pas tout ce que la question nomme "
        "(une phase, une année, un nom) ; la réponse le dit en tête",
    )
    citations: list[Citation] = []
    conversation_id: str | None = None
    index_version: str | None = None
    answer_id: str | None = Field(None, description="Identifiant de la réponse, pour la noter avec POST /feedback")
    turn: int | None = Field(None, description="Numéro de la réponse dans la conversation (1 = la première)")


REFUSAL = "Je n'ai pas trouvé cette information dans les documents sur la phase 2 des pôles de compétitivité."
CLOSEST = "Le passage le plus proche dit : "  # after a caveat, what the documents hold nearest to the question
