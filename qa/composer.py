"""Compose an extractive French answer from retrieved passages, with numbered citations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.analysis import fold_accents
from index.figures import holds_number
from index.query import QueryAnalysis
from index.question_type import AnswerType, names_asked
from index.retriever import Hit, HybridRetriever
from qa.evidence import EvidenceCheck, Gap
from qa.models import CLOSEST, REFUSAL, Citation
from qa.scoring import SentenceScorer
from qa.sentences import PassageSentences, Unit, is_title, with_neighbours
from qa.unsaid import STRICT_TYPES, gives_per_unit, mixed_phases, unsaid

BREAKDOWN = "de répartition précise"  # what a breakdown asked of no figure kind lacks (« réparti année par année »)
_MISSING_KIND = {**STRICT_TYPES, AnswerType.NAME: "de nom précis"}  # « les noms des … » asked, no name given
NO_OPINION = (
    "Je n'ai pas d'avis à donner : les documents rapportent des faits et des propos, pas de jugement sur ce point."
)


@dataclass(frozen=True)
class Composition:
    answer: str
    refused: bool
    citations: list[Citation]
    confidence: str = "high"  # "low": the passage does not carry all that the question names


class AnswerComposer:
    """Picks the sentence of the top passages that answers the question, or declines."""

    def __init__(self, retriever: HybridRetriever, evidence: EvidenceCheck) -> None:
        self.retriever = retriever
        self.evidence = evidence
        self._thesaurus = retriever.lexical.thesaurus
        self.sentences = PassageSentences(retriever.analyzer, retriever.bundle.chunks)
        self.scorer = SentenceScorer(retriever, evidence, self.sentences)

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

    def compose(self, query: QueryAnalysis, hits: list[Hit]) -> Composition:
        if not self.evidence.supported(query, hits):
            return Composition(REFUSAL, True, [])
        gaps = [self.evidence.gaps(query, hit.chunk) for hit in hits]
        if any(not gap.in_corpus for gap in gaps[0]) and not query.checks_premise:
            return Composition(REFUSAL, True, [])  # the corpus never names it: no passage can answer
        complete = [rank for rank, found in enumerate(gaps) if not found]
        answers = self.scorer.best_per_passage(query, hits)
        order = self._answer_order(answers, complete, len(hits), self.scorer.best_possible(query))
        rank = order[0][0]
        if rank not in answers:
            return Composition(REFUSAL, True, [])
        unit = answers[rank][1]
        # What the passage says there (a whole list, a sentence with the one it leans on) is what must hold
        # the answer; a list is then shown cut to the items the question singles out.
        said = with_neighbours(unit)
        text = self._focused_list(query, said) if "\n- " in said else said
        citations = [self._citation(n, hits[r], score) for n, (r, score) in enumerate(order, start=1)]
        marked = f"{text} [1]"
        # « les noms des … » cannot be answered without names, « combien chaque pôle a-t-il reçu en moyenne ? » by
        # the 1,5 milliard of all of them
        strict = query.kind in STRICT_TYPES or (
            query.kind is AnswerType.NAME and (names_asked(query.question) or query.names_wanted > 1)
        )
        missing_type = (strict and not self.scorer.holds_answer(query, said)) or (
            query.per_unit and not (gives_per_unit(said) and holds_number(fold_accents(said)))
        )  # « Chacun a signé un contrat … » gives no figure per pôle
        if is_title(said):
            # « La concertation sur l'évolution de la politique des pôles » names a page the corpus lacks.
            title = f"Les documents n'en donnent que le titre d'une rubrique : « {text} » [1]"
            return Composition(title, False, citations, "low")
        if query.opinion:
            return Composition(f"{NO_OPINION} {CLOSEST}{marked}", False, citations, "low")
        passage = hits[rank].chunk.text
        before = passage[: max(passage.find(unit.text.strip()), 0)]
        heading = f"{hits[rank].chunk.title} {hits[rank].chunk.section}"
        mixed = mixed_phases(query, unit.text) + unsaid(
            query, said, self.retriever.analyzer, self._thesaurus, before=before, heading=heading
        )
        if complete and not missing_type and not mixed:
            return Composition(marked, False, citations)
        missing = _MISSING_KIND.get(query.kind, BREAKDOWN) if missing_type else None  # « année par année »: no kind
        caveat = self._caveat(gaps[rank] + mixed, missing, marked)
        return Composition(caveat, False, citations, "low")

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

    @staticmethod
    def _caveat(gaps: list[Gap], missing: str | None, marked: str) -> str:
        """Say plainly what the documents do not give, then the closest passage."""
        closest = f"{CLOSEST}{marked}"
        scope = ", ".join(dict.fromkeys(g.description for g in gaps if not g.asked))  # once each
        asked = ", ".join(dict.fromkeys(g.description for g in gaps if g.asked))
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
