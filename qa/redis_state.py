"""Shared state in Redis for several API processes: conversations and rate limits.

Redis down is a degraded mode, never a failure: single questions keep being answered, follow-up
context is lost until Redis is back, rate limits are not enforced, and it is logged once a minute.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import asdict

import redis

from qa.conversation import Turn

log = logging.getLogger(__name__)
LOG_EVERY_SECONDS = 60


class RedisHealth:
    """Remembers whether the last Redis call worked, and rate-limits the warnings."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client
        self.ok = True
        self.error: str | None = None
        self._last_log = 0.0

    def failed(self, exc: Exception) -> None:
        self.ok, self.error = False, str(exc)
        now = time.monotonic()
        if now - self._last_log >= LOG_EVERY_SECONDS:
            self._last_log = now
            log.warning("Redis unavailable, degraded mode (no follow-ups, no shared rate limit): %s", exc)

    def probe(self) -> bool:
        """Ping Redis now (for readiness checks) and return whether it answered."""
        try:
            self.client.ping()
        except redis.RedisError as exc:
            self.failed(exc)
            return False
        self.worked()
        return True

    def worked(self) -> None:
        if not self.ok:
            log.info("Redis is back: follow-ups and shared rate limits restored")
        self.ok, self.error = True, None


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5, health_check_interval=10)


class RedisConversationStore:
    """Turns in a Redis list per conversation, capped, expiring `ttl_seconds` after the last turn."""

    def __init__(
        self,
        client: redis.Redis,
        health: RedisHealth,
        max_turns: int = 6,
        ttl_seconds: int = 86400,
        prefix: str = "poles-qa:conversation:",
    ) -> None:
        self.client, self.health = client, health
        self.max_turns, self.ttl_seconds, self.prefix = max_turns, ttl_seconds, prefix

    def turns(self, conversation_id: str) -> list[Turn]:
        try:
            raw = self.client.lrange(self.prefix + conversation_id, -self.max_turns, -1)
        except redis.RedisError as exc:
            self.health.failed(exc)
            return []
        self.health.worked()
        return [Turn(**json.loads(item)) for item in raw]

    def append(self, conversation_id: str, turn: Turn) -> None:
        key = self.prefix + conversation_id
        try:
            pipe = self.client.pipeline()
            pipe.rpush(key, json.dumps(asdict(turn), ensure_ascii=False))
            pipe.ltrim(key, -self.max_turns, -1)
            pipe.expire(key, self.ttl_seconds)
            pipe.execute()
        except redis.RedisError as exc:
            self.health.failed(exc)
            return
        self.health.worked()

    def clear(self, conversation_id: str) -> None:
        try:
            self.client.delete(self.prefix + conversation_id)
        except redis.RedisError as exc:
            self.health.failed(exc)


class RedisRateLimiter:
    """The sliding-window limit of qa.ratelimit, shared by every process through a sorted set."""

    def __init__(
        self,
        client: redis.Redis,
        health: RedisHealth,
        per_minute: int,
        window: float = 60.0,
        prefix: str = "poles-qa:rate:",
    ) -> None:
        self.client, self.health = client, health
        self.per_minute, self.window, self.prefix = per_minute, window, prefix

    def check(self, key: str) -> int | None:
        if self.per_minute <= 0:
            return None
        now = time.time()
        name = self.prefix + key
        try:
            pipe = self.client.pipeline()  # MULTI/EXEC: the four steps run as one
            pipe.zremrangebyscore(name, 0, now - self.window)
            pipe.zadd(name, {f"{now}:{uuid.uuid4().hex[:8]}": now})
            pipe.zcard(name)
            pipe.zrange(name, 0, 0, withscores=True)
            pipe.expire(name, int(self.window) + 1)
            _, _, count, oldest, _ = pipe.execute()
        except redis.RedisError as exc:
            self.health.failed(exc)
            return None  # fail open: answering beats refusing while Redis is away
        self.health.worked()
        if count <= self.per_minute:
            return None
        return max(1, int(oldest[0][1] + self.window - now) + 1)
