"""The Content-Security-Policy and the server headers (boerneinddragelse.security).

One policy, computed from the built pages, in every page's <meta http-equiv>, in the web.config
the build writes, and in the nginx and Apache lines the offline guide shows. The browser tests
(test_site_browser.py, test_offline.py) show that Chromium reports no violation on any page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from boerneinddragelse import security


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in parsed, f"{name} twice"
        parsed[name] = sources
    return parsed


class _Head(HTMLParser):
    """A page's start tags in order, the text of its inline scripts, and its code blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.inline_scripts: list[str] = []
        self.code_blocks: list[str] = []
        self._script: list[str] | None = None
        self._code: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if tag == "script" and "src" not in values and values.get("type", "") in ("", "text/javascript"):
            self._script = []
        if tag == "code" and self.tags[-2][0] == "pre":
            self._code = []

    def handle_data(self, data: str) -> None:
        for collecting in (self._script, self._code):
            if collecting is not None:
                collecting.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None
        if tag == "code" and self._code is not None:
            self.code_blocks.append("".join(self._code))
            self._code = None


def read(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def meta_policy(head: _Head) -> str:
    found = [a["content"] for t, a in head.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(found) == 1
    return found[0]


def test_policy_runs_only_the_sites_files_and_hashed_inline_scripts() -> None:
    policy = security.policy(["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"])
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "*" not in policy
    parsed = directives(policy)
    assert parsed["script-src"] == ["'self'", "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
    assert parsed["object-src"] == ["'none'"]
    assert parsed["base-uri"] == ["'self'"]
    assert parsed["default-src"] == ["'self'"]
    assert "form-action" in parsed and "frame-ancestors" not in parsed  # a <meta> policy cannot carry it
    assert directives(security.policy([], header=True))["frame-ancestors"] == ["'self'"]


def test_inline_scripts_are_hashed_as_the_browser_hashes_them() -> None:
    page = (
        '<script>alert(1)</script><script src="a.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script><script type="module"></script>'
    )
    assert security.inline_scripts(page) == ["alert(1)", ""]
    # Known SHA-256 digests of "alert(1)" and of the empty string.
    assert security.script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert security.script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_every_page_carries_one_policy_covering_its_inline_scripts(html_fixture_site: Path) -> None:
    # /admin/ (the browser editor) has its own policy: test_cms_site.
    pages = sorted(p for p in html_fixture_site.rglob("*.html") if "admin" not in p.parent.parts[-1:])
    assert len(pages) >= 5
    policies = set()
    for page in pages:
        head = read(page)
        policy = meta_policy(head)
        policies.add(policy)
        # Early in <head>: before any script or stylesheet, which it would not cover otherwise.
        names = [t for t, _ in head.tags]
        meta_at = next(i for i, (t, a) in enumerate(head.tags) if a.get("http-equiv") == "Content-Security-Policy")
        first_script = names.index("script")
        first_style = next(i for i, (t, a) in enumerate(head.tags) if t == "link" and a.get("rel") == "stylesheet")
        assert meta_at < min(first_script, first_style), page
        assert head.inline_scripts, page  # Material's inline scripts are there to be covered
        for script in head.inline_scripts:
            assert security.script_hash(script) in directives(policy)["script-src"], (page, script[:60])
    assert len(policies) == 1
    assert security.PLACEHOLDER not in "".join(
        p.read_text(encoding="utf-8")
        for p in html_fixture_site.rglob("*")
        if p.is_file() and p.suffix not in {".png", ".gz"}
    )


def _snippet_headers(text: str, pattern: str) -> dict[str, str]:
    found = dict(re.findall(pattern, text, re.MULTILINE))
    assert found, text
    return found


def _web_config_headers(text: str) -> dict[str, str]:
    root = ET.fromstring(text)
    return {
        e.get("name", ""): e.get("value", "") for e in root.iterfind("system.webServer/httpProtocol/customHeaders/add")
    }


def test_web_config_and_guide_snippets_state_the_pages_policy(html_fixture_site: Path) -> None:
    page_policy = meta_policy(read(html_fixture_site / "index.html"))
    web_config_text = (html_fixture_site / "web.config").read_text(encoding="utf-8")
    web_config = _web_config_headers(web_config_text)
    mime_types = {
        e.get("fileExtension"): e.get("mimeType")
        for e in ET.fromstring(web_config_text).iterfind("system.webServer/staticContent/mimeMap")
    }
    for extension in (".json", ".ics", ".xml", ".svg", ".webmanifest", ".js", ".map"):
        assert mime_types.get(extension), extension

    nginx, apache, iis = read(html_fixture_site / "servere" / "index.html").code_blocks
    assert _snippet_headers(nginx, r'^add_header (\S+) "([^"]*)" always;$') == web_config
    assert _snippet_headers(apache, r'^Header always set (\S+) "([^"]*)"$') == web_config
    assert _web_config_headers(iis) == web_config
    assert iis == web_config_text

    header_policy = directives(web_config["Content-Security-Policy"])
    assert header_policy.pop("frame-ancestors") == ["'self'"]
    assert header_policy == directives(page_policy)
    assert web_config["X-Content-Type-Options"] == "nosniff"
    assert web_config["Referrer-Policy"] == "same-origin"
