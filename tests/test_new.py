"""scripts/new.py: new pages from the model's templates, valid as soon as they are created."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from boerneinddragelse.frontmatter import split
from boerneinddragelse.model import PAGE_TYPES
from boerneinddragelse.slugs import slugify
from boerneinddragelse.validation import validate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validate"
SCRIPT = ROOT / "scripts" / "new.py"


def _new(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
    )


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """Recommendation 1, the catalogue and the news index: room for every type of new page."""
    shutil.copytree(FIXTURES / "side-uopnaaelig" / "good" / "docs", tmp_path / "docs")
    return tmp_path


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Test af skabelon", "test-af-skabelon"),
        ("Børn på SMS: Når rådgiveren skifter", "boern-paa-sms-naar-raadgiveren-skifter"),
        ("Æblegrød & ÅRSMØDE 2024", "aeblegroed-aarsmoede-2024"),
        ("Café Noël — 10 % færre møder!", "cafe-noel-10-faerre-moeder"),
        ("  --  ", ""),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def _expected_path(page_type: str, title: str) -> str:
    folder = PAGE_TYPES[page_type].folder
    stem = slugify(title)
    if page_type == "nyhed":
        stem = f"{date.today().isoformat()}-{stem}"
    if page_type == "anbefaling":
        stem = f"2-{stem}"  # the small site has recommendation 1 only
    return f"docs/{folder}/{stem}.md" if folder else f"docs/{stem}.md"


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_new_page_is_named_from_the_title_and_passes_the_validator(small_site: Path, page_type: str) -> None:
    result = _new(small_site, page_type, "Test af skabelon: Børn & unge")
    assert result.returncode == 0, result.stderr
    created = _expected_path(page_type, "Test af skabelon: Børn & unge")
    assert f"Oprettet: {created}" in result.stdout
    front = split((small_site / created).read_text(encoding="utf-8"), created)
    assert front.problems == []
    assert front.data["title"] == "Test af skabelon: Børn & unge"
    report = validate(small_site)
    assert report.errors == 0, [p.format() for p in report.problems]
    assert {p.rule for p in report.problems} <= {"skabelontekst"}


def test_new_example_in_a_copy_of_the_real_site_passes(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    result = _new(tmp_path, "praksiseksempel", "Test af skabelon")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "docs" / "praksiseksempler" / "test-af-skabelon.md"
    assert page.exists()
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout
    # The description placeholder and each empty section of the template are left to write.
    warnings = check.stdout.splitlines()[:-1]
    assert [re.search(r"\[([a-z-]+)\]$", line)[1] for line in warnings] == ["skabelontekst"] * 5
    sections = re.findall(r"^## (.+)$", PAGE_TYPES["praksiseksempel"].body, re.MULTILINE)
    assert [re.search(r"Afsnittet »(.+)« fra skabelonen er tomt", line)[1] for line in warnings[1:]] == sections
    assert all(line.startswith("docs/praksiseksempler/test-af-skabelon.md:") for line in warnings)


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_template_has_every_field_and_the_optional_ones_are_valid_when_uncommented(
    small_site: Path, page_type: str
) -> None:
    assert _new(small_site, page_type, "Alle felter").returncode == 0
    path = small_site / _expected_path(page_type, "Alle felter")
    text = path.read_text(encoding="utf-8")
    for name in PAGE_TYPES[page_type].schema["properties"]:
        # nav_orden only on pages with a place in the menu (rule nav-orden-sted): not in a typed folder.
        expected = name != "nav_orden" or PAGE_TYPES[page_type].folder is None
        assert bool(re.search(rf"^(# )?{name}:", text, re.MULTILINE)) == expected, name
    # Uncomment every optional field (a real municipality contradicts »illustrativ: true«, so not that one).
    uncommented = re.sub(
        r"^# (?!kommune:)(\s*(?:- )?[a-z_]+:.*|\s+- .*|\s+[a-z_]+:.*)$", r"\1", text, flags=re.MULTILINE
    )
    assert uncommented != text or page_type == "side"
    path.write_text(uncommented, encoding="utf-8")
    report = validate(small_site)
    assert report.errors == 0, [p.format() for p in report.problems]


def test_new_refuses_to_overwrite(small_site: Path) -> None:
    assert _new(small_site, "side", "Om os").returncode == 0
    page = small_site / "docs" / "om-os.md"
    page.write_text("redigeret", encoding="utf-8")
    result = _new(small_site, "side", "Om os")
    assert result.returncode == 2
    assert "findes allerede" in result.stderr
    assert page.read_text(encoding="utf-8") == "redigeret"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["opskrift", "Titel"], "ukendt sidetype"),
        (["side"], "angiv sidetype og titel"),
        (["side", "Ab"], "Titlen skal have 3-160 tegn"),
        (["side", "?!?"], "Titlen skal indeholde bogstaver eller tal"),
    ],
)
def test_new_usage_errors_exit_2(small_site: Path, args: list[str], message: str) -> None:
    result = _new(small_site, *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_new_recommendation_takes_the_lowest_free_number(small_site: Path) -> None:
    for number in range(2, 8):
        assert _new(small_site, "anbefaling", f"Anbefaling nummer {number}").returncode == 0
        assert (small_site / "docs" / "anbefalinger" / f"{number}-anbefaling-nummer-{number}.md").exists()
    full = _new(small_site, "anbefaling", "En ottende anbefaling")
    assert full.returncode == 2
    assert "Alle anbefalingsnumre er i brug" in full.stderr
