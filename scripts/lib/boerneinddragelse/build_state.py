"""What a build keeps between MkDocs' events: settings, the checked site, and the facts pages leave behind.

mkdocs-static-i18n builds the site once per language: the default language first, and the others
inside its post-build step. Everything here gives the same result each time it runs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import accessibility, catalogue_pages, feeds, offline_release, search_adapter, search_index
from .filenames import is_stray_markdown
from .finished_pages import FinishedPages
from .generated_blocks import GeneratedBlocks
from .model import DEFAULT_LANGUAGE
from .problems import ERROR, Problem
from .search_index import PageFacts
from .settings import Contact, read_contact
from .site import Site, SourcePage
from .sourcepaths import split_language
from .two_processes import Ahead
from .validation import PendingReport

# Commands whose output is published; `mkdocs serve` is not (its live reload runs an inline
# script that the Content-Security-Policy would block).
PUBLISHING_COMMANDS = frozenset({"build", "gh-deploy"})

Fingerprint = tuple[tuple[str, int, int, int], ...]
# validation.start_check: the site now, its report when asked for.
StartCheck = Callable[[Path, str, Path | None], tuple[Site, PendingReport]]


@dataclass(frozen=True)
class LanguageBuild:
    """One language's build, as configured when it started (mkdocs-static-i18n reconfigures the site
    for each language and leaves the last language's settings behind)."""

    lang: str
    site_name: str


class BuildError(Exception):
    """A Danish message that stops the build."""


def fingerprint(docs_dir: Path) -> Fingerprint:
    """Names, sizes, types and modification times of every file under docs/: cheap to take, and any edit
    changes it (images and wrongly named files are checked too)."""
    entries = []
    for path in sorted(docs_dir.rglob("*")):
        stat = path.lstat()
        entries.append((str(path), stat.st_mtime_ns, stat.st_size, stat.st_mode))
    return tuple(entries)


def display_prefix(docs_dir: Path, config_file: Path | None) -> str:
    """How messages name the docs folder: relative to the folder of mkdocs.yml, as the validator does."""
    base = (config_file or Path(".")).resolve().parent
    try:
        return docs_dir.resolve().relative_to(base).as_posix() + "/"
    except ValueError:
        return "docs/"


# A page's generated Markdown (page_build.generated): its text with placeholders, and the blocks they stand for.
Generated = tuple[str, list[str]]


@dataclass
class PagesAhead:
    """The generated Markdown of pages, worked out ahead of MkDocs (page_build.start_ahead), by page URL."""

    results: Ahead[Generated | None] | None = None  # in the order of the pages in ``where``
    where: dict[str, int] = field(default_factory=dict)

    def result(self, url: str) -> Generated | None:
        index = self.where.get(url)
        return None if index is None or self.results is None else self.results.result(index)

    def close(self) -> None:
        if self.results is not None:
            self.results.close()
        self.results, self.where = None, {}


