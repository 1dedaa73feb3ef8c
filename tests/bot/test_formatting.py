from telegram_html import check_telegram_html

from bot.formatting import answer_messages, passage_messages
from qa.models import Answer, Citation


def citation(n: int, text: str) -> Citation:
    return Citation(
        n=n,
        doc_id="d.md",
        chunk_id=f"d#{n}",
        title="Titre <b>&",
        section="Section",
        text=text,
        score=1.0,
        source="d.md",
    )


def test_document_and_user_text_is_escaped():
    answer = Answer(
        answer="Réponse <script>alert(1)</script> & *gras* [1]",
        refused=False,
        citations=[citation(1, "Passage <i>non fermé & 'cité'")],
    )
    [message] = answer_messages(answer)
    text = check_telegram_html(message)
    assert "<script>" in text and "&lt;script&gt;" in message
    assert "Titre <b>&" in text and "[1]" in text


def test_long_answers_are_split_on_block_boundaries_with_valid_html():
    long_text = " ".join(["Une phrase assez longue sur les pôles de compétitivité & leurs <projets>."] * 150)
    answer = Answer(
        answer=long_text + " [1]\n\nDeuxième paragraphe.",
        refused=False,
        citations=[citation(n, "Texte du passage. " * 30) for n in range(1, 4)],
    )
    messages = answer_messages(answer)
    assert len(messages) > 2
    joined = "".join(check_telegram_html(m) for m in messages)
    assert "Deuxième paragraphe." in joined and joined.count("[") >= 4


def test_full_passage_is_split_too():
    messages = passage_messages(citation(2, "Un passage <très> long. " * 400))
    assert len(messages) > 1
    for message in messages:
        check_telegram_html(message)


def test_a_low_confidence_answer_says_so_first():
    answer = Answer(answer="Les documents ne précisent pas cela pour la phase 3. [1]", refused=False, confidence="low")
    first = answer_messages(answer)[0]
    assert first.startswith("⚠️") and "incertaine" in first
