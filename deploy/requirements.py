"""Print the requirements of `pip install .[EXTRAS]` from pyproject.toml, torch apart from the rest.

The image installs torch first from its own source (PyTorch's CPU index, a mirror or a local wheel
index: the PyPI wheel pulls CUDA), then everything else from PyPI, before the project's code is
copied, so that a code change does not reinstall the dependencies.

    python requirements.py torch st     # torch==2.13.0 (or nothing when EXTRAS does not need torch)
    python requirements.py others st    # every other requirement, one a line
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path


def requirements(pyproject: Path, extras: list[str]) -> list[str]:
    """The base dependencies and those of `extras`; an extra naming the project itself is expanded."""
    project = tomllib.loads(pyproject.read_text())["project"]
    optional = project.get("optional-dependencies", {})
    found, pending, seen = list(project["dependencies"]), list(extras), set()
    while pending:
        extra = pending.pop()
        if extra in seen:
            continue
        if extra not in optional:
            raise SystemExit(f"unknown extra {extra!r}; pyproject.toml has {sorted(optional)}")
        seen.add(extra)
        for requirement in optional[extra]:
            if name_of(requirement) == project["name"]:  # "poles-qa[st]" in another extra
                pending += re.findall(r"[\w.-]+", requirement.split("[", 1)[1].split("]", 1)[0])
            elif requirement not in found:
                found.append(requirement)
    return found


def name_of(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def is_torch(requirement: str) -> bool:
    return name_of(requirement) == "torch"


def main() -> None:
    part, extras = sys.argv[1], [e for e in re.split(r"[\s,]+", sys.argv[2] if len(sys.argv) > 2 else "") if e]
    found = requirements(Path(__file__).resolve().parent.parent / "pyproject.toml", extras)
    wanted = [r for r in found if is_torch(r) == (part == "torch")]
    if wanted:  # nothing at all otherwise: the Dockerfile tests the file for emptiness
        print("\n".join(wanted))


if __name__ == "__main__":
    main()
