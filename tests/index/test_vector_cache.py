"""Every build reuses the vectors already computed for the same backend, model and passage text."""

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from index.builder import EMBED_BATCH, build_index
from index.embedding import EncoderMismatchError, check_index_encoder
from index.vector_cache import VectorCache
from index.versions import load_published


class CountingEncoder:
    """The fake encoder's vectors, counting the passages it is asked to encode."""

    def __init__(self, inner, name="fake-encoder", passage_prompt=""):
        self.inner, self.backend, self.name, self.dimension = inner, inner.backend, name, inner.dimension
        self.query_prompt, self.passage_prompt = "", passage_prompt
        self.passages = 0

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts, show_progress=False):
        self.passages += len(texts)
        return self.inner.encode_passages(texts)


def write_documents(folder, count, label=""):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = f"# Document {i}\n\nLe pôle {i} finance le projet {label}{i} de la phase 2.\n"
        (folder / f"doc-{i:03d}.md").write_text(text, encoding="utf-8")


def test_a_text_seen_by_any_earlier_build_is_not_encoded_again(tmp_path, fake_encoder):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_documents(corpus, 3)
    encoder = CountingEncoder(fake_encoder)
    build_index([corpus], index, encoder)
    assert encoder.passages == 3
    original = (corpus / "doc-001.md").read_text(encoding="utf-8")
    (corpus / "doc-001.md").write_text(original.replace("projet", "programme"), encoding="utf-8")
    report = build_index([corpus], index, encoder)
    assert (report.embedded, report.reused, encoder.passages) == (1, 2, 4)
    # Back to the first text: no published version holds it now, the cache does.
    (corpus / "doc-001.md").write_text(original, encoding="utf-8")
    report = build_index([corpus], index, encoder, keep_versions=1)
    assert (report.embedded, encoder.passages) == (0, 4)
    served = load_published(index)
    assert np.allclose(served.vectors, fake_encoder.encode_passages([c.indexed_text() for c in served.chunks]))


def test_the_cache_key_holds_the_model_and_the_passage_prompt(tmp_path, fake_encoder):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_documents(corpus, 2)
    build_index([corpus], index, CountingEncoder(fake_encoder))
    prompted = CountingEncoder(fake_encoder, passage_prompt="passage: ")
    build_index([corpus], index, prompted)
    other = CountingEncoder(fake_encoder, name="other-model")
    build_index([corpus], index, other)
    assert (prompted.passages, other.passages) == (2, 2)
    assert load_published(index).manifest["passage_prompt"] == ""


def test_a_torn_or_damaged_record_is_ignored_and_the_rest_kept(tmp_path, fake_encoder):
    cache = VectorCache(tmp_path, "fake", "fake-encoder", 64)
    keys = [cache.key("", f"texte {i}") for i in range(3)]
    cache.append(keys, fake_encoder.encode_passages([f"texte {i}" for i in range(3)]))
    size = cache.dtype.itemsize
    data = bytearray(cache.path.read_bytes())
    data[size + 40] ^= 0xFF  # a flipped byte in the second record's vector
    cache.path.write_bytes(bytes(data) + b"\x00" * (size // 2))  # and half a record at the end
    reopened = VectorCache(tmp_path, "fake", "fake-encoder", 64)
    out = np.zeros((3, 64), dtype=np.float32)
    assert reopened.lookup(keys, out).tolist() == [True, False, True]
    assert np.allclose(out[2], fake_encoder.encode_passages(["texte 2"])[0])


def test_dead_vectors_are_dropped_once_they_outnumber_the_live_ones(tmp_path, fake_encoder):
    cache = VectorCache(tmp_path, "fake", "fake-encoder", 64)
    keys = [cache.key("", f"texte {i}") for i in range(10)]
    cache.append(keys, fake_encoder.encode_passages([f"texte {i}" for i in range(10)]))
    assert not cache.compact(set(keys[:5]))
    assert cache.compact(set(keys[:4]))
    assert cache.path.stat().st_size == 4 * cache.dtype.itemsize
    assert len(VectorCache(tmp_path, "fake", "fake-encoder", 64)) == 4


SLOW_BUILD = """
import sys, time
from pathlib import Path
sys.path[:0] = {paths!r}
from conftest import FakeEncoder
from index.builder import build_index

class SlowEncoder(FakeEncoder):
    def encode_passages(self, texts, show_progress=False):
        time.sleep(0.3)
        return super().encode_passages(texts)

def progress(stage, done, total):
    print(done, flush=True)

build_index([Path({corpus!r})], Path({index!r}), SlowEncoder(), progress=progress)
"""


def test_a_build_killed_mid_way_leaves_its_finished_batches_to_the_next(tmp_path, fake_encoder):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_documents(corpus, 5 * EMBED_BATCH)
    tests_dir = Path(__file__).resolve().parents[1]
    script = SLOW_BUILD.format(paths=[str(tests_dir.parent), str(tests_dir)], corpus=str(corpus), index=str(index))
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], stdout=subprocess.PIPE, text=True)
    try:
        while process.stdout.readline().strip() != str(2 * EMBED_BATCH):  # two batches encoded
            assert process.poll() is None, "the build ended before it could be killed"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    encoder = CountingEncoder(fake_encoder)
    report = build_index([corpus], index, encoder)
    assert report.reused >= 2 * EMBED_BATCH and encoder.passages == report.embedded <= 3 * EMBED_BATCH
    assert report.chunks == 5 * EMBED_BATCH and report.embedded + report.reused == report.chunks


def test_an_index_of_another_model_is_refused_with_the_rebuild_command(tmp_path, fake_encoder):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_documents(corpus, 2)
    build_index([corpus], index, fake_encoder)
    manifest = load_published(index).manifest
    assert (manifest["backend"], manifest["model"], manifest["dimension"]) == ("fake", "fake-encoder", 64)
    check_index_encoder(manifest, fake_encoder)
    with pytest.raises(EncoderMismatchError) as refused:
        check_index_encoder(manifest, CountingEncoder(fake_encoder, name="multilingual-e5-small"))
    message = str(refused.value)
    assert "construit avec le modèle fake-encoder" in message and "multilingual-e5-small" in message
    assert "`poles-qa index build`" in message
    old = {k: v for k, v in manifest.items() if k != "backend"}  # an index from before backends
    with pytest.raises(EncoderMismatchError, match="sentence-transformers"):
        check_index_encoder(old, fake_encoder)
