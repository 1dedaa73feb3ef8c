"""Cut a cleaned Markdown document into passages that follow its structure."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from corpus.model import Chunk, Document

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# A sentence ends with . ! ? or … followed by a space and an upper-case letter or digit;
# "M. Fillon" style abbreviations are rare enough in this corpus to accept the split.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ0-9«\"(])")


# How documents are read (cleaned, structured, cut): a change here cuts every document again at the next build,
# even those whose file did not change. Bump it with any change to corpus/cleaning.py, loaders.py or this file.
READING_VERSION = 3


@dataclass(frozen=True)
class ChunkingSettings:
    max_chars: int = 700
    overlap_sentences: int = 1


@dataclass
class Block:
    kind: str  # "heading", "paragraph" or "item"
    text: str
    start: int
    end: int
    level: int = 0


@dataclass
class Unit:
    """Text that is never cut between two chunks: a paragraph, or a list with its intro."""

    parts: list[Block]

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.parts)


def parse_blocks(text: str) -> list[Block]:
    """Split Markdown into headings, paragraphs and list items, with character offsets."""
    blocks: list[Block] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            if blocks and blocks[-1].kind != "heading":
                blocks[-1].level = -1  # closed: a following line starts a new block
            continue
        heading = _HEADING.match(line)
        if heading:
            blocks.append(Block("heading", heading.group(2).strip(), start, end, len(heading.group(1))))
        elif line.startswith("- "):
            blocks.append(Block("item", line, start, end))
        elif blocks and blocks[-1].kind != "heading" and blocks[-1].level != -1:
            blocks[-1].text += " " + line.strip()
            blocks[-1].end = end
        else:
            blocks.append(Block("paragraph", line, start, end))
    for block in blocks:
        if block.kind != "heading":
            block.level = 0
    return blocks


def group_units(blocks: list[Block]) -> list[Unit]:
    """Keep each list with the sentence that introduces it (a paragraph ending with ':')."""
    units: list[Unit] = []
    for block in blocks:
        previous = units[-1] if units else None
        joins_list = (
            block.kind == "item"
            and previous is not None
            and (previous.parts[-1].kind == "item" or previous.parts[-1].text.rstrip().endswith(":"))
        )
        if joins_list:
            previous.parts.append(block)
        else:
            units.append(Unit([block]))
    return units


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip()]


def _split_long_unit(unit: Unit, settings: ChunkingSettings) -> list[tuple[str, int, int]]:
    """Split a unit over the size limit: a list by items (repeating its intro), prose by sentences."""
    pieces: list[tuple[str, int, int]] = []
    if len(unit.parts) > 1:
        intro = unit.parts[0] if unit.parts[0].kind == "paragraph" else None
        items = unit.parts[1:] if intro else unit.parts
        current: list[Block] = []
        for item in items:
            size = sum(len(b.text) + 1 for b in current) + len(intro.text if intro else "")
            if current and size + len(item.text) > settings.max_chars:
                pieces.append(_list_piece(intro, current))
                current = []
            current.append(item)
        pieces.append(_list_piece(intro, current))
        return pieces
    block = unit.parts[0]
    sentences = split_sentences(block.text)
    window: list[str] = []
    for sentence in sentences:
        if window and len(" ".join(window)) + len(sentence) > settings.max_chars:
            pieces.append((" ".join(window), block.start, block.end))
            window = window[-settings.overlap_sentences :] if settings.overlap_sentences else []
        window.append(sentence)
    if window:
        pieces.append((" ".join(window), block.start, block.end))
    return pieces


def _list_piece(intro: Block | None, items: list[Block]) -> tuple[str, int, int]:
    text = "\n".join(([intro.text] if intro else []) + [b.text for b in items])
    return text, (intro or items[0]).start, items[-1].end


def _pack_section(units: list[Unit], settings: ChunkingSettings) -> list[tuple[str, int, int]]:
    pieces: list[tuple[str, int, int]] = []
    current: list[Unit] = []
    for unit in units:
        if len(unit.text) > settings.max_chars:
            if current:
                pieces.append(_join_units(current))
                current = []
            pieces.extend(_split_long_unit(unit, settings))
            continue
        if current and len(_join_units(current)[0]) + len(unit.text) + 2 > settings.max_chars:
            pieces.append(_join_units(current))
            current = []
        current.append(unit)
    if current:
        pieces.append(_join_units(current))
    return pieces


def _join_units(units: list[Unit]) -> tuple[str, int, int]:
    return "\n\n".join(u.text for u in units), units[0].start, units[-1].end


def _sections(blocks: list[Block]) -> list[tuple[list[str], list[Block]]]:
    """Group content blocks under their heading path; a heading alone makes no section."""
    sections: list[tuple[list[str], list[Block]]] = []
    path: list[tuple[int, str]] = []
    for block in blocks:
        if block.kind == "heading":
            path = [p for p in path if p[0] < block.level] + [(block.level, block.text)]
            continue
        names = [name for _, name in path]
        if sections and sections[-1][0] == names and sections[-1][1] is not None:
            sections[-1][1].append(block)
        else:
            sections.append((names, [block]))
    return sections


def chunk_id(doc_id: str, text: str, seen: set[str]) -> str:
    """A stable id: the document id and a hash of the passage text."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    candidate, n = f"{doc_id}#{digest}", 1
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}#{digest}-{n}"
    seen.add(candidate)
    return candidate


def _anchor(source: str, text: str, start: int, end: int) -> tuple[str, int, int]:
    """Make offsets exact: the source slice when the piece is contiguous, else its narrowest span."""
    sliced = source[start:end]
    if sliced.split() == text.split():
        return sliced, start, end
    first, last = text.split("\n")[0][:60], text.split("\n")[-1][-60:]
    head = source.find(first, start, end)
    tail = source.rfind(last, start, end)
    if head >= 0 and tail >= 0:
        return text, head, tail + len(last)
    return text, start, end


def chunk_document(doc: Document, settings: ChunkingSettings | None = None) -> list[Chunk]:
    """Cut a document into chunks that keep its title and heading path."""
    settings = settings or ChunkingSettings()
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for names, blocks in _sections(parse_blocks(doc.text)):
        headings = tuple(n for n in names if n != doc.title)
        section = " > ".join(headings)
        for text, start, end in _pack_section(group_units(blocks), settings):
            text, start, end = _anchor(doc.text, text, start, end)
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(doc.doc_id, text, seen),
                    doc_id=doc.doc_id,
                    title=doc.title,
                    section=section,
                    text=text,
                    start=start,
                    end=end,
                    source=doc.source,
                    headings=headings,
                )
            )
    return chunks
