"""A question analysed once: weighted terms for search, and what a passage must carry to answer it.

Search (lexical and dense) and answer composition read the same `QueryAnalysis`, built by the
retriever for each question.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from index.analysis import FrenchAnalyzer, fold_accents
from index.pointers import asked_of_it, deed, folded_and_written, leans_on_earlier_turn, with_ordinal_noun
from index.question_type import AnswerType, answer_type, offices_in

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
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
# A word written with a capital inside the question: a name the user expects the passage to carry.
_NAME = re.compile(
    r"(?:(?<=[\w,;:'’] )|(?<=\b[dl]['’]))([A-ZÀ-Ý][\w@-]{2,}|[A-Z]{2,}[\w@-]*)|\b([a-z]+[A-Z][\w@-]+)"
)  # « du pôle Team2 », « d'Avenia »
# The word after « pôle » or « projet » when capitals cannot tell (« le pôle team2 », « LE PÔLE AQUIMER »).
_NAMED_AFTER_KIND = re.compile(r"\b(?:p[oô]les?|projets?|plates?-?formes?)\s+(?!de\b|du\b|des\b|d')([\w@-]{3,})", re.I)
# « Pôle emploi » is an agency, « le pôle Nord » a place: no pôle de compétitivité, a name no passage carries.
_OTHER_POLES = re.compile(r"\bp[oô]le[ -]emploi\b|\bp[oô]le (?:nord|sud)(?![\w-])", re.IGNORECASE)
_ROMAN = re.compile(r"^[IVX]+(?:e|ème|eme)?$")  # « la phase III » names no pôle
# The thing a question counts or whose holder it asks for: "combien de pôles", "combien y avait-il de pôles",
# "qui est le président".
_COUNTED = re.compile(
    r"\b(?:(?:combien|cb|cmb|nombre)\s+(?:(?:y|ya)\s*(?:a(?:[- ]t[- ]il)?|avait(?:[- ]il)?|a eu|a-t-il eu|en a-t-il|en avait-il)\s+"
    r"|il\s+y\s+(?:a|avait|a eu)\s+|existe(?:nt)?-t-il\s+|existait-il\s+)?"
    r"(?:de\b|d'|d(?=\s)|des\s+(?:\d+|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente"
    r"|quarante|cinquante|soixante|cent)(?:-[a-z]+)*)\s+(?=[a-z]))|qui (?:est|etait|sont|etaient) (?:le|la|les|l'))"
    r"\s*(?P<thing>[a-z][a-z-]+)"  # « combien des dix-neuf candidatures » counts candidatures
    # « quel cabinet a réalisé … », « quel est le cabinet qui … »: a firm, named as one
    r"|\bquel(?:le)?s?\s+(?:(?:est|sont|etait|etaient)\s+(?:le|la|les|l')\s*)?"
    r"(?P<firm>cabinets?|consultants?|ministres?|societes?|prestataires?)\b"
    # « et le ministre de l'économie de l'époque, c'était qui ? »: the holder asked for is named first
    r"|^(?:et\s+)?(?:le|la|les|l')\s*(?P<holder>ministres?|president|presidente|secretaire|directeur|directrice"
    r"|responsables?|chef|delegue|prefets?|correspondants?|rapporteurs?|auteurs?)\b[^?]*?,?\s*c'(?:est|etait) (?:qui|ki)\b"
)
# « combien de temps » asks for a duration, « combien de millions » for an amount: not for a thing counted
_NOT_COUNTED = {"temps", "fois", "millions", "milliards", "euros", "argent"}
_NAMED_KINDS = r"(?:pole|projet|plate-forme|plateforme|cabinet|programme)"  # « du pôle Team2 »
# Nouns that say what kind of answer is wanted (« la taille du PDF »): the answer type checks those.
_KIND_NOUNS = frozenset(
    [
        "montant",
        "somme",
        "budget",
        "part",
        "pourcentage",
        "nombre",
        "taille",
        "cout",
        "prix",
        "date",
        "periode",
        "duree",
        "annee",
        "lieu",
        "nom",
    ]
)
# « c'est quoi le crédit d'impôt recherche et … », « qu'est-ce qu'un projet structurant ? »: what to define.
_DEFINED = re.compile(
    r"\b(?:c'est quoi|c koi|c quoi|qu'est-ce que|qu'est-ce qu'|que signifie|que veut dire|que recouvre|que sont"
    r"|comment (?:fonctionnent|fonctionne|marchent|marche))\s*"  # « comment fonctionne le crédit d'impôt … ? »
    r"(?:(?:concretement|exactement|vraiment|precisement)\s+)?"
    r"(?:(?:les|le|la|une|un|des|cette|ce)\s+|l')?(?:sigle\s+|acronyme\s+|mot\s+)?"
    r"(.+?)(?=\s+(?:et|dans|ds|sur|pour|en|pendant|pdt|exactement|concretement)\s|\s*[,?;!.]|$)"
)
# The same, the thing named first: « CIADT, ça veut dire quoi ? », « les GTI c'est quoi ? ».
_DEFINED_FIRST = re.compile(
    r"^(?:et\s+)?(?:(?:les|le|la|une|un|des)\s+|l')?(?:sigle\s+|acronyme\s+|mot\s+)?"
    r"([\w@'-]+(?:\s+[\w@'-]+){0,3}?)\s*,?\s+(?:ca\s+|c'\s*)?"
    r"(?:veut dire|signifie|designe|c'est|c koi|c quoi|est|sont)\s+(?:quoi|koi)\b"
)
_RELATIVE = re.compile(r"\b(?:avant|apres|depuis|d'ici|des)\s+(?:(?:la fin de |le debut de )?l'annee\s+)?$")
# « 2009-2012 », « (de) 2009 à 2012 », « entre 2009 et 2012 », folded: a period, whose bounds are no event of that
# year, in a question or a passage
PERIOD_SPAN = re.compile(r"\b(?:19|20)\d\d\s*(?:[-–]|a|et)\s*(?:19|20)?\d\d\b")
_QUOTED = re.compile(r"[«“\"]([^«»“”\"]{3,80})[»”\"]")  # « Ils ont dit », "Pôles 2.0"
# A phrase worth finding as written: two words or more, eight characters or more (not « innovation », « à la »).
_QUOTABLE = re.compile(r"(?=.{8,}$)\S+(?:\s+\S+)+")
_RELATIVE_CLAUSE = re.compile(r"\s+(?:qui|que|dont)\s|\s+qu'")
_AUXILIARY = re.compile(r"\b(a|ont|est|sont|etait|avait|avaient|devenu|devenue|devenus|devenues)\b")
# « c'est quoi la différence entre … », « c'est quoi le rôle de … »: about something, not a word to define
_NOT_DEFINED = {
    "diff",
    "difference",
    "differences",
    "rapport",
    "lien",
    "role",
    "interet",
    "avantage",
    "avantages",
    "but",
    "objectif",
    "principe",
    "suite",
    "resultat",
    "resultats",
    "bilan",
    "conclusion",
    "conclusions",
    "probleme",
    "idee",
}
# « qu'est-ce qu'on leur demande ? », « c koi leurs noms ? »: a clause or something said before, nothing to define;
# « c'est quoi ce truc que l'on appelle GTI ? »: a placeholder, what it stands for comes after
_NO_NOTION_HEADS = frozenset(
    [
        "truc",
        "chose",
        "machin",
        "bidule",
        "on",
        "il",
        "elle",
        "ils",
        "elles",
        "je",
        "tu",
        "nous",
        "vous",
        "leur",
        "leurs",
        "son",
        "sa",
        "ses",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
    ]
)
_ADVERBS = {"concretement", "exactement", "vraiment", "precisement", "simplement", "donc", "alors"}
# Capitalised words that name the documents' own subject, not a constraint on the answer.
COMMON_NAMES = {
    "etat",
    "phase",
    "pole",
    "poles",
    "france",
    "gouvernement",
    "premier",
    "ministre",
    "republique",
    "president",
    # compass points describe where, they name nothing a passage must write (« le pôle du Sud-Ouest »)
    "nord",
    "sud",
    "est",
    "ouest",
    "sud-ouest",
    "sud-est",
    # a letter's courtesy, « Madame, Monsieur, pourriez-vous … »
    "madame",
    "monsieur",
    "mesdames",
    "messieurs",
    "mademoiselle",
    "nord-ouest",
    "nord-est",
}


def holds_phrase(folded_text: str, phrase: str) -> bool:
    """The folded text has the folded phrase as whole words: « ils ont dit », not « eti » in « competitivite »."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded_text) is not None


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


