"""The answer API on a real uvicorn server on a free port, with the real model and corpus."""

from __future__ import annotations

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from servers import LiveServer
from settings_for_tests import api_settings, server_settings
from tests_paths import SOURCE_PAGE, UPDATES

from index.builder import build_index
from index.versions import IndexVersions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live(tmp_path_factory, real_encoder):
    from api.main import create_app

    tmp = tmp_path_factory.mktemp("api")
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(SOURCE_PAGE, corpus)
    values = {"corpus_dir": corpus, "index_dir": tmp / "index", "data_dir": tmp / "data", "rate_limit_per_minute": 1000}
    settings = server_settings(**values)
    # The first start builds the index of the corpus itself.
    app = create_app(api_settings(admin_token="jeton-admin", reload_poll_seconds=0.5), settings)
    with LiveServer(app) as server:
        server.settings, server.values, server.corpus = settings, values, corpus
        yield server


def ask(live, payload, **kw) -> httpx.Response:
    return httpx.post(live.url + "/ask", json=payload, timeout=30, **kw)


def test_cited_answer(live):
    response = ask(live, {"question": "Quels sont les trois axes de la phase 2 ?"})
    assert response.status_code == 200
    body = response.json()
    assert not body["refused"] and "[1]" in body["answer"]
    assert "projets structurants" in body["citations"][0]["text"]
    assert body["index_version"] and body["conversation_id"]


def test_two_turn_follow_up_with_a_conversation_id(live):
    first = ask(live, {"question": "Quels sont les trois axes de la phase 2 ?"}).json()
    second = ask(live, {"question": "Et les plates-formes d'innovation ?", "conversation_id": first["conversation_id"]})
    assert second.json()["conversation_id"] == first["conversation_id"]
    assert "plates-formes" in second.json()["answer"]


def test_out_of_scope_question_is_declined(live):
    body = ask(live, {"question": "Qui a gagné la coupe du monde de football en 2018 ?"}).json()
    assert body["refused"] and body["citations"] == []


def test_unknown_conversation_id_starts_a_new_conversation(live):
    body = ask(live, {"question": "Que sont les GTI ?", "conversation_id": "inconnu-123"}).json()
    assert body["conversation_id"] == "inconnu-123" and "ateliers d'échanges" in body["citations"][0]["text"]


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "JSON"),
        ({"json": {}}, 422, "question"),
        ({"json": {"question": 42}}, 422, "question"),
        ({"json": {"question": "ok ?", "top_k": "many"}}, 422, "top_k"),
        ({"content": b'{"question": "ok ?"}', "headers": {"content-type": "text/plain"}}, 422, "application/json"),
        ({"content": b'["ok ?"]', "headers": {"content-type": "application/json"}}, 422, "objet JSON"),
        ({"json": {"question": "ok ?", "extra": 1}}, 422, "champ inconnu"),
        ({"json": {"question": "   "}}, 400, "vide"),
        ({"json": {"question": "x" * 1001}}, 400, "trop longue"),
        ({"json": {"question": "Quel\x07 budget ?"}}, 400, "contrôle"),
        ({"json": {"question": "x" * 70_000}}, 413, "trop grand"),
        ({"content": b'{"question": "\xff\xfe"}', "headers": {"content-type": "application/json"}}, 400, "UTF-8"),
    ],
)
def test_bad_input_gets_a_clear_4xx(live, kwargs, status, words):
    response = httpx.post(live.url + "/ask", timeout=30, **kwargs)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert words in detail and "Input should" not in detail and "error parsing" not in detail
    assert ask(live, {"question": "Que sont les GTI ?"}).status_code == 200  # still answering


def test_emoji_and_right_to_left_text_get_a_normal_answer(live):
    response = ask(live, {"question": "🙂 Quel budget pour la phase 2 ? مرحبا"})
    assert response.status_code == 200 and "1,5 milliard" in response.json()["answer"]


def test_health_sources_and_metrics(live):
    assert httpx.get(live.url + "/health").json() == {"status": "ok"}
    sources = httpx.get(live.url + "/sources").json()
    assert [d["doc_id"] for d in sources["documents"]] == ["poles-phase2-2009-2012.txt"]
    ask(live, {"question": "Quelle est la recette de la ratatouille ?"})
    httpx.get(live.url + "/openapi.json")
    metrics = httpx.get(live.url + "/metrics").text
    assert 'route="/openapi.json"' in metrics and 'route="unmatched",status="200"' not in metrics
    assert 'poles_qa_http_requests_total{method="POST",route="/ask",status="200"}' in metrics
    assert "poles_qa_refusals_total" in metrics and "poles_qa_index_chunks" in metrics
    assert "poles_qa_http_request_seconds_bucket" in metrics


def test_admin_reload_needs_the_token(live):
    assert httpx.post(live.url + "/admin/reload").status_code == 401
    assert httpx.post(live.url + "/admin/reload", headers={"Authorization": "Bearer faux"}).status_code == 401
    ok = httpx.post(live.url + "/admin/reload", headers={"Authorization": "Bearer jeton-admin"}, timeout=60)
    assert ok.status_code == 200 and ok.json()["index_version"]


