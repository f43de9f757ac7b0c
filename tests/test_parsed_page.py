"""The parsed page: one reading of a Markdown body, with positions, code known once, anchors from the build."""

from __future__ import annotations

import pytest
from boerneinddragelse import page_build
from boerneinddragelse.parsed_page import ParsedPage

from helpers import scan_seconds

PAGE = """## Brug `<div>` her

Tekst med [et link](#brug-div-her) og `[kode](mangler.md)`.

    # ikke en overskrift
    [eksempel](mangler.md) <script>

## Brug (c) her

```
<!-- praksiseksempler anbefaling=4 -->
```

<!-- praksiseksempler anbefaling=4 -->
"""


def test_headings_get_the_anchors_the_build_gives_them() -> None:
    page = ParsedPage(PAGE, 8)
    assert [(h.line, h.level, h.text, h.anchor) for h in page.headings] == [
        (8, 2, "Brug `<div>` her", "brug-div-her"),
        (15, 2, "Brug (c) her", "brug-her"),
    ]


def test_links_tags_and_markers_in_code_are_not_facts_of_the_page() -> None:
    page = ParsedPage(PAGE, 8)
    assert [(link.line, link.column, link.target) for link in page.links] == [(10, 11, "#brug-div-her")]
    assert page.html_tags == []
    assert [(m.line, m.name, m.arguments) for m in page.markers] == [(21, "praksiseksempler", {"anbefaling": "4"})]


def test_code_of_every_kind_is_known_by_offset() -> None:
    page = ParsedPage(PAGE, 8)
    assert page.in_code(PAGE.index("# ikke"))  # indented
    assert page.in_code(PAGE.index("<!-- praksis"))  # fenced
    assert page.in_code(PAGE.index("[kode]"))  # a code span
    assert page.in_code(PAGE.rindex("<!-- praksis"))  # a comment (the marker itself)
    assert not page.in_code(PAGE.index("Tekst"))


def test_indented_lines_under_a_list_or_an_admonition_are_their_content_not_code() -> None:
    text = "- punkt\n\n    [videre](#b)\n\n!!! note\n    # b\n\n    mere [a](#b)\n\n        [kode](x.md)\n"
    page = ParsedPage(text)
    assert [link.target for link in page.links] == ["#b", "#b"]
    assert [(h.text, h.anchor) for h in page.headings] == [("b", "b")]


def test_a_body_past_the_limits_is_never_parsed() -> None:
    page = ParsedPage("# x\n\n" + "a" * 6000 + "\n")
    assert page.limit is not None and page.limit.rule.id == "markdown-tung"
    assert page.headings == [] and page.links == [] and page.rendered.html == ""


# Block structure: indentation read again under a list, an admonition and a definition, on and on.
BLOCK_LINES = {
    "indented under a list": "- a\n\n" + " " * 100_000 + "x",
    "indented under an admonition": "!!! note\n" + " " * 100_000 + "x",
    "nested list markers": "- " * 50_000,
    "tabs under a definition": "a\n:   b\n\n" + "\t" * 100_000 + "x",
    "hashes": "#" * 100_000,
    "reference uses": "[a]: #x\n\n" + "[a] [" * 20_000,
    "unclosed reference ids": "[a]: #x\n\n" + "[a][" * 25_000,
    "reference brackets": "[a]: #x\n\n" + "[[a]" * 25_000,
}


@pytest.mark.parametrize("line", BLOCK_LINES.values(), ids=BLOCK_LINES.keys())
def test_the_block_scanner_is_linear_on_long_lines(line: str) -> None:
    """As the validator's long lines (test_hostile_input), for what only the block structure reads."""
    assert scan_seconds(line) < 5


def test_the_build_puts_generated_notices_below_a_leading_heading_the_parsed_page_finds() -> None:
    assert page_build.split_heading("\n# Titel\n\nTekst.\n") == ("# Titel", "\nTekst.\n")
    assert page_build.split_heading("#Titel\nTekst.\n") == ("#Titel", "Tekst.\n")  # a heading to Python-Markdown
    for not_a_title in ("## Afsnit\n\nTekst.\n", "    # kode\n", "```\n# kode\n```\n", "Tekst.\n\n# Senere\n"):
        assert page_build.split_heading(not_a_title) == ("", not_a_title)
