"""A question analysed once: weighted terms for search, and what a passage must carry to answer it.

Search (lexical and dense) and answer composition read the same `QueryAnalysis`, built by the
retriever for each question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from index.analysis import FrenchAnalyzer, fold_accents
from index.constraints import Constraints, extract_constraints
from index.dictionary import french_dictionary
from index.figures import figures_named, with_halves
from index.french_words import ABBREVIATED_BODIES, DISCOURSE_WORDS, ENGLISH_WORDS
from index.names import names_given, shouted
from index.phases import list_positions, with_next_phase, with_phase_after
from index.pointers import (
    asked_of_it,
    counts_what_was_said,
    deed,
    folded_and_written,
    leans_on_earlier_turn,
    light_verb,
    with_ordinal_noun,
)
from index.question_type import (
    AnswerType,
    answer_type,
    names_counted,
    offices_in,
    origin_asked,
    speaks_of_money,
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
    # « combien de dossiers ? » then « et au final, combien ont décroché le label ? »: a figure asked again of a new
    # deed; the start of the sentence that gave the earlier figure, which answers it no longer
    figure_given: str = ""
    offices: frozenset[str] = frozenset()  # « qui, au gouvernement, … ? »: offices named, which answer no « qui »
    per_unit: bool = False  # « combien chaque pôle a-t-il reçu en moyenne ? »: a figure per thing, not a total
    topic: str | None = None  # « et les collectivités, elles mettent combien ? »: index term of the new subject
    topic_word: str | None = None  # as written
    done: str | None = None  # « qui a évalué … ? »: index term of what was done, which the answer must say
    done_word: str | None = None  # that word as the user wrote it
    ranking: str | None = None  # « quel pôle a obtenu la meilleure note ? »: a ranking, which the answer must make
    outcome: str | None = None  # « la part de 30 % a-t-elle été atteinte ? »: what came of it, not what was planned
    created: str | None = (
        None  # « créé en quelle année ? »: a creation asked for, which the answer must say (as written)
    )
    names_wanted: int = 0  # « la liste des 58 pôles » (a names question): so many names asked for, 0 if not counted
    until: bool = False  # « jusqu'à quelle date … ? »: a sentence saying « jusqu'au … » answers it best
    opinion: bool = False  # « à ton avis, méritait-il de perdre son label ? »: a judgement the documents do not make
    checks_premise: bool = False  # « c'est bien McKinsey qui … ? »: a yes/no check, answered by what is so
    negated: str | None = None  # « les dossiers qui n'ont pas été retenus »: what was not done (as written)
    negated_word: str | None = None  # the deed that was not done: « retenus »
    rejected: str | None = None  # « les candidats recalés »: those turned down (as written)
    phrased: frozenset[str] = frozenset()  # « en échange »: index terms of the documents' word for it (contrepartie)
    cost_of: str | None = None  # « combien a coûté cette étude ? »: what cost it (as written), which the amount is of
    words_asked: str | None = None  # « qu'a déclaré précisément le Président ? »: what was said (as written)
    tenure: str | None = None  # « il est resté ministre jusqu'à quand ? »: how long someone held a post (as written)
    activity_asked: str | None = None  # « Sporaltec bosse sur quoi ? »: what a named thing works on (as written)
    # « quels pôles ont été délabellisés en 2012 ? »: what befell the things asked for by name (as written), which the
    # answer must say
    befell: str | None = None
    origin: str | None = None  # « les dossiers venaient d'où ? »: where things came from, a place (as written)
    happened: str | None = None  # « des pôles ont perdu de l'argent ? »: what did happen, not a rule (as written)
    # « et ils ont protesté ? », « les pôles qui ont perdu leur label ont fusionné ? »: the deed a yes/no follow-up, or
    # a yes/no question after what it knows, asks about (as written)
    whether: str | None = None
    why: str | None = None  # « pourquoi Sporaltec a perdu son label ? »: a cause asked, as written from « pourquoi »
    procedure: str | None = (
        None  # « comment une PME peut-elle adhérer ? »: what to do, asked in the present, as written
    )
    manner: str | None = None  # « comment se déroulent les ateliers GTI ? »: how something goes on (as written)
    findings: bool = False  # « ça a donné quoi l'étude ? », « bilan de l'étude 2012 ? »: what a study found
    total: str | None = None  # « la CDC a mis combien au total ? »: a total, not a figure per project (as written)
    extra: str | None = None  # « combien d'argent supplémentaire ? »: money added, not the whole (as written)
    part_of: str | None = None  # « sur le milliard et demi, quelle somme … ? »: a part of a figure named (as written)
    role_asked: str | None = None  # « qui était le ministre de l'industrie ? »: a role and what it is of (as written)
    role_of: str | None = None  # … what it is of: « industrie »
    # « combien ont gardé leur label ? », « ceux qui n'ont pas été reconduits »: kept or lost, which a sentence saying
    # only the other does not answer
    fate: str | None = None
    next_asked: bool = False  # « et après ça ? »: what came after what the last answer quoted
    # « et Sporaltec, il a été relabellisé plus tard ? »: a follow-up on what came later (as written), and the start
    # of what the last answer quoted, which does not say it again
    later: str | None = None
    told_before: str = ""
    compared: bool = (
        False  # « y avait-il plus de pôles qu'avant ? »: a comparison, answered by a sentence that compares
    )
    first_plan: bool = False  # « au départ, la phase devait couvrir quelle période ? »: what was first planned
    # « le pôle de lyon »: places named (a city, a region, what their people are called), as written, with the index
    # terms a passage must hold for each (« rhon » of Rhône-Alpes for « lyon »)
    places: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def context_names(self) -> frozenset[str]:
        """Names the earlier turn gave (« le pôle Avenia »), for a follow-up that points back at one."""
        return names_given(self.context) if self.context else frozenset()

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
    # « que conclut l'étude ? », « qu'a conclu l'évaluation ? », « elle concluait quoi ? »
    r"|\bque (?:conclu(?:t|ait)|retient)\b|\bqu'(?:a|ont)(?:-t-(?:il|elle|ils|elles))? conclu\b|\bconclu(?:t|ait)? quoi\b"
    # « l'étude de 2012 dit quoi ? », « elle trouve quoi ? », « ça a marché ou pas ? »
    r"|\b(?:dit|disait|trouve|trouvait|montre|montrait|revele|constate) quoi\b|\bca a (?:bien |vraiment )?marche\b"
    r"|\ben ressort\b|\bressort-il\b"  # « qu'est-ce qu'il en ressort ? », « qu'en ressort-il ? »
)
_OUTCOME_WORDS = "conclusions résultats bilan constate"
# … and a study's findings asked by name, in a question that asks nothing else (not « qui a fait le bilan ? », « le
# bilan a été repoussé à quand ? »): « bilan de l'étude 2012 en une phrase ? », « et le verdict ? »
# (« ça marche ? » asks whether it worked; « comment ça marche ? », « ça marche pour les PME ? » how it works, for whom)
_FINDINGS_ASKED = re.compile(r"\b(?:bilan|verdict)\b|(?<!comment )\bca marche\b(?! comment| pour)")
# « Qu'est-ce qui pèche encore ? »: the words that say what remains to be done
_SHORTCOMING_WORDS = "restent renforcer améliorer insuffisant faiblesses"
_STRENGTH_WORDS = "réussi réussite succès positive atteint"
# Everyday phrases whose words say nothing to search, and the word the documents use for them.
_PHRASES = [
    (re.compile(r"\ben tout\b(?!\s+(?:cas|etat|temps|point|genre))"), "total"),
    (re.compile(r"\ben (?:echange|retour)\b"), "contrepartie"),  # « que doivent-ils donner en retour ? »
]
# A figure broken down, whatever the question's form: « comment s'est-il réparti année par année ? »
_BREAKDOWN = re.compile(
    r"\b(annee|an|region|pole|projet|secteur|domaine|mois)s? par \1s?\b|\bventil\w*|\brepartition par\b"
)
# « comment l'enveloppe est-elle répartie entre les régions ? »: money split among things (with a money word)
_SPLIT = re.compile(
    r"\b(?:reparti|partag|divis|distribu)\w*\s+(?:comment\s+)?(?:entre|selon)\b|\breparti\w*\s+comment\s*\??\s*$|\bcomment (?:ca|cela|il|elle) a ete reparti"
)
_SPOKEN_OF_BEFORE = re.compile(
    r"^(?:et\s+)?(?:comment\s+)?(?:ca|cela|il|elle|ils|elles|c'(?:est|etait))\b"
)  # a subject that stands for what the turn before spoke of: « et ça a été réparti comment ? »
# « sur le milliard et demi, quelle somme … ? », « parmi les 35 plates-formes, combien … ? »: the whole named first
_PART_OF = re.compile(
    r"^(?:et\s+|mais\s+)?(?:sur|parmi|dans|de|des)\s+"
    r"(?P<whole>(?:(?:le|la|les|l'|ces|ce|cet|cette|un|une)\s*|(?=\d))(?:\d+,\d+|[^,?]){2,40}?)\s*,"  # « 1,5 milliard »
)


# « le ministre de l'industrie », « le président de la région »: a role and what it is of (« le Premier ministre » is
# another role)
_ROLE_OF = re.compile(
    r"(?<!premier )\b(?:ministre|secretaire d'etat|president|presidente|directeur|directrice|delegue|prefet|maire)"
    r"\s+(?:charge\w* )?(?:de l'|de la |du |des |de |d'|a l'|a la |au |aux )\s*"
    # not a time (« le ministre de l'époque »)
    r"(?P<of>(?!(?:epoque|alors|moment|periode|annee|cette|chaque)\b)[a-z-]{4,})"
)


def _role_asked(folded: str, as_written: str, kind: AnswerType) -> dict:
    """The role someone is asked by and what it is of, as written: « ministre de l'industrie », « industrie »."""
    found = _ROLE_OF.search(folded) if kind is AnswerType.PERSON else None
    if not found:
        return {"role_asked": None, "role_of": None}
    return {"role_asked": as_written[found.start() : found.end()], "role_of": as_written[slice(*found.span("of"))]}


