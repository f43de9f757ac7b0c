"""A page's way through the build: its source, its Markdown with the generated lists, its HTML, and the
values its template shows. The MkDocs hooks hand each step the page's facts and the build state."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from . import accessibility, catalogue_pages, error_pages, html_policy, render, search_view
from .build_state import BuildError, BuildState, Generated, PagesAhead
from .formatting import danish_date
from .parsed_page import parse
from .search_index import PageFacts
from .site import SourcePage
from .sourcepaths import DEFAULT_LANGUAGE
from .urls import page_url, relative_url

# What MkDocs' front matter reader (mkdocs.utils.meta.get_data) takes as a front matter without fields: it
# then starts the Markdown after it, as after the page's own.
PARSED_FRONT_MATTER = "---\n{}\n---\n"


def read_source(state: BuildState, src_uri: str) -> str | None:
    """The page as the validator read it (in NFC: a decomposed å is published as å), behind a front matter
    with nothing to parse: its fields come from page_meta, so nothing is read or parsed twice. In the
    preview, a page with errors is replaced by its messages, so nothing the validator refuses is ever parsed
    or rendered. None (MkDocs reads the file) for a page that is not one of the checked pages."""
    problems = state.problems_of(src_uri)
    if problems:
        return error_pages.error_page(src_uri, problems)
    source = _as_read(state, src_uri)
    return None if source is None else PARSED_FRONT_MATTER + source.front.body


def page_meta(state: BuildState, src_uri: str, meta: dict[str, Any]) -> dict[str, Any]:
    """The page's fields as the validator parsed them (read_source left MkDocs none to parse), to change
    freely; meta as MkDocs read it for any other page."""
    source = _as_read(state, src_uri)
    return meta if source is None else dict(source.meta)


def _as_read(state: BuildState, src_uri: str) -> SourcePage | None:
    """The checked source whose text and fields MkDocs takes from the validator (read_source, page_meta): one
    with a front matter and without errors."""
    source = state.source(src_uri)
    if source is None or not source.front.present or state.problems_of(src_uri):
        return None
    return source


def escape_editor_text(meta: dict[str, Any]) -> None:
    """Material prints page titles and descriptions without escaping (MkDocs' templates do not
    autoescape). Marking them as escaped Markup makes every template print them safely, once."""
    for key in ("title", "description"):
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


def render_context(
    state: BuildState, src_uri: str, url: str, extra: Any, directory_urls: bool
) -> render.RenderContext | None:
    """What the page's partials render from; None for a page without a checked source or with errors (the
    preview's error page, see read_source)."""
    source = state.source(src_uri)
    if source is None or state.problems_of(src_uri):
        return None
    values = {
        "offline": bool(extra.get("offline")),
        "online_url": extra.get("online_url", ""),
        "version": extra.get("version", ""),
        "build_date": extra.get("build_date", ""),
        "download": state.download,
    }
    number = catalogue_pages.page_number(src_uri)
    return render.RenderContext(state.site, source, url, directory_urls, state.contact, values, number)


def split_heading(markdown: str) -> tuple[str, str]:
    """Separate a leading ``# Title`` so generated notices go below it."""
    stripped = markdown.lstrip("\n")
    if not re.match(r"#(?!#)", stripped):
        return "", markdown  # no »#« alone first: no level-1 heading to read (most pages' title is in the front matter)
    first = next(iter(parse(stripped).outline), None)
    if first is not None and first.offset == 0 and first.level == 1 and stripped.startswith("#"):
        heading, _, rest = stripped.partition("\n")
        return heading, rest
    return "", markdown


def with_generated(state: BuildState, markdown: str, meta: dict[str, Any], ctx: render.RenderContext) -> str:
    """The page's Markdown with its type's header and footer and its markers' lists, as placeholders (worked out
    ahead, see start_ahead, when the page's Markdown is the one expected there)."""
    page = ctx.page
    if page.type.search_boost is not None:
        meta["search"] = {**meta.get("search", {}), "boost": page.type.search_boost}
    if ctx.number > 1:  # the catalogue's other pages: their own title, and searched through page 1
        count = catalogue_pages.page_count(len(ctx.site.examples()))
        meta["title"] = catalogue_pages.page_title(escape(meta.get("title", "")), ctx.number, count)
        meta["search"] = {"exclude": True}
    done = state.ahead.result(ctx.current_url)
    text, blocks = done if done and markdown == _expected_markdown(page) else generated(state, markdown, ctx)
    state.blocks.keep(page.rel, blocks)
    return text


