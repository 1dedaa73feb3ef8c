"""Embedding backends behind the `index.embedding.Encoder` interface."""
