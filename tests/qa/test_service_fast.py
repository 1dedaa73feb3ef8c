"""The answer service, retriever and composer end to end with the fake encoder: fast, no model."""

from __future__ import annotations

import pytest
from tests_paths import SOURCE_PAGE

from index.builder import build_index
from index.retriever import HybridRetriever
from index.versions import load_published
from qa.conversation import SQLiteConversationStore
from qa.models import REFUSAL
from qa.service import AnswerService, IndexNotReadyError
from qa.settings import AnswerSettings
from qa.validation import QuestionError


@pytest.fixture(scope="module")
def retriever(tmp_path_factory):
    from conftest import FakeEncoder

    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / SOURCE_PAGE.name).write_bytes(SOURCE_PAGE.read_bytes())
    root = tmp_path_factory.mktemp("index")
    encoder = FakeEncoder()
    build_index([corpus], root, encoder)
    return HybridRetriever(load_published(root), encoder)


def make_service(tmp_path, retriever=None) -> AnswerService:
    answer = AnswerSettings()
    return AnswerService(
        store=SQLiteConversationStore(tmp_path / "c.sqlite3"),
        refusal_threshold=answer.refusal_threshold,
        min_evidence=answer.refusal_min_evidence,
        top_k=answer.top_k,
        max_question_chars=answer.max_question_chars,
        retriever=retriever,
    )


def test_retriever_ranks_the_passage_with_the_answer_first(retriever):
    hits = retriever.search(retriever.analyse("Quels sont les trois axes de la phase 2 ?"), k=3)
    assert "projets structurants" in hits[0].chunk.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_service_cites_the_passage_its_answer_quotes(tmp_path, retriever):
    answer = make_service(tmp_path, retriever).ask("Quel budget l'État consacre-t-il à la phase 2 ?")
    assert not answer.refused and "1,5 milliard" in answer.answer and "[1]" in answer.answer
    assert "1,5 milliard" in answer.citations[0].text
    assert answer.index_version == retriever.version


def test_service_declines_what_the_documents_do_not_hold(tmp_path, retriever):
    answer = make_service(tmp_path, retriever).ask("Quelle est la recette de la ratatouille ?")
    assert answer.refused and answer.answer == REFUSAL and answer.citations == []


def test_follow_up_reads_the_previous_turn(tmp_path, retriever):
    service = make_service(tmp_path, retriever)
    first = service.ask("Qu'est-ce que les GTI ?")
    second = service.ask("Et qui les anime ?", first.conversation_id)
    assert second.conversation_id == first.conversation_id
    assert len(service.store.turns(first.conversation_id)) == 2


def test_a_bad_question_loses_nothing(tmp_path, retriever):
    service = make_service(tmp_path, retriever)
    first = service.ask("Qu'est-ce que les GTI ?")
    with pytest.raises(QuestionError, match="vide"):
        service.ask(" \n ", first.conversation_id)
    assert len(service.store.turns(first.conversation_id)) == 1


def test_no_index_yet_is_a_clear_error(tmp_path):
    with pytest.raises(IndexNotReadyError, match="pas encore chargé"):
        make_service(tmp_path).ask("Quel budget ?")
