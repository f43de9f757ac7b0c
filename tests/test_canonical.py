"""The canonical form of a page: what the browser editor writes is normalised to it, and nothing else changes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from boerneinddragelse.canonical import canonical_bytes, canonical_text
from boerneinddragelse.frontmatter import split
from boerneinddragelse.model import PRAKSISEKSEMPEL
from boerneinddragelse.templates import page_text

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "canonical"
SITE = ROOT / "tests" / "fixtures" / "site" / "gyldig" / "docs"
SCRIPT = ROOT / "scripts" / "normalise.py"


def test_form_output_becomes_canonical() -> None:
    """CRLF, quotes, the missing blank line, the schema's order, empty optional fields, trailing blank lines."""
    raw = (FIXTURES / "praksiseksempler" / "fra-formularen.md").read_bytes()
    expected = (FIXTURES / "praksiseksempler" / "fra-formularen.forventet").read_bytes()
    assert canonical_bytes(raw, "praksiseksempler/fra-formularen.md") == expected


def test_values_are_kept() -> None:
    """Normalising never changes what a field means: the parsed data is the same, minus empty optional fields."""
    raw = (FIXTURES / "praksiseksempler" / "fra-formularen.md").read_bytes().decode().replace("\r\n", "\n")
    before = split(raw, "x.md").data
    after = split(canonical_text(raw, "praksiseksempler/x.md") or "", "x.md").data
    assert after == {k: v for k, v in before.items() if v not in ("", [], {})}
    assert list(after)[:3] == ["title", "description", "revideret"]


@pytest.mark.parametrize("page", sorted(SITE.rglob("*.md")), ids=lambda p: p.relative_to(SITE).as_posix())
def test_canonical_form_is_stable(page: Path) -> None:
    rel = page.relative_to(SITE).as_posix()
    once = canonical_bytes(page.read_bytes(), rel)
    assert once is not None
    assert canonical_bytes(once, rel) == once
    assert split(once.decode(), rel).data == split(page.read_text(encoding="utf-8"), rel).data


def test_new_page_template_has_one_blank_line_before_the_body() -> None:
    from datetime import date

    text = page_text(PRAKSISEKSEMPEL, "En titel til testen", date(2026, 1, 2))
    result = canonical_text(text, "praksiseksempler/en-titel-til-testen.md")
    assert result is not None and "---\n\n## " in result and result.endswith("\n") and not result.endswith("\n\n")


def test_unreadable_pages_are_left_to_the_validator() -> None:
    assert canonical_text("no front matter\n", "om.md") is None
    assert canonical_text("---\ntitle: [unclosed\n---\n", "om.md") is None
    assert canonical_bytes(b"\xff\xfe", "om.md") is None


def _run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=site, capture_output=True, text=True, timeout=60, check=False
    )


def test_command_fixes_and_signals(tmp_path: Path) -> None:
    docs = tmp_path / "docs" / "praksiseksempler"
    docs.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "praksiseksempler" / "fra-formularen.md", docs / "fra-formularen.md")
    page = docs / "fra-formularen.md"
    before = page.read_bytes()
    checked = _run(tmp_path, "--tjek")
    assert checked.returncode == 1 and "docs/praksiseksempler/fra-formularen.md:1:" in checked.stdout
    assert page.read_bytes() == before
    fixed = _run(tmp_path, "docs/praksiseksempler")
    assert fixed.returncode == 1 and "skrevet i fast form" in fixed.stdout
    assert page.read_bytes() == (FIXTURES / "praksiseksempler" / "fra-formularen.forventet").read_bytes()
    again = _run(tmp_path)
    assert again.returncode == 0 and again.stdout == ""
    outside = _run(tmp_path, str(FIXTURES))
    assert outside.returncode == 2 and "ligger ikke under docs/" in outside.stderr


def test_pre_commit_hook_normalises_the_staged_pages() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = next(h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "normalise")
    assert hook["entry"] == ".venv/bin/python scripts/normalise.py"
    assert hook.get("pass_filenames", True)  # only the staged pages, which the command rewrites
    assert re.search(hook["files"], "docs/nyheder/2024-01-01-x.md") and not re.search(hook["files"], "scripts/x.py")


def test_an_optional_group_left_empty_is_left_out() -> None:
    text = "---\ntitle: Samtale med barnet i skolen\nkontakt:\n  navn: ''\n  email: ''\nmaterialer: []\n---\n\nTekst.\n"
    assert canonical_text(text, "praksiseksempler/x.md") == "---\ntitle: Samtale med barnet i skolen\n---\n\nTekst.\n"
