"""The menu rendered once for all the pages that show the same one.

Material renders its whole navigation (``partials/nav.html``) again for every page: at 1,000 examples that
was half of the time the build spends in templates. Yet the pages outside the menu (the examples, the
catalogue's further pages) show one and the same menu when they sit in the same folder: no item of it is
their own, the same sections are open, and every address in it is relative to the folder. The override
``overrides/partials/nav.html`` wraps Material's partial in ``shared_fragment(navigation_key(page, nav))``,
which renders it for the first such page and gives the others the same text. Every other page (the menu's
own pages, a page with menu pages below its address) gets no key and its own menu, as before.

Works on MkDocs' navigation through its public attributes (``items``, ``pages``, ``children``, ``url``,
``active``), so it needs no MkDocs import.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable, Iterator
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PrefixLoader

# The theme's own templates under this prefix, for an override that wraps the partial it replaces.
THEME_PREFIX = "tema"


def _items(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])


def navigation_key(page: Any, nav: Any) -> Hashable | None:
    """What the menu on ``page`` depends on, or None when it must be rendered for this page alone."""
    if page is None or nav is None:
        return None
    url = str(page.url)
    # A page of the menu marks itself in it; a menu page at or below this address has a link that is
    # relative to this page's own address, not to its folder.
    if any(item is page or str(item.url).startswith(url) for item in nav.pages):
        return None
    open_sections = tuple(bool(getattr(item, "active", False)) for item in _items(nav.items))
    return (posixpath.dirname(url.rstrip("/")), url.endswith("/"), open_sections)


class SharedFragments:
    """A Jinja call block, ``{% call shared_fragment(key) %}…{% endcall %}``: its body rendered once per key
    (None: every time). One instance per Jinja environment, that is per language build."""

    def __init__(self) -> None:
        self._rendered: dict[Hashable, str] = {}

    def __call__(self, key: Hashable | None, caller: Callable[[], str]) -> str:
        if key is None:
            return caller()
        if key not in self._rendered:
            self._rendered[key] = caller()
        return self._rendered[key]


def with_theme_templates(loader: BaseLoader | None, theme_dirs: list[str], custom_dir: str | None) -> BaseLoader:
    """The environment's loader, plus the theme's own templates (without the overrides) under THEME_PREFIX/."""
    own = [folder for folder in theme_dirs if folder != custom_dir]
    theme = PrefixLoader({THEME_PREFIX: FileSystemLoader(own)})
    return ChoiceLoader([loader, theme]) if loader is not None else theme
