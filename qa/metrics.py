"""Prometheus metrics of the answer service, in a registry of its own (the API adds its HTTP ones)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge


class ServiceMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
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
