"""Telegram handlers: small async functions that translate between chats and the answer API."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.ext import ApplicationHandlerStop

from bot.answer_client import AnswerForgotten, AnswerServiceUnavailable, QuestionRejected
from bot.context import BotContext
from bot.formatting import answer_messages, escape, passage_messages
from qa.models import Answer

log = logging.getLogger(__name__)

UNAVAILABLE = "Le service est momentanément indisponible, réessayez dans un instant."
FORGOTTEN = "Cette réponse n'est plus disponible."
TOO_FAST = "Vous posez beaucoup de questions : patientez un peu avant la suivante."
TEXT_ONLY = "Je ne lis que les questions écrites en texte. Posez-moi votre question par écrit."
NOT_ALLOWED = "Ce bot n'est pas ouvert à cette conversation."
EXAMPLES = (
    "Quels sont les trois axes de la phase 2 ?",
    "Combien l'État a-t-il consacré à la deuxième phase des pôles ?",
    "Qu'est-ce que les plates-formes d'innovation ?",
)
WELCOME = (
    "Bonjour ! Je réponds aux questions sur la <b>phase 2 (2009-2012)</b> de la politique des pôles de "
    "compétitivité, « Pôles 2.0 », en citant les passages des documents d'où viennent mes réponses.\n\n"
    "Par exemple :\n" + "\n".join(f"• {q}" for q in EXAMPLES) + "\n\n"
    "Vous pouvez poser une question de suite (« Et combien l'État y consacre-t-il par an ? »). "
    "/aide pour l'aide, /sources pour les documents, /nouveau pour repartir de zéro."
)
HELP = (
    "<b>Comment m'utiliser</b>\n"
    "• Écrivez votre question en français ; je cite mes sources [1], [2]…\n"
    "• Les boutons 👍 / 👎 notent la réponse ; « Passage n » affiche le passage entier.\n"
    "• /sources : les documents que je connais\n"
    "• /nouveau : oublier la conversation en cours\n"
    "• Dans un groupe : mentionnez-moi, répondez à l'un de mes messages ou écrivez /q votre question."
)


async def check_allowed(update: Update, context: BotContext) -> None:
    """Runs before every handler (group -1) when an allow-list is set; a private chat is told why."""
    chat = update.effective_chat
    if chat is not None and chat.id in context.bot_data.settings.telegram_allowed_chat_ids:
        return
    if update.callback_query is not None:
        await update.callback_query.answer(NOT_ALLOWED)
    elif update.effective_message is not None and chat is not None and chat.type == ChatType.PRIVATE:
        await update.effective_message.reply_text(NOT_ALLOWED)
    raise ApplicationHandlerStop


async def reply_html(message: Message, texts: list[str], markup: InlineKeyboardMarkup | None = None) -> None:
    """Send messages in order; the buttons go under the last one."""
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        await message.reply_html(text, reply_markup=markup if last else None, disable_web_page_preview=True)


def answer_keyboard(key: str, answer: Answer) -> InlineKeyboardMarkup | None:
    if answer.refused or not answer.citations:
        return None
    votes = [
        InlineKeyboardButton("👍", callback_data=f"fb:{key}:up"),
        InlineKeyboardButton("👎", callback_data=f"fb:{key}:down"),
    ]
    passages = [InlineKeyboardButton(f"Passage {c.n}", callback_data=f"src:{key}:{c.n}") for c in answer.citations]
    return InlineKeyboardMarkup([votes, passages])


async def start(update: Update, context: BotContext) -> None:
    """Welcome, what the bot knows, three example questions."""
    await update.effective_message.reply_html(WELCOME)


async def help_command(update: Update, context: BotContext) -> None:
    """How to use the bot."""
    await update.effective_message.reply_html(HELP)


async def sources(update: Update, context: BotContext) -> None:
    """The indexed documents, from the answer API."""
    try:
        data = await context.bot_data.client.sources()
    except (AnswerServiceUnavailable, QuestionRejected):
        await update.effective_message.reply_text(UNAVAILABLE)
        return
    lines = [f"• {escape(d['title'])} <i>({d['chunks']} passages)</i>" for d in data["documents"]]
    await update.effective_message.reply_html("<b>Documents consultés</b>\n" + "\n".join(lines))


async def new_conversation(update: Update, context: BotContext) -> None:
    """Forget the conversation of this chat (and topic)."""
    message = update.effective_message
    context.bot_data.store.reset_conversation(
        message.chat_id, message.message_thread_id if message.is_topic_message else None
    )
    await message.reply_text("C'est noté : nouvelle conversation. Posez votre question.")


def addressed_text(update: Update, context: BotContext) -> str | None:
    """The question in a message, or None when a group message is not for the bot."""
    message = update.effective_message
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    username = f"@{context.bot.username}"
    replied = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and (message.reply_to_message.from_user.id == context.bot.id)
    )
    if username.lower() in text.lower():
        return text.replace(username, " ").replace(username.lower(), " ").strip()
    return text if replied else None


async def answer_question(update: Update, context: BotContext, question: str) -> None:
    """Ask the answer API and reply; its message for a rejected question is shown as it is."""
    data = context.bot_data
    message = update.effective_message
    user = update.effective_user
    if data.limiter.check(str(user.id if user else message.chat_id)) is not None:
        await message.reply_text(TOO_FAST)
        return
    thread = message.message_thread_id if message.is_topic_message else None
    await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING, message_thread_id=thread)
    try:
        answer = await data.client.ask(question, data.store.conversation_id(message.chat_id, thread))
    except QuestionRejected as exc:
        await message.reply_text(str(exc))
        return
    except AnswerServiceUnavailable as exc:
        log.warning("Answer API unavailable: %s", exc)
        await message.reply_text(UNAVAILABLE)
        return
    key = data.store.remember_answer(message.chat_id, question, answer)
    await reply_html(message, answer_messages(answer), answer_keyboard(key, answer))


async def on_text(update: Update, context: BotContext) -> None:
    """A text message: answered in private chats, in groups only when addressed to the bot."""
    question = addressed_text(update, context)
    if question is not None:
        await answer_question(update, context, question)


async def ask_command(update: Update, context: BotContext) -> None:
    """/q question: ask in a group without mentioning the bot."""
    question = " ".join(context.args or [])
    if not question:
        await update.effective_message.reply_text(
            "Écrivez la question après /q, par exemple : /q Quel budget pour la phase 2 ?"
        )
        return
    await answer_question(update, context, question)


async def on_non_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice, documents: a short explanation (in private chats only)."""
    message = update.effective_message
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_text(TEXT_ONLY)


