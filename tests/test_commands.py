"""The commands in README.md and CONTRIBUTING.md work as written, without an activated environment.

Commands run in a copy of the project in tmp_path whose .venv is a link to this checkout's .venv;
`make -o .venv/bin/.installed` keeps make from reinstalling into it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from helpers import copy_project, run_make

DOCUMENTS = ("README.md", "CONTRIBUTING.md")
SMALL_DOCS = ROOT / "tests" / "fixtures" / "validate" / "side-uopnaaelig" / "good" / "docs"
# The tools editors run by hand, with the make target each one names in its Danish message.
EDITOR_SCRIPTS = {
    "validate.py": "make validate",
    "new.py": "make ny",
    "export_schemas.py": "make skemaer",
    "build_offline.py": "make offline",
    "pr_summary.py": "make pr-resume",
}
# PATH without the virtual environment: what a terminal, VS Code or GitHub Desktop has.
BARE_PATH = os.pathsep.join(p for p in ("/usr/local/bin", "/usr/bin", "/bin") if Path(p).is_dir())


def documented_commands() -> list[str]:
    """Every inline code span in the guides that is a command (make, python, a tool in .venv, …)."""
    commands = []
    for name in DOCUMENTS:
        for span in re.findall(r"`([^`\n]+)`", (ROOT / name).read_text(encoding="utf-8")):
            # What an editor would type: make, a script, pre-commit, activating; tool names such as
            # `mkdocs serve` in the developers' prose describe what make runs.
            if re.match(r"\.venv/bin/|(make|python3?|pre-commit|source) ", span):
                commands.append(span)
    return commands


def run_bare(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """make in a copy of the project, with the PATH an editor's terminal has (no activated environment)."""
    return run_make(project, *args, PATH=BARE_PATH)


# ---------------------------------------------------------------------------- the guides


def test_guides_name_commands() -> None:
    commands = documented_commands()
    assert any(c.startswith("make ny ") for c in commands)
    assert any(c.startswith(".venv/bin/python scripts/") for c in commands)


@pytest.mark.parametrize("command", sorted(set(documented_commands())))
def test_documented_command_needs_no_activated_environment(command: str) -> None:
    # A bare `python scripts/…`, `pre-commit …` or `source .venv/bin/activate` fails on a fresh clone.
    assert command.startswith(("make ", ".venv/bin/")), command
    if command.startswith(".venv/bin/"):
        program, *arguments = command.split()
        scripts = [a for a in arguments if a.startswith("scripts/") and a != "scripts/…"]  # … stands for any
        assert (ROOT / program).name in {"python", "ruff", "pre-commit", "mkdocs", "properdocs"}, command
        assert all((ROOT / s).is_file() for s in scripts), command
    else:
        # A dry run names every recipe line; an unknown target fails with "No rule to make target".
        result = subprocess.run(
            ["make", "-n", *shlex.split(command)[1:]], cwd=ROOT, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------- make targets


@pytest.mark.build
def test_make_ny_creates_the_page_with_the_title_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", SMALL_DOCS)
    title = 'Børn siger "nej" – og hvad så?'
    result = run_bare(project, "ny", "TYPE=praksiseksempel", f"TITEL={title}")
    assert result.returncode == 0, result.stderr
    created = project / "docs" / "praksiseksempler" / "boern-siger-nej-og-hvad-saa.md"
    assert "Oprettet: docs/praksiseksempler/boern-siger-nej-og-hvad-saa.md" in result.stdout
    assert yaml.safe_load(created.read_text(encoding="utf-8").split("---\n")[1])["title"] == title
    check = run_bare(project, "validate", f"STI={created.relative_to(project)}")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "fejl:" not in check.stdout and "(1 fil tjekket)" in check.stdout


@pytest.mark.build
def test_make_ny_without_type_or_title_explains_itself(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", SMALL_DOCS)
    result = run_bare(project, "ny", "TITEL=Noget")
    assert result.returncode != 0
    assert 'Brug: make ny TYPE=praksiseksempel TITEL="Titel på eksemplet"' in result.stdout
    assert sorted(p.name for p in (project / "docs").rglob("*.md")) == sorted(p.name for p in SMALL_DOCS.rglob("*.md"))


# ---------------------------------------------------------------------------- without the packages


@pytest.mark.build  # starts build_offline.py, among others
@pytest.mark.parametrize(("script", "make_command"), sorted(EDITOR_SCRIPTS.items()))
def test_script_without_the_project_packages_says_what_to_run(script: str, make_command: str) -> None:
    # -S leaves out site-packages: the script sees what a bare python3 without the packages sees.
    result = subprocess.run(
        [sys.executable, "-S", str(ROOT / "scripts" / script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert re.search(r"Fejl: Python-pakken »\w+« mangler", result.stderr), result.stderr
    assert f"Kør i stedet: {make_command}" in result.stderr
    assert f".venv/bin/python scripts/{script}" in result.stderr


# ---------------------------------------------------------------------------- pre-commit


def _git(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    identity = ["-c", "user.name=Redaktør", "-c", "user.email=redaktoer@example.org", "-c", "commit.gpgsign=false"]
    return subprocess.run(
        ["git", *identity, *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": BARE_PATH, "PRE_COMMIT_HOME": str(project.parent / "pre-commit-cache")},
        check=False,
    )


@pytest.mark.build
def test_make_hooks_installs_a_hook_that_runs_without_an_activated_environment(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", SMALL_DOCS)
    (project / ".gitignore").write_text(".venv\n__pycache__/\n", encoding="utf-8")
    assert _git(project, "init", "-q").returncode == 0
    installed = run_bare(project, "hooks")
    assert installed.returncode == 0, installed.stderr
    assert (project / ".git" / "hooks" / "pre-commit").is_file()
    page = next(p for p in (project / "docs").rglob("*.md") if p.name != "index.md")
    # As the browser editor writes a page: no blank line before the body. The normaliser hook rewrites
    # it (and any other page not in canonical form) and stops the commit once; added again, it passes.
    page.write_text(page.read_text(encoding="utf-8").replace("---\n\n", "---\n", 1), encoding="utf-8")
    _git(project, "add", ".")
    normalised = _git(project, "commit", "-q", "-m", "Første udgave")
    assert normalised.returncode != 0 and "skrevet i fast form" in normalised.stdout + normalised.stderr
    assert "---\n\n" in page.read_text(encoding="utf-8")
    _git(project, "add", ".")
    first = _git(project, "commit", "-q", "-m", "Første udgave")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Tjek indholdet" in first.stdout + first.stderr  # the hook ran
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    _git(project, "add", ".")
    refused = _git(project, "commit", "-q", "-m", "Ødelagt side")
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "fejl: " in output and "[felt-mangler]" in output, output
    assert "Executable" not in output


@pytest.mark.build
def test_set_up_without_a_usable_python_says_so_in_danish(tmp_path: Path) -> None:
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    result = subprocess.run(
        ["make", "--no-print-directory", "validate", "PYTHON=/findes/ikke/python3"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Fejl: projektet kræver Python 3.11 eller nyere" in result.stdout
    assert not (tmp_path / ".venv").exists()
