"""The `poles-qa` command as a user runs it: a real process, the real model and corpus."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests_paths import DEFAULT_CORPUS

pytestmark = pytest.mark.slow


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "POLES_QA_INDEX_DIR": str(tmp_path / "index"), "POLES_QA_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "poles_qa", *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("cli")
    result = run(["index", "build", "--corpus", str(DEFAULT_CORPUS)], tmp)
    assert result.returncode == 0, result.stderr
    assert "publié" in result.stdout
    return tmp


def test_ask_json_gives_the_answer_object(built):
    result = run(["ask", "Quels sont les trois axes de la phase 2 ?", "--json"], built)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == {
        "answer", "refused", "confidence", "citations", "conversation_id", "index_version", "answer_id", "turn"
    }  # fmt: skip
    assert answer["answer_id"] and answer["turn"] == 1
    assert not answer["refused"]
    assert "projets structurants" in answer["citations"][0]["text"]
    assert {"n", "doc_id", "title", "section", "text", "score", "source"} <= set(answer["citations"][0])


def test_follow_up_through_the_conversation_option(built):
    first = json.loads(run(["ask", "Quels sont les trois axes de la phase 2 ?", "--json"], built).stdout)
    second = run(["ask", "Et le premier ?", "--json", "--conversation", first["conversation_id"]], built)
    assert json.loads(second.stdout)["conversation_id"] == first["conversation_id"]


def test_bad_questions_exit_with_code_2_and_a_message(built):
    for question in ["", "   ", "x" * 1001, "Quel\x07 budget ?"]:
        result = run(["ask", question], built)
        assert result.returncode == 2
        assert "Erreur" in result.stderr and "Traceback" not in result.stderr


def test_index_status_reports_the_published_version(built):
    result = run(["index", "status"], built)
    assert result.returncode == 0, result.stderr
    assert "Version publiée" in result.stdout and "Documents : 7" in result.stdout


def test_ask_before_any_index_tells_to_build(tmp_path):
    result = run(["ask", "Quel budget ?"], tmp_path)
    assert result.returncode == 2
    assert "poles-qa index build" in result.stderr


def test_empty_corpus_is_an_error_and_writes_no_index(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(["index", "build", "--corpus", str(tmp_path / "empty")], tmp_path)
    assert result.returncode == 2 and "rien à indexer" in result.stderr
    assert not (tmp_path / "index" / "current").exists()


def test_bot_without_a_token_exits_with_a_clear_message(tmp_path):
    env_free = {k: v for k, v in os.environ.items() if k != "POLES_QA_TELEGRAM_BOT_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "poles_qa", "bot"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env_free,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "POLES_QA_TELEGRAM_BOT_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_an_index_of_another_model_asks_for_a_rebuild(tmp_path):
    minilm = {
        **os.environ,
        "POLES_QA_EMBEDDING_MODEL": "all-MiniLM-L6-v2",
        "POLES_QA_INDEX_DIR": str(tmp_path / "index"),
    }
    built = subprocess.run(
        [sys.executable, "-m", "poles_qa", "index", "build", "--corpus", str(DEFAULT_CORPUS)],
        capture_output=True,
        text=True,
        env=minilm,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    result = run(["ask", "Quel budget pour la phase 2 ?"], tmp_path)
    assert result.returncode == 2
    assert "Erreur : L'index publié" in result.stderr and "all-MiniLM-L6-v2" in result.stderr
    assert "reconstruisez l'index avec `poles-qa index build`" in result.stderr


def test_a_second_build_with_nothing_changed_says_so(built):
    result = run(["index", "build", "--corpus", str(DEFAULT_CORPUS)], built)
    assert result.returncode == 0 and "Rien n'a changé" in result.stdout


def test_plain_ask_prints_the_conversation_id_for_a_follow_up(built):
    result = run(["ask", "Quels sont les trois axes de la phase 2 ?"], built)
    assert result.returncode == 0 and "--conversation " in result.stdout


def test_run_without_a_bot_token_says_so_and_how_to_set_it(built):
    import signal
    import time

    import httpx
    from servers import free_port

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "POLES_QA_TELEGRAM_BOT_TOKEN"}
    env |= {"POLES_QA_INDEX_DIR": str(built / "index"), "POLES_QA_DATA_DIR": str(built / "data")}
    env |= {"POLES_QA_TELEGRAM_BOT_TOKEN": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "poles_qa", "run", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=30)[0]
    assert "Bot Telegram non démarré" in output and "POLES_QA_TELEGRAM_BOT_TOKEN" in output
    assert f"http://127.0.0.1:{port}/" in output  # the page's address, printed when ready
