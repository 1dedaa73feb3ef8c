"""The figures a French text gives, and what they count: « dix-neuf candidatures », « 200 000 euros », not a year,
a day or a label (« le groupe 2 »)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from index.analysis import fold_accents

NUMBER_WORDS = (
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    r"|vingt|trente|quarante|cinquante|soixante|cent|mille|dix-\w+|milliards?|millions?"
)
MONTHS = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"

_NOT_A_NUMBER_AFTER = re.compile(rf"^(ans?|annees?|mois|jours?|semaines?|heures?|{MONTHS}|er|ere|e|eme|ieme|nd|nde)$")


def holds_number(folded: str) -> bool:
    """A figure that may answer « combien » : not a year, a label (« le groupe 2 »), a duration (« au bout de
    18 mois ») or a day (« le 11 mai »). Money still counts: « quelle part » may be answered in euros."""
    return _holds_figure(folded, counts_only=False)


_COUNT_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[%€]|[a-z]+(?:-[a-z]+)*")
_COUNT_WORD = re.compile(rf"\d+|({NUMBER_WORDS})(-(et|{NUMBER_WORDS}))*")  # « vingt-deux », « soixante-et-onze »
_NOT_A_COUNT_AFTER = re.compile(
    rf"^(%|€|euros?|millions?|milliards?|m|k|ko|mo|ans?|mois|heures?|{MONTHS}|er|ere|e|eme|ieme|nd|nde)$"
)  # money, sizes, durations, days (« le 11 mai »), ordinals (« la 4ème journée »)
_SCALE = re.compile(r"millions?|milliards?")  # « 35 millions d'euros »: the scale of an amount
_YEAR_TOKEN = re.compile(r"(19|20)\d\d")
_DETERMINERS = {"ces", "des", "les", "ses", "leurs", "nos", "vos", "l", "la", "le"}
_LABEL_BEFORE = re.compile(
    r"groupes?|phases?|numeros?|no|n|articles?|niveaux?|categories?|axes?|etapes?|chapitres?|pages?"
)
COUNT_WINDOW = 6  # words between a number and the thing it counts: « 86 propositions, dont 35 »


def holds_count(folded: str) -> bool:
    """A figure that counts things: not money, a size or a duration (« 200 000 euros par projet » counts no
    projects), a year, a label or a day."""
    return _holds_figure(folded, counts_only=True)


def _holds_figure(folded: str, counts_only: bool) -> bool:
    """A figure that is not a duration or a day; with `counts_only`, not money or a size either."""
    tokens = _COUNT_TOKEN.findall(folded)
    for i in _figures(tokens):
        j = _end_of_figure(tokens, i) + 1
        after = tokens[j] if j < len(tokens) else ""
        if _NOT_A_NUMBER_AFTER.match(after) or (
            counts_only and (_SCALE.fullmatch(tokens[i]) or _NOT_A_COUNT_AFTER.match(after))
        ):
            continue
        return True
    return False


def _end_of_figure(tokens: list[str], i: int) -> int:
    """The last token of the figure starting at i: « 200 000 euros » is one figure written in groups of three."""
    while i + 1 < len(tokens) and len(tokens[i + 1]) == 3 and tokens[i + 1].isdigit():
        i += 1
    return i


def _figures(tokens: list[str]) -> Iterator[int]:
    """Positions of the figures among folded tokens: numbers in digits or words, not years, not labels
    (« les pôles du groupe 2 » counts no pôles)."""
    for i, token in enumerate(tokens):
        if not _COUNT_WORD.fullmatch(token) or _YEAR_TOKEN.fullmatch(token):
            continue
        if i and _LABEL_BEFORE.fullmatch(tokens[i - 1]):
            continue
        yield i


def counts_thing(text: str, counted: set[str], terms: Callable[[str], list[str]]) -> bool:
    """True when a number in the text counts one of the `counted` index terms: « dix-neuf candidatures »,
    « le nombre total de pôles reste de 71 » — not « 35 millions d'euros aux plates-formes », a year or a day."""
    tokens = _COUNT_TOKEN.findall(fold_accents(text))
    for i in _figures(tokens):
        token = tokens[i]
        i = _end_of_figure(tokens, i)
        if tokens[i + 1 : i + 2] in (["de"], ["d"]):  # « 23 de ces projets » counts projets, whatever is near
            noun = next((t for t in tokens[i + 2 : i + 4] if t not in _DETERMINERS), "")
            if noun and not _NOT_A_COUNT_AFTER.match(noun) and not _COUNT_WORD.fullmatch(noun):
                if counted & set(terms(noun)):
                    return True
                continue
        after = next((t for t in tokens[i + 1 : i + 3] if t not in ("d", "l")), "")  # « millions d'euros »
        if counted & set(terms(after)):  # « combien d'années » is counted in « trois ans »
            return True
        if _NOT_A_COUNT_AFTER.match(after) or _NOT_A_COUNT_AFTER.match(token):
            continue
        window = tokens[max(0, i - COUNT_WINDOW) : i + COUNT_WINDOW + 1]
        if any(counted & set(terms(word)) for word in window if not word[0].isdigit()):
            return True
    return False
