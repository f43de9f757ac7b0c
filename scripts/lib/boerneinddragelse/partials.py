"""The Jinja environment of the partials in overrides/partials/, and what a rendered partial sees of its page."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import vocabulary
from .formatting import danish_date, danish_time, iso_time, month_and_year, number_in_words, shown_domain
from .model import DEFAULT_LANGUAGE, ILLUSTRATIVE_LABEL
from .paths import PARTIALS
from .settings import Contact
from .site import Site, SourcePage
from .urls import page_url, relative_url


@dataclass
class RenderContext:
    site: Site
    page: SourcePage
    current_url: str  # built URL of the page being rendered
    directory_urls: bool
    contact: Contact = field(default_factory=Contact)  # the editors' contact details (mkdocs.yml extra.kontakt)
    # Build settings some markers need: offline (bool), online_url, and download (the facts
    # written by scripts/publish_offline.py, or None when no offline copy is being published).
    extra: dict[str, Any] = field(default_factory=dict)
    number: int = 1  # which page of a list in pages (the catalogue's) is being rendered

    @property
    def lang(self) -> str:
        return self.page.lang

    def link(self, target: SourcePage) -> str:
        return relative_url(page_url(target.base, target.lang, self.directory_urls), self.current_url)

    def link_to(self, base: str, lang: str = DEFAULT_LANGUAGE) -> str:
        return relative_url(page_url(base, lang, self.directory_urls), self.current_url)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(PARTIALS),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates are read once per process; checking their mtime per page is slow
    )
    env.filters["dato"] = danish_date
    env.filters["tidspunkt"] = danish_time
    env.filters["iso"] = iso_time
    env.filters["i_ord"] = number_in_words
    env.filters["domaene"] = shown_domain
    env.filters["maaned_aar"] = month_and_year
    env.globals["terms"] = vocabulary.terms
    env.globals["illustrative_label"] = ILLUSTRATIVE_LABEL
    return env


def render_partial(name: str, ctx: RenderContext, **values: Any) -> str:
    html = environment().get_template(name).render(ctx=ctx, lang=ctx.lang, **values)
    # Blank lines would end Markdown's raw HTML block, and indentation could become code.
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


@cache
def partial_names() -> frozenset[str]:
    return frozenset(path.name for path in PARTIALS.glob("*.html"))
