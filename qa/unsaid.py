"""What the text an answer quotes must say for the question, and does not: said plainly as a caveat."""

from __future__ import annotations

import functools
import re

from index.analysis import FrenchAnalyzer, fold_accents
from index.figures import counts_thing, figures_named, with_halves
from index.phases import group_labels, groups_in, phase_periods, phases_in
from index.pointers import folded_and_written
from index.query import EMPHASIS, FILLER_WEIGHT, TOTAL_TEXT, QueryAnalysis, fates, yes_or_no
from index.question_type import STATE_OFFICES, AnswerType, names_a_place, names_in, offices_in
from index.retriever import MIN_REPEATED, REPEATED
from index.synonyms import Thesaurus
from qa.evidence import SUBJECT_PHASE, Gap

# Kinds of answer a question cannot do without, and what the caveat says is missing: « Les documents ne donnent
# pas de montant précis »
STRICT_TYPES = {
    AnswerType.AMOUNT: "de montant précis",
    AnswerType.NUMBER: "de chiffre précis",
    AnswerType.DATE: "de date précise",
    AnswerType.PERIOD: "de durée ni de période précise",
    AnswerType.PLACE: "de lieu précis",
    AnswerType.PERSON: "de nom précis",  # « qui … ? » is answered by naming someone
}
# « quel pôle a obtenu la meilleure note ? » needs a sentence that ranks (« le plus », « principal », « en tête »)
_RANKS = re.compile(
    r"\b(?:le|la|les|l')\s*(?:plus|moins|mieux|meilleure?s?|pires?)\b|\bprincipa(?:l|le|les|ux)\b|\bmajorité\b"
    r"|\ben tête\b|\brecord\b|\bmaximum\b",
    re.IGNORECASE,
)
# Offices one person holds, whose holder a « qui » asks for by name
_HELD_BY_SOMEONE = frozenset({"ministre", "ministres", "secretaire d'etat"})
_HOLDERS = frozenset({"president", "presidente", "ministre", "secretaire", "directeur", "directrice", "prefet", "chef"})
# Titles written with a capital, which name no one: « le Premier ministre », « le Président de la République »
_TITLES = re.compile(
    r"\b(?:Premier|premier) ministre\b|\bPr[ée]sident de la R[ée]publique\b|\bsecr[ée]taire d'[ÉE]tat\b"
)
# A sentence that says what was planned, hoped or provided for (« s'est fixé pour objectif », « peut être révisé »,
# « présélectionnés ») and nothing of what came of it does not answer « a-t-elle été atteinte ? »
_PLANNED = re.compile(
    r"\bobjectifs?\b|\bs'est fixe\b|\bvise(?:nt)?\b|\bpreselection\w*|\bdoi(?:t|vent)\b|\bdevr(?:a|ont|ait|aient)\b|\bprevue?s?\b"
    r"|\bpeu(?:t|vent) etre\b|\bpourr(?:a|ont|ait)\b|\bsi (?:cet|cette|ce|le|la|les)\b"
)
_CAME_OF_IT = re.compile(r"\batteint|\breussi|\bconstate|\bont obtenu\b|\bresultats?\b")
# What says something was created: « création », « lancée », and for pôles their labelling as new ones (« a retenu six
# nouveaux pôles », « labellisés »); « a renouvelé le label » is no creation
_CREATION = re.compile(
    r"\bcre(?:e|ee|es|ees|ation|er)\b|\blan(?:ce|cee|ces|cees|cement|cer|cant)\b|\bnaissance\b"
    r"|\bnouveaux?\b|\bnouvelles?\b|\blabellis\w*"
)
# « que sont devenus les six pôles ? » is answered by what they became, not by what happened to them before
_BECAME_ASKED = re.compile(r"deven|advenu")
# … after what happened to them: « les six pôles qui ont perdu leur label », « ensuite » (« le pôle Enfant, il est
# devenu quoi ? » is answered by « ont perdu leur label »)
_AFTER_WHAT_HAPPENED = re.compile(
    r"\b(?:ensuite|apres|depuis|par la suite|aujourd'hui|maintenant|desormais|une fois)\b"
    r"|\bqui (?:ont|a|avaient|avait) (?:ete )?[a-z]+(?:e|es|is|it|u|us)\b"
)
# … after what was said of them (« qu'est devenu Sporaltec ensuite ? », « … une fois le label retiré ? »): what befell
# them is not what came next
_AFTER_THAT = (
    re.compile(  # « ils sont devenus quoi après, ces pôles-là ? »: « après » alone, not « après la publication »
        r"\b(?:ensuite|par la suite|aujourd'hui|maintenant|desormais|une fois)\b|\bapres\s*(?:[,?!.]|$)"
        r"|\bapres (?:ca|cela)\b"  # « et après ça il est devenu quoi ? »
    )
)
# What befell things, which answers « que sont devenus les 13 pôles du groupe 3 ? » unless the question (or the turn
# before it) says it already
_EVENT = re.compile(r"\b(renouvel|perdu|conserv|retir|evalu|labellis|reconfigur)")
# the same events said by a noun: « après la perte de son label »
_EVENT_NOUNS = {"perte": "perdu", "retrait": "retir", "renouvellement": "renouvel", "conservation": "conserv"}
_BECAME = re.compile(r"\bdevenu|\bfusionn|\brejoint|\bintegre|\bdisparu|\bdissou|\btransforme|\bregroupe|\babsorbe")
# Words reported: « y a annoncé qu'aucun nouveau pôle … », « a déclaré que … », a quotation « usines à produits d'avenir »
_REPORTED = re.compile(
    r"\b(?:annonc|déclar|affirm|dit|indiqu|précis|soulign|estim|rappel|expliqu)\w*\s+(?:qu'|que\b)"
    r"|«[^»]{3,}»|\bselon (?:lui|elle|eux|le|la|les)\b",
    re.IGNORECASE,
)


