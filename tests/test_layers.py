"""Imports point one way: corpus <- index <- qa <- api; the bot is an HTTP client and loads nothing of the server."""

import subprocess
import sys

import pytest
from tests_paths import ROOT

SERVER_SIDE = ["api", "index", "corpus", "qa.service", "qa.runtime", "qa.reloader", "faiss", "torch", "numpy"]


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("package", ["corpus", "index", "qa"])
def test_core_packages_import_neither_the_api_nor_the_bot(package):
    modules = sorted(
        p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".") for p in (ROOT / package).glob("*.py")
    )
    loaded = imported_after("; ".join(f"import {m}" for m in modules))
    assert not {m for m in loaded if m.split(".")[0] in {"api", "bot", "poles_qa"}}


def test_index_does_not_import_qa():
    loaded = imported_after("import index.builder, index.retriever, index.embedding")
    assert not {m for m in loaded if m.split(".")[0] == "qa"}


def test_the_bot_imports_nothing_server_side():
    loaded = imported_after("import bot.app, bot.handlers, bot.webhook, bot.settings")
    leaked = {m for m in loaded for s in SERVER_SIDE if m == s or m.startswith(s + ".")}
    assert not leaked, sorted(leaked)


def test_the_command_line_for_the_bot_loads_no_index_library():
    loaded = imported_after("import poles_qa.cli")
    assert not {m for m in loaded if m.split(".")[0] in {"faiss", "torch", "index", "numpy"}}
