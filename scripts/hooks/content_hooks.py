"""MkDocs hooks: connect build events to the content model in scripts/lib/boerneinddragelse/.

mkdocs-static-i18n builds the site once per language, so every hook here runs once
per language and must give the same result each time.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from boerneinddragelse import feeds, html_policy, offline_release, render, search_index, security
from boerneinddragelse.filenames import is_stray_markdown
from boerneinddragelse.frontmatter import decode
from boerneinddragelse.model import DEFAULT_LANGUAGE, PAGE_TYPES, PRAKSISEKSEMPEL, heading_slug, split_language
from boerneinddragelse.problems import ERROR, Problem
from boerneinddragelse.settings import Contact, read_contact
from boerneinddragelse.site import Site, SourcePage
from boerneinddragelse.urls import page_url
from boerneinddragelse.validation import check_docs
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

# Sections whose pages are reached through a generated index, not the navigation:
# listing every catalogue page in the navigation would put the whole list on every page.
INDEX_ONLY_FOLDERS = {t.folder for t in PAGE_TYPES.values() if t.index_marker}

_state: dict[str, Any] = {}
# How many messages the preview's banner lists; the rest are counted.
BANNER_LIMIT = 30

# Not under "mkdocs.": a warning here is shown but does not fail the strict build (the contact details
# are empty until the editors have them, and the site must still build).
_notices = logging.getLogger("boerneinddragelse")
if not _notices.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("ADVARSEL -  %(message)s"))
    _notices.addHandler(_handler)
    _notices.propagate = False


def _site() -> Site:
    return _state["site"]


def _previewing() -> bool:
    return _state.get("command") == "serve"


def _fingerprint(docs_dir: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Names, sizes, types and modification times of every file under docs/: cheap to take, and any edit
    changes it (images and wrongly named files are checked too)."""
    entries = []
    for path in sorted(docs_dir.rglob("*")):
        stat = path.lstat()
        entries.append((str(path), stat.st_mtime_ns, stat.st_size, stat.st_mode))
    return tuple(entries)


def _display_prefix(config: MkDocsConfig) -> str:
    """How messages name the docs folder: relative to the folder of mkdocs.yml, as the validator does."""
    docs_dir = Path(config.docs_dir).resolve()
    base = Path(config.config_file_path or ".").resolve().parent
    try:
        return docs_dir.relative_to(base).as_posix() + "/"
    except ValueError:
        return "docs/"


def _enrich_search_index(generate: Callable[..., str]) -> Callable[..., str]:
    def generate_enriched(*args: Any, **kwargs: Any) -> str:
        index = json.loads(generate(*args, **kwargs))
        pages = _state.setdefault("search_pages", {})
        enriched = search_index.enrich(index, pages, _site().lexicon)
        return json.dumps(enriched, ensure_ascii=False, separators=(",", ":"))

    return generate_enriched


