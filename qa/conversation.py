"""Conversation turns behind a small store interface; SQLite by default."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

SWEEP_SECONDS = 60  # expired conversations are deleted at most once a minute, not on every write


@dataclass(frozen=True)
class Turn:
    question: str
    resolved_query: str  # the question with the context it was read in
    answer: str
    refused: bool
    created_at: float


class ConversationStore(Protocol):
    """Where conversations live; a Redis store implements the same three calls."""

    def turns(self, conversation_id: str) -> list[Turn]: ...

    def append(self, conversation_id: str, turn: Turn) -> None: ...

    def clear(self, conversation_id: str) -> None: ...


class SQLiteConversationStore:
    """Turns in one SQLite file; keeps the last `max_turns` and forgets after `ttl_seconds`."""

    def __init__(self, path: Path, max_turns: int = 6, ttl_seconds: int = 86400) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.max_turns = max_turns
        self.ttl_seconds = ttl_seconds
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL never corrupts the file; a power cut may lose the last turns,
        # which is an acceptable price for not syncing the disk on every question.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS turns (conversation_id TEXT NOT NULL, created_at REAL NOT NULL,"
            " turn TEXT NOT NULL)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (conversation_id, created_at)")
        self._db.execute("CREATE INDEX IF NOT EXISTS turns_by_time ON turns (created_at)")
        self._last_sweep = 0.0

    def turns(self, conversation_id: str) -> list[Turn]:
        since = time.time() - self.ttl_seconds
        with self._lock:
            rows = self._db.execute(
                "SELECT turn FROM turns WHERE conversation_id = ? AND created_at >= ? "
                "ORDER BY created_at DESC, rowid DESC LIMIT ?",
                (conversation_id, since, self.max_turns),
            ).fetchall()
        return [Turn(**json.loads(row[0])) for row in reversed(rows)]

    def append(self, conversation_id: str, turn: Turn) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO turns (conversation_id, created_at, turn) VALUES (?, ?, ?)",
                (conversation_id, turn.created_at, json.dumps(asdict(turn), ensure_ascii=False)),
            )
            # Keep the history cap and the expiry on write, so the file does not grow forever.
            self._db.execute(
                "DELETE FROM turns WHERE conversation_id = ? AND rowid NOT IN (SELECT rowid FROM turns"
                " WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?)",
                (conversation_id, conversation_id, self.max_turns),
            )
            now = time.time()
            if now - self._last_sweep > SWEEP_SECONDS:
                self._db.execute("DELETE FROM turns WHERE created_at < ?", (now - self.ttl_seconds,))
                self._last_sweep = now

    def clear(self, conversation_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM turns WHERE conversation_id = ?", (conversation_id,))

    def close(self) -> None:
        self._db.close()
