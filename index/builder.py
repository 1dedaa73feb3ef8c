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

from corpus.chunking import READING_VERSION, ChunkingSettings, chunk_document
from corpus.loaders import load_corpus
from corpus.model import Chunk
from index.analysis import ANALYSIS_VERSION, FrenchAnalyzer
from index.bundle import IndexBundle, IndexLoadError, ReusableParts
from index.embedding import Encoder, encoder_identity
from index.faiss_store import FaissStore
from index.lexical import LexicalIndex
from index.vector_cache import VectorCache
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
    parsed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0
    published: bool = True  # False: nothing changed, the published version stays


def content_hash(chunks: list[Chunk], identity: dict) -> str:
    """What a version holds: its passages (ids are content hashes), the encoder that embedded them, the
    text analysis that made their terms and the way documents were read (what a passage carries beside its text)."""
    held = "".join(c.chunk_id for c in chunks) + repr(identity) + f"analysis={ANALYSIS_VERSION}"
    held += f"reading={READING_VERSION}"
    return hashlib.sha256(held.encode()).hexdigest()[:8]


def corpus_changes(previous: dict, documents: dict[str, str]) -> dict[str, list[str]]:
    """Added, modified and removed documents between a manifest and current hashes."""
    before = {doc_id: d["sha256"] for doc_id, d in previous.get("documents", {}).items()}
    return {
        "added": sorted(set(documents) - set(before)),
        "modified": sorted(d for d in documents if d in before and before[d] != documents[d]),
        "removed": sorted(set(before) - set(documents)),
    }


@dataclass
class PreviousBuild:
    """What the published version offers to the next build: chunks and terms to reuse.

    Its vectors are reused through the vector cache; when it was built by the same encoder,
    its own vectors also fill the cache's gaps (an index built before the cache existed).
    """

    manifest: dict = field(default_factory=dict)
    chunks_by_doc: dict[str, list[int]] = field(default_factory=dict)
    parts: ReusableParts | None = None
    same_encoder: bool = False
    same_analysis: bool = False  # its terms were made by this version of the text analysis


def _previous_build(versions: IndexVersions, encoder: Encoder, chunking: ChunkingSettings) -> PreviousBuild:
    current = versions.current()
    if current is None:
        return PreviousBuild()
    try:
        parts = ReusableParts.read(current)
    except IndexLoadError as exc:
        log.warning("Published index unusable as a cache, full rebuild: %s", exc)
        return PreviousBuild()
    manifest = parts.manifest
    if manifest.get("chunking") != vars(chunking) or manifest.get("reading") != READING_VERSION:
        log.info("Chunking settings or the way documents are read changed: every document is cut again")
        return PreviousBuild(manifest)
    by_doc: dict[str, list[int]] = {}
    for row, chunk in enumerate(parts.chunks):
        by_doc.setdefault(chunk.doc_id, []).append(row)
    identity = encoder_identity(encoder)
    same = all(manifest.get(k) == v for k, v in identity.items() if k != "query_prompt")
    if not same:
        log.info("Embedding backend or model changed: passages are embedded again unless cached")
    same_analysis = manifest.get("analysis") == ANALYSIS_VERSION
    if not same_analysis:
        log.info("Text analysis changed: every passage is analysed again")
    return PreviousBuild(manifest, by_doc, parts, same, same_analysis)


@dataclass
class CollectedCorpus:
    chunks: list[Chunk] = field(default_factory=list)
    terms: list[list[str] | None] = field(default_factory=list)  # None: analyse afresh
    lines: list[str | None] = field(default_factory=list)  # its line in the version before; None: a new passage
    documents: dict[str, dict] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    parsed: int = 0


def _collect(corpus_dirs: list[Path], chunking: ChunkingSettings, previous: PreviousBuild) -> CollectedCorpus:
    """Chunks of every document: reused as they were when the file is unchanged, else cut afresh."""
    before = previous.manifest.get("documents", {})
    reusable = {d: before[d]["sha256"] for d in previous.chunks_by_doc} if previous.parts is not None else {}
    report = load_corpus(corpus_dirs, reusable)
    parsed = {doc.doc_id: doc for doc in report.documents}
    out = CollectedCorpus(skipped=report.skipped, parsed=len(parsed))
    for doc_id in report.order:
        if doc_id in report.unchanged:
            rows = previous.chunks_by_doc[doc_id]
            out.chunks += [previous.parts.chunks[r] for r in rows]
            out.terms += [previous.parts.term_lists[r] if previous.same_analysis else None for r in rows]
            out.lines += [previous.parts.lines[r] for r in rows]
            out.documents[doc_id] = {**before[doc_id], "chunks": len(rows)}
            continue
        doc = parsed[doc_id]
        chunks = chunk_document(doc, chunking)
        out.chunks += chunks
        out.terms += [None] * len(chunks)
        out.lines += [None] * len(chunks)
        out.documents[doc_id] = {"sha256": doc.sha256, "title": doc.title, "source": doc.source, "chunks": len(chunks)}
    return out


EMBED_BATCH = 64  # passages per encoder call: the unit of progress and of what a killed build keeps


