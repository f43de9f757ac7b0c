"""The editors' settings in mkdocs.yml (boerneinddragelse.settings): checked like front matter, with lines."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from boerneinddragelse.problems import ERROR, WARNING
from boerneinddragelse.settings import Contact, check_config_file, read_contact

from conftest import build_site

CONFIG = """site_name: Test
extra:
  generator: false
  kontakt:
    adresse: "{adresse}"
    email: "{email}"
    telefon: "{telefon}"
"""


def _config(tmp_path: Path, **values: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG.format(**{"adresse": "", "email": "", "telefon": "", **values}), encoding="utf-8")
    return path


def test_filled_in_contact_is_read_without_problems(tmp_path: Path) -> None:
    raw = {"adresse": " Edisonvej 1, 5000 Odense C ", "email": "redaktion@example.dk", "telefon": "33 12 34 56"}
    contact, problems = read_contact(raw, _config(tmp_path))
    assert problems == []
    assert contact == Contact("Edisonvej 1, 5000 Odense C", "redaktion@example.dk", "33 12 34 56")
    assert contact.tel_uri == "tel:33123456" and not contact.empty


@pytest.mark.parametrize("raw", [None, {}, {"adresse": "", "email": "", "telefon": ""}])
def test_empty_contact_is_one_warning_at_the_kontakt_line(tmp_path: Path, raw: object) -> None:
    contact, problems = read_contact(raw, _config(tmp_path))
    assert contact.empty
    assert [(p.path, p.line, p.severity, p.rule) for p in problems] == [
        ("mkdocs.yml", 4, WARNING, "kontakt-indstilling")
    ]
    assert "tomme" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "line", "words"),
    [
        ({"email": "redaktionen"}, 6, "e-mailadresse"),
        ({"telefon": "ring til os"}, 7, "telefonnummer"),
        ({"email": 42}, 6, "skal være tekst"),
        ({"fax": "33 12 34 56"}, 4, "Brug kun adresse, email og telefon"),
    ],
)
def test_malformed_contact_is_an_error_naming_the_line(tmp_path: Path, raw: dict, line: int, words: str) -> None:
    contact, problems = read_contact(raw, _config(tmp_path))
    assert contact.empty
    assert [(p.line, p.severity) for p in problems] == [(line, ERROR)]
    assert words in problems[0].message


def test_config_file_with_mkdocs_tags_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_url: !ENV [SITE_URL, 'http://127.0.0.1:8000/']\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.uslugify\n"
        "extra:\n  kontakt:\n    adresse: !ENV [KONTAKT_ADRESSE, '']\n    email: ''\n    telefon: ''\n",
        encoding="utf-8",
    )
    assert [(p.severity, p.rule) for p in check_config_file(path)] == [
        (WARNING, "kontakt-indstilling"),
        (WARNING, "tilgaengelighed-kontakt"),
    ]
    monkeypatch.setenv("KONTAKT_ADRESSE", "Edisonvej 1")
    # An address alone is contact enough for the footer, not for the accessibility statement.
    assert [p.rule for p in check_config_file(path)] == ["tilgaengelighed-kontakt"]


def test_unreadable_config_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("extra:\n  kontakt: [\n", encoding="utf-8")
    problems = check_config_file(path)
    assert [(p.severity, p.rule) for p in problems] == [(ERROR, "kontakt-indstilling")]


# ---------------------------------------------------------------------------- in the build

FIXTURE_DOCS = Path(__file__).parent / "fixtures" / "site" / "gyldig" / "docs"
HOSTILE = '<script>alert("x")</script> Vej 1'


def _with_contact(adresse: str, email: str, telefon: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        for key, value in (("adresse", adresse), ("email", email), ("telefon", telefon)):
            text, count = re.subn(rf'^(    {key}): ""$', lambda m, v=value: f"{m.group(1)}: '{v}'", text, flags=re.M)
            assert count == 1, key
        return text

    return edit


def _project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DOCS, tmp_path / "docs")
    return tmp_path / "docs"


@pytest.mark.build
def test_build_shows_the_contact_escaped_in_every_footer(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    edit = _with_contact(HOSTILE, "redaktion@example.dk", "33 12 34 56")
    result = build_site(tmp_path / "site", docs_dir=docs, edit_config=edit)
    assert result.returncode == 0, result.stderr
    assert "kontakt-indstilling" not in result.stderr
    # The browser editor (/admin/) is no page of the site.
    pages = sorted(p for p in (tmp_path / "site").rglob("*.html") if p.parent.name != "admin")
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('class="md-copyright"') :]
        assert '<a href="mailto:redaktion@example.dk">' in footer, page
        assert "&lt;script&gt;" in footer and "<script>alert" not in html, page


@pytest.mark.build
def test_build_warns_but_succeeds_while_the_contact_is_empty(tmp_path: Path) -> None:
    result = build_site(tmp_path / "site", docs_dir=_project(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("[kontakt-indstilling]") == 1
    assert re.search(r"mkdocs\.yml:\d+:1: advarsel: Redaktionens kontaktoplysninger", result.stderr)
    assert "kontakt__email" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_build_fails_on_a_malformed_contact_naming_the_line(tmp_path: Path) -> None:
    edit = _with_contact("", "redaktionen", "")
    result = build_site(tmp_path / "site", docs_dir=_project(tmp_path), edit_config=edit)
    assert result.returncode != 0
    assert re.search(r"mkdocs\.yml:\d+:1: fejl: »extra\.kontakt\.email« har ikke den rigtige form", result.stderr)
