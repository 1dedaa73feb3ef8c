"""Greetings and thanks: a short friendly reply, no retrieval, no sources."""

from __future__ import annotations

import re

from index.analysis import fold_accents

_GREETING = re.compile(r"^(bonjour|bonsoir|salut|slt|coucou|hello|hi|hey|bjr|yo)\b")
_THANKS = re.compile(r"^(merci|mrc|thanks|thank you|super merci|parfait|genial|top)\b")
_BYE = re.compile(r"^(au revoir|bonne (journee|soiree)|a bientot|bye|ciao)\b")
_FILLER = re.compile(r"[^\w\s]|\b(beaucoup|bcp|a vous|a toi|le bot|bot|madame|monsieur|encore|bien)\b")

GREETING_REPLY = (
    "Bonjour ! Je réponds aux questions sur la phase 2 (2009-2012) de la politique des pôles "
    "de compétitivité, en citant mes sources. Par exemple : « Quels sont les trois axes de la phase 2 ? »"
)
THANKS_REPLY = "Avec plaisir ! N'hésitez pas si vous avez d'autres questions sur les pôles de compétitivité."
BYE_REPLY = "Au revoir, et à bientôt pour d'autres questions sur les pôles de compétitivité."


def smalltalk_reply(message: str) -> str | None:
    """A reply when the whole message is a greeting, thanks or goodbye; None otherwise."""
    folded = fold_accents(message).strip()
    for pattern, reply in ((_GREETING, GREETING_REPLY), (_THANKS, THANKS_REPLY), (_BYE, BYE_REPLY)):
        match = pattern.match(folded)
        if match:
            rest = _FILLER.sub(" ", folded[match.end() :]).split()
            if len(rest) <= 1:
                return reply
    return None
