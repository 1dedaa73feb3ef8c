"""POST /feedback and GET /admin/report on the live API, and `poles-qa report` on the store it filled."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import httpx
import pytest

pytestmark = pytest.mark.slow
ADMIN = {"Authorization": "Bearer jeton-admin"}


def ask(site, question: str, conversation_id: str | None = None) -> dict:
    response = httpx.post(
        site.url + "/ask", json={"question": question, "conversation_id": conversation_id}, timeout=30
    )
    assert response.status_code == 200
    return response.json()


def vote(site, **body) -> httpx.Response:
    return httpx.post(site.url + "/feedback", json=body, timeout=10)


def test_answers_carry_an_id_and_their_turn(site):
    first = ask(site, "Quels sont les trois axes de la phase 2 ?")
    second = ask(site, "Et les plates-formes d'innovation ?", first["conversation_id"])
    assert first["answer_id"] and first["answer_id"] != second["answer_id"]
    assert (first["turn"], second["turn"]) == (1, 2)


def test_a_vote_names_an_answer_by_id_or_by_turn(site):
    answer = ask(site, "Quels sont les trois axes de la phase 2 ?")
    by_id = vote(site, answer_id=answer["answer_id"], vote="up")
    assert by_id.status_code == 200 and by_id.json() == {
        "recorded": True,
        "answer_id": answer["answer_id"],
        "vote": "up",
    }
    by_turn = vote(site, conversation_id=answer["conversation_id"], turn=1, vote="down", channel="telegram", user="42")
    assert by_turn.json()["answer_id"] == answer["answer_id"]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"answer_id": "inconnu", "vote": "up"}, 404, "Réponse inconnue ou expirée"),
        ({"conversation_id": "sans-reponse", "turn": 3, "vote": "up"}, 404, "Réponse inconnue"),
        ({"vote": "up"}, 422, "indiquez answer_id, ou conversation_id et turn"),
        ({"answer_id": "x", "vote": "bof"}, 422, "vote"),
        ({"answer_id": "x", "vote": "up", "comment": "x" * 1001}, 422, "comment"),
    ],
)
def test_bad_votes_are_refused_in_french(site, body, status, words):
    response = vote(site, **body)
    assert response.status_code == status and words in response.json()["detail"]


def test_report_needs_the_admin_token(site):
    assert httpx.get(site.url + "/admin/report").status_code == 401
    assert httpx.get(site.url + "/admin/report", headers={"Authorization": "Bearer faux"}).status_code == 401


def fill(site) -> None:
    for _ in range(2):
        ask(site, "Qui a gagné la coupe du monde de football en 2018 ?")
    ask(site, "qui a gagne la coupe du monde de football en 2018")
    answer = ask(site, "Combien de pôles en 2010 ?")
    vote(site, answer_id=answer["answer_id"], vote="down", comment="Le nombre de pôles manque.")


def test_report_over_http_lists_declined_and_voted_down_questions(site):
    fill(site)
    report = httpx.get(site.url + "/admin/report", headers=ADMIN, timeout=30).json()
    declined = {g["normalized"]: g for g in report["declined"]}
    football = declined["qui a gagne la coupe du monde de football en 2018"]
    assert football["asked"] >= 3 and football["declined"] == football["asked"]
    down = next(g for g in report["voted_down"] if g["question"] == "Combien de pôles en 2010 ?")
    assert down["votes_down"] >= 1 and "Le nombre de pôles manque." in down["comments"]
    assert down["cited_passages"] and "#" in down["cited_passages"][0]
    csv_text = httpx.get(site.url + "/admin/report", params={"format": "csv"}, headers=ADMIN, timeout=30).text
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert any(r["liste"] == "refusees" and "coupe du monde" in r["question"] for r in rows)


def test_report_command_on_the_store_the_tests_filled(site):
    fill(site)
    env = {**os.environ, "POLES_QA_DATA_DIR": str(site.data_dir)}
    command = [sys.executable, "-m", "poles_qa.cli", "report"]
    result = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert any("coupe du monde" in g["question"] and g["declined"] >= 3 for g in report["declined"])
    assert any(g["question"] == "Combien de pôles en 2010 ?" for g in report["voted_down"])
    table = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert "Questions refusées" in table.stdout and "coupe du monde" in table.stdout
    as_csv = subprocess.run([*command, "--csv"], env=env, capture_output=True, text=True, timeout=120)
    assert as_csv.stdout.startswith("liste,question,posee")