_GROUPS = re.compile(r"\bgroupes?\s+(\d)(?:\s*(?:et|,|ou)\s*(\d))?")  # « groupe 3 », « groupes 1 et 2 »


def groups_in(folded: str) -> set[str]:
    """Numbered groups a folded text speaks of: « groupes 1 et 2 » → {'1', '2'}."""
    return {n for m in _GROUPS.finditer(folded) for n in m.groups() if n}


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
    """Ordinals ("4e", "2e") that name an edition, a call, a day... — not a phase, which has its own check."""
    found = set()
    for i, term in enumerate(terms):
        if term in _FIRST and i + 1 < len(terms) and terms[i + 1] in _EDITION_NOUNS:
            found.add("1e")  # « le premier appel » is the « 1er appel »; the Premier ministre is no edition
        elif term.endswith("e") and term[:-1].isdigit():
            j = i + 1
            while j < len(terms) and terms[j].isdigit():  # "4ème" is indexed as "4e" then "4"
                j += 1
            if j < len(terms) and terms[j] in _EDITION_NOUNS:  # not « la deuxième catégorie »
                found.add(term)
    return found


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


@dataclass(frozen=True)
class Constraints:
    """What the question names and a passage answering it must carry."""

    years: frozenset[str] = frozenset()
    phases: frozenset[int] = frozenset()
    names: frozenset[str] = frozenset()  # as the user wrote them
    generic: frozenset[str] = frozenset()  # « une PME »: must be known to the documents, not to the passage
    asked: str | None = None  # index term of what is asked: « combien de <dossiers> », « l'<adresse> du pôle X »
    asked_word: str | None = None  # that word as the user wrote it
    defined: tuple[str, ...] = ()  # index terms of what « c'est quoi … » asks to define
    defined_words: str | None = None  # as written
    quoted: tuple[str, ...] = ()  # what the user wrote between quotes, folded: « Ils ont dit »
    within: str | None = None  # « Et qui le préside ? »: the passage must be the one the last answer quoted
    groups: frozenset[str] = frozenset()  # « les pôles du groupe 2 »: numbered groups the passage must speak of
    # Years the question gives as a period's bounds (« pour 2009-2011 », « entre 2009 et 2012 »): a passage's
    # period with those bounds answers; other years asked are events of that year
    period_years: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(
            self.years
            or self.phases
            or self.names
            or self.generic
            or self.asked
            or self.defined
            or self.within
            or self.groups
        )


