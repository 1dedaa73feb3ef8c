"""The feedback journal in Redis, for deployments where several API processes share one store.

Keys (prefix `poles-qa:feedback:`): `answer:<id>` (the question record, expiring after the retention
period), `turn:<conversation>:<n>` -> answer id, `turns:<conversation>` (the turn counter),
`asked` (answer ids by time), `votes` (hash answer:voter -> vote) with `votes:time` (by time),
`salt` (the voters' hash key, set once). Losing Redis loses journal rows, never an answer.
"""

from __future__ import annotations

import contextlib
import secrets
import time
import uuid

import redis

from qa.feedback import DAY, PURGE_EVERY_SECONDS, AskedQuestion, FeedbackUnavailable, Vote, asked_question, pseudonym
from qa.models import Answer
from qa.redis_state import RedisHealth


class RedisFeedbackStore:
    def __init__(
        self,
        client: redis.Redis,
        health: RedisHealth,
        retention_days: float = 90,
        prefix: str = "poles-qa:feedback:",
    ) -> None:
        self.client, self.health, self.prefix = client, health, prefix
        self.retention_seconds = retention_days * DAY
        self._salt: bytes | None = None
        self._last_purge = 0.0

    def _call(self, work):
        try:
            result = work()
        except redis.RedisError as exc:
            self.health.failed(exc)
            raise FeedbackUnavailable(str(exc)) from exc
        self.health.worked()
        return result

    def voter(self, raw_id: str) -> str:
        if self._salt is None:
            key = self.prefix + "salt"
            self._call(lambda: self.client.set(key, secrets.token_hex(32), nx=True))
            self._salt = bytes.fromhex(self._call(lambda: self.client.get(key)).decode())
        return pseudonym(self._salt, raw_id)

    def record_answer(
        self, question: str, answer: Answer, answer_id: str | None = None, turn: int | None = None
    ) -> AskedQuestion:
        now = time.time()
        conversation_id = answer.conversation_id or ""
        ttl = int(self.retention_seconds)
        answer_id = answer_id or uuid.uuid4().hex
        try:
            if turn is None:
                turn = int(self._call(lambda: self.client.incr(f"{self.prefix}turns:{conversation_id}")))
            record = asked_question(question, answer, answer_id, turn, now)
            pipe = self.client.pipeline()
            pipe.expire(f"{self.prefix}turns:{conversation_id}", ttl)
            pipe.set(f"{self.prefix}answer:{answer_id}", record.to_json(), ex=ttl)
            pipe.set(f"{self.prefix}turn:{conversation_id}:{turn}", answer_id, ex=ttl)
            pipe.zadd(f"{self.prefix}asked", {answer_id: now})
            self._call(pipe.execute)
        except FeedbackUnavailable:
            # Answering beats journaling: the answer goes out, only its journal row is lost.
            return asked_question(question, answer, answer_id, turn or 0, now)
        self._purge_now_and_then(now)
        return record

    def find_answer(
        self, answer_id: str | None = None, conversation_id: str | None = None, turn: int | None = None
    ) -> AskedQuestion | None:
        if not answer_id:
            raw_id = self._call(lambda: self.client.get(f"{self.prefix}turn:{conversation_id}:{turn}"))
            if raw_id is None:
                return None
            answer_id = raw_id.decode()
        raw = self._call(lambda: self.client.get(f"{self.prefix}answer:{answer_id}"))
        return AskedQuestion.from_json(raw) if raw else None

    def record_vote(self, vote: Vote) -> None:
        member = f"{vote.answer_id}:{vote.voter}"
        pipe = self.client.pipeline()
        pipe.hset(f"{self.prefix}votes", member, vote.to_json())
        pipe.zadd(f"{self.prefix}votes:time", {member: vote.created_at})
        self._call(pipe.execute)
        self._purge_now_and_then(vote.created_at)

    def questions(self, since: float, until: float) -> list[AskedQuestion]:
        since = max(since, time.time() - self.retention_seconds)
        ids = self._call(lambda: self.client.zrangebyscore(f"{self.prefix}asked", since, f"({until}"))
        if not ids:
            return []
        raws = self._call(lambda: self.client.mget([f"{self.prefix}answer:{i.decode()}" for i in ids]))
        return [AskedQuestion.from_json(r) for r in raws if r]

    def votes(self, since: float, until: float) -> list[Vote]:
        since = max(since, time.time() - self.retention_seconds)
        members = self._call(lambda: self.client.zrangebyscore(f"{self.prefix}votes:time", since, f"({until}"))
        if not members:
            return []
        raws = self._call(lambda: self.client.hmget(f"{self.prefix}votes", members))
        return [Vote.from_json(r) for r in raws if r]

    def forget_expired(self) -> int:
        cutoff = time.time() - self.retention_seconds
        old_votes = self._call(lambda: self.client.zrangebyscore(f"{self.prefix}votes:time", 0, f"({cutoff}"))
        pipe = self.client.pipeline()
        pipe.zremrangebyscore(f"{self.prefix}asked", 0, f"({cutoff}")  # the records expire by themselves
        if old_votes:
            pipe.hdel(f"{self.prefix}votes", *old_votes)
        pipe.zremrangebyscore(f"{self.prefix}votes:time", 0, f"({cutoff}")
        results = self._call(pipe.execute)
        return int(results[0]) + len(old_votes)

    def _purge_now_and_then(self, now: float) -> None:
        if now - self._last_purge > PURGE_EVERY_SECONDS:
            self._last_purge = now
            with contextlib.suppress(FeedbackUnavailable):  # the next write tries again
                self.forget_expired()
