"""`make compose-check`: build the image, run docker-compose.yml for real and check what a user relies on.

Two api replicas behind the proxy, a follow-up answered by the other replica (conversation in
Redis), a document added to a copy of the corpus and published by the indexer service while the
api keeps running, a Redis restart, and the bot against a Bot API stand-in. Needs root and podman
(../shared/tools/containers-here); everything is torn down at the end, volumes too.
Environment: EXTRAS (image extras, e.g. st), TORCH_INDEX_URL (torch source when EXTRAS need it),
POLES_QA_EMBEDDING_MODEL (the api's and indexer's model, e.g. all-MiniLM-L6-v2 with EXTRAS=st).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sys
import time

from stack import (
    ROOT,
    STAND_INS,
    WORK,
    CheckFailed,
    Stack,
    build,
    ensure_nginx_stand_in,
    free_port,
    http,
    image_size_mb,
    local_torch_index,
    pip_wheel_dirs,
    run,
    wait_for,
)

PROJECT = "poles-qa-check"
IMAGE = "poles-qa:latest"
TELEGRAM_STAND_IN = "poles-qa-telegram-stand-in:check"  # the name deploy/compose-check.yml gives it
REPLICAS = 2
QUESTION = "Quels sont les trois axes de la phase 2 ?"
FOLLOW_UP = "Et le premier ?"  # refused on its own (ask in full): only the conversation gives it a subject
NEW_DOCUMENT = (  # invented, and only ever written to the check's copy of the corpus
    "L'observatoire Zéphyrine\n\n"
    "Créé pendant la phase 2, l'observatoire Zéphyrine suit les projets des pôles de la filière marine.\n"
    "L'observatoire Zéphyrine se trouve à Kerlouan, dans le Finistère, depuis 2011.\n"
)
NEW_DOCUMENT_FILE = "observatoire-zephyrine.txt"
NEW_QUESTION = "Où se trouve l'observatoire Zéphyrine de Kerlouan ?"  # refused until the document exists
CHAT = 4242


class Check:
    """The scenario, step by step; each step prints PASS or FAIL with what it saw."""

    def __init__(self) -> None:
        self.failures = 0
        self.facts: dict[str, str] = {}
        self.port = free_port()
        self.telegram_port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.corpus = WORK / "corpus"
        self.torch_server = None

    def step(self, name: str, action) -> bool:
        try:
            detail = action()
        except Exception as failure:  # a check reports every failure as a FAIL line, then goes on to tear down
            self.failures += 1
            kind = "" if isinstance(failure, CheckFailed) else f"{type(failure).__name__}: "
            print(f"FAIL {name}: {kind}{failure}", flush=True)
            return False
        print(f"PASS {name}: {detail}", flush=True)
        return True

    # -- set-up ---------------------------------------------------------------------------------

    def build_image(self) -> str:
        extras = os.environ.get("EXTRAS", "")
        args = ["--build-arg", f"EXTRAS={extras}"]
        needs_torch = run(sys.executable, ROOT / "deploy" / "requirements.py", "torch", extras).stdout.strip()
        source = os.environ.get("TORCH_INDEX_URL") or "PyTorch's CPU index"
        if os.environ.get("TORCH_INDEX_URL"):
            args += ["--build-arg", f"TORCH_INDEX_URL={os.environ['TORCH_INDEX_URL']}", "--network", "host"]
        elif needs_torch and (served := local_torch_index(pip_wheel_dirs())):
            self.torch_server, url = served
            args += ["--build-arg", f"TORCH_INDEX_URL={url}", "--network", "host"]
            source = "a local wheel served on 127.0.0.1"
        start = time.monotonic()
        replaced = [build(IMAGE, ROOT, *args)]
        elapsed = time.monotonic() - start
        replaced.insert(0, build(TELEGRAM_STAND_IN, STAND_INS / "telegram", "--pull=never"))
        for old in filter(None, replaced):  # images of an earlier run, untagged now: 2 GB each
            run("podman", "rmi", old, check=False)
        size = image_size_mb(IMAGE)
        self.facts["image"] = f"{IMAGE} {size:.0f} MB (EXTRAS={extras!r})"
        torch = f"torch from {source}" if needs_torch else "no torch"
        return f"{self.facts['image']}, {torch}, built in {elapsed:.0f} s"

    def write_env_and_corpus(self) -> None:
        shutil.rmtree(self.corpus, ignore_errors=True)
        shutil.copytree(ROOT / "corpus" / "documents", self.corpus)
        self.env_file = WORK / "check.env"
        self.env_file.write_text(
            f"POLES_QA_REDIS_PASSWORD={secrets.token_hex(24)}\n"
            "POLES_QA_TELEGRAM_BOT_TOKEN=123456:compose-check\n"
            f"POLES_QA_CORPUS_HOST_DIR={self.corpus}\n"
            f"POLES_QA_HOST=127.0.0.1\nPOLES_QA_PORT={self.port}\n"
            "POLES_QA_RELOAD_POLL_SECONDS=2\n"
            f"CHECK_TELEGRAM_PORT={self.telegram_port}\n"
        )
        files = [ROOT / "docker-compose.yml", ROOT / "deploy" / "compose-check.yml"]
        model = os.environ.get("POLES_QA_EMBEDDING_MODEL")
        if model:  # e.g. all-MiniLM-L6-v2 with EXTRAS=st: the sentence-transformers backend serves
            environment = {"environment": {"POLES_QA_EMBEDDING_MODEL": model}}
            files.append(WORK / "model.yml")
            files[-1].write_text(json.dumps({"services": {"api": environment, "indexer": environment}}))
            self.facts["model"] = model
        self.stack = Stack(PROJECT, self.env_file, files)

    def start(self) -> str:
        self.stack.remove()  # what an interrupted earlier run left
        start = time.monotonic()
        self.stack("up", "-d", "--no-build", "--scale", f"api={REPLICAS}")
        self.stack.wait_healthy("redis", 1, 60)
        self.stack.wait_healthy("api", REPLICAS, 180)
        cold = time.monotonic() - start
        self.facts["cold start"] = f"{cold:.0f} s from `up` to {REPLICAS} healthy api replicas (start period 120 s)"
        if cold > 120:
            raise CheckFailed(f"api took {cold:.0f} s, longer than the health check's 120 s start period")
        wait_for("/ready through the proxy", lambda: http("GET", self.base + "/ready")[0] == 200, 30)
        self.facts["served model"] = http("GET", self.base + "/sources")[1]["model"]
        return self.facts["cold start"]

    # -- what users see -------------------------------------------------------------------------

    def ask(self, question: str, conversation_id: str | None = None) -> dict:
        body = {"question": question} | ({"conversation_id": conversation_id} if conversation_id else {})
        status, answer = http("POST", self.base + "/ask", body)
        if status != 200:
            raise CheckFailed(f"/ask {question!r} answered {status}: {answer}")
        return answer

    def served_by(self, question: str, conversation_id: str | None = None) -> tuple[dict, str]:
        """Ask through the proxy and tell which replica answered (the one whose access log grew)."""
        replicas = self.stack.containers("api")
        before = {name: self.stack.logs(name).count('"POST /ask') for name in replicas}
        answer = self.ask(question, conversation_id)
        grown = wait_for(
            "the replica's access log line",
            lambda: [n for n in replicas if self.stack.logs(n).count('"POST /ask') > before[n]],
            10,
        )
        return answer, grown[0]

    def follow_up_across_replicas(self) -> str:
        for _ in range(4):
            first, replica_1 = self.served_by(QUESTION)
            if first["refused"] or "trois axes" not in first["answer"]:
                raise CheckFailed(f"first question not answered: {first['answer'][:120]}")
            follow, replica_2 = self.served_by(FOLLOW_UP, first["conversation_id"])
            if replica_1 != replica_2:
                break
        else:
            raise CheckFailed(f"the proxy sent every request to one replica ({replica_1})")
        if follow["refused"]:
            raise CheckFailed(f"follow-up refused on {replica_2} (conversation not shared): {follow['answer'][:120]}")
        alone = self.ask(FOLLOW_UP)
        if not alone["refused"]:
            raise CheckFailed("the follow-up is answered even without its conversation: it proves nothing")
        self.conversation = first["conversation_id"]
        return f"question on {replica_1}, follow-up on {replica_2} answered from Redis (refused without it)"

    def client_address(self) -> str:
        proxy = self.stack.containers("proxy")[0]
        proxy_ip = self.stack.inspect(proxy, "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}")
        seen = set()
        for name in self.stack.containers("api"):
            seen |= set(re.findall(r"([\d.]+):\d+ - \"POST /ask", self.stack.logs(name)))
        if not seen or proxy_ip in seen:
            raise CheckFailed(f"the api keys clients on {sorted(seen)}, the proxy is {proxy_ip}")
        return f"the api saw the client as {', '.join(sorted(seen))}, not the proxy ({proxy_ip})"

    def new_document(self) -> str:
        if not self.ask(NEW_QUESTION)["refused"]:
            raise CheckFailed("the new document's question is answered before the document exists")
        replicas = self.stack.containers("api")
        started = {n: self.stack.inspect(n, "{{.State.StartedAt}}") for n in replicas}
        old = http("GET", self.base + "/ready")[1]["index_version"]
        (self.corpus / NEW_DOCUMENT_FILE).write_text(NEW_DOCUMENT)
        self.stack("--profile", "tools", "run", "--rm", "indexer")

        def all_new():
            versions = {n: self.replica_ready(n).get("index_version") for n in replicas}
            return versions if old not in versions.values() else None

        versions = wait_for("the new index version on every replica", all_new, 30)
        answer = self.ask(NEW_QUESTION)
        sources = {c["source"] for c in answer["citations"]}
        if answer["refused"] or "Kerlouan" not in answer["answer"] or not any(NEW_DOCUMENT_FILE in s for s in sources):
            raise CheckFailed(f"new document not answered: {answer['answer'][:160]} {sources}")
        if {n: self.stack.inspect(n, "{{.State.StartedAt}}") for n in replicas} != started:
            raise CheckFailed("an api replica was restarted")
        return f"{old} -> {set(versions.values()).pop()} on {len(replicas)} replicas, no restart; new document cited"

    def replica_ready(self, name: str) -> dict:
        probe = "import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:8000/ready').read().decode())"
        return json.loads(run("podman", "exec", name, "python", "-c", probe).stdout)

    def redis_restart(self) -> str:
        redis = self.stack.containers("redis")[0]
        run("podman", "restart", redis)
        self.stack.wait_healthy("redis", 1, 60)
        wait_for("/ready says ready again", lambda: http("GET", self.base + "/ready")[1].get("status") == "ready", 30)
        follow = self.ask(FOLLOW_UP, self.conversation)
        if follow["refused"]:
            raise CheckFailed("after the restart the conversation is gone (follow-up refused)")
        fresh = self.ask(QUESTION)
        if fresh["refused"]:
            raise CheckFailed("no answer after the Redis restart")
        return "answers continue, and a conversation from before the restart still answers its follow-up"

    def bot(self) -> str:
        seconds = self.stack.wait_healthy("bot", 1, 90)
        bot = self.stack.containers("bot")[0]
        restarts = self.stack.inspect(bot, "{{.RestartCount}}")
        if restarts != "0":
            raise CheckFailed(f"the bot restarted {restarts} times")
        telegram = f"http://127.0.0.1:{self.telegram_port}"
        http("POST", telegram + "/check/message", {"chat_id": CHAT, "text": QUESTION})
        sent = wait_for(
            "the bot's answer", lambda: [t for t in http("GET", f"{telegram}/check/sent/{CHAT}")[1] if "axes" in t], 30
        )
        return f"healthy after {seconds:.0f} s (heartbeat), no restart, answered a Telegram message ({len(sent[0])} characters)"

    # -- end ------------------------------------------------------------------------------------

    def tear_down(self) -> str:
        left = self.stack.remove()
        if left:
            raise CheckFailed(f"left behind: {left}")
        return "containers, pod, network and volumes removed"

    def main(self) -> int:
        if os.geteuid() != 0:
            print("FAIL compose-check needs root (podman builds and runs the stack)")
            return 1
        if shutil.which("podman") is None:
            print("FAIL podman is missing: run ../shared/tools/containers-here first (as root)")
            return 1
        WORK.mkdir(parents=True, exist_ok=True)
        started = False
        try:
            if ensure_nginx_stand_in():
                print("NOTE nginx:1.27-alpine was absent: built a labelled STAND-IN from Debian's nginx", flush=True)
            if self.step("image", self.build_image):
                self.write_env_and_corpus()
                started = True
                if self.step("stack up", self.start):
                    for name, action in [
                        ("follow-up across replicas", self.follow_up_across_replicas),
                        ("client address", self.client_address),
                        ("new document, no restart", self.new_document),
                        ("redis restart", self.redis_restart),
                        ("bot", self.bot),
                    ]:
                        self.step(name, action)
        finally:
            if started:
                self.step("tear down", self.tear_down)
            if self.torch_server is not None:
                self.torch_server.terminate()
        for name, fact in self.facts.items():
            print(f"     {name}: {fact}")
        print("compose-check: " + ("PASSED" if self.failures == 0 else f"FAILED ({self.failures} step(s))"))
        return 1 if self.failures else 0


if __name__ == "__main__":
    sys.exit(Check().main())