def _reports_words(said: str, question: str) -> bool:
    """The text reports words, not only a name the question says too (« baptisée « Pôles 2.0 » »)."""
    asked = fold_accents(question).lower()
    return any(
        not (found.group(0).startswith("«") and fold_accents(found.group(0).strip("« »")).lower() in asked)
        for found in _REPORTED.finditer(said)
    )


# Where someone stood: « les régions y étaient favorables », « s'y sont opposées »
_STANCE = re.compile(r"\b(?:d'accord|favorab\w*|oppos\w*|approuv\w*|hostil\w*|critiqu\w*|contest\w*|protest\w*)", re.I)
# How long someone held a post: « en poste », « son mandat », « a quitté ses fonctions », « remplacé par »
_TENURE_TEXT = re.compile(
    r"\ben poste\b|\bmandat\b|\bfonctions\b|\bquitt\w*|\bsucced\w*|\bremplac\w*|\bdemission\w*", re.I
)
# A rule said under a condition says what could happen, not what did: « si cet examen est insatisfaisant, le soutien
# financier peut être révisé » does not answer « des pôles ont perdu de l'argent après 18 mois ? »
_CONDITIONAL = re.compile(
    r"\bsi (?:cet|cette|ce|ces|le|la|les|l'|un|une|leur|leurs|son|sa|ses)\b[^.;]*\b(?:peu(?:t|vent) etre|pourr(?:a|ont|ait|aient))\b"
)
# What gives a cause or a purpose: « afin de », « pour mieux coordonner », « après l'évaluation positive », « au vu de
# cette seconde évaluation », « en a tiré les conséquences », « ce qui lui donne », a condition (« si cet examen est
# insatisfaisant, le soutien peut être révisé »), a finding (« l'étude constate que … »)
_GIVES_A_CAUSE = re.compile(
    r"\b(?:afin (?:de|d'|que)|parce (?:que|qu')|car|en raison|du fait|grace a|compte tenu|etant donne|puisque|faute d"
    r"|au vu d|a la suite d|suite a|apres|consequences?|c'est pourquoi|raisons?|motiv\w*|en effet|dans le but"
    r"|de (?:maniere|facon|sorte) a|pour que|pour (?:mieux |ne pas |en )?[a-z]+(?:er|ir|re)\b|pour faire|vis\w* a"
    r"|objectifs?|permet\w*|ce qui (?:lui |leur )?[a-z]+|en contrepartie|justifi\w*|explique\w*|ainsi|d'autant"
    r"|si|servi\w* (?:de|a)|mot d'ordre|constat\w*)\b"
    r"|^\s*avec (?:ces|ce|cette|cet)\b"  # « Avec ces six labels et les six retraits …, le total reste de 71 »
)
# What says when something ended or had to be done by: « jusqu'au 2 octobre 2009 », « fin 2012 », « date limite »
_AN_END = re.compile(
    r"\bjusqu'|\bfin\b|\bau plus tard\b|\bavant (?:le|la|l')|\bdate limite\b|\bclotur\w*|\bs'ach[eè]v\w*|\btermin\w*"
    r"|\bexpir\w*|\becheance\b|\bprolong\w*"
    r"|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b"  # « pour 2013-2018 », « pour la période 2009-2011 »
)
# Where something took place, which is no one's origin: « organisée à Paris », « se sont retrouvés à Bercy »
_WHERE_HELD = re.compile(
    r"\b(?:organis\w*|retrouv\w*|tenue?s?|déroul\w*|réuni(?:e|es|s)?|rassembl\w*)\s+(?:à|au)\s+[\w'-]+", re.IGNORECASE
)
# What says how to go about something: « les dossiers pouvaient être déposés auprès des préfets », « candidater »
_PROCEDURE_TEXT = re.compile(r"\baupres d|\bdepos\w*|\bdossiers?\b|\bcandidat\w*|\bappels? a\b|\bformulaire|\bdemarche")
# What says things were turned down or lost: « recalés », « ont perdu leur label », « six retraits »
_TURNED_DOWN = re.compile(r"\b(?:recal|rejet|refus|ecart|elimin|evinc|retoqu|perd|retir|retrait|declass|supprim)\w*")
# Deeds of choosing: « pas retenus », « non sélectionnés »; the sentence must speak of those not chosen
_CHOSEN = re.compile(r"(?:retenu|selectionn|preselectionn|choisi|labellis|accept|admis|financ|laureat)")
_DURATION = re.compile(r"\b[\w-]+\s+(?:ans?|annees?|mois|semaines?|jours?)\b")  # « sur trois ans »: a time, no part
# A sentence that denies or excludes something: « qui n'ont pas été retenus » may be said of it
_NEGATION = re.compile(r"(?<![\w-])(?:(?:ne|pas|non|sans|aucune?|ni)(?![\w-])|n')")  # not « Nord-Pas-de-Calais »
# « 200 000 euros par projet », « 35 millions d'euros par an »; not « financés par l'État »
_PER_UNIT_TEXT = re.compile(
    r"\bpar (?:an|annee|mois|pole|projet|region|dossier|entreprise|plate-?forme)s?\b|\bchaque\b|\bchacune?\b"
    r"|\bmoyenne\b|\bannuel(?:le)?s?\b",
    re.IGNORECASE,
)