def generated(state: BuildState, markdown: str, ctx: render.RenderContext) -> Generated:
    """The page's Markdown with the generated parts as placeholders, and the blocks they stand for."""
    blocks: list[str] = []
    place = state.blocks.place_in(blocks)
    try:
        header, footer = (place(part) for part in render.page_parts(ctx))
        body = render.render_markers(markdown, ctx, place)
        heading, body = split_heading(body)
        return "\n\n".join(part for part in (heading, header, body, footer) if part), blocks
    except render.MarkerError as error:
        raise BuildError(f"{ctx.page.path}: {error}") from error


def start_ahead(
    state: BuildState,
    pages: list[tuple[str, str]],
    extra: Any,
    directory_urls: bool,
    run_ahead: Callable[[Callable[[tuple[str, str]], Generated | None], list[tuple[str, str]]], Any],
) -> None:
    """The generated Markdown of the pages (source path and URL, in the order MkDocs builds them) worked out in
    a forked copy ahead of MkDocs (two_processes.ahead): with_generated takes it from there. The pages'
    lists and parts are independent of what MkDocs does with the pages, and are half of the hooks' work."""

    def work(page: tuple[str, str]) -> Generated | None:
        ctx = render_context(state, page[0], page[1], extra, directory_urls)
        return None if ctx is None else generated(state, _expected_markdown(ctx.page), ctx)

    state.ahead.close()
    state.ahead = PagesAhead(run_ahead(work, pages), {url: index for index, (_, url) in enumerate(pages)})


def _expected_markdown(source: SourcePage) -> str:
    """The Markdown the hooks are likely to get for a page read by read_source: MkDocs' front matter reader
    strips the blank lines after the front matter, and mkdocs-static-i18n joins the lines again after it looked
    for admonition titles to translate. with_generated compares, so a difference only costs time."""
    return "\n".join(source.front.body.lstrip("\n").splitlines())


def markdown_of(state: BuildState, markdown: str, meta: dict[str, Any], ctx: render.RenderContext | None) -> str:
    escape_editor_text(meta)
    if ctx is None:
        return markdown
    if not state.previewing:
        return with_generated(state, markdown, meta, ctx)
    try:
        return with_generated(state, markdown, meta, ctx)
    except Exception as error:  # another page's error can leave this one without its lists
        return error_pages.render_failure(markdown, error)


def html_of(state: BuildState, html: str, src_uri: str) -> str:
    """Sanitise what the editor wrote (html_policy), then put the generated blocks back in; the preview's
    banner is the project's own markup, added after the sanitiser."""
    source = state.source(src_uri)
    html = state.blocks.put_back(source.rel if source else src_uri, html, html_policy.sanitize)
    return error_pages.banner(state.errors) + html if state.previewing else html


def hand_to_search(state: BuildState, src_uri: str, html: str) -> str:
    """What Material's search plugin reads of the page (search_view); the whole page waits for after_search."""
    state.whole_pages[src_uri] = html
    return search_view.view(html)


def after_search(state: BuildState, src_uri: str, content: str) -> str:
    """The page's whole HTML again, once Material's search plugin has read the page (hand_to_search)."""
    whole = state.whole_pages.pop(src_uri, None)
    return content if whole is None else search_view.restored(whole)


def inline_logo(docs_dir: Path, logo: str | None) -> Markup | None:
    """The theme's logo as markup for the page when it is an SVG file of the site (drawn in place, not
    fetched), with the size the header reserves for it; None for any other logo."""
    path = docs_dir / logo if logo else None
    if path is None or path.suffix != ".svg" or not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8").strip()
    return Markup(svg.replace("<svg ", '<svg width="48" height="48" ', 1))


def template_values(state: BuildState, src_uri: str, url: str) -> dict[str, Any]:
    """What main.html shows of the page (revision date, type, language); notes the page's search facts."""
    source = state.source(src_uri)
    if source is None:
        return {}
    revised = source.last_revised()
    state.search_pages[url] = PageFacts(source.lang, source.type.is_illustrative(source.meta))
    return {
        "revised": danish_date(revised, source.lang) if revised else None,
        "revised_iso": revised.isoformat() if revised else None,
        "page_type": source.type.name,
        "page_lang": source.lang,
        # The footer links the accessibility statement by the name the rules require, from every page.
        "accessibility_url": relative_url(
            page_url(accessibility.PAGE, DEFAULT_LANGUAGE, not url.endswith(".html")), url
        ),
    }
