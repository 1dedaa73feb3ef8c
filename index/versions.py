"""Versioned index folders published by an atomic symlink swap, with a build lock."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.bundle import IndexLoadError, read_manifest

CURRENT = "current"
VERSIONS = "versions"
BUILDING_PREFIX = ".building-"


class BuildLockedError(Exception):
    """Another build holds the index lock."""


class IndexVersions:
    """The layout of an index folder: versions/<version>/ and a `current` link to one of them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions_dir = root / VERSIONS

    @property
    def current_link(self) -> Path:
        return self.root / CURRENT

    def current(self) -> Path | None:
        """The published version folder, or None when nothing has been published."""
        if not self.current_link.is_symlink() and not self.current_link.is_dir():
            return None
        target = self.current_link.resolve()
        return target if target.is_dir() else None

    def listed(self) -> list[Path]:
        """Complete versions, oldest first (names start with their UTC build time)."""
        if not self.versions_dir.is_dir():
            return []
        return sorted(p for p in self.versions_dir.iterdir() if p.is_dir() and (p / "manifest.json").is_file())

    def new_build_folder(self) -> Path:
        self.versions_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=BUILDING_PREFIX, dir=self.versions_dir))

    def publish(self, build_folder: Path, version: str) -> Path:
        """Move a verified build into place and switch `current` to it in one rename."""
        final = self.versions_dir / version
        build_folder.rename(final)
        link_tmp = self.root / f".current-{os.getpid()}"
        if link_tmp.is_symlink() or link_tmp.exists():
            link_tmp.unlink()
        link_tmp.symlink_to(Path(VERSIONS) / version)
        link_tmp.replace(self.current_link)  # rename(2) over the old link is atomic
        return final

    def rollback(self) -> Path:
        """Publish the version before the current one."""
        current = self.current()
        versions = self.listed()
        older = [v for v in versions if current is None or v.name < current.name]
        if not older:
            raise IndexLoadError("aucune version antérieure de l'index vers laquelle revenir")
        target = older[-1]
        read_manifest(target)
        link_tmp = self.root / f".current-{os.getpid()}"
        link_tmp.symlink_to(Path(VERSIONS) / target.name)
        link_tmp.replace(self.current_link)
        return target

    def prune(self, keep: int) -> list[str]:
        """Delete old versions beyond `keep` and leftovers of dead builds; never the current one."""
        removed: list[str] = []
        current = self.current()
        versions = self.listed()
        for old in versions[: max(0, len(versions) - keep)]:
            if old != current:
                shutil.rmtree(old, ignore_errors=True)
                removed.append(old.name)
        if self.versions_dir.is_dir():
            for leftover in self.versions_dir.glob(BUILDING_PREFIX + "*"):
                shutil.rmtree(leftover, ignore_errors=True)
                removed.append(leftover.name)
        return removed

    @contextmanager
    def build_lock(self, wait: bool = False) -> Iterator[None]:
        """Only one build at a time: wait for the lock, or fail at once with a clear message."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".build.lock").open("w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise BuildLockedError(
                    f"une autre construction de l'index est en cours dans {self.root} : attendez qu'elle finisse (ou --wait)."
                ) from exc
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


class IndexNotBuiltError(Exception):
    """No index has been published yet."""


def load_published(root: Path):
    """Load and verify the published version of an index folder."""
    from index.bundle import IndexBundle

    current = IndexVersions(root).current()
    if current is None:
        raise IndexNotBuiltError(f"aucun index dans {root} : lancez d'abord `poles-qa index build`.")
    return IndexBundle.load(current)
