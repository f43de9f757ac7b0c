"""The build's state and a page's way through it, without MkDocs: the library the hooks hand their work to."""

from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from boerneinddragelse import error_pages, html_policy, navigation, page_build
from boerneinddragelse.build_state import (
    BuildError,
    BuildState,
    LanguageBuild,
    PagesAhead,
    unpublishable,
    untranslated,
)
from boerneinddragelse.generated_blocks import PREFIX, GeneratedBlocks
from boerneinddragelse.model import DEFAULT_LANGUAGE, PAGE_TYPES, PRAKSISEKSEMPEL, index_only_folders
from boerneinddragelse.problems import ERROR, WARNING, Problem
from boerneinddragelse.site import Site, load_site
from boerneinddragelse.sourcepaths import without_suffix
from boerneinddragelse.validation import PendingReport, Report

FIXTURES = Path(__file__).parent / "fixtures"
VALID_DOCS = FIXTURES / "site" / "gyldig" / "docs"
HOSTILE = '<script>alert("x")</script> & "q"'
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "pymdownx.superfences", "pymdownx.smartsymbols"]


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(VALID_DOCS)


def _checker(problems: list[Problem], site: Site, calls: list[Path]) -> Any:
    def start_check(docs_dir: Path, prefix: str, config_file: Path | None) -> tuple[Site, Any]:
        calls.append(docs_dir)
        return site, PendingReport(lambda: Report(problems, len(site.pages)), urgent=False)

    return start_check


def _state(site: Site, tmp_path: Path, problems: list[Problem], command: str = "build") -> BuildState:
    state = BuildState(command=command)
    state.check(tmp_path, None, _checker(problems, site, []))
    state.confirm()
    return state


def test_the_gate_refuses_errors_with_the_validators_lines_and_lets_warnings_pass(site: Site, tmp_path: Path) -> None:
    error = Problem("docs/om.md", 3, 1, ERROR, "Noget er galt.", "regel")
    warning = Problem("docs/om.md", 4, 1, WARNING, "Noget er skævt.", "anden-regel")
    with pytest.raises(BuildError) as refused:
        _state(site, tmp_path, [error, warning])
    assert str(refused.value).splitlines() == ["Indholdet bryder indholdsmodellen (1 fejl):", error.format()]
    assert _state(site, tmp_path, [warning]).errors == []


def test_the_build_goes_on_while_the_checks_run_and_a_refusal_leaves_no_site(site: Site, tmp_path: Path) -> None:
    docs, built = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (built / "om").mkdir(parents=True)
    (built / "om" / "index.html").write_text("x", encoding="utf-8")
    error = Problem("docs/om.md", 3, 1, ERROR, "Noget er galt.", "regel")
    calls: list[Path] = []
    state = BuildState(command="build")
    state.check(docs, None, _checker([error], site, calls))  # no verdict yet: the build goes on
    assert state.site is site
    with pytest.raises(BuildError):
        state.confirm(built)
    assert built.is_dir() and list(built.iterdir()) == []
    state.check(docs, None, _checker([], site, calls))  # a refused tree is checked again
    assert len(calls) == 2
    state.confirm(built)
    assert state.refusal_behind() is None  # asked for once; after an error there is nothing more to say


def test_after_an_error_the_build_says_what_the_checks_refused(site: Site, tmp_path: Path) -> None:
    error = Problem("docs/om.md", 3, 1, ERROR, "Noget er galt.", "regel")
    state = BuildState(command="build", site_dir=tmp_path / "site")
    state.check(tmp_path, None, _checker([error], site, []))
    refusal = state.refusal_behind()
    assert refusal is not None and error.format() in refusal


def test_the_preview_keeps_the_errors_by_page_and_checks_again_only_after_a_change(site: Site, tmp_path: Path) -> None:
    page = site.pages[0]
    error = Problem(page.path, 1, 1, ERROR, "Noget er galt.", "regel")
    calls: list[Path] = []
    state = BuildState(command="serve")
    state.check(tmp_path, None, _checker([error], site, calls))
    state.check(tmp_path, None, _checker([error], site, calls))
    assert len(calls) == 1  # the second language's build reuses the check
    assert state.problems_of(page.rel) == [error] and state.errors == [error]
    (tmp_path / "ny.md").write_text("x", encoding="utf-8")
    state.check(tmp_path, None, _checker([], site, calls))
    assert len(calls) == 2 and state.problems_of(page.rel) == []


