"""The project's own JavaScript and CSS are minified in the built site, the same way every time."""

from __future__ import annotations

import shutil
from pathlib import Path

from boerneinddragelse import minify
from boerneinddragelse.minify import minify_site

JS = "/* why */\nvar answer = 40 +  2; // the answer\nfunction f(a) {\n  return a;\n}\n"
CSS = "/* colours */\n.katalog  a {\n  color : red;\n}\n"


def make_site(tmp_path: Path) -> tuple[Path, Path]:
    docs, site = tmp_path / "docs", tmp_path / "site"
    files = {"javascripts/x.js": JS, "stylesheets/y.css": CSS, "javascripts/iframe-worker-shim.js": JS}
    for name, text in files.items():
        (docs / "assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / "assets" / name).write_text(text, encoding="utf-8")
    shutil.copytree(docs, site)
    (site / "assets" / "javascripts" / "bundle.min.js").write_text(JS, encoding="utf-8")  # not ours
    return docs, site


def test_own_assets_are_minified_and_the_rest_left_alone(tmp_path: Path) -> None:
    docs, site = make_site(tmp_path)
    assert minify_site(docs, site) > 0
    expected = "var answer=40+2;function f(a){return a;}\n"
    assert (site / "assets/javascripts/x.js").read_text(encoding="utf-8") == expected
    assert (site / "assets/stylesheets/y.css").read_text(encoding="utf-8") == ".katalog a{color:red}\n"
    # The shim keeps its licence notice; Material's files are not the project's.
    assert (site / "assets/javascripts/iframe-worker-shim.js").read_text(encoding="utf-8") == JS
    assert (site / "assets/javascripts/bundle.min.js").read_text(encoding="utf-8") == JS


def test_minifying_twice_changes_nothing(tmp_path: Path) -> None:
    docs, site = make_site(tmp_path)
    minify_site(docs, site)
    first = {p: p.read_bytes() for p in site.rglob("*.*")}
    assert minify_site(docs, site) == 0
    assert {p: p.read_bytes() for p in site.rglob("*.*")} == first


def test_pages_lose_their_indentation_but_not_what_shows() -> None:
    page = (
        "<ul>\n    <li>\n      <a href='x'>Et\n        link</a>\n\n\n    </li>\n</ul>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n  <textarea>\n  a\n</textarea>\n"
        '<script>\n  var a = "\\n   ";\n</script>\n    <style>\n  a { }\n</style>'
    )
    assert minify.collapse_whitespace(page) == (
        "<ul>\n<li>\n<a href='x'>Et\nlink</a>\n</li>\n</ul>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n<textarea>\n  a\n</textarea>\n"
        '<script>\n  var a = "\\n   ";\n</script>\n<style>\n  a { }\n</style>'
    )
    assert minify.collapse_whitespace(minify.collapse_whitespace(page)) == minify.collapse_whitespace(page)