# Money said to be added: « supplémentaire », « en plus », « une rallonge », « complète »
_ADDED = re.compile(
    r"\bsupplement\w*|\badditionnel\w*|\ben plus\b|\brallonge\w*|\bcomplement\w*|\bcomplet(?:ent|er)\b|\bajout\w*"
)


def gives_per_unit(said: str) -> bool:
    """The text gives a figure per thing: « 35 millions d'euros par an », « chaque pôle »."""
    return _PER_UNIT_TEXT.search(fold_accents(said)) is not None


def _speaks_of(term: str, terms: list[str], thesaurus: Thesaurus) -> bool:
    """The deed is among the terms, in another form the stemmer leaves apart (« signé » and « signent ») or done
    again (« réévalués » of « évalués »)."""
    if thesaurus.found_in(term, terms):
        return True
    stem = term.removeprefix(REPEATED) if len(term) > MIN_REPEATED else term
    return len(stem) >= 4 and any(t.startswith(stem) or (len(t) >= 4 and stem.startswith(t)) for t in terms)


def gives_only_the_whole(whole: str, said: str) -> bool:
    """The text gives no figure but those of the whole a part is asked of (« … reste fixée à 1,5 milliard d'euros sur
    trois ans » for « sur le milliard et demi, quelle somme … ? »; a duration is no part)."""
    given = figures_named(_DURATION.sub(" ", fold_accents(said)))
    return bool(given) and given <= _figures_of(whole)


@functools.lru_cache(maxsize=256)
def _figures_of(whole: str) -> frozenset[str]:
    """The figures of a whole as the user wrote it; read once, not for every sentence scored."""
    return frozenset(figures_named(with_halves(fold_accents(whole))))


