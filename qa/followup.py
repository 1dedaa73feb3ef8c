"""Recognise an elliptic follow-up ("Et combien l'État y consacre-t-il ?") and give it context."""

from __future__ import annotations

import re

from index.analysis import FrenchAnalyzer, fold_accents
from index.pointers import MIN_OWN_TERMS, inverted, points_back, without_impersonal
from qa.models import CLOSEST

_OPENERS = re.compile(r"^(et|mais|aussi|ensuite|puis|alors|donc|du coup|dans ce cas)\b")


def refers_back(question: str) -> bool:
    """Opens like a follow-up ("Et…", "Mais…") or points at something said before ("lesquels", "l'a")."""
    folded = fold_accents(question).strip()
    return bool(_OPENERS.match(folded) or points_back(folded))


def is_follow_up(question: str, analyzer: FrenchAnalyzer) -> bool:
    """True when the question refers to an earlier turn rather than standing alone."""
    return refers_back(question) or len(set(analyzer.terms(question))) < MIN_OWN_TERMS


def needs_context(question: str, analyzer: FrenchAnalyzer) -> bool:
    """Elliptic beyond repair without an earlier turn: « Et le premier ? », « Qui l'a réalisée ? »."""
    pointing = refers_back(question) or inverted(without_impersonal(fold_accents(question)))  # not « y a-t-il »
    return bool(pointing) and len(set(analyzer.terms(question))) < MIN_OWN_TERMS


def context_for(previous_queries: list[str], max_chars: int = 400) -> str:
    """Context for retrieval: the latest resolved question of the conversation, kept short."""
    return previous_queries[-1][-max_chars:] if previous_queries else ""


_MARKER = re.compile(r"\s*\[\d+\]\s*$")
QUOTE_PREFIX_CHARS = 80  # enough of the quoted sentence to find its passage again


def quoted_in(answer: str) -> str:
    """The start of what an earlier answer quoted from a passage (after its caveat, without the marker)."""
    text = answer.split(CLOSEST, 1)[1] if CLOSEST in answer else answer
    return _MARKER.sub("", text).strip()[:QUOTE_PREFIX_CHARS]
