"""Paths of the shared data the tests read (also present in CI, beside the clone)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_QUESTIONS = SHARED / "eval" / "questions-dev.jsonl"
HELDOUT_QUESTIONS = ROOT / "tests" / "data" / "questions-heldout.jsonl"
DEFAULT_CORPUS = ROOT / "corpus" / "documents"
UPDATES = SHARED / "corpus-updates"
