"""Answering: settings, answer composition, conversations and the CLI."""
