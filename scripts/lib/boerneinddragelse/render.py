"""Render the generated parts of pages from Jinja partials in overrides/partials/generated/.

A page asks for a generated list with an HTML comment on a line of its own, e.g.
``<!-- praksiseksempler -->``; unknown markers are errors. All editor text passes
through Jinja's autoescaping, so front matter cannot inject markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .markdown_build import markdown_config
from .marker_arguments import MarkerError as MarkerError
from .marker_arguments import marker_argument_errors as marker_argument_errors
from .marker_facts import (
    accessibility_marker,
    contact_marker,
    download_marker,
    glossary_marker,
    legal_basis_marker,
    publication_marker,
    security_headers_marker,
)
from .marker_page_lists import (
    case_steps_marker,
    catalogue_marker,
    events_marker,
    examples_marker,
    member_count_marker,
    members_marker,
    news_marker,
    recommendations_marker,
)
from .page_parts import page_parts as page_parts
from .parsed_page import Marker, parse
from .partials import RenderContext as RenderContext
from .source_page import SourcePage

MARKERS: dict[str, Callable[[RenderContext, dict[str, str]], str]] = {
    "anbefalinger": recommendations_marker,
    "praksiseksempler": examples_marker,
    "katalog": catalogue_marker,
    "medlemmer": members_marker,
    "antal-medlemmer": member_count_marker,
    "lovgrundlag": legal_basis_marker,
    "ordliste": glossary_marker,
    "sagens-trin": case_steps_marker,
    "tilgaengelighed": accessibility_marker,
    "publikation": publication_marker,
    "nyheder": news_marker,
    "arrangementer": events_marker,
    "kontakt": contact_marker,
    "offline-hentning": download_marker,
    "sikkerhedsheadere": security_headers_marker,
}


def find_markers(markdown: str, page: SourcePage | None = None) -> list[Marker]:
    """Every marker of a page's Markdown, in order: the parsed page's, so a marker shown in code stays code.

    For a page's own body, as MkDocs hands it over (without the blank lines it begins and ends with), the
    markers the validator found in it, moved by what MkDocs left out: the page is read once."""
    body = page.front.body if page is not None else ""
    skipped = len(body) - len(body.lstrip("\n"))
    if page is None or not body.startswith(markdown, skipped) or body[skipped + len(markdown) :].strip("\n"):
        return parse(markdown).markers
    found = parse(body, page.front.body_line, markdown_config(None)).markers
    return [replace(m, offset=m.offset - skipped, end=m.end - skipped) for m in found]


def render_markers(markdown: str, ctx: RenderContext, place: Callable[[str], str] = lambda html: html) -> str:
    """Replace every marker line with its rendered partial; raise MarkerError for unknown ones.

    ``place`` decides what goes into the Markdown for a rendered block: the HTML itself, or
    (in the build) a placeholder that is swapped for the HTML after Markdown has run.
    """
    parts, done = [], 0
    for marker in find_markers(markdown, ctx.page):
        parts += [markdown[done : marker.offset], "\n" + place(_render_marker(marker, ctx)) + "\n"]
        done = marker.end
    return "".join([*parts, markdown[done:]])


def _render_marker(marker: Marker, ctx: RenderContext) -> str:
    name, args = marker.name, marker.arguments
    if name not in MARKERS:
        raise MarkerError(f"ukendt markør »{name}«; kendte markører: {', '.join(sorted(MARKERS))}")
    errors = marker_argument_errors(name, args)
    if errors:
        raise MarkerError("; ".join(errors))
    return MARKERS[name](ctx, args)
