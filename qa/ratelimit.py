"""Per-client sliding-window rate limits: the protocol, and the in-process limiter."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from typing import Protocol


class RateLimiter(Protocol):
    """At most `per_minute` hits per key in any 60 s window; the Redis limiter shares it between processes."""

    def check(self, key: str) -> int | None:
        """None when allowed (and counted), else the seconds to wait before retrying."""
        ...


class MemoryRateLimiter:
    """The sliding window of one process; 0 turns the limit off."""

    def __init__(self, per_minute: int, window: float = 60.0) -> None:
        self.per_minute = per_minute
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> int | None:
        if self.per_minute <= 0:
            return None
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle clients so memory stays bounded
                for idle in [k for k, v in self._hits.items() if not v or v[-1] <= now - self.window]:
                    del self._hits[idle]
            return None
