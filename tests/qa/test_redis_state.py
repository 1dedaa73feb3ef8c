"""Redis conversation store and rate limiter against a real redis-server."""

import time

import pytest
from redis_server import RedisServer

from qa.conversation import Turn
from qa.redis_state import RedisConversationStore, RedisHealth, RedisRateLimiter, connect


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def turn(q: str) -> Turn:
    return Turn(q, q, "réponse", False, time.time())


def test_store_caps_history_and_sets_an_expiry(redis_server):
    client = connect(redis_server.url)
    store = RedisConversationStore(client, RedisHealth(client), max_turns=2, ttl_seconds=30)
    for q in ["q1", "q2", "q3"]:
        store.append("c", turn(q))
    assert [t.question for t in store.turns("c")] == ["q2", "q3"]
    assert 0 < client.ttl("poles-qa:conversation:c") <= 30
    store.clear("c")
    assert store.turns("c") == []


def test_rate_limit_is_shared_by_two_limiters(redis_server):
    first, second = connect(redis_server.url), connect(redis_server.url)
    a = RedisRateLimiter(first, RedisHealth(first), per_minute=3)
    b = RedisRateLimiter(second, RedisHealth(second), per_minute=3)
    assert [a.check("ip"), b.check("ip"), a.check("ip")] == [None, None, None]
    assert b.check("ip") >= 1 and a.check("other") is None


def test_redis_down_degrades_without_raising(redis_server):
    client = connect(redis_server.url)
    health = RedisHealth(client)
    store = RedisConversationStore(client, health)
    limiter = RedisRateLimiter(client, health, per_minute=1)
    store.append("c", turn("q1"))
    redis_server.stop()
    assert store.turns("c") == [] and not health.ok
    store.append("c", turn("q2"))
    assert limiter.check("ip") is None and not health.probe()
    redis_server.start()
    assert health.probe() and health.ok
