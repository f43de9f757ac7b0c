"""What Material's search plugin reads of a page: its HTML without the parts it would skip anyway.

Material's search plugin parses every page's HTML in its ``on_page_context`` and skips each element
marked ``data-search-exclude``; on our pages those are the generated lists of links (related examples,
the catalogue's list), which made its parsing three times as slow per page as on stock pages. The build
hands it the page without them (``view``), so it parses only what it indexes, and gives the page its
whole HTML back afterwards (``restored``). The index comes out the same, byte for byte (tests pin it).

An excluded element is kept when it holds a heading with an id: Material starts a search section at
such a heading even inside an excluded element, so leaving it out could change the index.
"""

from __future__ import annotations

import re

# A start or end tag: its name, and the rest of the start tag (attributes). Comments, scripts and styles do
# not occur inside the excluded elements of our own partials, which is all this is used on.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_EXCLUDED = re.compile(r"\sdata-search-exclude(?=[\s=/]|$)")
_HEADING_WITH_ID = re.compile(r"<h[1-6]\b[^>]*\sid=")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# What Material's search plugin removes from every page's HTML once it has read it (its on_page_context):
# each match of MATERIAL_STRIPPED. ``restored`` finds the attribute by its fixed start, which the regular
# expression engine looks for quickly, and takes the one whitespace before it as the optional ``\s`` would.
MATERIAL_STRIPPED = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
_STRIPPED_ATTRIBUTE = re.compile(r"data-search-\w+=\"[^\"]+\"")


def _end_of(html: str, name: str, start: int) -> int | None:
    """Where the element opened just before start ends (after its end tag); None if it does not end."""
    depth = 1
    for tag in _TAG.finditer(html, start):
        if tag.group(2).lower() != name:
            continue
        if tag.group(1):
            depth -= 1
            if depth == 0:
                return tag.end()
        elif not tag.group(3).rstrip().endswith("/"):
            depth += 1
    return None


def view(html: str) -> str:
    """The page's HTML without its elements marked data-search-exclude (one pass, no backtracking)."""
    if "data-search-exclude" not in html:
        return html
    parts, done, position = [], 0, 0
    while True:
        tag = next((t for t in _TAG.finditer(html, position) if not t.group(1) and _EXCLUDED.search(t.group(3))), None)
        if tag is None:
            break
        name = tag.group(2).lower()
        end = None if name in _VOID else _end_of(html, name, tag.end())
        if end is None or _HEADING_WITH_ID.search(html, tag.end(), end):
            position = tag.end()  # kept: Material reads it as it is
            continue
        parts.append(html[done : tag.start()])
        done = position = end
    return "".join([*parts, html[done:]])


def restored(html: str) -> str:
    """The page's whole HTML as Material's search plugin leaves a page it has read (MATERIAL_STRIPPED)."""
    parts, done = [], 0
    for attribute in _STRIPPED_ATTRIBUTE.finditer(html):
        start = attribute.start()
        if start > done and html[start - 1].isspace():
            start -= 1
        parts.append(html[done:start])
        done = attribute.end()
    return "".join(parts) + html[done:] if parts else html