# Commands whose output is published; `mkdocs serve` is not (its live reload runs an inline
# script that the Content-Security-Policy would block).
_PUBLISHING_COMMANDS = {"build", "gh-deploy"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _previewing():
        # In the preview a warning must not stop the server either: a failed rebuild leaves every request
        # waiting until the file is fixed. Content errors are shown on the pages instead (on_page_content),
        # and a page replaced by its messages makes links to its headings warn. MkDocs counts warnings for
        # strict mode with a handler it adds before this event, so setting config.strict is too late.
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
            logger.removeHandler(handler)
    contact, problems = read_contact(config.extra.get("kontakt"), Path(config.config_file_path or "mkdocs.yml"))
    errors = [p.format() for p in problems if p.severity == ERROR]
    if errors and not _previewing():  # the preview shows them with the content errors (check_docs)
        raise PluginError("Indstillingerne i mkdocs.yml er forkerte:\n" + "\n".join(errors))
    if problems and not _state.get("contact_warned"):
        _notices.warning(problems[0].format())
        _state["contact_warned"] = True
    _state["contact"] = contact
    # The publish workflow passes the offline copy's facts (DOWNLOAD_FACTS, see scripts/publish_offline.py).
    path = config.extra.get("download_facts")
    try:
        _state["download"] = offline_release.read_facts(Path(path)) if path else None
    except offline_release.PublishError as error:
        raise PluginError(str(error)) from error
    # mkdocs.yml cannot name a function in scripts/ (it is not importable before the hooks load).
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = heading_slug
    # Material writes search/search_index.json from this object at the end of every language
    # build; the last write holds both languages (one index for the site, see search_index.py).
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is not None and not getattr(index.generate_search_index, "enriched", False):
        index.generate_search_index = _enrich_search_index(index.generate_search_index)
        index.generate_search_index.enriched = True
    # Every built page carries the Content-Security-Policy (main.html), filled in by on_shutdown.
    if _state.get("command") in _PUBLISHING_COMMANDS:
        config.extra["content_security_policy"] = security.PLACEHOLDER
    return config


def _contact() -> Contact:
    return _state.get("contact", Contact())


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Each language build calls this; check the tree again only when a file has changed
    # (the English build right after the Danish one reuses it, `mkdocs serve` reloads edits).
    docs_dir = Path(config.docs_dir)
    fingerprint = _fingerprint(docs_dir)
    if _state.get("fingerprint") != fingerprint:
        # The validator's own check: the build refuses exactly what scripts/validate.py refuses.
        config_file = Path(config.config_file_path) if config.config_file_path else None
        report, site = check_docs(docs_dir, _display_prefix(config), config_file)
        errors = [p for p in report.problems if p.severity == ERROR]
        if errors and not _previewing():
            lines = "\n".join(p.format() for p in errors)
            raise PluginError(f"Indholdet bryder indholdsmodellen ({len(errors)} fejl):\n{lines}")
        broken: dict[str, list[Problem]] = {}
        for problem in errors:
            broken.setdefault(problem.path, []).append(problem)
        _state.update(site=site, fingerprint=fingerprint, errors=errors, broken=broken)
    return _publishable(files, docs_dir)


def _publishable(files: Files, docs_dir: Path) -> Files:
    """Leave out what must never reach the site: Markdown under another extension (it would be copied raw,
    front matter and all) and files reached through a link that leaves docs/. The validator reports both;
    only the preview gets this far with them."""
    docs, root = docs_dir.absolute(), docs_dir.resolve()
    for file in list(files):
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or docs not in source.absolute().parents:
            continue  # the theme's own files, and files made by plugins
        if is_stray_markdown(file.src_uri) or root not in source.resolve().parents:
            files.remove(file)
    return files


def _source(page: Page) -> SourcePage | None:
    return _site().by_rel.get(page.file.src_path.replace("\\", "/"))


def _sort_key(item: Any) -> tuple[int, int, str]:
    page = item if isinstance(item, Page) else next((c for c in item.children if isinstance(c, Page)), None)
    source = _source(page) if page is not None else None
    meta = source.meta if source else {}
    is_index = isinstance(item, Page) and bool(source) and Path(source.base).name == "index.md"
    order = meta.get("nav_orden", meta.get("nummer", 50))
    return (0 if is_index else 1, order, str(item.title or "").casefold())


def _arrange(items: list[Any]) -> list[Any]:
    arranged = []
    for item in items:
        if isinstance(item, Section):
            children = [c for c in item.children if isinstance(c, Page)]
            folder = split_language(children[0].file.src_path)[0].split("/")[0] if children else ""
            if folder in INDEX_ONLY_FOLDERS:
                item.children = [c for c in children if Path(c.file.src_path).name.startswith("index.")]
            else:
                item.children = _arrange(item.children)
        arranged.append(item)
    return sorted(arranged, key=_sort_key)


def _pages(items: list[Any]) -> list[Page]:
    pages = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_pages(item.children))
    return pages


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    items = _arrange(nav.items)
    pages = _pages(items)
    for page in nav.pages:
        if page not in pages:
            page.parent, page.previous_page, page.next_page = None, None, None
    arranged = Navigation(items, pages)
    _add_parent_links(arranged)
    _add_previous_and_next_links(pages)
    return arranged


