"""Prometheus metrics of the answer API, in a registry of their own."""

from __future__ import annotations

import time

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ApiMetrics:
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
        self.refusals = Counter("poles_qa_refusals_total", "Questions declined", registry=self.registry)
        self.index_info = Gauge(
            "poles_qa_index_info", "Served index version", ["version", "model"], registry=self.registry
        )
        self.chunks = Gauge("poles_qa_index_chunks", "Passages in the served index", registry=self.registry)
        self.reloads = Counter("poles_qa_index_reloads_total", "Index reloads", ["outcome"], registry=self.registry)

    def set_index(self, version: str, model: str, chunks: int) -> None:
        self.index_info.clear()
        self.index_info.labels(version=version, model=model).set(1)
        self.chunks.set(chunks)


class MetricsMiddleware:
    """Counts and times every request by route template (not raw path) and status."""

    def __init__(self, app: ASGIApp, metrics: ApiMetrics) -> None:
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
            route = scope.get("route")
            name = getattr(route, "path", None) or "unmatched"
            labels = {"route": name, "method": scope["method"], "status": str(status["code"])}
            self.metrics.requests.labels(**labels).inc()
            self.metrics.latency.labels(**labels).observe(time.perf_counter() - started)
