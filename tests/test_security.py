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


def test_every_page_at_every_depth_has_the_same_inline_scripts(html_fixture_site: Path) -> None:
    # So the policy is known from the first page written, and no page is written twice (finished_pages).
    pages = [p for p in html_fixture_site.rglob("*.html") if "admin" not in p.relative_to(html_fixture_site).parts]
    assert len({len(p.relative_to(html_fixture_site).parts) for p in pages}) >= 2
    assert len({tuple(security.inline_scripts(p.read_text(encoding="utf-8"))) for p in pages}) == 1


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


def _nginx_blocks(text: str) -> dict[str, dict[str, str]]:
    """The headers each part of the nginx lines sends: the server block's, and each location's, which
    (as nginx does) inherits the server block's add_header lines only when it has none of its own."""
    blocks: dict[str, dict[str, str]] = {"server": {}}
    current = "server"
    for line in text.splitlines():
        if line.startswith("location "):
            current = line.removesuffix(" {")
            blocks[current] = {}
        elif line == "}":
            current = "server"
        elif match := re.fullmatch(r'\s*add_header (\S+) "([^"]*)" always;', line):
            blocks[current][match.group(1)] = match.group(2)
        else:
            raise AssertionError(f"unexpected nginx line: {line}")
    return {name: values or blocks["server"] for name, values in blocks.items()}


def _apache_headers(text: str, path: str) -> dict[str, str]:
    """What Apache sends for a path: the top lines, then each section that applies (FilesMatch on the
    file name, If on the address) in the order Apache merges them; a later ``Header set`` wins."""
    sections: dict[str, dict[str, str]] = {"": {}}
    current = ""
    for line in text.splitlines():
        if match := re.fullmatch(r"<(FilesMatch|If) (.+)>", line):
            current = f"{match.group(1)} {match.group(2)}"
            sections[current] = {}
        elif line.startswith("</"):
            current = ""
        elif match := re.fullmatch(r'\s*Header always set (\S+) "([^"]*)"', line):
            sections[current][match.group(1)] = match.group(2)
        else:
            raise AssertionError(f"unexpected Apache line: {line}")
    sent = dict(sections[""])
    for section in sorted(s for s in sections if s.startswith("FilesMatch")):
        if re.search(section.split(" ", 1)[1].strip('"'), path.rsplit("/", 1)[-1]):
            sent.update(sections[section])
    for section in sorted(s for s in sections if s.startswith("If")):
        if "/admin/" in path and "m#/admin/#" in section:
            sent.update(sections[section])
    return sent


def _web_config_locations(text: str) -> dict[str, ET.Element]:
    return {e.get("path", ""): e for e in ET.fromstring(text).iterfind("location")}


SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


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
    assert _nginx_blocks(nginx)["server"] == {**web_config, "Cache-Control": security.CACHE_OTHER}
    assert _apache_headers(apache, "/om/") == {**web_config, "Cache-Control": security.CACHE_OTHER}
    # The guide shows the file without its list of hashed files, which only the build knows.
    shown = ET.fromstring(iis)
    for location in [e for e in shown.iterfind("location") if e.get("path") != "admin"]:
        shown.remove(location)
    built = ET.fromstring(web_config_text)
    for location in [e for e in built.iterfind("location") if e.get("path") != "admin"]:
        built.remove(location)
    ET.indent(shown)
    ET.indent(built)
    assert ET.tostring(shown) == ET.tostring(built)

    header_policy = directives(web_config["Content-Security-Policy"])
    assert header_policy.pop("frame-ancestors") == ["'self'"]
    assert header_policy == directives(page_policy)
    assert web_config["X-Content-Type-Options"] == "nosniff"
    assert web_config["Referrer-Policy"] == "same-origin"


def test_every_location_sends_the_security_headers_and_admin_gets_its_own_policy(html_fixture_site: Path) -> None:
    """nginx drops the server block's add_header lines in a location with its own: each location must
    repeat them. /admin/ (the browser editor) gets the editor's policy, everything else the site's."""
    site = _web_config_headers((html_fixture_site / "web.config").read_text(encoding="utf-8"))
    admin = security.admin_headers()
    assert (
        "'unsafe-eval'" in admin["Content-Security-Policy"] and "'unsafe-eval'" not in site["Content-Security-Policy"]
    )
    nginx, apache, iis = read(html_fixture_site / "servere" / "index.html").code_blocks
    blocks = _nginx_blocks(nginx)
    assert len(blocks) == 3
    for name, sent in blocks.items():
        expected = admin if "/admin/" in name else site
        assert {h: sent.get(h) for h in SECURITY_HEADERS} == {h: expected[h] for h in SECURITY_HEADERS}, name
        assert sent["Cache-Control"], name
    for path in ("/om/", "/assets/javascripts/bundle.0123abcd.min.js", "/admin/", "/admin/decap-cms.js"):
        sent = _apache_headers(apache, path)
        expected = admin if "/admin/" in path else site
        assert {h: sent.get(h) for h in SECURITY_HEADERS} == {h: expected[h] for h in SECURITY_HEADERS}, path
    for text in (iis, (html_fixture_site / "web.config").read_text(encoding="utf-8")):
        location = _web_config_locations(text)["admin"]
        added = {
            e.get("name"): e.get("value") for e in location.iterfind("system.webServer/httpProtocol/customHeaders/add")
        }
        assert added == admin


def test_hashed_files_are_cached_for_a_year_and_the_rest_is_checked_every_time(html_fixture_site: Path) -> None:
    pattern = re.compile(security.HASHED_FILES)
    files = [p.relative_to(html_fixture_site).as_posix() for p in html_fixture_site.rglob("*") if p.is_file()]
    hashed = sorted(f for f in files if pattern.search(f))
    # Material's bundle and stylesheets and the site's own scripts (here the generated constants).
    assert any("/bundle." in f for f in hashed) and any("/soegekonstanter." in f for f in hashed)
    assert any(f.startswith("assets/stylesheets/main.") for f in hashed)
    for name in ("index.html", "search/search_index.json", "assets/prik.png", "sitemap.xml"):
        assert name in files and name not in hashed, name
    assert not [f for f in hashed if f.endswith(".map")]

    web_config_text = (html_fixture_site / "web.config").read_text(encoding="utf-8")
    root_cache = ET.fromstring(web_config_text).find("system.webServer/staticContent/clientCache")
    assert root_cache is not None and root_cache.get("cacheControlMode") == "DisableCache"
    locations = _web_config_locations(web_config_text)
    assert sorted(set(locations) - {"admin"}) == hashed
    for path in hashed:
        cache = locations[path].find("system.webServer/staticContent/clientCache")
        assert cache is not None and cache.get("cacheControlMaxAge") == "365.00:00:00", path
        assert "immutable" in (cache.get("cacheControlCustom") or ""), path

    nginx, apache, _ = read(html_fixture_site / "servere" / "index.html").code_blocks
    blocks = _nginx_blocks(nginx)
    (hashed_block,) = [name for name in blocks if security.HASHED_FILES in name]
    assert blocks[hashed_block]["Cache-Control"] == security.CACHE_HASHED == "public, max-age=31536000, immutable"
    assert blocks["server"]["Cache-Control"] == security.CACHE_OTHER == "no-cache"
    assert _apache_headers(apache, "/" + hashed[0])["Cache-Control"] == security.CACHE_HASHED
    assert _apache_headers(apache, "/index.html")["Cache-Control"] == security.CACHE_OTHER
