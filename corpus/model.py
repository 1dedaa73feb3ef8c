"""The shared types of the corpus: a cleaned document and the chunks cut from it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """A source file, cleaned: `text` is what chunk offsets point into."""

    doc_id: str
    title: str
    text: str
    source: str
    date: str | None = None
    sha256: str = ""


@dataclass(frozen=True)
class Chunk:
    """A passage of a document, the unit that is indexed and cited."""

    chunk_id: str
    doc_id: str
    title: str
    section: str
    text: str
    start: int
    end: int
    source: str = ""
    headings: tuple[str, ...] = field(default_factory=tuple)

    def indexed_text(self) -> str:
        """Text given to both indexes: the passage in its context (title, section)."""
        parts = [self.title]
        if self.section and self.section != self.title:
            parts.append(self.section)
        parts.append(self.text)
        return "\n".join(parts)

    def to_dict(self) -> dict:
        return {**vars(self), "headings": list(self.headings)}  # asdict deep-copies: 10x slower

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        return cls(**{**data, "headings": tuple(data.get("headings", ()))})
