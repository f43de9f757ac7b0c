"""The catalogue's data file: every practice example as the filter needs it, generated at build time.

The catalogue's pages each show PER_PAGE examples (catalogue_pages); the filter finds examples on every
page, so it reads them all from ``assets/javascripts/katalog-data.js``, a plain script that sets
``self.Katalogdata``. It is fetched only when the reader starts to filter, as a script and not as JSON,
so that it loads from file:// in the offline copy too. The entries are the catalogue list's own
(marker_page_lists.example_entry), so the list and the filter show the same facts and match the same words.
"""

from __future__ import annotations

import json
from typing import Any

from .catalogue_pages import INDEX_PAGE
from .marker_page_lists import example_entry
from .partials import RenderContext
from .site import Site

SITE_PATH = "assets/javascripts/katalog-data.js"


def records(site: Site, directory_urls: bool) -> list[dict[str, Any]]:
    """Every example of the catalogue, in the list's order; addresses relative to the data file."""
    index = site.by_rel.get(INDEX_PAGE)
    if index is None:
        return []
    ctx = RenderContext(site, index, SITE_PATH, directory_urls)
    entries = (example_entry(ctx, page) for page in site.examples())
    return [
        {
            "url": e["url"],
            "titel": e["title"],
            "beskrivelse": e["description"],
            "konstrueret": bool(e["illustrative"]),
            "anbefalinger": e["numbers"],
            "temaer": e["themes"],
            "maalgrupper": e["groups"],
            "kommune": e["municipality"] or "",
            "sagstrin": e["step"],
            "dele": e["parts"],
        }
        for e in entries
    ]


def module_source(site: Site, directory_urls: bool) -> str:
    body = json.dumps({"eksempler": records(site, directory_urls)}, ensure_ascii=False, separators=(",", ":"))
    # JSON is JavaScript, except that older engines end a string at a raw line or paragraph separator.
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return (
        "/* Generated at build time from the practice examples: do not edit. */\n"
        f'(typeof self !== "undefined" ? self : this).Katalogdata = {body};\n'
    )