def test_an_error_page_and_the_banner_show_what_the_editor_wrote_as_text() -> None:
    problems = [Problem(f"docs/{HOSTILE}.md", 1, 1, ERROR, HOSTILE, "regel")] * (error_pages.BANNER_LIMIT + 2)
    page = error_pages.error_page(f"{HOSTILE}.md", problems)
    banner = error_pages.banner(problems)
    front, body = page.split("---\n\n", 1)
    for html in (body, banner):
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert html.count("<li>") == error_pages.BANNER_LIMIT and "… og 2 fejl mere." in html
    # The title is front matter; page_build.escape_editor_text escapes it for Material's templates.
    assert front.startswith('---\ntitle: "Fejl i <script>') and "exclude: true" in front
    assert "Indholdet har 32 fejl." in banner
    assert error_pages.banner([]) == ""
    assert "&lt;script&gt;" in error_pages.render_failure("tekst", ValueError(HOSTILE))


def _html(state: BuildState, text: str, rel: str) -> str:
    return page_build.html_of(state, markdown.markdown(text, extensions=EXTENSIONS), rel)


@pytest.mark.parametrize(
    "around",
    [
        "# Titel\n\nTekst.\n\n{}\n\nMere *tekst*.\n",
        "<div markdown>\n\nTekst.\n\n{}\n\nMere *tekst*.\n\n</div>\n",
        "*[indhold]: en forkortelse, der ligner en del af pladsholderen\n\nTekst.\n\n{}\n\nMere *tekst*.\n",
        "*[genereretindhold]: forkortelser af pladsholderens begyndelse\n*[x0]: og slutning\n\nTekst.\n\n{}\n\nMere.\n",
        "!!! note\n\n    Tekst.\n\n    {}\n\n    Mere *tekst*.\n",
    ],
    ids=["afsnit", "md_in_html", "forkortelse", "forkortelse-af-dele", "i-en-boks"],
)
def test_generated_blocks_pass_markdown_and_the_sanitiser_unchanged(around: str) -> None:
    state, block = BuildState(), '<div class="katalog" data-x="1"><script>kept()</script></div>'
    blocks: list[str] = []
    state.blocks.keep("om.md", blocks)
    place = state.blocks.place_in(blocks)
    html = _html(state, around.format(place(block)), "om.md")
    assert block in html and PREFIX not in html
    assert html.index("Tekst.") < html.index(block) < html.index("Mere")


def test_an_editor_cannot_write_a_placeholder() -> None:
    state = BuildState()
    blocks: list[str] = []
    state.blocks.keep("om.md", blocks)
    state.blocks.place_in(blocks)("<p>blok</p>")
    guessed = GeneratedBlocks("gaet").placeholder(0)
    html = _html(state, f"{guessed}\n\n<!-- generert-indhold 0 -->\n", "om.md")
    assert "<p>blok</p>" not in html


def test_a_page_gets_its_generated_parts_and_its_types_search_boost(site: Site) -> None:
    state = BuildState(site=site)
    for page_type in PAGE_TYPES.values():
        page = next((p for p in site.pages if p.type is page_type and p.lang == DEFAULT_LANGUAGE), None)
        if page is None:
            continue
        meta: dict[str, Any] = {"title": HOSTILE}
        ctx = page_build.render_context(state, page.rel, without_suffix(page.rel) + "/", {}, True)
        assert ctx is not None
        page_build.markdown_of(state, f"# {page.title}\n\nTekst.\n", meta, ctx)
        assert "<script>" not in str(meta["title"])  # escaped once, for Material's templates
        boost = page_type.search_boost
        assert meta.get("search") == ({"boost": boost} if boost is not None else None)


