"""The figures a French text gives, and what they count: « dix-neuf candidatures », « 200 000 euros », not a year,
a day or a label (« le groupe 2 »)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from index.analysis import fold_accents

NUMBER_WORDS = (
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
    r"|vingts?|trente|quarante|cinquante|soixante|cents?|mille|dix-\w+|milliards?|millions?"
)
MONTHS = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"

_NOT_A_NUMBER_AFTER = re.compile(rf"^(ans?|annees?|mois|jours?|semaines?|heures?|{MONTHS}|er|ere|e|eme|ieme|nd|nde)$")


def holds_number(folded: str) -> bool:
    """A figure that may answer « combien » : not a year, a label (« le groupe 2 »), a duration (« au bout de
    18 mois ») or a day (« le 11 mai »). Money still counts: « quelle part » may be answered in euros."""
    return _holds_figure(folded, counts_only=False)


_COUNT_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[%€]|[a-z]+(?:-[a-z]+)*")
# « vingt-deux », « vingt-et-un », « deux-cent-un » (joined below)
_COUNT_WORD = re.compile(rf"\d+|({NUMBER_WORDS})(-(et|{NUMBER_WORDS}))*(-(?:et-)?une?)?")
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


_UNITS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}  # fmt: skip
_WORD_WITH_DIGITS = re.compile(
    r"(?<![\d.,])\b(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]+|\b\d\.0\b"
)  # « Team2 », « S2E2 », « Pôles 2.0 »
# « 2,5M€ », « 1,5md »: an amount with its scale glued on, not a name; « 200k » is « 200 000 »
_GLUED_SCALE = re.compile(r"(\d)(m|md|mds|mrd|mrds)(?=€|\b)")
_THOUSANDS = re.compile(r"(?<![\d.,])\b(\d+)k(?=€|\b)")  # not « 2,5k€ »: a decimal is left as it is
# « cinq cents », « trois mille », « deux millions » are one figure or a figure and its scale: joined
_WORDS_THEN_HUNDREDS = re.compile(rf"\b({NUMBER_WORDS})\s+(cents?|mille)\b")
# « trois cent cinquante », « mille deux cents »: what follows hundreds or thousands in words is the same figure
_HUNDREDS_THEN_WORDS = re.compile(
    rf"\b((?:(?:{NUMBER_WORDS})-)*(?:cents?|mille))\s+((?!millions?\b|milliards?\b)(?:{NUMBER_WORDS}|une?)(?:-[a-z]+)*)\b"
)
_DECIMAL = re.compile(r"\d+[.,]\d+")
# ordinals, percentages, days (« le 11 mai »: the date is checked whole), a form asked for (« en 2 mots »)
_NOT_A_FIGURE_AFTER = re.compile(
    rf"^(?:er|ere|e|eme|ieme|nd|nde|%|pour|pourcents?|{MONTHS}|mots?|phrases?|lignes?|points?|minutes?|secondes?)$"
)
_LABEL_LINKS = ("et", "ou", "a")  # « les groupes 1 et 2 », « les phases 1, 2 et 3 »


def _value_of_words(word: str) -> int | None:
    """« dix-neuf » → 19, « soixante-et-onze » → 71, « quatre-vingts » → 80, « deux cents » is two figures."""
    total = current = 0
    for part in word.split("-"):
        if part == "et":
            continue
        if part in ("cent", "cents"):
            current = max(current, 1) * 100
        elif part == "mille":
            total, current = total + max(current, 1) * 1000, 0
        elif part in ("vingt", "vingts") and current == 4:
            current = 80
        elif part in ("un", "une"):
            current += 1
        elif part in _UNITS:
            current += _UNITS[part]
        else:
            return None  # « millions »: a scale, no figure of its own
    return total + current or None


# « le milliard et demi », « 2 milliards et demi »; not « deux milliards et demi » (left as it is)
_AND_A_HALF = re.compile(r"(?:\b(\d+)\s+|\b(?:un|le)\s+|\bl'|^|(?<=[\s,;:(]))(milliard|million)s?\s+et\s+demie?\b")


def with_halves(folded: str) -> str:
    """« le milliard et demi » written as a figure, « 1,5 milliard », which `figures_named` reads."""

    def figure(found: re.Match) -> str:
        before = folded[: found.start()].rstrip().rsplit(" ", 1)[-1]
        if not found.group(1) and (before in _UNITS or before.isdigit()):
            return found.group(0)
        return f"{found.group(1) or 1},5 {found.group(2)}"

    return _AND_A_HALF.sub(figure, folded)


def figures_named(folded: str, digits_only: bool = False) -> set[str]:
    """The figures a folded text names, as plain numbers with a decimal comma, whether written in digits or words
    (« dix-neuf dossiers », « 19 dossiers » → 19; « 200 000 euros » → 200000; « 1,5 milliard » → 1,5). Not a year,
    a label (« le groupe 2 », « les groupes 1 et 2 »), an ordinal (« 1er », « 4e »), a day, a percentage or a number
    inside a name (« Team2 »). `digits_only`: figures in words are left out (« les deux », « trois ans » in a
    question are rarely a figure the user means)."""
    text = _THOUSANDS.sub(r"\1 000", _GLUED_SCALE.sub(r"\1 \2", folded))
    text = _WORDS_THEN_HUNDREDS.sub(r"\1-\2", _WORD_WITH_DIGITS.sub(" ", text))
    text = _HUNDREDS_THEN_WORDS.sub(r"\1-\2", text)
    matches = list(_COUNT_TOKEN.finditer(text))
    tokens = [m.group(0) for m in matches]
    found, i, in_labels, plural = set(), 0, False, False
    while i < len(tokens):
        token, end = tokens[i], _end_of_figure(tokens, i)
        after = tokens[end + 1] if end + 1 < len(tokens) else ""
        named = (_DECIMAL.fullmatch(token) or _COUNT_WORD.fullmatch(token)) and not _YEAR_TOKEN.fullmatch(token)
        # « le groupe 2 », « les phases 1, 2 et 3 »; not « trois groupes : 58 pôles »
        between = text[matches[i - 1].end() : matches[i].start()].strip() if i else "x"
        starts = bool(i) and not between and bool(_LABEL_BEFORE.fullmatch(tokens[i - 1]))
        # a list or a range of labels after a comma or « à » needs a plural: « les phases 1, 2 et 3 », « les
        # groupes 1 à 3 »; « la phase 2, 3 pôles », « la phase 2 a 3 axes » count pôles and axes
        joined = not between and tokens[i - 1] in ("et", "ou")  # « la phase 1 et 2 »
        listed = in_labels and between in ("", ",") and token.isdigit() and len(token) == 1 and (joined or plural)
        label = starts or listed
        plural = tokens[i - 1].endswith("s") if starts else plural
        in_labels = label if named else in_labels and token in _LABEL_LINKS
        if not named or label or _NOT_A_FIGURE_AFTER.match(after) or (digits_only and not token[0].isdigit()):
            i += 1
            continue
        if token[0].isdigit():
            found.add(re.sub(r"^0+(?=\d)", "", "".join(tokens[i : end + 1]).replace(".", ",")))
        elif (value := _value_of_words(token)) is not None:
            found.add(str(value))
        i = end + 1
    return found - {"0", "1"} if digits_only else found  # « en 1 an », « 1 seul domaine »: « un », no figure
