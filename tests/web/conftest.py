"""A live answer API (real model, real corpus plus a note full of HTML tags) and a real Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser import Page, start_chromium
from servers import LiveServer
from settings_for_tests import api_settings, server_settings

TAGGED_NOTE = """---
title: "Note <img src=x onerror=\\"document.title='pirate'\\"> sur les balises du portail"
source: "javascript:document.title='pirate'"
---
# Affichage des balises <script>document.title='pirate'</script>

Le portail des pôles de compétitivité affiche tel quel le texte <script>document.title='pirate'</script> et la
balise <img src=x onerror="document.title='pirate'"> : une note de test sur les balises du portail.
"""


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory, full_corpus) -> Path:
    folder = tmp_path_factory.mktemp("web-corpus")
    for path in full_corpus.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "note-balises.md").write_text(TAGGED_NOTE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def make_app(real_encoder, web_corpus):
    """The real app on a test's folders; servers share the session's model, never their state."""
    from api.main import create_app
    from qa.runtime import build_runtime

    def make(tmp: Path, index_dir: Path | None = None, **overrides):
        values = {"corpus_dir": web_corpus, "index_dir": index_dir or tmp / "index", "data_dir": tmp / "data"}
        settings = server_settings(**(values | {"rate_limit_per_minute": 1000} | overrides))
        runtime = build_runtime(settings, encoder=real_encoder)
        return create_app(api_settings(admin_token="jeton-admin", reload_poll_seconds=0), runtime=runtime)

    return make


@pytest.fixture(scope="session")
def site(tmp_path_factory, make_app):
    """The answer API serving the page; its first start builds the index of the corpus."""
    tmp = tmp_path_factory.mktemp("web")
    with LiveServer(make_app(tmp)) as server:
        server.tmp, server.data_dir, server.index_dir = tmp, tmp / "data", tmp / "index"
        yield server


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


@pytest.fixture
def page(chromium, site) -> Page:
    """The page, freshly opened with nothing remembered from another test."""
    chromium.set_window_size(1100, 1400)
    return Page(chromium, site.url).open()
