"""The checks the validator runs on each page, beside the content model's (boerneinddragelse.site).

Each check function declares the rules it reports with ``@reports`` (boerneinddragelse.rules.rule), so the
registry names the function for every rule id. A page check takes the context and the page; a body check
also gets the page's parsed body, and runs only when the body is within the size and depth limits.
"""

from __future__ import annotations

from collections.abc import Callable

from ..parsed_page import ParsedPage
from ..problems import Problem
from ..site import SourcePage
from . import files, html, illustrative, links, markers, template_text, translations
from .context import Context
from .files import unsafe_paths
from .site_wide import duplicates, reachability

PageCheck = Callable[[Context, SourcePage], list[Problem]]
BodyCheck = Callable[[Context, SourcePage, ParsedPage], list[Problem]]

PAGE_CHECKS: tuple[PageCheck, ...] = (
    files.file_name,
    files.subfolder,
    translations.translation,
    template_text.template_text,
)
BODY_CHECKS: tuple[BodyCheck, ...] = (
    markers.markers,
    links.links,
    html.raw_html,
    html.attribute_lists,
    template_text.empty_sections,
    illustrative.municipality_names,
)


def check_page(context: Context, page: SourcePage) -> list[Problem]:
    """Every per-page check on one page."""
    problems = [problem for check in PAGE_CHECKS for problem in check(context, page)]
    body = context.body(page)
    if body is None:
        return problems
    if body.limit is not None:  # checked before any parser sees the body; the body checks would follow it
        line, column = body.position(body.limit.offset)
        return [*problems, body.limit.at(page.path, line, column)]
    return problems + [problem for check in BODY_CHECKS for problem in check(context, page, body)]


__all__ = ["Context", "check_page", "duplicates", "reachability", "unsafe_paths"]
