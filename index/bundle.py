"""One index version on disk: chunks, vectors, FAISS and lexical indexes, and their manifest."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.model import Chunk
from index.faiss_store import FaissStore
from index.lexical import LexicalIndex

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "vectors.npy"
DENSE = "dense.faiss"
LEXICAL = "lexical"


class IndexLoadError(Exception):
    """An index folder that cannot be served: missing, partial or corrupted."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked_files(folder: Path) -> list[Path]:
    files = [folder / CHUNKS, folder / VECTORS, folder / DENSE]
    files += sorted(p for p in (folder / LEXICAL).glob("*") if p.is_file())
    return files


@dataclass
class IndexBundle:
    """Everything a retriever needs, loaded from (or about to be written to) one folder."""

    manifest: dict
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: FaissStore
    lexical: LexicalIndex
    # Each passage's line in the chunks file when a build took it unchanged from the version before (None: written
    # afresh): a one-document rebuild writes 10,000 passages and serialises ten.
    chunk_lines: list[str | None] | None = None

    @property
    def version(self) -> str:
        return self.manifest["index_version"]

    def save(self, folder: Path) -> None:
        """Write every file, then the manifest with their checksums (the manifest comes last)."""
        folder.mkdir(parents=True, exist_ok=True)
        lines = self.chunk_lines or [None] * len(self.chunks)
        with (folder / CHUNKS).open("w", encoding="utf-8") as fh:
            for chunk, line in zip(self.chunks, lines, strict=True):
                fh.write((line or json.dumps(chunk.to_dict(), ensure_ascii=False)) + "\n")
        np.save(folder / VECTORS, self.vectors)
        self.dense.save(folder / DENSE)
        self.lexical.save(folder / LEXICAL)
        files = {p.relative_to(folder).as_posix(): _sha256(p) for p in _checked_files(folder)}
        manifest = {**self.manifest, "format": FORMAT_VERSION, "files": files}
        tmp = folder / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(folder / MANIFEST)
        self.manifest = manifest

    @classmethod
    def load(cls, folder: Path) -> IndexBundle:
        """Load and verify a version; any missing, truncated or mismatched file is refused."""
        manifest = verified_manifest(folder)
        try:
            chunks = [Chunk.from_dict(json.loads(line)) for line in (folder / CHUNKS).open(encoding="utf-8")]
            vectors = np.load(folder / VECTORS)
            dense = FaissStore.load(folder / DENSE)
            lexical = LexicalIndex.load(folder / LEXICAL)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexLoadError(f"index {folder.name} : {exc}") from exc
        sizes = {"chunks": len(chunks), "vectors": len(vectors), "faiss": dense.size, "lexical": lexical.size}
        _check_sizes(folder, manifest, sizes, {vectors.shape[1], dense.dimension})
        return cls(manifest, chunks, vectors, dense, lexical)

    @staticmethod
    def check(folder: Path) -> None:
        """What a build checks before it publishes a version: every file there with its checksum, the FAISS and BM25
        indexes readable, each holding the manifest's count of passages. The passages and term lists, just written
        from memory, are not parsed again: a server loading the version does, and keeps serving the one it has if that
        fails."""
        manifest = verified_manifest(folder)
        try:
            with (folder / CHUNKS).open("rb") as fh:
                passages = sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
            vectors = np.load(folder / VECTORS, mmap_mode="r")
            dense = FaissStore.load(folder / DENSE)
            lexical = LexicalIndex.stored_size(folder / LEXICAL)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexLoadError(f"index {folder.name} : {exc}") from exc
        sizes = {"chunks": passages, "vectors": len(vectors), "faiss": dense.size, "lexical": lexical}
        _check_sizes(folder, manifest, sizes, {vectors.shape[1], dense.dimension})


def _check_sizes(folder: Path, manifest: dict, sizes: dict[str, int], dimensions: set[int]) -> None:
    """As many passages in every file as the manifest says, vectors of the manifest's dimension."""
    count = manifest.get("chunk_count")
    if any(size != count for size in sizes.values()):
        raise IndexLoadError(
            f"index {folder.name} : le manifeste annonce {count} passages, les fichiers en contiennent {sizes}"
        )
    if dimensions != {manifest.get("dimension")}:
        raise IndexLoadError(f"index {folder.name} : la dimension des vecteurs ne correspond pas au manifeste")


@dataclass
class ReusableParts:
    """What the next build takes from a version: no search structure is loaded for it."""

    manifest: dict
    chunks: list[Chunk]
    term_lists: list[list[str]]
    vectors: np.ndarray
    lines: list[str]  # each passage as its line in the chunks file, to be written again as it is

    @classmethod
    def read(cls, folder: Path) -> ReusableParts:
        # only the files read here are checked: the search structures are built again
        manifest = verified_manifest(folder, only=(CHUNKS, VECTORS, f"{LEXICAL}/{LexicalIndex.TERMS}"))
        try:
            # one passage a line, split on "\n" only: a passage may hold U+2028, which splitlines() would cut at
            lines = (folder / CHUNKS).read_text(encoding="utf-8").split("\n")[:-1]
            chunks = [Chunk.from_dict(json.loads(line)) for line in lines]
            terms = LexicalIndex.read_terms(folder / LEXICAL)
            parts = cls(manifest, chunks, terms, np.load(folder / VECTORS), lines)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexLoadError(f"index {folder.name} : {exc}") from exc
        if not len(chunks) == len(parts.term_lists) == len(parts.vectors) == manifest.get("chunk_count"):
            raise IndexLoadError(f"index {folder.name} : nombres de passages incohérents")
        return parts


def verified_manifest(folder: Path, only: tuple[str, ...] | None = None) -> dict:
    """The manifest of a version whose every file (or every file `only` names) is present and matches its checksum."""
    manifest = read_manifest(folder)
    files = manifest.get("files", {})
    if only is not None:
        if any(name not in files for name in only):
            missing = ", ".join(name for name in only if name not in files)
            raise IndexLoadError(f"index {folder.name} : le manifeste ne connaît pas {missing}")
        files = {name: files[name] for name in only}
    for name, expected in files.items():
        path = folder / name
        if not path.is_file():
            raise IndexLoadError(f"index {folder.name} : fichier {name} manquant")
        if _sha256(path) != expected:
            raise IndexLoadError(f"index {folder.name} : {name} ne correspond pas à la somme de contrôle du manifeste")
    return manifest


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise IndexLoadError(f"index {folder.name} : pas de {MANIFEST} (construction inachevée ?)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexLoadError(f"index {folder.name} : manifeste illisible ({exc})") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexLoadError(f"index {folder.name} : format {manifest.get('format')} au lieu de {FORMAT_VERSION}")
    return manifest
