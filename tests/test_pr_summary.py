"""scripts/pr_summary.py: the Danish job summary of a pull request, on a small git repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from boerneinddragelse.commands import pr_summary

from conftest import ROOT, SITE_FIXTURES

SCRIPT = ROOT / "scripts" / "pr_summary.py"
SITE_URL = "https://example.org/boern/"


def test_name_status_with_renames_deletions_and_odd_names() -> None:
    output = "A\0docs/ny side.md\0M\0docs/om.md\0R087\0docs/gammel.md\0docs/flyttet.md\0D\0docs/væk.md\0"
    assert pr_summary.parse_name_status(output) == [
        pr_summary.Change("A", "docs/ny side.md"),
        pr_summary.Change("M", "docs/om.md"),
        pr_summary.Change("R", "docs/flyttet.md", "docs/gammel.md"),
        pr_summary.Change("D", "docs/væk.md"),
    ]
    assert pr_summary.parse_name_status("") == []


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("docs/praksiseksempler/samtale.md", SITE_URL + "praksiseksempler/samtale/"),
        ("docs/anbefalinger/1-lyt.en.md", SITE_URL + "en/anbefalinger/1-lyt/"),
        ("docs/index.md", SITE_URL),
        ("docs/nyheder/index.md", SITE_URL + "nyheder/"),
        ("docs/index.en.md", SITE_URL + "en/"),
    ],
)
def test_future_url_is_the_built_address(path: str, url: str) -> None:
    assert pr_summary.future_url(SITE_URL, path) == url


def test_titles_cannot_break_the_table() -> None:
    changes = [pr_summary.Change("A", "docs/x.md")]
    lines = pr_summary.pages_table(changes, {"docs/x.md": "A | B [c](d)"}, SITE_URL)
    assert lines[2] == f"| Ny | A \\| B \\[c\\](d)<br>`docs/x.md` | <{SITE_URL}x/> |"


# ---------------------------------------------------------------------------- a pull request in a git repository


def _git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Redaktør", "-c", "user.email=r@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def _summary(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--base", "main", "--site-url", SITE_URL.rstrip("/")],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The small fixture site committed on main, and a branch 'rettelse' checked out."""
    shutil.copytree(SITE_FIXTURES / "lille" / "docs", tmp_path / "docs")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "Sitet")
    _git(tmp_path, "checkout", "-q", "-b", "rettelse")
    return tmp_path


def test_summary_lists_pages_with_their_future_addresses(repo: Path) -> None:
    docs = repo / "docs"
    example = (docs / "praksiseksempler" / "samtale-paa-gaaturen.md").read_text(encoding="utf-8")
    (docs / "praksiseksempler" / "samtale-i-bilen.md").write_text(
        example.replace("Samtale på gåturen", "Samtale i bilen"), encoding="utf-8"
    )
    page = docs / "kun-dansk.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEt nyt afsnit.\n", encoding="utf-8")
    (docs / "partnerskab" / "testforeningen.md").unlink()
    (docs / "anbefalinger" / "2-giv-barnet-tid.md").rename(docs / "anbefalinger" / "2-giv-barnet-god-tid.md")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Rettelser")

    result = _summary(repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Forhåndsvisning af ændringen\n")
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows == [
        f"| Ny | Samtale i bilen<br>`docs/praksiseksempler/samtale-i-bilen.md` | "
        f"<{SITE_URL}praksiseksempler/samtale-i-bilen/> |",
        f"| Ændret | En side kun på dansk<br>`docs/kun-dansk.md` | <{SITE_URL}kun-dansk/> |",
        f"| Flyttet | Giv barnet tid<br>`docs/anbefalinger/2-giv-barnet-god-tid.md` (før "
        f"`docs/anbefalinger/2-giv-barnet-tid.md`) | <{SITE_URL}anbefalinger/2-giv-barnet-god-tid/> |",
        f"| Fjernet | `docs/partnerskab/testforeningen.md` | "
        f"{SITE_URL}partnerskab/testforeningen/ (findes ikke længere) |",
    ]
    assert "✅ Ingen problemer fundet" in out
    assert "**Artifacts**" in out and "`offline-kopi`" in out


def test_summary_shows_the_validators_errors(repo: Path) -> None:
    page = repo / "docs" / "kun-dansk.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Stavefejl i et felt")
    result = _summary(repo)
    assert result.returncode == 0, result.stderr
    assert "❌ " in result.stdout
    assert "docs/kun-dansk.md:2:1: fejl:" in result.stdout
    assert "[felt-mangler]" in result.stdout


def test_summary_without_page_changes_says_so(repo: Path) -> None:
    result = _summary(repo)
    assert "Pull requesten ændrer ingen sider i `docs/`." in result.stdout


def test_unknown_base_is_a_danish_error(repo: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--base", "findes-ikke"], cwd=repo, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Fejl: git kunne ikke sammenligne med findes-ikke")
    assert "Traceback" not in result.stderr
