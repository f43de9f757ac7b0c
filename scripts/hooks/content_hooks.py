"""MkDocs hooks: connect build events to the content model in the boerneinddragelse library.

Each event hands its work to the library (build_state, page_build, navigation); the state between
events is one BuildState. mkdocs-static-i18n builds the site once per language, so every hook runs
once per language and gives the same result each time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from boerneinddragelse import (
    asset_names,
    browser_constants,
    catalogue_data,
    catalogue_pages,
    cms_site,
    compiled_templates,
    generated_files,
    minify,
    navigation,
    page_build,
    search_adapter,
    security,
    shared_navigation,
    site_assets,
    two_processes,
)
from boerneinddragelse.build_state import BuildError, BuildState, unpublishable, untranslated
from boerneinddragelse.finished_pages import FinishedPages
from boerneinddragelse.markdown_build import configure_toc
from boerneinddragelse.model import DEFAULT_LANGUAGE
from boerneinddragelse.urls import relative_language_roots
from boerneinddragelse.validation import start_check
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

STATE = BuildState()

# Not under "mkdocs.": a warning here is shown but does not fail the strict build (the contact details
# are empty until the editors have them, and the site must still build).
_notices = logging.getLogger("boerneinddragelse")
if not _notices.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("ADVARSEL -  %(message)s"))
    _notices.addHandler(_handler)
    _notices.propagate = False


@contextmanager
def _refused() -> Iterator[None]:
    """The library's refusals stop MkDocs with their message."""
    try:
        yield
    except BuildError as error:
        raise PluginError(str(error)) from error


def _config_file(config: MkDocsConfig) -> Path | None:
    return Path(config.config_file_path) if config.config_file_path else None


def _count_no_warnings() -> None:
    """In the preview a warning must not stop the server: a failed rebuild leaves every request waiting
    until the file is fixed. Content errors are shown on the pages instead, and a page replaced by its
    messages makes links to its headings warn. MkDocs counts warnings for strict mode with a handler it
    adds before on_config, so setting config.strict is too late."""
    logger = logging.getLogger("mkdocs")
    for handler in [h for h in logger.handlers if isinstance(h, CountHandler)]:
        logger.removeHandler(handler)


def _start_check(docs_dir: Path, prefix: str, config_file: Path | None) -> Any:
    """The validator's checks of each page run in a forked copy while the build goes on (two_processes.beside);
    on_post_build waits for the verdict."""
    return start_check(docs_dir, prefix, config_file, two_processes.beside)


def _add_catalogue_files(files: Files, config: MkDocsConfig) -> None:
    """The catalogue's other pages and its data file, in the default language's build where the catalogue is.
    The pages are built from the front page's source (page_build.read_source), so they stand where that source
    is, in docs/, for mkdocs-static-i18n to take them as Danish pages."""
    if not (STATE.building_default_language and catalogue_pages.INDEX_PAGE in files.src_uris):
        return
    for rel in catalogue_pages.other_pages(len(STATE.site.examples())):
        files.append(File(rel, config.docs_dir, config.site_dir, config.use_directory_urls))
    data = catalogue_data.module_source(STATE.site, config.use_directory_urls)
    files.append(generated_files.site_file(catalogue_data.SITE_PATH, data, config))


def _without_left_out(files: Files, config: MkDocsConfig) -> Files:
    """The files without what must not be published (unpublishable) and without the pages this language's build
    leaves out (untranslated)."""
    left_out = {id(file) for file in unpublishable(files, Path(config.docs_dir))}
    left_out |= {id(file) for file in untranslated(files, STATE.language, config.plugins)}
    return Files([file for file in files if id(file) not in left_out]) if left_out else files


def _start_ahead(files: Files, config: MkDocsConfig) -> None:
    """The pages' generated Markdown worked out ahead of MkDocs in a forked copy (page_build.start_ahead)."""
    pages = [(file.src_uri, file.page.url if file.page else file.url) for file in files.documentation_pages()]
    directory_urls = bool(config.use_directory_urls)
    page_build.start_ahead(STATE, pages, config.extra, directory_urls, two_processes.ahead)


