"""GET /admin/report: the editors' report (declined, voted 👎, most asked), behind the admin token."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

from api.deps import RuntimeDep
from api.routes.admin import require_admin
from api.schemas import error_responses
from qa.feedback import FeedbackUnavailable
from qa.report import FeedbackReport, build_report, report_csv, report_period

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get(
    "/report",
    response_model=FeedbackReport,
    dependencies=[Depends(require_admin)],
    responses={200: {"content": {"text/csv": {}}}} | error_responses(401, 404, 503),
)
def report(
    runtime: RuntimeDep,
    since: date | None = Query(None, description="Premier jour inclus (AAAA-MM-JJ) ; absent : tout ce qui est gardé"),
    until: date | None = Query(None, description="Dernier jour inclus ; absent : aujourd'hui"),
    limit: int = Query(20, ge=1, le=1000, description="Questions par liste"),
    format: Literal["json", "csv"] = Query("json", description="json ou csv"),
):
    """Questions refusées, réponses votées 👎 et questions les plus posées, regroupées et comptées."""
    start, end = report_period(since, until)
    try:
        result = build_report(runtime.feedback, start, end, limit)
    except FeedbackUnavailable as exc:
        raise HTTPException(503, "Les avis sont momentanément indisponibles : réessayez plus tard.") from exc
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="poles-qa-report.csv"'}
        return Response(report_csv(result), media_type="text/csv; charset=utf-8", headers=headers)
    return result
