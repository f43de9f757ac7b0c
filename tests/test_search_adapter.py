"""What the search index's enrichment relies on in Material and mkdocs-static-i18n (search_adapter).

If an upgrade changes one of these, the enriched index would be overwritten or never copied to the
offline copy: these tests say which assumption broke.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from boerneinddragelse import search_adapter, search_index
from boerneinddragelse.analysis import Lexicon
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs_static_i18n.plugin import I18n

from conftest import load_hooks


def _priority(handler: object) -> float:
    return getattr(handler, "mkdocs_priority", 0)


def test_the_hooks_enrich_the_index_after_every_plugin_that_writes_or_copies_it() -> None:
    hooks = load_hooks("content_hooks_adapter")
    ours = _priority(hooks.on_post_build)
    assert ours == search_adapter.AFTER_SEARCH_INDEX
    for plugin in (SearchPlugin, I18n, OfflinePlugin):
        assert _priority(plugin.on_post_build) > ours, plugin


def test_the_offline_plugin_copies_the_index_it_finds_when_asked_again(tmp_path: Path) -> None:
    index = search_adapter.index_path(tmp_path)
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": {}, "docs": [{"location": "", "title": "Børn", "text": "Sager"}]}))
    assert search_index.enrich_file(index, {}, Lexicon.from_texts(["sager"]))
    plugin = OfflinePlugin()
    plugin.load_config({"enabled": True})
    config = SimpleNamespace(site_dir=str(tmp_path))
    search_adapter.copy_for_offline({"material/offline": plugin}, config)
    copied = (index.parent / "search_index.js").read_text(encoding="utf-8")
    assert copied == "var __index = " + index.read_text(encoding="utf-8")
    assert '"separator"' in copied  # the enriched index, not Material's


def test_enriching_the_written_index_twice_gives_the_same_file(tmp_path: Path) -> None:
    index = search_adapter.index_path(tmp_path)
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": {}, "docs": [{"location": "a/", "title": "Børnesager", "text": "x"}]}))
    lexicon = Lexicon.from_texts(["børnesager sager"])
    search_index.enrich_file(index, {}, lexicon)
    once = index.read_bytes()
    search_index.enrich_file(index, {}, lexicon)
    assert index.read_bytes() == once
    assert not search_index.enrich_file(tmp_path / "mangler.json", {}, lexicon)


def test_materials_search_plugin_writes_the_index_where_the_hooks_read_it(tmp_path: Path) -> None:
    plugin = SearchPlugin()
    plugin.load_config({"lang": ["da"], "separator": "[\\s]+", "pipeline": []})
    plugin.search_index = SearchIndex(**plugin.config)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert json.loads(search_adapter.index_path(tmp_path).read_text(encoding="utf-8"))["docs"] == []
