"""Index build and retrieval at scale, with the default encoder: generated French documents.

The full build is timed on 50 documents (500 chunks: the default model encodes ~10 a second
here, so 10,000 would take a quarter of an hour). The 10,000-chunk index for the one-document
rebuild is first filled with random vectors stored under the real encoder's identity, then the
rebuild runs the real encoder on the changed document and reuses the other 9,990 vectors.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from index.builder import build_index
from index.bundle import IndexBundle
from index.faiss_store import FaissStore
from index.lexical import LexicalIndex
from index.retriever import HybridRetriever
from index.versions import load_published
from poles_qa.main import configure_process
from qa.runtime import build_encoder
from qa.settings import IndexSettings

SUBJECTS = ["Le pôle", "La plate-forme d'innovation", "Le contrat de performance", "L'État", "La région", "Le comité"]
VERBS = ["finance", "accompagne", "évalue", "labellise", "soutient", "coordonne", "prolonge"]
OBJECTS = [
    "les projets collaboratifs",
    "les PME innovantes",
    "la recherche appliquée",
    "les écotechnologies",
    "la gouvernance du pôle",
    "les investissements d'avenir",
    "les laboratoires publics",
]
PLACES = ["en Bretagne", "en Alsace", "à Lyon", "en Aquitaine", "à Toulouse", "dans le Nord", "en Lorraine"]
QUESTIONS = [
    "Quel pôle finance les écotechnologies en Alsace ?",
    "Combien d'euros pour les PME innovantes ?",
    "Qui coordonne la gouvernance du pôle à Lyon ?",
    "Quelles plates-formes d'innovation en Bretagne ?",
]


def sentence(rng: random.Random, doc: int) -> str:
    return (
        f"{rng.choice(SUBJECTS)} numéro {doc} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)} "
        f"avec {rng.randint(1, 900)} millions d'euros entre {rng.randint(2005, 2012)} et {rng.randint(2013, 2020)}."
    )


def write_corpus(folder: Path, documents: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for doc in range(documents):
        sections = "\n\n".join(
            f"## Partie {part}\n\n" + " ".join(sentence(rng, doc) for _ in range(4)) for part in range(10)
        )
        (folder / f"doc-{doc:04d}.md").write_text(f"# Document {doc}\n\n{sections}\n", encoding="utf-8")


def search_p50(retriever: HybridRetriever, n: int = 100, questions: list[str] = QUESTIONS) -> float:
    """Median time of `retriever.search` over n questions taken in turn, in milliseconds."""
    times = []
    for i in range(n):
        started = time.perf_counter()
        retriever.search(retriever.analyse(questions[i % len(questions)]), 3)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def scaled(bundle: IndexBundle, factor: int, approximate_above: int) -> IndexBundle:
    """The bundle repeated `factor` times, vectors slightly perturbed so the copies differ."""
    rng = np.random.default_rng(0)
    chunks = [replace(c, chunk_id=f"{c.chunk_id}~{k}") for k in range(factor) for c in bundle.chunks]
    vectors = np.tile(bundle.vectors, (factor, 1)) + rng.normal(0, 0.01, (len(chunks), bundle.vectors.shape[1]))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    terms = bundle.lexical.term_lists * factor
    manifest = {**bundle.manifest, "chunk_count": len(chunks)}
    return IndexBundle(
        manifest,
        chunks,
        vectors,
        FaissStore.build(vectors, approximate_above),
        LexicalIndex.from_terms(terms, bundle.lexical.analyzer),
    )


class RandomVectors:
    """Random unit vectors under another encoder's identity: fills an index at scale in seconds."""

    def __init__(self, encoder) -> None:
        self.backend, self.name, self.dimension = encoder.backend, encoder.name, encoder.dimension
        self.query_prompt, self.passage_prompt = encoder.query_prompt, encoder.passage_prompt
        self.rng = np.random.default_rng(1)

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        vectors = self.rng.normal(size=(len(texts), self.dimension)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    encode_queries = encode_passages


def main() -> list[str]:
    work = Path(tempfile.mkdtemp(prefix="poles-qa-scale-"))
    settings = IndexSettings()
    started = time.perf_counter()
    encoder = build_encoder(settings)
    load_s = time.perf_counter() - started
    load_average = os.getloadavg()[0]
    write_corpus(work / "small", 50)
    full = build_index([work / "small"], work / "small-index", encoder)
    write_corpus(work / "corpus", 1000)
    build_index([work / "corpus"], work / "index", RandomVectors(encoder))
    rebuilds = []
    for turn in range(3):  # the median of three: one run moves with what else runs on the machine
        changed = work / "corpus" / f"doc-{500 + turn:04d}.md"
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text.replace(f"numéro {500 + turn}", f"numéro {500 + turn} bis"), encoding="utf-8")
        rebuilds.append(build_index([work / "corpus"], work / "index", encoder))
    again = sorted(rebuilds, key=lambda r: r.seconds)[1]
    bundle = load_published(work / "index")
    p50_10k = search_p50(HybridRetriever(bundle, encoder))
    started = time.perf_counter()
    big = scaled(bundle, 10, settings.approximate_index_above)
    big_build_s = time.perf_counter() - started
    p50_100k = search_p50(HybridRetriever(big, encoder))
    shutil.rmtree(work, ignore_errors=True)
    return [
        f"| full build, {full.documents} documents, {full.chunks} chunks | {full.seconds:.1f} s, "
        f"{full.chunks / full.seconds:.1f} chunks/s (model loaded before the timer, {load_s:.1f} s; "
        f"load average {load_average:.1f}) | |",
        f"| rebuild after changing one document, median of 3 | {again.seconds:.2f} s ({again.parsed} parsed, "
        f"{again.embedded} embedded, {again.reused} reused; all: "
        f"{', '.join(f'{r.seconds:.2f}' for r in rebuilds)} s) | ≤ 3 s |",
        f"| retrieval p50 at {len(bundle.chunks)} chunks (exact FAISS) | {p50_10k:.1f} ms | |",
        f"| retrieval p50 at {len(big.chunks)} chunks (HNSW; built in {big_build_s:.0f} s) | {p50_100k:.1f} ms | ≤ 50 ms |",
    ]


if __name__ == "__main__":
    configure_process()
    print("\n".join(main()))
