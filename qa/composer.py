"""Compose an extractive French answer from retrieved passages, with numbered citations."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.chunking import split_sentences
from index.proximity import ordinal_conflict, pair_proximity
from index.question_type import AnswerType, answer_type, holds_answer_type
from index.retriever import Hit, HybridRetriever
from qa.models import REFUSAL, Citation

TYPE_BONUS = 0.3  # a sentence holding the expected kind of answer (a name for "qui")
STRICT_TYPE_BONUS = 0.5  # "combien", "quand", "quelle période" cannot be answered without one
STRICT_TYPES = {AnswerType.NUMBER, AnswerType.DATE, AnswerType.PERIOD}
PROXIMITY_WEIGHT = 0.2  # query words side by side in the sentence
CONFLICT_PENALTY = 0.3  # the sentence speaks of another phase/edition than the one asked about
LENGTH_PENALTY = 0.0005  # per character: at equal evidence, the shorter sentence answers better
RANK_WEIGHT = 0.5  # how much the passage's own retrieval score counts for its sentences
SECOND_SENTENCE_RATIO = 0.9  # a second sentence is added only when nearly as good


@dataclass(frozen=True)
class Composition:
    answer: str
    refused: bool
    citations: list[Citation]


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


class AnswerComposer:
    """Picks the best supporting sentence(s) of the top passages, or declines."""

    def __init__(self, retriever: HybridRetriever, refusal_threshold: float, max_unknown_share: float = 0.55) -> None:
        self.retriever = retriever
        self.refusal_threshold = refusal_threshold
        self.max_unknown_share = max_unknown_share
        # Passages never change within an index version: analyse each one's sentences once.
        self._analysed: dict[str, tuple[set[str], list[tuple[str, list[str]]]]] = {}

    def _analyse(self, chunk) -> tuple[set[str], list[tuple[str, list[str]]]]:
        cached = self._analysed.get(chunk.chunk_id)
        if cached is None:
            analyzer = self.retriever.analyzer
            headings = set(analyzer.terms(f"{chunk.title} {chunk.section}"))
            cached = (headings, [(u, analyzer.terms(u)) for u in answer_units(chunk.text)])
            self._analysed[chunk.chunk_id] = cached
        return cached

    def _score_units(self, question: str, terms: dict[str, float], hits: list[Hit]) -> list[tuple[float, int, str]]:
        analyzer = self.retriever.analyzer
        kind = answer_type(question)
        type_bonus = STRICT_TYPE_BONUS if kind in STRICT_TYPES else TYPE_BONUS
        own = analyzer.terms(question)
        scored = []
        for rank, hit in enumerate(hits):
            # A sentence is read under its title and section: "Il a reçu 86 propositions"
            # is about the plates-formes only through its document's title.
            heading_terms, units = self._analyse(hit.chunk)
            for unit, unit_terms in units:
                present = set(unit_terms) | heading_terms
                score = self.retriever.term_coverage(terms, present)
                score += type_bonus if holds_answer_type(unit, kind) else 0.0
                score += PROXIMITY_WEIGHT * pair_proximity(unit_terms, own)
                score -= CONFLICT_PENALTY if ordinal_conflict(unit_terms, own) else 0.0
                score += RANK_WEIGHT * hit.score - LENGTH_PENALTY * len(unit)
                scored.append((score, rank, unit))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return scored

    def is_answerable(self, hits: list[Hit], terms: dict[str, float]) -> bool:
        """Enough of the question found in the best passage, and its subject not foreign to the corpus."""
        if not hits or hits[0].coverage < self.refusal_threshold:
            return False
        return self.retriever.unknown_share(terms) < self.max_unknown_share

    def compose(self, question: str, hits: list[Hit], context: str = "") -> Composition:
        terms = self.retriever.query_terms(question, context)
        if not self.is_answerable(hits, terms):
            return Composition(REFUSAL, True, [])
        scored = self._score_units(question, terms, hits)
        best_score, best_rank, best_unit = scored[0]
        chosen = [(best_rank, best_unit)]
        for score, rank, unit in scored[1:]:
            if score >= SECOND_SENTENCE_RATIO * best_score and unit != best_unit:
                chosen.append((rank, unit))
                break
        # The passage the answer comes from is cited first, the others keep their rank.
        order = [best_rank] + [i for i in range(len(hits)) if i != best_rank]
        number = {rank: n for n, rank in enumerate(order, start=1)}
        answer = " ".join(f"{unit.strip()} [{number[rank]}]" for rank, unit in chosen)
        citations = [
            Citation(
                n=number[rank],
                doc_id=hits[rank].chunk.doc_id,
                chunk_id=hits[rank].chunk.chunk_id,
                title=hits[rank].chunk.title,
                section=hits[rank].chunk.section,
                text=hits[rank].chunk.text,
                score=round(hits[rank].score, 4),
                source=hits[rank].chunk.source,
            )
            for rank in order
        ]
        return Composition(answer, False, citations)
