"""Podman plumbing for `make compose-check`: compose client, images, health, logs, HTTP.

Only podman is supported (this machine has no Docker engine: ../shared/tools/containers-here sets
podman up). Podman without systemd runs no health check timer, so health is asked for with
`podman healthcheck run`, which runs the very test the image or compose file defines.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "compose-check"
# podman-compose 1.0 (Debian's) has neither --scale nor profiles; this one has both.
PODMAN_COMPOSE = "podman-compose==1.6.0"
NGINX_IMAGE = "docker.io/library/nginx:1.27-alpine"
STAND_INS = ROOT / "deploy" / "stand-ins"
TORCH_INDEX_PORT = 38917  # a fixed URL keeps the image's torch layer cached from one run to the next


class CheckFailed(Exception):
    """A step of the check did not see what it should."""


def run(*command: str | Path, check: bool = True, quiet: bool = True, **kwargs) -> subprocess.CompletedProcess:
    output = subprocess.PIPE if quiet else None
    result = subprocess.run([str(c) for c in command], stdout=output, stderr=output, text=True, **kwargs)
    if check and result.returncode != 0:
        raise CheckFailed(f"`{' '.join(map(str, command))}` exited {result.returncode}: {(result.stderr or '')[-800:]}")
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def podman_compose() -> Path:
    """podman-compose in a venv of its own under var/compose-check, installed once from PyPI."""
    venv = WORK / "venv"
    binary = venv / "bin" / "podman-compose"
    if not binary.exists():
        run(sys.executable, "-m", "venv", venv)
        run(venv / "bin" / "pip", "install", "--quiet", PODMAN_COMPOSE)
    return binary


def image_exists(name: str) -> bool:
    return run("podman", "image", "exists", name, check=False).returncode == 0


def ensure_nginx_stand_in() -> bool:
    """Build the labelled stand-in (stand-ins/nginx) when no nginx:1.27-alpine image exists; True when built."""
    if image_exists(NGINX_IMAGE):
        return False
    run("podman", "build", "--pull=never", "--format", "docker", "-t", NGINX_IMAGE, STAND_INS / "nginx")
    return True


def image_id(name: str) -> str:
    return run("podman", "image", "inspect", name, "--format", "{{.Id}}", check=False).stdout.strip()


def build(tag: str, context: Path, *args: str) -> str:
    """podman build in docker format (OCI drops HEALTHCHECK), log in var/compose-check; the ID it replaced."""
    replaced = image_id(tag)
    result = run("podman", "build", "--format", "docker", *args, "-t", tag, context, check=False)
    log = WORK / f"build-{tag.split(':')[0]}.log"
    log.write_text(result.stdout + result.stderr)
    if result.returncode != 0:
        raise CheckFailed(f"podman build {tag} failed (log: {log}): {result.stderr[-600:]}")
    return replaced if replaced != image_id(tag) else ""


def image_size_mb(name: str) -> float:
    return int(run("podman", "image", "inspect", name, "--format", "{{.Size}}").stdout.strip()) / 1e6


class Stack:
    """One compose project: docker-compose.yml plus the check's override, its own env file."""

    def __init__(self, project: str, env_file: Path, files: list[Path]) -> None:
        self.project = project
        self.compose = [podman_compose(), "-p", project, "--env-file", env_file]
        for file in files:
            self.compose += ["-f", file]

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return run(*self.compose, *args, check=check, cwd=ROOT)

    def containers(self, service: str) -> list[str]:
        labels = [f"label=io.podman.compose.project={self.project}", f"label=com.docker.compose.service={service}"]
        listing = run("podman", "ps", "--format", "json", *[f for label in labels for f in ("--filter", label)])
        return sorted(c["Names"][0] for c in json.loads(listing.stdout or "[]"))

    def wait_healthy(self, service: str, count: int, timeout: float) -> float:
        """Seconds until `count` containers of `service` pass their health check."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            names = self.containers(service)
            healthy = [n for n in names if run("podman", "healthcheck", "run", n, check=False).returncode == 0]
            if len(healthy) >= count:
                return time.monotonic() - start
            time.sleep(1)
        tails = "".join(
            f"\n--- {n} (last lines of its log):\n" + "\n".join(self.logs(n).splitlines()[-12:]) for n in names
        )
        raise CheckFailed(f"{service}: fewer than {count} healthy container(s) after {timeout:.0f} s{tails}")

    def remove(self) -> list[str]:
        """`down -v`, then whatever it missed (it forgets replicas past the first); what is left."""
        self("--profile", "tools", "down", "-v", check=False)
        label = ["--filter", f"label=io.podman.compose.project={self.project}"]
        for _ in range(3):  # a container others depend on goes once they are gone
            for name in run("podman", "ps", "-a", "--format", "{{.Names}}", *label).stdout.split():
                run("podman", "rm", "-f", "-t", "10", name, check=False)
        run("podman", "pod", "rm", "-f", f"pod_{self.project}", check=False)
        for volume in run("podman", "volume", "ls", "-q", *label).stdout.split():
            run("podman", "volume", "rm", "-f", volume, check=False)
        run("podman", "network", "rm", "-f", f"{self.project}_default", check=False)
        left = run("podman", "ps", "-a", "--format", "{{.Names}}", *label).stdout.split()
        return left + run("podman", "volume", "ls", "-q", *label).stdout.split()

    def logs(self, name: str) -> str:
        result = run("podman", "logs", name, check=False)
        return result.stdout + result.stderr

    def inspect(self, name: str, template: str) -> str:
        return run("podman", "inspect", name, "--format", template).stdout.strip()


def http(method: str, url: str, body: dict | None = None, timeout: float = 30) -> tuple[int, dict | list]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def wait_for(what: str, probe, timeout: float, every: float = 0.5):
    """Call `probe` until it returns something truthy; its last exception or a timeout fails."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            result = probe()
            if result:
                return result
        except (OSError, CheckFailed, KeyError, ValueError) as error:
            last = error
        time.sleep(every)
    raise CheckFailed(f"{what}: not seen within {timeout:.0f} s" + (f" (last error: {last})" if last else ""))


def local_torch_index(wheel_dirs: list[str]) -> tuple[subprocess.Popen, str] | None:
    """Serve a local torch wheel as a package index on 127.0.0.1 (air-gapped build): (server, URL), or None."""
    wheels = sorted(w for d in wheel_dirs for w in Path(d).glob("torch-*.whl")) if wheel_dirs else []
    if not wheels:
        return None
    index = WORK / "torch-index" / "torch"
    index.mkdir(parents=True, exist_ok=True)
    for wheel in wheels:
        link = index / wheel.name
        if not link.exists():
            link.symlink_to(wheel)
    port = TORCH_INDEX_PORT if port_is_free(TORCH_INDEX_PORT) else free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", index.parent],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for("local torch index", lambda: urllib.request.urlopen(f"http://127.0.0.1:{port}/torch/").status, 10)
    return server, f"http://127.0.0.1:{port}/"


def pip_wheel_dirs() -> list[str]:
    """The find-links directories of this machine's pip configuration (where a local torch wheel lies)."""
    configured = (
        os.environ.get("PIP_FIND_LINKS")
        or run(sys.executable, "-m", "pip", "config", "get", "global.find-links", check=False).stdout.strip()
    )
    return [d for d in configured.split() if Path(d).is_dir()]