def _part_of(folded: str, as_written: str) -> str | None:
    """The whole, as written, a question asks a part of, when it gives its figure: « le milliard et demi »."""
    found = _PART_OF.match(folded)
    if not found or not figures_named(with_halves(found.group("whole"))):
        return None
    return as_written[slice(*found.span("whole"))]


_PER_UNIT = re.compile(
    r"\ben moyenne\b|\bpar (?:pole|projet|entreprise|dossier|region|plate-?forme|habitant|personne|tete|salarie"
    r"|emploi|membre|adherent|ville|departement)s?\b|\bchaque\b|\bchacun"
)
# A ranking asked for: after a verb (« a obtenu la meilleure note », « a reçu le plus de financements », « est le
# plus ancien ») or right after the noun « quel » asks for (« quel est le pôle le plus ancien ? »); not a superlative
# that describes the subject (« les pôles les plus petits », « le groupe le plus faible »).
_SUPERLATIVE = r"(?:le|la|les|l')\s*(?:plus|moins|mieux|meilleure?s?|pires?)\b(?:\s+(?:de\s+|d')?[a-z-]{3,})?"
_RANKING = re.compile(
    rf"\b(?:est|sont|etait|etaient|a|ont|avait|avaient|obtenu|recu|eu|touche|gagne|finance|dote)\s+(?P<verb>{_SUPERLATIVE})"
    rf"|\b(?:quel(?:le)?s?|lequel|laquelle|lesquel(?:le)?s)\s+(?:est|sont|etait)?\s*(?:le|la|les|l')\s*[a-z-]+\s+"
    rf"(?P<noun>{_SUPERLATIVE})"
    r"|\b(?P<place>arrive(?:e|s|es)? (?:en tete|premiers?|premieres?|derniers?|dernieres?))\b"  # « est arrivé en tête »
    r"|\b(?P<list>(?:le|un|du|au) (?:classement|palmares|top \d+))\b"
)
# What actually came of something: « a-t-elle été atteinte ? », « quels ont été les résultats de … ? » (« ça a donné
# quoi ? » is _OUTCOME, searched as conclusions and results); a figure asked « au final » is the one reached, not
# the target (« Au final, quelle part des aides … ? »), but « au final, que doivent faire les pôles ? » is no outcome.
_OUTCOME_ASKED = re.compile(
    r"\batteinte?s?\b|\bquels? (?:ont ete|etaient|furent) (?P<results>(?:les|leurs) resultats)\b"
    r"|\bquels (?P<results_given>resultats) (?:a|ont) (?:donnes?|produits?|eus?)\b"  # « quels résultats a donnés … ? »
    r"|\b(?:avec|pour) (?P<with_results>quels resultats)\b"  # « a-t-elle ouvert, et avec quels résultats ? »
    # « quel a été le résultat de l'examen à 18 mois ? »: what came of it, not what was planned if it failed
    r"|\bquel(?:le)? (?:a ete|etait|fut|est|sera) (?P<result>(?:le |l')(?:resultat|issue))\b"
    r"|\b(?P<gave>(?:ca|cela|il|elle) a donne quoi)\b"
    # « qu'a concrètement produit la plate-forme ? », « qu'est-ce que ça a rapporté ? »
    r"|\bqu'(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+(?:[a-z]+ment\s+)?(?P<produced>produit|rapporte|obtenu|realise)\b"
    r"|\b(?P<became>devenue?s?)\b|\b(?P<befell>advenu)\b"  # « que sont devenus les six pôles ? »
)
# When something was created (« le pôle X a été créé en quelle année ? »): a renewal or a label is no creation
_CREATED = re.compile(r"\b(?:cree?e?s?|creation|naissance)\b")
# … and who created it or why (« quel gouvernement a créé les pôles ? »); not « les plates-formes créées par l'État,
# elles servent à quoi ? », nor a count of things created
_CREATION_ASKED = (AnswerType.DATE, AnswerType.PERIOD, AnswerType.PERSON, AnswerType.NAME, AnswerType.REASON)
_CREATED_AS_DEED = re.compile(
    r"\b(?:a|ont|avait|avaient|ete|est|sont|etait|etaient)\s+(?:\w+\s+)?cree?e?s?\b|\bcreation\b|\bnaissance\b"
    r"|\bcree?e?s?\s+(?:en|quand|le|la|les|par qui|a quelle)\b|\bcree?e?s?\s*\?"
)
# The bot's own opinion asked (« à ton avis », « tu penses que … ? »): the documents report facts and what was said;
# « qu'en pense le Président ? » asks what someone said, which they may quote.
# (« selon vous, pourquoi … ? » and « merci à vous » ask a fact politely)
_OPINION = re.compile(
    r"\b(?:ton|votre) (?:avis|opinion)\b|\b(?:tu|vous) (?:penses?|pensez|crois|croyez)\b"
    r"|\b(?:penses|pensez|crois|croyez)-(?:tu|vous)\b|\bt'en penses quoi\b|\bvous en pensez quoi\b"
    # « selon vous, était-ce une bonne idée ? »: a judgement asked of the bot
    r"|\b(?:selon|d'apres|a) (?:toi|vous)\b.*\b(?:bonne idee|mauvaise idee|utiles?|efficaces?|merit\w*|valait|justifie\w*)"
)
# « qui n'ont pas été retenus », « les dossiers non retenus »: the deed denied
_NEGATED = re.compile(
    r"\b(?:n'|ne )(?:ont|a|avaient|avait|etaient|etait|sont|est|seront|sera)\s+(?:pas|jamais)\s+(?:ete\s+)?(?P<deed>[a-z]{3,})"
    r"|\bnon[- ](?P<deed_after_non>[a-z]{4,})"
    # typed as spoken, « ne » dropped: « ils ont pas été retenus », « les 13 dossiers pas retenus »
    r"|\b(?:ont|a|avaient|avait|etaient|etait|sont|est)\s+pas\s+(?:ete\s+)?(?P<deed_spoken>[a-z]{3,})"
    r"|(?<!\bou )(?<!\bne )(?<!n'[a-z])\bpas\s+(?!(?:encore|trop|tres|plus|moins|tous|toutes|tout|mal|assez|vraiment|bien"
    r"|beaucoup|forcement|sure?|que|de|du|des|la|le|les|un|une|ete)\b)(?P<deed_bare>[a-z]{3,}(?:e|es|is|us|u|ts?))(?<!re)\b"
)
# « les dossiers recalés », « les candidats écartés »: those turned down, whom an answer naming those retained does not
# give
_REJECTED = re.compile(  # not « ont refusé de signer »
    r"\b(?:recale|rejete|refuse|ecarte|elimine|evince|retoque|blackboule)(?:e|es|s)?\b(?!\s+(?:de|d')(?:\b|(?<=')))"
)
# A question that checks what the user believes (« C'est bien McKinsey qui a évalué … ? », « Is it true que la phase 3
# covers 2013-2020 ? »): a name or a year the documents never give is then answered by what they say, with the caveat
_CHECKS_PREMISE = re.compile(
    r"\bc'est (?:bien|juste|vrai|exact)\b|\bc'est (?:bien )?(?:ca|ça) \?|\b(?:est-il|c'est|il est) vrai\b|\bvrai que\b"
    r"|\bis it true\b|\bn'est-ce pas\b|\bou pas\b|(?<!qu')\best-ce qu"  # not « qu'est-ce que »
    r"|,\s*(?:non|hein|pas vrai)\s*\?*\s*$"  # « Energivie fait partie des pôles bretons, non ? »
)
_UNTIL_WHEN = re.compile(
    r"\bjusqu'(?:a|au) (?:quand|quelle date|quel jour|quel mois|quelle annee)\b"
    r"|\bdates? (?:limite|butoir)\b|\bdeadline\b"  # a deadline: « … jusqu'au 2 octobre 2009 »
)
# What a study found, said in the present as studies report it: « L'étude constate que … », « le rapport souligne … »;
# not « relèvent de » (fall under), « est estimé à » (a figure), « le juge » (a noun)
# A total said (beside a figure per thing): « 1,5 milliard sur trois ans », « le nombre total de pôles », « en tout »
TOTAL_TEXT = re.compile(
    r"\btota(?:l|le|les|ux)\b|\ben tout\b|\bsur (?:\w+ )?(?:ans|annees)\b|\bsoit (?:un total|au total|\d)"  # not « qu'il soit »
)
FINDING = re.compile(
    r"(?<!\best )(?<!\bete )(?<!\ble )(?<!\bun )\b(?:constat|conclu|montr|relev|soulign|etabli|estim|jug)(?:e|ent|t)\b"
    r"(?!\s+(?:de|du|des|d')\b)|\bmet(?:tent)? en (?:evidence|lumiere)\b"
)
# What was first planned, before it changed: « au départ », « initialement », « à l'origine »
FIRST_PLAN = re.compile(
    r"\bau depart\b|\binitialement\b|\ba l'origine\b(?!\s+(?:de|du|des|d')(?:\b|(?<=')))"
)  # not « à l'origine des pôles »
# What befell a label: kept (« renouvelé », « conservé », « gardé », « repêchés ») or lost (« perdu », « retiré »); a
# denial turns one into the other (« qui n'ont pas été reconduits » lost theirs)
_KEPT = r"gard(?:e|es|ee|ees|er|ent|ait|aient)|conserv\w*|renouvel\w*|recondu\w*|maintenu\w*|maintien\w*|repech\w*|sauv\w*|confirm\w*"
_LOST = (
    r"perd\w*|retir\w*|retraits?|declass\w*|delabel\w*|exclu(?:e|es|s)?|elimin\w*|supprim\w*"
    r"|vir(?:e|es|ee|ees|er)|saut(?:e|es|ee|ees)"  # « le pôle de Nantes il a sauté ? »
)
_FATE = re.compile(
    rf"(?P<denied>\b(?:n'|ne )[a-z]+\s+(?:pas|plus|jamais)\s+(?:(?:ete|pu|su|vu|vraiment|encore|leur|leurs|son|sa|le|la|les|label|labels)\s+){{0,3}}|(?<!\bne )\bpas (?:ete )?|\bnon[- ]"
    rf"|\bsans (?:(?:le|la|les|leur|son|sa) )?)?"
    rf"\b(?:(?P<kept>{_KEPT})|(?P<lost>{_LOST}))\b"
)
KEPT, LOST = "kept", "lost"


