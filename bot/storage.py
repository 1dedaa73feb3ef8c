"""The bot's own SQLite data: answers shown (for their buttons) and conversation resets.

Votes are not kept here: they go to the answer API (POST /feedback), beside the web page's.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from pathlib import Path

from qa.models import Answer


class BotStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # as in qa.conversation: no disk sync per answer
        self._db.executescript(
            """
            CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, chat_id INTEGER, question TEXT,
                answer TEXT NOT NULL, created_at REAL);
            CREATE TABLE IF NOT EXISTS chats (conversation TEXT PRIMARY KEY, generation INTEGER NOT NULL);
            """
        )

    def remember_answer(self, chat_id: int, question: str, answer: Answer) -> str:
        """Keep an answer for its buttons; the key fits in Telegram's 64-byte callback data."""
        key = secrets.token_hex(6)
        with self._lock:
            self._db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?)",
                (key, chat_id, question, answer.model_dump_json(), time.time()),
            )
        return key

    def answer(self, key: str) -> tuple[str, Answer] | None:
        with self._lock:
            row = self._db.execute("SELECT question, answer FROM answers WHERE key = ?", (key,)).fetchone()
        return (row[0], Answer.model_validate_json(row[1])) if row else None

    def conversation_id(self, chat_id: int, thread_id: int | None) -> str:
        """The chat (and topic) id, plus a generation that /nouveau increments."""
        base = f"tg:{chat_id}:{thread_id or 0}"
        with self._lock:
            row = self._db.execute("SELECT generation FROM chats WHERE conversation = ?", (base,)).fetchone()
        return f"{base}:{row[0] if row else 0}"

    def reset_conversation(self, chat_id: int, thread_id: int | None) -> None:
        base = f"tg:{chat_id}:{thread_id or 0}"
        with self._lock:
            self._db.execute(
                "INSERT INTO chats VALUES (?, 1) ON CONFLICT(conversation) DO UPDATE SET generation = generation + 1",
                (base,),
            )