def mixed_phases(query: QueryAnalysis, text: str) -> list[Gap]:
    """A sentence that speaks of another phase than the documents' own, and of phase 2 too, may give
    phase 2's figure: « après la première phase (2006-2008), l'État consacre 1,5 milliard à la phase 2 »."""
    asked = query.constraints.phases - {SUBJECT_PHASE}
    folded = fold_accents(text)
    spoken = phases_in(folded)
    if not asked or not spoken - asked or query.kind not in STRICT_TYPES:
        return []
    if query.kind in (AnswerType.PERIOD, AnswerType.DATE) and asked <= phase_periods(folded).keys():
        return []  # « la première phase (2006-2008) »: the period asked is written next to its phase
    return [Gap(f"la phase {p}", True) for p in sorted(asked)]


def unsaid(
    query: QueryAnalysis, said: str, analyzer: FrenchAnalyzer, thesaurus: Thesaurus, before: str = "", heading: str = ""
) -> list[Gap]:
    """What the text quoted must speak of, and does not: the new subject of « et les collectivités, elles
    mettent combien ? » (not the Caisse des Dépôts' 200 000 euros again), the deed of « Qui a évalué la
    phase 3 ? » (not the government launching phase 3), what came of a plan, a creation, a ranking. `before` is
    what its passage says before it, where the group it goes on about may be named; `heading` its passage's title
    and section, which may say the deed it is about (« La labellisation de nouveaux pôles »)."""
    said_terms = analyzer.terms(said)
    gaps = []
    # « qui le préside ? » is asked already, as what the passage must carry
    done = query.done if query.done != query.constraints.asked else None
    if done and not thesaurus.found_in(done, said_terms):
        gaps.append(Gap(f"« {query.done_word} »", True, asked=True))
    folded_said = fold_accents(said)
    # « Extraits des discours … » says nothing they said, nor where they stood
    if query.words_asked and not (_reports_words(said, query.question) or _STANCE.search(folded_said)):
        gaps.append(Gap(f"« {query.words_asked} »", True, asked=True))
    if query.tenure and not _TENURE_TEXT.search(folded_said):  # « Hubert Falco, secrétaire d'État, y a annoncé … »
        gaps.append(Gap(f"« {query.tenure} »", True, asked=True))
    names = query.constraints.names
    if query.activity_asked and names and not all(_says_what_it_does(said, name) for name in names):
        gaps.append(Gap(f"« {query.activity_asked} »", True, asked=True))  # « Sporaltec (Saint-Étienne) » says where
    befell = analyzer.terms(query.befell or "")
    if befell and not thesaurus.found_in(befell[0], said_terms):  # « délabellisés » is not « prolongée »
        gaps.append(Gap(f"« {query.befell} »", True, asked=True))
    # « et le ministre de l'industrie ? »: every word of the new subject, not « ministre » of the Premier ministre
    topic = analyzer.terms(query.topic_word or "") or ([query.topic] if query.topic else [])
    if topic and not all(thesaurus.found_in(term, said_terms) for term in topic):
        gaps.append(Gap(f"« {query.topic_word} »", True))
    if query.total and gives_per_unit(said) and not TOTAL_TEXT.search(fold_accents(said)):
        gaps.append(Gap(f"« {query.total} »", True, asked=True))  # « 200 000 euros par projet » is no total
    if query.extra and not _ADDED.search(fold_accents(said)):
        gaps.append(Gap(f"« {query.extra} »", True, asked=True))  # « l'enveloppe reste fixée à 1,5 milliard »
    # « qui était le ministre de l'industrie ? »: not « le Premier ministre François Fillon »
    role_of = analyzer.terms(query.role_of or "")
    if role_of and not thesaurus.found_in(role_of[-1], said_terms):
        gaps.append(Gap(f"« {query.role_asked} »", True, asked=True))
    # « sur le milliard et demi, quelle somme pour l'animation ? »: not « … reste fixée à 1,5 milliard » again
    if query.part_of and gives_only_the_whole(query.part_of, said):
        gaps.append(Gap(f"« {query.part_of} » (la part demandée)", True, asked=True))
    # « c ki le premier ministre qui a lancé la phase 3 ? »: someone holding that office, named; not « le gouvernement »
    # « et le président de la République à ce moment-là, c'était qui ? »: the holder asked for, by name
    holder = fold_accents(query.constraints.asked_word or "").lower() in _HOLDERS
    held = query.offices & _HELD_BY_SOMEONE or holder
    if query.kind is AnswerType.PERSON and held and not names_in(_TITLES.sub(" ", said)):
        gaps.append(Gap("le nom de la personne", True, asked=True))
    if query.kind is AnswerType.AMOUNT:
        gaps += _other_givers(query, said)
        if query.cost_of and not _amount_of(query.cost_of, said, analyzer, thesaurus):
            gaps.append(Gap(f"le montant de « {query.cost_of} »", True, asked=True))  # « … de « cette étude » »
    # « combien de pôles mondiaux ? »: « six nouveaux pôles … le pôle Eau, à vocation mondiale » counts no such pôles
    qualifier = query.constraints.qualifier if query.kind is AnswerType.NUMBER else None
    if qualifier and not counts_thing(said, thesaurus.family(qualifier), analyzer.terms):
        gaps.append(Gap(f"« {query.constraints.qualifier_words} »", True, asked=True))
    # « combien ont vraiment été présélectionnés ? » is answered by « 35 ont été présélectionnées »: stress only,
    # when what the sentence plans is what the question asks about
    stressed = EMPHASIS.fullmatch(fold_accents(query.outcome or "").lower()) is not None
    if (
        query.outcome
        and (_only_planned(folded_said) or _not_what_became(query, folded_said))
        and not (stressed and _plans_what_is_asked(query, folded_said, analyzer))
        and not _says_the_deed(query, said_terms, analyzer)
    ):
        gaps.append(Gap(f"« {query.outcome} »", True, asked=True))
    # « quels pôles étaient dans le groupe 1 ? »: names given of that group, not the two cabinets that made the groups
    groups = query.constraints.groups
    # « Les 13 pôles du groupe 3 … Six pôles ont en revanche perdu leur label : … »: the group last named before
    last_named = group_labels(fold_accents(before))[-1:]
    if query.kind is AnswerType.NAME and groups and not groups & groups_in(folded_said).union(*last_named):
        gaps += [Gap(f"le groupe {g}", True) for g in sorted(groups)]
    if query.kind is AnswerType.NUMBER and groups:
        gaps += [Gap(f"le groupe {g}", True) for g in sorted(_counted_together(query, groups, folded_said))]
    # « les 19 dossiers venaient d'où ? »: not « auprès des préfets », nor where a meeting was held (« organisée à Paris »)
    if query.origin and not names_a_place(_WHERE_HELD.sub(" ", said)):
        gaps.append(Gap(f"« {query.origin} »", True, asked=True))
    # « et ils ont protesté ? »: a sentence that does not speak of it does not say whether they did; a label kept or
    # lost is said in any words (« ont gardé leur label ? » of « a renouvelé le label de sept »)
    if query.later and _says_only_what_came_before(query, said, said_terms, analyzer, thesaurus):
        gaps.append(Gap(f"« {query.later} »", True, asked=True))
    if query.happened and _CONDITIONAL.search(folded_said):
        gaps.append(Gap(f"« {query.happened} »", True, asked=True))  # what did happen, where only what could is said
    # (said once: « ont perdu » already names the deed « perdu »)
    whether = analyzer.terms(query.whether or "")
    kept_or_lost = fates(folded_said) and fates(fold_accents(query.whether or ""))
    named = query.whether and any(re.search(rf"\b{re.escape(query.whether)}\b", gap.description) for gap in gaps)
    if whether and not _speaks_of(whether[0], [*said_terms, *analyzer.terms(heading)], thesaurus) and not kept_or_lost:
        gaps += [] if named else [Gap(f"« {query.whether} »", True, asked=True)]
    # the fact again (« ont perdu leur label »), not its cause
    if (
        query.why
        and not _gives_its_cause(query, folded_said, analyzer, thesaurus)
        and _restates(query, [*said_terms, *analyzer.terms(heading)], analyzer, thesaurus)
    ):
        gaps.append(Gap(f"« {query.why} »", True, asked=True))
    gaps += _contradicted(query, folded_said)
    if query.procedure and not _PROCEDURE_TEXT.search(folded_said):  # « Les pôles doivent mieux accompagner les PME »
        gaps.append(Gap(f"« {query.procedure} » (la démarche à suivre)", True, asked=True))
    # « comment se déroulent les ateliers GTI ? »: an item of a list that names them, with no verb, says nothing of how
    if query.manner and _LIST_ITEM.match(said) and not _FINITE_VERB.search(folded_said):
        gaps.append(Gap(f"« {query.manner} »", True, asked=True))
    if query.created and not _CREATION.search(folded_said):
        gaps.append(Gap(f"« {query.created} »", True, asked=True))  # « créé » is not « renouvelé le label »
    if query.until and query.kind is AnswerType.DATE and not _AN_END.search(folded_said):
        gaps.append(Gap("« jusqu'à quand »", True, asked=True))  # « a été lancé début octobre 2008 » is a start
    if query.ranking and not _RANKS.search(said):
        gaps.append(Gap(f"« {query.ranking} »", True, asked=True))
    if _says_the_opposite(query, said_terms, folded_said, analyzer, thesaurus):
        gaps.append(Gap(f"« {query.negated} »", True, asked=True))
    if query.rejected and not (_TURNED_DOWN.search(folded_said) or _NEGATION.search(folded_said)):
        gaps.append(Gap(f"« {query.rejected} »", True, asked=True))  # « a retenu six nouveaux pôles » names no other
    return gaps


