"""Checks on a user's question before anything is searched."""

from __future__ import annotations

import re
import unicodedata

_CONTROL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # tab and new line are allowed
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
DEFAULT_MAX_CHARS = 1000
# The same rules as a JSON-schema pattern, for the API's documentation: some non-space character,
# no control character anywhere.
QUESTION_PATTERN = f"^[^{_CONTROL_CHARS}]*[^\\s{_CONTROL_CHARS}][^{_CONTROL_CHARS}]*$"


class QuestionError(ValueError):
    """A question that cannot be answered as written; the message is shown to the user."""


def validate_question(question: str, max_chars: int) -> str:
    """The question, normalised (NFC, spaces folded), or a QuestionError in French."""
    if _CONTROL.search(question):
        raise QuestionError("La question contient des caractères de contrôle non autorisés.")
    text = " ".join(unicodedata.normalize("NFC", question).split())
    if not text:
        raise QuestionError("La question est vide : écrivez une question sur la phase 2 des pôles.")
    if len(text) > max_chars:
        raise QuestionError(f"La question est trop longue ({len(text)} caractères, maximum {max_chars}).")
    return text
