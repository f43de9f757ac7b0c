"""The helpers tests use to work on a project of their own: copy it, rewrite its mkdocs.yml, run make.

Copying and the text of mkdocs.yml are shared with the bench (devtools.project)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from devtools.project import copy_project, site_config

__all__ = [
    "copy_project",
    "limit_memory",
    "run_make",
    "scan_seconds",
    "site_config",
    "without_shared_builds",
    "write_site_config",
]

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space; an alias bomb or a runaway recursion goes past it


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


def limit_memory() -> None:
    """For subprocess's preexec_fn: the child gets MEMORY_LIMIT of address space, then fails instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


_SCAN = """
import sys, time
from boerneinddragelse.markdown_blocks import scan_blocks
from boerneinddragelse.markdown_inline import HtmlTags, code_spans, links, reference_uses
from boerneinddragelse.parsed_page import ParsedPage
line = sys.stdin.read()
text = "Tekst.\\n\\n" + line + "\\n"
started = time.perf_counter()
page = ParsedPage(text, 7)
page.limit, page.headings, page.links, page.html_tags, page.markers, page.attribute_lists, page.prose, page.anchors
# The scanners behind the limits too, as if a line this long had passed them.
scan_blocks(text), HtmlTags(text).tags, list(code_spans(text)), list(links(text)), list(reference_uses(text))
print(f"{time.perf_counter() - started:.2f}")
"""


def scan_seconds(line: str) -> float:
    """Seconds every scanner of the parsed page takes over a page with this line, in a fresh process under the
    memory limit (20 s at most: subprocess.TimeoutExpired fails the test)."""
    result = subprocess.run(
        [sys.executable, "-c", _SCAN],
        input=line,
        capture_output=True,
        text=True,
        timeout=20,
        preexec_fn=limit_memory,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return float(result.stdout)
