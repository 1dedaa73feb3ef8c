"""The real python-telegram-bot Application, speaking HTTP to a local Bot API stand-in, with a real
answer API behind it (real model, real corpus)."""

from __future__ import annotations

import logging
import time

import pytest
from bot_harness import BotRunner
from fake_telegram import FakeTelegram
from servers import LiveServer, free_port
from settings_for_tests import api_settings, server_settings
from telegram_html import check_telegram_html

from bot.handlers import NOT_ALLOWED, TEXT_ONLY, TOO_FAST, UNAVAILABLE
from bot.settings import BotSettings
from qa.feedback import SQLiteFeedbackStore

pytestmark = pytest.mark.slow
TOKEN = "123456:SECRET-TOKEN-never-logged"


@pytest.fixture(scope="module")
def answer_api(tmp_path_factory, full_corpus, real_index):
    from api.main import create_app

    tmp = tmp_path_factory.mktemp("bot-api")
    settings = server_settings(corpus_dir=full_corpus, index_dir=real_index, data_dir=tmp, rate_limit_per_minute=0)
    with LiveServer(create_app(api_settings(reload_poll_seconds=0), settings)) as server:
        server.data_dir = tmp
        yield server


def serve_fake_telegram():
    fake = FakeTelegram()
    with LiveServer(fake.app, ready_path="/bot0/getMe") as server:
        fake.url = server.url
        yield fake


@pytest.fixture(scope="module")
def telegram():
    """The stand-in polled by the module's running bot."""
    yield from serve_fake_telegram()


@pytest.fixture
def own_telegram():
    """A stand-in of its own, for a test that runs a bot with other settings."""
    yield from serve_fake_telegram()


def bot_settings(tmp_path, telegram, answer_url: str, **extra):
    return BotSettings(
        telegram_bot_token=TOKEN,
        telegram_api_base_url=telegram.url + "/bot",
        answer_api_url=answer_url,
        data_dir=tmp_path,
        answer_timeout_seconds=5,
        **extra,
    )


@pytest.fixture(scope="module")
def running_bot(tmp_path_factory, telegram, answer_api):
    tmp = tmp_path_factory.mktemp("bot")
    with BotRunner(bot_settings(tmp, telegram, answer_api.url)) as runner:
        runner.data_dir = tmp
        yield runner


def last_text(telegram, chat_id, count=1) -> str:
    return telegram.wait_sent(chat_id, count)[-1]["text"]


def test_commands_are_registered_in_french(running_bot, telegram):
    commands = telegram.sent("setMyCommands")[0]["commands"]
    assert [c["command"] for c in commands] == ["start", "aide", "sources", "nouveau", "q"]


def test_start_and_help(running_bot, telegram):
    telegram.message(1001, "/start")
    welcome = last_text(telegram, 1001)
    assert "phase 2" in welcome and "Quels sont les trois axes de la phase 2 ?" in welcome
    check_telegram_html(welcome)
    telegram.message(1001, "/aide")
    assert "/nouveau" in last_text(telegram, 1001, 2)


