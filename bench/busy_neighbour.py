"""/ask latency with a CPU-bound process beside the server: `make bench` (target: busy p50 ≤ 2.5 × idle p50).

Starts `poles-qa serve` on a free port over the default corpus and the updates, measures /ask p50
idle, then again while `python -c 'while True: pass'` keeps one core busy (free to move, then
pinned to core 0), and prints the ratios.
Extra server settings compare configurations, e.g. the old spinning defaults:

    python -m bench.busy_neighbour OMP_WAIT_POLICY=ACTIVE POLES_QA_QUERY_THREADS=2
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.run import QUESTIONS, ROOT, UPDATES, free_port, percentile

CLI = [sys.executable, "-m", "poles_qa"]


def corpus_env(work: Path, extra: dict[str, str]) -> dict[str, str]:
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus" / "documents", corpus)
    for path in UPDATES.iterdir():
        shutil.copy(path, corpus / path.name)
    return {
        **os.environ,
        "POLES_QA_CORPUS_DIR": str(corpus),
        "POLES_QA_INDEX_DIR": str(work / "index"),
        "POLES_QA_DATA_DIR": str(work / "data"),
        "POLES_QA_RATE_LIMIT_PER_MINUTE": "0",
        "POLES_QA_RELOAD_POLL_SECONDS": "0",
        **extra,
    }


def wait_ready(url: str, server: subprocess.Popen, limit_s: float = 180) -> None:
    started = time.monotonic()
    while time.monotonic() - started < limit_s:
        if server.poll() is not None:
            raise SystemExit(f"server exited with code {server.returncode}")
        try:
            if httpx.get(url + "/ready", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"server not ready after {limit_s:.0f} s")


def ask_latencies(url: str, n: int) -> list[float]:
    """Sequential /ask round trips, in milliseconds, after a warm-up."""
    with httpx.Client(timeout=60) as client:
        for q in QUESTIONS * 2:
            client.post(url + "/ask", json={"question": q}).raise_for_status()
        times = []
        for i in range(n):
            started = time.perf_counter()
            client.post(url + "/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]}).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
    return times


NEIGHBOURS = {
    "free to move": "while True: pass",
    "pinned to core 0": "import os\nos.sched_setaffinity(0, {0})\nwhile True: pass",
}


def measure(extra: dict[str, str], n: int = 200) -> dict[str, list[float]]:
    """/ask latencies of one server: idle, then beside each kind of CPU-bound neighbour."""
    work = Path(tempfile.mkdtemp(prefix="poles-qa-busy-"))
    env = corpus_env(work, extra)
    try:
        subprocess.run([*CLI, "index", "build"], env=env, check=True, capture_output=True)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [*CLI, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_ready(url, server)
            latencies = {"idle": ask_latencies(url, n)}
            for label, code in NEIGHBOURS.items():
                neighbour = subprocess.Popen([sys.executable, "-c", code])
                try:
                    time.sleep(0.5)
                    latencies[label] = ask_latencies(url, n)
                finally:
                    neighbour.kill()
                    neighbour.wait()
        finally:
            server.terminate()
            server.wait(10)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return latencies


def main(argv: list[str]) -> None:
    extra = dict(arg.split("=", 1) for arg in argv)
    load = os.getloadavg()[0]
    latencies = measure(extra)
    idle = statistics.median(latencies["idle"])
    print(f"/ask, settings: {' '.join(argv) or 'defaults'} (load average before the run: {load:.2f})")
    print("| beside the server | p50 | p95 | p50 ÷ idle p50 (target ≤ 2.5) |")
    print("|---|---|---|---|")
    for label, times in latencies.items():
        p50 = statistics.median(times)
        print(
            f"| {'nothing' if label == 'idle' else 'a CPU-bound process, ' + label} | {p50:.1f} ms "
            f"| {percentile(times, 95):.1f} ms | {p50 / idle:.2f} |"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
