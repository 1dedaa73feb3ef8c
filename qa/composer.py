"""Compose an extractive French answer from retrieved passages, with numbered citations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.chunking import split_sentences
from corpus.model import Chunk
from index.analysis import fold_accents
from index.constraints import phase_periods, phases_in
from index.pointers import folded_and_written
from index.proximity import ordinal_conflict, pair_proximity
from index.query import QueryAnalysis
from index.question_type import (
    DATE_WORD,
    STATE_OFFICES,
    AnswerType,
    counts_thing,
    holds_answer_type,
    names_asked,
    names_in,
    offices_in,
    places_it,
)
from index.retriever import Hit, HybridRetriever
from qa.evidence import SUBJECT_PHASE, EvidenceCheck, Gap
from qa.models import CLOSEST, REFUSAL, Citation

TYPE_BONUS = 0.3  # a sentence holding the expected kind of answer (a name for "qui")
STRICT_TYPE_BONUS = 0.5  # "combien", "quand", "quelle période" cannot be answered without one
STRICT_TYPES = {  # what the caveat says is missing: « Les documents ne donnent pas de montant précis »
    AnswerType.AMOUNT: "de montant précis",
    AnswerType.NUMBER: "de chiffre précis",
    AnswerType.DATE: "de date précise",
    AnswerType.PERIOD: "de durée ni de période précise",
    AnswerType.PLACE: "de lieu précis",
    AnswerType.PERSON: "de nom précis",  # « qui … ? » is answered by naming someone
}
BREAKDOWN = "de répartition précise"  # what a breakdown asked of no figure kind lacks (« réparti année par année »)
NAMES_SHOWN = 3  # names asked by the dozen: a list of three or more gives them; two names are others
_MISSING_KIND = {**STRICT_TYPES, AnswerType.NAME: "de nom précis"}  # « les noms des … » asked, no name given
PROXIMITY_WEIGHT = 0.2  # query words side by side in the sentence
AGENT_BONUS = 0.2  # « qui a … ? »: a sentence that says by whom (« par le Premier ministre », « confiée aux cabinets »)
_AGENT = re.compile(
    r"\b(?:par|confi[ée]e?s? (?:à|aux?))\s+(?:l'|le |la |les |des |du |aux |un |une )?"
    r"(?:[A-ZÀ-Ý]|cabinets?|ministres?|gouvernement|préfets?|comité|délégation|président)"
)
# « quel pôle a obtenu la meilleure note ? » needs a sentence that ranks (« le plus », « principal », « en tête »)
_RANKS = re.compile(
    r"\b(?:le|la|les|l')\s*(?:plus|moins|mieux|meilleure?s?|pires?)\b|\bprincipa(?:l|le|les|ux)\b|\bmajorité\b"
    r"|\ben tête\b|\brecord\b|\bmaximum\b",
    re.IGNORECASE,
)
# A sentence that says what was planned, hoped or provided for (« s'est fixé pour objectif », « peut être révisé »,
# « présélectionnés »)
# and nothing of what came of it does not answer « a-t-elle été atteinte ? »
_PLANNED = re.compile(
    r"\bobjectifs?\b|\bs'est fixe\b|\bvise(?:nt)?\b|\bpreselection\w*|\bdoi(?:t|vent)\b|\bdevr(?:a|ont|ait|aient)\b|\bprevue?s?\b"
    r"|\bpeu(?:t|vent) etre\b|\bpourr(?:a|ont|ait)\b|\bsi (?:cet|cette|ce|le|la|les)\b"
)
_CAME_OF_IT = re.compile(r"\batteint|\breussi|\bconstate|\b(?:a|ont|avait|avaient) ete\b|\bont obtenu\b|\bresultats?\b")
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
    r"\b(?:ensuite|apres|depuis|par la suite|aujourd'hui|maintenant|desormais)\b"
    r"|\bqui (?:ont|a|avaient|avait) (?:ete )?[a-z]+(?:e|es|is|it|u|us)\b"
)
# What befell things, which answers « que sont devenus les 13 pôles du groupe 3 ? » unless the question (or the turn
# before it) says it already
_EVENT = re.compile(r"\b(renouvel|perdu|conserv|retir|evalu|labellis|reconfigur)")
_BECAME = re.compile(r"\bdevenu|\bfusionn|\brejoint|\bintegre|\bdisparu|\bdissou|\btransforme|\bregroupe|\babsorbe")
# « 200 000 euros par projet », « 35 millions d'euros par an »; not « financés par l'État »
_PER_UNIT_TEXT = re.compile(
    r"\bpar (?:an|annee|mois|pole|projet|region|dossier|entreprise|plate-?forme)s?\b|\bchaque\b|\bchacune?\b"
    r"|\bmoyenne\b|\bannuel(?:le)?s?\b",
    re.IGNORECASE,
)
NO_OPINION = (
    "Je n'ai pas d'avis à donner : les documents rapportent des faits et des propos, pas de jugement sur ce point."
)
SAID_BEFORE_BONUS = 0.2  # a follow-up pointing back: the sentence the previous answer quoted
FOCUS_BONUS = 0.3  # the sentence names what is asked (« combien de dossiers ») or spells out the acronym asked
_MEANING = re.compile(r"\b(sigle|acronyme|signifie|veut dire|recouvre|c'est quoi|que sont|qu'est-ce)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_UNTIL = re.compile(r"\bjusqu'(?:a|au|en)\b")
# « … une deuxième phase, souvent nommée "Pôles 2.0" », « baptisée « Pôles 2.0 » »: the sentence that gives the name
_NAMED_SO = r"\b(?:nomme|appele|baptise|surnomme|dite?|denomme)e?s?\s*[«\"“]?\s*"
UNNAMED_PENALTY = 0.6  # the question names a pôle or a project the sentence does not (outweighs a type bonus)
CONFLICT_PENALTY = 0.3  # the sentence speaks of another phase/edition than the one asked about
LENGTH_PENALTY = 0.0005  # per character up to 200: at equal evidence, the shorter sentence answers better
RANK_WEIGHT = 0.5  # how much the passage's own retrieval score counts for its sentences
SHORT_SENTENCE = 160  # characters: a sentence this short may need the next one to say enough
ANALYSED_CHUNKS = 5000  # passages whose sentences stay analysed; past that the cache starts over
# A sentence's subject when it opens on an article or a demonstrative: « La prolongation aligne … »
_SUBJECT = re.compile(r"^(?:la|le|les|l'|cette|ce|cet|ces)\s*([^\W\d_][\w-]+)", re.IGNORECASE)
# A sentence opening on one of these leans on the sentence before it for its subject.
_LEANS_BACK = re.compile(
    r"^(il|elle|ils|elles|son|sa|ses|leur|leurs|ce|cet|cette|ces|cela|ceci|celui|celle|ceux|celles|"
    r"ces derniers|ce dernier|en outre|par ailleurs|de plus|ainsi)\b",
    re.IGNORECASE,
)


def _type_bonus(kind: AnswerType) -> float:
    """« combien », « quand »… cannot be answered without a figure, a date; « pourquoi » weighs a reason as
    much: the fact a « pourquoi » question restates is not its answer."""
    return STRICT_TYPE_BONUS if kind in STRICT_TYPES or kind is AnswerType.REASON else TYPE_BONUS


@dataclass(frozen=True)
class Composition:
    answer: str
    refused: bool
    citations: list[Citation]
    confidence: str = "high"  # "low": the passage does not carry all that the question names


@dataclass(frozen=True)
class Unit:
    """A sentence (or a list with its intro) of a passage, with its analysis."""

    text: str
    terms: list[str]
    previous: str | None  # the unit before it in the passage, for a sentence that leans back
    following: str | None  # the unit after it, which may lean back on this one
    dated_by: list[str]  # a sentence without a date of its own: the dates of the last one before it that has some
    before_terms: frozenset[str] = frozenset()  # of the sentences before it in the passage
    phases: frozenset[int] = frozenset()  # the phases it speaks of, read under its heading


def answer_units(text: str) -> list[str]:
    """Sentences of a passage; a list stays whole with the sentence that introduces it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    units: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.endswith(":") and i + 1 < len(lines) and lines[i + 1].startswith("- "):
            j = i + 1
            while j < len(lines) and lines[j].startswith("- "):
                j += 1
            units.append("\n".join(lines[i:j]))
            i = j
            continue
        units.extend([line] if line.startswith("- ") else split_sentences(line))
        i += 1
    return units


