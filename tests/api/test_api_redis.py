"""Two API processes on two ports share conversations and rate limits through a real Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from redis_server import RedisServer
from servers import free_port

pytestmark = pytest.mark.slow


class ApiProcess:
    def __init__(self, env: dict) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "poles_qa", "serve", "--port", str(self.port)],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/ready", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("API process did not become ready")

    def ask(self, question: str, conversation_id: str | None = None) -> httpx.Response:
        return httpx.post(
            self.url + "/ask", json={"question": question, "conversation_id": conversation_id}, timeout=30
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def two_apis(tmp_path_factory, real_index, redis_server):
    env = {
        "POLES_QA_INDEX_DIR": str(real_index),
        "POLES_QA_REDIS_URL": redis_server.url,
        "POLES_QA_RATE_LIMIT_PER_MINUTE": "8",
        "POLES_QA_RELOAD_POLL_SECONDS": "0",
    }
    apis = [ApiProcess({**env, "POLES_QA_DATA_DIR": str(tmp_path_factory.mktemp(f"api{i}"))}) for i in range(2)]
    try:
        for api in apis:
            api.wait_ready()
        yield apis
    finally:
        for api in apis:
            api.stop()


def test_follow_up_on_the_second_process_uses_the_first_question(two_apis):
    first, second = two_apis
    opening = first.ask("Qu'est-ce que les plates-formes d'innovation ?").json()
    follow_up = second.ask("Et combien l'État y consacre-t-il par an ?", opening["conversation_id"]).json()
    assert "35 millions" in follow_up["answer"]
    assert follow_up["citations"][0]["doc_id"] == "plates-formes-innovation.md"


def test_redis_down_degrades_then_recovers(two_apis, redis_server):
    first, second = two_apis
    redis_server.stop()
    try:
        ready = httpx.get(first.url + "/ready").json()
        assert ready["status"] == "degraded" and "Redis" in ready["reason"]
        single = first.ask("Quel pôle travaille sur la géothermie ?")
        assert single.status_code == 200 and "Avenia" in single.json()["citations"][0]["text"]
        lost = second.ask(
            "Qui l'a réalisée ?", first.ask("Parle-moi de l'évaluation de la première phase.").json()["conversation_id"]
        )
        assert lost.status_code == 200 and lost.json()["refused"]  # context lost while Redis is away
    finally:
        redis_server.start()
    assert httpx.get(first.url + "/ready").json()["status"] == "ready"
    opening = first.ask("Parle-moi de l'évaluation de la première phase.").json()
    back = second.ask("Qui l'a réalisée ?", opening["conversation_id"]).json()
    assert not back["refused"]


def test_rate_limit_holds_across_both_processes(two_apis, redis_server):
    import redis

    redis.Redis.from_url(redis_server.url).flushdb()
    first, second = two_apis
    codes = [(first if i % 2 else second).ask("Que sont les GTI ?").status_code for i in range(10)]
    assert codes[:8] == [200] * 8 and codes[8:] == [429, 429]