def _from_previous(
    previous: PreviousBuild, cache: VectorCache, prompt: str, wanted: set[str]
) -> dict[bytes, np.ndarray]:
    """The previous version's vectors of the passages wanted (by id: same document, same text), by cache key."""
    if previous.parts is None or not previous.same_encoder:
        return {}
    chunks = previous.parts.chunks
    return {
        cache.key(prompt, c.indexed_text()): previous.parts.vectors[i]
        for i, c in enumerate(chunks)
        if c.chunk_id in wanted
    }


def _embed(
    chunks: list[Chunk], encoder: Encoder, cache: VectorCache, previous: PreviousBuild, progress: Progress | None
) -> tuple[np.ndarray, int, set[bytes]]:
    """Vectors of every chunk: from the cache, else from the previous version, else encoded (and cached)."""
    texts = [c.indexed_text() for c in chunks]  # exactly what the encoder gets, its prompt aside
    keys = [cache.key(encoder.passage_prompt, t) for t in texts]
    vectors = np.zeros((len(chunks), encoder.dimension), dtype=np.float32)
    found = cache.lookup(keys, vectors)
    unknown = {chunks[i].chunk_id for i in np.flatnonzero(~found)}
    earlier = _from_previous(previous, cache, encoder.passage_prompt, unknown) if unknown else {}
    todo: dict[bytes, list[int]] = {}
    for i in np.flatnonzero(~found):
        if keys[i] in earlier:
            vectors[i] = earlier[keys[i]]
        else:
            todo.setdefault(keys[i], []).append(int(i))
    salvaged = [k for k, f in zip(keys, found) if not f and k in earlier]
    if salvaged:
        cache.append(salvaged, np.stack([earlier[k] for k in salvaged]))
    # Sorted by length, each batch pads little: the model's cost is in the padded tokens.
    missing = sorted(todo, key=lambda k: len(texts[todo[k][0]]))
    if progress:
        progress("embed", 0, len(missing))
    for done in range(0, len(missing), EMBED_BATCH):
        batch = missing[done : done + EMBED_BATCH]
        encoded = encoder.encode_passages([texts[todo[k][0]] for k in batch])
        cache.append(batch, encoded)  # on disk before the next batch starts
        for key, vector in zip(batch, encoded):
            vectors[todo[key]] = vector
        if progress:
            progress("embed", done + len(batch), len(missing))
    return vectors, sum(len(rows) for rows in todo.values()), set(keys)


def _servable(folder: Path) -> bool:
    try:
        IndexBundle.check(folder)
    except IndexLoadError as exc:
        log.warning("Published index damaged, built again: %s", exc)
        return False
    return True


def _unchanged_report(previous: PreviousBuild, corpus: CollectedCorpus, folder: Path, started: float) -> BuildReport:
    manifest = previous.manifest
    return BuildReport(
        version=manifest["index_version"],
        folder=folder,
        documents=manifest["document_count"],
        chunks=manifest["chunk_count"],
        embedded=0,
        reused=manifest["chunk_count"],
        parsed=corpus.parsed,
        skipped=corpus.skipped,
        changes={"added": [], "modified": [], "removed": []},
        seconds=time.perf_counter() - started,
        published=False,
    )


def build_index(
    corpus_dirs: list[Path],
    index_root: Path,
    encoder: Encoder,
    *,
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
        previous = _previous_build(versions, encoder, chunking)
        corpus = _collect(corpus_dirs, chunking, previous)
        chunks = corpus.chunks
        identity = encoder_identity(encoder)
        content = content_hash(chunks, identity)
        if (
            previous.manifest.get("index_version", "").endswith("-" + content)
            and previous.manifest.get("documents") == corpus.documents
            and _servable(versions.current())  # its search files were not read: a damaged one is built again
        ):
            # Nothing changed: a new version would only push an older one out of the rollback window.
            return _unchanged_report(previous, corpus, versions.current(), started)
        cache = VectorCache.for_encoder(index_root, encoder)
        vectors, embedded, live_keys = _embed(chunks, encoder, cache, previous, progress)
        analyzer = FrenchAnalyzer()
        terms = [t if t is not None else analyzer.terms(c.indexed_text()) for c, t in zip(chunks, corpus.terms)]
        lexical = LexicalIndex.from_terms(terms, analyzer)
        dense = FaissStore.build(vectors, approximate_above)
        version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + content
        manifest = {
            "index_version": version,
            **identity,
            "chunk_count": len(chunks),
            "document_count": len(corpus.documents),
            "documents": corpus.documents,
            "chunking": vars(chunking),
            "reading": READING_VERSION,
            "analysis": ANALYSIS_VERSION,
            "corpus_dirs": [str(p) for p in corpus_dirs],
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        folder = versions.new_build_folder()
        try:
            IndexBundle(manifest, chunks, vectors, dense, lexical, corpus.lines).save(folder)
            IndexBundle.check(folder)  # verify what was written before anyone can load it
            published = versions.publish(folder, version)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        versions.prune(keep_versions)
        cache.compact(live_keys)
    return BuildReport(
        version=version,
        folder=published,
        documents=len(corpus.documents),
        chunks=len(chunks),
        embedded=embedded,
        reused=len(chunks) - embedded,
        parsed=corpus.parsed,
        skipped=corpus.skipped,
        changes=corpus_changes(previous.manifest, {d: e["sha256"] for d, e in corpus.documents.items()}),
        seconds=time.perf_counter() - started,
    )