def fates(folded: str) -> set[str]:
    """What the text says befell labels: kept, lost, both or none."""
    found = set()
    for fate in _FATE.finditer(folded):
        kept = (fate.group("kept") is not None) != (fate.group("denied") is not None)
        found.add(KEPT if kept else LOST)
    return found


_LABELS = re.compile(r"\blabel|\bgroupes?\b|\bgrp\b")  # what a fate is the fate of
_LABELS_ONLY = re.compile(r"\b(?:recondu|repech|renouvel|delabel|declass)")  # fates only labels have


def _fate_asked(question: str, context: str) -> str | None:
    """Kept or lost, asked of labels (« combien ont été repêchés ? » after the group 3), by the question proper: not
    « J'ai lu que six pôles avaient perdu leur label. Combien … ? », nor « la subvention a été virée quand ? »."""
    proper = fold_accents(_preamble(question)[1])
    asked = fates(proper)
    about_labels = _LABELS.search(f"{proper} {fold_accents(context)}") or _LABELS_ONLY.search(proper)
    return next(iter(asked)) if len(asked) == 1 and about_labels and not speaks_of_money(proper) else None


_PLANNED_KINDS = (AnswerType.DATE, AnswerType.PERIOD, AnswerType.AMOUNT, AnswerType.NUMBER)
# Money added asked for: « combien d'argent supplémentaire ? », « a coûté combien en plus ? » (not « en plus de l'État »)
_EXTRA_ASKED = re.compile(  # not « Et en plus, combien … ? », a connector
    r"\bsupplementaires?\b|\badditionnel(?:le)?s?\b|(?<!^)(?<!^et )\ben plus\b(?!\s*,)(?!\s+(?:de|du|des|d')\b)"
)
# A total asked for: « combien au total ? », « en tout ? », « le montant total »
_TOTAL_ASKED = re.compile(
    r"\bau total\b|\ben tout\b(?!\s+(?:cas|etat|temps|point|genre))|\bau global\b|\bglobalement\b|\bcumul\w*"
    r"|\btota(?:l|le|les|ux)\b"
)
# … and « à la fin de la phase 2 »: the figure reached, not the one aimed at; « en vrai », « réellement », « vraiment »
# too, which may only stress the question (EMPHASIS: the caveat then needs a sentence that does not say the deed)
_IN_THE_END = re.compile(
    r"\bau final\b|\bfinalement\b|\ben fin de compte\b|\bau bout du compte\b|\bdans les faits\b|\ben vrai\b"
    r"|\ben realite\b|\breellement\b|\bvraiment\b|\beffectivement\b|\ba la fin de (?:la )?(?:phase|periode)\b"
)
EMPHASIS = re.compile(r"en vrai|en realite|reellement|vraiment|effectivement")
# A follow-up that names its new subject first: « et les collectivités, elles mettent combien ? » (« et du coup, »
# names none)
_TOPIC = re.compile(
    r"^(?:et|mais)\s+(?:le|la|les|l'|du|de la|des)\s*(?!coup\b|reste\b|moins\b)(?P<subject>[a-z][a-z-]{3,})\s*,"
    # « et sarkozy il a dit quoi ? »: a subject taken up by a pronoun, with or without its article
    r"|^(?:et|mais)\s+(?P<article>(?:le|la|les|l')\s*)?(?P<taken_up>[a-z][a-z-]{3,})\s+(?:il|elle|ils|elles)\s"
)
# What happened, asked in the past: « ont perdu », « ont vu leur soutien réduit », « a été révisé », « s'est passé »
_HAPPENED_ASKED = re.compile(
    r"\b(?:ont|a(?!\s+(?:quel|quelle|quels|quelles|cette|chaque|toute|tout|notre|leur)\b)|avaient|avait)(?:-t-il|-t-elle|-t-on|-ils|-elles)?\s+(?:(?:bien|vraiment|deja|finalement|reellement)\s+)?"
    r"(?:ete\s+)?(?:[a-z]{3,}(?:e|es|ee|ees|u|us|ue|ues|is|it|its)|eu)\b|\bs'est passee?s?\b"  # « ont eu leur financement »
)
# … unless the question asks the rule itself: « que se passe-t-il si … », « ils risquaient quoi ? », « c'était prévu ? »,
# « mon pôle a été classé en groupe 2, qu'est-ce qui nous attend ? »
_RULE_ASKED = re.compile(
    r"\bsi\b|\brisqu|\bpouv|\bpourr|\bprevu|\ben cas\b|\bse passe\b|\bsanction|\bconsequence|\bdoi(?:t|vent)\b"
    r"|\battend|\bva\b|\bvont\b|\bconditions?\b|\bquels? cas\b"
)
_SET_ASIDE_WORDS = "hormis dehors part excepté sauf outre"  # « en dehors de l'État, qui … ? »: the question's form
CONTEXT_WEIGHT = 0.5  # terms of earlier turns count less than the follow-up's own
FILLER_WEIGHT = 0.25  # "donne-moi", "travaille", "signifie": words of the question's form


def _topic(folded: str, written: str = "") -> tuple[int, int] | None:
    """Where a follow-up names its new subject: « et les collectivités, elles … », « et sarkozy il … »; not an adverb
    (« et enfin ils ont fait quoi ? »)."""
    found = _TOPIC.match(folded)
    if not found:
        return _new_subject(folded, written)  # « et l'État ? »
    word = found.group("subject") or found.group("taken_up")
    if word in _POINTING_BACK:  # « et la suivante, la cinquième ? »: the next of what was said, no new subject
        return None
    if found.group("subject"):
        return found.span("subject")
    if not found.group("article") and (word in DISCOURSE_WORDS or word.endswith("ment")):
        return None
    return found.span("taken_up")