def test_question_gets_typing_then_a_cited_html_answer_with_buttons(running_bot, telegram):
    telegram.message(1002, "Combien l'État a-t-il consacré à la deuxième phase des pôles ?")
    sent = telegram.wait_sent(1002)
    assert telegram.sent("sendChatAction", 1002)[0]["action"] == "typing"
    message = sent[0]
    assert message["parse_mode"] == "HTML"
    text = check_telegram_html(message["text"])
    assert "1,5 milliard" in text and "[1]" in text and "Sources" in text
    buttons = [b["callback_data"] for row in message["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[0].startswith("fb:") and buttons[0].endswith(":up") and any(b.startswith("src:") for b in buttons)


def test_follow_up_in_the_same_chat_and_nouveau(running_bot, telegram):
    telegram.message(1003, "Parle-moi de l'évaluation de la première phase.")
    telegram.wait_sent(1003, 1)
    telegram.message(1003, "Qui l'a réalisée ?")
    assert "Boston Consulting Group" in last_text(telegram, 1003, 2)
    telegram.message(1003, "/nouveau")
    assert "nouvelle conversation" in last_text(telegram, 1003, 3)
    telegram.message(1003, "Qui l'a réalisée ?")
    assert "pouvez-vous poser la question en entier" in last_text(telegram, 1003, 4)


def test_vote_goes_to_the_answer_api_and_passage_button_shows_the_passage(running_bot, telegram, answer_api):
    telegram.message(1004, "Quels sont les trois axes de la phase 2 ?")
    message = telegram.wait_sent(1004)[0]
    buttons = [b["callback_data"] for row in message["reply_markup"]["inline_keyboard"] for b in row]
    telegram.callback(1004, buttons[0])
    deadline = time.monotonic() + 10
    while not any("Merci" in str(c.get("text")) for c in telegram.sent("answerCallbackQuery")):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    # Stored where the web page's votes go, with the question and its cited passages; the user only hashed.
    journal = SQLiteFeedbackStore(answer_api.data_dir / "feedback.sqlite3")
    votes = [v for v in journal.votes(0, time.time() + 1) if v.channel == "telegram"]
    assert [v.vote for v in votes] == ["up"]
    asked = journal.find_answer(answer_id=votes[0].answer_id)
    assert asked.question == "Quels sont les trois axes de la phase 2 ?"
    assert asked.citations[0].doc_id == "poles-phase2-2009-2012.txt"
    telegram.callback(1004, [b for b in buttons if b.startswith("src:")][0])
    passage = last_text(telegram, 1004, 2)
    assert "pilotage stratégique" in check_telegram_html(passage)


def test_malformed_callback_data_is_answered(running_bot, telegram):
    before = len(telegram.sent("answerCallbackQuery"))
    for data in ["nimporte-quoi", "fb:inconnu:up", "src:a:b:c"]:
        telegram.callback(1005, data)
    deadline = time.monotonic() + 10
    while len(telegram.sent("answerCallbackQuery")) < before + 3:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    texts = {c.get("text") for c in telegram.sent("answerCallbackQuery")[before:]}
    assert {"Bouton inconnu.", "Cette réponse n'est plus disponible."} <= texts


@pytest.mark.parametrize(
    "extra",
    [
        {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "s",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
        {"document": {"file_id": "d", "file_unique_id": "d"}},
    ],
)
def test_non_text_messages_get_a_short_explanation(running_bot, telegram, extra):
    chat = 1100 + len(telegram.sent())
    telegram.message(chat, None, extra=extra)
    assert last_text(telegram, chat) == TEXT_ONLY


def test_too_long_and_markup_laden_questions(running_bot, telegram):
    telegram.message(1006, "x " * 700)
    assert "trop longue" in last_text(telegram, 1006)
    telegram.message(1006, "<b>Quel</b> budget & *phase* _2_ ? </blockquote>")
    text = last_text(telegram, 1006, 2)
    check_telegram_html(text)


def test_edited_messages_are_ignored(running_bot, telegram):
    telegram.push(
        {
            "edited_message": {
                "message_id": 5,
                "date": 1,
                "edit_date": 2,
                "text": "Quel budget ?",
                "chat": {"id": 1007, "type": "private"},
                "from": {"id": 42, "is_bot": False, "first_name": "C"},
            }
        }
    )
    telegram.message(1007, "/aide")
    sent = telegram.wait_sent(1007)
    time.sleep(0.3)
    assert len(telegram.sent("sendMessage", 1007)) == 1 and "/nouveau" in sent[0]["text"]


def test_group_messages_are_answered_only_when_addressed(running_bot, telegram):
    group = -2001
    telegram.message(group, "Que sont les GTI ?", chat_type="supergroup")
    telegram.message(group, "@poles_qa_bot Que sont les GTI ?", chat_type="supergroup")
    assert "ateliers d'échanges" in last_text(telegram, group)
    telegram.message(group, "Et quel budget pour la phase 2 ?", chat_type="supergroup", reply_to_bot=True)
    telegram.wait_sent(group, 2)
    telegram.message(group, "/q Quel pôle travaille sur la géothermie ?", chat_type="supergroup")
    assert "Avenia" in last_text(telegram, group, 3)
    time.sleep(0.3)
    assert len(telegram.sent("sendMessage", group)) == 3


def test_sources_command_lists_the_documents(running_bot, telegram):
    telegram.message(1008, "/sources")
    text = last_text(telegram, 1008)
    assert "Les plates-formes d'innovation" in text
    check_telegram_html(text)


def test_unreachable_answer_api_gets_the_polite_message_and_the_bot_keeps_running(tmp_path, own_telegram):
    telegram = own_telegram
    with BotRunner(bot_settings(tmp_path, telegram, f"http://127.0.0.1:{free_port()}")):
        telegram.message(1009, "Quel budget pour la phase 2 ?")
        assert last_text(telegram, 1009) == UNAVAILABLE
        telegram.message(1009, "/start")
        assert "phase 2" in last_text(telegram, 1009, 2)


def test_per_user_limit_and_allow_list(tmp_path, own_telegram, answer_api):
    telegram = own_telegram
    settings = bot_settings(
        tmp_path, telegram, answer_api.url, telegram_user_questions_per_minute=1, telegram_allowed_chat_ids=[1010]
    )
    with BotRunner(settings):
        telegram.message(1010, "Que sont les GTI ?", user_id=77)
        telegram.wait_sent(1010, 1)
        telegram.message(1010, "Que sont les GTI ?", user_id=77)
        assert last_text(telegram, 1010, 2) == TOO_FAST
        telegram.message(1011, "Que sont les GTI ?", user_id=78)
        assert last_text(telegram, 1011) == NOT_ALLOWED


def test_token_never_appears_in_logs(tmp_path, own_telegram, answer_api, caplog):
    telegram = own_telegram
    with caplog.at_level(logging.DEBUG), BotRunner(bot_settings(tmp_path, telegram, answer_api.url)):
        telegram.message(1012, "/start")
        telegram.wait_sent(1012)
    assert "SECRET-TOKEN" not in caplog.text
    assert "SECRET-TOKEN" not in "".join(r.getMessage() for r in caplog.records)


def test_webhook_mode_checks_the_secret_token(tmp_path, own_telegram, answer_api):
    import httpx

    from bot.app import build_application
    from bot.webhook import SECRET_HEADER, webhook_app

    telegram = own_telegram
    settings = bot_settings(tmp_path, telegram, answer_api.url)
    application = build_application(settings)
    app = webhook_app(application, "https://bot.example.org/telegram/webhook", "s3cret-webhook")
    with LiveServer(app, ready_path="/healthz") as server:
        hook = telegram.sent("setWebhook")[0]
        assert hook["url"] == "https://bot.example.org/telegram/webhook" and hook["secret_token"] == "s3cret-webhook"
        update = {"update_id": 1, "message": telegram.message(1013, "Que sont les GTI ?")}
        telegram.updates.clear()  # delivered by webhook only, never by getUpdates
        url = server.url + "/telegram/webhook"
        assert httpx.post(url, json=update).status_code == 403
        assert httpx.post(url, json=update, headers={SECRET_HEADER: "faux"}).status_code == 403
        time.sleep(0.3)
        assert telegram.sent("sendMessage", 1013) == []
        assert httpx.post(url, json=update, headers={SECRET_HEADER: "s3cret-webhook"}).status_code == 200
        assert "ateliers d'échanges" in last_text(telegram, 1013)


def test_poles_qa_run_starts_the_api_and_the_bot_beside_it(tmp_path, own_telegram, real_index):
    """`make run`'s command: with a token set, the bot process starts next to the API."""
    import os
    import signal
    import subprocess
    import sys

    import httpx

    port = free_port()
    env = {
        **os.environ,
        "POLES_QA_INDEX_DIR": str(real_index),
        "POLES_QA_DATA_DIR": str(tmp_path),
        "POLES_QA_TELEGRAM_BOT_TOKEN": TOKEN,
        "POLES_QA_TELEGRAM_API_BASE_URL": own_telegram.url + "/bot",
        "POLES_QA_ANSWER_API_URL": f"http://127.0.0.1:{port}",
        "POLES_QA_RELOAD_POLL_SECONDS": "0",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "poles_qa", "run", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2).status_code == 200 and own_telegram.sent(
                    "setMyCommands"
                ):
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        own_telegram.message(1014, "Que sont les GTI ?")
        assert "ateliers d'échanges" in last_text(own_telegram, 1014)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)


def test_forum_topics_are_separate_conversations_and_replies_stay_in_their_topic(running_bot, telegram):
    group = -2002

    def in_topic(thread: int, text: str) -> None:
        telegram.message(
            group,
            f"@poles_qa_bot {text}",
            chat_type="supergroup",
            extra={"message_thread_id": thread, "is_topic_message": True},
        )

    in_topic(7, "Parle-moi de l'évaluation de la première phase.")
    telegram.wait_sent(group, 1)
    in_topic(8, "Qui l'a réalisée ?")  # another topic: no earlier turn to lean on
    second = telegram.wait_sent(group, 2)[-1]
    assert "pouvez-vous poser la question en entier" in second["text"]
    assert int(second["message_thread_id"]) == 8
    in_topic(7, "Qui l'a réalisée ?")
    third = telegram.wait_sent(group, 3)[-1]
    assert "Boston Consulting Group" in third["text"] and int(third["message_thread_id"]) == 7
    typing = [c for c in telegram.sent("sendChatAction", group)]
    assert {int(c["message_thread_id"]) for c in typing} == {7, 8}
