"""The feedback journal (SQLite and a real Redis) and the editors' report built from it."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
import redis
from redis_server import RedisServer

from qa.feedback import AskedQuestion, FeedbackUnavailable, SQLiteFeedbackStore, Vote, normalize_question
from qa.models import Answer, Citation
from qa.redis_feedback import RedisFeedbackStore
from qa.redis_state import RedisHealth, connect
from qa.report import build_report, report_csv, report_text

BUDGET = Citation(
    n=1, doc_id="poles.txt", chunk_id="poles.txt#a1", title="Les pôles", section="Budget", text="1,5 Md€", score=0.9,
    source="poles.txt",
)  # fmt: skip


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis-feedback"))
    server.start()
    yield server.url
    server.stop()


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield SQLiteFeedbackStore(tmp_path / "feedback.sqlite3")
        return
    client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
    client.flushdb()
    yield RedisFeedbackStore(client, RedisHealth(client))


def answer(conversation: str, text: str = "1,5 milliard d'euros [1]", refused: bool = False) -> Answer:
    citations = [] if refused else [BUDGET]
    return Answer(answer=text, refused=refused, citations=citations, conversation_id=conversation, index_version="v1")


def test_turns_are_numbered_per_conversation_and_found_back(store):
    first = store.record_answer("Quel budget ?", answer("c1"))
    second = store.record_answer("Et par an ?", answer("c1"))
    other = store.record_answer("Quel budget ?", answer("c2"))
    assert (first.turn, second.turn, other.turn) == (1, 2, 1)
    assert store.find_answer(conversation_id="c1", turn=2).question == "Et par an ?"
    assert store.find_answer(answer_id=first.answer_id).citations[0].chunk_id == "poles.txt#a1"
    assert store.find_answer(conversation_id="c1", turn=9) is None
    assert store.find_answer(answer_id="inconnu") is None


def test_voters_are_hashed_and_a_second_vote_replaces_the_first(store):
    asked = store.record_answer("Quel budget ?", answer("c1"))
    voter = store.voter("telegram:123456789")
    assert voter == store.voter("telegram:123456789") and "123456789" not in voter
    store.record_vote(Vote(asked.answer_id, voter, "up", "telegram", None, time.time()))
    store.record_vote(Vote(asked.answer_id, voter, "down", "telegram", "incomplet", time.time()))
    votes = store.votes(0, time.time() + 1)
    assert [(v.vote, v.comment) for v in votes] == [("down", "incomplet")]


def test_rows_older_than_the_retention_are_forgotten(tmp_path):
    store = SQLiteFeedbackStore(tmp_path / "f.sqlite3", retention_days=1)
    asked = store.record_answer("Quel budget ?", answer("c1"))
    store._db.execute("UPDATE questions SET created_at = created_at - 2 * 86400")
    assert store.questions(0, time.time() + 1) == []
    assert store.find_answer(answer_id=asked.answer_id) is None
    assert store.forget_expired() == 1


def test_questions_group_by_their_normalised_form():
    assert normalize_question("  Quel BUDGET pour la phase 2 ?") == normalize_question("quel budget pour la phase 2")
    assert normalize_question("Qu’est-ce qu’un pôle ?") == "qu est ce qu un pole"


def test_report_lists_declined_voted_down_and_most_asked(store):
    now = time.time()
    for conversation in ("a", "b", "c"):
        store.record_answer("Quel budget pour la phase 2 ?", answer(conversation))
    store.record_answer("quel budget pour la phase 2", answer("d"))
    for conversation in ("e", "f"):
        store.record_answer("Qui a gagné la coupe du monde ?", answer(conversation, "Je n'ai pas trouvé…", True))
    bad = store.record_answer("Combien de pôles en 2010 ?", answer("g", "71 pôles [1]"))
    store.record_vote(Vote(bad.answer_id, store.voter("web:1"), "down", "web", '=HYPERLINK("x")', now))
    store.record_vote(Vote(bad.answer_id, store.voter("web:2"), "down", "web", None, now))

    report = build_report(store, 0, now + 1)
    assert report.questions == 7 and report.votes == 2
    top = report.most_asked[0]
    assert (top.question, top.asked, top.declined) == ("quel budget pour la phase 2", 4, 0)
    assert top.cited_passages == ["Les pôles — Budget (poles.txt#a1)"]
    declined = report.declined[0]
    assert (declined.question, declined.declined) == ("Qui a gagné la coupe du monde ?", 2)
    down = report.voted_down[0]
    assert (down.question, down.votes_down, down.answers) == ("Combien de pôles en 2010 ?", 2, ["71 pôles [1]"])

    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert rows[0][:3] == ["liste", "question", "posee"]
    assert rows[1][:4] == ["refusees", "Qui a gagné la coupe du monde ?", "2", "2"]
    down_row = next(r for r in rows if r[0] == "votees_contre")
    assert down_row[-1].startswith("'=HYPERLINK")  # a spreadsheet shows the comment, never runs it


def test_answers_given_with_a_caveat_are_listed_for_the_editors(store):
    doubtful = answer("h", "Les documents ne précisent pas cela pour la phase 3. Le passage le plus proche dit : …")
    for _ in range(2):
        store.record_answer("Quel budget pour la phase 3 ?", doubtful.model_copy(update={"confidence": "low"}))
    store.record_answer("Quel budget pour la phase 2 ?", answer("i"))
    report = build_report(store, 0, time.time() + 1)
    assert [(g.question, g.caveated, g.declined) for g in report.caveated] == [("Quel budget pour la phase 3 ?", 2, 0)]
    assert "Réponses avec réserve" in report_text(report) and "phase 3" in report_text(report)
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert rows[0][4] == "avec_reserve" and ["avec_reserve", "Quel budget pour la phase 3 ?", "2", "0", "2"] in [
        r[:5] for r in rows
    ]
    # A journal written before the confidence was kept reads as confident answers.
    old = json.loads(store.find_answer(conversation_id="i", turn=1).to_json())
    del old["confidence"]
    assert AskedQuestion.from_json(json.dumps(old)).confidence == "high"


def test_an_empty_period_gives_an_empty_report(store):
    store.record_answer("Quel budget ?", answer("c1"))
    report = build_report(store, 0, 1)
    assert (report.questions, report.declined, report.most_asked) == (0, [], [])


def test_redis_down_loses_journal_rows_never_answers(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    client = connect(server.url)
    store = RedisFeedbackStore(client, RedisHealth(client))
    server.stop()
    asked = store.record_answer("Quel budget ?", answer("c1"))
    assert asked.question == "Quel budget ?" and asked.answer_id
    with pytest.raises(FeedbackUnavailable):
        store.find_answer(answer_id=asked.answer_id)
