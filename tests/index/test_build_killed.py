"""A build killed with SIGKILL at any moment leaves the published index servable."""

import os
import signal
import subprocess
import sys
import time

import pytest

from index.versions import IndexVersions, load_published

pytestmark = pytest.mark.slow


def generated_corpus(folder, documents: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        body = " ".join(
            f"Le pôle numéro {i} finance le projet {j} de la phase 2 avec {j * i} euros." for j in range(12)
        )
        (folder / f"doc-{i:04d}.md").write_text(f"# Document {i}\n\n{body}\n\n## Suite\n\n{body}\n", encoding="utf-8")


def build_process(corpus, index):
    env = {**os.environ, "POLES_QA_INDEX_DIR": str(index)}
    return subprocess.Popen(
        [sys.executable, "-m", "poles_qa", "index", "build", "--corpus", str(corpus)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize("delay", [2.0, 6.0])
def test_killed_build_keeps_the_published_index_and_the_next_build_cleans_up(tmp_path, delay):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    generated_corpus(corpus, 3)
    assert build_process(corpus, index).wait(300) == 0
    published = load_published(index).version
    generated_corpus(corpus, 150)  # a long build: 147 new documents to embed
    process = build_process(corpus, index)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert load_published(index).version == published  # intact and verified
    assert build_process(corpus, index).wait(600) == 0
    bundle = load_published(index)
    assert bundle.version != published and bundle.manifest["document_count"] == 150
    assert not list(IndexVersions(index).versions_dir.glob(".building-*"))