def _attribute_of(folded: str, name: str) -> re.Match | None:
    """What the question asks of a named thing: « l'adresse du pôle Team2 » → adresse, « qui dirige le pôle
    Avenia » → dirige. A passage naming Team2 but not its address does not answer."""
    target = rf"\s*(?:{_NAMED_KINDS}\s+)?{re.escape(name)}\b"
    article = r"\b(?:le|la|les|l')\s*([a-z][a-z-]+)(?:\s+[a-z']+){0,2}?\s+(?:du|de la|de l'|des|de|d')"  # le numéro de téléphone du
    match = re.search(article + target, folded)
    match = match or re.search(rf"\b(?:qui|ki)\s+([a-z]+)\s+(?:(?:le|la|les|l')\s*)?{target}", folded)
    return match if match and match.group(1) not in _KIND_NOUNS else None


def _shouted(question: str) -> bool:
    """Most words capitalised (caps lock, Title Case): capitals no longer tell names from other words.
    The first word does not count: « Où est Aquimer ? » is written as it should be."""
    words = re.findall(r"[^\W\d_][\w@'-]*", question)[1:]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > len(words) / 2


def _names(question: str) -> set[str]:
    """Names the question gives: words written with a capital inside it (not « phase III »); when capitals
    tell nothing (« QUEL BUDGET … ») or a name has a digit (« team2 »), the word after « pôle » or « projet »."""
    shouted = _shouted(question)
    names = set() if shouted else {m.group(0) for m in _NAME.finditer(question) if not _ROMAN.match(m.group(0))}
    for m in _NAMED_AFTER_KIND.finditer(question):
        word = m.group(1)
        if shouted or any(c.isdigit() or c == "@" for c in word):
            names.add(word)
    names = {n for n in names if fold_accents(n) not in COMMON_NAMES}
    return names | {m.group(0) for m in _OTHER_POLES.finditer(question)}


