"""Hybrid retrieval: French BM25 and dense FAISS search, fused into one ranking."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from corpus.chunking import split_sentences
from corpus.model import Chunk
from index.analysis import fold_accents
from index.bundle import IndexBundle
from index.constraints import holds_phrase, said_before_it, years_carried_over
from index.embedding import Encoder
from index.figures import figures_named
from index.french_words import QUESTION_FILLER_WORDS
from index.fusion import Fusion, FusionWeights, JoinMode, normalise_max
from index.lexical import LexicalIndex
from index.names import acronyms_defined, pole_names, proper_names, proper_phrases
from index.pointers import folded_and_written
from index.query import COMPARES, FINDING, FIRST_PLAN, QueryAnalysis, analyse_query
from index.question_type import (
    AnswerType,
    accounts_for_the_figure,
    gives_the_period_asked,
    holds_answer_type,
    says_by_whom,
)
from index.synonyms import Thesaurus
from index.typos import TypoMender

SYNONYM_WEIGHT = 0.6  # a thesaurus match counts less than the word the user wrote
SAID_BEFORE_WEIGHT = 0.15  # a follow-up pointing back: the passage the previous answer quoted
SPELLED_OUT_WEIGHT = 0.3  # « c'est quoi le FUI ? »: the passage with « … interministériel (FUI) »
QUOTED_WEIGHT = 0.3  # words the user put between quotes, found as written in a passage, its title or heading
REPEATED = "re"  # the prefix of a deed done again: « recontrôler », « réexaminer », « relabelliser »
MIN_REPEATED = 6  # letters of a term that may carry it: not « rend », « reste »
FINDINGS_WEIGHT = 0.15  # « bilan de l'étude ? »: a passage that says what was found
FIRST_PLAN_WEIGHT = 0.15  # « au départ ? »: a passage that says what was first planned
COMPARES_WEIGHT = 0.15  # « plus de pôles qu'avant ? »: a passage that compares (« reste de 71 »)


def _lift(fused: np.ndarray, chosen: list[bool], weight: float) -> np.ndarray:
    """Scores moved toward 1 for the chosen passages, by `weight`, still in [0, 1]; unchanged when none is."""
    mask = np.array(chosen, dtype=np.float32)
    return (1 - weight) * fused + weight * mask if mask.any() else fused


def _next_rows(chunks: list[Chunk]) -> list[int]:
    """For each passage, the row of the one after it in its document (-1 for a document's last)."""
    following = [-1] * len(chunks)
    by_document: dict[str, list[int]] = {}
    for row, chunk in enumerate(chunks):
        by_document.setdefault(chunk.doc_id, []).append(row)
    for rows in by_document.values():
        rows.sort(key=lambda r: chunks[r].start)
        for before, after in zip(rows, rows[1:]):
            following[before] = after
    return following


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with the signals that ranked it (score, lexical and coverage in [0, 1])."""

    chunk: Chunk
    score: float
    lexical: float
    dense: float  # raw cosine of the question and the passage
    coverage: float
    follows_quoted: bool = False  # a count after a count: the passage after the one that gave the first


class LexicalSearch:
    """BM25 over the French analysis, widened by the domain thesaurus; coverage of the question's weight."""

    def __init__(self, lexical: LexicalIndex) -> None:
        self.index = lexical
        self.thesaurus = Thesaurus(lexical.analyzer)

    def scores(self, query: QueryAnalysis) -> np.ndarray:
        """BM25 of every passage; a thesaurus match counts SYNONYM_WEIGHT of the word itself."""
        total = np.zeros(self.index.size, dtype=np.float32)
        for term, weight in query.terms.items():
            best = self.index.scores([term])
            for other in self.thesaurus.related(term):
                if other in self.index.vocabulary:
                    best = np.maximum(best, SYNONYM_WEIGHT * self.index.scores([other]))
            total += weight * best
        return total

    def coverage(self, terms: dict[str, float], present: set[str] | frozenset[str]) -> float:
        """Share of the query's weight (idf × term weight) found in a set of terms; synonyms count less."""
        total = got = 0.0
        for term, weight in terms.items():
            weight *= self.index.idf(term)
            total += weight
            if term in present:
                got += weight
            elif self.thesaurus.related(term) & present:
                got += SYNONYM_WEIGHT * weight
        return got / total if total > 0 else 0.0

    def knows(self, term: str) -> bool:
        """The corpus uses the term, or one of its thesaurus relatives."""
        return term in self.index.vocabulary or any(t in self.index.vocabulary for t in self.thesaurus.related(term))


class DenseSearch:
    """Nearest passages by cosine: vectors are normalised, so FAISS's inner product is the cosine."""

    def __init__(self, bundle: IndexBundle, encoder: Encoder) -> None:
        self.store = bundle.dense
        self.vectors = bundle.vectors
        self.encoder = encoder

    def embed(self, texts: list[str]) -> np.ndarray:
        """Question vectors, one row per text, in one call to the encoder."""
        return self.encoder.encode_queries(texts)

    def search(self, query: QueryAnalysis, n: int) -> np.ndarray:
        """Ids of the n passages nearest to the question's vector."""
        _, ids = self.store.search(query.vector.reshape(1, -1), n)
        return ids[0][ids[0] >= 0]

    def cosines(self, vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return self.vectors[rows] @ vector


class HybridRetriever:
    """Search one index version; immutable, so a reload swaps whole retrievers."""

    def __init__(
        self,
        bundle: IndexBundle,
        encoder: Encoder,
        weights: FusionWeights | None = None,
        mode: str = "hybrid",
        candidates: int = 50,
    ) -> None:
        self.bundle = bundle
        self.encoder = encoder
        self.fusion = Fusion(JoinMode(mode), weights)
        self.candidates = candidates
        self.analyzer = bundle.lexical.analyzer
        self.lexical = LexicalSearch(bundle.lexical)
        self.dense = DenseSearch(bundle, encoder)
        self.filler_terms = {t for w in QUESTION_FILLER_WORDS for t in self.analyzer.terms(w)}
        # Names only the documents give (Avenia, Cellmill), folded: once per index version.
        texts = [c.text for c in bundle.chunks]
        self.proper_names = frozenset(proper_names(texts) | pole_names(texts) | proper_phrases(texts))
        # « (CIADT) » spelt out in the documents: its long form's first two terms → the acronym's term
        self.acronym_starts = {
            acronym_terms[0]: tuple(self.analyzer.terms(long_form)[:2])
            for acronym, long_form in acronyms_defined([c.text for c in bundle.chunks]).items()
            if (acronym_terms := self.analyzer.terms(acronym))  # « (DE) », « (SA) »: a stop word, no term
        }
        # The documents' words, folded: a question's word a letter off one of them is a typo (once per index version)
        self.typos = TypoMender.of_texts((c.indexed_text() for c in bundle.chunks), self.analyzer.terms)
        # Each passage with its title and heading, folded as questions are: once per index version.
        self.folded_texts = [fold_accents(c.indexed_text().replace("\u2019", "'")) for c in bundle.chunks]
        # « L'étude constate … »: the years of the passage it goes on from count as its own
        self.carried_years = years_carried_over(bundle.chunks, self.folded_texts)
        # « Avec ces six labels … le même jour »: the day and the names of the passage it goes on from
        self.said_before_it = said_before_it(bundle.chunks, self.folded_texts)
        carried = [frozenset(self.analyzer.terms(text)) for text in self.said_before_it]
        self.carried_terms = [years | terms for years, terms in zip(self.carried_years, carried, strict=True)]
        self.next_rows = _next_rows(bundle.chunks)
        self.figures = [frozenset(figures_named(text)) for text in self.folded_texts]  # years aside

    @property
    def version(self) -> str:
        return self.bundle.version

    def analyse(self, question: str, context: str = "", said_before: str = "") -> QueryAnalysis:
        """The question read once, for search and for composing the answer; a follow-up with the turn
        before it and the start of what that turn's answer quoted. Typos are mended first, for every reading."""
        question, context = self.typos.mend(question), self.typos.mend(context)
        query = analyse_query(
            question, self.analyzer, self.filler_terms, context, self.dense.embed, said_before, self.proper_names
        )
        return replace(self._with_acronyms(self._without_repetition(query)), places=self._places(query.question))

    def _places(self, question: str) -> tuple[tuple[str, frozenset[str]], ...]:
        """The places a question names, as written, each with its place's index terms and their thesaurus family."""
        thesaurus = self.lexical.thesaurus
        folded, written = folded_and_written(question)
        return tuple(
            (
                written[start : start + len(word)] if (start := folded.find(word)) >= 0 else word,
                frozenset(f for t in thesaurus.place_terms(word) for f in thesaurus.family(t)),
            )
            for word in dict.fromkeys(self.analyzer.words(question))
            if thesaurus.is_place(word)
        )

    def _without_repetition(self, query: QueryAnalysis) -> QueryAnalysis:
        """« ils sont recontrôlés quand ? »: a verb the corpus does not have, said again with « re- », is searched as
        the verb itself (« contrôlés »), when the thesaurus knows that one among words the documents use.
        « réorganiser » is not « organiser » (« une journée organisée »): only the thesaurus's verbs."""
        knows, thesaurus = self.lexical.knows, self.lexical.thesaurus
        again = {
            term: term[len(REPEATED) :]
            for term in query.terms
            if term.startswith(REPEATED)
            and len(term) > MIN_REPEATED
            and not knows(term)
            and thesaurus.related(term[len(REPEATED) :])
            and knows(term[len(REPEATED) :])
        }
        if not again:
            return query
        return replace(query, terms={again.get(term, term): weight for term, weight in query.terms.items()})

    def _with_acronyms(self, query: QueryAnalysis) -> QueryAnalysis:
        """« le comité interministériel qui a choisi … »: the acronym the documents write for it (CIADT) is
        searched too, as a word the user wrote."""
        terms = list(query.terms)
        pairs = set(zip(terms, terms[1:]))
        added = {
            acronym: 1.0
            for acronym, start in self.acronym_starts.items()
            if start in pairs and acronym not in query.terms
        }
        return replace(query, terms={**query.terms, **added}) if added else query

    def _holds_answer(self, text: str, query: QueryAnalysis) -> bool:
        """The passage holds the kind of answer asked; « qui a évalué … ? » someone said to have done it, in one
        of its sentences (« l'évaluation … a été confiée aux cabinets … »)."""
        if query.kind is AnswerType.PERIOD:
            return gives_the_period_asked(text, query.question)
        if query.kind is AnswerType.REASON and accounts_for_the_figure(query.question, text):
            return True
        if not holds_answer_type(text, query.kind):
            return False
        if query.kind is not AnswerType.PERSON or not query.done:
            return True
        thesaurus, terms = self.lexical.thesaurus, self.analyzer.terms
        sentences = (sentence for line in text.split("\n") for sentence in split_sentences(line))
        return any(says_by_whom(sentence, query.done, thesaurus, terms) for sentence in sentences)

    def _passage_after(self, quote_start: str, rows: np.ndarray) -> set[int]:
        """The passage after the one an earlier answer quoted (found among the rows searched, which the follow-up's
        context brings): passages overlap by a sentence, so the last holding the quote, and the next that does not."""
        chunks = self.bundle.chunks
        holding = [r for r in rows if quote_start in chunks[r].text]  # rows come sorted (np.unique)
        after = self.next_rows[holding[-1]] if holding else -1
        while after >= 0 and quote_start in chunks[after].text:
            after = self.next_rows[after]
        return {after} if after >= 0 else set()

    def _figures_quoted(self, quote_start: str, rows: np.ndarray) -> set[str]:
        """The figures (years aside) of the sentence an earlier answer quoted, found among the rows searched."""
        for r in rows:
            text = self.bundle.chunks[r].text
            if (at := text.find(quote_start)) >= 0:
                sentences = split_sentences(text[at:].split("\n", 1)[0])  # a list item after it is no part of it
                return figures_named(fold_accents(sentences[0])) if sentences else set()
        return set()

    def search(self, query: QueryAnalysis, k: int = 3) -> list[Hit]:
        """The k best passages for an analysed question."""
        lexical_all = self.lexical.scores(query)
        n = min(self.candidates, self.bundle.dense.size)
        dense_ids = self.dense.search(query, n)
        lexical_ids = np.argpartition(-lexical_all, n - 1)[:n] if n < len(lexical_all) else np.arange(n)
        chunks = self.bundle.chunks
        rows = np.unique(np.concatenate([dense_ids, lexical_ids[lexical_all[lexical_ids] > 0]]))
        # « combien de dossiers reçus ? » then « et au final, combien ont été retenus ? »: a document tells what
        # came next in its next passage, which the follow-up's few words may not bring among the k best
        # (« et après ça ? » too)
        quote = query.figure_given or (query.said_before if query.next_asked else "")
        told_next = self._passage_after(quote, rows) if quote else set()
        rows = np.union1d(rows, np.array(sorted(told_next), dtype=rows.dtype))
        term_sets = self.bundle.lexical.term_sets
        signals = {
            "lexical": lexical_all[rows],
            "dense": self.dense.cosines(query.vector, rows),
            "coverage": np.array(
                [self.lexical.coverage(query.terms, term_sets[r] | self.carried_terms[r]) for r in rows],
                dtype=np.float32,
            ),
            "proximity": np.array([self.bundle.lexical.proximity(r, query.own_terms) for r in rows]),
            "answer_type": np.array([float(self._holds_answer(chunks[r].text, query)) for r in rows]),
        }
        fused = self.fusion.join(signals)
        defined = (query.constraints.defined_words or "").upper().split()
        if len(defined) == 1:
            # « Que recouvre le sigle CIADT ? »: of the passages naming the CIADT, the one that spells it out.
            fused = _lift(fused, [f"({defined[0]})" in chunks[r].text for r in rows], SPELLED_OUT_WEIGHT)
        for phrase in query.constraints.quoted:
            # « Dans la rubrique « Ils ont dit », … »: the passage that has the words the user quoted
            fused = _lift(fused, [holds_phrase(self.folded_texts[r], phrase) for r in rows], QUOTED_WEIGHT)
        if query.findings:
            # « bilan de l'étude 2012 ? »: the passage saying what the study found, not the one saying what it examined
            fused = _lift(fused, [FINDING.search(self.folded_texts[r]) is not None for r in rows], FINDINGS_WEIGHT)
        if query.first_plan:
            # « au départ, elle devait couvrir quelle période ? »: the passage saying what was planned at first
            fused = _lift(fused, [FIRST_PLAN.search(self.folded_texts[r]) is not None for r in rows], FIRST_PLAN_WEIGHT)
        if query.compared:  # « plus de pôles qu'avant ? »: a passage that compares (« reste de 71 »)
            fused = _lift(fused, [COMPARES.search(self.folded_texts[r]) is not None for r in rows], COMPARES_WEIGHT)
        if query.said_before:
            # « Qui a évalué la première phase ? » then « Et ça date de quand ? »: likely the passage just quoted, when
            # it holds the kind of answer asked (« 1,5 milliard … (2009-2012) » gives no « sur combien d'années ? »)
            # only a figure, a date or a length is told by its form alone; « qui les finance ? » may be said in words
            figure_asked = query.kind in (AnswerType.NUMBER, AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PERIOD)
            holds = (signals["answer_type"] > 0) | (not figure_asked)
            quoted = [query.said_before in chunks[r].text for r in rows]
            fused = _lift(fused, [q and h for q, h in zip(quoted, holds)], SAID_BEFORE_WEIGHT)
            if not any(q and h for q, h in zip(quoted, holds)):
                # then where else the documents give the figure it quoted, with the answer: « l'enveloppe … reste
                # fixée à 1,5 milliard d'euros sur trois ans »
                given = self._figures_quoted(query.said_before, rows)
                again = [
                    bool(given) and given <= self.figures[r] and h and not q for r, h, q in zip(rows, holds, quoted)
                ]
                fused = _lift(fused, again, SAID_BEFORE_WEIGHT)
        lexical = normalise_max(lexical_all)[rows]
        order = list(np.argsort(-fused, kind="stable")[:k])
        # offered beside the k best, not in their place: the sentences decide (qa/scoring.py)
        order += [i for i, r in enumerate(rows) if r in told_next and i not in order]  # one at most
        return [
            Hit(
                chunks[rows[i]],
                float(fused[i]),
                float(lexical[i]),
                float(signals["dense"][i]),
                float(signals["coverage"][i]),
                follows_quoted=rows[i] in told_next,
            )
            for i in order
        ]
