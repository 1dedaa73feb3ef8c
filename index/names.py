"""Names only the documents give: one-word names written with a capital, found once per index version."""

from __future__ import annotations

import re

from index.analysis import fold_accents
from index.constraints import COMMON_NAMES

MIN_NAME_LETTERS = 5  # « Pass », « Maud » are words too (« un pass »)
_TOKEN = re.compile(r"[\w@][\w@'’-]*|[^\w\s]")
_SENTENCE_START = re.compile(r"(?:^|[.!?«\"\n]\s*)$")  # not after a colon: « perdu leur label : Sporaltec »
_PLACE_BEFORE = re.compile(r"(?:\b(?:à|en|au|aux|dans le|dans la|région)\s+|\(\s*)$")
_ITEM_START = re.compile(r"(?:^|[.!?:«\"\n]\s*|\n\s*(?:[-*]\s*>?\s*)+)$")  # a sentence or a list item opens
_LINKS = {"de", "des", "du", "d'"}  # « Caisse des Dépôts »: one name over several words


def _capitalised(token: str) -> bool:
    return token[0].isupper() and not token.isupper()


def proper_names(texts: list[str]) -> set[str]:
    """Folded one-word names the corpus only ever writes with a capital, inside a sentence or first in a list
    item (Avenia, Energivie, Cellmill, Falco). Not a place (« à Paris », « (Poitiers) », « Midi-Pyrénées »), nor a
    word of a longer name (« Caisse des Dépôts », « Fonds unique interministériel », « Pôle Enfant »): « caisse »,
    « fonds » or « enfant » are everyone's words. A question naming one is about the documents' subject."""
    lower, names = set(), set()
    for text in texts:
        tokens = list(_TOKEN.finditer(text))
        for i, m in enumerate(tokens):
            word = m.group(0)
            if word[0].islower():
                lower.add(fold_accents(word))
            if not _capitalised(word) or len(word) < MIN_NAME_LETTERS:
                continue
            before = text[max(0, m.start() - 20) : m.start()]
            after = tokens[i + 1].group(0) if i + 1 < len(tokens) else "."
            then = tokens[i + 2].group(0) if i + 2 < len(tokens) else "."
            previous = tokens[i - 1].group(0) if i else "."
            opens_sentence = i and _ITEM_START.search(text[: tokens[i - 1].start()])  # « Hubert Falco, … »
            in_longer_name = (
                (after[0].isalpha() and not (after in ("et", "ou") and _capitalised(then)))  # « Fonds unique »
                or previous in _LINKS  # « Caisse des Dépôts »
                or (previous[0].isupper() and not opens_sentence)  # « Pôle Enfant », « CM International »
            )
            place = _PLACE_BEFORE.search(before) or sum(part[:1].isupper() for part in word.split("-")) > 1
            if not (_SENTENCE_START.search(before) or in_longer_name or place):
                names.add(fold_accents(word.replace("’", "'")))
    return {w for w in names - lower if w not in COMMON_NAMES}