# What a thing works on, said right after its name: « Avenia, en Aquitaine, consacré au sous-sol », « Team2, …, pour la
# valorisation des déchets », « Cellmill, qui vise une plate-forme … », « le pôle Eau, …, qui coordonne les pôles … »
_ITS_WORK = re.compile(
    r"\b(?:consacr|dedi|specialis|orient|tourn)\w*\s+(?:a|au|aux|dans|sur)\b|\bpour (?:la|le|les|l')|\bqui (?:vise|coordonne|"
    r"travaille|porte|developpe|reunit|federe)\b|\bdans (?:le|les) domaines? d|\bautour d|\bsur (?:la|le|les|l')"
)
ACTIVITY_WINDOW = 120  # characters after a name where what it works on is said


def _says_what_it_does(said: str, name: str) -> bool:
    """The text says what the named thing works on, right after naming it."""
    folded = fold_accents(said)
    return any(
        _ITS_WORK.search(folded[m.end() : m.end() + ACTIVITY_WINDOW])
        for m in re.finditer(rf"\b{re.escape(fold_accents(name))}\b", folded)
    )


# Words that ask why, not what happened: « la raison exacte pour laquelle Sporaltec s'est fait virer »
_WHY_WORDS = "raison raisons exacte exactement précise précisément motif motifs laquelle lesquelles fait"
# Share of the question's own words a sentence says again when it states the fact a « pourquoi » is about
RESTATED = 0.6
MIN_STEM = 4  # a stem this long starts the words it was cut from
STEM_ENDING = 3  # … by an ending this long at most (« rest », « restent »; not « plat », « plateform »)
FOUND_AGAIN = 0.5  # share of the question's words a finding says again when it is the fact asked about


