"""The bot container's health check: healthy while its heartbeat (bot.heartbeat) is recent.

    python -m bot.healthcheck /srv/data/bot-heartbeat --max-age 60    # exit 0 fresh, 1 stale or missing

Standard library only: it runs every 20 s beside the bot, and importing python-telegram-bot would
cost it ten times more.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

FILE_NAME = "bot-heartbeat"  # under the bot's POLES_QA_DATA_DIR


def age_seconds(path: Path) -> float | None:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Exit 0 when the bot reached the Bot API recently.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--max-age", type=float, default=60.0, help="seconds")
    args = parser.parse_args(argv)
    age = age_seconds(args.path)
    if age is None:
        print(f"unhealthy: no heartbeat at {args.path} (the bot has not reached the Bot API yet)")
        return 1
    if age > args.max_age:
        print(f"unhealthy: last successful Bot API call {age:.0f} s ago (limit {args.max_age:.0f} s)")
        return 1
    print(f"healthy: last successful Bot API call {age:.0f} s ago")
    return 0


if __name__ == "__main__":
    sys.exit(main())
