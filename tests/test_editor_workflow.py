"""An editor's day, by the guide: the checks CI runs on content stay green when editors do their job.

A copy of the project gets an English translation of a Danish-only page, a new partnership member and
a new practice example, made the way CONTRIBUTING.md says (`make ny TYPE=… TITEL="…"`, then the fields
and the text filled in). Then the copy runs what CI runs on content: the validator, the strict build
and the tests that check properties of the real content, among them the ones that once named a real
page as their example of a Danish-only page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from boerneinddragelse.model import MEDLEM, PRAKSISEKSEMPEL, SIDE, PageType
from boerneinddragelse.site import load_site
from boerneinddragelse.sourcepaths import with_language
from boerneinddragelse.urls import page_url

from conftest import danish_only
from helpers import copy_project, run_make, without_shared_builds

# The tests that read the real content, run inside the copy: the build tests, the schema check and
# the offline copy's links and language switch, where a real Danish-only page once served as the
# example. Tests that build other trees (hostile titles, two builds, failing builds, the fixture
# site, the zip again) or only time the browser (search, catalogue, every page) are left out here.
CONTENT_TESTS = [
    "tests/test_build.py",
    "tests/test_schemas.py",
    "tests/test_offline.py",
    "tests/test_site_browser.py::test_language_switch_leads_to_the_english_version",
]
LEFT_OUT = " and ".join(
    f"not {name}"
    for name in (
        "two_builds",
        "hostile",
        "escape",
        "fails_the_build",
        "fixture_site",
        "reproducible",
        "cleanly",
        "search",
        "catalogue",
        "footer",
        "metadata",
        "manifest",
    )
)

ENGLISH_BODY = """
This page is the English version of a page that used to exist in Danish only. It was added in a
test that follows the editors' guide, to show that a translation keeps every check green.

## What the page covers

The Danish original explains the subject in full. This translation gives readers who do not read
Danish a short way in.
"""


def _fill_in(path: Path, description: str, text: str) -> None:
    """What the editor does after `make ny`: a real description and text in every section."""
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"^description: .*$", f"description: {description}", page, count=1, flags=re.MULTILINE)
    page = re.sub(r"^(## .+)\n\n\n", lambda m: f"{m[1]}\n\n{text}\n\n", page, flags=re.MULTILINE)
    path.write_text(page, encoding="utf-8")


def _new_page(project: Path, page_type: PageType, title: str, description: str, text: str) -> str:
    """A page made with `make ny` and filled in; returns its path under docs/, as make ny reports it."""
    created = run_make(project, "ny", f"TYPE={page_type.name}", f"TITEL={title}")
    assert created.returncode == 0, created.stdout + created.stderr
    (rel,) = re.findall(r"^Oprettet: docs/(\S+)$", created.stdout, re.MULTILINE)
    _fill_in(project / "docs" / rel, description, text)
    return rel


def _built(project: Path, rel: str, lang: str = "da") -> Path:
    return project / "site" / page_url(rel, lang, True) / "index.html"


def _danish_page_to_translate(project: Path) -> str:
    """A Danish-only plain page of the copy, chosen at run time; when every plain page is translated
    already, a new one made with `make ny TYPE=side`, as an editor would."""
    site = load_site(project / "docs")
    candidates = [p.rel for p in danish_only(site) if p.type is SIDE and not p.rel.endswith("index.md")]
    if candidates:
        return candidates[0]
    return _new_page(
        project,
        SIDE,
        "En side der kun findes på dansk",
        "En side, som testen opretter, fordi alle andre sider allerede er oversat.",
        "Siden er oprettet af en test, der følger vejledningen.",
    )


def _translate(project: Path) -> str:
    """An English version of a Danish-only plain page, as the guide's section on translations says."""
    rel = _danish_page_to_translate(project)
    front = (project / "docs" / rel).read_text(encoding="utf-8").split("---\n")[1]
    # Same fields as the original (those that must match, e.g. nav_orden, stay); title and description in English.
    front = re.sub(r"^title: .*$", "title: An English version of a Danish page", front, count=1, flags=re.MULTILINE)
    front = re.sub(
        r"^description: .*$",
        "description: The English version of a page that was in Danish only, added by the guide.",
        front,
        count=1,
        flags=re.MULTILINE,
    )
    english = project / "docs" / with_language(rel, "en")
    english.write_text(f"---\n{front}---\n{ENGLISH_BODY}", encoding="utf-8")
    return rel


@pytest.mark.slow
def test_translation_member_and_example_by_the_guide_keep_ci_green(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", tests=True)
    translated = _translate(project)

    # One new page of each kind the guide walks through, named by the test, never after a real page.
    member = _new_page(
        project,
        MEDLEM,
        "Foreningen for testbørn",
        "En forening, der kun findes i testen, og som nu er medlem af partnerskabet.",
        "Foreningen er oprettet af en test og findes ikke i virkeligheden.",
    )
    example = _new_page(
        project,
        PRAKSISEKSEMPEL,
        "Et eksempel fra vejledningen",
        "Et eksempel skrevet til illustration af, hvordan en redaktør følger vejledningen.",
        "Eksemplet er konstrueret til illustration og beskriver ingen bestemt kommune.",
    )

    validated = run_make(project, "validate")
    assert validated.returncode == 0, validated.stdout
    assert "fejl:" not in validated.stdout
    built = run_make(project, "build")
    assert built.returncode == 0, built.stderr[-3000:]
    assert _built(project, translated, "en").is_file()
    assert _built(project, member).is_file()
    assert _built(project, example).is_file()

    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *CONTENT_TESTS, "-k", LEFT_OUT],
        cwd=project,
        capture_output=True,
        text=True,
        # The copy's tests build the copy's site: not the sites this run shares between its tiers.
        env={**without_shared_builds(os.environ), "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert tests.returncode == 0, tests.stdout[-5000:]
    assert " passed" in tests.stdout and " failed" not in tests.stdout