def _context(page: Page, config: MkDocsConfig) -> render.RenderContext | None:
    source = _source(page)
    if source is None:
        return None
    extra = {
        "offline": bool(config.extra.get("offline")),
        "online_url": config.extra.get("online_url", ""),
        "version": config.extra.get("version", ""),
        "build_date": config.extra.get("build_date", ""),
        "download": _state.get("download"),
    }
    return render.RenderContext(_site(), source, page.url, bool(config.use_directory_urls), _contact(), extra)


def _split_heading(markdown: str) -> tuple[str, str]:
    """Separate a leading ``# Title`` so generated notices go below it."""
    stripped = markdown.lstrip("\n")
    if stripped.startswith("# "):
        heading, _, rest = stripped.partition("\n")
        return heading, rest
    return "", markdown


_PLACEHOLDER = "<!-- generert-indhold {} -->"
_PLACEHOLDER_PATTERN = re.compile(r"<!-- generert-indhold (\d+) -->")


def _stash(page: Page) -> Callable[[str], str]:
    """Keep rendered HTML out of Markdown: Python-Markdown would parse large lists again for nothing."""
    blocks: list[str] = _state.setdefault("blocks", {}).setdefault(page.file.src_uri, [])
    blocks.clear()

    def place(html: str) -> str:
        if not html:
            return ""
        blocks.append(html)
        return _PLACEHOLDER.format(len(blocks) - 1)

    return place


def _banner() -> str:
    """The preview's notice of every content error, at the top of each page until they are fixed."""
    errors = _state.get("errors") or []
    if not errors:
        return ""
    return (
        '<div class="admonition failure indholdsfejl-banner" role="alert"><p class="admonition-title">'
        f"Indholdet har {len(errors)} fejl. Hjemmesiden bliver ikke bygget (make build), før de er rettet.</p>"
        f"{_problem_list(errors)}</div>"
    )


# Stands in for a generated block while the page is sanitised: plain text the sanitiser keeps,
# with a per-build secret so an editor cannot write one.
_TOKEN = f"generert-indhold-{secrets.token_hex(8)}-"
_TOKEN_PATTERN = re.compile(re.escape(_TOKEN) + r"(\d+)-")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Sanitise what the editor wrote (html_policy), then put the generated blocks back in.

    The blocks come from the project's own partials (escaped by Jinja), so they are not sanitised.
    """
    blocks = _state.get("blocks", {}).pop(page.file.src_uri, [])
    html = _PLACEHOLDER_PATTERN.sub(lambda match: f"{_TOKEN}{match.group(1)}-", html)
    html = html_policy.sanitize(html)

    def block(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return blocks[index] if index < len(blocks) else ""

    html = _TOKEN_PATTERN.sub(block, html)
    # The preview's banner is the project's own markup, added after the sanitiser.
    return _banner() + html if _previewing() else html


def _escape_editor_text(page: Page) -> None:
    """Material prints page titles and descriptions without escaping (MkDocs' templates do not
    autoescape). Marking them as escaped Markup makes every template print them safely, once."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


def _problems_of(page: Page) -> list[Problem]:
    source = _source(page)
    return _state.get("broken", {}).get(source.path, []) if source is not None else []


