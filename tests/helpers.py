"""The helpers tests use to work on a project of their own: copy it, rewrite its mkdocs.yml, run make.

Copying and the text of mkdocs.yml are shared with the bench (devtools.project)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from devtools.project import copy_project, site_config

__all__ = ["copy_project", "run_make", "site_config", "without_shared_builds", "write_site_config"]


def write_site_config(project: Path, edit: Callable[[str], str] | None = None) -> Path:
    """site_config written as project/mkdocs.yml (next to project/docs); returns its path."""
    path = project / "mkdocs.yml"
    path.write_text(site_config(edit), encoding="utf-8")
    return path


def run_make(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """make in project (a copy_project), never reinstalling into the linked .venv; env adds variables."""
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/bin/.installed", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=False,
    )


def without_shared_builds(environment: os._Environ[str] | dict[str, str]) -> dict[str, str]:
    """The environment without TEST_BUILDS (conftest.shared_build): for a test suite run inside a copy."""
    return {k: v for k, v in environment.items() if k != "TEST_BUILDS"}
