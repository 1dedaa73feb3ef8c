"""The bot's way to the answer API: the same answering code serves both front doors."""

from __future__ import annotations

import httpx

from qa.models import Answer


class AnswerServiceUnavailable(Exception):
    """The answer API is down, slow or failing."""


class QuestionRejected(Exception):
    """The answer API refused the question (too long, empty...); the message is for the user."""


class AnswerForgotten(Exception):
    """The answer API no longer knows the answer a vote is about (past its retention period)."""


class AnswerClient:
    def __init__(self, base_url: str, timeout: float) -> None:
        self._client = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout)

    async def ask(self, question: str, conversation_id: str) -> Answer:
        response = await self._request("POST", "/ask", json={"question": question, "conversation_id": conversation_id})
        return Answer.model_validate(response.json())

    async def feedback(self, answer: Answer, vote: str, user_id: int) -> None:
        """A 👍 / 👎 goes to the answer API, where the web page's votes go too; it keeps only a hash of the user."""
        if answer.answer_id:
            target: dict = {"answer_id": answer.answer_id}
        else:
            target = {"conversation_id": answer.conversation_id, "turn": answer.turn}
        body = target | {"vote": vote, "channel": "telegram", "user": str(user_id)}
        await self._request("POST", "/feedback", json=body)

    async def sources(self) -> dict:
        return (await self._request("GET", "/sources")).json()

    async def _request(self, method: str, path: str, **kwargs) -> httpx.Response:
        try:
            response = await self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise AnswerServiceUnavailable(str(exc)) from exc
        if response.status_code == 404:
            raise AnswerForgotten(path)
        if response.status_code in (400, 413, 422):
            detail = (
                response.json().get("detail", "")
                if response.headers.get("content-type", "").startswith("application/json")
                else ""
            )
            raise QuestionRejected(str(detail) or "Question refusée.")
        if response.status_code >= 400:
            raise AnswerServiceUnavailable(f"answer API answered {response.status_code}")
        return response

    async def close(self) -> None:
        await self._client.aclose()
