"""POST /admin/reload, behind a bearer token; absent when no token is configured."""

from __future__ import annotations

import asyncio
import hmac

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.deps import ApiSettingsDep, RuntimeDep
from api.schemas import ReloadResult, error_responses

router = APIRouter(prefix="/admin", tags=["admin"])
bearer = HTTPBearer(auto_error=False, description="POLES_QA_ADMIN_TOKEN")


def require_admin(settings: ApiSettingsDep, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    if settings.admin_token is None:
        raise HTTPException(404, "Not Found")
    expected = settings.admin_token.get_secret_value().encode()
    given = credentials.credentials.encode() if credentials else b""
    if not hmac.compare_digest(given, expected):  # constant time
        raise HTTPException(401, "Jeton d'administration invalide.", {"WWW-Authenticate": "Bearer"})


@router.post(
    "/reload", response_model=ReloadResult, dependencies=[Depends(require_admin)], responses=error_responses(401, 404)
)
async def reload(runtime: RuntimeDep) -> ReloadResult:
    """Charge la version publiée de l'index ; une version cassée est refusée et l'ancienne reste servie."""
    swapped, message = await asyncio.to_thread(runtime.reloader.reload, True)
    retriever = runtime.service.retriever
    return ReloadResult(reloaded=swapped, index_version=retriever.version if retriever else None, message=message)
