"""Measure answers on question files: ranks of the right passage, answer text, refusals, follow-ups."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from index.analysis import fold_accents
from qa.models import Answer
from qa.service import AnswerService


class QuestionFileError(ValueError):
    """A question file that cannot be read; the message names the line."""


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare expected phrases."""
    return fold_accents(text.replace("\u2019", "'"))


def load_questions(path: Path) -> list[dict]:
    """The questions of a JSONL file, one object a line."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            questions.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"{path}:{number} : JSON invalide ({exc.msg})") from exc
    return questions


def first_rank(answer: Answer, expected: list[str]) -> int | None:
    """Rank (0-based) of the first cited passage holding one of the expected phrases."""
    wanted = [fold(e) for e in expected]
    for i, citation in enumerate(answer.citations[:3]):
        if any(w in fold(citation.text) for w in wanted):
            return i
    return None


def declined(answer: Answer) -> bool:
    """Declined, or answered with the explicit low-confidence caveat."""
    return answer.refused or getattr(answer, "confidence", "high") == "low"


@dataclass
class EvalResult:
    answerable: int = 0
    hit1: int = 0
    hit3: int = 0
    reciprocal_ranks: float = 0.0
    answer_text_hits: int = 0
    wrongly_refused: int = 0
    caveated: int = 0  # answerable, answered with the low-confidence caveat: right or not, a doubt shown to the user
    offtopic_total: int = 0
    offtopic_ok: int = 0
    near_total: int = 0
    near_ok: int = 0
    followup_total: int = 0
    followup_ok: int = 0
    failures: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        def ratio(a: int | float, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "questions": self.answerable,
            "hit@1": ratio(self.hit1, self.answerable),
            "hit@3": ratio(self.hit3, self.answerable),
            "mrr": ratio(self.reciprocal_ranks, self.answerable),
            "answer_text": ratio(self.answer_text_hits, self.answerable),
            "wrongly_declined": ratio(self.wrongly_refused, self.answerable),
            "answered_with_caveat": ratio(self.caveated, self.answerable),
            "offtopic_declined": ratio(self.offtopic_ok, self.offtopic_total),
            "near_declined": ratio(self.near_ok, self.near_total),
            "followups": ratio(self.followup_ok, self.followup_total),
        }


def _score_answerable(result: EvalResult, item: dict, answer: Answer) -> None:
    result.answerable += 1
    rank = None if answer.refused else first_rank(answer, item["expect"])
    result.wrongly_refused += answer.refused
    result.caveated += not answer.refused and answer.confidence == "low"
    if rank is not None:
        result.hit3 += 1
        result.hit1 += rank == 0
        result.reciprocal_ranks += 1 / (rank + 1)
    text_ok = any(fold(e) in fold(answer.answer) for e in item["expect"])
    result.answer_text_hits += text_ok
    if rank != 0 or not text_ok:
        state = "refusée" if answer.refused else f"rang {rank}, texte {'ok' if text_ok else 'sans la réponse'}"
        result.failures.append(f"{item['id']}: {state} — {item.get('question')!r} → {answer.answer[:100]!r}")


def _score_refusal(result: EvalResult, item: dict, answer: Answer) -> None:
    ok = declined(answer)
    if item.get("near"):
        result.near_total += 1
        result.near_ok += ok
    else:
        result.offtopic_total += 1
        result.offtopic_ok += ok
    if not ok:
        result.failures.append(f"{item['id']}: répondue au lieu d'être déclinée — {answer.answer[:100]!r}")


def evaluate(service: AnswerService, questions: list[dict]) -> EvalResult:
    result = EvalResult()
    for item in questions:
        if "conversation" in item:
            result.followup_total += 1
            conversation_id = None
            for turn in item["conversation"]:
                answer = service.ask(turn, conversation_id)
                conversation_id = answer.conversation_id
            if item.get("refuse"):  # the follow-up asks what the documents do not hold
                ok = declined(answer)
            else:
                ok = not answer.refused and first_rank(answer, item["expect"]) is not None
            result.followup_ok += ok
            if not ok:
                result.failures.append(f"{item['id']}: relance non résolue — {answer.answer[:100]!r}")
        elif item.get("refuse"):
            _score_refusal(result, item, service.ask(item["question"]))
        else:
            _score_answerable(result, item, service.ask(item["question"]))
    return result


def print_results(results: dict[tuple[str, str], EvalResult], as_json: bool) -> None:
    """One row per file and mode, one column per measure; then the misses."""
    if as_json:
        rows = {f"{name} [{mode}]": r.metrics() | {"failures": r.failures} for (name, mode), r in results.items()}
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    names = list(next(iter(results.values())).metrics())
    print(" | ".join(["file", "mode", *names]))
    for (name, mode), result in results.items():
        values = ["-" if v is None else str(v) for v in result.metrics().values()]
        print(" | ".join([name, mode, *values]))
    for (name, mode), result in results.items():
        for failure in result.failures:
            print(f"[{name} {mode}] {failure}")
