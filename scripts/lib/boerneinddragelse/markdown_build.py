"""The build's own Markdown: Python-Markdown with the extensions of mkdocs.yml and the site's slug function.

The parsed page takes heading anchors from here, so the validator's anchors are the ids the build gives.
MkDocs' own option class reads the extension list, so the built-in extensions it adds (toc, tables,
fenced_code) and every extension's settings are the ones the build uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.config_options import MarkdownExtensions
from mkdocs.utils.yaml import get_yaml_loader

from .model import heading_slug
from .paths import REPOSITORY

CONFIG_FILE = REPOSITORY / "mkdocs.yml"


def configure_toc(mdx_configs: dict[str, Any]) -> None:
    """Give the toc extension the site's slug function (mkdocs.yml cannot name a function of the library)."""
    mdx_configs.setdefault("toc", {})["slugify"] = heading_slug


@cache
def markdown_settings(config_file: Path = CONFIG_FILE) -> tuple[list[str], dict[str, Any]]:
    """The extension names and their settings, as MkDocs builds them from ``markdown_extensions``."""
    with config_file.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=get_yaml_loader())
    option = MarkdownExtensions(builtins=["toc", "tables", "fenced_code"], configkey="mdx_configs")
    names = option.validate(config.get("markdown_extensions", []))
    mdx_configs = dict(option.configdata)
    configure_toc(mdx_configs)
    return names, mdx_configs


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
