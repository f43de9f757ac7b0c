"""Our stylesheet holds no rule for markup that nothing makes: every class, id and attribute a selector
names occurs in a built page of the fixture sites, in our scripts (which add classes and attributes), or in
our templates (for what only shows under a setting: the offline copy, the download facts, contact details).
Material's own stylesheet is not ours to trim."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

STYLESHEETS = sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css"))
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
BLOCK = re.compile(r"\{[^{}]*\}")  # a rule's declarations (innermost braces), where #hex and .5em live
NAMES = re.compile(r"([.#])(-?[A-Za-z_][\w-]*)|\[([\w-]+)")


def selector_names(css: str) -> set[tuple[str, str]]:
    """(kind, name) of every class (.), id (#) and attribute ([) that a selector of the stylesheet names."""
    # Declarations out (the innermost braces; rules sit at most one level deep, in @media), then the
    # at-rules' conditions: what is left is selectors.
    text = BLOCK.sub(" ", COMMENT.sub("", css)).replace("{", " ").replace("}", " ")
    text = re.sub(r"@media[^.#\[]*", " ", re.sub(r"\"[^\"]*\"|'[^']*'", " ", text))  # no quoted values
    return {(m.group(1) or "[", m.group(2) or m.group(3)) for m in NAMES.finditer(text)}


def used_text(sites: list[Path]) -> str:
    pages = [p.read_text(encoding="utf-8") for site in sites for p in site.rglob("*.html")]
    scripts = [p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "assets" / "javascripts").rglob("*.js")]
    templates = [p.read_text(encoding="utf-8") for p in (ROOT / "overrides").rglob("*.html")]
    return "\n".join(pages + scripts + templates)


def _used(name: str, text: str) -> bool:
    """The name as a whole word, or, for a modifier class (block--modifier), its block with a modifier a
    template fills in (``block--{{ slug }}``)."""
    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        return True
    block, _, modifier = name.partition("--")
    return bool(modifier) and f"{block}--{{{{" in text


def test_selector_names_are_read_from_selectors_only() -> None:
    css = (
        "/* .kommentar */ .a, #b .c[data-d] { color: #ffffff; margin: .5em; }\n"
        '@media print { .e { x: y } } a[href*="#f"] {}'
    )
    assert selector_names(css) == {(".", "a"), ("#", "b"), (".", "c"), ("[", "data-d"), (".", "e"), ("[", "href")}


def test_our_stylesheets_style_only_what_exists(small_site: Path, html_fixture_site: Path) -> None:
    assert STYLESHEETS
    text = used_text([small_site, html_fixture_site])
    unused = {
        (sheet.name, kind + name)
        for sheet in STYLESHEETS
        for kind, name in selector_names(sheet.read_text(encoding="utf-8"))
        if not _used(name, text)
    }
    assert unused == set()
