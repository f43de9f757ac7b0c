"""Built URLs of source pages, and links between them, without MkDocs.

Generated lists link across languages (an English recommendation lists Danish-only
examples), so links are computed from source paths rather than looked up in the
current language's MkDocs file list.
"""

from __future__ import annotations

from typing import Any

from .sourcepaths import DEFAULT_LANGUAGE, without_suffix


def page_url(base: str, lang: str, directory_urls: bool) -> str:
    """``praksiseksempler/x.md`` -> ``praksiseksempler/x/`` (or ``…/x.html`` offline)."""
    stem = without_suffix(base)
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return prefix + (folder if directory_urls else folder + "index.html")
    return prefix + (stem + "/" if directory_urls else stem + ".html")


def relative_url(target: str, current: str) -> str:
    """Link from the page at URL ``current`` to the page at URL ``target`` (both site-relative)."""
    # Plain string work instead of posixpath.relpath: this runs tens of thousands of times per build.
    current_parts = current.split("/")[:-1]  # the folders of the current page
    target_parts = target.split("/")
    common = 0
    while (
        common < len(current_parts) and common < len(target_parts) - 1 and current_parts[common] == target_parts[common]
    ):
        common += 1
    relative = "/".join([".."] * (len(current_parts) - common) + target_parts[common:])
    if relative == "":
        return "./"
    if relative.endswith(".."):
        relative += "/"
    return relative


def relative_language_roots(alternates: list[dict[str, Any]] | None, directory_urls: bool) -> None:
    """Make the language switcher's links to a language's front page site-relative (in place).

    mkdocs-static-i18n links a page without a translation to ``/en/`` (root-absolute), which
    breaks under a sub-path and from file://. Material renders every alternate with the
    ``url`` filter, so a site-relative path works everywhere.
    """
    for alternate in alternates or []:
        if str(alternate.get("link", "")).startswith("/"):
            root = page_url("index.md", alternate["lang"], directory_urls)
            alternate["link"] = root or "./"
