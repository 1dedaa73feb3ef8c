"""The bot's heartbeat and the health check that reads it, with the real Application and a Bot API stand-in."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from bot_harness import BotRunner
from fake_telegram import FakeTelegram
from servers import LiveServer
from tests_paths import ROOT

from bot.healthcheck import FILE_NAME

pytestmark = pytest.mark.slow
TOKEN = "123456:HEARTBEAT-TOKEN"


@pytest.fixture
def telegram():
    fake = FakeTelegram()
    with LiveServer(fake.app, ready_path="/bot0/getMe") as server:
        fake.url = server.url
        yield fake


def settings_for(tmp_path, telegram):
    from bot.settings import BotSettings

    return BotSettings(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=telegram.url + "/bot",
        answer_api_url="http://127.0.0.1:9",
        data_dir=tmp_path,
    )


def check(path, max_age: float = 60) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "bot.healthcheck", str(path), "--max-age", str(max_age)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_a_polling_bot_is_healthy_and_its_heartbeat_follows_get_updates(tmp_path, telegram):
    heartbeat = tmp_path / FILE_NAME
    assert check(heartbeat).returncode == 1  # before the bot ever reached the Bot API
    with BotRunner(settings_for(tmp_path, telegram)):
        deadline = time.monotonic() + 10
        while not heartbeat.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        os.utime(heartbeat, (0, 0))  # pretend it is old: the next getUpdates must renew it
        time.sleep(2.5)
        result = check(heartbeat)
    assert telegram.sent("getUpdates")
    assert result.returncode == 0 and result.stdout.startswith("healthy"), result.stdout


def test_a_stale_or_missing_heartbeat_is_unhealthy(tmp_path):
    heartbeat = tmp_path / FILE_NAME
    missing = check(heartbeat)
    assert missing.returncode == 1 and "no heartbeat" in missing.stdout
    heartbeat.touch()
    old = time.time() - 120
    os.utime(heartbeat, (old, old))
    stale = check(heartbeat, max_age=60)
    assert stale.returncode == 1 and re.search(r"^unhealthy: .* 1[23]\d s ago \(limit 60 s\)", stale.stdout)


def test_a_quiet_webhook_bot_keeps_its_heartbeat(tmp_path, telegram):
    from bot.app import build_application
    from bot.webhook import webhook_app

    application = build_application(settings_for(tmp_path, telegram))
    app = webhook_app(application, "https://bot.example.org/telegram/webhook", "s3cret")
    with LiveServer(app, ready_path="/healthz"):
        deadline = time.monotonic() + 10
        while not telegram.sent("getWebhookInfo") and time.monotonic() < deadline:
            time.sleep(0.05)
        result = check(tmp_path / FILE_NAME)
    assert telegram.sent("getWebhookInfo") and not telegram.sent("getUpdates")
    assert result.returncode == 0, result.stdout
