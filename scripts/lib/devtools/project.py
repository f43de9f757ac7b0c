"""A copy of the project to work on, for the bench and the tests: the files a clone has, and mkdocs.yml
for a docs tree in another folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from boerneinddragelse.paths import REPOSITORY as ROOT

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
    ".hypothesis",
    ".ruff_cache",
)
CACHES = ("__pycache__", ".pytest_cache", "*.pyc")


def copy_project(destination: Path, docs: Path | None = None, *, tests: bool = False, venv: bool = True) -> Path:
    """A clone's files in destination; returns destination.

    docs: the docs tree to use instead of the real one. tests: copy tests/ too (large; only a test
    that runs the suite inside the copy needs it). venv: link this checkout's .venv into the copy, so
    that make and the scripts run there as in a set-up clone.
    """
    ignored = (*NOT_IN_A_CLONE, "docs", *(() if tests else ("tests",)))
    shutil.copytree(ROOT, destination, ignore=_ignore_at_top(ignored), dirs_exist_ok=True)
    shutil.copytree(docs or ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns(*CACHES))
    if venv:
        (destination / ".venv").symlink_to(ROOT / ".venv")
    return destination


def _ignore_at_top(names: tuple[str, ...]) -> Callable[[str, list[str]], set[str]]:
    """Leave out names at the top of ROOT, and caches anywhere (a docs folder deeper down stays)."""
    caches = shutil.ignore_patterns(*CACHES)

    def ignore(folder: str, entries: list[str]) -> set[str]:
        if Path(folder) == ROOT:
            return {e for e in entries if e in names}
        return set(caches(folder, entries))

    return ignore


def site_config(edit: Callable[[str], str] | None = None) -> str:
    """The text of mkdocs.yml for a project in another folder: the hooks and the theme overrides of
    this checkout by absolute path; edit may change the text further."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("scripts/hooks/content_hooks.py", str(ROOT / "scripts/hooks/content_hooks.py"))
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    return edit(text) if edit is not None else text


def top_level_block(text: str, key: str) -> str:
    """The lines of one top-level key of a YAML file, verbatim (keeps tags such as !!python/name)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#", "-"))),
        len(lines),
    )
    return "\n".join(lines[start:end]).rstrip() + "\n"
