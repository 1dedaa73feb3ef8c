"""What people asked and how they voted: the journal editors read (`poles-qa report`).

Every answered question is kept with its answer, refusal flag and cited passages under an answer
id and its turn number in the conversation; votes (👍 / 👎, optional comment) from the web page and
the Telegram bot point at one of them. Rows older than the retention period are deleted; voters
are kept only as a keyed hash (HMAC with a random salt stored beside the data), never in clear.
SQLite by default; qa.redis_feedback implements the same protocol for Redis deployments.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import sqlite3
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from index.analysis import fold_accents
from qa.models import Answer
from qa.settings import StateSettings

PURGE_EVERY_SECONDS = 3600  # old rows are deleted on write at most once an hour
DAY = 86400.0
VoteValue = Literal["up", "down"]


class FeedbackUnavailable(RuntimeError):
    """The feedback store cannot be reached (Redis down)."""


@dataclass(frozen=True)
class CitedPassage:
    n: int
    doc_id: str
    chunk_id: str
    title: str
    section: str


@dataclass(frozen=True)
class AskedQuestion:
    """One answered question, as the journal keeps it."""

    answer_id: str
    conversation_id: str
    turn: int  # 1 for the first answer of the conversation
    question: str
    normalized: str
    answer: str
    refused: bool
    citations: list[CitedPassage] = field(default_factory=list)
    index_version: str | None = None
    created_at: float = 0.0
    confidence: str = "high"  # "low": answered with the caveat; journals from before it have none

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str | bytes) -> AskedQuestion:
        data = json.loads(raw)
        data["citations"] = [CitedPassage(**c) for c in data.get("citations", [])]
        return cls(**data)


@dataclass(frozen=True)
class Vote:
    """A 👍 / 👎 on one answer; a voter's later vote on the same answer replaces the earlier one."""

    answer_id: str
    voter: str  # pseudonym(raw id), never the id itself
    vote: VoteValue
    channel: str  # "web" or "telegram"
    comment: str | None = None
    created_at: float = 0.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str | bytes) -> Vote:
        return cls(**json.loads(raw))


