"""Whether the retrieved passages support an answer: calibrated evidence, and the question's constraints.

Two questions, asked of every answer. Is anything in the corpus about this at all (the passages found:
the best dense cosine, helped a little by lexical coverage)? And does the passage chosen carry what the
question names — the phase, the year, the named pôle, the thing asked? A question about phase 3's
budget must not get phase 2's budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from corpus.model import Chunk
from index.analysis import fold_accents
from index.constraints import Constraints, holds_phrase, shares_in, years_of_events
from index.phases import edition_ordinals, groups_in, phase_periods, phases_in
from index.query import QueryAnalysis, yes_or_no
from index.question_type import AnswerType
from index.retriever import Hit, HybridRetriever

# A passage's cosine + COVERAGE_WEIGHT × its lexical coverage, best of the first EVIDENCE_HITS found, below which
# nothing in the corpus is about the question. Set per model from the dev sets and the off-topic calibration set
# (README, « Refusal from evidence »).
CALIBRATED_MIN_EVIDENCE = {"multilingual-e5-small": 0.86}
COVERAGE_WEIGHT = 0.1
EVIDENCE_HITS = 3
DOMAIN_MARGIN = 0.025  # taken off the threshold for a question in the policy's own words
NAME_MARGIN = 0.05  # taken off for a question naming a name only the documents give, which the best passage gives
# The policy's own words: a question using one is about the documents' subject. « Pôle emploi » is a name
# the constraints decline; « label », « phase » or « innovation » alone are everyone's words.
DOMAIN_WORDS = "pôle pôles compétitivité CIADT écotechnologies écotechs FUI DIACT GTI labellisation labellisé"
SUBJECT_PHASE = 2  # the documents' own subject: a passage need not name it to speak of it
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# What came of something: « les résultats », « quelles conclusions », « l'impact », « un succès ? »
_RESULTS_ASKED = re.compile(r"\b(?:resultats?|conclusions?|bilan|verdict|effets?|retombees|impact|succes|echec)\b")
# … but not what was expected of it: « quels objectifs et quel impact attendu pour la phase 3 ? »
_EXPECTED = re.compile(r"\b(?:attendue?s?|prevue?s?|objectifs?|vise\w*|espere\w*)\b")
_WORD = re.compile(r"[\w@-]+")
DEFINED_COVERAGE = 0.5  # share of the defined words' weight a passage must carry to define them
NAME_SIMILARITY = 0.85  # "Celmill" for "Cellmill": a name misspelt by a letter is still that name


def _words_of(folded: str) -> set[str]:
    """The words of a folded text, and the parts of its hyphenated ones: « Nord » is in
    « Nord-Pas-de-Calais »."""
    words = set(_WORD.findall(folded))
    return words | {part for word in words if "-" in word for part in word.split("-") if part}


@dataclass(frozen=True)
class Gap:
    """A constraint of the question that the chosen passage does not carry."""

    description: str  # French, as shown to the user: "la phase 4", "l'année 2011", "« Aquimer »"
    in_corpus: bool  # False: no passage at all carries it, so no passage can answer
    asked: bool = False  # what is asked (« l'adresse », « combien de plates-formes »), not whose or when


def _ordinal(term: str) -> str:
    """« 4e » as written in French; the first is « 1re » (une édition)."""
    return "1re" if term == "1e" else term


def passage_phases(chunk: Chunk, folded: str) -> set[int]:
    """The phases a passage speaks of: those its own heading names, when it names some (« La phase 3 (2013-2018) »
    in « L'évaluation de la phase 2 et le passage à la phase 3 »), else those of its title and text. A title naming
    several phases says which each section is about: « L'étude constate … » under « Les conclusions » speaks of none
    of them by itself."""
    in_heading = phases_in(fold_accents(chunk.section))
    if in_heading:
        return in_heading | phases_in(fold_accents(chunk.text))
    in_title = phases_in(fold_accents(chunk.title))
    return phases_in(fold_accents(chunk.text)) if len(in_title) > 1 else phases_in(folded)


class EvidenceCheck:
    """Built once per index version: what the whole corpus mentions, and the calibrated threshold."""

    def __init__(self, retriever: HybridRetriever, min_evidence: float | None, min_coverage: float) -> None:
        self.retriever = retriever
        self.min_evidence = min_evidence
        self.min_coverage = min_coverage
        # Folded once per index version, not once per question: gaps() runs for every hit.
        self._texts = dict(zip((c.chunk_id for c in retriever.bundle.chunks), retriever.folded_texts, strict=True))
        chunk_ids = [c.chunk_id for c in retriever.bundle.chunks]
        self._dated = dict(zip(chunk_ids, retriever.carried_years, strict=True))
        self._event_years = {chunk_id: years_of_events(text) for chunk_id, text in self._texts.items()}
        self._words = {chunk_id: _words_of(text) for chunk_id, text in self._texts.items()}
        # the names of the passage one goes on from (« Avec ces six labels … »: the CIADT's)
        carried = (_words_of(fold_accents(text)) for text in retriever.said_before_it)
        self._names_carried = dict(zip(chunk_ids, carried, strict=True))
        self._phases = {c.chunk_id: passage_phases(c, self._texts[c.chunk_id]) for c in retriever.bundle.chunks}
        self._groups = {chunk_id: groups_in(text) for chunk_id, text in self._texts.items()}
        self._ordinals = dict(zip(chunk_ids, map(edition_ordinals, retriever.bundle.lexical.term_lists), strict=True))
        corpus = " ".join(self._texts.values())
        self._corpus_years = set(_YEAR.findall(corpus))
        self._corpus_shares = shares_in(corpus)
        self._last_year = max(years_of_events(corpus), default="")  # the latest year they report
        self._figures = dict(zip(chunk_ids, retriever.figures, strict=True))  # the retriever's, made once per version
        self._corpus_phases = phases_in(corpus)
        # « pour la période 2009-2012 » is phase 2's, as the documents write it: a passage on phase 2 carries it
        self._phase_years = {phase: frozenset(_YEAR.findall(period)) for phase, period in phase_periods(corpus).items()}
        self._corpus_groups = groups_in(corpus)
        self._corpus_words = _words_of(corpus)
        self._rows = {chunk_id: i for i, chunk_id in enumerate(chunk_ids)}
        passages: dict[str, list[str]] = {}
        for chunk in retriever.bundle.chunks:
            passages.setdefault(chunk.doc_id, []).append(chunk.text)
        # each document's passages, for « qui les finance ? » asked of the one the last answer quoted
        self._documents = {doc_id: "\n".join(texts) for doc_id, texts in passages.items()}
        self._domain_terms = set(retriever.analyzer.terms(DOMAIN_WORDS))
        self._proper_names = retriever.proper_names
        self._corpus_ordinals = set().union(*self._ordinals.values())

    def _ordinal_gaps(self, query: QueryAnalysis, chunk: Chunk) -> list[Gap]:
        """« la 6e journée », « le second appel »: the passage must name that edition too."""
        wanted = edition_ordinals(query.own_terms)
        seen = self._ordinals[chunk.chunk_id]
        return [Gap(f"la {_ordinal(o)} édition", o in self._corpus_ordinals) for o in sorted(wanted - seen)]

    @staticmethod
    def _named(name: str, words: set[str]) -> bool:
        """The folded name is among the words, or one differing by about a letter."""
        if name in words:
            return True
        # A letter more or less only: « Aquamer » is not « Aquimer », another pôle's name.
        return len(name) >= 5 and any(
            abs(len(w) - len(name)) == 1 and SequenceMatcher(None, w, name).ratio() >= NAME_SIMILARITY for w in words
        )

    def _place_gaps(self, query: QueryAnalysis, row: int) -> list[Gap]:
        """« pourquoi le pôle de lyon a perdu son label ? »: a place the question names (a city, a region, what their
        people are called) must be the passage's too (« Rhône-Alpes » for « lyon »). A caveat: places are
        misremembered."""
        present = self.retriever.bundle.lexical.term_sets[row]
        return [Gap(f"« {written} »", True) for written, terms in query.places if terms.isdisjoint(present)]

    def _definition_gaps(self, c: Constraints, row: int) -> list[Gap]:
        """« c'est quoi le crédit d'impôt recherche » needs a passage about that very thing; one about research
        funding will not do. Mostly unknown to the whole corpus: nothing can define it."""
        present = self.retriever.bundle.lexical.term_sets[row]
        known = [t for t in c.defined if self.retriever.lexical.knows(t)]
        if len(known) * 2 < len(c.defined):  # mostly unknown to the whole corpus: nothing can define it
            return [Gap(f"« {c.defined_words} »", False, asked=True)]
        # Words no passage has weigh nothing here: « qu'est-ce que l'État demande aux pôles » is about the
        # State and the pôles; « demande » is in no passage.
        if self.retriever.lexical.coverage(dict.fromkeys(known, 1.0), present) >= DEFINED_COVERAGE:
            return []
        return [Gap(f"« {c.defined_words} »", True, asked=True)]

    def names_all(self, names: frozenset[str], text: str) -> bool:
        """Every name of the question is in this text (a sentence), typos of a letter allowed."""
        words = set(_WORD.findall(fold_accents(text.replace("\u2019", "'"))))
        return all(self._named(fold_accents(name), words) for name in names)

    def supported(self, query: QueryAnalysis, hits: list[Hit]) -> bool:
        """Something in the corpus is about the question; words the user quoted from it say so too."""
        if not hits:
            return False
        top = hits[0]
        if any(holds_phrase(self._texts[top.chunk.chunk_id], phrase) for phrase in query.constraints.quoted):
            return True
        if self.min_evidence is None:  # a model without calibration: the lexical rule alone
            return top.coverage >= self.min_coverage
        # A question in the policy's own words (« pôle », « CIADT », « labellisé »…) is about the documents'
        # subject even when it describes what it asks in words of its own (« quel pôle alsacien pour des
        # maisons qui consomment moins ? »): it needs a little less from the nearest passage.
        in_its_words = self._domain_terms & set(query.own_terms) or query.constraints.phases  # « la phase 2 »
        margin = DOMAIN_MARGIN if in_its_words else 0.0
        # « Avenia, ça s'occupe de quoi ? »: a name only the documents give (a letter off at most), which the best
        # passage gives too (not another one: that passage would be quoted for it); what is asked of it is checked
        # after (« qui préside Avenia ? » gets the caveat)
        if self._names_one_of_its_own(query.question, top.chunk):
            margin = NAME_MARGIN
        # The first passages found are all candidates: a short one saying it in other words may rank below a longer
        # one. A fixed number of them, whatever the number of citations a client asks for.
        evidence = max(hit.dense + COVERAGE_WEIGHT * hit.coverage for hit in hits[:EVIDENCE_HITS])
        return evidence >= self.min_evidence - margin

    @staticmethod
    def _results_asked(query: QueryAnalysis) -> bool:
        """What came of something is asked (« ça a donné quoi ? », « les résultats »), not what was expected of it."""
        asked = fold_accents(query.question)
        return bool(query.outcome or query.findings or _RESULTS_ASKED.search(asked)) and not _EXPECTED.search(asked)

    def _names_one_of_its_own(self, question: str, chunk: Chunk) -> bool:
        """The question names a name only the documents give (a letter off at most), which the passage gives too."""
        asked = _words_of(fold_accents(question))
        return any(self._named(n, asked) for n in self._proper_names & self._words[chunk.chunk_id])

    def gaps(self, query: QueryAnalysis, chunk: Chunk) -> list[Gap]:
        """The question's constraints that this passage does not carry."""
        c: Constraints = query.constraints
        if not c:  # an edition ordinal is no constraint of its own: « le deuxième appel » alone
            return self._ordinal_gaps(query, chunk) + self._place_gaps(query, self._rows[chunk.chunk_id])
        text = self._texts[chunk.chunk_id]
        dated = self._dated[chunk.chunk_id]
        # « Quels pôles ont été labellisés en 2011 ? » is not answered by « confirmé pour la période 2009-2011 »;
        # « … pour 2009-2011 ? » is.
        events = self._event_years[chunk.chunk_id]
        phases = self._phases[chunk.chunk_id]
        its_phase = {
            year
            for phase, years in self._phase_years.items()
            if years == c.period_years and phase in phases
            for year in years
        }
        gaps = [
            Gap(f"l'année {y}", y in self._corpus_years)
            for y in sorted(c.years - its_phase)
            if (y not in text if y in c.period_years else y not in events) and y not in dated
        ]
        # « et après 2018 ? » after phase 3 (2013-2018): a passage that speaks of no later year does not say
        # « après 2009 »: a passage on phase 2 speaks of its years (2009-2012)
        years_spoken = set(_YEAR.findall(text)) | set(dated) | {y for p in phases for y in self._phase_years.get(p, ())}
        gaps += [
            Gap(f"après {y}", any(later > y for later in self._corpus_years))
            for y in sorted(c.after_years)
            # « est-il toujours labellisé après 2010 ? » asks yes or no, answered by what befell it in 2010
            if not (query.kind is AnswerType.OTHER and yes_or_no(query.question))
            and not any(spoken > y for spoken in years_spoken)
        ]
        # « combien de pôles aujourd'hui ? »: the documents end years ago; the closest passage says what was then
        if c.now:
            gaps.append(Gap(f"aujourd'hui (les documents s'arrêtent en {self._last_year})", True))
        # « les 30 % de projets verts, c'est atteint ? » is about the sentence that gives 30 %, not 19 %; « 20 % des
        # aides, c'est juste ? » checks a figure, which the true one answers; « les 30 %, ils ont été atteints ou
        # pas ? » asks what came of the figure named
        shares = set() if query.checks_premise and not query.outcome else c.shares - shares_in(text)
        gaps += [Gap(f"« {share} % »", share in self._corpus_shares) for share in sorted(shares)]
        # « combien de pôles ont raté l'examen des 18 mois ? »: a passage giving other figures speaks of something
        # else. A caveat, never a refusal on a figure alone: users misremember figures. A figure to check (« y a 77
        # pôles maintenant ? ») is answered by the true one.
        if query.kind is not AnswerType.OTHER and not query.checks_premise:
            gaps += [Gap(f"« {figure} »", True) for figure in sorted(c.figures - self._figures[chunk.chunk_id])]
        # « la phase 3, ça a donné quoi ? »: what came of a phase the documents end before the end of
        if c.phases and self._results_asked(query):
            gaps += [
                Gap(
                    f"les résultats de la phase {phase} (les documents s'arrêtent en {self._last_year})",
                    True,
                    asked=True,
                )
                for phase in sorted(c.phases)
                if max(self._phase_years.get(phase) or {""}) > self._last_year
            ]
        for phase in sorted(c.phases):
            speaks_of_it = phase in phases or (not phases and phase == SUBJECT_PHASE)
            if not speaks_of_it:
                gaps.append(Gap(f"la phase {phase}", phase in self._corpus_phases))
        words = self._words[chunk.chunk_id] | self._names_carried[chunk.chunk_id]
        for name in sorted(c.names):
            folded = fold_accents(name)
            if not self._named(folded, words):
                gaps.append(Gap(f"« {name} »", self._named(folded, self._corpus_words)))
        for name in sorted(c.generic):  # « un iPhone »: unknown to the documents, no passage answers
            if not self._named(fold_accents(name), self._corpus_words):
                gaps.append(Gap(f"« {name} »", False))
        gaps += self._place_gaps(query, self._rows[chunk.chunk_id])
        spoken = self._groups[chunk.chunk_id]
        gaps += [Gap(f"le groupe {g}", g in self._corpus_groups) for g in sorted(c.groups - spoken)]
        gaps += self._ordinal_gaps(query, chunk)
        if c.defined:
            gaps += self._definition_gaps(c, self._rows[chunk.chunk_id])
        # « quels indicateurs … ? »: details the passage does not name (« s'engager sur des résultats mesurables »)
        if c.listed and not {c.listed, c.listed.removesuffix("s")} & self._words[chunk.chunk_id]:
            gaps.append(Gap(f"« {c.listed_word} »", True, asked=True))
        if c.asked:
            present = self.retriever.bundle.lexical.term_sets[self._rows[chunk.chunk_id]]
            # « qui le préside » of another thing: not the document the last answer quoted
            elsewhere = c.within is not None and c.within not in self._documents[chunk.doc_id]
            if elsewhere or not self.retriever.lexical.thesaurus.found_in(c.asked, present):
                # Users count things in their own words: a caveat, never a refusal on this alone.
                gaps.append(Gap(f"« {c.asked_word} »", True, asked=True))
            elif c.qualifier and not self.retriever.lexical.thesaurus.found_in(c.qualifier, present):
                gaps.append(Gap(f"« {c.qualifier_words} »", True, asked=True))  # pôles, but not « mondiaux »
        return gaps