def analyse_query(
    question: str,
    analyzer: FrenchAnalyzer,
    filler_terms: set[str],
    context: str = "",
    embed: Callable[[list[str]], np.ndarray] | None = None,
    said_before: str = "",
    known_names: frozenset[str] = frozenset(),
) -> QueryAnalysis:
    """The question read once; `known_names` are the documents' own names (folded), which a user may type in lower
    case."""
    question, context = with_phase_after(in_french(without_aside(question))), in_french(context) if context else context
    question = with_next_phase(with_ordinal_noun(question, context), context) if context else question
    kind, constraints = answer_type(question), extract_constraints(question, analyzer, known_names)
    # « Quelle période couvre la phase 2 ? »: « période » says what kind of answer is wanted, which the
    # answer type checks; « deuxième phase (2009-2012) » answers it without the word.
    own_terms = analyzer.terms(question)
    filler = filler_terms | _KIND_WORDS.get(kind, set()) | list_positions(own_terms)
    terms = _weighted_terms(analyzer, question, context, filler)
    folded, as_written = folded_and_written(question)
    leans_on = bool(context) and leans_on_earlier_turn(folded, own_terms)
    topic_span = _topic(folded, as_written) if context else None
    if context:
        kind, constraints = _read_with_earlier_turn(
            question, folded, topic_span is not None, analyzer, kind, constraints, context, leans_on, known_names
        )
    held = asked_of_it(folded) if leans_on else None
    if held and not constraints.asked and analyzer.terms(folded[held[0] : held[1]]):
        # « qui le préside ? » asks what « qui préside le pôle Avenia ? » asks, of what the last answer quoted
        constraints = replace(
            constraints,
            asked=analyzer.terms(folded[held[0] : held[1]])[0],
            asked_word=as_written[held[0] : held[1]],
            within=said_before or None,
        )
    # « hormis l'État, qui … ? »: someone set aside; « en dehors des trois axes, quelle activité … ? » sets aside
    # nothing the answer could be confused with
    asks_someone = kind in (AnswerType.PERSON, AnswerType.NAME)
    aside = f"{' '.join(constraints.set_aside)} {_SET_ASIDE_WORDS}" if constraints.set_aside and asks_someone else ""
    for term in analyzer.terms(aside):
        if term in terms:  # « hormis l'État, qui … ? »: the State is what the answer is not
            terms[term] = min(terms[term], FILLER_WEIGHT)
    if _add_hint_terms(terms, folded, kind, analyzer):
        # « qu'est-ce que l'étude porte au crédit des pôles ? » asks a judgement, it defines no word
        constraints = replace(constraints, defined=(), defined_words=None)
    topic_terms = analyzer.terms(folded[slice(*topic_span)]) if topic_span else []
    if topic_terms:
        # « et l'État ? » after « la CDC donne combien ? »: the one named before is the subject replaced
        for term in {t for name in names_given(context) for t in analyzer.terms(name)} - set(topic_terms):
            if term in terms:
                terms[term] = min(terms[term], FILLER_WEIGHT)
    done = deed(folded) if kind is AnswerType.PERSON else None
    done_terms = analyzer.terms(folded[done[0] : done[1]]) if done else []
    return QueryAnalysis(
        **_what_the_answer_must_say(question, folded, as_written, kind, context, names=constraints.names),
        question=question,
        offices=frozenset(offices_in(question)),
        phrased=frozenset(t for phrase, words in _PHRASES if phrase.search(folded) for t in analyzer.terms(words)),
        topic=topic_terms[0] if topic_terms else None,
        topic_word=as_written[slice(*topic_span)] if topic_span and topic_terms else None,
        done=done_terms[0] if done_terms else None,
        done_word=as_written[done[0] : done[1]] if done_terms else None,
        context=context,
        terms=terms,
        own_terms=own_terms,
        kind=kind,
        constraints=constraints,
        said_before=said_before if leans_on or (context and asks_what_came_next(folded)) else "",
        figure_given=said_before if context and _asks_a_figure_again(kind, context) else "",
        next_asked=bool(context) and asks_what_came_next(folded),
        **_later(folded, as_written, said_before if context else ""),
        compared=_COMPARISON_ASKED.search(folded) is not None,
        leans_on=leans_on,
        # The model reads « QUE RECOUVRE LE SIGLE CIADT ? » as shouting, further from every passage.
        vector=_embed_follow_up(embed, question.lower() if shouted(question) else question, context) if embed else None,
    )