def _any_of_a_kind(question: str, names: set[str]) -> set[str]:
    """Names written after « un », « une »: « une PME » is any PME, not one the passage must name (« des »
    may be « de les », which names them)."""
    return {n for n in names if re.search(rf"\b(?:un|une)\s+{re.escape(n)}\b", question, re.IGNORECASE)}


@functools.cache
def _not_defined_terms(analyzer: FrenchAnalyzer) -> frozenset[str]:
    """Index terms of the heads that make « c'est quoi … » no definition (« les objectifs », « le pb »)."""
    return frozenset(t for w in _NOT_DEFINED for t in analyzer.terms(w))


def extract_constraints(question: str, analyzer: FrenchAnalyzer) -> Constraints:
    folded, as_written = folded_and_written(question)
    names = _names(question)
    generic = _any_of_a_kind(question, names)
    names -= generic
    asked = asked_word = None
    match = _COUNTED.search(folded)
    group = (match.lastgroup or 1) if match else 1  # « thing » counted, « firm » or « holder » asked for
    if not match or match.group(group) in _NOT_COUNTED:
        folded_names = {fold_accents(n) for n in names}
        attributes = (_attribute_of(folded, name) for name in sorted(folded_names))
        match, group = (
            next((m for m in attributes if m and m.group(1) not in folded_names), None),
            1,
        )  # « Caisse des Dépôts »
    terms = analyzer.terms(match.group(group)) if match else []
    if terms:
        asked, asked_word = terms[0], as_written[match.start(group) : match.end(group)]
    defined = _DEFINED_FIRST.search(folded) or _DEFINED.search(folded)
    defined_words = as_written[defined.start(1) : defined.end(1)].strip() if defined else None
    head = defined.group(1).split()[0] if defined else ""
    about = _not_defined_terms(analyzer)
    if defined and (
        _AUXILIARY.search(defined.group(1))
        or head in _KIND_NOUNS | _NO_NOTION_HEADS
        or set(analyzer.terms(head)) & about
    ):
        defined_words = None  # « qu'est-ce que l'État a financé ? », « c'est quoi la date limite ? »: no definition
    elif defined and (clause := _RELATIVE_CLAUSE.search(defined.group(1))):
        # « c'est quoi le pôle qui recycle les déchets ? » asks which pôle: the clause is not the word to define
        defined_words = as_written[defined.start(1) : defined.start(1) + clause.start()].strip()
    defined_terms = [t for w in (defined_words or "").split() if w not in _ADVERBS for t in analyzer.terms(w)]
    return Constraints(
        quoted=tuple(q.strip() for q in _QUOTED.findall(folded) if _QUOTABLE.fullmatch(q.strip())),
        defined=tuple(dict.fromkeys(defined_terms)),
        defined_words=defined_words if defined_terms else None,
        # « avant 2009 », « depuis 2010 »: a year to compare with, not one the passage must give
        years=frozenset(m.group(0) for m in _YEAR.finditer(folded) if not _RELATIVE.search(folded[: m.start()])),
        phases=frozenset(phases_in(folded)),
        groups=frozenset(groups_in(folded)),
        period_years=frozenset(y for m in PERIOD_SPAN.finditer(folded) for y in _YEAR.findall(m.group(0))),
        names=frozenset(names),
        generic=frozenset(generic),
        asked=asked,
        asked_word=asked_word,
    )


