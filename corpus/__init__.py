"""Read, clean and chunk the source documents about Phase 2 of the pôles de compétitivité."""

from pathlib import Path

DEFAULT_CORPUS_DIR = Path(__file__).resolve().parent / "documents"
