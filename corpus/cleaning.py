"""Clean the markup that government web pages leave in exported text."""

from __future__ import annotations

import re
import unicodedata

_SUPERSCRIPT = re.compile(r"\^\{([^}]*)\}")  # 2^{ème} -> 2ème
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\\]|\\.)*\)")  # [texte](#) -> texte
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_ESCAPED = re.compile(r"\\([()\[\]*_#.!\-])")
_BULLET = re.compile(r"^\s*(?:[-*•]\s*>?|>)\s+")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def is_boilerplate(line: str) -> bool:
    """Navigation and footer lines: contact links."""
    stripped = line.strip()
    return stripped.startswith("@ ") or stripped.lower() in {"@ contacts", "contacts", "haut de page"}


BANNER_HEADING = "Bandeau de la page"


def is_banner(line: str) -> bool:
    """A line of the site's banner, written in capitals; real headings in these pages never are."""
    stripped = line.strip()
    letters = [c for c in stripped if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters) and " " in stripped


def _banner(lines: list[str]) -> list[str]:
    """« LES PÔLES DE COMPÉTITIVITÉ / MOTEURS DE CROISSANCE ET D'EMPLOI »: what the banner says, kept (users ask what
    the pôles are presented as) in sentence case under a line of its own, which the plain-text reader makes a
    heading (in Markdown or HTML documents it stays a paragraph)."""
    said = ", ".join(line.strip().lower() for line in lines)
    return [BANNER_HEADING, "", f"« {said[:1].upper()}{said[1:]} »."]


def clean_line(line: str) -> str:
    """Clean one line: superscripts, links, bold, escapes, bullets and spaces."""
    line = _CONTROL.sub("", line)
    line = _SUPERSCRIPT.sub(r"\1", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _BOLD.sub(r"\2", line)
    line = _ESCAPED.sub(r"\1", line)
    line = line.replace("\u2019", "'")
    if _BULLET.match(line):
        line = "- " + _BULLET.sub("", line, count=1)
    return _SPACES.sub(" ", line).strip()


def clean_text(raw: str) -> str:
    """Clean a whole text, keeping blank lines as paragraph breaks (at most one in a row)."""
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[str] = []
    banner: list[str] = []
    for line in raw.split("\n"):
        cleaned = clean_line(line)
        if cleaned and is_boilerplate(cleaned):
            continue
        if cleaned and is_banner(cleaned):
            banner.append(cleaned)
            continue
        if banner:
            out += ([""] if out and out[-1] else []) + _banner(banner)
            banner = []
        if not cleaned and (not out or out[-1] == ""):
            continue
        out.append(cleaned)
    if banner:
        out += ([""] if out and out[-1] else []) + _banner(banner)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)
