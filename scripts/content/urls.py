"""Built URLs of source pages, and links between them, without MkDocs.

Generated lists link across languages (an English recommendation lists Danish-only
examples), so links are computed from source paths rather than looked up in the
current language's MkDocs file list.
"""

from __future__ import annotations

import posixpath

from .model import DEFAULT_LANGUAGE


def page_url(base: str, lang: str, directory_urls: bool) -> str:
    """``praksiseksempler/x.md`` -> ``praksiseksempler/x/`` (or ``…/x.html`` offline)."""
    stem = base[: -len(".md")]
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return prefix + (folder if directory_urls else folder + "index.html")
    return prefix + (stem + "/" if directory_urls else stem + ".html")


def relative_url(target: str, current: str) -> str:
    """Link from the page at URL ``current`` to the page at URL ``target`` (both site-relative)."""
    current_dir = current if current.endswith("/") or current == "" else posixpath.dirname(current) + "/"
    if target == "" and current_dir == "":
        return "./"
    relative = posixpath.relpath("/" + target, "/" + current_dir)
    if (target == "" or target.endswith("/")) and not relative.endswith("/"):
        relative += "/"
    return relative
