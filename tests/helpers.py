"""The three helpers tests use to work on a project of their own: copy it, rewrite its mkdocs.yml, run make."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a clone does not have: environments, build output, caches.
NOT_IN_A_CLONE = (
    ".venv",
    ".venv-properdocs",
    "site",
    "site-properdocs",
    "dist",
    ".git",
    ".pytest_cache",
    "__pycache__",
    "node_modules",
)


def copy_project(destination: Path, docs: Path | None = None, *, tests: bool = False) -> Path:
    """A clone's files in destination with this checkout's .venv linked in; returns destination.

    docs: the docs tree to use instead of the real one. tests: copy tests/ too (large; only a test
    that runs the suite inside the copy needs it).
    """
    ignored = (*NOT_IN_A_CLONE, "docs", *(() if tests else ("tests",)))
    shutil.copytree(ROOT, destination, ignore=_ignore_at_top(ignored), dirs_exist_ok=True)
    shutil.copytree(docs or ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    (destination / ".venv").symlink_to(ROOT / ".venv")
    return destination


def _ignore_at_top(names: tuple[str, ...]) -> Callable[[str, list[str]], set[str]]:
    """Leave out names at the top of ROOT, and caches anywhere (a docs folder deeper down stays)."""

    def ignore(folder: str, entries: list[str]) -> set[str]:
        chosen = names if Path(folder) == ROOT else ("__pycache__", ".pytest_cache")
        return {e for e in entries if e in chosen}

    return ignore


def site_config(edit: Callable[[str], str] | None = None) -> str:
    """The text of mkdocs.yml for a project in another folder: the hooks and the theme overrides of
    this checkout by absolute path; edit may change the text further."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("scripts/hooks/content_hooks.py", str(ROOT / "scripts/hooks/content_hooks.py"))
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    return edit(text) if edit is not None else text


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
