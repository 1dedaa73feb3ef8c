"""Build an index version from corpus folders, reusing the embeddings of unchanged passages."""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from corpus.chunking import ChunkingSettings, chunk_document
from corpus.loaders import load_corpus
from corpus.model import Chunk
from index.bundle import IndexBundle, IndexLoadError
from index.embedding import Encoder
from index.faiss_store import FaissStore
from index.lexical import LexicalIndex
from index.versions import IndexVersions

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    version: str
    folder: Path
    documents: int
    chunks: int
    embedded: int
    reused: int
    skipped: list[tuple[str, str]] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0


def text_key(model: str, prompt: str, text: str) -> str:
    """Embedding cache key: the same text under the same model and prompt has the same vector."""
    return hashlib.sha256(f"{model}\x00{prompt}\x00{text}".encode()).hexdigest()


def corpus_changes(previous: dict, documents: dict[str, str]) -> dict[str, list[str]]:
    """Added, modified and removed documents between a manifest and current hashes."""
    before = {doc_id: d["sha256"] for doc_id, d in previous.get("documents", {}).items()}
    return {
        "added": sorted(set(documents) - set(before)),
        "modified": sorted(d for d in documents if d in before and before[d] != documents[d]),
        "removed": sorted(set(before) - set(documents)),
    }


def _previous_vectors(versions: IndexVersions, model: str, prompt: str) -> tuple[dict, dict[str, np.ndarray]]:
    """The published bundle's manifest and its vectors by cache key, when it used the same model."""
    current = versions.current()
    if current is None:
        return {}, {}
    try:
        bundle = IndexBundle.load(current)
    except IndexLoadError as exc:
        log.warning("Published index unusable as a cache, full rebuild: %s", exc)
        return {}, {}
    manifest = bundle.manifest
    if manifest.get("model") != model or manifest.get("passage_prompt", "") != prompt:
        log.info("Embedding model changed: every passage is embedded again")
        return manifest, {}
    cache = {text_key(model, prompt, c.indexed_text()): bundle.vectors[i] for i, c in enumerate(bundle.chunks)}
    return manifest, cache


def _embed(chunks: list[Chunk], encoder: Encoder, prompt: str, cache: dict, progress: Progress | None):
    keys = [text_key(encoder.name, prompt, c.indexed_text()) for c in chunks]
    missing = [i for i, k in enumerate(keys) if k not in cache]
    vectors = np.zeros((len(chunks), encoder.dimension), dtype=np.float32)
    batch = 256
    for done in range(0, len(missing), batch):
        rows = missing[done : done + batch]
        vectors[rows] = encoder.encode_passages([chunks[i].indexed_text() for i in rows])
        if progress:
            progress("embed", min(done + batch, len(missing)), len(missing))
    for i, key in enumerate(keys):
        if key in cache:
            vectors[i] = cache[key]
    return vectors, len(missing)


def build_index(
    corpus_dirs: list[Path],
    index_root: Path,
    encoder: Encoder,
    *,
    passage_prompt: str = "",
    chunking: ChunkingSettings | None = None,
    approximate_above: int = 50_000,
    keep_versions: int = 3,
    progress: Progress | None = None,
    wait_for_lock: bool = False,
) -> BuildReport:
    """Load, chunk, embed and index the corpus, verify the result, then publish it atomically."""
    started = time.perf_counter()
    chunking = chunking or ChunkingSettings()
    versions = IndexVersions(index_root)
    with versions.build_lock(wait=wait_for_lock):
        versions.prune(keep_versions)
        report = load_corpus(corpus_dirs)
        previous, cache = _previous_vectors(versions, encoder.name, passage_prompt)
        if previous.get("chunking") != vars(chunking):
            cache = {}  # new chunking settings: nothing is reused
        chunks = [c for doc in report.documents for c in chunk_document(doc, chunking)]
        vectors, embedded = _embed(chunks, encoder, passage_prompt, cache, progress)
        lexical = LexicalIndex.build([c.indexed_text() for c in chunks])
        dense = FaissStore.build(vectors, approximate_above)
        hashes = {d.doc_id: d.sha256 for d in report.documents}
        content = hashlib.sha256("".join(c.chunk_id for c in chunks).encode() + encoder.name.encode())
        version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + content.hexdigest()[:8]
        per_doc = {d.doc_id: sum(1 for c in chunks if c.doc_id == d.doc_id) for d in report.documents}
        manifest = {
            "index_version": version,
            "model": encoder.name,
            "passage_prompt": passage_prompt,
            "dimension": encoder.dimension,
            "chunk_count": len(chunks),
            "document_count": len(report.documents),
            "documents": {
                d.doc_id: {"sha256": d.sha256, "title": d.title, "source": d.source, "chunks": per_doc[d.doc_id]}
                for d in report.documents
            },
            "chunking": vars(chunking),
            "corpus_dirs": [str(p) for p in corpus_dirs],
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        folder = versions.new_build_folder()
        try:
            IndexBundle(manifest, chunks, vectors, dense, lexical).save(folder)
            IndexBundle.load(folder)  # verify what was written before anyone can load it
            published = versions.publish(folder, version)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        versions.prune(keep_versions)
    return BuildReport(
        version=version,
        folder=published,
        documents=len(report.documents),
        chunks=len(chunks),
        embedded=embedded,
        reused=len(chunks) - embedded,
        skipped=report.skipped,
        changes=corpus_changes(previous, hashes),
        seconds=time.perf_counter() - started,
    )
