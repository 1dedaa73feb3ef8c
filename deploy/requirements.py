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
    project = tomllib.loads(pyproject.read_text())["project"]
    optional = project.get("optional-dependencies", {})
    unknown = [extra for extra in extras if extra not in optional]
    if unknown:
        raise SystemExit(f"unknown extra(s) {unknown}; pyproject.toml has {sorted(optional)}")
    found = list(project["dependencies"])
    for extra in extras:
        found += optional[extra]
    return found


def is_torch(requirement: str) -> bool:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower() == "torch"


def main() -> None:
    part, extras = sys.argv[1], [e for e in re.split(r"[\s,]+", sys.argv[2] if len(sys.argv) > 2 else "") if e]
    found = requirements(Path(__file__).resolve().parent.parent / "pyproject.toml", extras)
    wanted = [r for r in found if is_torch(r) == (part == "torch")]
    print("\n".join(wanted))


if __name__ == "__main__":
    main()
