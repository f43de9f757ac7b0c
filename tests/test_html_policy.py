"""The HTML allow-list: the build's sanitiser keeps every allowed construct and nothing hostile.

tests/fixtures/html/docs/index.md uses every element and attribute of boerneinddragelse.html_policy (and the
Markdown extensions that produce them); fjendtlig.md holds every hostile construct of issue 11.
The fixture is built directly, without the validator, as a local build or a fork's workflow would.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from boerneinddragelse.frontmatter import split
from boerneinddragelse.html_policy import ALLOWED_ELEMENTS, URL_SCHEMES, allowed_attribute, sanitize, url_scheme
from boerneinddragelse.slugs import heading_slug
from boerneinddragelse.validation import validate
from mkdocs.config import load_config

from conftest import ROOT

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "html"
ALLOWED_PAGE = FIXTURE / "docs" / "index.md"
HOSTILE_PAGE = FIXTURE / "docs" / "fjendtlig.md"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where a browser would fetch or navigate to what an attribute names.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "poster", "xlink:href", "background"}
# Elements that must never come from content: they run code, load foreign things or redirect the page.
FORBIDDEN = {"script", "style", "iframe", "object", "embed", "form", "input", "button", "meta", "base", "link", "svg"}


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    in_article: bool  # inside Material's <article>, where the page's content goes


@dataclass
class Document(HTMLParser):
    """Every start tag of a page (with attributes decoded as a browser decodes them) and its text."""

    tags: list[Tag] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _article: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(Tag(tag, {name: value or "" for name, value in attrs}, self._article > 0))
        if tag == "article":
            self._article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def signature(self) -> Counter[tuple[str, tuple[tuple[str, str], ...]]]:
        return Counter((t.name, tuple(sorted(t.attrs.items()))) for t in self.tags)


def parse(text: str) -> Document:
    document = Document()
    document.feed(text)
    document.close()
    return document


def events(text: str) -> list[tuple[str, ...]]:
    """The page as a browser's tree sees it: tags, sorted attributes and text, serialisation ignored."""

    class Events(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[tuple[str, ...]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.out.append(("<", tag, *sorted(f"{n}={v or ''}" for n, v in attrs)))

        def handle_endtag(self, tag: str) -> None:
            if tag not in VOID:
                self.out.append((">", tag))

        def handle_data(self, data: str) -> None:
            if data.strip():
                self.out.append(("text", " ".join(data.split())))

    parser = Events()
    parser.feed(text)
    parser.close()
    return parser.out


@pytest.fixture(scope="module")
def rendered() -> str:
    """The allowed page rendered by Python-Markdown with the site's extensions, before any sanitising."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug  # as the hooks' on_config does
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return converter.convert(split(ALLOWED_PAGE.read_text(encoding="utf-8"), "docs/index.md").body)


@pytest.fixture(scope="module")
def built(html_fixture_site: Path) -> Path:
    return html_fixture_site


def test_fixture_uses_every_allowed_element_and_attribute(rendered: str) -> None:
    used = parse(rendered).tags
    assert {t.name for t in used} == set(ALLOWED_ELEMENTS)
    for tag, names in ALLOWED_ELEMENTS.items():
        missing = names - {name for t in used if t.name == tag for name in t.attrs}
        assert not missing, f"<{tag}> {sorted(missing)} is allowed but the fixture never uses it"


def test_sanitiser_keeps_every_allowed_construct(rendered: str) -> None:
    # Headings' ids and permalinks, admonitions, details, tables with alignment, abbreviations,
    # highlighted code, images with size, cards: the sanitised tree is the rendered tree.
    assert events(sanitize(rendered)) == events(rendered)


def test_built_page_keeps_every_allowed_construct(rendered: str, built: Path) -> None:
    page = parse((built / "index.html").read_text(encoding="utf-8"))
    content = Counter((t.name, tuple(sorted(t.attrs.items()))) for t in page.tags if t.in_article)
    assert parse(rendered).signature() - content == Counter()


def test_sanitiser_removes_what_the_allow_list_does_not_name() -> None:
    hostile = (
        '<p onclick="x" style="color:red" id="__config">a</p><a href="java&#x0A;script:x">b</a>'
        '<img src="https://example.org/p.png" alt="c"><svg onload="x"><text>d</text></svg>'
    )
    assert events(sanitize(hostile)) == events('<p>a</p><a>b</a><img alt="c">')


def test_hostile_markup_is_not_live_in_the_build(built: Path) -> None:
    page = parse((built / "fjendtlig" / "index.html").read_text(encoding="utf-8"))
    template = parse((built / "index.html").read_text(encoding="utf-8"))
    # The harmless text around the hostile markup is still there: the page was built, not dropped.
    assert "Afsnit med hændelse" in "".join(page.text)
    assert "Link med attributliste" in "".join(page.text)
    for tag in page.tags:
        where = f"<{tag.name} {tag.attrs}>"
        assert not any(name.startswith("on") for name in tag.attrs), where
        for name in URL_ATTRIBUTES & set(tag.attrs):
            assert url_scheme(tag.attrs[name]) not in {"javascript", "vbscript", "data"}, where
        if tag.in_article:
            assert "srcdoc" not in tag.attrs and tag.attrs.get("id") != "__config", where
            assert tag.name in ALLOWED_ELEMENTS, where
            assert all(allowed_attribute(tag.name, name) for name in tag.attrs), where
            for name in {"href", "src"} & set(tag.attrs):
                assert url_scheme(tag.attrs[name]) in URL_SCHEMES | {None}, where
    # Outside the article only Material's and the project's templates write HTML. Every hostile
    # construct names angriber.example or calls alert(…): none of that may reach any element.
    for tag in page.tags:
        values = " ".join(tag.attrs.values())
        assert "angriber.example" not in values and "alert(" not in values, f"<{tag.name} {tag.attrs}>"
    assert not [t.name for t in page.tags if t.name in {"base", "iframe", "object", "embed", "style"}]
    refresh = [t for t in page.tags if t.name == "meta" and t.attrs.get("http-equiv", "").lower() == "refresh"]
    assert refresh == []
    scripts = [t for t in page.tags if t.name == "script"]
    assert len(scripts) == len([t for t in template.tags if t.name == "script"])
    assert "alert(" not in "".join(page.text)  # no script text either (inline or as visible text)


# Every hostile construct of fjendtlig.md: line -> the rules the validator reports there.
EXPECTED = {
    9: {"html-element"},  # <iframe srcdoc>
    11: {"html-element", "javascript-link"},  # <form action>, <input>, <button formaction=javascript:>
    13: {"html-element"},  # <meta http-equiv=refresh>
    15: {"html-element"},  # <object data>
    17: {"javascript-link", "link-skema"},  # mixed case, entities, tab, vbscript, data: in <a>
    19: {"javascript-link", "link-skema"},  # the same as Markdown links
    21: {"html-attribut"},  # onmouseover
    23: {"html-attribut"},  # onerror
    26: {"html-attribut"},  # {: onclick=… }
    28: {"javascript-link"},  # {: href="javascript:…" }
    30: {"html-element", "html-attribut"},  # <svg onload>
    32: {"html-element"},  # <style>
    34: {"html-element"},  # <base>
    36: {"html-element"},  # <script>
    38: {"html-element"},  # <embed>
    40: {"html-element"},  # <link>
    42: {"html-attribut"},  # id="__config"
}


def test_validator_flags_every_hostile_construct_in_danish() -> None:
    problems = validate(FIXTURE).problems
    assert [p.format() for p in problems if p.path.endswith("index.md")] == []
    found: dict[int, set[str]] = {}
    for problem in problems:
        assert problem.path == "docs/fjendtlig.md", problem.format()
        assert problem.severity == "fejl"
        found.setdefault(problem.line, set()).add(problem.rule)
        assert problem.format().startswith(f"docs/fjendtlig.md:{problem.line}:{problem.column}: fejl: ")
    assert found == EXPECTED
    messages = " ".join(html.unescape(p.message) for p in problems)
    for danish in ("er ikke tilladt", "kører JavaScript", "Fjern"):
        assert danish in messages
