"""Load corpus files (.txt, .md, .html, .pdf) into cleaned, Markdown-structured documents."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpus.cleaning import clean_line, clean_text
from corpus.model import Document

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_SENTENCE_END = (".", ";", ":", "!", "?", ",", "…")


class CorpusError(Exception):
    """The corpus cannot be indexed at all (missing or empty folder)."""


@dataclass
class LoadReport:
    """What a corpus load produced: the documents, the files left unparsed as unchanged, the skipped."""

    documents: list[Document] = field(default_factory=list)
    unchanged: dict[str, str] = field(default_factory=dict)  # doc_id -> sha256, in corpus order
    order: list[str] = field(default_factory=list)  # doc ids of documents and unchanged files
    skipped: list[tuple[str, str]] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _looks_like_heading(line: str) -> bool:
    return (
        0 < len(line) <= 100
        and not line.startswith("- ")
        and not line.endswith(_SENTENCE_END)
        and not line.startswith("#")
    )


def structure_plain_text(text: str) -> tuple[str, str | None]:
    """Recover headings in plain text and return it as Markdown, with its title.

    A short line without final punctuation is a heading when a paragraph or a list
    follows it; a run of such lines with nothing under them (a table of contents) stays
    text. Short lines before the first heading (a date range) go into the title.
    """
    blocks = [b for b in text.split("\n\n") if b.strip()]
    single = [len(b.split("\n")) == 1 and _looks_like_heading(b) for b in blocks]
    out: list[str] = []
    title: str | None = None
    kicker: list[str] = []
    for i, block in enumerate(blocks):
        followed_by_body = i + 1 < len(blocks) and not single[i + 1]
        if single[i] and followed_by_body:
            if title is None:
                title = block + (f" ({', '.join(kicker)})" if kicker else "")
                out.append(f"# {title}")
            else:
                out.append(f"## {block}")
        elif single[i] and title is None and len(block) <= 20:
            kicker.append(block)
        else:
            out.append(block)
    return "\n\n".join(out), title


def _markdown_title(text: str) -> str | None:
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match:
            return match.group(2).strip()
    return None


def _read_utf8(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"pas en UTF-8 valide ({exc.reason} à l'octet {exc.start})") from exc


def _load_markdown(path: Path) -> tuple[str, dict]:
    raw = _read_utf8(path)
    meta: dict = {}
    match = _FRONT_MATTER.match(raw)
    if match:
        loaded = yaml.safe_load(match.group(1))
        if not isinstance(loaded, dict):
            raise ValueError("l'en-tête YAML n'est pas un dictionnaire")
        meta = {k: str(v) for k, v in loaded.items() if v is not None}
        raw = raw[match.end() :]
    return clean_text(raw), meta


def _load_html(path: Path) -> tuple[str, dict]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_read_utf8(path), "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "header", "aside", "form"]):
        tag.decompose()
    meta = {"title": soup.title.get_text(" ", strip=True)} if soup.title else {}
    lines: list[str] = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li"]):
        text = clean_line(el.get_text(" ", strip=True))
        if not text or (el.name == "p" and el.find_parent("li")):
            continue
        if el.name.startswith("h"):
            lines.append("#" * int(el.name[1]) + " " + text)
        elif el.name == "li":
            lines.append("- " + text)
        else:
            lines.append(text)
    return clean_text("\n\n".join(lines)), meta


def _load_pdf(path: Path) -> tuple[str, dict]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = {"title": reader.metadata.title} if reader.metadata and reader.metadata.title else {}
    except (PdfReadError, ValueError, OSError, KeyError) as exc:
        raise ValueError(f"PDF illisible ({exc})") from exc
    text, title = structure_plain_text(clean_text("\n\n".join(pages)))
    if title and "title" not in meta:
        meta["title"] = title
    return text, meta


def _load_txt(path: Path) -> tuple[str, dict]:
    text, title = structure_plain_text(clean_text(_read_utf8(path)))
    return text, ({"title": title} if title else {})


_LOADERS = {
    ".txt": _load_txt,
    ".md": _load_markdown,
    ".markdown": _load_markdown,
    ".html": _load_html,
    ".htm": _load_html,
    ".pdf": _load_pdf,
}


def load_document(path: Path, doc_id: str) -> Document:
    """Load and clean one file; raises ValueError when it cannot be read or parsed."""
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise ValueError(f"type de fichier non pris en charge '{path.suffix}' (.txt, .md, .html, .pdf)")
    text, meta = loader(path)
    if not text.strip():
        raise ValueError("aucun texte après nettoyage")
    title = meta.get("title") or _markdown_title(text) or path.stem.replace("-", " ")
    return Document(
        doc_id=doc_id,
        title=title,
        text=text,
        source=meta.get("source") or path.name,
        date=meta.get("date"),
        sha256=file_sha256(path),
    )


def corpus_files(corpus_dirs: list[Path]) -> list[tuple[str, Path]]:
    """List (doc_id, path) for every file under the corpus folders, in a stable order."""
    found: list[tuple[str, Path]] = []
    seen: set[str] = set()
    for corpus_dir in corpus_dirs:
        if not corpus_dir.is_dir():
            raise CorpusError(f"dossier de corpus introuvable : {corpus_dir}")
        for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in path.relative_to(corpus_dir).parts):
                continue
            doc_id = path.relative_to(corpus_dir).as_posix()
            if doc_id in seen:
                doc_id = f"{corpus_dir.name}/{doc_id}"
            seen.add(doc_id)
            found.append((doc_id, path))
    return found


def load_corpus(corpus_dirs: list[Path], known: dict[str, str] | None = None) -> LoadReport:
    """Load every readable document; unreadable files are skipped with a warning naming them.

    A file whose sha256 equals `known[doc_id]` (the last build's) is not parsed again.
    """
    report = LoadReport()
    known = known or {}
    for doc_id, path in corpus_files(corpus_dirs):
        try:
            sha = file_sha256(path)
            if known.get(doc_id) == sha:
                report.unchanged[doc_id] = sha
            else:
                report.documents.append(load_document(path, doc_id))
        except (ValueError, OSError, yaml.YAMLError) as exc:
            log.warning("Skipped %s: %s", path, exc)
            report.skipped.append((str(path), str(exc)))
            continue
        report.order.append(doc_id)
    if not report.order:
        names = ", ".join(str(d) for d in corpus_dirs)
        raise CorpusError(f"aucun document lisible dans le corpus ({names}) : rien à indexer.")
    return report
