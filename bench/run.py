"""Speed and memory of the answer API on this machine: `make bench` (results go in the README)."""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
UPDATES = ROOT / "tests" / "data" / "corpus-updates"
QUESTIONS = [
    "Combien l'État a-t-il consacré à la deuxième phase des pôles ?",
    "Quels sont les trois axes de la phase 2 ?",
    "Où s'est tenue la journée de lancement de Pôles 2.0 ?",
    "Quel pôle travaille sur la géothermie ?",
    "Quelle est la recette de la ratatouille ?",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def floor_search(index_dir: Path):
    """Encode a question and search the index in-process: the cost /ask cannot go below.

    Same thread settings as the server (`configure_threads` in `main`).
    """
    from qa.reloader import load_retriever
    from qa.runtime import build_encoder
    from qa.settings import IndexSettings

    retriever = load_retriever(index_dir, build_encoder(IndexSettings(index_dir=index_dir)))
    return lambda question: retriever.search(retriever.analyse(question), 3)


def timed_ms(call, question: str) -> float:
    started = time.perf_counter()
    call(question)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description="Mesure /ask, la mémoire et l'index à grande échelle.")
    parser.add_argument("--skip-scale", action="store_true", help="sans bench/index_scale.py (plusieurs minutes)")
    args = parser.parse_args()
    from poles_qa.main import configure_process

    configure_process()  # the server's thread settings, before any runtime loads
    work = Path(tempfile.mkdtemp(prefix="poles-qa-bench-"))
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus" / "documents", corpus)
    for path in UPDATES.iterdir():
        shutil.copy(path, corpus / path.name)
    env = {
        **os.environ,
        "POLES_QA_CORPUS_DIR": str(corpus),
        "POLES_QA_INDEX_DIR": str(work / "index"),
        "POLES_QA_DATA_DIR": str(work / "data"),
        "POLES_QA_RATE_LIMIT_PER_MINUTE": "0",
        "HF_HUB_OFFLINE": "1",
    }
    cli = [sys.executable, "-m", "poles_qa"]
    subprocess.run([*cli, "index", "build"], env=env, check=True, capture_output=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while True:
            try:
                if httpx.get(url + "/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > 120:
                raise SystemExit("server not ready after 120 s")
            time.sleep(0.05)
        ready_s = time.perf_counter() - started
        floor = floor_search(work / "index")
        with httpx.Client(timeout=30) as client:
            ask = lambda question: client.post(url + "/ask", json={"question": question}).raise_for_status()  # noqa: E731
            for q in QUESTIONS * 4:  # warm-up
                ask(q)
                floor(q)
            # /ask and the floor in alternate rounds, so that both see the machine in the same state.
            latencies, floors = [], []
            for i in range(300):
                question = QUESTIONS[i % len(QUESTIONS)]
                latencies.append(timed_ms(ask, question))
                floors.append(timed_ms(floor, question))

        def worker(n: int) -> list[int]:
            with httpx.Client(timeout=30) as client:
                return [
                    client.post(url + "/ask", json={"question": QUESTIONS[(n + i) % 5]}).status_code for i in range(100)
                ]

        t = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            codes = [c for result in pool.map(worker, range(8)) for c in result]
        throughput = len(codes) / (time.perf_counter() - t)
        rss = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    p50, floor_p50 = statistics.median(latencies), statistics.median(floors)
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| /ask p50, concurrency 1 | {p50:.1f} ms | |")
    print(f"| /ask p95, concurrency 1 | {percentile(latencies, 95):.1f} ms | |")
    errors = sum(c != 200 for c in codes)
    print(f"| /ask throughput, concurrency 8 | {throughput:.0f} req/s, {errors} errors of {len(codes)} | 0 errors |")
    print(f"| resident memory of the server | {rss:.0f} MB | ≤ 350 MB |")
    print(f"| floor: encode + search in-process, p50 (same rounds) | {floor_p50:.1f} ms | |")
    print(f"| /ask p50 ÷ floor | {p50 / floor_p50:.2f} | ≤ 1.3 |")
    print(f"| `poles-qa serve` start to /ready (existing index) | {ready_s:.1f} s | |")
    shutil.rmtree(work, ignore_errors=True)
    if args.skip_scale:
        return
    from bench import index_scale

    print("\n| index at scale (generated corpus) | value | target |")
    print("|---|---|---|")
    print("\n".join(index_scale.main()))


if __name__ == "__main__":
    main()
