"""The answer service: one question in, one cited answer out, with conversation memory."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from index.retriever import HybridRetriever
from qa.composer import AnswerComposer
from qa.conversation import ConversationStore, Turn
from qa.followup import context_for, is_follow_up
from qa.models import Answer
from qa.smalltalk import smalltalk_reply
from qa.validation import validate_question


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
        max_unknown_share: float,
        top_k: int,
        max_question_chars: int,
        retriever: HybridRetriever | None = None,
    ) -> None:
        self.store = store
        self.refusal_threshold = refusal_threshold
        self.max_unknown_share = max_unknown_share
        self.top_k = top_k
        self.max_question_chars = max_question_chars
        self._engine: Engine | None = None
        if retriever is not None:
            self.swap(retriever)

    def swap(self, retriever: HybridRetriever) -> None:
        """Serve a new index version; requests in flight finish on the one they started with."""
        self._engine = Engine(retriever, AnswerComposer(retriever, self.refusal_threshold, self.max_unknown_share))

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
            return Answer(
                answer=reply, refused=False, conversation_id=conversation_id, index_version=engine.retriever.version
            )
        history = [t.resolved_query for t in self.store.turns(conversation_id) if not t.refused]
        k = top_k or self.top_k
        context = context_for(history) if history and is_follow_up(text, engine.retriever.analyzer) else ""
        composition = engine.composer.compose(text, engine.retriever.search(text, k, context), context)
        if composition.refused and history and not context:
            # Not recognised as a follow-up, but maybe it only makes sense with the last turn.
            context = context_for(history)
            retry = engine.composer.compose(text, engine.retriever.search(text, k, context), context)
            composition = retry if not retry.refused else composition
            context = context if not retry.refused else ""
        self.store.append(
            conversation_id,
            Turn(text, f"{context} {text}".strip(), composition.answer, composition.refused, time.time()),
        )
        return Answer(
            answer=composition.answer,
            refused=composition.refused,
            citations=composition.citations,
            conversation_id=conversation_id,
            index_version=engine.retriever.version,
        )
