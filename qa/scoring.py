"""How well a sentence of a retrieved passage answers a question: the question's weight found in it, the kind of
answer asked for, what it names, who did it, and the passage's own rank."""

from __future__ import annotations

import re

from index.analysis import fold_accents
from index.constraints import shares_in
from index.figures import counts_thing, figures_named, holds_count
from index.phases import phase_periods
from index.proximity import ordinal_conflict, pair_proximity
from index.query import COMPARES, FINDING, FIRST_PLAN, TOTAL_TEXT, QueryAnalysis, fates
from index.question_type import (
    AnswerType,
    accounts_for_the_figure,
    asks_city,
    counts_who_did,
    gives_a_city,
    gives_the_period_asked,
    holds_answer_type,
    names_in,
    places_in_a_city,
    places_it,
    says_by_whom,
)
from index.retriever import Hit, HybridRetriever
from qa.evidence import EvidenceCheck
from qa.sentences import PassageSentences, Unit, is_title, with_neighbours
from qa.unsaid import STRICT_TYPES, gives_only_the_whole

TYPE_BONUS = 0.3  # a sentence holding the expected kind of answer (a name for "qui")
STRICT_TYPE_BONUS = 0.5  # "combien", "quand", "quelle période" cannot be answered without one
NAMES_SHOWN = 3  # names asked by the dozen: a list of three or more gives them; two names are others
PROXIMITY_WEIGHT = 0.2  # query words side by side in the sentence
AGENT_BONUS = 0.2  # « qui a … ? »: a sentence that says by whom (« par le Premier ministre », « confiée aux cabinets »)
SAID_BEFORE_BONUS = 0.2  # a follow-up pointing back: the sentence the previous answer quoted
# « au départ, … quelle période ? »: the sentence saying what was first planned (« initialement »)
FIRST_PLAN_BONUS = 0.2
# « qu'est-ce qu'il en ressort ? », « et le verdict ? »: the sentence saying what a study found (« L'étude constate »)
FINDINGS_BONUS = 0.2
# « combien de dossiers ? » then « et combien ont décroché le label ? »: not the figure just given, which answered the
# earlier question
FIGURE_GIVEN_PENALTY = 0.5
PART_OF_PENALTY = 0.3  # « sur les 19 dossiers, combien retenus ? »: not the sentence giving the 19 dossiers
NEXT_PASSAGE_BONUS = 0.3  # … and a sentence of the passage after the one that gave it, which goes on with the story
# « combien ont gardé leur label ? », « ceux qui n'ont pas été reconduits »: the sentence saying what befell them
FATE_BONUS = 0.2
# « combien au total ? »: the sentence that says a total, not a part of it (« six nouveaux pôles »); « plus de pôles
# qu'avant ? »: the one that compares
TOTAL_BONUS = 0.2
# « et après ça ? »: the sentence after the one the last answer quoted, not that one again, unless that one goes on
# with the story itself
NEXT_SENTENCE_BONUS = 0.5
# Words that stress a question and ask nothing: « vraiment », « au final »
_STRESS_WORDS = "vraiment réellement effectivement finalement final vrai bien déjà"
_GOES_ON = re.compile(r"\b(?:puis|ensuite|par la suite)\b|\bavant d(?:e\b|')")
FOCUS_BONUS = 0.3  # the sentence names what is asked (« combien de dossiers ») or spells out the acronym asked
_MEANING = re.compile(r"\b(sigle|acronyme|signifie|veut dire|recouvre|c'est quoi|que sont|qu'est-ce)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_UNTIL = re.compile(r"\bjusqu'(?:a|au|en)\b")
_WITH_WHOM = re.compile(r"\baupres d")
# « le petit nom », « le surnom », « comment on l'appelle », « quel nom lui donne-t-on »: a name given, asked
_NAME_ASKED = re.compile(
    r"\b(?:petit nom|surnom|quel nom|comment (?:on )?(?:l'|les |la |le )?appel|nom (?:donne|qu'on)|appelee? comment)"
)
# A sentence whose subject is a pronoun (« Elle examine … », « Son budget … ») names it in the sentence before
_PRONOUN_SUBJECT = re.compile(
    r"(?:il|elle|ils|elles|son|sa|ses|leur|leurs)\b(?! y a\b| faut\b| s'agit\b| reste\b)", re.IGNORECASE
)  # not an impersonal « Il y a … », « Il faut … »
# « … une deuxième phase, souvent nommée "Pôles 2.0" », « baptisée « Pôles 2.0 » »: the sentence that gives the name
_NAMED_SO = r"\b(?:nomme|appele|baptise|surnomme|dite?|denomme)e?s?\s*[«\"“]?\s*"
UNNAMED_PENALTY = 0.6  # the question names a pôle or a project the sentence does not (outweighs a type bonus)
CONFLICT_PENALTY = 0.3  # the sentence speaks of another phase/edition than the one asked about
LENGTH_PENALTY = 0.0005  # per character up to 200: at equal evidence, the shorter sentence answers better
# What a sentence opening a passage leans on (the passage before) says it less than a sentence that says it itself
LEAN_COST = 0.05
RANK_WEIGHT = 0.5  # how much the passage's own retrieval score counts for its sentences
# A sentence's subject when it opens on an article or a demonstrative: « La prolongation aligne … »
_SUBJECT = re.compile(r"^(?:la|le|les|l'|cette|ce|cet|ces)\s*([^\W\d_][\w-]+)", re.IGNORECASE)


def _type_bonus(kind: AnswerType) -> float:
    """« combien », « quand »… cannot be answered without a figure, a date; « pourquoi » weighs a reason as
    much: the fact a « pourquoi » question restates is not its answer."""
    return STRICT_TYPE_BONUS if kind in STRICT_TYPES or kind is AnswerType.REASON else TYPE_BONUS


class SentenceScorer:
    """Scores the sentences of the passages retrieved for a question; the composer quotes the best."""

    def __init__(self, retriever: HybridRetriever, evidence: EvidenceCheck, sentences: PassageSentences) -> None:
        self.retriever = retriever
        self.evidence = evidence
        self.sentences = sentences
        self._thesaurus = retriever.lexical.thesaurus
        self._stress_terms = frozenset(retriever.analyzer.terms(_STRESS_WORDS))

    def score(self, query: QueryAnalysis, hit: Hit, heading_terms: list[str], unit: Unit) -> float:
        """How well a sentence answers: the question's weight found (read under the passage's title), the
        kind of answer asked for, few words, and the passage's own retrieval score."""
        bonus = _type_bonus(query.kind)
        names = query.constraints.names
        # "Il a reçu 86 propositions" is about the plates-formes only through its title.
        # A title line (« La concertation sur l'évolution de la politique des pôles ») is a heading of its own, not
        # read under the passage's.
        read = {*unit.terms, *unit.dated_by} if is_title(unit.text) else {*unit.terms, *heading_terms, *unit.dated_by}
        # « Elle examine … » is read with its subject
        subject = unit.previous and _PRONOUN_SUBJECT.match(unit.text)
        subject_terms = self.retriever.analyzer.terms(unit.previous) if subject else []
        if self._gives_reason(query, unit):  # « Pourquoi l'a-t-on prolongée ? »: the fact, then its reason
            read.update(unit.before_terms)
        elif subject:
            read.update(subject_terms)
        score = self.retriever.lexical.coverage(query.terms, read)
        if unit.lead_terms:  # « Pour ces pôles, … » opening a passage: read with what it leans on, which says it better
            score = max(score, self.retriever.lexical.coverage(query.terms, read | unit.lead_terms) - LEAN_COST)
        # « Qui a évalué … ? »: a sentence that speaks of the evaluation holds the answer only if it says by whom
        by_whom = self._says_by_whom(query.done, unit, query.offices) if query.done else None
        score += bonus if self.holds_answer(query, unit.text) and by_whom is not False else 0.0
        # … for the thing a « c'est quoi … ? » asks of: « Les plates-formes d'innovation sont … Elles mettent … »
        defined = subject_terms if query.constraints.defined else []
        proximity = max(pair_proximity(unit.terms, query.own_terms), pair_proximity(defined, query.own_terms))
        score += PROXIMITY_WEIGHT * proximity
        # Under « Ils ont dit… au sujet de la 2ème phase », a sentence on the first phase's evaluation
        # still speaks of the second phase: the heading's ordinals count with the sentence's.
        conflict = ordinal_conflict(unit.terms, query.own_terms, heading_terms) or self._other_phase(query, unit)
        score -= CONFLICT_PENALTY if conflict else 0.0
        score += FOCUS_BONUS if self._names_focus(query, unit) else 0.0
        score += AGENT_BONUS if by_whom else 0.0
        score += SAID_BEFORE_BONUS if self._said_again(query, unit) else 0.0
        score -= FIGURE_GIVEN_PENALTY if self._figure_given_again(query, unit) else 0.0
        # « sur les 19 dossiers, combien retenus ? »: not the sentence giving the 19 dossiers
        score -= PART_OF_PENALTY if query.part_of and gives_only_the_whole(query.part_of, unit.text) else 0.0
        figure_again = query.figure_given and not unit.text.startswith(query.figure_given)
        score += NEXT_PASSAGE_BONUS if hit.follows_quoted and figure_again else 0.0
        score += FIRST_PLAN_BONUS if query.first_plan and FIRST_PLAN.search(fold_accents(unit.text)) else 0.0
        score += FINDINGS_BONUS if query.findings and FINDING.search(fold_accents(unit.text)) else 0.0
        folded = fold_accents(unit.text)
        says_it = (query.total and TOTAL_TEXT.search(folded)) or (query.compared and COMPARES.search(folded))
        score += TOTAL_BONUS if says_it else 0.0
        score -= CONFLICT_PENALTY if self._about_who_is_set_aside(query, unit) else 0.0
        # « combien ont gardé leur label ? »: not « Six pôles ont en revanche perdu leur label » (nor « Ces sept pôles
        # signent … » after « a renouvelé le label de sept » for « combien n'ont pas été reconduits ? »)
        score += self._fate_score(query, unit)
        # « le pôle Aquimer est basé où ? »: not the sentence of the passage that places other pôles.
        # « Avec ces six labels … décidés le même jour » names the CIADT through the passage before, which it leans on
        if names and not self.evidence.names_all(names, f"{hit.chunk.title} {unit.lead} {with_neighbours(unit)}"):
            score -= UNNAMED_PENALTY
        shares = query.constraints.shares
        if shares and shares - shares_in(fold_accents(with_neighbours(unit))):
            score -= UNNAMED_PENALTY  # « les 30 % de projets verts »: not the sentence giving 19 %
        if query.topic and not self._thesaurus.found_in(query.topic, unit.terms):
            score -= UNNAMED_PENALTY  # « et les collectivités, … ? »: a sentence about them
        return score + RANK_WEIGHT * hit.score - LENGTH_PENALTY * min(len(unit.text), 200)

    def best_per_passage(self, query: QueryAnalysis, hits: list[Hit]) -> dict[int, tuple[float, Unit]]:
        """Each passage's best sentence for the question, with its score (passages without a sentence left
        out)."""
        best: dict[int, tuple[float, Unit]] = {}
        passages = [self.sentences.read(h.chunk)[1] for h in hits]
        story = query.next_asked and story_goes_past_quote(passages, query)
        told = [quoted_and_after(units, query.said_before) if story else (set(), None) for units in passages]
        # the quote ended its passage: the next one opens on what came after
        ends_its_passage = any(quoted and after is None for quoted, after in told)
        for rank, hit in enumerate(hits):
            heading_terms, units = self.sentences.read(hit.chunk)
            quoted, after = told[rank]
            if story and hit.follows_quoted and not quoted and ends_its_passage:
                after = 0
            for n, unit in enumerate(units):
                score = self.score(query, hit, heading_terms, unit)
                score += NEXT_SENTENCE_BONUS if n == after else -NEXT_SENTENCE_BONUS if n in quoted else 0.0
                if rank not in best or score > best[rank][0]:
                    best[rank] = (score, unit)
        return best

    @staticmethod
    def best_possible(query: QueryAnalysis) -> float:
        """The best a sentence can score for this question: all its weight, side by side, the focus, a passage
        ranked first with score 1, and the kind of answer asked for, who did it, the sentence quoted before when
        the question asks for them."""
        kind = 0.0 if query.kind is AnswerType.OTHER else _type_bonus(query.kind)
        agent = AGENT_BONUS if query.done else 0.0
        again = SAID_BEFORE_BONUS if query.said_before else 0.0
        plan = FIRST_PLAN_BONUS if query.first_plan else 0.0
        found = FINDINGS_BONUS if query.findings else 0.0
        fate = FATE_BONUS if query.fate else 0.0
        after = NEXT_SENTENCE_BONUS if query.next_asked else 0.0
        total = TOTAL_BONUS if query.total or query.compared else 0.0
        return (
            1.0
            + kind
            + PROXIMITY_WEIGHT
            + FOCUS_BONUS
            + agent
            + again
            + plan
            + found
            + fate
            + after
            + total
            + RANK_WEIGHT
        )

    def holds_answer(self, query: QueryAnalysis, text: str) -> bool:
        """The text holds the kind of answer asked for; « combien de pôles » wants a number of pôles, « qui
        préside Avenia » someone other than Avenia."""
        if query.kind is AnswerType.REASON and accounts_for_the_figure(query.question, text):
            return True  # « pourquoi le chiffre n'a pas bougé ? »: « Avec ces six labels et les six retraits … »
        if query.kind is AnswerType.NUMBER and query.constraints.asked:
            return self._counts_focus(query, text)
        if query.kind is AnswerType.NUMBER and counts_who_did(query.question):  # not « 200 000 euros par projet »
            return holds_count(fold_accents(text))
        if query.kind in (AnswerType.PERSON, AnswerType.NAME):  # « qui dirige Avenia ? » is not answered by « Avenia »
            for name in query.constraints.names:
                text = re.sub(rf"\b{re.escape(name)}\b", "", text, flags=re.IGNORECASE)
            if aside := query.constraints.set_aside:  # « hormis la Caisse des Dépôts, qui … ? »: someone else
                text = re.sub(
                    r"[^\W\d_]+", lambda w: "" if fold_accents(w.group(0)).lower() in aside else w.group(0), text
                )
            if query.names_wanted > 2 and _lists_other_count(text, query.names_wanted):
                return False  # « les 13 recalées, lesquelles ? » is not answered by « Six pôles ont perdu … : »
            if query.names_wanted > 1:
                return names_in(text) >= min(
                    query.names_wanted, NAMES_SHOWN
                )  # « les 58 pôles » are not the two cabinets
            return holds_answer_type(text, query.kind, query.offices)
        if query.kind is AnswerType.PLACE and query.constraints.names:  # « Cellmill, il est dans quelle région ? »
            placed = places_in_a_city if asks_city(query.question) else places_it  # « quelle ville ? »: not a region
            return all(placed(text, name) for name in query.constraints.names)
        if query.kind is AnswerType.PLACE and asks_city(query.question):  # « c'est installé dans quelle ville ? »
            return gives_a_city(text)
        if query.kind is AnswerType.PERIOD:  # « sur cb d'années ? »: « sur trois ans »
            return gives_the_period_asked(text, query.question)
        return holds_answer_type(text, query.kind)

    @staticmethod
    def _about_who_is_set_aside(query: QueryAnalysis, unit: Unit) -> bool:
        """« Hormis l'État, qui … ? »: a sentence whose subject is the State (« L'État consacre … ») says what the
        State does, not who else does it."""
        aside = query.constraints.set_aside
        subject = _SUBJECT.match(unit.text) if aside and query.kind in (AnswerType.PERSON, AnswerType.NAME) else None
        return subject is not None and fold_accents(subject.group(1)) in aside

    @staticmethod
    def _other_phase(query: QueryAnalysis, unit: Unit) -> bool:
        """The sentence, read under its heading, speaks of phases, none the one asked: « Pendant la première phase
        (2005-2008), … » for « que doivent faire les pôles pendant la phase 2 ? », a sentence under « La phase 3
        (2013-2018) »; under « Ils ont dit… au sujet de la 2ème phase », one on the first phase's evaluation still
        speaks of the second."""
        asked = query.constraints.phases
        return bool(asked and unit.phases) and not unit.phases & asked

    @staticmethod
    def _fate_score(query: QueryAnalysis, unit: Unit) -> float:
        """« combien ont été repêchés ? »: a sentence saying labels were kept answers it, one saying only that
        they were lost speaks of the others."""
        if not query.fate:
            return 0.0
        said = fates(fold_accents(with_neighbours(unit)))
        return FATE_BONUS if query.fate in said else -CONFLICT_PENALTY if said else 0.0

    def _figure_given_again(self, query: QueryAnalysis, unit: Unit) -> bool:
        """The sentence that gave the earlier figure, which does not say what this count is of (« décroché le
        label »); « et au final, combien ont été présélectionnées ? » may find its figure in it."""
        if not query.figure_given or not unit.text.startswith(query.figure_given):
            return False
        # every word of its own, a light one too (« et combien ont été gardées ? » asks what « gardées » counts), not
        # the stress (« et combien ont vraiment été présélectionnées ? »)
        own = [t for t in query.own_terms if t not in self._stress_terms]
        return not all(self._thesaurus.found_in(t, unit.terms) for t in own)

    def _said_again(self, query: QueryAnalysis, unit: Unit) -> bool:
        """« Qui a évalué la première phase ? » then « Et ça date de quand ? »: « ça » is the sentence just quoted,
        which may say when too. « Et combien ont été retenus ? » after the candidatures asks for what that
        sentence does not say (« retenus »): no reason to quote it again."""
        if not query.said_before or not unit.text.startswith(query.said_before):
            return False
        return self._says_own_words(query, unit)

    def _says_own_words(self, query: QueryAnalysis, unit: Unit) -> bool:
        """The sentence says every word the follow-up itself weighs fully (not its context's, not its form's)."""
        own = [t for t in query.own_terms if query.terms.get(t, 0.0) >= 1.0]
        return all(self._thesaurus.found_in(t, unit.terms) for t in own)

    def _says_by_whom(self, done: str, unit: Unit, besides: frozenset[str] = frozenset()) -> bool | None:
        """Whether the sentence says who did the deed asked about (None: it does not speak of the deed)."""
        if not self._thesaurus.found_in(done, unit.terms):
            return None  # no deed in it: no need to look for where
        return says_by_whom(unit.text, done, self._thesaurus, self.retriever.analyzer.terms, besides)

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
        if query.phrased & set(unit.terms):
            return True  # « en échange de l'argent, qu'est-ce qu'on demande ? »: « En contrepartie, … »
        if _NAME_ASKED.search(fold_accents(query.question)) and re.search(_NAMED_SO, fold_accents(unit.text)):
            return True  # « c koi le petit nom de la phase 2 ? »: « … souvent nommée "Pôles 2.0" »
        if _WITH_WHOM.search(fold_accents(query.question)) and _WITH_WHOM.search(fold_accents(unit.text)):
            return True  # « auprès de quelle autorité fallait-il adresser son dossier ? »: « … auprès des préfets »
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

    def _gives_reason(self, query: QueryAnalysis, unit: Unit) -> bool:
        """A « pourquoi » answered by a reason given after the fact it explains, in the same passage, with the
        fact asked about as its subject: « Pourquoi l'a-t-on prolongée ? » → « … la deuxième phase a été prolongée
        d'un an … La prolongation aligne le calendrier … afin de mieux coordonner … »: the reason is read with what
        its passage said before it."""
        if query.kind is not AnswerType.REASON or not holds_answer_type(unit.text, AnswerType.REASON):
            return False
        subject = _SUBJECT.match(unit.text)
        terms = self.retriever.analyzer.terms(subject.group(1)) if subject else []
        return bool(terms) and terms[0] in unit.before_terms and self._thesaurus.found_in(terms[0], query.own_terms)


_LIST_INTRO = re.compile(r"([^.;:]*):")  # « Six pôles ont en revanche perdu leur label : Sporaltec, … »


def _lists_other_count(text: str, wanted: int) -> bool:
    """The text introduces its lists with counts, none of them the count asked for."""
    counts = {figure for intro in _LIST_INTRO.finditer(fold_accents(text)) for figure in figures_named(intro.group(1))}
    return bool(counts) and str(wanted) not in counts


def gives_name(words: str, text: str) -> bool:
    """The text gives these words as something's name: « souvent nommée "Pôles 2.0" », « … (CIADT) » (a plural
    « s » written or not: « pole 2.0 »)."""
    name = r"\s+".join(re.escape(w.removesuffix("s")) + "s?" for w in fold_accents(words).lower().split())
    # The whole name: « le pôle » is not « Pôles 2.0 »
    return re.search(rf"(?:{_NAMED_SO}|\(){name}(?=\s*[»\"”),.;:]|\s*$)", fold_accents(text).lower()) is not None


def _quoted(units: list[Unit], quote_start: str) -> set[int]:
    """The sentences of a passage the last answer quoted (a sentence, with the one it leans on)."""
    return {n for n, unit in enumerate(units) if quote_start and with_neighbours(unit).startswith(quote_start)}


def story_goes_past_quote(passages: list[list[Unit]], query: QueryAnalysis) -> bool:
    """« et après ça ? » is told by what follows the quote, unless the quote goes on with the story itself (« … jusqu'à
    la fin de 2009, puis ont été évalués une seconde fois »)."""
    quoted = [units[n] for units in passages for n in _quoted(units, query.said_before)]
    return bool(quoted) and not any(_GOES_ON.search(fold_accents(unit.text)) for unit in quoted)


def quoted_and_after(units: list[Unit], quote_start: str) -> tuple[set[int], int | None]:
    """The sentences of a passage the last answer quoted (it quotes a sentence with the one it leans on), and the
    one after them, which tells what came next; none when the passage does not hold the quote."""
    quoted = _quoted(units, quote_start)
    if not quoted:
        return set(), None
    # the last that starts as the quote: « Cette décision … » is quoted with the sentence it leans on (the quote keeps
    # only the start of what was quoted, so a long sentence quoted alone and the one leaning on it look the same)
    last = max(quoted)
    return quoted, last + 1 if last + 1 < len(units) else None