def _restates(query: QueryAnalysis, said_terms: list[str], analyzer: FrenchAnalyzer, thesaurus: Thesaurus) -> bool:
    """The sentence says again what the question says happened (« Six pôles ont perdu leur label : Sporaltec … » for
    « pourquoi Sporaltec a perdu son label ? »), not counting what the question sets aside (« hormis l'État »)."""
    own = set(query.own_terms) - set(analyzer.terms(" ".join(query.constraints.set_aside)))
    own = {t for t in own if query.terms.get(t, 1.0) > FILLER_WEIGHT} - set(analyzer.terms(_WHY_WORDS))
    if "en particulier" in fold_accents(query.question).lower():  # « pourquoi sporaltec en particulier ? »
        own -= set(analyzer.terms("particulier"))
    return bool(own) and sum(_found_in(t, said_terms, thesaurus) for t in own) >= RESTATED * len(own)


def _found_in(term: str, said_terms: list[str], thesaurus: Thesaurus) -> bool:
    """The term or one of its family is said, or a word the stemmer left longer (« restées » → rest, « restent »)."""
    return thesaurus.found_in(term, said_terms) or (
        len(term) >= MIN_STEM
        and any(said.startswith(term) and len(said) - len(term) <= STEM_ENDING for said in said_terms)
    )


_CLAUSE_END = re.compile(r"[;:.]\s|\n")


def _gives_its_cause(query: QueryAnalysis, folded_said: str, analyzer: FrenchAnalyzer, thesaurus: Thesaurus) -> bool:
    """A cause said in a clause that speaks of what the question asks about: « pk ils ont pris BCG ? » is not
    answered by « … confiée aux cabinets BCG et CM International ; … 58 pôles avaient atteint leurs objectifs »."""
    clauses = _CLAUSE_END.split(folded_said)
    own = set(query.own_terms)
    about = [c for c in clauses if any(thesaurus.found_in(t, analyzer.terms(c)) for t in own)] or clauses
    return any(
        not _finds_what_is_asked(clause[cause.end() :], cause.group(0), own, analyzer, thesaurus)
        for clause in about
        for cause in _GIVES_A_CAUSE.finditer(clause)
    )


