"""Answers as Telegram HTML: escaped text, only tags Telegram accepts, messages under 4,096 chars."""

from __future__ import annotations

from html import escape as html_escape

from qa.models import Answer, Citation

TELEGRAM_LIMIT = 4096  # characters of one message, tags included
EXCERPT_CHARS = 280
LOW_CONFIDENCE = "⚠️ <i>Réponse incertaine : les documents ne portent pas tout ce que la question demande.</i>"


def escape(text: str) -> str:
    """Telegram HTML needs only &, < and > escaped in text; quotes stay readable."""
    return html_escape(text, quote=False)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def citation_block(citation: Citation) -> str:
    where = escape(citation.title) + (f" — <i>{escape(citation.section)}</i>" if citation.section else "")
    return f"<b>[{citation.n}]</b> {where}\n<blockquote>{escape(excerpt(citation.text))}</blockquote>"


def _split_plain(text: str, limit: int) -> list[str]:
    """Cut an over-long paragraph at spaces (the text is escaped afterwards, so no tag is cut)."""
    pieces, current = [], ""
    for word in text.split(" "):
        if current and len(current) + len(word) + 1 > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return pieces + ([current] if current else [])


def pack_messages(blocks: list[str], limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Join complete blocks (each a closed piece of HTML) into messages, splitting only between blocks."""
    messages, current = [], ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            messages.append(current)
        current = block
    return messages + ([current] if current else [])


def answer_messages(answer: Answer, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The answer text with its [n] markers, then one block per citation."""
    blocks: list[str] = [LOW_CONFIDENCE] if answer.confidence == "low" else []
    for paragraph in answer.answer.split("\n\n"):
        # Escaping can lengthen text (& -> &amp;): cut with room to spare.
        blocks += [escape(p) for p in _split_plain(paragraph, limit // 2)]
    if answer.citations:
        blocks.append("<b>Sources</b>")
        blocks += [citation_block(c) for c in answer.citations]
    return pack_messages(blocks, limit)


def passage_messages(citation: Citation, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The full passage of a citation, for the button that shows it."""
    head = f"<b>[{citation.n}] {escape(citation.title)}</b>" + (
        f"\n<i>{escape(citation.section)}</i>" if citation.section else ""
    )
    body = [escape(p) for para in citation.text.split("\n\n") for p in _split_plain(para, limit // 2)]
    return pack_messages([head, *body], limit)
