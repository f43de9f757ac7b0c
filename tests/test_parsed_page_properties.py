"""The parsed page agrees with the build: for generated Markdown, its heading anchors and link targets are the
ids and hrefs of the HTML that MkDocs' Markdown configuration (the site's extensions, the hooks' slug function)
renders, and its markers are the comments the build passes through as HTML rather than as code."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from boerneinddragelse.frontmatter import split
from boerneinddragelse.markdown_build import markdown_settings
from boerneinddragelse.parsed_page import ParsedPage
from boerneinddragelse.slugs import heading_slug
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import ROOT, load_hooks

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MARKER = "<!-- praksiseksempler anbefaling=4 -->"

WORDS = ["Brug", "børn", "Æbler", "øen", "år", "sag", "x", "Inddragelse", "2024", "ÆØÅ"]
SPECIALS = ["`<div>`", "`kode`", "*fremhævet*", "**fed**", "(c)", "(tm)", "-->", "&", "1/2", "c++", "--", "=/="]
SPECIALS += ["_kursiv_", "~~slettet~~", "&amp;", "<b>fed</b>", "\\*", "[et link](#x)", "a_b_c", "#", "Ærø-Øst"]
TARGETS = ["#brug-div-her", "#boern", "#x", "#aebler_1", "side.md#a", "../op.md", "#brug-her", "https://example.org/"]
# Lines of an example: in code they are nothing, under a list or an admonition they are Markdown.
EXAMPLE_LINES = ["# x", "## y", "#z", "[eksempel](mangler.md)", "<script>alert(1)</script>", MARKER, "tekst"]

words = st.lists(st.sampled_from(WORDS + SPECIALS), min_size=1, max_size=5).map(" ".join)
links = st.builds(lambda text, target: f"[{text}]({target})", st.sampled_from(WORDS), st.sampled_from(TARGETS))
# Uses of reference definitions: defined ones (in any case), an undefined one, and the short forms.
REFERENCE_USES = ["[tekst][ref]", "[tekst] [Ref]", "[ref]", "[anden][]", "[tekst][udefineret]"]
inline = st.lists(
    st.one_of(st.sampled_from(WORDS), links, st.just("`[i kode](#kode)`"), st.sampled_from(REFERENCE_USES)),
    min_size=1,
    max_size=5,
).map(" ".join)
definitions = st.builds(
    lambda name, target: f"[{name}]: {target}", st.sampled_from(["ref", "anden"]), st.sampled_from(TARGETS)
)


@st.composite
def headings(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(["Brug `<div>` her", "Børn", "Brug (c) her", "Æbler"]) | words)
    if draw(st.booleans()) and draw(st.booleans()):
        return f"{text}\n{'=' if draw(st.booleans()) else '-' * 3}"  # setext
    suffix = " {#fast}" if draw(st.integers(0, 9)) == 0 else ""
    return "#" * draw(st.integers(1, 6)) + " " + text + suffix


examples = st.lists(st.sampled_from(EXAMPLE_LINES), min_size=1, max_size=3)
indented = st.builds(
    lambda lines, depth: "\n".join(" " * depth + line for line in lines), examples, st.sampled_from([4, 8, 12])
)
fenced = examples.map(lambda lines: "```\n" + "\n".join(lines) + "\n```")
lists = st.builds(lambda a, b: f"- {a}" + (f"\n\n    {b}" if b else ""), inline, st.none() | inline)
admonitions = st.builds(lambda a, b: f'!!! note "Titel"\n    {a}\n\n    {b}', inline, st.sampled_from(EXAMPLE_LINES))
terms = st.builds(lambda term, text: f"{term}\n:   {text}", st.sampled_from(WORDS), inline)
raw_html = examples.map(lambda lines: "<div>\n" + "\n".join(lines) + "\n</div>")
markdown_html = st.builds(lambda a, b: f'<div class="kort" markdown>\n\n{a}\n\n{b}\n\n</div>', inline, indented)
blocks = st.one_of(headings(), inline, indented, fenced, lists, admonitions, terms, definitions, st.just(MARKER))
blocks |= raw_html | markdown_html
documents = st.lists(blocks, min_size=1, max_size=8).map(lambda parts: "\n\n".join(parts) + "\n")


class _Facts(HTMLParser):
    """Heading ids, link hrefs and HTML comments of rendered HTML, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.heading_ids: list[str] = []
        self.hrefs: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading_ids.append(values.get("id") or "")
        if tag == "a" and values.get("class") != "headerlink":
            self.hrefs.append(values.get("href") or "")

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@pytest.fixture(scope="module")
def build_markdown(tmp_path_factory: pytest.TempPathFactory) -> markdown.Markdown:
    """Python-Markdown as MkDocs configures it for this site, the hooks' on_config included."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("site")))
    config = load_hooks("content_hooks_properties").on_config(config)
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def built_facts(md: markdown.Markdown, text: str) -> _Facts:
    md.reset()
    facts = _Facts()
    facts.feed(md.convert(text))
    return facts


def built_marker_lines(md: markdown.Markdown, text: str) -> list[int]:
    """The lines with a marker that the build passes on as an HTML comment (not as code text): each marker line
    is numbered (a comment line stays a comment line) and looked for among the rendered comments."""
    lines = text.split("\n")
    numbered = "\n".join(f"<!-- m{i} -->" if line == MARKER else line for i, line in enumerate(lines, 1))
    return sorted(int(c.strip()[1:]) for c in built_facts(md, numbered).comments if c.strip().startswith("m"))


@SETTINGS
@given(documents)
def test_anchors_links_and_markers_agree_with_the_build(build_markdown: markdown.Markdown, text: str) -> None:
    built = built_facts(build_markdown, text)
    page = ParsedPage(text)
    assert [heading.anchor for heading in page.headings] == built.heading_ids
    assert [link.target for link in page.links if link.kind in ("inline", "reference")] == built.hrefs
    assert [marker.line for marker in page.markers] == built_marker_lines(build_markdown, text)


def test_the_editor_cases_of_issue_17(build_markdown: markdown.Markdown) -> None:
    """The three cases an editor met (the fixture site's page), next to the generated ones."""
    path = ROOT / "tests" / "fixtures" / "byg" / "redaktoer" / "docs" / "eksempler.md"
    text = split(path.read_text(encoding="utf-8"), str(path)).body
    built = built_facts(build_markdown, text)
    page = ParsedPage(text)
    assert [heading.anchor for heading in page.headings] == built.heading_ids == ["brug-div-her", "brug-her", "efter"]
    assert [link.target for link in page.links] == built.hrefs == ["#brug-div-her", "#brug-her", "#efter"]
    assert page.markers == [] and page.html_tags == []


def test_the_extensions_are_the_ones_mkdocs_reads_from_the_configuration() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    names, settings = markdown_settings()
    assert names == config.markdown_extensions
    assert {name: value for name, value in settings.items() if name != "toc"} == {
        name: value for name, value in config.mdx_configs.items() if name != "toc"
    }
    assert settings["toc"] == {**config.mdx_configs["toc"], "slugify": heading_slug}