@dataclass(frozen=True)
class QueryAnalysis:
    """One question, read once: its text, its context, its weighted terms and its constraints."""

    question: str
    context: str = ""
    terms: dict[str, float] = field(default_factory=dict)  # question's at 1, context's lower, filler lower
    own_terms: list[str] = field(default_factory=list)  # the question's own terms, in order
    kind: AnswerType = AnswerType.OTHER
    constraints: Constraints = Constraints()
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # of search_text
    said_before: str = ""  # a follow-up pointing back: the start of what the previous answer quoted
    leans_on: bool = False  # a follow-up that stands for something said before (« ce pôle », « Et quand ? »)
    offices: frozenset[str] = frozenset()  # « qui, au gouvernement, … ? »: offices named, which answer no « qui »
    per_unit: bool = False  # « combien chaque pôle a-t-il reçu en moyenne ? »: a figure per thing, not a total
    topic: str | None = None  # « et les collectivités, elles mettent combien ? »: index term of the new subject
    topic_word: str | None = None  # as written
    done: str | None = None  # « qui a évalué … ? »: index term of what was done, which the answer must say
    done_word: str | None = None  # that word as the user wrote it
    ranking: str | None = None  # « quel pôle a obtenu la meilleure note ? »: a ranking, which the answer must make
    outcome: str | None = None  # « la part de 30 % a-t-elle été atteinte ? »: what came of it, not what was planned

    @property
    def context_names(self) -> frozenset[str]:
        """Names the earlier turn gave (« le pôle Avenia »), for a follow-up that points back at one."""
        return _names(self.context) if self.context else frozenset()

    @property
    def search_text(self) -> str:
        """What the dense model reads: the earlier turn, then the question."""
        return f"{self.context} {self.question}".strip()


# Index terms of the words that name the kind of answer asked for (« quelle période », « quelle date »).
_KIND_WORDS = {
    AnswerType.PERIOD: {"period", "dure", "anne"},
    AnswerType.DATE: {"dat", "anne", "jour", "mois"},
    AnswerType.NUMBER: {"nombr"},
    AnswerType.AMOUNT: {"mont", "somm"},
    AnswerType.PLACE: {"lieu", "endroit"},
}
# A question about how something turned out, in everyday words.
_OUTCOME = re.compile(
    r"\b(?:ca|elle|il|ils|elles|cela) (?:a|ont) donne quoi\b|\bqu'est-ce que (?:ca|cela) a donne\b"
    r"|\bqu'(?:a|ont)-t-(?:il|elle|ils|elles) donne\b|\bc(?:'est|'etait)? (?:bien|positif|bon) ou (?:pas|non)\b"
)
_OUTCOME_WORDS = "conclusions résultats bilan constate"
# « Qu'est-ce qui pèche encore ? »: the words that say what remains to be done
_SHORTCOMING_WORDS = "restent renforcer améliorer insuffisant faiblesses"
_STRENGTH_WORDS = "réussi réussite succès positive atteint"
# Everyday phrases whose words say nothing to search, and the word the documents use for them.
_PHRASES = [
    (re.compile(r"\ben tout\b(?!\s+(?:cas|etat|temps|point|genre))"), "total"),
    (re.compile(r"\ben echange\b"), "contrepartie"),
]
_PER_UNIT = re.compile(
    r"\ben moyenne\b|\bpar (?:pole|projet|entreprise|dossier|region|plate-?forme)s?\b|\bchaque\b|\bchacun"
)
# A ranking asked for: after a verb (« a obtenu la meilleure note », « a reçu le plus de financements », « est le
# plus ancien ») or right after the noun « quel » asks for (« quel est le pôle le plus ancien ? »); not a superlative
# that describes the subject (« les pôles les plus petits », « le groupe le plus faible »).
_SUPERLATIVE = r"(?:le|la|les|l')\s*(?:plus|moins|mieux|meilleure?s?|pires?)\b(?:\s+(?:de\s+|d')?[a-z-]{3,})?"
_RANKING = re.compile(
    rf"\b(?:est|sont|etait|etaient|a|ont|avait|avaient|obtenu|recu|eu|touche|gagne|finance|dote)\s+(?P<verb>{_SUPERLATIVE})"
    rf"|\b(?:quel(?:le)?s?|lequel|laquelle|lesquel(?:le)?s)\s+(?:est|sont|etait)?\s*(?:le|la|les|l')\s*[a-z-]+\s+"
    rf"(?P<noun>{_SUPERLATIVE})"
)
# What actually came of something: « a-t-elle été atteinte ? », « quels ont été les résultats de … ? » (« ça a donné
# quoi ? » is _OUTCOME, searched as conclusions and results); a figure asked « au final » is the one reached, not
# the target (« Au final, quelle part des aides … ? »), but « au final, que doivent faire les pôles ? » is no outcome.
_OUTCOME_ASKED = re.compile(
    r"\batteinte?s?\b|\bquels? (?:ont ete|etaient|furent) (?P<results>(?:les|leurs) resultats)\b"
    r"|\bquels (?P<results_given>resultats) (?:a|ont) (?:donnes?|produits?|eus?)\b"  # « quels résultats a donnés … ? »
)
_IN_THE_END = re.compile(r"\bau final\b|\bfinalement\b|\ben fin de compte\b|\bau bout du compte\b|\bdans les faits\b")
# A follow-up that names its new subject first: « et les collectivités, elles mettent combien ? » (« et du coup, »
# names none)
_TOPIC = re.compile(r"^(?:et|mais)\s+(?:le|la|les|l'|du|de la|des)\s*(?!coup\b|reste\b|moins\b)([a-z][a-z-]{3,})\s*,")
CONTEXT_WEIGHT = 0.5  # terms of earlier turns count less than the follow-up's own
FILLER_WEIGHT = 0.25  # "donne-moi", "travaille", "signifie": words of the question's form


