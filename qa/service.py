"""The answer service: one question in, one cited answer out, with conversation memory."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from index.pointers import without_discourse_start
from index.retriever import HybridRetriever
from qa.composer import AnswerComposer, Composition
from qa.conversation import ConversationStore, Turn
from qa.evidence import CALIBRATED_MIN_EVIDENCE, EvidenceCheck
from qa.feedback import FeedbackStore
from qa.followup import context_for, is_follow_up, needs_context, quoted_in
from qa.models import Answer
from qa.smalltalk import smalltalk_reply
from qa.validation import validate_question

CLARIFY = (
    "Je ne sais pas à quoi « {question} » fait suite : pouvez-vous poser la question en entier ? "
    "Par exemple : « Quel budget l'État a-t-il consacré à la phase 2 ? »"
)


class IndexNotReadyError(RuntimeError):
    """No index is loaded yet."""


@dataclass
class Engine:
    """A retriever and its composer: swapped together, so a request sees one index version."""

    retriever: HybridRetriever
    composer: AnswerComposer


class AnswerService:
    """Validates, resolves follow-ups, retrieves, composes, and remembers the turn."""

    def __init__(
        self,
        *,
        store: ConversationStore,
        refusal_threshold: float,
        min_evidence: float | None,
        top_k: int,
        max_question_chars: int,
        retriever: HybridRetriever | None = None,
        journal: FeedbackStore | None = None,
    ) -> None:
        self.store = store
        self.journal = journal  # what editors read in `poles-qa report`; answers get their id there
        self.refusal_threshold = refusal_threshold
        self.min_evidence = min_evidence
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self._engine: Engine | None = None
        if retriever is not None:
            self.swap(retriever)

    def swap(self, retriever: HybridRetriever) -> None:
        """Serve a new index version; requests in flight finish on the one they started with."""
        threshold = self.min_evidence
        if threshold is None:
            threshold = CALIBRATED_MIN_EVIDENCE.get(retriever.encoder.name)
        evidence = EvidenceCheck(retriever, threshold, self.refusal_threshold)
        self._engine = Engine(retriever, AnswerComposer(retriever, evidence))

    @property
    def retriever(self) -> HybridRetriever | None:
        engine = self._engine
        return engine.retriever if engine else None

    def ask(self, question: str, conversation_id: str | None = None, top_k: int | None = None) -> Answer:
        text = validate_question(question, self.max_question_chars)
        engine = self._engine  # one read: the whole request uses this index version
        if engine is None:
            raise IndexNotReadyError("L'index n'est pas encore chargé : réessayez dans un instant.")
        conversation_id = conversation_id or uuid.uuid4().hex
        reply = smalltalk_reply(text)
        if reply is not None:
            return self._journaled(
                text,
                Answer(
                    answer=reply, refused=False, conversation_id=conversation_id, index_version=engine.retriever.version
                ),
            )
        history = [t for t in self.store.turns(conversation_id) if not t.refused]
        if not history and needs_context(text, engine.retriever.analyzer):
            composition, context = Composition(CLARIFY.format(question=text), True, []), ""
        else:
            composition, context = self._compose(engine, text, history, top_k or self.top_k)
        self.store.append(
            conversation_id,
            Turn(text, f"{context} {text}".strip(), composition.answer, composition.refused, time.time()),
        )
        answer = Answer(
            answer=composition.answer,
            refused=composition.refused,
            confidence=composition.confidence,
            citations=composition.citations,
            conversation_id=conversation_id,
            index_version=engine.retriever.version,
        )
        return self._journaled(text, answer)

    @staticmethod
    def _compose(engine: Engine, text: str, history: list[Turn], k: int) -> tuple[Composition, str]:
        """The composition and the context it was read in (the last turn, for a follow-up)."""
        retriever = engine.retriever
        text = without_discourse_start(text)
        queries = [t.resolved_query for t in history]
        said = quoted_in(history[-1].answer) if history else ""
        follow_up = bool(history) and is_follow_up(text, retriever.analyzer)
        context = context_for(queries) if follow_up else ""
        query = retriever.analyse(text, context, said if follow_up else "")
        composition = engine.composer.compose(query, retriever.search(query, k))
        if (composition.refused or composition.confidence == "low") and history and not context:
            # Not recognised as a follow-up, but maybe it only makes sense with the last turn (« résultats publiés
            # quand ? »): read with it, it must answer better, declined no longer or without the caveat.
            retry_query = retriever.analyse(text, context_for(queries), said)
            retry = engine.composer.compose(retry_query, retriever.search(retry_query, k))
            if not retry.refused and (composition.refused or retry.confidence == "high"):
                return retry, retry_query.context
        return composition, context

    def _journaled(self, question: str, answer: Answer) -> Answer:
        """The answer with the id and turn number the journal gave it (none without a journal)."""
        if self.journal is None:
            return answer
        asked = self.journal.record_answer(question, answer)
        return answer.model_copy(update={"answer_id": asked.answer_id, "turn": asked.turn})
