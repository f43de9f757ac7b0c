"""When the site's search index is final, and how the offline copy gets the enriched one.

Material's search plugin and mkdocs-static-i18n offer no event for "the index is written"; the
hooks enrich the index in a post-build step that runs after theirs. What that relies on (pinned by
tests/test_search_adapter.py):

- Material's search plugin writes ``search/search_index.json`` in its ``on_post_build``;
- mkdocs-static-i18n's ``on_post_build`` (priority -100) builds the other languages and then writes
  the joint index of all of them through the search plugin's ``on_post_build``;
- Material's offline plugin copies ``search_index.json`` into ``search_index.js`` in its
  ``on_post_build`` (priority -100), so it is asked to copy the enriched index again.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

# The priority of the hooks' on_post_build: after every plugin that writes or copies the index.
AFTER_SEARCH_INDEX = -200
INDEX = Path("search") / "search_index.json"
OFFLINE_PLUGINS = ("material/offline", "offline")
SEARCH_PLUGINS = ("material/search", "search")


def index_path(site_dir: Path) -> Path:
    return site_dir / INDEX


def search_enabled(plugins: Mapping[str, Any]) -> bool:
    """Whether Material's search plugin reads the pages (it is configured and not turned off)."""
    plugin = next((plugins[name] for name in SEARCH_PLUGINS if name in plugins), None)
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


def copy_for_offline(plugins: Mapping[str, Any], config: Any) -> None:
    """Let Material's offline plugin (if it is on) copy the index again, now that it is enriched."""
    for name in OFFLINE_PLUGINS:
        plugin = plugins.get(name)
        if plugin is not None:
            plugin.on_post_build(config=config)
            return
