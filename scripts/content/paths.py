"""Where the project is, for the command-line tools."""

from __future__ import annotations

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def project_root() -> Path:
    """The current folder if it has docs/ (e.g. a copy of the site), else this repository."""
    cwd = Path.cwd()
    return cwd if (cwd / "docs").is_dir() else REPOSITORY