def analyse_query(
    question: str,
    analyzer: FrenchAnalyzer,
    filler_terms: set[str],
    context: str = "",
    embed: Callable[[list[str]], np.ndarray] | None = None,
    said_before: str = "",
) -> QueryAnalysis:
    question = with_ordinal_noun(question, context) if context else question
    kind, constraints = answer_type(question), extract_constraints(question, analyzer)
    # « Quelle période couvre la phase 2 ? »: « période » says what kind of answer is wanted, which the
    # answer type checks; « deuxième phase (2009-2012) » answers it without the word.
    filler = filler_terms | _KIND_WORDS.get(kind, set())
    terms: dict[str, float] = {}
    for text, weight in ((context, CONTEXT_WEIGHT), (question, 1.0)):
        for term in analyzer.terms(text):
            own = weight * (FILLER_WEIGHT if term in filler else 1.0)
            terms[term] = max(own, terms.get(term, 0.0))
    folded, as_written = folded_and_written(question)
    earlier = extract_constraints(context, analyzer) if context else None
    if earlier is not None and kind is AnswerType.OTHER and _only_scope(question, analyzer, constraints):
        # « Quel budget pour la phase 2 ? » then « Et pour la phase 3 ? »: still a budget, of phase 3 now.
        kind = answer_type(context)
        constraints = replace(
            constraints,
            asked=constraints.asked or earlier.asked,
            asked_word=constraints.asked_word or earlier.asked_word,
        )
    own_terms = analyzer.terms(question)
    leans_on = earlier is not None and leans_on_earlier_turn(folded, own_terms)
    if earlier is not None and leans_on and not _scoped(constraints):
        # « Qui a évalué la phase 1 ? » then « et ça a coûté combien cette étude ? »: still phase 1's study;
        # « Le pôle Avenia est où ? » then « Et qui le préside ? »: Avenia's president.
        constraints = replace(constraints, years=earlier.years, phases=earlier.phases, names=earlier.names)
    held = asked_of_it(folded) if leans_on else None
    if held and not constraints.asked and analyzer.terms(folded[held[0] : held[1]]):
        # « qui le préside ? » asks what « qui préside le pôle Avenia ? » asks, of what the last answer quoted
        constraints = replace(
            constraints,
            asked=analyzer.terms(folded[held[0] : held[1]])[0],
            asked_word=as_written[held[0] : held[1]],
            within=said_before or None,
        )
    if _OUTCOME.search(folded):
        # « ça a donné quoi l'évaluation ? »: what it concluded, which the documents call conclusions, results
        for term in analyzer.terms(_OUTCOME_WORDS):
            terms.setdefault(term, CONTEXT_WEIGHT)
    hints = {AnswerType.SHORTCOMING: _SHORTCOMING_WORDS, AnswerType.STRENGTH: _STRENGTH_WORDS}.get(kind)
    if hints:  # « qu'est-ce que l'étude porte au crédit des pôles ? » asks a judgement, it defines no word
        constraints = replace(constraints, defined=(), defined_words=None)
    for term in analyzer.terms(hints or ""):  # « qu'est-ce qui pèche encore ? »: the words that say it
        terms.setdefault(term, CONTEXT_WEIGHT)
    for phrase, words in _PHRASES:
        if found := phrase.search(folded):  # « en tout », made of stop words, means « au total »
            for term in analyzer.terms(found.group(0)):  # « en échange » is no « ateliers d'échanges »
                if term in terms:
                    terms[term] = min(terms[term], FILLER_WEIGHT)
            for term in analyzer.terms(words):
                terms.setdefault(term, 1.0)
    topic = _TOPIC.match(folded) if context else None
    topic_terms = analyzer.terms(topic.group(1)) if topic else []
    done = deed(folded) if kind is AnswerType.PERSON else None
    done_terms = analyzer.terms(folded[done[0] : done[1]]) if done else []
    ranking = _RANKING.search(folded)
    ranking_span = ranking.span(ranking.lastgroup or 0) if ranking else None
    outcome = _OUTCOME_ASKED.search(folded)
    if outcome is None and kind in (AnswerType.NUMBER, AnswerType.AMOUNT):
        outcome = _IN_THE_END.search(folded)
    outcome_span = outcome.span(outcome.lastgroup or 0) if outcome else None  # « les résultats », not the whole
    return QueryAnalysis(
        outcome=as_written[slice(*outcome_span)] if outcome_span else None,
        ranking=as_written[slice(*ranking_span)] if ranking_span else None,
        question=question,
        offices=frozenset(offices_in(question)),
        per_unit=kind in (AnswerType.AMOUNT, AnswerType.NUMBER) and bool(_PER_UNIT.search(folded)),
        topic=topic_terms[0] if topic_terms else None,
        topic_word=as_written[topic.start(1) : topic.end(1)] if topic_terms else None,
        done=done_terms[0] if done_terms else None,
        done_word=as_written[done[0] : done[1]] if done_terms else None,
        context=context,
        terms=terms,
        own_terms=own_terms,
        kind=kind,
        constraints=constraints,
        said_before=said_before if leans_on else "",
        leans_on=leans_on,
        # The model reads « QUE RECOUVRE LE SIGLE CIADT ? » as shouting, further from every passage.
        vector=_embed_follow_up(embed, question.lower() if _shouted(question) else question, context)
        if embed
        else None,
    )