_ENGLISH = re.compile(r"\b(" + "|".join(sorted(ENGLISH_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


_ABBREVIATED = re.compile(r"\b(" + "|".join(ABBREVIATED_BODIES) + r")\b", re.IGNORECASE)


# « Axel One c'est quoi son domaine ? j'ai vu le nom passer dans un article », « … ? Je fais un exposé au lycée »: what
# the asker says of themselves after the question asks nothing
_ASIDE_AFTER = re.compile(
    r"\?\s*(?:j'|j\u2019|(?:je|moi|merci|c'est pour|pour (?:mon|ma|mes|un|une))(?![\w-]))[^?]*$", re.IGNORECASE
)


def without_aside(question: str) -> str:
    """The question without what its asker adds about themselves after it."""
    return _ASIDE_AFTER.sub("?", question)


def in_french(question: str) -> str:
    """« who evaluated phase 1 ? » is read « qui évalué phase 1 ? »: the English words a question mixes in, in French;
    « la CDC » is read « la Caisse des Dépôts », as the documents write it."""
    question = _ABBREVIATED.sub(lambda m: ABBREVIATED_BODIES[m.group(1).lower()], question)
    # « WHİCH »: a letter the pattern takes for « i » without being one; the word is then left as it is
    translated = _ENGLISH.sub(lambda m: ENGLISH_WORDS.get(m.group(1).lower(), m.group(1)), question)
    translated = _BEHIND_AFTER.sub("ensuite", translated)  # « il a fait quoi derrière ? »: afterwards
    return re.sub(r"\s{2,}", " ", translated).strip() or question


# « derrière » with nothing after it is spoken French for « ensuite », not a place behind something
_BEHIND_AFTER = re.compile(r"\bderri[eè]re(?=\s*(?:[?!.,]|$))", re.IGNORECASE)


# « plus ou moins de pôles qu'avant ? », « plus de pôles ajoutés ou supprimés ? », « le budget a-t-il augmenté ? »,
# « ils changent quoi par rapport à avant ? »: a comparison asked
_COMPARISON_ASKED = re.compile(
    r"\b(?:plus|moins) de\b[^?,]{0,40}?\bqu(?:e\b|')"
    r"|\b(?:ajoutes?|crees?|labellises?|gagnes?) ou (?:supprimes?|retires?|perdus?)\b"
    # not « qui a changé le nom … ? », which asks who
    r"|(?<!\bqui )\b(?:a|ont|avait|avaient)(?:-t-(?:il|elle)|-(?:ils|elles))? (?:augmente|diminue|baisse|change|evolue|bouge)\b"
    r"|\bpar rapport (?:a|au|aux) (?:avant|la premiere|la phase|l'ancien|la precedente)|\bcompare\w* (?:a|au|avec)\b"
    # not a superlative: « les pôles les plus importants »
    r"|(?<!\bles )(?<!\ble )(?<!\bla )\b(?:plus|moins) (?:contraignants?|exigeants?|nombreux|nombreuses|importants?|gros|grosses)\b"
)
# A sentence that compares: « reste de 71 », « reste fixée à », « plus exigeants », « le nombre total », « accru »
COMPARES = re.compile(
    r"\breste(?:nt)? (?:de|fixee?s?|stable)\b|\bnombre total\b|\bmaintenu\w*|\binchange\w*|\bplus exigeant\w*"
    r"|\b(?:plus|moins) \w+ (?:que|qu')|\baugment\w*|\bdiminu\w*|\bhausse\b|\bbaisse\b|\baccru\w*"
)


# « et après ça ? », « ok et ensuite ? », « il s'est passé quoi après ? »: nothing asked but what came next
_NEXT_ASKED = re.compile(
    r"^(?:(?:et|ok|bon|mais|alors|d'accord|du coup)\s*,?\s+)*"
    r"(?:(?:apres|ensuite|puis|la suite)(?:\s+(?:ca|cela|alors|quoi))?"
    r"|(?:il s'est passe|ca s'est passe|ca a donne|on a fait)\s+quoi\s+(?:apres|ensuite)(?:\s+ca)?"
    r"|(?:qu'est-ce qui s'est passe|que s'est-il passe)\s+(?:apres|ensuite)(?:\s+ca)?"
    r"|(?:apres|ensuite)\s*,?\s+(?:il s'est passe|ca a donne|on a fait)\s+quoi)\s*[?!.]*$"
)


# What came later, asked of what the last answer said: « plus tard » (not « au plus tard », a deadline), « par la
# suite », « après ça », « depuis ? » (not « depuis quand », « depuis Paris »)
_LATER = re.compile(r"(?<!\bau )\bplus tard\b|\bpar la suite\b|\bapres (?:ca|cela)\b|\bdepuis\s*(?:[,?!.]|$)")


def _later(folded: str, as_written: str, said_before: str) -> dict:
    """What came later, asked of the sentence the last answer quoted (none for « et après ? », which asks for what
    came next in the documents)."""
    found = _LATER.search(folded)
    if not found or not said_before or asks_what_came_next(folded):
        return {}
    return {"later": _written(found, as_written), "told_before": said_before}


def asks_what_came_next(folded: str) -> bool:
    """The follow-up asks only what came after: « et après ça ? »."""
    return _NEXT_ASKED.match(folded.strip()) is not None


def _asks_a_figure_again(kind: AnswerType, context: str) -> bool:
    """A count after a count, an amount after an amount."""
    return kind in (AnswerType.NUMBER, AnswerType.AMOUNT) and answer_type(context) is kind


def _weighted_terms(analyzer: FrenchAnalyzer, question: str, context: str, filler: set[str]) -> dict[str, float]:
    """The question's terms at 1, the earlier turn's lower, words of the question's form lower still."""
    terms: dict[str, float] = {}
    # « Je prépare un mémoire. J'ai lu que la phase a été prolongée. Qu'est-il advenu des contrats ? »: what is
    # said before the question proper is its context
    said_first, asked = _preamble(question)
    for text, weight in ((context, CONTEXT_WEIGHT), (said_first, CONTEXT_WEIGHT), (asked, 1.0)):
        for term in analyzer.terms(text):
            own = weight * (FILLER_WEIGHT if term in filler else 1.0)
            terms[term] = max(own, terms.get(term, 0.0))
    return terms


_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9]{2}[.!])\s+(?=[A-ZÀ-Ý])")  # not after « M. » in « M. Falco »


def _preamble(question: str) -> tuple[str, str]:
    """What a question says before the sentence that asks (sentences ending with a full stop), and that sentence."""
    sentences = _SENTENCE_END.split(question.strip())
    if len(sentences) < 2 or "?" not in sentences[-1]:
        return "", question
    return " ".join(sentences[:-1]), sentences[-1]


def _read_with_earlier_turn(
    question: str,
    folded: str,
    new_topic: bool,
    analyzer: FrenchAnalyzer,
    kind: AnswerType,
    constraints: Constraints,
    context: str,
    leans_on: bool,
    known_names: frozenset[str],
) -> tuple[AnswerType, Constraints]:
    """What a follow-up asks, read with the turn before it (`folded`: the question folded; `new_topic`: it names
    a new subject, « et l'État ? »)."""
    earlier = extract_constraints(context, analyzer, known_names)
    if kind is AnswerType.OTHER and _only_scope(question, analyzer, constraints) and not asks_what_came_next(folded):
        # « Quel budget pour la phase 2 ? » then « Et pour la phase 3 ? »: still a budget, of phase 3 now.
        kind = answer_type(context)
        constraints = replace(
            constraints,
            asked=constraints.asked or earlier.asked,
            asked_word=constraints.asked_word or earlier.asked_word,
        )
    elif kind is AnswerType.OTHER and _new_subject(folded, folded_and_written(question)[1]):
        # « la CDC donne combien ? » then « et l'État ? »: what the State gives; « et les projets ? » after pôles
        # counted counts projects
        kind = answer_type(context)
    if kind is AnswerType.NUMBER and _HOW_MUCH_FOR.search(folded) and answer_type(context) is AnswerType.AMOUNT:
        kind = AnswerType.AMOUNT  # « L'État a mis combien ? » then « et combien pour la R&D ? »: money still
    if kind is AnswerType.NUMBER and not constraints.asked and counts_what_was_said(fold_accents(question)):
        # « les plateformes d'innovation c'est quoi ? » then « combien ont été financées ? »: plateformes counted.
        # After a count (« combien de candidatures ? » then « et combien ont été retenus ? ») what is counted may be
        # another thing (the pôles chosen among them): left to the search.
        what = earlier.defined[0] if earlier.defined and not earlier.asked else None
        word = (earlier.defined_words or "").split(" ")[0] if what else None
        constraints = replace(constraints, asked=what, asked_word=word)
    if leans_on and not _scoped(constraints):
        # « Qui a évalué la phase 1 ? » then « et ça a coûté combien cette étude ? »: still phase 1's study;
        # « Le pôle Avenia est où ? » then « Et qui le préside ? »: Avenia's president.
        # « et l'État ? » after « la CDC donne combien ? »: a new subject, not the one named before
        names = constraints.names if new_topic else earlier.names
        # a count after a count goes on with the story (« cb de dossiers reçus pour l'appel de 2009 ? » then « et cb
        # ont été gardés ? »): what came of them may be dated later (« Le CIADT du 11 mai 2010 a retenu six … »)
        counted_on = kind is AnswerType.NUMBER and _asks_a_figure_again(kind, context)  # not an amount of the same
        story_goes_on = counted_on or asks_what_came_next(folded)
        years = constraints.years if story_goes_on else earlier.years
        constraints = replace(constraints, years=years, phases=earlier.phases, names=names)
    return kind, constraints


_HOW_MUCH_FOR = re.compile(  # (not « et combien en ont été financés ? », « combien a-t-on labellisé de pôles ? »)
    r"^(?:et\s+)?(?:(?:la-dedans|dedans|du coup|alors)\s*,?\s*)?(?:combien|cb|cmb) (?:pour|dans|au|aux) [^?,]{1,40}\?*\s*$"
)  # a share of what was counted before


def _add_hint_terms(terms: dict[str, float], folded: str, kind: AnswerType, analyzer: FrenchAnalyzer) -> bool:
    """Add the words the documents use for what is asked in other words; True when the question asks a
    judgement (a shortcoming, a strength)."""
    if findings_asked(folded, kind):
        # « ça a donné quoi l'évaluation ? »: what it concluded, which the documents call conclusions, results
        for term in analyzer.terms(_OUTCOME_WORDS):
            terms.setdefault(term, CONTEXT_WEIGHT)
    hints = {AnswerType.SHORTCOMING: _SHORTCOMING_WORDS, AnswerType.STRENGTH: _STRENGTH_WORDS}.get(kind)
    for term in analyzer.terms(hints or ""):  # « qu'est-ce qui pèche encore ? »: the words that say it
        terms.setdefault(term, CONTEXT_WEIGHT)
    for phrase, words in _PHRASES:
        if found := phrase.search(folded):  # « en tout », made of stop words, means « au total »
            for term in analyzer.terms(found.group(0)):  # « en échange » is no « ateliers d'échanges »
                if term in terms:
                    terms[term] = min(terms[term], FILLER_WEIGHT)
            for term in analyzer.terms(words):
                terms.setdefault(term, 1.0)
    return hints is not None


def _written(found: re.Match[str] | None, as_written: str) -> str | None:
    """What a pattern found in the folded question, as the user wrote it."""
    return as_written[found.start() : found.end()] if found else None


def findings_asked(folded: str, kind: AnswerType) -> bool:
    """The question asks what a study or a policy came to (« ça a donné quoi ? », « bilan de l'étude 2012 ? »)."""
    return bool(_OUTCOME.search(folded)) or (kind is AnswerType.OTHER and bool(_FINDINGS_ASKED.search(folded)))


def _what_the_answer_must_say(
    question: str,
    folded: str,
    as_written: str,
    kind: AnswerType,
    context: str = "",
    names: frozenset[str] = frozenset(),
) -> dict:
    """What the answer must give besides the kind asked: so many names, a ranking, what came of a plan, a
    creation, a figure per thing, « jusqu'au … »; and whether the bot's own opinion is asked."""
    ranking = _RANKING.search(folded)
    ranking_span = ranking.span(ranking.lastgroup or 0) if ranking else None
    outcome = _OUTCOME_ASKED.search(folded)
    if outcome is None and kind in (AnswerType.NUMBER, AnswerType.AMOUNT):
        outcome = _IN_THE_END.search(folded)
    # « Cellmill a finalement obtenu son financement ? »: a yes or no on what came of it in the end, said by its deed
    # (stress alone, « ils ont vraiment été présélectionnés ? », stays stress)
    # (a deed done, not « au final, que doivent faire les pôles ? », whose « que » is no question word here)
    deed_done = _HAPPENED_ASKED.search(folded)
    if outcome is None and deed_done and yes_or_no(question) and (in_the_end := _IN_THE_END.search(folded)):
        outcome = in_the_end if EMPHASIS.fullmatch(in_the_end.group(0)) else deed_done
    outcome_span = outcome.span(outcome.lastgroup or 0) if outcome else None  # « les résultats », not the whole
    # when and by whom it was created (« quel gouvernement a créé les pôles ? »): not « s'est fixé pour objectif »; a
    # count of things created is a count, a yes or no is answered either way
    asks_creation = kind in _CREATION_ASKED or (kind is AnswerType.OTHER and not yes_or_no(question))
    created = _CREATED.search(folded) if asks_creation and _CREATED_AS_DEED.search(folded) else None
    negated = _NEGATED.search(folded)
    return {
        "names_wanted": names_counted(question) if kind is AnswerType.NAME else 0,
        "until": bool(_UNTIL_WHEN.search(fold_accents(question))),
        "checks_premise": bool(_CHECKS_PREMISE.search(folded)),
        # « À votre avis, combien l'État a-t-il mis ? » is asked politely: a fact is asked, which the documents give.
        "opinion": kind in (AnswerType.OTHER, AnswerType.REASON) and bool(_OPINION.search(folded)),
        "created": as_written[created.start() : created.end()] if created else None,
        "negated": as_written[negated.start() : negated.end()] if negated else None,
        "negated_word": as_written[slice(*negated.span(negated.lastgroup or 0))] if negated else None,
        "rejected": _written(_REJECTED.search(folded), as_written),
        "outcome": as_written[slice(*outcome_span)] if outcome_span else None,
        "ranking": as_written[slice(*ranking_span)] if ranking_span else None,
        "cost_of": _cost_of(folded, as_written, context) if kind is AnswerType.AMOUNT else None,
        "befell": _befell(folded, as_written) if kind is AnswerType.NAME else None,
        "words_asked": _words_asked(folded, as_written),
        "tenure": _written(_TENURE.search(folded), as_written),
        "activity_asked": _activity_asked(folded, as_written),
        "origin": origin_asked(question),
        "happened": _happened(folded, as_written),
        # « et ça a marché ? » asks what a study found
        "whether": (
            (_whether(folded, as_written) if context else None)
            or _deed_after_premise(folded, as_written)
            # of something named, its subject (« Sporaltec a-t-il contesté … ? »); « des pôles ont perdu de l'argent ? »,
            # « l'enveloppe a-t-elle été revue à la baisse ? » may be said in other words (« leur soutien a été réduit »)
            or _deed_asked(question, folded, as_written, names)
        )
        if kind is AnswerType.OTHER and not findings_asked(folded, kind)
        else None,
        # « le truc reproché à Sporaltec ? »: a shortcoming is a cause too, which the fact again does not give
        "why": _why(folded, as_written) if kind in (AnswerType.REASON, AnswerType.SHORTCOMING) else None,
        "findings": findings_asked(folded, kind),
        "procedure": _written(_PROCEDURE.search(folded), as_written),
        "manner": _written(_MANNER.search(folded), as_written),
        # « Sporaltec a-t-il gardé son label ? » asks yes or no: « ont perdu leur label » answers it
        "fate": _fate_asked(question, context) if kind is not AnswerType.OTHER else None,
        # a figure or a time planned, asked, not said before asking (« J'ai lu qu'elle devait initialement s'arrêter
        # en 2011. Qu'est-il advenu … ? »)
        "first_plan": kind in _PLANNED_KINDS and bool(FIRST_PLAN.search(fold_accents(_preamble(question)[1]))),
        "extra": _written(_EXTRA_ASKED.search(folded), as_written) if kind is AnswerType.AMOUNT else None,
        "part_of": _part_of(folded, as_written) if kind in (AnswerType.AMOUNT, AnswerType.NUMBER) else None,
        **_role_asked(folded, as_written, kind),
        "total": _written(_TOTAL_ASKED.search(folded), as_written)
        if kind in (AnswerType.AMOUNT, AnswerType.NUMBER)
        else None,
        "per_unit": (kind in (AnswerType.AMOUNT, AnswerType.NUMBER) and bool(_PER_UNIT.search(folded)))
        or bool(_BREAKDOWN.search(folded))
        or (
            bool(_SPLIT.search(folded))
            # « et ça a été réparti comment ? » of the money spoken of before
            and (
                speaks_of_money(folded)
                or (bool(_SPOKEN_OF_BEFORE.match(folded)) and speaks_of_money(fold_accents(context)))
            )
            and (kind in (AnswerType.AMOUNT, AnswerType.NUMBER) or "comment" in folded)
        ),
    }


# « pourquoi … ? », « pk … », « pour quelle raison … »: a cause; not a purpose (« ça sert à quoi ? », said with « pour
# tester ») nor « pk … c lequel ? », which asks the last question word
_WHY = re.compile(
    r"(?<!c'est )\b(pourquoi|pk|pq|pkoi|pourkoi|pour quelles? raisons?|raisons? (?:\w+ )?pour (?:laquelle|lesquelles)|(?<!qui a )(?<!qui )reproch\w*|pour quels? motifs?)\b[^?]*"
)
_LAST_QUESTION_WORD = re.compile(
    r"\b(?:lequel|laquelle|lesquel(?:le)?s|quel(?:le)?s?|qui|quand|combien|cb|ou|quoi|koi)\b\W*$"
)


def _why(folded: str, as_written: str) -> str | None:
    """The words, as written, of a question asking why (« pourquoi Sporaltec a perdu son label »)."""
    found = _WHY.search(folded)
    # « pk … , c lequel ? »: another question word ending the question, after the why-phrase's own words
    if not found or _LAST_QUESTION_WORD.search(found.group(0)[len(found.group(1)) :]):
        return None
    return as_written[found.start() : found.end()].strip(" ,;:!")


# A yes/no follow-up on a deed: « et ils ont protesté ? », « et ils ont fait appel ? »: whether it happened, which a
# sentence that does not speak of the deed does not tell
_WHETHER = re.compile(
    r"^(?:et\s+)?(?:est-ce qu'?\s*)?(?:ils|elles|il|elle|ca|cela|on)\s+(?:l'|les |leur |lui |en |y )?"
    r"(?:ont|a|avaient|avait|sont|est|se sont|s'est|s'etaient|s'etait)\s+"
    r"(?:(?:bien|vraiment|deja|finalement|toujours|encore|tous|toutes|jamais|aussi|meme)\s+)*"
    r"(?:ete\s+)?(?P<deed>[a-z]{4,}|eu|mis|pris)(?:\s+(?:de |d'|du |des |la |le |les |l'|un |une )?(?P<object>[a-z]{4,}))?"
)
# What one does, asked in the present (« comment je fais pour … », « comment faire », « comment une PME peut-elle
# adhérer ? »): a procedure, which documents on a past phase do not give; not « comment on appelle … ? », « comment
# on a décidé … ? »
_PROCEDURE = re.compile(
    r"\bcomment (?:(?:je|j'|on) (?:fai[ts]|doi[st]|peu[xt]|pourrai[st]?)\b|faire\b|puis-je\b|peut-on\b|doit-on\b"
    r"|faut-il\b|il faut\b|(?:une?|ma|mon|nos|notre|les) [a-z]+ (?:peu(?:t|vent)|doi(?:t|vent))(?:-(?:il|elle|ils|elles))?\b)"
    # not « comment on fait pour savoir … », « comment on peut expliquer … »: a fact asked
    r"(?!\s+(?:pour\s+)?(?:savoir|voir|trouver|expliquer|comprendre|retrouver|connaitre)\b)"
    r"|\b(?:on fait|je fais|faut faire|je dois faire) comment\b"
)
# How something goes on: « comment se déroulent les ateliers ? », « ça se passe comment, l'examen ? », « comment
# fonctionne le FUI ? »; which a sentence only naming it does not say
_MANNER = re.compile(
    r"\bcomment (?:(?:ca |cela |il |elle |ils |elles )?(?:se deroul|se pass|fonctionn|march|s'organis|s'y prend)\w*)"
    r"|\b(?:se deroul|se pass|fonctionn|march|s'organis)\w* comment\b"
)
_ANY_QUESTION_WORD = re.compile(
    r"\b(?:qui|ki|quand|qd|combien|cb|cmb|quoi|koi|comment|pourquoi|pk|quel\w*|lequel\w*|lesquel\w*)\b"
    r"|\bou\b(?!\s+(?:pas|non|bien|alors)\b)"  # « ou pas ? » asks yes or no
)


def yes_or_no(question: str) -> bool:
    """The question asks yes or no: no question word (« est-il toujours labellisé après 2010 ? »)."""
    return _ANY_QUESTION_WORD.search(fold_accents(question)) is None


def _whether(folded: str, as_written: str) -> str | None:
    """The deed, as written, a yes/no follow-up asks whether it happened: « protesté »; « appel » of « ont fait appel »
    (a light verb says it by its object)."""
    found = _WHETHER.match(folded)
    if not found or _ANY_QUESTION_WORD.search(folded):
        return None
    return _deed_written(found, as_written)


def _deed_written(found: re.Match, as_written: str) -> str | None:
    """The deed found, as written; a light verb says it by its object (« fait appel » → « appel »)."""
    group = "object" if light_verb(found.group("deed")) else "deed"
    return as_written[slice(*found.span(group))] if found.group(group) else None


# « les pôles qui ont perdu leur label ont fusionné ? », « après avoir perdu le label, il a continué en asso ? »: what
# the asker knows, said first (a relative clause, « après avoir … »), then the deed asked about
_PREMISE = re.compile(
    # a relative « qui » after a noun; not « …, qui peut … ? », « c'est qui … ? », which ask who
    r"(?:(?<=[a-z@'] )(?<!c'est )(?<!c'etait )(?<!\bc )(?:qui|ki)|\bdont|\bayant|\bapres (?:avoir|etre))\s+"
    r"(?:(?:ont|a|avaient|avait|sont|est|etaient|etait)\s+)?(?:ete\s+)?[a-z]{4,}(?:\s+(?:leur|leurs|le|la|les|l'|son|sa|ses)\s*[a-z]+)?"
)
_STRESS = r"(?:bien|vraiment|deja|finalement|toujours|encore|tous|toutes|jamais|aussi|meme|pas|plus)"
# … not « c'est bien McKinsey qui … ? », which checks who; « a continué à labelliser » asks about labelling; the
# auxiliary inverted (« ont-ils fusionné ? ») or denied (« n'ont pas fusionné ? »)
_DEED_ASKED = re.compile(
    r"\b(?:ont|a|avaient|avait|sont|(?<!c')(?<!c )est|se sont|s'est)(?:-t)?(?:-(?:ils|elles|il|elle))?\s+"
    rf"(?:{_STRESS}\s+)*(?:(?:du|pu|ete)\s+)?"
    r"(?:(?:continue|commence|arrete|cesse|recommence)\s+(?:a|de|d')\s*)?"
    rf"(?!{_STRESS}\b|dans\b|sur\b|pour\b|avec\b)(?P<deed>[a-z]{{4,}})"
    r"(?:\s+(?:de |d'|du |des |la |le |les |l'|un |une )?(?P<object>[a-z]{4,}))?"
)


_WHAT_ASKED = re.compile(r"(?:et\s+|mais\s+)?(?:que\b|qu')")  # « que sont devenus … ? », no question word but « que »


def _deed_after_premise(folded: str, as_written: str) -> str | None:
    """The deed, as written, a yes/no question asks about after saying what it knows: « fusionné » of « les pôles
    qui ont perdu leur label ont fusionné ou pas ? »; none without such a premise, or with a question word."""
    premises = list(_PREMISE.finditer(folded))
    for premise in premises:  # blanked, the same length: what is left keeps its place in the question as written
        folded = folded[: premise.start()] + " " * (premise.end() - premise.start()) + folded[premise.end() :]
    # the relative « qui » blanked with its clause; « ont protesté ou fait un recours » offers a choice, no place
    if not premises or _ANY_QUESTION_WORD.search(re.sub(r"(?<=[a-z]) ou (?=[a-z])", " ", folded)):
        return None
    if _WHAT_ASKED.match(folded.strip()):  # « que sont devenus … ? » asks what
        return None
    found = _DEED_ASKED.search(folded)
    return _deed_written(found, as_written) if found else None


# Deeds a passage says in other words: saying (« annoncé » for « déclaré »), being somewhere or about something
_SAID_OR_STATE = re.compile(
    r"(?:declar|annonc|dit|affirm|indiqu|precis|expliqu|install|bas|situ|implant|localis|specialis|consacr|dedi|orient)"
)
_PARTICIPLE = re.compile(r"(?:e|es|ee|ees|i|is|it|its|u|us|ue|ues)$")  # « récupéré », « contesté »; not « a Lyon »


def _deed_asked(question: str, folded: str, as_written: str, names: frozenset[str]) -> str | None:
    """The deed, as written, a yes/no question asks whether the thing it names first did: « récupéré » of « Sporaltec
    a-t-il récupéré son label plus tard ? »; not when more is asked after it (« Falco a gelé les labels, mais y
    avait-il une exception ? »), nor of a name said after the deed (« la lettre a sorti un numéro sur Pôles 2.0 ? »)."""
    if not names or not yes_or_no(question) or _WHAT_ASKED.match(folded.strip()):
        return None
    found = _DEED_ASKED.search(folded)
    if not found or not _PARTICIPLE.search(found.group("deed")) or re.search(r",|\bmais\b", folded[found.end() :]):
        return None
    if light_verb(found.group("deed")) or _SAID_OR_STATE.match(found.group("deed")):
        return None  # « le BCG a fait seul … ? » asks who; « Falco a-t-il déclaré … ? », « Team2 est installé … ? »
    before = folded[: found.start()]
    if not any(re.search(rf"\b{re.escape(fold_accents(name).lower())}\b", before) for name in names):
        return None
    return _deed_written(found, as_written)


def _happened(folded: str, as_written: str) -> str | None:
    """The words, as written, of a question asking what happened (« ont perdu »), not the rule (« que se passe-t-il
    si … »)."""
    found = _HAPPENED_ASKED.search(folded)
    if not found or _RULE_ASKED.search(folded):
        return None
    return as_written[found.start() : found.end()]


_DETERMINER = r"(?:le |la |les |l'|cette |ce |cet |ces |leurs? |son |sa |ses )"
# « combien a coûté cette étude ? », « elle a coûté combien, cette évaluation ? », « le coût de la plate-forme »
_COST_OF = re.compile(
    rf"\b(?:combien|cb|cmb) (?:a |ont |avait |avaient )?(?:coute|coutait|coutent|coutaient) ({_DETERMINER}[a-z-]{{3,}})"
    rf"|\bcoute(?:nt)? (?:combien|cb|cmb),? ({_DETERMINER}[a-z-]{{3,}})"
    rf"|\bcouts? (?:total |totaux |global )?(?:de |du |des |d')((?:la |l')?[a-z-]{{3,}})"
    # « la rallonge d'un an a coûté combien ? »: what cost it named first
    rf"|^(?:et\s+)?({_DETERMINER}[a-z-]{{3,}})\b[^?,]{{0,30}}?\b(?:a|ont|avait|avaient) (?:coute|coutait) (?:combien|cb|cmb)\b"
    # « le grand emprunt c'était combien de milliards ? », « la caisse des dépôts c'est combien par projet ? »: the thing first, then its amount asked
    rf"|^(?:et\s+)?({_DETERMINER}[a-z-]{{3,}}(?: [a-z-]{{2,}}){{0,2}}),?\s+(?:c'etait|c'est|c|ca (?:fait|faisait|coute|coutait"
    rf"|represente|representait)|pes(?:e|ait)|represent(?:e|ait)) (?:combien|cb|cmb)\b"
)


# « quels pôles ont été délabellisés … », « quel pôle a été retenu … »: the participle of what befell them
_BEFELL = re.compile(
    r"\bquel(?:le)?s?\s+[a-z@'-]+\s+(?:ont|a|avaient|avait|sont|est|etaient|etait)\s+ete\s+([a-z]{5,}(?:e|es|s|is|it|u|us))\b"
)


# « qu'a déclaré le Président ? », « ils ont dit quoi exactement ? », « quels étaient ses propos ? »: the words said
_WORDS_ASKED = re.compile(
    r"\bqu'(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles)|-(?:ils|elles))?\s+(?:[a-z]+ment\s+)?(dit|declare|raconte)\b"
    r"|\bqu'est-ce qu'(?:il|elle|ils|elles|on)\s+(?:a|ont|avait|avaient)\s+(dit|declare|raconte)\b"
    # « qu'est-ce que le Président de la République a dit exactement ? »: the speaker named between
    r"|\bqu'est-ce que\s+(?:[a-z'-]+\s+){1,7}?(?:a|ont|avait|avaient)\s+(?:[a-z]+ment\s+)?(dit|declare|raconte)\b"
    r"|\b(?:a|ont|avait|avaient)\s+(dit|declare|raconte)\s+quoi\b"
    r"|\b(?:quels?|quelles?)\s+(?:ont ete|etaient|sont)?\s*(?:les|leurs|ses|ces)?\s*(propos|declarations?)\b"
    # what someone thought of it, when nothing else is asked: « elles en ont pensé quoi ? », « qu'en pensent les
    # régions ? », « ils ont réagi ? » (not « a rendu son avis quand ? », « qui a réagi en premier ? »)
    r"|\b(?:en\s+)?(?:a|ont|avait|avaient)\s+(pense)\s+quoi\b|\b(?:en|ils|elles|il|elle|on)\s+(pens(?:e|ent|aient|ait))\s+quoi\b"
    r"|\bqu'en\s+(pens(?:e|ent|aient|ait))\b(?!-(?:tu|vous))"
    r"|(?<!\bqui )\b(?:ont|a|avaient|avait)\s+(reagi)\b(?![^?]*\b(?:quand|qui|ou|combien)\b)"
    r"|\b(?:leur|son|sa)\s+(avis|reaction)\b(?![^?]*\b(?:quand|qui|ou|combien)\b)"
    # where someone stood: « les régions étaient-elles d'accord avec … ? », « des régions se sont opposées … ? »
    # (not « on est d'accord que … ? », a tag asking the user's agreement)
    r"|(?<!\bon )\b(?:etai(?:en)?t|sont|est|ont ete|a ete)(?:-t)?(?:-(?:ils|elles|il|elle))?\s+"
    r"(?:(?:tous|toutes|vraiment|bien)\s+)?(d'accord|favorables?|opposee?s?|hostiles?)\b"
    r"|\b(?:se\s+(?:sont|seraient)|s'(?:est|etait|etaient))(?:-(?:ils|elles|il|elle))?\s+(oppose\w*|prononce\w*)"
)


# « il est resté ministre jusqu'à quand ? », « il était en poste depuis quand ? », « à ce poste combien de temps ? »:
# how long someone held a post, which a sentence on what they did then does not say
_TENURE = re.compile(
    r"\b(?:reste|restee|restes|restees|demeure)\b[^?]{0,30}?\b(?:en poste|en fonctions?|au gouvernement|a (?:ce|son) poste"
    r"|ministre|secretaire d'etat|president|a la tete)\b"
    r"|\b(?:(?:en|a ce|a son) poste|son mandat)\b[^?]{0,20}?\b(?:depuis|jusqu|combien de temps|cb de temps|quand|qd)\b"
    r"|\bquitt\w*\s+(?:ses|son|sa|le|la)\s+(?:fonctions?|poste|ministere|gouvernement)\b"
)


def _words_asked(folded: str, as_written: str) -> str | None:
    """What a question asks to have been said, as written: « déclaré », « dit », « propos »."""
    found = _WORDS_ASKED.search(folded)
    return as_written[slice(*found.span(found.lastindex or 0))] if found else None


# « Sporaltec bosse sur quoi ? », « Pass, c'est un pôle qui fait quoi ? », « ça s'occupe de quoi ? »: what it works on
_ACTIVITY_ASKED = re.compile(
    r"\b(?:fai[ts]|font|faisai[te]nt|faisait)\s+quoi\b"
    r"|\b(?:travaill|boss|s'occup|s'interess|bos)\w*\s+(?:sur|de|a|dans)\s+quoi\b"
    r"|\bsur quoi (?:travaill|boss)\w*"
)


def _activity_asked(folded: str, as_written: str) -> str | None:
    """What a question asks a thing works on, as written: « bosse sur quoi »."""
    found = _ACTIVITY_ASKED.search(folded)
    return as_written[slice(*found.span())] if found else None


def _befell(folded: str, as_written: str) -> str | None:
    """What the question says befell the things it asks for by name, as written: « délabellisés »."""
    found = _BEFELL.search(folded)
    return as_written[slice(*found.span(1))] if found else None


# « et elle a coûté combien ? »: a cost asked of what the turn before spoke of
# « et ça leur a rapporté combien ? », « ils ont touché combien ? »: what they were given
_COST_OF_IT = re.compile(
    r"\b(?:elle|il|ils|elles|ca|cela|on)\s+(?:leur\s+|lui\s+)?(?:a|ont|avait|avaient)\s+"
    r"(?:coute|coutait|rapporte|touche|recu|verse|donne|file)\b"
)
# What the turn before spoke of: its first noun after an article (« l'étude sur la phase 2 … »), or what it counted
# (« combien de pôles écotech … »)
_FIRST_NOUN = re.compile(
    rf"\b({_DETERMINER}(?!premier|premiere|deuxieme|second|seconde|troisieme)[a-z-]{{4,}})"
    r"|\b(?:combien|cb|cmb) (?:de |d')([a-z-]{4,}(?: [a-z-]{4,})?)"
)


def _cost_of(folded: str, as_written: str, context: str = "") -> str | None:
    """What a question asks the cost of, as written: « cette étude »; after « l'étude sur la phase 2 elle regardait
    quoi », « et elle a coûté cmb ? » asks the cost of « l'étude »."""
    found = _COST_OF.search(folded)
    if found:
        return as_written[slice(*found.span(found.lastindex or 0))]
    if not _COST_OF_IT.search(folded):
        return None
    folded_context, context_written = folded_and_written(context)
    spoken_of = _FIRST_NOUN.search(folded_context)
    if spoken_of:
        return context_written[slice(*spoken_of.span(spoken_of.lastindex or 1))]
    # « c'est quoi Axel One ? » then « et ça a coûté combien ? »: the name, whole
    named = sorted(names_given(context), key=context.find)
    whole = re.search(rf"{re.escape(named[0])}(?:\s+[A-ZÀ-Ý][\w@-]*)*", context) if named else None
    return whole.group(0) if whole else None


def _scoped(constraints: Constraints) -> bool:
    """The question says itself which phase, year or named thing it is about."""
    return bool(constraints.years or constraints.phases or constraints.names)


def _only_scope(question: str, analyzer: FrenchAnalyzer, constraints: Constraints) -> bool:
    """A follow-up that only changes the scope (« Et pour la phase 3 ? », « Et en 2011 ? », « Et la Caisse
    des Dépôts ? »): every word of it is a phase, a year, a number or a name."""
    named = {t for name in constraints.names for t in analyzer.terms(name)}
    return all(t in named or t[0].isdigit() or t in _SCOPE_TERMS for t in analyzer.terms(question))


def _new_subject(folded: str, written: str = "") -> tuple[int, int] | None:
    """Where « et » and a short subject with no question word name the follow-up's subject: « et l'État ? » after
    « la CDC donne combien ? » asks what the State gives. Not what is asked of the same subject (« et le verdict ? »,
    « et le siège ? »), not a set phrase (« et du coup ? », « et en gros ? »), not a verb (« et ils ont accepté ? »);
    a word with no article must be a name (« et Falco ? », « et Rennes ? » as `written`), no French word in lower
    case."""
    found = _NEW_SUBJECT_ONLY.match(folded.strip())
    words = re.findall(r"[a-z]+", found.group("subject")[len(found.group("article") or "") :]) if found else []
    if (
        not found
        or set(words) & (_QUESTION_WORDS | DISCOURSE_WORDS | _POINTING_BACK | _ATTRIBUTES | _NO_SUBJECT)
        or any(w.endswith("ment") for w in words)
        or (not found.group("article") and words[0] in french_dictionary() and not _capitalised(found, folded, written))
    ):
        return None
    start = len(folded) - len(folded.lstrip())
    return found.start(1) + start, found.end(1) + start


# « et l'État ? », « et pour les collectivités ? »: « et », then a subject of one to three words
def _capitalised(found: re.Match[str], folded: str, written: str) -> bool:
    """The subject found in the folded question is written with a capital (« et Rennes ? »)."""
    at = found.start("subject") + len(folded) - len(folded.lstrip())
    return len(written) == len(folded) and written[at : at + 1].isupper()


_NEW_SUBJECT_ONLY = re.compile(
    r"^(?:et|mais)\s+(?:pour|chez|avec|cote)?\s*"
    r"(?P<subject>(?P<article>(?:le|la|les|du|des|de la)\s+|l'|de l')?[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2})\s*\??$"
)
# « et du coup ? », « et en gros ? », « et le reste ? », « et là ? », « et ils ont accepté ? »: no subject named
_NO_SUBJECT = {
    "coup", "gros", "reste", "la", "ici", "alors", "sinon", "bon", "ok", "oui", "non", "voila", "donc", "encore",
    "rien", "tout", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "j", "y", "en",
}  # fmt: skip
# « et pour ce pôle ? », « et son budget ? »: the subject said before, not a new one
_POINTING_BACK = {"ce", "cet", "cette", "ces", "celui", "celle", "ceux", "celles", "son", "sa", "ses", "leur", "leurs"}
_POINTING_BACK |= {
    f"{w}{e}" for w in ("suivant", "precedent", "autre", "meme", "prochain", "dernier") for e in ("", "s", "e", "es")
}
# « et le verdict ? », « et la deadline ? », « et le budget ? »: what is asked of the same subject, not a new one
_ATTRIBUTES = {
    "verdict", "deadline", "date", "dates", "budget", "budgets", "montant", "somme", "total", "cout", "prix", "resultat",
    "resultats", "bilan", "conclusion", "conclusions", "suite", "fin", "debut", "duree", "chiffre", "chiffres",
    "nombre", "liste", "nom", "noms", "adresse", "lieu", "raison", "raisons", "but", "objectif", "objectifs", "delai",
    "calendrier", "annonce", "decision", "president", "presidente", "responsable", "detail", "details", "enveloppe",
    "directeur", "directrice", "dirigeant", "dirigeants", "siege", "membres", "adherents", "effectif", "effectifs",
    "taille", "site", "contact", "theme", "thematique", "specialite", "statut",
}  # fmt: skip
_QUESTION_WORDS = {"qui", "quoi", "ou", "quand", "comment", "combien", "pourquoi", "cb", "pk", "qd", "koi", "ki", "ca"}
_QUESTION_WORDS |= {f"{w}{e}" for w in ("quel", "lequel", "lesquel", "laquel") for e in ("", "s", "le", "les")}


_SCOPE_TERMS = {"phas", "phase", "annee", "anne", "an", "period", "pol"}


def _embed_follow_up(embed: Callable[[list[str]], np.ndarray], question: str, context: str) -> np.ndarray:
    """The question read in its context; a follow-up's own words also alone (one call, both texts), so
    that « Et combien ont été retenus ? » after the candidatures looks for what was retained."""
    if not context:
        return embed([question])[0]
    mixed = embed([f"{context} {question}", question]).sum(axis=0)
    return mixed / np.linalg.norm(mixed)
