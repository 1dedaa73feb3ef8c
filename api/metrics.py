"""Prometheus metrics of the HTTP layer; the service's own (refusals, index) live in qa.metrics."""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HttpMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "poles_qa_http_requests_total", "HTTP requests", ["route", "method", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "poles_qa_http_request_seconds",
            "HTTP request latency",
            ["route", "method", "status"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
            registry=self.registry,
        )


def route_label(scope: Scope) -> str:
    """The route template of a request; FastAPI's own pages (/docs, /openapi.json) are plain routes."""
    route = scope.get("route")
    if route is not None:
        return route.path
    app = scope.get("app")
    path = scope.get("path", "")
    for candidate in getattr(app, "routes", ()):
        if isinstance(candidate, Route) and candidate.path == path:
            return path
    return "unmatched"


class MetricsMiddleware:
    """Counts and times every request by route template (not raw path) and status."""

    def __init__(self, app: ASGIApp, metrics: HttpMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            labels = {"route": route_label(scope), "method": scope["method"], "status": str(status["code"])}
            self.metrics.requests.labels(**labels).inc()
            self.metrics.latency.labels(**labels).observe(time.perf_counter() - started)
