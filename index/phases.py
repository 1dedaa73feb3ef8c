"""The phases, groups, periods and editions a folded text speaks of: « la deuxième phase (2009-2012) », « phase
III », « Pôles 2.0 », « groupes 1 et 2 », « la 4e journée »."""

from __future__ import annotations

import re
from collections.abc import Iterator

from index.pointers import folded_and_written

_PHASE_AFTER = re.compile(r"\bphase\s+(\d)\b(?!\s*[.,]\s*\d)")  # "phase 3", not "phase 2.0"
_PHASE_BEFORE = re.compile(r"\b(\d)\s*(?:e|eme|ieme|em|nde?|re|ere|er)\s+phase\b")  # « 2e », « 1re », « 1ère »
_PHASE_WORDS = {"premiere": 1, "deuxieme": 2, "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5}
# « la seconde période », « la deuxième étape » of the policy are its second phase too.
_PHASE_WORD = re.compile(
    r"\b("
    + "|".join(_PHASE_WORDS)
    + r")\s+(?:phase|(?:periode|etape)(?=\s+(?:de la politique|des poles|du dispositif)))\b"
)  # not « la première étape pour devenir une plate-forme »
# « la phase III », « la phase trois »: users write the number in Roman figures or in words too.
_PHASE_NAMED = {"ii": 2, "iii": 3, "iv": 4, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5}  # not « une phase un peu »
_PHASE_AFTER_NAMED = re.compile(r"\bphase\s+(" + "|".join(_PHASE_NAMED) + r")\b")
_POLES_2_0 = re.compile(r"\bpoles?\s+2[.,]0\b")


def _phase_mentions(folded: str) -> list[tuple[int, int]]:
    """Each phase a folded text names, with where the mention ends."""
    readers = (
        (_PHASE_AFTER, int),
        (_PHASE_BEFORE, int),
        (_PHASE_WORD, _PHASE_WORDS.__getitem__),
        (_PHASE_AFTER_NAMED, _PHASE_NAMED.__getitem__),
    )
    found = [(number(m.group(1)), m.end()) for pattern, number in readers for m in pattern.finditer(folded)]
    return found + [(2, m.end()) for m in _POLES_2_0.finditer(folded)]


_GROUPS = re.compile(
    r"\b(?:groupes?|grpe?s?)\s+(\d)(?:\s*(?:et|,|ou)\s*(\d))?"
)  # « groupe 3 », « groupes 1 et 2 », « grp 3 »


def groups_in(folded: str) -> set[str]:
    """Numbered groups a folded text speaks of: « groupes 1 et 2 » → {'1', '2'}."""
    return {n for m in _GROUPS.finditer(folded) for n in m.groups() if n}


def group_labels(folded: str) -> list[frozenset[str]]:
    """Each numbered group label of a folded text: « groupes 1 et 2 … groupe 3 » → [{'1', '2'}, {'3'}]."""
    return [frozenset(n for n in m.groups() if n) for m in _GROUPS.finditer(folded)]


def phases_in(folded: str) -> set[int]:
    """Phase numbers a folded text speaks of: 'phase 3', '3e phase', 'troisième phase', 'phase III',
    'phase trois', 'Pôles 2.0'."""
    return {phase for phase, _ in _phase_mentions(folded)}


# A period written right after the phase it belongs to: « la deuxième phase (2009-2012) », « une troisième
# phase, pour 2013-2018 ».
_PERIOD_AFTER = re.compile(r"\s*(?:\(|,\s*(?:pour|de)\s+|:\s*)((?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d)\b")


def phase_periods(folded: str) -> dict[int, str]:
    """The period each phase is given in a folded text: {2: '2009-2012'} for « deuxième phase (2009-2012) »."""
    periods = {}
    for phase, end in _phase_mentions(folded):
        period = _PERIOD_AFTER.match(folded, end)
        if period:
            periods.setdefault(phase, period.group(1))
    return periods


def edition_ordinals(terms: list[str]) -> set[str]:
    """Ordinals ("4e", "2e") that name an edition, a call, a day... — not a phase, which has its own check, nor
    « la deuxième catégorie ». « le premier appel » is the « 1er appel »; the Premier ministre is no edition."""
    return {"1e" if term in _FIRST else term for term in _ordinals_before(terms, _EDITION_NOUNS)}


def list_positions(terms: list[str]) -> set[str]:
    """Ordinals that give a place in a list (« le troisième axe », « la 2e priorité »): the passage holding the list
    says « trois axes » (indexed "3", kept), not « troisième » ("3e"), which there would be another phase's."""
    return set(_ordinals_before(terms, _LIST_NOUNS))


def _ordinals_before(terms: list[str], nouns: set[str]) -> Iterator[str]:
    """Each ordinal term ("4e", "premi") right before one of `nouns` ("4ème" is indexed "4e" then "4": skipped)."""
    for i, term in enumerate(terms):
        if term in _FIRST or (term.endswith("e") and term[:-1].isdigit()):
            j = i + 1
            while j < len(terms) and terms[j].isdigit():
                j += 1
            if j < len(terms) and terms[j] in nouns:
                yield term


# Index terms of what a list enumerates: axe, point, objectif, priorité, volet, critère, mesure, étape, levier,
# enjeu, piste, action, orientation, recommandation
_LIST_NOUNS = {
    "axe",
    "point",
    "object",
    "priorit",
    "volet",
    "criter",
    "mesur",
    "etap",
    "levi",
    "enjeu",
    "pist",
    "action",
    "orient",
    "recommand",
}
_FIRST = {"premi", "premier"}  # index terms of « premier », « première » (not « premiers », a plural)
# What an ordinal numbers when it names an edition: « la 4e journée », « le second appel », « le 3e numéro ».
_EDITION_NOUNS = {
    "appel",
    "journe",
    "edit",
    "vagu",
    "rencontr",
    "colloqu",
    "session",
    "tour",
    "contrat",
    "conferent",
    "forum",
    "reunion",
    "numero",
}


# « après la fin de la phase 3 », « la phase qui a succédé à Pôles 2.0 », « la phase suivant la phase 2 »: the phase
# that came next. Not « après la phase 2 » (« quel bilan après la phase 2 ? » asks of phase 2), nor « qui a suivi
# la phase 2 ? » (who followed it)
_AFTER_PHASE = re.compile(
    r"(?:\bapres (?:la fin|l'achevement) (?:de |d')|\bphase (?:qui (?:a|avait) (?:succede|suivi)(?: a)?|suivant) )"
    r"(?P<phase>(?:la |le )?(?:phase\s+(?:\d|ii|iii|iv|deux|trois|quatre)\b"
    r"|(?:\d\s*(?:e|eme|ere|re)|premiere|deuxieme|seconde|troisieme|quatrieme)\s+phase\b|poles? 2[.,]0\b))"
)


# « Quelle période couvre la phase 2 ? » then « et pour la suivante ? »: the phase after it
_NEXT_OR_PREVIOUS = re.compile(
    r"\bla\s+(?P<noun>phase\s+)?(?:(?P<next>suivante|prochaine|d'apres|d'ensuite)|(?P<previous>precedente|d'avant))\b"
)


_ORDINAL_ALONE = re.compile(
    r"\b(?:\d+\s*(?:e|eme|ere|er|re)|premiere?|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme)\b(?!\s+phase)"
)
_EDITION = re.compile(
    r"\b(?:\d+\s*(?:e|eme|ere|er|re)|premiere?|deuxieme|troisieme|quatrieme|cinquieme|sixieme)\s+(?!phase)[a-z]{4,}"
)


def with_next_phase(question: str, context: str) -> str:
    """« et pour la suivante ? », « et la phase d'avant ? » after a turn about one phase: that phase's next or previous
    one, written out (« et pour la phase 3 ? »)."""
    folded, written = folded_and_written(question)
    pointer = _NEXT_OR_PREVIOUS.search(folded)
    context_folded = folded_and_written(context)[0]
    phases = phases_in(context_folded)
    edition = _EDITION.search(context_folded)  # « la 4e journée de la phase 2 », then « et la suivante ? »: a journée
    if not pointer or len(phases) != 1 or phases_in(folded) or (edition and not pointer.group("noun")):
        return question
    if _ORDINAL_ALONE.search(folded) and not pointer.group("noun"):
        return question  # « et la suivante, la cinquième ? »: an edition, which it names
    phase = next(iter(phases)) + (1 if pointer.group("next") else -1)
    word = pointer.start("noun") if pointer.group("noun") else pointer.start(pointer.lastgroup)
    return f"{written[:word]}phase {phase}{written[pointer.end() :]}" if phase > 0 else question


def with_phase_after(question: str) -> str:
    """« que s'est-il passé après la fin de la phase 3 ? » asks of phase 4, « la phase qui a succédé à Pôles 2.0 »
    is phase 3: the next phase, written out."""
    folded, written = folded_and_written(question)
    parts, start = [], 0
    for found in _AFTER_PHASE.finditer(folded):
        phases = phases_in(found.group("phase"))
        if len(phases) == 1:
            parts += [written[start : found.start()], f"phase {next(iter(phases)) + 1}"]
            start = found.end()
    return "".join([*parts, written[start:]])
