"""Error bodies in French: `{"detail": "…"}` for every failure, never a framework's English text."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

JSON_EXPECTED = (
    "le corps de la requête doit être un objet JSON envoyé avec « content-type: application/json », "
    'par exemple {"question": "Quel budget pour la phase 2 ?"}'
)
# Starlette's and FastAPI's own details, as a user would read them.
FRAMEWORK_DETAILS = {
    "Not Found": "Ressource introuvable.",
    "Method Not Allowed": "Méthode HTTP non autorisée sur cette route.",
    "There was an error parsing the body": "Corps de requête illisible : envoyez du JSON encodé en UTF-8.",
    "Not authenticated": "Authentification requise.",
}


def _field_message(error: dict) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    messages = {
        "missing": "champ obligatoire manquant",
        "string_type": "doit être une chaîne de caractères",
        "int_type": "doit être un nombre entier",
        "int_parsing": "doit être un nombre entier",
        "int_from_float": "doit être un nombre entier",
        "extra_forbidden": "champ inconnu",
        "string_too_long": f"{ctx.get('max_length')} caractères au plus",
        "greater_than_equal": f"doit être supérieur ou égal à {ctx.get('ge')}",
        "less_than_equal": f"doit être inférieur ou égal à {ctx.get('le')}",
    }
    return messages.get(kind, "valeur invalide")


def validation_message(exc: RequestValidationError) -> str:
    """One French sentence for what is wrong with the request's shape."""
    parts = []
    for error in exc.errors():
        where = [str(p) for p in error.get("loc", ()) if p != "body"]
        kind = error.get("type", "")
        if kind == "json_invalid":
            parts.append(f"JSON mal formé ({error.get('ctx', {}).get('error', 'syntaxe')})")
        elif not where and kind in {"model_attributes_type", "dict_type", "missing"}:
            parts.append(JSON_EXPECTED)
        else:
            parts.append(f"{'.'.join(where)} : {_field_message(error)}")
    return "Requête invalide — " + "; ".join(parts) + "."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": validation_message(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = FRAMEWORK_DETAILS.get(exc.detail, exc.detail) if isinstance(exc.detail, str) else exc.detail
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
