"""The site's navigation from MkDocs' items: ordered by the content model, index-only sections folded.

Works on MkDocs' navigation items through their public attributes (``is_page``, ``is_section``,
``children``, ``file``, ``title``, ``parent``, ``previous_page``, ``next_page``), so it needs no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from .model import index_only_folders
from .site import SourcePage
from .sourcepaths import folder, is_index

DEFAULT_ORDER = 50  # where a page without nav_orden (or nummer) goes among its siblings

SourceOf = Callable[[str], SourcePage | None]  # a built page's source, from its path under docs/


def _first_page(item: Any) -> Any | None:
    if item.is_page:
        return item
    return next((c for c in getattr(item, "children", None) or [] if c.is_page), None)


def _sort_key(item: Any, source_of: SourceOf) -> tuple[int, int, str]:
    page = _first_page(item)
    source = source_of(page.file.src_path) if page is not None else None
    front_page = item.is_page and source is not None and is_index(source.base)
    order = source.type.menu_order(source.meta, DEFAULT_ORDER) if source else DEFAULT_ORDER
    return (0 if front_page else 1, order, str(item.title or "").casefold())


def _arranged(items: list[Any], source_of: SourceOf) -> list[Any]:
    """Items in menu order; a section of index-only pages keeps its front page alone."""
    for item in items:
        if item.is_section:
            children = [c for c in item.children if c.is_page]
            first = folder(children[0].file.src_path.replace("\\", "/")) if children else ""
            if first in index_only_folders():
                item.children = [c for c in children if PurePosixPath(c.file.src_path).name.startswith("index.")]
            else:
                item.children = _arranged(item.children, source_of)
    return sorted(items, key=lambda item: _sort_key(item, source_of))


def _pages(items: list[Any]) -> list[Any]:
    pages = []
    for item in items:
        if item.is_page:
            pages.append(item)
        elif item.is_section:
            pages.extend(_pages(item.children))
    return pages


def _link_parents(items: list[Any]) -> None:
    for item in items:
        if item.is_section:
            for child in item.children:
                child.parent = item
            _link_parents(item.children)


def _link_neighbours(pages: list[Any]) -> None:
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None


def arrange(items: list[Any], pages: list[Any], source_of: SourceOf) -> tuple[list[Any], list[Any]]:
    """The navigation's items and its pages in reading order, with parents and neighbours set.

    Pages left out of the navigation lose their parent and neighbours (they are reached from their index)."""
    items = _arranged(items, source_of)
    kept = _pages(items)
    for page in pages:
        if page not in kept:
            page.parent, page.previous_page, page.next_page = None, None, None
    _link_parents(items)
    _link_neighbours(kept)
    return items, kept
