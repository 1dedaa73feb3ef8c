"""GET /admin/report: the editors' report (declined, answered with a caveat, voted 👎, most asked), behind the admin token."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from pydantic import BeforeValidator

from api.deps import RuntimeDep
from api.routes.admin import require_admin
from api.schemas import error_responses
from qa.feedback import FeedbackUnavailable
from qa.report import FeedbackReport, build_report, report_csv, report_period

router = APIRouter(prefix="/admin", tags=["admin"])


def iso_day(value: object) -> object:
    """Only AAAA-MM-JJ: pydantic alone would also read `0` as a Unix time."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("date attendue au format AAAA-MM-JJ")
    return value


Day = Annotated[date, BeforeValidator(iso_day)]


@router.get(
    "/report",
    response_model=FeedbackReport,
    dependencies=[Depends(require_admin)],
    responses={200: {"content": {"text/csv": {}}}} | error_responses(401, 404, 422, 503),
)
def report(
    runtime: RuntimeDep,
    since: Day | None = Query(None, description="Premier jour inclus (AAAA-MM-JJ) ; absent : tout ce qui est gardé"),
    until: Day | None = Query(None, description="Dernier jour inclus ; absent : aujourd'hui"),
    limit: int = Query(20, ge=1, le=1000, description="Questions par liste"),
    format: Literal["json", "csv"] = Query("json", description="json ou csv"),
):
    """Questions refusées, réponses avec réserve, réponses votées 👎 et questions les plus posées, regroupées et comptées."""
    start, end = report_period(since, until)
    try:
        result = build_report(runtime.feedback, start, end, limit)
    except FeedbackUnavailable as exc:
        raise HTTPException(503, "Les avis sont momentanément indisponibles : réessayez plus tard.") from exc
    if format == "csv":
        headers = {"Content-Disposition": 'attachment; filename="poles-qa-report.csv"'}
        return Response(report_csv(result), media_type="text/csv; charset=utf-8", headers=headers)
    return result
