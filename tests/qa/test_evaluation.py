"""How `poles-qa eval` scores answers, with a scripted service: fast, no index."""

from __future__ import annotations

from qa.evaluation import evaluate
from qa.models import REFUSAL, Answer, Citation


def cited(text: str, confidence: str = "high") -> Answer:
    citation = Citation(n=1, doc_id="d", chunk_id="d#0", title="t", section="", text=text, score=0.9, source="d")
    return Answer(answer=f"{text} [1]", refused=False, confidence=confidence, citations=[citation])


class ScriptedService:
    """Answers each question with the answer written for it; a follow-up keeps its conversation."""

    def __init__(self, answers: dict[str, Answer]):
        self.answers = answers

    def ask(self, question: str, conversation_id: str | None = None) -> Answer:
        return self.answers[question].model_copy(update={"conversation_id": conversation_id or "c1"})


def test_a_follow_up_that_must_be_declined_counts_when_declined_or_caveated():
    service = ScriptedService(
        {
            "Le pôle Avenia est où ?": cited("Avenia, en Aquitaine"),
            "Et qui le préside ?": Answer(answer=REFUSAL, refused=True),
            "Et son adresse ?": cited("Avenia, en Aquitaine", confidence="low"),
            "Et son budget ?": cited("Avenia, en Aquitaine"),
        }
    )
    items = [
        {"id": f"c{n}", "conversation": ["Le pôle Avenia est où ?", second], "refuse": True, "near": True}
        for n, second in enumerate(["Et qui le préside ?", "Et son adresse ?", "Et son budget ?"])
    ]
    result = evaluate(service, items)
    assert (result.followup_ok, result.followup_total) == (2, 3)
    assert len(result.failures) == 1 and result.failures[0].startswith("c2:")


def test_a_follow_up_with_an_answer_needs_it_in_a_cited_passage():
    service = ScriptedService(
        {
            "Le pôle Avenia est où ?": cited("Avenia, en Aquitaine"),
            "Et il travaille sur quoi ?": cited("Avenia est consacré au sous-sol"),
        }
    )
    items = [
        {"id": "ok", "conversation": ["Le pôle Avenia est où ?", "Et il travaille sur quoi ?"], "expect": ["sous-sol"]},
        {"id": "ko", "conversation": ["Le pôle Avenia est où ?", "Et il travaille sur quoi ?"], "expect": ["eau"]},
    ]
    result = evaluate(service, items)
    assert (result.followup_ok, result.followup_total) == (1, 2)
