"""Issue 17's editor cases on a small fixture site (tests/fixtures/byg/redaktoer): the validator and the strict
build read the page alike, through its parsed page.

- a link to ``## Brug `<div>` her`` or to a heading with ``(c)`` (pymdownx.smartsymbols) is accepted by both;
- an indented code block with a broken link, a ``<script>`` tag and a heading line is an example, not content;
- a marker written in a fenced code block is shown as code, not replaced by a generated list.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from boerneinddragelse.generated_blocks import PREFIX
from boerneinddragelse.validation import validate

from conftest import build_site, fixture_project


def _project(tmp_path: Path) -> Path:
    fixture_project("redaktoer", tmp_path)
    return tmp_path


def _rules(root: Path) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.rule) for p in validate(root).problems]


def test_the_validator_accepts_links_to_headings_with_code_and_symbols(tmp_path: Path) -> None:
    assert _rules(_project(tmp_path)) == []


def test_the_validator_still_refuses_the_anchors_the_build_does_not_give(tmp_path: Path) -> None:
    project = _project(tmp_path)
    page = project / "docs" / "eksempler.md"
    text = page.read_text(encoding="utf-8")
    # The anchors the old line scanner computed; an indented ``# Efter`` would have made the real one efter_1.
    for wrong in ("#brug-c-her", "#efter_1"):
        page.write_text(text.replace("(#efter)", f"({wrong})"), encoding="utf-8")
        problems = validate(project).problems
        assert [(p.rule, p.line) for p in problems] == [("anker-mangler", 22)], wrong
        assert f"»{wrong}«" in problems[0].message


def test_an_indented_example_is_code_but_the_same_lines_unindented_are_checked(tmp_path: Path) -> None:
    project = _project(tmp_path)
    page = project / "docs" / "eksempler.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n    # Efter\n    [et link]", "\n# Efter\n[et link]"), encoding="utf-8")
    assert _rules(project) == [
        ("docs/eksempler.md", 18, "link-mangler"),
        ("docs/eksempler.md", 18, "html-element"),
    ]


@pytest.mark.build
def test_the_strict_build_gives_the_anchors_and_shows_the_marker_as_code(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = build_site(project / "site", docs_dir=project / "docs")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "eksempler" / "index.html").read_text(encoding="utf-8")
    content = html[html.index('<article class="md-content__inner') :]
    assert re.findall(r'<h2 id="([^"]+)"', content) == ["brug-div-her", "brug-her", "efter"]
    assert "<code>&lt;!-- praksiseksempler anbefaling=4 --&gt;\n</code>" in content
    assert PREFIX not in html
    assert '<a href="#efter">' in content
    front = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="eksempler/#brug-div-her"' in front and 'href="eksempler/#brug-her"' in front
