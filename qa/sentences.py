"""The sentences of a passage that may answer a question, each read with what surrounds it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.chunking import split_sentences
from corpus.model import Chunk
from index.analysis import FrenchAnalyzer, fold_accents
from index.phases import phases_in
from index.question_type import DATE_WORD

SHORT_SENTENCE = 160  # characters: a sentence this short may need the next one to say enough
ANALYSED_CHUNKS = 5000  # passages whose sentences stay analysed; past that the cache starts over
# A sentence opening on one of these leans on the sentence before it for its subject.
_LEANS_BACK = re.compile(
    r"^(il|elle|ils|elles|son|sa|ses|leur|leurs|ce|cet|cette|ces|cela|ceci|celui|celle|ceux|celles|"
    r"ces derniers|ce dernier|en outre|par ailleurs|de plus|ainsi"
    # « Au vu de cette seconde évaluation, … », « Pour ces pôles, … », « Avec ces six labels, … »
    r"|(?:au vu|à l'issue|à la suite|lors|au terme|sur la base|en raison) (?:de|d') ?(?:cette|ces|cet|ce)"
    r"|(?:pour|avec|parmi|selon|après|dans|malgré|grâce à) (?:cette|ces|cet|ce))\b",
    re.IGNORECASE,
)


_CLAUSE = re.compile(r"\s*(?:[,;:]|\btandis que\b|\balors que\b|\bmais\b)\s*")


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
    # A passage's first sentence that leans back (« Pour ces pôles, le label a été confirmé … »): the terms of the
    # last sentence of the passage before it in the document, which says what it leans on (« 58 pôles avaient
    # atteint leurs objectifs »)
    lead_terms: frozenset[str] = frozenset()
    lead: str = ""  # that sentence as written, where the names it leans on are (« Le CIADT du 11 mai 2010 … »)


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


def with_neighbours(unit: Unit) -> str:
    """The sentence, with the one before when it leans on it for its subject ("Son budget…"),
    and the one after when that one goes on about it ("Elles offrent…") and this one is short."""
    text = unit.text.strip()
    if unit.previous and _LEANS_BACK.match(text):
        text = f"{unit.previous.strip()} {text}"
    elif unit.following and _LEANS_BACK.match(unit.following.strip()) and len(text) < SHORT_SENTENCE:
        text = f"{text} {unit.following.strip()}"
    return text


class PassageSentences:
    """Each passage's heading terms and sentences, analysed once: passages never change within an index
    version."""

    def __init__(self, analyzer: FrenchAnalyzer, chunks: list[Chunk] = ()) -> None:
        self.analyzer = analyzer
        self._analysed: dict[str, tuple[list[str], list[Unit]]] = {}
        # the passage before each one in the same document, for one that opens leaning on it (read when it is)
        self._before: dict[str, Chunk] = {
            chunk.chunk_id: previous
            for previous, chunk in zip(chunks, chunks[1:])
            if previous.doc_id == chunk.doc_id and previous.end <= chunk.start
        }

    def _lead(self, chunk: Chunk) -> str:
        """What of the passage before this one its first sentence leans on: its last sentence."""
        previous = self._before.get(chunk.chunk_id)
        last = answer_units(previous.text) if previous else []
        if not last:
            return ""
        own_heading = chunk.section not in (previous.section, chunk.title)
        return self._leaned_on(last[-1], chunk) if own_heading else last[-1]

    def _leaned_on(self, sentence: str, chunk: Chunk) -> str:
        """What of the sentence before a passage its first sentence leans on, when a heading of its own says which
        part (« Pôles des groupes 1 et 2 »): the clauses that speak of what the heading names (« 58 pôles avaient
        atteint leurs objectifs (groupes 1 et 2) », not « tandis que 13 pôles (groupe 3) devaient se reconfigurer »).
        """
        heading = set(self.analyzer.terms(chunk.section))
        clauses = _CLAUSE.split(sentence)
        if len(clauses) < 2:
            return sentence
        shared = [len(heading & set(self.analyzer.terms(c))) for c in clauses]
        return " ".join(c for c, n in zip(clauses, shared) if n == max(shared))

    def read(self, chunk: Chunk) -> tuple[list[str], list[Unit]]:
        """The terms of the passage's title and heading, in order, and its sentences."""
        cached = self._analysed.get(chunk.chunk_id)
        if cached is None:
            if len(self._analysed) >= ANALYSED_CHUNKS:
                self._analysed.clear()
            cached = self._analysed[chunk.chunk_id] = self._analyse(chunk)
        return cached

    def _analyse(self, chunk: Chunk) -> tuple[list[str], list[Unit]]:
        terms = self.analyzer.terms
        texts = [u for u in answer_units(chunk.text) if not is_heading(u, chunk)]
        heading_phases = phases_in(fold_accents(chunk.section))
        units: list[Unit] = []
        dates: list[str] = []  # of the last sentence that gave some
        for i, t in enumerate(texts):
            own = terms(" ".join(DATE_WORD.findall(fold_accents(t))))
            dates = own or dates
            # « Six pôles ont en revanche perdu leur label » is of the CIADT of 11 May 2010 a sentence before
            # names; « conservé leur label jusqu'à la fin de l'année 2009 » is of 2009.
            dated_by = [] if own else dates
            previous, following = texts[i - 1] if i else None, texts[i + 1] if i + 1 < len(texts) else None
            before = units[-1].before_terms | set(units[-1].terms) if units else frozenset()
            phases = frozenset(phases_in(fold_accents(t)) | heading_phases)
            lead = self._lead(chunk) if i == 0 and _LEANS_BACK.match(t) else ""
            units.append(Unit(t, terms(t), previous, following, dated_by, before, phases, frozenset(terms(lead)), lead))
        return terms(f"{chunk.title} {chunk.section}"), units
