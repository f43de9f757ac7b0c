"""Content-hashed names for the site's own scripts and stylesheets (boerneinddragelse.asset_names)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from boerneinddragelse import asset_names, browser_constants

HASHED = re.compile(r"\.[0-9a-f]{8}\.(js|css)$")
LOCAL_REFERENCE = re.compile(r'(?:src|href)="([^"#?:]+\.(?:js|css))"')

SOURCES = {
    "assets/javascripts/analyse.js": "var a = 1;\n",
    "assets/javascripts/workers/arbejder.js": 'importScripts("../analyse.js", "hjaelper.js"); var s = "analyse.js";\n',
    "assets/javascripts/workers/hjaelper.js": "var h = 2;\n",
    "assets/stylesheets/side.css": "a{color:red}\n",
}


PAGE = '<link href="../assets/stylesheets/side.css"><script src="../assets/javascripts/analyse.js"></script>'


def test_names_carry_the_contents_hash_and_references_follow() -> None:
    names, finals = asset_names.final_assets(SOURCES)
    assert set(names) == set(SOURCES) and set(finals) == set(names.values())
    for old, new in names.items():
        assert HASHED.search(new) and asset_names.hashed_name(old, finals[new].encode()) == new, old
    worker = finals[names["assets/javascripts/workers/arbejder.js"]]
    analyser = names["assets/javascripts/analyse.js"].rsplit("/", 1)[-1]
    helper = names["assets/javascripts/workers/hjaelper.js"].rsplit("/", 1)[-1]
    # Whole addresses relative to the script are rewritten; a bare name in another string is not an address.
    assert worker == f'importScripts("../{analyser}", "{helper}"); var s = "analyse.js";\n'
    page = asset_names.page_rewriter(names)(PAGE + "<code>assets/javascripts/analyse.js</code>")
    assert f'src="../assets/javascripts/{analyser}"' in page
    assert f'href="../{names["assets/stylesheets/side.css"]}"' in page
    assert "<code>assets/javascripts/analyse.js</code>" in page  # text on a page stays as written


def test_same_sources_same_names_and_a_changed_dependency_renames_its_user() -> None:
    first, _ = asset_names.final_assets(SOURCES)
    assert asset_names.final_assets(dict(reversed(SOURCES.items())))[0] == first
    changed, _ = asset_names.final_assets({**SOURCES, "assets/javascripts/analyse.js": "var a=2;"})
    differ = {old for old in SOURCES if changed[old] != first[old]}
    assert differ == {"assets/javascripts/analyse.js", "assets/javascripts/workers/arbejder.js"}


def test_scripts_that_name_each_other_are_refused() -> None:
    loop = {"assets/javascripts/a.js": 'load("b.js");', "assets/javascripts/b.js": 'load("a.js");'}
    with pytest.raises(ValueError, match="name each other"):
        asset_names.final_assets(loop)


def test_built_site_has_only_hashed_own_assets_and_every_reference_resolves(small_site: Path) -> None:
    own = [p for p in (small_site / "assets").rglob("*") if p.suffix in {".js", ".css"}]
    assert own
    for path in own:
        if "lunr" not in path.parts:  # Material's language files keep their names
            assert re.search(r"\.[0-9a-f]{8}(\.min)?\.(js|css)$", path.name), path
    assert not (small_site / browser_constants.SITE_PATH).exists()
    built = [p for p in small_site.rglob("*.html") if p.relative_to(small_site).parts[0] != "admin"]
    assert built
    for path in built:
        text = path.read_text(encoding="utf-8")
        references = LOCAL_REFERENCE.findall(text)
        assert any("faelles." in r for r in references), path
        for reference in references:
            target = (small_site / reference.lstrip("/")) if reference.startswith("/") else path.parent / reference
            assert target.resolve().is_file(), (path, reference)