def normalize_question(text: str) -> str:
    """The form questions are grouped by: no accents, no case, no punctuation, single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", fold_accents(text)).split())


def asked_question(question: str, answer: Answer, answer_id: str, turn: int, now: float) -> AskedQuestion:
    citations = [CitedPassage(c.n, c.doc_id, c.chunk_id, c.title, c.section) for c in answer.citations]
    return AskedQuestion(
        answer_id=answer_id,
        conversation_id=answer.conversation_id or "",
        turn=turn,
        question=question,
        normalized=normalize_question(question),
        answer=answer.answer,
        refused=answer.refused,
        citations=citations,
        index_version=answer.index_version,
        created_at=now,
        confidence=answer.confidence,
    )


def pseudonym(salt: bytes, raw_id: str) -> str:
    """A stable keyed hash: the same person groups together, the id cannot be read back."""
    return hmac.new(salt, raw_id.encode(), hashlib.sha256).hexdigest()[:20]


class FeedbackStore(Protocol):
    """Where the journal lives; SQLite and Redis implement the same calls."""

    retention_seconds: float

    def record_answer(
        self, question: str, answer: Answer, answer_id: str | None = None, turn: int | None = None
    ) -> AskedQuestion:
        """Keep an answer; without an id or turn, the store gives the next ones."""
        ...

    def find_answer(
        self, answer_id: str | None = None, conversation_id: str | None = None, turn: int | None = None
    ) -> AskedQuestion | None: ...

    def record_vote(self, vote: Vote) -> None: ...

    def voter(self, raw_id: str) -> str:
        """The pseudonym stored for a user id or client address."""
        ...

    def questions(self, since: float, until: float) -> list[AskedQuestion]: ...

    def votes(self, since: float, until: float) -> list[Vote]: ...

    def forget_expired(self) -> int:
        """Delete what is older than the retention period; returns the rows removed."""
        ...


class SQLiteFeedbackStore:
    """The journal in one SQLite file (shared by the API and `poles-qa report`)."""

    def __init__(self, path: Path, retention_days: float = 90) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.retention_seconds = retention_days * DAY
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # as in qa.conversation: no disk sync per question
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS questions (answer_id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL,
                turn INTEGER NOT NULL, created_at REAL NOT NULL, record TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS questions_by_turn ON questions (conversation_id, turn);
            CREATE INDEX IF NOT EXISTS questions_by_time ON questions (created_at);
            CREATE TABLE IF NOT EXISTS votes (answer_id TEXT NOT NULL, voter TEXT NOT NULL,
                created_at REAL NOT NULL, record TEXT NOT NULL, PRIMARY KEY (answer_id, voter));
            CREATE INDEX IF NOT EXISTS votes_by_time ON votes (created_at);
            """
        )
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('salt', ?)", (secrets.token_hex(32),))
        self._salt = bytes.fromhex(self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0])
        self._last_purge = 0.0

    def voter(self, raw_id: str) -> str:
        return pseudonym(self._salt, raw_id)

    def record_answer(
        self, question: str, answer: Answer, answer_id: str | None = None, turn: int | None = None
    ) -> AskedQuestion:
        now = time.time()
        conversation_id = answer.conversation_id or ""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")  # the turn number is read and written as one step
            try:
                if turn is None:
                    row = self._db.execute(
                        "SELECT COALESCE(MAX(turn), 0) FROM questions WHERE conversation_id = ?", (conversation_id,)
                    ).fetchone()
                    turn = row[0] + 1
                record = asked_question(question, answer, answer_id or uuid.uuid4().hex, turn, now)
                self._db.execute(
                    "INSERT OR REPLACE INTO questions VALUES (?, ?, ?, ?, ?)",
                    (record.answer_id, conversation_id, turn, now, record.to_json()),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        self._purge_now_and_then(now)
        return record

    def find_answer(
        self, answer_id: str | None = None, conversation_id: str | None = None, turn: int | None = None
    ) -> AskedQuestion | None:
        since = time.time() - self.retention_seconds
        with self._lock:
            if answer_id:
                row = self._db.execute(
                    "SELECT record FROM questions WHERE answer_id = ? AND created_at >= ?", (answer_id, since)
                ).fetchone()
            else:
                row = self._db.execute(
                    "SELECT record FROM questions WHERE conversation_id = ? AND turn = ? AND created_at >= ? "
                    "ORDER BY created_at DESC LIMIT 1",
                    (conversation_id or "", turn or 0, since),
                ).fetchone()
        return AskedQuestion.from_json(row[0]) if row else None

    def record_vote(self, vote: Vote) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO votes VALUES (?, ?, ?, ?)",
                (vote.answer_id, vote.voter, vote.created_at, vote.to_json()),
            )
        self._purge_now_and_then(vote.created_at)

    def questions(self, since: float, until: float) -> list[AskedQuestion]:
        return [AskedQuestion.from_json(r) for r in self._records("questions", since, until)]

    def votes(self, since: float, until: float) -> list[Vote]:
        return [Vote.from_json(r) for r in self._records("votes", since, until)]

    def _records(self, table: str, since: float, until: float) -> list[str]:
        """The JSON records of one table (« questions » or « votes ») written in [since, until), oldest first."""
        since = max(since, time.time() - self.retention_seconds)
        with self._lock:
            rows = self._db.execute(
                f"SELECT record FROM {table} WHERE created_at >= ? AND created_at < ? ORDER BY created_at",
                (since, until),
            ).fetchall()
        return [r[0] for r in rows]

    def forget_expired(self) -> int:
        cutoff = time.time() - self.retention_seconds
        with self._lock:
            removed = self._db.execute("DELETE FROM questions WHERE created_at < ?", (cutoff,)).rowcount
            removed += self._db.execute("DELETE FROM votes WHERE created_at < ?", (cutoff,)).rowcount
        return removed

    def _purge_now_and_then(self, now: float) -> None:
        if now - self._last_purge > PURGE_EVERY_SECONDS:
            self._last_purge = now
            self.forget_expired()

    def close(self) -> None:
        self._db.close()


def open_feedback_store(settings: StateSettings, redis_client=None, health=None) -> FeedbackStore:
    """SQLite in POLES_QA_DATA_DIR, or Redis when POLES_QA_REDIS_URL is set (the API passes its client)."""
    if not settings.redis_url:
        return SQLiteFeedbackStore(settings.data_dir / "feedback.sqlite3", settings.feedback_retention_days)
    from qa.redis_feedback import RedisFeedbackStore
    from qa.redis_state import RedisHealth, connect

    client = redis_client or connect(settings.redis_url)
    return RedisFeedbackStore(client, health or RedisHealth(client), settings.feedback_retention_days)