def test_reload_under_load_serves_the_new_documents_without_a_failed_request(live, real_encoder):
    for path in UPDATES.iterdir():
        shutil.copy(path, live.corpus / path.name)
    old = httpx.get(live.url + "/ready").json()["index_version"]
    stop = threading.Event()

    def hammer() -> list[int]:
        codes = []
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                codes.append(
                    client.post(
                        live.url + "/ask", json={"question": "Où s'est tenue la journée de lancement ?"}
                    ).status_code
                )
        return codes

    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(hammer) for _ in range(4)]
        try:
            build_index([live.corpus], live.settings.index.index_dir, real_encoder)
            deadline = time.monotonic() + 30
            while httpx.get(live.url + "/ready").json()["index_version"] == old and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(1)
        finally:
            stop.set()  # the hammering threads end even when the test fails
        codes = [c for f in futures for c in f.result()]
    assert codes and set(codes) == {200}
    body = ask(live, {"question": "Où s'est tenue la journée de lancement de Pôles 2.0 ?"}).json()
    assert "Bercy" in body["citations"][0]["text"] and body["index_version"] != old


def test_broken_published_index_is_refused_and_the_old_one_keeps_serving(live):
    served = httpx.get(live.url + "/ready").json()["index_version"]
    versions = IndexVersions(live.settings.index.index_dir)
    broken = versions.versions_dir / "99999999T000000000000Z-broken"
    shutil.copytree(versions.current(), broken)
    (broken / "dense.faiss").write_bytes(b"truncated")
    link = Path(live.settings.index.index_dir) / "current"
    good = link.readlink()
    link.unlink()
    link.symlink_to(Path("versions") / broken.name)
    try:
        time.sleep(1.5)
        ready = httpx.get(live.url + "/ready").json()
        assert ready["index_version"] == served and "dense.faiss" in ready["reason"]
        assert ask(live, {"question": "Que sont les GTI ?"}).status_code == 200
    finally:
        link.unlink()
        link.symlink_to(good)


def test_schema_fuzzer_finds_nothing(live):
    """schemathesis against the live /openapi.json: no server error, codes and bodies as documented."""
    import subprocess
    import sys

    cli = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [
            str(cli),
            "run",
            live.url + "/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "25",
            "-w",
            "1",
            "-H",
            "Authorization: Bearer jeton-admin",
            "--seed",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "No issues found" in result.stdout


def test_rate_limit_answers_429_with_retry_after(tmp_path, live):
    from api.main import create_app

    settings = server_settings(**{**live.values, "rate_limit_per_minute": 3, "data_dir": tmp_path})
    with LiveServer(create_app(api_settings(reload_poll_seconds=0), settings)) as server:
        codes = [httpx.post(server.url + "/ask", json={"question": "Que sont les GTI ?"}, timeout=30) for _ in range(4)]
    assert [c.status_code for c in codes] == [200, 200, 200, 429]
    assert int(codes[-1].headers["Retry-After"]) >= 1 and "Trop de requêtes" in codes[-1].json()["detail"]


def test_admin_routes_are_absent_without_a_token(tmp_path, live):
    from api.main import create_app

    settings = server_settings(**{**live.values, "data_dir": tmp_path})
    with LiveServer(create_app(api_settings(admin_token=None, reload_poll_seconds=0), settings)) as server:
        assert httpx.post(server.url + "/admin/reload", headers={"Authorization": "Bearer x"}).status_code == 404


def wait_for_version_change(live, old: str) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        version = httpx.get(live.url + "/ready").json()["index_version"]
        if version != old:
            return version
        time.sleep(0.2)
    raise AssertionError("the new index was not taken up")


def test_changed_and_deleted_documents_are_taken_up_live(live, real_encoder):
    note = live.corpus / "note-comite.md"
    question = {"question": "Combien de membres compte le comité de suivi des pôles ?"}
    note.write_text("# Le comité de suivi\n\nLe comité de suivi des pôles compte douze membres.\n", encoding="utf-8")
    old = httpx.get(live.url + "/ready").json()["index_version"]
    build_index([live.corpus], live.settings.index.index_dir, real_encoder)
    old = wait_for_version_change(live, old)
    assert "douze membres" in ask(live, question).json()["answer"]

    note.write_text("# Le comité de suivi\n\nLe comité de suivi des pôles compte quinze membres.\n", encoding="utf-8")
    build_index([live.corpus], live.settings.index.index_dir, real_encoder)
    old = wait_for_version_change(live, old)
    body = ask(live, question).json()
    assert "quinze membres" in body["answer"] and "douze" not in str(body)

    note.unlink()
    build_index([live.corpus], live.settings.index.index_dir, real_encoder)
    wait_for_version_change(live, old)
    body = ask(live, question).json()
    assert all(c["doc_id"] != "note-comite.md" for c in body["citations"])
    sources = [d["doc_id"] for d in httpx.get(live.url + "/sources").json()["documents"]]
    assert "note-comite.md" not in sources
