"""Rules between pages: two pages that describe the same thing, and pages no reader can reach."""

from __future__ import annotations

from typing import Any

from ..model import DEFAULT_LANGUAGE, PAGE_TYPES
from ..parsed_page import parse
from ..problems import Problem
from ..rules.pages import DUPLICATE_PAGE, UNREACHABLE_PAGE
from ..rules.rule import reports
from ..site import Site, SourcePage


def _normal_title(value: Any) -> str | None:
    return " ".join(value.split()).casefold() if isinstance(value, str) and value.strip() else None


@reports(DUPLICATE_PAGE)
def duplicates(pages: list[SourcePage]) -> list[Problem]:
    """Pages of the same type and language with the same title (and the type's distinguishing fields)."""
    groups: dict[tuple[Any, ...], list[SourcePage]] = {}
    for page in pages:
        title = _normal_title(page.meta.get("title"))
        if title is not None:
            key = (page.type.name, page.lang, title, *page.type.duplicate_key(page.meta))
            groups.setdefault(key, []).append(page)
    problems = []
    for group in (group for group in groups.values() if len(group) > 1):
        for page in group:
            shared = "".join(f" og samme {name}" for name in page.type.distinguishing_fields if page.meta.get(name))
            others = ", ".join(p.path for p in group if p is not page)
            problems.append(DUPLICATE_PAGE.at(page.path, page.line_of("title"), 1, shared=shared, others=others))
    return problems


@reports(UNREACHABLE_PAGE)
def reachability(site: Site, rels: set[str]) -> list[Problem]:
    """Pages of a type listed only on its section's index page (through its marker) need that page and marker."""
    problems = []
    for page_type in PAGE_TYPES.values():
        marker = page_type.index_marker
        if marker is None:
            continue
        index = site.by_rel.get(page_type.index_page)
        if index is None:
            if page_type.index_page in rels:
                continue  # the index page could not be read; it has its own problem
            for page in site.pages:
                if page.type is page_type and page.lang == DEFAULT_LANGUAGE:
                    problems.append(
                        UNREACHABLE_PAGE.at(
                            page.path, 1, 1, wording="ingen-forside", index=page_type.index_page, marker=marker
                        )
                    )
            continue
        if not any(m.name == marker and "seneste" not in m.arguments for m in parse(index.front.body).markers):
            line = index.front.body_line if index.front.present else 1
            problems.append(UNREACHABLE_PAGE.at(index.path, line, 1, marker=marker, folder=page_type.folder))
    return problems