@dataclass
class BuildState:
    command: str = ""
    contact: Contact = field(default_factory=Contact)
    contact_warned: bool = False
    download: dict[str, Any] | None = None  # the offline copy's facts, when one is published
    site: Site = field(default_factory=lambda: Site([]))
    checked: Fingerprint | None = None  # the docs tree the site was checked from
    verdict: PendingReport | None = None  # the checks' report, until confirm() has asked for it
    site_dir: Path | None = None  # where the build under way writes the site (every language's)
    errors: list[Problem] = field(default_factory=list)  # content errors (the preview shows them)
    broken: dict[str, list[Problem]] = field(default_factory=dict)  # the errors by page path
    blocks: GeneratedBlocks = field(default_factory=GeneratedBlocks)
    search_pages: dict[str, PageFacts] = field(default_factory=dict)  # by built URL
    languages: list[LanguageBuild] = field(default_factory=list)  # the builds under way, outermost first
    not_found_page: str | None = None  # the default language's 404 page
    finished: FinishedPages = field(default_factory=lambda: FinishedPages(lambda page: page, with_policy=False))
    whole_pages: dict[str, str] = field(default_factory=dict)  # HTML held back while search reads a page
    index_terms: search_index.TermsBeside | None = None  # the default language's, while the others are built
    ahead: PagesAhead = field(default_factory=PagesAhead)  # the default language's generated Markdown

    @property
    def previewing(self) -> bool:
        return self.command == "serve"

    @property
    def language(self) -> str:
        """The language of the build under way."""
        return self.languages[-1].lang if self.languages else ""

    @property
    def building_default_language(self) -> bool:
        return bool(self.languages) and self.languages[-1].lang == DEFAULT_LANGUAGE

    @property
    def publishing(self) -> bool:
        return self.command in PUBLISHING_COMMANDS

    def read_settings(self, extra: Any, config_file: Path | None, warn: Callable[[str], object]) -> None:
        """The editors' settings and the offline copy's facts from mkdocs.yml's ``extra``. Wrong settings stop
        the build (the preview shows them with the content errors); empty ones are a warning, given once."""
        self.contact, problems = read_contact(extra.get("kontakt"), config_file or Path("mkdocs.yml"))
        errors = [p.format() for p in problems if p.severity == ERROR]
        if errors and not self.previewing:
            raise BuildError("Indstillingerne i mkdocs.yml er forkerte:\n" + "\n".join(errors))
        # Empty contact details are a warning, and so is a statement without a phone number or e-mail.
        warnings = problems[:1] + ([] if errors else accessibility.contact_problems(self.contact, config_file))
        if warnings and not self.contact_warned:
            for problem in warnings:
                warn(problem.format())
            self.contact_warned = True
        # The publish workflow passes the offline copy's facts (DOWNLOAD_FACTS, see publish_offline).
        path = extra.get("download_facts")
        try:
            self.download = offline_release.read_facts(Path(path)) if path else None
        except offline_release.PublishError as error:
            raise BuildError(str(error)) from error

    def check(self, docs_dir: Path, config_file: Path | None, start_check: StartCheck) -> None:
        """The validator's own checks (validation.start_check), again only when a file under docs/ has changed:
        the build refuses exactly what the validator refuses, when it asks for the verdict (confirm). The
        preview asks at once: it shows the errors on the pages."""
        now = fingerprint(docs_dir)
        if self.checked == now:
            return  # the other languages' builds, and a preview reload without changes
        self.site, self.verdict = start_check(docs_dir, display_prefix(docs_dir, config_file), config_file)
        self.checked = now
        if self.previewing or self.verdict.urgent:
            self.confirm()

    def confirm(self, site_dir: Path | None = None) -> None:
        """The checks' verdict, waited for if they run beside the build. Errors refuse the build, and what it has
        written to site_dir is removed: refused content is not left ready to publish."""
        if self.verdict is None:
            return
        report, self.verdict = self.verdict.report(), None
        errors = [p for p in report.problems if p.severity == ERROR]
        if errors and not self.previewing:
            self.checked = None  # checked again by the next build
            if site_dir is not None and site_dir.is_dir():
                _empty(site_dir)
            lines = "\n".join(p.format() for p in errors)
            raise BuildError(f"Indholdet bryder indholdsmodellen ({len(errors)} fejl):\n{lines}")
        self.broken = {}
        for problem in errors:
            self.broken.setdefault(problem.path, []).append(problem)
        self.errors = errors

    def refusal_behind(self) -> str | None:
        """After the build stopped on an error while the checks ran beside it: their refusal, if they found content
        errors (the likely cause, and a message with file and line)."""
        try:
            self.confirm(self.site_dir)
        except BuildError as refusal:
            return str(refusal)
        return None

    def source(self, src_path: str) -> SourcePage | None:
        """The checked source of a built page, from its path under docs/ (the catalogue's other pages are
        built from its front page)."""
        return self.site.by_rel.get(catalogue_pages.source_rel(src_path.replace("\\", "/")))

    def problems_of(self, src_path: str) -> list[Problem]:
        source = self.source(src_path)
        return self.broken.get(source.path, []) if source is not None else []

    def start_language(self, lang: str, site_name: str) -> None:
        self.languages.append(LanguageBuild(lang, site_name))

    def finish_language(self) -> tuple[LanguageBuild, bool]:
        """The language build that ends, and whether it was the outermost (every language is built)."""
        build = self.languages.pop() if self.languages else LanguageBuild("", "")
        return build, not self.languages

    def not_found(self, output: str, lang: str, default_lang: str) -> str:
        """The site's 404 page is the default language's: mkdocs-static-i18n writes every language's at the site
        root, the last one winning (upstream #284, #349)."""
        if lang == default_lang or self.not_found_page is None:
            self.not_found_page = output
        return self.not_found_page

    def write_language_files(self, build: LanguageBuild, site_dir: Path, site_url: str, directory_urls: bool) -> None:
        """The feed and calendar files, and the offline copy to download: written once, by the default
        language's build at the site root."""
        if build.lang != DEFAULT_LANGUAGE:
            return
        feeds.write_all(self.site, site_dir, site_url, f"Nyheder fra {build.site_name}", directory_urls)
        if self.download:
            try:
                offline_release.place(self.download, site_dir)
            except offline_release.PublishError as error:
                raise BuildError(str(error)) from error

    def start_index_terms(self, site_dir: Path, run_beside: Any) -> None:
        """Once the default language is built, its search terms are worked out beside the other languages'
        builds (search_index.TermsBeside)."""
        path = search_adapter.index_path(site_dir)
        if self.index_terms is None and path.is_file():
            self.index_terms = search_index.TermsBeside(path, self.site.lexicon, run_beside)

    def enrich_search_index(self, site_dir: Path) -> bool:
        """The Danish search terms and page facts in the index Material wrote (search_index); False if none."""
        known, self.index_terms = (self.index_terms.known() if self.index_terms else None), None
        return search_index.enrich_file(
            search_adapter.index_path(site_dir), self.search_pages, self.site.lexicon, known
        )