def _problem_list(problems: list[Problem]) -> str:
    items = "".join(f"<li><code>{escape(p.format())}</code></li>" for p in problems[:BANNER_LIMIT])
    more = f"<p>… og {len(problems) - BANNER_LIMIT} fejl mere.</p>" if len(problems) > BANNER_LIMIT else ""
    return f"<ul>{items}</ul>{more}"


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The page's text in NFC (a decomposed å is published as å); in the preview, a page with errors is
    replaced by its messages, so nothing the validator refuses is ever parsed or rendered."""
    problems = _problems_of(page)
    if problems:
        title = escape(page.file.src_uri)
        return (
            f"---\ntitle: {json.dumps('Fejl i ' + page.file.src_uri, ensure_ascii=False)}\n"
            "search:\n  exclude: true\n---\n\n"
            f'<div class="admonition failure indholdsfejl"><p class="admonition-title">'
            f"Siden {title} kan ikke vises, før fejlene er rettet</p>{_problem_list(problems)}"
            "<p>Ret filen og gem den; siden bliver vist igen af sig selv.</p></div>\n"
        )
    source = _source(page)
    if source is None:
        return None
    # Read as the validator read it (UTF-8 with or without BOM, any line ending), so both see the same text.
    text, _ = decode((Path(config.docs_dir) / source.rel).read_bytes(), source.path)
    return unicodedata.normalize("NFC", text)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _escape_editor_text(page)
    if _problems_of(page):
        return markdown  # the preview's error page (on_page_read_source)
    ctx = _context(page, config)
    if ctx is None:
        return markdown
    if _previewing():
        try:
            return _render(markdown, page, ctx)
        except Exception as error:  # another page's error can leave this one without its lists
            return f'{markdown}\n\n!!! failure "Siden kunne ikke vises helt"\n    {escape(str(error))}\n'
    return _render(markdown, page, ctx)


def _render(markdown: str, page: Page, ctx: render.RenderContext) -> str:
    if ctx.page.type.name == "anbefaling":
        # The recommendations are what the site is about: rank them above pages that mention them.
        page.meta["search"] = {**page.meta.get("search", {}), "boost": 2}
    try:
        place = _stash(page)
        header, footer = (place(part) for part in render.page_parts(ctx))
        body = render.render_markers(markdown, ctx, place)
        heading, body = _split_heading(body)
        return "\n\n".join(part for part in (heading, header, body, footer) if part)
    except render.MarkerError as error:
        raise PluginError(f"{ctx.page.path}: {error}") from error


def _relative_language_roots(config: MkDocsConfig) -> None:
    """Make the language switcher's links to a language's front page site-relative.

    mkdocs-static-i18n links a page without a translation to ``/en/`` (root-absolute), which
    breaks under a sub-path and from file://. Material renders every alternate with the
    ``url`` filter, so a site-relative path works everywhere.
    """
    # mkdocs-static-i18n sets the list as an attribute (config.extra.alternate), not as a key.
    for alternate in getattr(config.extra, "alternate", None) or []:
        if str(alternate.get("link", "")).startswith("/"):
            root = page_url("index.md", alternate["lang"], bool(config.use_directory_urls))
            alternate["link"] = root or "./"


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Material's footer (overrides/partials/copyright.html) shows the contact details on every page, 404 too.
    env.globals["contact_settings"] = _contact()
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    _relative_language_roots(config)
    source = _source(page)
    if source is not None:
        revised = source.last_revised()
        context["revised"] = render.danish_date(revised, source.lang) if revised else None
        context["revised_iso"] = revised.isoformat() if revised else None
        context["page_type"] = source.type.name
        context["page_lang"] = source.lang
        illustrative = source.type is PRAKSISEKSEMPEL and bool(source.meta.get("illustrativ"))
        facts = search_index.PageFacts(source.lang, illustrative)
        _state.setdefault("search_pages", {})[page.url] = facts
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # mkdocs-static-i18n builds English after Danish, and Material's 404.html at the site root is
    # then the English one (upstream #284, #349). Keep the Danish page and put it back afterwards.
    not_found = Path(config.site_dir) / "404.html"
    if config.theme.get("language") == DEFAULT_LANGUAGE and not_found.exists():
        _state["danish_404"] = (not_found, not_found.read_bytes())
    elif "danish_404" in _state:
        path, content = _state.pop("danish_404")
        path.write_bytes(content)
    # The feed and calendar files are written once, by the Danish build at the site root.
    if config.theme.get("language") == DEFAULT_LANGUAGE:
        title = f"Nyheder fra {config.site_name}"
        feeds.write_all(_site(), Path(config.site_dir), config.site_url or "", title, bool(config.use_directory_urls))
        if _state.get("download"):
            try:
                offline_release.place(_state["download"], Path(config.site_dir))
            except offline_release.PublishError as error:
                raise PluginError(str(error)) from error
    if config.extra.get("content_security_policy"):
        _state["built_site"] = Path(config.site_dir)


def on_shutdown() -> None:
    # After every language is built and mkdocs-static-i18n has written the joint search index
    # (its on_post_build runs last): hash the inline scripts and fill in the policy everywhere.
    site_dir = _state.pop("built_site", None)
    if site_dir is not None:
        security.secure_site(site_dir)
