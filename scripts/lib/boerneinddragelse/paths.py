"""Where the project's folders are: the one place that knows the repository's layout."""

from __future__ import annotations

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[3]  # scripts/lib/boerneinddragelse/ → the repository
DATA_DIR = REPOSITORY / "scripts" / "data"  # the editors' data files: vocabularies, municipalities, cited facts
PARTIALS = REPOSITORY / "overrides" / "partials" / "generated"


def project_root() -> Path:
    """The current folder if it has docs/ (e.g. a copy of the site), else this repository."""
    cwd = Path.cwd()
    return cwd if (cwd / "docs").is_dir() else REPOSITORY
