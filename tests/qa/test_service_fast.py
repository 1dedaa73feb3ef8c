"""The answer service, retriever and composer end to end with the fake encoder: fast, no model."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import FakeEncoder, service_on
from settings_for_tests import server_settings

from index.retriever import HybridRetriever
from index.versions import load_published
from qa.models import REFUSAL
from qa.runtime import build_runtime
from qa.service import AnswerService, IndexNotReadyError
from qa.validation import QuestionError


@pytest.fixture(scope="module")
def retriever(page_index):
    return HybridRetriever(load_published(page_index), FakeEncoder())


def test_a_count_after_a_count_is_offered_the_passage_after_the_one_quoted(retriever):
    chunks = retriever.bundle.chunks
    for row, after in enumerate(retriever.next_rows):  # each passage's next is the one after it in its document
        if after >= 0:
            assert chunks[after].doc_id == chunks[row].doc_id and chunks[after].start > chunks[row].start
    assert retriever.next_rows.count(-1) == len({c.doc_id for c in chunks})  # one last passage per document
    quoted = next(r for r, c in enumerate(chunks) if "1,5 milliard" in c.text)
    query = retriever.analyse("Et combien de pôles en tout ?", "Quel budget l'État consacre-t-il à la phase 2 ?")
    plain = retriever.search(query, k=1)
    again = retriever.search(replace(query, figure_given=chunks[quoted].text[:80]), k=1)
    assert not any(h.follows_quoted for h in plain)
    offered = [h.chunk for h in again if h.follows_quoted]  # beside the best, not in its place
    assert offered == [chunks[retriever.next_rows[quoted]]] and again[0].chunk == plain[0].chunk


def make_service(tmp_path, page_index=None) -> AnswerService:
    if page_index is None:  # nothing published yet: the service exists, no index is served
        return build_runtime(
            server_settings(index_dir=tmp_path / "none", data_dir=tmp_path), encoder=FakeEncoder()
        ).service
    return service_on(page_index, FakeEncoder(), tmp_path)


def test_retriever_ranks_the_passage_with_the_answer_first(retriever):
    hits = retriever.search(retriever.analyse("Quels sont les trois axes de la phase 2 ?"), k=3)
    assert "projets structurants" in hits[0].chunk.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_service_cites_the_passage_its_answer_quotes(tmp_path, page_index, retriever):
    answer = make_service(tmp_path, page_index).ask("Quel budget l'État consacre-t-il à la phase 2 ?")
    assert not answer.refused and "1,5 milliard" in answer.answer and "[1]" in answer.answer
    assert "1,5 milliard" in answer.citations[0].text
    assert answer.index_version == retriever.version


def test_service_declines_what_the_documents_do_not_hold(tmp_path, page_index, retriever):
    answer = make_service(tmp_path, page_index).ask("Quelle est la recette de la ratatouille ?")
    assert answer.refused and answer.answer == REFUSAL and answer.citations == []


def test_follow_up_reads_the_previous_turn(tmp_path, page_index, retriever):
    service = make_service(tmp_path, page_index)
    first = service.ask("Qu'est-ce que les GTI ?")
    second = service.ask("Et qui les anime ?", first.conversation_id)
    assert second.conversation_id == first.conversation_id
    assert len(service.store.turns(first.conversation_id)) == 2


def test_a_bad_question_loses_nothing(tmp_path, page_index, retriever):
    service = make_service(tmp_path, page_index)
    first = service.ask("Qu'est-ce que les GTI ?")
    with pytest.raises(QuestionError, match="vide"):
        service.ask(" \n ", first.conversation_id)
    assert len(service.store.turns(first.conversation_id)) == 1


def test_no_index_yet_is_a_clear_error(tmp_path):
    with pytest.raises(IndexNotReadyError, match="pas encore chargé"):
        make_service(tmp_path).ask("Quel budget ?")