def untranslated(files: Iterable[Any], lang: str, plugins: Any) -> list[Any]:
    """In another language's build: the default language's pages that have no page in it. mkdocs-static-i18n
    reads every file of the tree for each language and leaves these out of lang's build unless it falls back
    to the default language (``fallback_to_default``); left out before it reads them, they cost nothing there.
    ``files`` are MkDocs' files (``src_uri``, ``is_documentation_page()``)."""
    if lang in ("", DEFAULT_LANGUAGE) or "i18n" not in plugins:
        return []
    if getattr(plugins["i18n"], "config", {}).get("fallback_to_default", True) is not False:
        return []
    pages = [(file, *split_language(file.src_uri)) for file in files if file.is_documentation_page()]
    translated = {base for _, base, page_lang in pages if page_lang == lang}
    return [file for file, base, page_lang in pages if page_lang == DEFAULT_LANGUAGE and base not in translated]


def unpublishable(files: Iterable[Any], docs_dir: Path) -> list[Any]:
    """What must never reach the site: Markdown under another extension (it would be copied raw, front
    matter and all) and files reached through a link that leaves docs/. The validator reports both; only
    the preview gets this far with them. ``files`` are MkDocs' files (``abs_src_path``, ``src_uri``)."""
    docs, root = str(docs_dir.absolute()) + os.sep, docs_dir.resolve()
    plain = _plain_files(docs_dir.absolute())
    left_out = []
    for file in files:
        source = os.path.abspath(file.abs_src_path) if file.abs_src_path else None
        if source is None or not source.startswith(docs):
            continue  # the theme's own files, and files made by plugins
        if is_stray_markdown(file.src_uri) or (source not in plain and root not in Path(source).resolve().parents):
            left_out.append(file)
    return left_out


def _plain_files(docs_dir: Path) -> set[str]:
    """The files under docs_dir reached without following a link: only the others can lead out of it."""
    found, folders = set(), [str(docs_dir)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    continue
                (folders.append if entry.is_dir() else found.add)(entry.path)
    return found


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