def _finds_what_is_asked(after: str, cause: str, own: set[str], analyzer: FrenchAnalyzer, thesaurus: Thesaurus) -> bool:
    """« L'étude constate que … les retombées économiques restent à renforcer »: the finding is the fact a « pourquoi
    les retombées sont restées faibles ? » asks the cause of, not its cause."""
    if not cause.startswith("constat") or not own:
        return False
    after_terms = analyzer.terms(after)
    return sum(_found_in(t, after_terms, thesaurus) for t in own) >= FOUND_AGAIN * len(own)


def _says_the_opposite(
    query: QueryAnalysis, said_terms: list[str], folded_said: str, analyzer: FrenchAnalyzer, thesaurus: Thesaurus
) -> bool:
    """« les dossiers qui n'ont pas été retenus » against « a retenu six nouveaux pôles »: what was done, not what
    was not; nor « dix-neuf candidatures ont été reçues », which says nothing of those not retained. A label kept or
    lost is said in any words (« qui n'ont pas perdu leur label » of « a renouvelé le label de sept »)."""
    if query.kind is AnswerType.OTHER and yes_or_no(query.question):
        return False  # « Sporaltec n'a pas perdu son label ? » asks yes or no: « ont perdu leur label » answers it
    deed = analyzer.terms(query.negated_word or "")
    if not deed or _NEGATION.search(folded_said) or fates(folded_said):
        return False
    if thesaurus.found_in(deed[0], said_terms):
        return True
    chosen = _CHOSEN.match(fold_accents(query.negated_word or ""))  # those not chosen, of a sentence on others
    return chosen is not None and not _TURNED_DOWN.search(folded_said)


# A change asked about, and its opposite: « pourquoi la phase 2 a-t-elle été raccourcie ? » against « prolongée d'un an »
_OPPOSITES = [
    (
        re.compile(r"\b(?:raccourci|abrege|ecourte)\w*"),
        re.compile(r"\b(?:prolong|allong|rallong|report|repouss)\w*"),
    ),
    (
        re.compile(r"\b(?:baiss|diminu|redui|reduct|rabot)\w*"),
        re.compile(r"\b(?:augment|hausse|accru|accroi)\w*"),
    ),
]


def _contradicted(query: QueryAnalysis, folded_said: str) -> list[Gap]:
    """The question says a change happened that the sentence says the opposite of: a wrong premise, whose answer the
    documents do not hold. A yes or no question is answered by the opposite (« a-t-elle été revue à la baisse ? »)."""
    if query.kind is AnswerType.OTHER and yes_or_no(query.question):
        return []
    folded, written = folded_and_written(query.question)
    gaps = []
    for asked, opposite in _OPPOSITES:
        found = asked.search(folded)
        # « pourquoi les crédits ont baissé alors que le nombre a augmenté ? » says both
        if found and opposite.search(folded_said) and not asked.search(folded_said) and not opposite.search(folded):
            word = written[found.start() : found.end()]
            gaps.append(Gap(f"« {word} » (les documents disent le contraire)", True, asked=True))
    return gaps


# words around an amount where what it is the amount of is written: « 1,5 milliard … au lancement d'une phase »
COST_WINDOW = 8
_MONEY = re.compile(r"^(?:euros?|€|milliers?|millions?|milliards?)$")


def _amount_of(thing: str, said: str, analyzer: FrenchAnalyzer, thesaurus: Thesaurus) -> bool:
    """« combien a coûté cette étude ? »: an amount said of the study, not « après l'évaluation …, l'État a
    affecté 1,5 milliard d'euros au lancement d'une deuxième phase »."""
    wanted = analyzer.terms(thing)
    words = re.findall(r"[\w-]+|€", fold_accents(said))  # « d'euros » is « euros »
    for i, word in enumerate(words):
        if _MONEY.match(word):
            near = words[max(0, i - COST_WINDOW) : i + COST_WINDOW + 1]
            if any(thesaurus.found_in(t, analyzer.terms(w)) for w in near for t in wanted):
                return True
    return False


