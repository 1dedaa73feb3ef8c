"""The editors' report: what was declined, answered with a caveat, voted 👎, asked most, over a period.

Questions are grouped by their normalised form (qa.feedback.normalize_question), so « Quel budget ? »
and « quel budget » count as one question asked twice.
"""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel, Field

from qa.feedback import AskedQuestion, FeedbackStore, Vote


class QuestionGroup(BaseModel):
    """One question (all its wordings that normalise the same), with what it got."""

    question: str = Field(description="La formulation la plus récente")
    normalized: str
    asked: int = Field(description="Nombre de fois où elle a été posée")
    declined: int = Field(description="Nombre de refus")
    caveated: int = Field(0, description="Nombre de réponses données avec réserve (« confidence »: « low »)")
    votes_up: int
    votes_down: int
    last_asked: str = Field(description="Date UTC (ISO 8601) de la dernière fois")
    answers: list[str] = Field(description="Réponses données, la plus récente d'abord")
    cited_passages: list[str] = Field(description="« titre — section (chunk_id) », les plus cités d'abord")
    comments: list[str] = Field(description="Commentaires laissés avec les votes")


class FeedbackReport(BaseModel):
    since: str
    until: str
    questions: int = Field(description="Questions posées sur la période")
    votes: int
    declined: list[QuestionGroup] = Field(description="Questions refusées : contenu à ajouter")
    caveated: list[QuestionGroup] = Field(
        default_factory=list, description="Réponses avec réserve : les documents ne répondent qu'en partie"
    )
    voted_down: list[QuestionGroup] = Field(description="Réponses votées 👎 : contenu à corriger")
    most_asked: list[QuestionGroup]


def report_period(since: date | None, until: date | None) -> tuple[float, float]:
    """[start, end) in seconds for whole UTC days; no start: everything the retention kept."""
    start = datetime.combine(since, datetime.min.time(), UTC).timestamp() if since else 0.0
    end = datetime.combine(until + timedelta(days=1), datetime.min.time(), UTC).timestamp() if until else time.time()
    return start, end


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def _passage(citation) -> str:
    where = f"{citation.title} — {citation.section}" if citation.section else citation.title
    return f"{where} ({citation.chunk_id})"


def _group(records: list[AskedQuestion], votes: dict[str, list[Vote]]) -> QuestionGroup:
    latest = max(records, key=lambda r: r.created_at)
    its_votes = [v for r in records for v in votes.get(r.answer_id, [])]
    passages = Counter(_passage(c) for r in records for c in r.citations)
    answers = list(dict.fromkeys(r.answer for r in sorted(records, key=lambda r: -r.created_at)))
    return QuestionGroup(
        question=latest.question,
        normalized=latest.normalized,
        asked=len(records),
        declined=sum(r.refused for r in records),
        caveated=sum(not r.refused and r.confidence == "low" for r in records),
        votes_up=sum(v.vote == "up" for v in its_votes),
        votes_down=sum(v.vote == "down" for v in its_votes),
        last_asked=_iso(latest.created_at),
        answers=answers[:3],
        cited_passages=[p for p, _ in passages.most_common()],
        comments=[v.comment for v in its_votes if v.comment],
    )


def build_report(store: FeedbackStore, since: float, until: float, limit: int = 20) -> FeedbackReport:
    """Group the period's questions and votes; each list is sorted by how often it happened."""
    since = max(since, time.time() - store.retention_seconds)  # nothing older is kept
    records = store.questions(since, until)
    period_votes = store.votes(since, until)
    by_answer: dict[str, list[Vote]] = {}
    for vote in period_votes:
        by_answer.setdefault(vote.answer_id, []).append(vote)
    by_question: dict[str, list[AskedQuestion]] = {}
    for record in records:
        by_question.setdefault(record.normalized, []).append(record)
    groups = [_group(rs, by_answer) for rs in by_question.values()]

    def ranked(kept, key) -> list[QuestionGroup]:
        return sorted((g for g in groups if kept(g)), key=lambda g: (-key(g), g.normalized))[:limit]

    return FeedbackReport(
        since=_iso(since),
        until=_iso(until),
        questions=len(records),
        votes=len(period_votes),
        declined=ranked(lambda g: g.declined > 0, lambda g: g.declined),
        caveated=ranked(lambda g: g.caveated > 0, lambda g: g.caveated),
        voted_down=ranked(lambda g: g.votes_down > 0, lambda g: g.votes_down),
        most_asked=ranked(lambda g: True, lambda g: g.asked),
    )


CSV_COLUMNS = ["liste", "question", "posee", "refusee", "avec_reserve", "votes_pour", "votes_contre"]
CSV_COLUMNS += ["derniere_fois", "passages_cites", "reponse", "commentaires"]
LIST_NAMES = {
    "declined": "refusees",
    "caveated": "avec_reserve",
    "voted_down": "votees_contre",
    "most_asked": "plus_posees",
}


def _cell(value) -> str:
    """User text starting like a formula is quoted, so a spreadsheet shows it instead of running it."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def report_csv(report: FeedbackReport) -> str:
    """One row per question and list; multi-valued cells are joined with « | »."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for attribute, name in LIST_NAMES.items():
        for g in getattr(report, attribute):
            row = [name, g.question, g.asked, g.declined, g.caveated, g.votes_up, g.votes_down, g.last_asked]
            row += [" | ".join(g.cited_passages), g.answers[0] if g.answers else "", " | ".join(g.comments)]
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()


TEXT_LISTS = {
    "declined": "Questions refusées (contenu à ajouter)",
    "caveated": "Réponses avec réserve (les documents ne répondent qu'en partie : contenu à compléter)",
    "voted_down": "Réponses votées 👎 (contenu à corriger)",
    "most_asked": "Questions les plus posées",
}


def _text_group(attribute: str, g: QuestionGroup) -> list[str]:
    if attribute == "voted_down":
        head = f"  {g.votes_down} 👎 / {g.votes_up} 👍 — {g.question}"
    elif attribute == "caveated":
        head = f"  {g.caveated} avec réserve — {g.question} (posée {g.asked} fois, dernière fois {g.last_asked[:10]})"
    elif attribute == "declined":
        head = f"  {g.declined} refus — {g.question} (posée {g.asked} fois, dernière fois {g.last_asked[:10]})"
        return [head] + [f"      commentaire : {c}" for c in g.comments]
    else:
        refusals = f", {g.declined} refus" if g.declined and attribute == "most_asked" else ""
        head = f"  {g.asked} × {g.question} (dernière fois {g.last_asked[:10]}{refusals})"
    lines = [head]
    if attribute in ("voted_down", "caveated") and g.answers:
        lines.append(f"      réponse : {g.answers[0][:200]}")
    lines += [f"      passage : {p}" for p in g.cited_passages[:3]]
    lines += [f"      commentaire : {c}" for c in g.comments]
    return lines


def report_text(report: FeedbackReport) -> str:
    """The report for a terminal: one block per list, the questions most concerned first."""
    lines = [
        f"Rapport du {report.since[:10]} au {report.until[:10]} : {report.questions} questions, {report.votes} votes."
    ]
    for attribute, title in TEXT_LISTS.items():
        groups = getattr(report, attribute)
        lines += ["", title] + ([line for g in groups for line in _text_group(attribute, g)] or ["  (aucune)"])
    return "\n".join(lines)