def is_heading(unit: str, chunk: Chunk) -> bool:
    """A heading line is no answer: it repeats a title, or is short and ends without punctuation."""
    stripped = unit.strip().rstrip(":").strip()
    if stripped in (chunk.title, chunk.section):
        return True
    is_list = stripped.startswith("- ") or "\n" in stripped
    if not is_list and unit.strip().endswith(":"):
        return True  # it introduces what follows, which is not here: no answer by itself
    return not is_list and len(stripped) < 60 and not stripped.endswith((".", "!", "?", ")", "»"))


def is_title(unit: str) -> bool:
    """A line that ends without punctuation: the title of a page or section, not a statement."""
    stripped = unit.strip()
    return (
        "\n" not in stripped and not stripped.startswith("- ") and not stripped.endswith((".", "!", "?", ")", "»", ";"))
    )


class AnswerComposer:
    """Picks the sentence of the top passages that answers the question, or declines."""

    def __init__(self, retriever: HybridRetriever, evidence: EvidenceCheck) -> None:
        self.retriever = retriever
        self.evidence = evidence
        self._thesaurus = retriever.lexical.thesaurus
        # Passages never change within an index version: analyse each one's sentences once.
        self._analysed: dict[str, tuple[list[str], list[Unit]]] = {}

    def _analyse(self, chunk: Chunk) -> tuple[list[str], list[Unit]]:
        """The terms of the passage's title and heading, in order, and its sentences."""
        cached = self._analysed.get(chunk.chunk_id)
        if cached is None:
            analyzer = self.retriever.analyzer
            headings = analyzer.terms(f"{chunk.title} {chunk.section}")
            texts = [u for u in answer_units(chunk.text) if not is_heading(u, chunk)]
            heading_phases = phases_in(fold_accents(chunk.section))
            units = []
            dates: list[str] = []  # of the last sentence that gave some
            for i, t in enumerate(texts):
                own = analyzer.terms(" ".join(DATE_WORD.findall(fold_accents(t))))
                dates = own or dates
                # « Six pôles ont en revanche perdu leur label » is of the CIADT of 11 May 2010 a sentence before
                # names; « conservé leur label jusqu'à la fin de l'année 2009 » is of 2009.
                dated_by = [] if own else dates
                previous, following = texts[i - 1] if i else None, texts[i + 1] if i + 1 < len(texts) else None
                before = units[-1].before_terms | set(units[-1].terms) if units else frozenset()
                phases = frozenset(phases_in(fold_accents(t)) | heading_phases)
                units.append(Unit(t, analyzer.terms(t), previous, following, dated_by, before, phases))
            if len(self._analysed) >= ANALYSED_CHUNKS:
                self._analysed.clear()
            cached = self._analysed[chunk.chunk_id] = (headings, units)
        return cached

    def _unit_score(self, query: QueryAnalysis, hit: Hit, heading_terms: list[str], unit: Unit) -> float:
        """How well a sentence answers: the question's weight found (read under the passage's title), the
        kind of answer asked for, few words, and the passage's own retrieval score."""
        bonus = _type_bonus(query.kind)
        names = query.constraints.names
        # "Il a reçu 86 propositions" is about the plates-formes only through its title.
        read = {*unit.terms, *heading_terms, *unit.dated_by}
        if self._gives_reason(query, unit):  # « Pourquoi l'a-t-on prolongée ? »: the fact, then its reason
            read.update(unit.before_terms)
        score = self.retriever.lexical.coverage(query.terms, read)
        score += bonus if self._holds_answer(query, unit.text) else 0.0
        score += PROXIMITY_WEIGHT * pair_proximity(unit.terms, query.own_terms)
        # Under « Ils ont dit… au sujet de la 2ème phase », a sentence on the first phase's evaluation
        # still speaks of the second phase: the heading's ordinals count with the sentence's.
        conflict = ordinal_conflict(unit.terms, query.own_terms, heading_terms) or self._other_phase(query, unit)
        score -= CONFLICT_PENALTY if conflict else 0.0
        score += FOCUS_BONUS if self._names_focus(query, unit) else 0.0
        score += AGENT_BONUS if query.done and self._says_by_whom(query.done, unit) else 0.0
        score += SAID_BEFORE_BONUS if self._said_again(query, unit) else 0.0
        # « le pôle Aquimer est basé où ? »: not the sentence of the passage that places other pôles.
        if names and not self.evidence.names_all(names, f"{hit.chunk.title} {self._with_neighbours(unit)}"):
            score -= UNNAMED_PENALTY
        if query.topic and not self._thesaurus.found_in(query.topic, unit.terms):
            score -= UNNAMED_PENALTY  # « et les collectivités, … ? »: a sentence about them
        return score + RANK_WEIGHT * hit.score - LENGTH_PENALTY * min(len(unit.text), 200)

    def _passage_answers(self, query: QueryAnalysis, hits: list[Hit]) -> dict[int, tuple[float, Unit]]:
        """Each passage's best sentence for the question, with its score (passages without a sentence left
        out)."""
        best: dict[int, tuple[float, Unit]] = {}
        for rank, hit in enumerate(hits):
            heading_terms, units = self._analyse(hit.chunk)
            for unit in units:
                score = self._unit_score(query, hit, heading_terms, unit)
                if rank not in best or score > best[rank][0]:
                    best[rank] = (score, unit)
        return best

    @staticmethod
    def _answer_order(
        answers: dict[int, tuple[float, Unit]], complete: list[int], count: int, best: float
    ) -> list[tuple[int, float]]:
        """The passages as cited, each with its answer score in [0, 1] (its best sentence's score over the best
        a sentence could score for this question): those carrying all the question names first (all alike when
        none does), by that score; the passage quoted comes first. A passage that lacks something the
        question names is shown scored no higher than the one before it."""
        first = set(complete) or set(range(count))

        def raw(rank: int) -> float:
            return answers[rank][0] if rank in answers else float("-inf")

        order = sorted(range(count), key=lambda r: (r in first and r in answers, raw(r)), reverse=True)
        scored, ceiling = [], 1.0
        for rank in order:
            ceiling = min(ceiling, max(0.0, raw(rank) / best))
            scored.append((rank, round(ceiling, 4)))
        return scored

    @staticmethod
    def _best_possible(query: QueryAnalysis) -> float:
        """The best a sentence can score for this question: all its weight, side by side, the focus, a passage
        ranked first with score 1, and the kind of answer asked for, who did it, the sentence quoted before when
        the question asks for them."""
        kind = 0.0 if query.kind is AnswerType.OTHER else _type_bonus(query.kind)
        agent = AGENT_BONUS if query.done else 0.0
        again = SAID_BEFORE_BONUS if query.said_before else 0.0
        return 1.0 + kind + PROXIMITY_WEIGHT + FOCUS_BONUS + agent + again + RANK_WEIGHT

    def compose(self, query: QueryAnalysis, hits: list[Hit]) -> Composition:
        if not self.evidence.supported(query, hits):
            return Composition(REFUSAL, True, [])
        gaps = [self.evidence.gaps(query, hit.chunk) for hit in hits]
        if any(not gap.in_corpus for gap in gaps[0]):
            return Composition(REFUSAL, True, [])  # the corpus never names it: no passage can answer
        complete = [rank for rank, found in enumerate(gaps) if not found]
        answers = self._passage_answers(query, hits)
        order = self._answer_order(answers, complete, len(hits), self._best_possible(query))
        rank = order[0][0]
        if rank not in answers:
            return Composition(REFUSAL, True, [])
        unit = answers[rank][1]
        # What the passage says there (a whole list, a sentence with the one it leans on) is what must hold
        # the answer; a list is then shown cut to the items the question singles out.
        said = self._with_neighbours(unit)
        text = self._focused_list(query, said) if "\n- " in said else said
        citations = [self._citation(n, hits[r], score) for n, (r, score) in enumerate(order, start=1)]
        marked = f"{text} [1]"
        # « les noms des … » cannot be answered without names, « combien chaque pôle a-t-il reçu en moyenne ? » by
        # the 1,5 milliard of all of them
        strict = query.kind in STRICT_TYPES or (
            query.kind is AnswerType.NAME and (names_asked(query.question) or query.names_wanted > 1)
        )
        missing_type = (strict and not self._holds_answer(query, said)) or (
            query.per_unit and not _PER_UNIT_TEXT.search(fold_accents(said))
        )
        if is_title(said):
            # « La concertation sur l'évolution de la politique des pôles » names a page the corpus lacks.
            title = f"Les documents n'en donnent que le titre d'une rubrique : « {text} » [1]"
            return Composition(title, False, citations, "low")
        if query.opinion:
            return Composition(f"{NO_OPINION} {CLOSEST}{marked}", False, citations, "low")
        mixed = self._mixed_phases(query, unit) + self._unsaid(query, said)
        if complete and not missing_type and not mixed:
            return Composition(marked, False, citations)
        missing = _MISSING_KIND.get(query.kind, BREAKDOWN) if missing_type else None  # « année par année »: no kind
        caveat = self._caveat(gaps[rank] + mixed, missing, marked)
        return Composition(caveat, False, citations, "low")

    def _holds_answer(self, query: QueryAnalysis, text: str) -> bool:
        """The text holds the kind of answer asked for; « combien de pôles » wants a number of pôles, « qui
        préside Avenia » someone other than Avenia."""
        if query.kind is AnswerType.NUMBER and query.constraints.asked:
            return self._counts_focus(query, text)
        if query.kind in (AnswerType.PERSON, AnswerType.NAME):  # « qui dirige Avenia ? » is not answered by « Avenia »
            for name in query.constraints.names:
                text = re.sub(rf"\b{re.escape(name)}\b", "", text, flags=re.IGNORECASE)
            if query.names_wanted > 1:
                return names_in(text) >= min(
                    query.names_wanted, NAMES_SHOWN
                )  # « les 58 pôles » are not the two cabinets
            return holds_answer_type(text, query.kind, query.offices)
        if query.kind is AnswerType.PLACE and query.constraints.names:  # « Cellmill, il est dans quelle région ? »
            return all(places_it(text, name) for name in query.constraints.names)
        return holds_answer_type(text, query.kind)

    @staticmethod
    def _other_phase(query: QueryAnalysis, unit: Unit) -> bool:
        """The sentence, read under its heading, speaks of phases, none the one asked: « Pendant la première phase
        (2005-2008), … » for « que doivent faire les pôles pendant la phase 2 ? », a sentence under « La phase 3
        (2013-2018) »; under « Ils ont dit… au sujet de la 2ème phase », one on the first phase's evaluation still
        speaks of the second."""
        asked = query.constraints.phases
        return bool(asked and unit.phases) and not unit.phases & asked

    @staticmethod
    def _mixed_phases(query: QueryAnalysis, unit: Unit) -> list[Gap]:
        """A sentence that speaks of another phase than the documents' own, and of phase 2 too, may give
        phase 2's figure: « après la première phase (2006-2008), l'État consacre 1,5 milliard à la phase 2 »."""
        asked = query.constraints.phases - {SUBJECT_PHASE}
        folded = fold_accents(unit.text)
        spoken = phases_in(folded)
        if not asked or not spoken - asked or query.kind not in STRICT_TYPES:
            return []
        if query.kind in (AnswerType.PERIOD, AnswerType.DATE) and asked <= phase_periods(folded).keys():
            return []  # « la première phase (2006-2008) »: the period asked is written next to its phase
        return [Gap(f"la phase {p}", True) for p in sorted(asked)]

    def _said_again(self, query: QueryAnalysis, unit: Unit) -> bool:
        """« Qui a évalué la première phase ? » then « Et ça date de quand ? »: « ça » is the sentence just quoted,
        which may say when too. « Et combien ont été retenus ? » after the candidatures asks for what that
        sentence does not say (« retenus »): no reason to quote it again."""
        if not query.said_before or not unit.text.startswith(query.said_before):
            return False
        new_words = [t for t in query.own_terms if query.terms.get(t, 0.0) >= 1.0]
        return all(self._thesaurus.found_in(t, unit.terms) for t in new_words)

    def _says_by_whom(self, done: str, unit: Unit) -> bool:
        """« Qui a évalué … ? »: « l'évaluation … a été confiée aux cabinets … » says by whom it was done; « des
        discours prononcés par le Président … après l'évaluation » says who spoke, before the deed."""
        if not self._thesaurus.found_in(done, unit.terms):
            return False  # no deed in it: no need to look for where
        terms = self.retriever.analyzer.terms
        words = re.finditer(r"[\w'-]+", unit.text)
        deed = next((m for m in words if self._thesaurus.found_in(done, terms(m.group(0)))), None)
        return deed is not None and _AGENT.search(unit.text, deed.end()) is not None

    def _unsaid(self, query: QueryAnalysis, said: str) -> list[Gap]:
        """What the text quoted must speak of, and does not: the new subject of « et les collectivités, elles
        mettent combien ? » (not the Caisse des Dépôts' 200 000 euros again), the deed of « Qui a évalué la
        phase 3 ? » (not the government launching phase 3)."""
        said_terms = self.retriever.analyzer.terms(said)
        gaps = []
        # « qui le préside ? » is asked already, as what the passage must carry
        done = query.done if query.done != query.constraints.asked else None
        if done and not self._thesaurus.found_in(done, said_terms):
            gaps.append(Gap(f"« {query.done_word} »", True, asked=True))
        if query.topic and not self._thesaurus.found_in(query.topic, said_terms):
            gaps.append(Gap(f"« {query.topic_word} »", True))
        if query.kind is AnswerType.AMOUNT:
            # « Combien les collectivités ont-elles versé ? » is not answered by what the State gives
            folded, written = folded_and_written(query.question)
            for giver in sorted(query.offices - STATE_OFFICES - offices_in(said)):
                start = folded.find(giver)
                gaps.append(Gap(f"« {written[start : start + len(giver)]} »", True))
        folded_said = fold_accents(said)
        if query.outcome and _PLANNED.search(folded_said) and not _CAME_OF_IT.search(folded_said):
            gaps.append(Gap(f"« {query.outcome} »", True, asked=True))
        elif (
            query.outcome
            and _BECAME_ASKED.match(fold_accents(query.outcome))
            and _AFTER_WHAT_HAPPENED.search(fold_accents(query.question))
            and not _BECAME.search(folded_said)
            and not set(_EVENT.findall(folded_said)) - set(_EVENT.findall(fold_accents(query.search_text)))
        ):
            gaps.append(Gap(f"« {query.outcome} »", True, asked=True))  # « ont perdu leur label » says not what next
        if query.created and not _CREATION.search(folded_said):
            gaps.append(Gap(f"« {query.created} »", True, asked=True))  # « créé » is not « renouvelé le label »
        if query.ranking and not _RANKS.search(said):
            gaps.append(Gap(f"« {query.ranking} »", True, asked=True))
        return gaps

    def _names_focus(self, query: QueryAnalysis, unit: Unit) -> bool:
        """« combien de dossiers » → a sentence about dossiers (or candidatures); « que recouvre le sigle
        CIADT » → the sentence where « (CIADT) » follows its long form; « quelle période couvre la phase 2 »
        → the sentence that writes the period next to the phase, « deuxième phase (2009-2012) »."""
        if query.kind is AnswerType.PERIOD and query.constraints.phases:
            return bool(query.constraints.phases & phase_periods(fold_accents(unit.text)).keys())
        if query.done and self._thesaurus.found_in(query.done, unit.terms):
            return True  # « qui les finance ? »: the sentence that says who funds them
        if query.until and _UNTIL.search(fold_accents(unit.text)):
            return True  # « jusqu'à quelle date pouvait-on déposer … ? »: « … jusqu'au 2 octobre 2009 »
        asked = query.constraints.asked
        if asked:
            if query.kind is AnswerType.NUMBER:
                return self._counts_focus(query, unit.text)
            if self._asked_terms(query) & set(unit.terms):
                return True
        if _MEANING.search(query.question) and any(f"({a})" in unit.text for a in _ACRONYM.findall(query.question)):
            return True
        defined = query.constraints.defined_words
        return bool(defined) and gives_name(defined, unit.text)

    def _asked_terms(self, query: QueryAnalysis) -> set[str]:
        asked = query.constraints.asked
        return self.retriever.lexical.thesaurus.family(asked) if asked else set()

    def _counts_focus(self, query: QueryAnalysis, text: str) -> bool:
        """« combien de plates-formes » wants a number of plates-formes, not « 35 millions d'euros aux plates-formes »."""
        return counts_thing(text, self._asked_terms(query), self.retriever.analyzer.terms)

    def _focused_list(self, query: QueryAnalysis, text: str) -> str:
        """A list with its intro, cut down to the items the question singles out: « quel pôle travaille sur
        la géothermie ? » gets the intro and Avenia's item; « quels sont les trois axes ? » the whole list."""
        intro, *items = text.split("\n")
        terms = self.retriever.analyzer.terms
        # Only words the intro does not already answer can single an item out: « quels pôles le CIADT du
        # 11 mai 2010 a-t-il retenus ? » wants the whole list, its words are all in the intro.
        # A name stays a name even when the intro uses the word (« le pôle Eau » / « les domaines de l'eau »).
        named = {t for name in query.constraints.names for t in terms(name)}
        # « Parle-moi du pôle Avenia » then « ce pôle est dans quelle région ? »: the item named before.
        earlier = {t for name in query.context_names for t in terms(name)} - named
        item_terms = [set(terms(item)) for item in items]
        # « le pôle Eau » is the item that writes « Eau » as the user did, not « DREAM Eaux et milieux ».
        written = [
            item for item in items if any(re.search(rf"\b{re.escape(n)}\b", item) for n in query.constraints.names)
        ]
        if written and len(written) < len(items):
            return "\n".join([intro, *written])
        if query.leans_on and earlier and not named and any(earlier & it for it in item_terms):
            return "\n".join([intro, *(item for item, it in zip(items, item_terms) if earlier & it)])
        said = set(terms(intro)) - named
        own = {t: w for t, w in query.terms.items() if (t in query.own_terms or t in named) and t not in said}
        scores = [self.retriever.lexical.coverage(own, it) for it in item_terms] if own else []
        best = max(scores, default=0.0)
        if best <= 0 or all(s == best for s in scores):
            return text
        return "\n".join([intro, *(item for item, s in zip(items, scores) if s == best)])

    def _gives_reason(self, query: QueryAnalysis, unit: Unit) -> bool:
        """A « pourquoi » answered by a reason given after the fact it explains, in the same passage, with the
        fact asked about as its subject: « Pourquoi l'a-t-on prolongée ? » → « … la deuxième phase a été prolongée
        d'un an … La prolongation aligne le calendrier … afin de mieux coordonner … »: the reason is read with what
        its passage said before it."""
        if query.kind is not AnswerType.REASON or not holds_answer_type(unit.text, AnswerType.REASON):
            return False
        subject = _SUBJECT.match(unit.text)
        terms = self.retriever.analyzer.terms(subject.group(1)) if subject else []
        return bool(terms) and terms[0] in unit.before_terms and terms[0] in query.own_terms

    @staticmethod
    def _with_neighbours(unit: Unit) -> str:
        """The sentence, with the one before when it leans on it for its subject ("Son budget…"),
        and the one after when that one goes on about it ("Elles offrent…") and this one is short."""
        text = unit.text.strip()
        if unit.previous and _LEANS_BACK.match(text):
            text = f"{unit.previous.strip()} {text}"
        elif unit.following and _LEANS_BACK.match(unit.following.strip()) and len(text) < SHORT_SENTENCE:
            text = f"{text} {unit.following.strip()}"
        return text

    @staticmethod
    def _caveat(gaps: list[Gap], missing: str | None, marked: str) -> str:
        """Say plainly what the documents do not give, then the closest passage."""
        closest = f"{CLOSEST}{marked}"
        scope = ", ".join(g.description for g in gaps if not g.asked)
        asked = ", ".join(g.description for g in gaps if g.asked)
        if scope and asked:
            return f"Les documents ne précisent pas cela pour {scope}, ni sur {asked}. {closest}"
        if scope:
            return f"Les documents ne précisent pas cela pour {scope}. {closest}"
        if asked:
            return f"Les documents ne répondent pas précisément sur {asked}. {closest}"
        return f"Les documents ne donnent pas {missing} à ce sujet. {closest}"

    @staticmethod
    def _citation(n: int, hit: Hit, score: float) -> Citation:
        chunk = hit.chunk
        return Citation(
            n=n,
            doc_id=chunk.doc_id,
            chunk_id=chunk.chunk_id,
            title=chunk.title,
            section=chunk.section,
            text=chunk.text,
            score=score,
            source=chunk.source,
        )


def gives_name(words: str, text: str) -> bool:
    """The text gives these words as something's name: « souvent nommée "Pôles 2.0" », « … (CIADT) » (a plural
    « s » written or not: « pole 2.0 »)."""
    name = r"\s+".join(re.escape(w.removesuffix("s")) + "s?" for w in fold_accents(words).lower().split())
    # The whole name: « le pôle » is not « Pôles 2.0 »
    return re.search(rf"(?:{_NAMED_SO}|\(){name}(?=\s*[»\"”),.;:]|\s*$)", fold_accents(text).lower()) is not None
