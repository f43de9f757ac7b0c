"""The build's own Markdown: Python-Markdown with the extensions of mkdocs.yml and the site's slug function.

The parsed page takes heading anchors from here, so the validator's anchors are the ids the build gives.
The extension list is read as MkDocs reads ``markdown_extensions``: its built-in extensions (toc, tables,
fenced_code) first, then the site's, each with its settings. No MkDocs import: the library stays portable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from .paths import REPOSITORY
from .settings import read_config_file
from .slugs import heading_slug

CONFIG_FILE = REPOSITORY / "mkdocs.yml"
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # MkDocs adds these to every site's list


def configure_toc(mdx_configs: dict[str, Any]) -> None:
    """Give the toc extension the site's slug function (mkdocs.yml cannot name a function of the library)."""
    mdx_configs.setdefault("toc", {})["slugify"] = heading_slug


@cache
def markdown_settings(config_file: Path = CONFIG_FILE) -> tuple[list[str], dict[str, Any]]:
    """The extension names and their settings, as MkDocs builds them from ``markdown_extensions``."""
    config = read_config_file(config_file) or {}
    names, mdx_configs = list(MKDOCS_BUILTINS), {}
    for item in config.get("markdown_extensions") or []:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name not in names:
            names.append(name)
        if settings:
            mdx_configs[name] = dict(settings)
    configure_toc(mdx_configs)
    return names, mdx_configs


def markdown_config(config_file: Path | None) -> Path:
    """The configuration to read the Markdown extensions from: config_file if it names them readably,
    else this repository's (a site's broken mkdocs.yml has its own problem, kontakt-indstilling)."""
    if config_file is None or config_file == CONFIG_FILE:
        return CONFIG_FILE
    try:
        _converter(config_file)
        same = markdown_settings(config_file) == markdown_settings(CONFIG_FILE)
    except Exception:  # any configuration Python-Markdown cannot use falls back; it is reported elsewhere
        return CONFIG_FILE
    # The same extensions read alike: one name for them lets every reading of a page be shared (parse's cache).
    return CONFIG_FILE if same else config_file


class _Ids(Treeprocessor):
    """Every id in the element tree once attr_list and toc have set them (raw HTML is stashed, not here)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.ids: list[str] = []

    def run(self, root: Element) -> None:
        self.ids = [element.get("id", "") for element in root.iter() if element.get("id")]


@dataclass(frozen=True)
class Rendered:
    html: str
    heading_ids: list[str]  # in document order, as toc numbers duplicates
    ids: list[str]  # every element id in the tree: headings, {#id} on other blocks


def _flatten(tokens: list[dict[str, Any]]) -> list[str]:
    ids: list[str] = []
    for token in tokens:
        ids += [token["id"], *_flatten(token["children"])]
    return ids


@cache
def _converter(config_file: Path) -> tuple[markdown.Markdown, _Ids]:
    names, mdx_configs = markdown_settings(config_file)
    md = markdown.Markdown(extensions=names, extension_configs=mdx_configs)
    ids = _Ids(md)
    md.treeprocessors.register(ids, "boerneinddragelse-ids", 1)  # after toc (5) and attr_list (8)
    return md, ids


def render(text: str, config_file: Path = CONFIG_FILE) -> Rendered:
    """The Markdown body as the build renders it (before the hooks' generated lists and sanitiser).

    Only for text the size and depth limits have passed: Python-Markdown is not linear on every input.
    """
    md, ids = _converter(config_file)
    md.reset()
    html = md.convert(text)
    return Rendered(html, _flatten(getattr(md, "toc_tokens", [])), list(ids.ids))
