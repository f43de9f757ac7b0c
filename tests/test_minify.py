"""The project's own JavaScript and CSS are minified for the built site, the same way every time."""

from __future__ import annotations

from boerneinddragelse import minify
from boerneinddragelse.minify import minified

JS = "/* why */\nvar answer = 40 +  2; // the answer\nfunction f(a) {\n  return a;\n}\n"
CSS = "/* colours */\n.katalog  a {\n  color : red;\n}\n"


def test_own_assets_are_minified_and_the_shim_left_alone() -> None:
    assert minified("assets/javascripts/x.js", JS) == "var answer=40+2;function f(a){return a;}\n"
    assert minified("assets/stylesheets/y.css", CSS) == ".katalog a{color:red}\n"
    # The shim keeps its licence notice.
    assert minified("assets/javascripts/iframe-worker-shim.js", JS) == JS


def test_minifying_twice_changes_nothing() -> None:
    for rel, text in [("a.js", JS), ("b.css", CSS)]:
        assert minified(rel, minified(rel, text)) == minified(rel, text)


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
