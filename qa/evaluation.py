"""Measure answers on a question file: hit@1, hit@3, MRR, refusals, follow-ups, answer text."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from qa.models import Answer
from qa.service import AnswerService


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare expected phrases."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def load_questions(path: Path, corpus_names: set[str]) -> list[dict]:
    """Questions of a JSONL file, without those that need a corpus that is not indexed."""
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: invalid JSON ({exc.msg})") from exc
        if item.get("needs") and item["needs"] not in corpus_names:
            continue
        questions.append(item)
    return questions


def _first_rank(answer: Answer, expected: list[str]) -> int | None:
    wanted = [fold(e) for e in expected]
    for i, citation in enumerate(answer.citations[:3]):
        if any(w in fold(citation.text) for w in wanted):
            return i
    return None


@dataclass
class EvalResult:
    answerable: int = 0
    hit1: int = 0
    hit3: int = 0
    reciprocal_ranks: float = 0.0
    answer_text_hits: int = 0
    wrongly_refused: int = 0
    refuse_total: int = 0
    refuse_ok: int = 0
    followup_total: int = 0
    followup_ok: int = 0
    failures: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        def ratio(a: int | float, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "hit@1": ratio(self.hit1, self.answerable),
            "hit@3": ratio(self.hit3, self.answerable),
            "mrr": ratio(self.reciprocal_ranks, self.answerable),
            "answer_text": ratio(self.answer_text_hits, self.answerable),
            "wrongly_refused": self.wrongly_refused,
            "refusal_accuracy": ratio(self.refuse_ok, self.refuse_total),
            "followup_accuracy": ratio(self.followup_ok, self.followup_total),
        }


def _score_answerable(result: EvalResult, item: dict, answer: Answer) -> None:
    result.answerable += 1
    rank = None if answer.refused else _first_rank(answer, item["expect"])
    if answer.refused:
        result.wrongly_refused += 1
    if rank is not None:
        result.hit3 += 1
        result.hit1 += rank == 0
        result.reciprocal_ranks += 1 / (rank + 1)
    if any(fold(e) in fold(answer.answer) for e in item["expect"]):
        result.answer_text_hits += 1
    if rank != 0:
        result.failures.append(f"{item['id']}: rank {rank} for {item.get('question')!r}")


def evaluate(service: AnswerService, questions: list[dict]) -> EvalResult:
    result = EvalResult()
    for item in questions:
        if "conversation" in item:
            result.followup_total += 1
            conversation_id = None
            for turn in item["conversation"]:
                answer = service.ask(turn, conversation_id)
                conversation_id = answer.conversation_id
            ok = not answer.refused and _first_rank(answer, item["expect"]) is not None
            result.followup_ok += ok
            if not ok:
                result.failures.append(f"{item['id']}: follow-up not resolved")
        elif item.get("refuse"):
            result.refuse_total += 1
            answer = service.ask(item["question"])
            result.refuse_ok += answer.refused
            if not answer.refused:
                result.failures.append(f"{item['id']}: answered instead of declining: {answer.answer[:80]!r}")
        else:
            _score_answerable(result, item, service.ask(item["question"]))
    return result
