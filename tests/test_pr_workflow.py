"""The pull-request workflow (.github/workflows/pr.yml): what it checks, keeps and tells the editor.

The summary step's shell is run as written, in a clone of a small repository whose base branch
is on a local "origin", with GitHub's expressions and variables filled in by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, SITE_FIXTURES

WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"


def jobs() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def runs(job: str) -> list[str]:
    return [step["run"] for step in jobs()[job]["steps"] if "run" in step]


def step(job: str, name: str) -> dict[str, Any]:
    return next(s for s in jobs()[job]["steps"] if s.get("name") == name)


def test_checks_style_content_build_offline_copy_and_tests() -> None:
    commands = runs("tjek")
    for expected in ("validate.py --format github", "make lint", "make build", "make offline", "make test"):
        assert any(expected in command for command in commands), expected
    # make lint runs `ruff format --check` and zizmor, and make test runs make lint first, as CI must.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = {t: makefile.split(f"\n{t}:", 1)[1].split("\n\n", 1)[0] for t in ("lint", "test")}
    assert "ruff format --check scripts tests" in recipes["lint"]
    assert "zizmor --offline" in recipes["lint"]
    assert " lint" in recipes["test"].splitlines()[0]


def test_keeps_the_site_and_the_offline_copy_as_artifacts() -> None:
    uploads = {
        s["with"]["name"]: s["with"]["path"] for s in jobs()["tjek"]["steps"] if "upload-artifact" in s.get("uses", "")
    }
    assert uploads["site"] == "site"
    # The names make offline writes (scripts/build_offline.py: <name>.zip and <name>.zip.sha256).
    assert uploads["offline-kopi"].split() == ["dist/*.zip", "dist/*.zip.sha256"]
    for name in ("Gem sitet", "Gem offline kopien", "Resumé af ændringen"):
        assert step("tjek", name)["if"] == "${{ !cancelled() }}"  # also after a failed check


def test_checkout_has_the_history_the_summary_compares_with() -> None:
    checkout = next(s for s in jobs()["tjek"]["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0


def test_properdocs_job_builds_and_tests_with_properdocs() -> None:
    assert runs("properdocs") == ["make properdocs"]


def _git(cwd: Path, *args: str) -> None:
    identity = ["-c", "user.name=Redaktør", "-c", "user.email=r@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone with origin/main (the small fixture site) and a branch that adds one example."""
    seed = tmp_path / "start"
    shutil.copytree(SITE_FIXTURES / "lille" / "docs", seed / "docs")
    _git(seed, "init", "-q", "-b", "main")
    _git(seed, "add", ".")
    _git(seed, "commit", "-q", "-m", "Sitet")
    _git(tmp_path, "clone", "-q", str(seed), "klon")
    clone = tmp_path / "klon"
    (clone / "scripts").symlink_to(ROOT / "scripts", target_is_directory=True)
    (clone / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    _git(clone, "checkout", "-q", "-b", "nyt-eksempel")
    example = clone / "docs" / "praksiseksempler"
    text = (example / "samtale-paa-gaaturen.md").read_text(encoding="utf-8")
    (example / "samtale-i-bilen.md").write_text(text.replace("Samtale på gåturen", "Samtale i bilen"), "utf-8")
    _git(clone, "add", "docs")
    _git(clone, "commit", "-q", "-m", "Nyt eksempel")
    return clone


def test_summary_step_as_written_writes_the_danish_summary(pull_request: Path, tmp_path: Path) -> None:
    summary_step = step("tjek", "Resumé af ændringen")
    assert summary_step["env"]["BASE_REF"] == "${{ github.base_ref }}"  # passed as data, never into the script
    script = summary_step["run"]
    assert "${{" not in script
    summary = tmp_path / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PUBLISHED_URL": "https://eksempel.github.io/sitet/",
        "BASE_REF": "main",
    }
    result = subprocess.run(["bash", "-e", "-c", script], cwd=pull_request, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Forhåndsvisning af ændringen")
    assert "| Ny | Samtale i bilen<br>`docs/praksiseksempler/samtale-i-bilen.md` | " in text
    assert "<https://eksempel.github.io/sitet/praksiseksempler/samtale-i-bilen/>" in text
    assert "✅ Ingen problemer fundet" in text


def test_canonical_form_step_as_written_checks_the_pages_the_branch_changes(pull_request: Path) -> None:
    """The pages a pull request adds must be in canonical form (as after make normaliser); others are not read."""
    canonical_step = step("tjek", "Sider i fast form")
    assert canonical_step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    script = canonical_step["run"]
    assert "${{" not in script
    env = {**os.environ, "BASE_REF": "main"}
    page = pull_request / "docs" / "praksiseksempler" / "samtale-i-bilen.md"

    def run_step() -> subprocess.CompletedProcess[str]:
        _git(pull_request, "commit", "-q", "-a", "--allow-empty", "-m", "Ret")
        # GitHub's default shell for run: bash -e, without pipefail.
        return subprocess.run(["bash", "-e", "-c", script], cwd=pull_request, env=env, capture_output=True, text=True)

    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "scripts/normalise.py", str(page)], cwd=pull_request)
    assert run_step().returncode == 0
    # As the browser editor writes it: no blank line before the body.
    page.write_text(page.read_text(encoding="utf-8").replace("---\n\n", "---\n", 1), encoding="utf-8")
    result = run_step()
    assert result.returncode != 0
    assert result.stdout.startswith("docs/praksiseksempler/samtale-i-bilen.md:1: Siden er ikke i fast form.")
