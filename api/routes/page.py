"""The chat page at `/` and its two files, with a strict Content-Security-Policy.

The page is plain HTML, CSS and JavaScript from api/static/ (no build step, nothing fetched from
elsewhere); it calls /ask and /feedback on the same origin.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, Response

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PAGE_FILES = {
    "app.js": "text/javascript; charset=utf-8",
    "answer-view.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}
# Only this origin's own script, styles and calls; no inline script or style, no frames, no plugins.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": PAGE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def build_router(max_question_chars: int) -> APIRouter:
    """The page states the configured question length limit; the files are read once, here."""
    router = APIRouter(include_in_schema=False)
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    html = html.replace("__MAX_QUESTION_CHARS__", str(max_question_chars))
    files = {name: (STATIC_DIR / name).read_bytes() for name in PAGE_FILES}

    @router.get("/", response_class=HTMLResponse)
    async def page() -> HTMLResponse:
        """La page de questions-réponses."""
        return HTMLResponse(html, headers=PAGE_HEADERS)

    @router.get("/static/{name}")
    async def page_file(name: str) -> Response:
        if name not in files:
            raise HTTPException(404, "Fichier introuvable.")
        return Response(files[name], media_type=PAGE_FILES[name], headers=PAGE_HEADERS)

    return router
