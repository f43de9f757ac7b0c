"""One page for each set of resources a built page loads, for the browser walks over a whole site.

A page's requests, console errors and Content-Security-Policy violations come from what it loads: its
scripts (inline ones by their text), stylesheets, images, frames and its language. Pages that load the same
set behave the same in those respects, so a walk opens one page per set instead of every page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

_RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "srcset", "link": "href"}


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.found.add(f"lang={values.get('lang')}")
        name = _RESOURCE_ATTRIBUTES.get(tag)
        if tag == "link" and "stylesheet" not in (values.get("rel") or "") and values.get("rel") != "icon":
            name = None
        if name and values.get(name):
            self.found.add(f"{tag}:{values[name]}")
        self._in_script = tag == "script" and not values.get("src")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.add(f"inline:{data.strip()}")


def resources(page: Path) -> frozenset[str]:
    """Everything page loads, with the paths as the page writes them relative to its own folder."""
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return frozenset(parser.found)


def one_page_per_resource_set(root: Path, pages: list[str]) -> list[str]:
    """The first of pages (URL paths under root: ``x/`` or ``x.html``) for each set of resources, in order.

    Paths relative to a page differ with its depth (``../assets/x.js``), so pages at different depths fall
    into different sets even when they load the same files. Each section (the first folder, after a language
    prefix) and each section's front page keeps a page of its own too: they hold different generated blocks.
    """
    chosen: dict[tuple[frozenset[str], str, bool], str] = {}
    for path in pages:
        file = root / path / "index.html" if path == "" or path.endswith("/") else root / path
        parts = [part for part in path.split("/") if part]
        if parts and len(parts[0]) == 2:  # a language prefix: en/
            parts = parts[1:]
        section = parts[0] if len(parts) > 1 else ""
        chosen.setdefault((resources(file), section, len(parts) <= 1), path)
    return list(chosen.values())