def on_startup(command: str, dirty: bool) -> None:
    STATE.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if STATE.previewing:
        _count_no_warnings()
    with _refused():
        STATE.read_settings(config.extra, _config_file(config), _notices.warning)
    # mkdocs.yml cannot name a function in the library; the parsed page's anchors use the same setting.
    configure_toc(config.mdx_configs)
    if STATE.publishing:  # every built page carries the Content-Security-Policy (main.html), see on_post_page
        config.extra["content_security_policy"] = security.PLACEHOLDER
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if not STATE.languages:  # the outermost build (mkdocs-static-i18n builds the other languages inside it)
        STATE.finished = FinishedPages(lambda page: page, with_policy=bool(config.extra.get("content_security_policy")))
        STATE.site_dir = Path(config.site_dir)
        STATE.index_terms = None
    elif STATE.site_dir is not None and search_adapter.search_enabled(config.plugins):
        STATE.start_index_terms(STATE.site_dir, two_processes.beside)  # the default language's index is written
    STATE.start_language(str(config.theme.get("language", "")), config.site_name)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    with _refused():
        STATE.check(Path(config.docs_dir), _config_file(config), _start_check)
    files = _without_left_out(files, config)
    files.append(browser_constants.site_file(config))
    _add_catalogue_files(files, config)
    with _refused():  # named before any page is written, so that each page is written once (on_post_page)
        STATE.finished.rewrite = _page_rewriter(site_assets.name_own_assets(files, config))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if STATE.building_default_language and STATE.publishing:  # MkDocs reads the pages next
        _start_ahead(files, config)
    items, pages = navigation.arrange(nav.items, nav.pages, STATE.source)
    return Navigation(items, pages)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return page_build.read_source(STATE, page.file.src_uri)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta = page_build.page_meta(STATE, page.file.src_uri, page.meta)
    ctx = page_build.render_context(STATE, page.file.src_uri, page.url, config.extra, bool(config.use_directory_urls))
    with _refused():
        return page_build.markdown_of(STATE, markdown, page.meta, ctx)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = page_build.html_of(STATE, html, page.file.src_uri)
    if not search_adapter.search_enabled(config.plugins):
        return html
    # Material's search reads the page in its on_page_context, before ours gives the page back whole.
    return page_build.hand_to_search(STATE, page.file.src_uri, html)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Material's footer (overrides/partials/copyright.html) shows the contact details on every page, 404 too.
    env.globals["contact_settings"] = STATE.contact
    env.globals["site_logo"] = page_build.inline_logo(Path(config.docs_dir), config.theme.get("logo"))
    env.bytecode_cache = compiled_templates.SHARED  # each language's build compiles the theme once, not again
    env.loader = shared_navigation.with_theme_templates(env.loader, config.theme.dirs, config.theme.custom_dir)
    env.globals["shared_fragment"] = shared_navigation.SharedFragments()
    env.globals["navigation_key"] = shared_navigation.navigation_key
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # mkdocs-static-i18n sets the language switcher's list as an attribute (config.extra.alternate), not a key.
    relative_language_roots(getattr(config.extra, "alternate", None), bool(config.use_directory_urls))
    page.content = page_build.after_search(STATE, page.file.src_uri, page.content or "")
    context.update(page_build.template_values(STATE, page.file.src_uri, page.url))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return STATE.finished.finish(output, page.file.abs_dest_path)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    page = STATE.not_found(output, str(config.theme.get("language", "")), DEFAULT_LANGUAGE)
    return STATE.finished.finish(page, Path(config.site_dir) / template_name)


# Runs after mkdocs-static-i18n's post-build step, which builds the other languages (each runs this
# too, inside it) and writes the joint search index.
@event_priority(search_adapter.AFTER_SEARCH_INDEX)
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    build, every_language_built = STATE.finish_language()
    STATE.ahead.close()
    with _refused():
        if every_language_built:
            STATE.confirm(STATE.site_dir)
        STATE.write_language_files(build, site_dir, config.site_url or "", bool(config.use_directory_urls))
    if every_language_built:
        _finish_site(config, site_dir)


def _finish_site(config: MkDocsConfig, site_dir: Path) -> None:
    """Once every language is built: the joint search index, the editor at /admin/, then the final policy in
    the pages written before it grew, in the search index and in web.config (finished_pages)."""
    if STATE.enrich_search_index(site_dir):
        search_adapter.copy_for_offline(config.plugins, config)
    # The editor's files stay as the npm package ships them (not finished like the site's pages).
    cms_site.install_for_build(site_dir, bool(config.extra.get("offline")), config.extra.get("redigering"))
    STATE.finished.complete(site_dir, lambda path: not cms_site.is_admin_file(site_dir, path))


def _page_rewriter(names: dict[str, str]) -> Callable[[str], str]:
    """What changes in every built page as it is written: the hashed assets' names, and less indentation."""
    rename = asset_names.page_rewriter(names)
    return lambda page: minify.collapse_whitespace(rename(page))


def on_build_error(error: Exception) -> None:
    STATE.languages.clear()
    STATE.ahead.close()
    # Content the checks refuse can make the build fail before it asks for their verdict: the refusal says why.
    refusal = STATE.refusal_behind()
    if refusal is not None:
        logging.getLogger("mkdocs").error(refusal)
        raise Abort("Aborted with a BuildError!")