def _other_givers(query: QueryAnalysis, said: str) -> list[Gap]:
    """« Combien les collectivités ont-elles versé ? » is not answered by what the State gives."""
    folded, written = folded_and_written(query.question)
    gaps = []
    for giver in sorted(query.offices - STATE_OFFICES - offices_in(said)):
        start = folded.find(giver)
        gaps.append(Gap(f"« {written[start : start + len(giver)]} »", True))
    return gaps


def _counted_together(query: QueryAnalysis, groups: frozenset[str], folded_said: str) -> set[str]:
    """Groups asked one by one that the text counts only with others: « combien de pôles dans le groupe 2 ? »
    against « 58 pôles avaient atteint leurs objectifs (groupes 1 et 2) »."""
    asked = set(group_labels(fold_accents(query.question)))
    together = [label for label in group_labels(folded_said) if len(label) > 1 and label & groups]
    alone = {g for label in group_labels(folded_said) if len(label) == 1 for g in label}
    return {g for label in together if label not in asked for g in label & groups} - alone


def _plans_what_is_asked(query: QueryAnalysis, folded_said: str, analyzer: FrenchAnalyzer) -> bool:
    """The word that makes the sentence a plan is the question's own: « présélectionnés »."""
    own = set(query.own_terms)
    return any(set(analyzer.terms(found.group(0))) & own for found in _PLANNED.finditer(folded_said))


def _says_the_deed(query: QueryAnalysis, said_terms: list[str], analyzer: FrenchAnalyzer) -> bool:
    """« Finalement, la phase 3 a été lancée ? » asks yes or no of a deed, which a sentence saying it answers even if
    it also says what was aimed at (« a lancé la phase 3, qui vise … »)."""
    deed = analyzer.terms(query.outcome or "")[-1:]  # in its own words: « présélectionnés » is not « retenue »
    return yes_or_no(query.question) and bool(deed) and deed[0] in said_terms


def _only_planned(folded_said: str) -> bool:
    """« a-t-elle été atteinte ? » against a sentence that says what was aimed at, not what came of it."""
    return bool(_PLANNED.search(folded_said)) and not _CAME_OF_IT.search(folded_said)


# An item of a list: « - Les ateliers d'échanges entre les gouvernances des pôles et les pouvoirs publics (GTI) »
_LIST_ITEM = re.compile(r"\s*[-•*]\s")
# A verb said of something (« - Le FUI finance … », « se réunissent chaque trimestre »): not « le renforcement »
_FINITE_VERB = re.compile(
    r"\b(?:est|sont|a|ont|fait|font|peut|peuvent|doit|doivent|se [a-z]+)\b|\b[a-z]{2,}(?<!m)(?:ent|ait|aient)\b"
    r"|\b(?:finance|reunit|organise|rassemble|permet|propose|accompagne|soutient|regroupe)\b"
)


def _says_only_what_came_before(
    query: QueryAnalysis, said: str, said_terms: list[str], analyzer: FrenchAnalyzer, thesaurus: Thesaurus
) -> bool:
    """« et Sporaltec, il a été relabellisé plus tard ? » against the sentence the last answer quoted (« Six pôles
    ont perdu leur label : Sporaltec … »): it says again what was told, not what came later, unless it holds every
    word the question asks of, or one of its group (« relabellisé » is not « label »)."""
    if not query.told_before or not said.startswith(query.told_before):
        return False
    fillers = {t for t, weight in query.terms.items() if weight <= FILLER_WEIGHT}
    asked = set(query.own_terms) - fillers - set(analyzer.terms(query.later or ""))
    return not all(thesaurus.found_in(term, said_terms) for term in asked)


def _not_what_became(query: QueryAnalysis, folded_said: str) -> bool:
    """« que sont devenus les six pôles qui ont perdu leur label ? » against « ont perdu leur label »: what
    happened to them, said already, not what they became."""
    question = fold_accents(query.question)
    if not (_BECAME_ASKED.match(fold_accents(query.outcome or "")) and _AFTER_WHAT_HAPPENED.search(question)):
        return False
    if _BECAME.search(folded_said):
        return False
    asked_text = fold_accents(query.search_text)
    events_asked = set(_EVENT.findall(asked_text)) | {
        event for noun, event in _EVENT_NOUNS.items() if re.search(rf"\b{noun}s?\b", asked_text)
    }
    return _AFTER_THAT.search(question) is not None or not set(_EVENT.findall(folded_said)) - events_asked
