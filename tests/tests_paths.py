"""Paths of the data the tests read: all inside the repository, so a plain clone runs every test."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EVAL = DATA / "eval"
DEFAULT_CORPUS = ROOT / "corpus" / "documents"
SOURCE_PAGE = DEFAULT_CORPUS / "poles-phase2-2009-2012.txt"
UPDATES = DATA / "corpus-updates"  # a copy of shared/corpus-updates, kept in step by tests/test_shared_copies.py
DEV_QUESTIONS = EVAL / "questions-dev.jsonl"
HELDOUT_QUESTIONS = EVAL / "questions-heldout.jsonl"
SHARED = ROOT.parent / "shared"  # the project's shared folder, beside a developer's or CI's clone only
