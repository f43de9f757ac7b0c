"""All pages of the docs tree, parsed once, with the lists the site is built from.

The MkDocs hooks and the validator both start here, so a page that breaks the
content model fails the build and the validator with the same message.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from . import schema_check
from .analysis import Lexicon
from .dates import today
from .filenames import page_name_problems, stray_markdown_problems
from .frontmatter import FrontMatter, control_characters, decode, split, too_large
from .model import (
    ANBEFALING,
    DEFAULT_LANGUAGE,
    MEDLEM,
    NYHED,
    PRAKSISEKSEMPEL,
    PageType,
    page_type_for,
    split_language,
)
from .page_rules import field_rules, implausible_dates, menu_order, news_dates
from .parsed_page import parse
from .problems import Problem
from .rules import MAX_PAGE_BYTES

# Re-exported: the validator and the hooks ask the site for its pages and cross-page rules.
from .site_rules import check_site as check_site
from .source_page import Event as Event
from .source_page import SourcePage as SourcePage
from .source_page import events_of as events_of
from .sourcepaths import with_language
from .wrong_folder import wrong_folder

T = TypeVar("T")


@dataclass
class Site:
    pages: list[SourcePage]
    # Problems of files that are not pages (a Markdown file ending in .MD or .markdown).
    file_problems: list[Problem] = field(default_factory=list)
    # Sorted lists and examples' facts, computed once: every example page asks for them, so recomputing
    # them per page would make the build grow with the square of the catalogue.
    _lists: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)

    def forget_lists(self) -> None:
        """Call after problems were added: a page's validity decides whether it is listed."""
        self._lists.clear()

    def remember(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """compute() once per site (the pages do not change while a site is built)."""
        if key not in self._lists:
            self._lists[key] = compute()
        return self._lists[key]

    @cached_property
    def by_rel(self) -> dict[str, SourcePage]:
        return {p.rel: p for p in self.pages}

    @cached_property
    def lexicon(self) -> Lexicon:
        """The words of the Danish pages' prose: what the analyser splits compounds into."""
        return Lexicon.from_texts(
            text
            for page in self.pages
            if page.lang == DEFAULT_LANGUAGE
            for text in (
                page.title,
                str(page.meta.get("description", "")),
                parse(page.front.body, page.front.body_line).prose,
            )
        )

    @property
    def problems(self) -> list[Problem]:
        return sorted([*self.file_problems, *(p for page in self.pages for p in page.problems)])

    def _of_type(self, page_type: PageType, lang: str) -> list[SourcePage]:
        return [p for p in self.pages if p.type is page_type and p.lang == lang and p.valid]

    def recommendations(self, lang: str = DEFAULT_LANGUAGE) -> list[SourcePage]:
        return self.remember(
            ("recommendations", lang), lambda: sorted(self._of_type(ANBEFALING, lang), key=lambda p: p.meta["nummer"])
        )

    def recommendation(self, number: int, lang: str = DEFAULT_LANGUAGE) -> SourcePage | None:
        return next((p for p in self.recommendations(lang) if p.meta["nummer"] == number), None)

    def examples(self) -> list[SourcePage]:
        return self.remember(
            ("examples",),
            lambda: sorted(self._of_type(PRAKSISEKSEMPEL, DEFAULT_LANGUAGE), key=lambda p: p.title.casefold()),
        )

    def examples_for(self, number: int) -> list[SourcePage]:
        return self.remember(
            ("examples", number), lambda: [p for p in self.examples() if number in p.meta["anbefalinger"]]
        )

    def members(self, lang: str = DEFAULT_LANGUAGE) -> list[SourcePage]:
        return sorted(self._of_type(MEDLEM, lang), key=lambda p: p.title.casefold())

    def news(self) -> list[SourcePage]:
        """Newest first; ties broken by title so the order is stable."""
        items = self._of_type(NYHED, DEFAULT_LANGUAGE)
        return sorted(items, key=lambda p: (p.meta["date"], p.title), reverse=True)

    def events(self) -> list[Event]:
        """All events in all news items, soonest first."""
        return sorted((e for page in self.news() for e in events_of(page)), key=lambda e: (e.start, e.title))

    def translation(self, page: SourcePage, lang: str) -> SourcePage | None:
        return self.by_rel.get(with_language(page.base, lang))


def load_page(docs_dir: Path, rel: str, display_prefix: str = "docs/", on: date | None = None) -> SourcePage:
    """Read and check one page on its own (cross-page checks happen in load_site); on is today's date."""
    path = display_prefix + rel
    size = (docs_dir / rel).stat().st_size
    if size > MAX_PAGE_BYTES:
        # Python-Markdown's time grows faster than the page: a huge file would stall every build.
        text, problems = "", [too_large(path, size)]
    else:
        text, problems = decode((docs_dir / rel).read_bytes(), path)
    if not problems:
        text = unicodedata.normalize("NFC", text)
        problems = control_characters(text, path)
    front = split(text, path) if not problems else FrontMatter()
    base, lang = split_language(rel)
    page = SourcePage(rel, path, base, lang, page_type_for(rel), front, problems + front.problems)
    if front.present and not page.problems:
        misplaced = wrong_folder(page)
        # A page in the wrong folder would get an error for every field its folder's type does not
        # know; the one message that matters is where it belongs.
        page.problems.extend([misplaced] if misplaced else schema_check.check(page.type, front, path))
    if page.valid:
        page.problems.extend(field_rules(page) + news_dates(page, on or today()) + menu_order(page))
    if page.valid:
        page.problems.extend(implausible_dates(page, on or today()))
    page.problems.extend(page_name_problems(rel, path))
    return page


def markdown_files(docs_dir: Path) -> list[str]:
    """The pages under docs_dir: files ending in ``.md`` exactly (also where the file system ignores case)
    that stay inside it (folders named like pages and symlinks that leave docs/ are reported, never read)."""
    root = docs_dir.resolve()
    found = []
    for path in docs_dir.rglob("*.md"):
        try:
            inside = root in path.resolve().parents
        except (OSError, RuntimeError):  # a symlink loop
            inside = False
        if path.suffix == ".md" and inside and path.is_file():
            found.append(path.relative_to(docs_dir).as_posix())
    return sorted(found)


def load_site(
    docs_dir: Path, rels: list[str] | None = None, display_prefix: str = "docs/", on: date | None = None
) -> Site:
    """Parse every Markdown page under docs_dir (or the given ones) and run the model's rules; on is today."""
    site = Site([load_page(docs_dir, rel, display_prefix, on) for rel in (rels or markdown_files(docs_dir))])
    if rels is None:
        site.file_problems = stray_markdown_problems(docs_dir, display_prefix)
    check_site(site)
    return site