# « qui le préside », « qui l'a rédigé », « qui les a choisis », « qui dirigeait cet organisme »
def _scoped(constraints: Constraints) -> bool:
    """The question says itself which phase, year or named thing it is about."""
    return bool(constraints.years or constraints.phases or constraints.names)


def _only_scope(question: str, analyzer: FrenchAnalyzer, constraints: Constraints) -> bool:
    """A follow-up that only changes the scope (« Et pour la phase 3 ? », « Et en 2011 ? », « Et la Caisse
    des Dépôts ? »): every word of it is a phase, a year, a number or a name."""
    named = {t for name in constraints.names for t in analyzer.terms(name)}
    return all(t in named or t[0].isdigit() or t in _SCOPE_TERMS for t in analyzer.terms(question))


_SCOPE_TERMS = {"phas", "phase", "annee", "anne", "an", "period", "pol"}


def _embed_follow_up(embed: Callable[[list[str]], np.ndarray], question: str, context: str) -> np.ndarray:
    """The question read in its context; a follow-up's own words also alone (one call, both texts), so
    that « Et combien ont été retenus ? » after the candidatures looks for what was retained."""
    if not context:
        return embed([question])[0]
    mixed = embed([f"{context} {question}", question]).sum(axis=0)
    return mixed / np.linalg.norm(mixed)