async def send_vote(context: BotContext, answer: Answer, vote: str, user_id: int) -> str:
    """Record the vote with the answer API; what to tell the user."""
    try:
        await context.bot_data.client.feedback(answer, vote, user_id)
    except (AnswerForgotten, QuestionRejected):
        return FORGOTTEN
    except AnswerServiceUnavailable as exc:
        log.warning("Vote not recorded, answer API unavailable: %s", exc)
        return UNAVAILABLE
    return "Merci pour votre avis !"


async def on_button(update: Update, context: BotContext) -> None:
    """👍 / 👎 votes and 'Passage n' buttons; unknown or malformed data is answered, never crashes."""
    store = context.bot_data.store
    query = update.callback_query
    parts = (query.data or "").split(":")
    if len(parts) != 3 or parts[0] not in {"fb", "src"}:
        await query.answer("Bouton inconnu.")
        return
    kind, key, value = parts
    found = store.answer(key)
    if found is None:
        await query.answer(FORGOTTEN)
        return
    if kind == "fb" and value in {"up", "down"}:
        await query.answer(await send_vote(context, found[1], value, query.from_user.id))
        return
    citation = next((c for c in found[1].citations if str(c.n) == value), None)
    if kind != "src" or citation is None:
        await query.answer("Bouton inconnu.")
        return
    await query.answer()
    if query.message:
        for text in passage_messages(citation):
            await context.bot.send_message(query.message.chat_id, text, parse_mode=ParseMode.HTML)


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure and keep the bot running."""
    log.error("Update failed: %s", context.error, exc_info=context.error)