def test_markdown_worked_out_ahead_is_taken_only_for_the_markdown_it_was_worked_out_from(site: Site) -> None:
    """page_build.start_ahead: the pages' generated Markdown, worked out in a copy of the process before MkDocs
    reads them, stands in for the work only where the page's Markdown is the one it was made from."""
    page = next(p for p in site.pages if p.lang == DEFAULT_LANGUAGE and p.type is PRAKSISEKSEMPEL)
    state, url = BuildState(site=site), without_suffix(page.rel) + "/"
    calls: list[tuple[str, str]] = []

    def run_ahead(work: Any, items: list[tuple[str, str]]) -> Any:
        calls.extend(items)
        done = [work(item) for item in items]
        return SimpleNamespace(result=lambda index: done[index], close=lambda: None)

    page_build.start_ahead(state, [(page.rel, url)], {}, True, run_ahead)
    assert calls == [(page.rel, url)]
    ctx = page_build.render_context(state, page.rel, url, {}, True)
    assert ctx is not None
    own = page_build.generated(state, page_build._expected_markdown(page), ctx)
    assert state.ahead.result(url) == own and own[1]  # the same text and blocks as worked out here
    state.ahead = PagesAhead(SimpleNamespace(result=lambda index: ("Udregnet i forvejen.", ["<p>blok</p>"])), {url: 0})
    assert page_build.with_generated(state, page_build._expected_markdown(page), {}, ctx) == "Udregnet i forvejen."
    # Its blocks are the page's to put back.
    assert page_build.html_of(state, f"<p>{state.blocks.placeholder(0)}</p>", page.rel) == "<p>blok</p>"
    changed = page_build._expected_markdown(page) + "\n\nEn plugin har tilføjet et afsnit.\n"
    assert "En plugin har tilføjet et afsnit." in page_build.with_generated(state, changed, {}, ctx)


def test_a_marker_error_stops_the_build_and_shows_on_the_page_in_the_preview(site: Site) -> None:
    page = next(p for p in site.pages if p.lang == DEFAULT_LANGUAGE)
    for command in ("build", "serve"):
        state = BuildState(command=command, site=site)
        ctx = page_build.render_context(state, page.rel, "x/", {}, True)
        text = "Tekst.\n\n<!-- findes-ikke -->\n"
        if command == "build":
            with pytest.raises(BuildError, match=f"^{page.path}: ukendt markør »findes-ikke«"):
                page_build.markdown_of(state, text, {}, ctx)
        else:
            assert "Siden kunne ikke vises helt" in page_build.markdown_of(state, text, {}, ctx)


def test_the_template_values_and_search_facts_come_from_the_page(site: Site) -> None:
    state = BuildState(site=site)
    for page in site.pages:
        values = page_build.template_values(state, page.rel, page.rel)
        assert values["page_type"] == page.type.name and values["page_lang"] == page.lang
        assert state.search_pages[page.rel].illustrative == (page.meta.get("illustrativ") is True)
    assert page_build.template_values(state, "findes-ikke.md", "x/") == {}


def test_the_default_languages_404_page_is_the_sites() -> None:
    state = BuildState()
    assert state.not_found("dansk", "da", "da") == "dansk"
    assert state.not_found("engelsk", "en", "da") == "dansk"


def test_the_outermost_language_build_ends_last() -> None:
    state = BuildState()
    state.start_language("da", "Dansk")
    state.start_language("en", "English")  # built inside the default language's post-build step
    assert state.finish_language() == (LanguageBuild("en", "English"), False)
    assert state.finish_language() == (LanguageBuild("da", "Dansk"), True)


def test_stray_markdown_and_files_outside_docs_are_not_published(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "hemmelig.md").write_text("x", encoding="utf-8")
    (docs / "link.md").symlink_to(tmp_path / "hemmelig.md")
    (tmp_path / "ude").mkdir()
    (tmp_path / "ude" / "privat.md").write_text("x", encoding="utf-8")
    (docs / "mappe").symlink_to(tmp_path / "ude")  # a folder that leads out
    (docs / "inde").mkdir()
    (docs / "inde" / "side.md").write_text("x", encoding="utf-8")
    (docs / "genvej").symlink_to(docs / "inde")  # a link that stays inside docs/
    names = ("om.md", "om.MD", "link.md", "mappe/privat.md", "inde/side.md", "genvej/side.md")
    files = [SimpleNamespace(abs_src_path=str(docs / name), src_uri=name) for name in names] + [
        SimpleNamespace(abs_src_path=None, src_uri="assets/tema.css")
    ]
    assert [f.src_uri for f in unpublishable(files, docs)] == ["om.MD", "link.md", "mappe/privat.md"]


def _page(rel: str, title: str) -> Any:
    return SimpleNamespace(is_page=True, is_section=False, file=SimpleNamespace(src_path=rel), title=title)


def _section(title: str, children: list[Any]) -> Any:
    return SimpleNamespace(is_page=False, is_section=True, title=title, children=children)


