"""Checks that a message is HTML Telegram accepts."""

from html.parser import HTMLParser

from bot.formatting import TELEGRAM_LIMIT

TELEGRAM_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}


class TagChecker(HTMLParser):
    """Fails on tags Telegram does not accept and on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        assert tag in TELEGRAM_TAGS, tag
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, tag

    def handle_data(self, data):
        self.text += data


def check_telegram_html(message: str) -> str:
    checker = TagChecker()
    checker.feed(message)
    checker.close()
    assert not checker.stack, checker.stack
    assert len(message) <= TELEGRAM_LIMIT
    return checker.text
