"""What the per-page checks share: the site, the files under docs/, and each page's body parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..markdown_build import markdown_config
from ..parsed_page import ParsedPage, parse
from ..site import Site, SourcePage


@dataclass
class Context:
    docs_dir: Path
    site: Site
    rels: set[str]  # every Markdown file under docs/, loaded or not
    display_prefix: str = "docs/"  # how messages name docs_dir
    config_file: Path | None = None  # mkdocs.yml: the Markdown extensions the build uses
    _bodies: dict[str, ParsedPage | None] = field(default_factory=dict)

    def body(self, page: SourcePage) -> ParsedPage | None:
        """The page's parsed Markdown body (None for a file that could not be decoded), read once per check."""
        if page.rel not in self._bodies:
            decoded = not any(p.rule == "fil-kodning" for p in page.problems)
            config = markdown_config(self.config_file)
            self._bodies[page.rel] = parse(page.front.body, page.front.body_line, config) if decoded else None
        return self._bodies[page.rel]


def misplaced(page: SourcePage) -> bool:
    """A page with a forkert-mappe error: checks that depend on its type would only repeat it."""
    return any(p.rule == "forkert-mappe" for p in page.problems)