def test_the_navigation_folds_index_only_sections_and_links_pages_in_reading_order(site: Site) -> None:
    folder = sorted(index_only_folders())[0]
    index, hidden = _page(f"{folder}/index.md", "Forside"), _page(f"{folder}/et-emne.md", "Et emne")
    root, other = _page("index.md", "Hjem"), _page("om.md", "Om")
    items = [other, _section("Afsnit", [hidden, index]), root]
    pages = [other, hidden, index, root]
    for page in pages:
        page.parent = page.previous_page = page.next_page = "gammel"
    arranged, kept = navigation.arrange(items, pages, lambda rel: None)
    assert hidden not in kept and (hidden.parent, hidden.previous_page, hidden.next_page) == (None, None, None)
    section = next(i for i in arranged if i.is_section)
    assert section.children == [index] and index.parent is section
    assert [kept[0].previous_page, kept[-1].next_page] == [None, None]
    assert all(a.next_page is b and b.previous_page is a for a, b in pairwise(kept))


def test_pages_are_sanitised_and_the_preview_adds_its_banner(site: Site) -> None:
    error = Problem("docs/om.md", 1, 1, ERROR, "Galt.", "regel")
    state = BuildState(command="serve", site=site, errors=[error])
    html = page_build.html_of(state, '<p onclick="x()">Tekst</p>', "om.md")
    assert html.startswith('<div class="admonition failure indholdsfejl-banner"') and "onclick" not in html
    assert html.endswith(html_policy.sanitize('<p onclick="x()">Tekst</p>'))


HOOKS = Path(__file__).resolve().parent.parent / "scripts" / "hooks" / "content_hooks.py"
LIBRARY = HOOKS.parent.parent / "lib" / "boerneinddragelse"
BEHIND_THE_HOOKS = ("build_state", "page_build", "navigation", "error_pages", "generated_blocks", "search_adapter")


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [(alias.name, "") for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    found += [
        (node.module or "", alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    return found


def test_the_hooks_only_connect_events_to_the_library() -> None:
    imports = _imports(HOOKS)
    assert [name for _, name in imports if name.startswith("_")] == []  # no private MkDocs (or library) API
    assert [m for m, _ in imports if m.startswith("boerneinddragelse.commands")] == []  # no command-line script
    events = [n for n in ast.parse(HOOKS.read_text(encoding="utf-8")).body if isinstance(n, ast.FunctionDef)]
    long_events = {
        n.name: n.end_lineno - n.lineno for n in events if n.name.startswith("on_") and n.end_lineno - n.lineno > 10
    }
    assert long_events == {}


@pytest.mark.parametrize("module", BEHIND_THE_HOOKS)
def test_the_library_behind_the_hooks_needs_no_mkdocs(module: str) -> None:
    assert [m for m, _ in _imports(LIBRARY / f"{module}.py") if m.split(".")[0] == "mkdocs"] == []


def test_wrong_settings_stop_the_build_but_not_the_preview_and_empty_ones_warn_once(tmp_path: Path) -> None:
    config_file, warnings = tmp_path / "mkdocs.yml", list[str]()
    state = BuildState(command="build")
    for _ in range(2):  # once per language build
        state.read_settings({}, config_file, warnings.append)
    # Empty details warn once per build: for the footer, and for the accessibility statement's phone and e-mail.
    assert [w.rsplit(" ", 1)[-1] for w in warnings] == ["[kontakt-indstilling]", "[tilgaengelighed-kontakt]"]
    wrong = {"kontakt": {"email": "ikke en adresse"}}
    with pytest.raises(BuildError, match=r"^Indstillingerne i mkdocs\.yml er forkerte:\n"):
        state.read_settings(wrong, config_file, warnings.append)
    BuildState(command="serve").read_settings(wrong, config_file, warnings.append)
    with pytest.raises(BuildError, match=r"\[fakta\]$"):
        state.read_settings({"download_facts": str(tmp_path / "mangler.json")}, config_file, warnings.append)


class _File(SimpleNamespace):
    def is_documentation_page(self) -> bool:
        return self.src_uri.endswith(".md")


def test_another_languages_build_leaves_out_the_pages_it_has_no_translation_of() -> None:
    files = [_File(src_uri=uri) for uri in ("om.md", "om.en.md", "kun-dansk.md", "kun.en.md", "a/index.md", "b.png")]
    i18n = {"i18n": SimpleNamespace(config={"fallback_to_default": False})}
    assert [f.src_uri for f in untranslated(files, "en", i18n)] == ["kun-dansk.md", "a/index.md"]
    # Nothing in the default language's build, without mkdocs-static-i18n, or where it falls back to Danish.
    assert untranslated(files, DEFAULT_LANGUAGE, i18n) == []
    assert untranslated(files, "en", {}) == []
    assert untranslated(files, "en", {"i18n": SimpleNamespace(config={"fallback_to_default": True})}) == []
