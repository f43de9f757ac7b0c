"""The site's Content-Security-Policy and HTTP security headers, defined once.

As each page is written (finished_pages), the build hashes the inline scripts that Material's templates
write into it and puts the policy into the page as ``<meta http-equiv>``; at the end it writes an IIS
``web.config`` at the site root and fills in the nginx and Apache snippets the offline
guide shows (docs/offline-kopi.md, marker ``<!-- sikkerhedsheadere -->``). All of them come
from ``headers()`` below, so the pages and the servers state the same policy.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from .cms_site import admin_policy

# Stands for the policy in what templates and partials write; the post-build step replaces it
# once every page exists and the inline scripts are known.
PLACEHOLDER = "CSP-POLITIK-SAETTES-IND-EFTER-BYGNINGEN"
_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)')
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# One directive a line, so that a reader can check it against the pages. Sources are 'self'
# (the site's own files; Chromium counts file: URLs as 'self' for a page opened from file://)
# plus the hashes of the inline scripts, never 'unsafe-inline' or 'unsafe-eval'.
_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),  # + the inline scripts' hashes
    # The stylesheets are files; Material sets styles from its script through the CSSOM, which a
    # policy does not govern, and the build removes style="" from what editors write.
    "style-src": ("'self'",),
    # Material's stylesheet draws its icons from data: SVGs (mask-image).
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    # Search: a Web Worker from the site (online) or, from file://, a same-document iframe
    # (overrides' iframe-worker shim) that loads the worker script as a file.
    "worker-src": ("'self'",),
    "child-src": ("'self'",),
    "frame-src": ("'self'",),
    "connect-src": ("'self'",),  # the search index, fetched by the worker
    "manifest-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    # Material's search box is a <form>; pressing Enter must not leave the site.
    "form-action": ("'self'",),
}
# Directives a <meta> policy cannot carry (the CSP spec ignores them there): HTTP headers only.
HEADER_ONLY: dict[str, tuple[str, ...]] = {"frame-ancestors": ("'self'",)}

OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # Links to other sites do not reveal the intranet address the copy is served from.
    "Referrer-Policy": "same-origin",
}
# Types IIS does not serve (or serves wrongly) out of the box for the files the site has.
IIS_MIME_TYPES = {
    ".js": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".ics": "text/calendar",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        kind = (values.get("type") or "").strip().lower()
        if tag == "script" and "src" not in values and kind in _JAVASCRIPT_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


# A <script> element with its text. Only these parts go through the HTML parser: parsing every whole
# page (the catalogue index is 0.8 MB at 1,000 examples) took a quarter of the build.
# Spelled out in either case rather than re.IGNORECASE, which keeps the engine from skipping ahead to
# each "<": four times faster over a large page.
_SCRIPT = "[sS][cC][rR][iI][pP][tT]"
_SCRIPT_ELEMENT = re.compile(rf"<{_SCRIPT}\b[^>]*>.*?</{_SCRIPT}\s*>", re.DOTALL)


def inline_scripts(page: str) -> list[str]:
    """The text of every inline JavaScript <script> of a page, exactly as the browser hashes it."""
    return [script for element in _SCRIPT_ELEMENT.finditer(page) for script in _element_scripts(element.group(0))]


@lru_cache(maxsize=1024)
def _element_scripts(element: str) -> tuple[str, ...]:
    """The theme writes the same <script> elements into every page: each is parsed once."""
    parser = _InlineScripts()
    parser.feed(element)
    parser.close()
    return tuple(parser.scripts)


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: Iterable[str], *, header: bool = False) -> str:
    """The policy text; header=True adds what only an HTTP header can carry."""
    directives = dict(_DIRECTIVES)
    directives["script-src"] = (*directives["script-src"], *sorted(set(script_hashes)))
    if header:
        directives.update(HEADER_ONLY)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def headers(script_hashes: Iterable[str]) -> dict[str, str]:
    """The HTTP response headers for every file of the site."""
    return {"Content-Security-Policy": policy(script_hashes, header=True), **OTHER_HEADERS}


def headers_to_fill_in() -> dict[str, str]:
    """The headers with the placeholder for the policy, for what is rendered before the build ends."""
    return {"Content-Security-Policy": PLACEHOLDER, **OTHER_HEADERS}


def admin_headers() -> dict[str, str]:
    """The headers for the browser editor at /admin/: its own policy (it evaluates code and sets inline
    styles), plus what only a header can say, and the other headers as everywhere."""
    extra = "; ".join(f"{name} {' '.join(sources)}" for name, sources in HEADER_ONLY.items())
    return {"Content-Security-Policy": f"{admin_policy()}; {extra}", **OTHER_HEADERS}


# Caching: a file whose name carries its content's hash (ours and Material's) never changes under that
# name, so a browser may keep it for a year without asking; everything else (pages, the search index,
# images) is checked with the server on every use, so that a new version shows at once.
CACHE_HASHED = "public, max-age=31536000, immutable"
CACHE_OTHER = "no-cache"
HASHED_FILES = r"\.[0-9a-f]{8}(\.min)?\.(js|css)$"


def _nginx_lines(values: dict[str, str], indent: str = "") -> list[str]:
    return [f'{indent}add_header {name} "{value}" always;' for name, value in values.items()]


def nginx(values: dict[str, str], admin: dict[str, str] | None = None) -> str:
    """Lines for nginx's server block. nginx drops every add_header of the server block in a location
    that has add_header lines of its own, so each location repeats all the headers."""
    admin = admin or admin_headers()
    return "\n".join(
        [
            *_nginx_lines({**values, "Cache-Control": CACHE_OTHER}),
            f'location ~ "{HASHED_FILES}" {{',
            *_nginx_lines({**values, "Cache-Control": CACHE_HASHED}, "    "),
            "}",
            "location ^~ /admin/ {",
            *_nginx_lines({**admin, "Cache-Control": CACHE_OTHER}, "    "),
            "}",
        ]
    )


def apache(values: dict[str, str], admin: dict[str, str] | None = None) -> str:
    """Lines for Apache's configuration or a .htaccess file (mod_headers). A later section's
    ``Header set`` replaces the earlier value of the same header and keeps the others."""
    admin = admin or admin_headers()
    changed = {name: value for name, value in admin.items() if values.get(name) != value}
    return "\n".join(
        [
            *(
                f'Header always set {name} "{value}"'
                for name, value in {**values, "Cache-Control": CACHE_OTHER}.items()
            ),
            f'<FilesMatch "{HASHED_FILES}">',
            f'    Header always set Cache-Control "{CACHE_HASHED}"',
            "</FilesMatch>",
            '<If "%{REQUEST_URI} =~ m#/admin/#">',
            *(f'    Header always set {name} "{value}"' for name, value in changed.items()),
            "</If>",
        ]
    )


def _custom_headers(server: ET.Element, values: dict[str, str]) -> None:
    custom = ET.SubElement(ET.SubElement(server, "httpProtocol"), "customHeaders")
    for name, value in values.items():
        ET.SubElement(custom, "remove", name=name)
        ET.SubElement(custom, "add", name=name, value=value)


def web_config(values: dict[str, str], hashed: Iterable[str] = (), admin: dict[str, str] | None = None) -> str:
    """IIS's web.config for the site root: the headers, the MIME types IIS lacks, and caching: a year for
    each file named in hashed (site-relative paths; IIS matches no patterns without add-ons), none for the
    rest; /admin/ gets the editor's policy."""
    configuration = ET.Element("configuration")
    server = ET.SubElement(configuration, "system.webServer")
    static = ET.SubElement(server, "staticContent")
    for extension, mime_type in IIS_MIME_TYPES.items():
        # <remove> first: IIS refuses a mimeMap that a parent configuration already has.
        ET.SubElement(static, "remove", fileExtension=extension)
        ET.SubElement(static, "mimeMap", fileExtension=extension, mimeType=mime_type)
    ET.SubElement(static, "clientCache", cacheControlMode="DisableCache")
    _custom_headers(server, values)
    admin_server = ET.SubElement(ET.SubElement(configuration, "location", path="admin"), "system.webServer")
    _custom_headers(admin_server, admin or admin_headers())
    for path in sorted(hashed):
        location = ET.SubElement(configuration, "location", path=path)
        ET.SubElement(
            ET.SubElement(ET.SubElement(location, "system.webServer"), "staticContent"),
            "clientCache",
            cacheControlMode="UseMaxAge",
            cacheControlMaxAge="365.00:00:00",
            cacheControlCustom="public, immutable",
        )
    ET.indent(configuration)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(configuration, encoding="unicode") + "\n"


def hashed_files(site_dir: Path) -> list[str]:
    """The site's files whose names carry a content hash, site-relative."""
    pattern = re.compile(HASHED_FILES)
    found = (site_dir / "assets").rglob("*")
    return sorted(p.relative_to(site_dir).as_posix() for p in found if pattern.search(p.name))


def attribute(text: str) -> str:
    """Escaped for an HTML attribute in double quotes; the policy's 'quotes' stay readable."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def put_policy(page: str, meta: str, shown: str) -> str:
    """A built page with the policy (escaped for an attribute) in its <meta> and its placeholders filled in."""
    if PLACEHOLDER not in page:
        return page
    page = _META.sub(lambda match: match.group(1) + meta + match.group(2), page, count=1)
    return page.replace(PLACEHOLDER, shown)


def replace_policy(page: str, old_shown: str, meta: str, shown: str) -> str:
    """A page written with an earlier policy, with this one."""
    page = _META.sub(lambda match: match.group(1) + meta + match.group(2), page, count=1)
    return page.replace(old_shown, shown)


def secure_site_files(site_dir: Path, script_hashes: frozenset[str]) -> dict[str, str]:
    """The policy in the search index (the offline guide's snippets are indexed too, JSON-escaped) and the site's
    web.config; returns the HTTP headers."""
    values = headers(script_hashes)
    shown = attribute(values["Content-Security-Policy"])
    for index in site_dir.glob("search/search_index.*"):
        text = index.read_text(encoding="utf-8")
        if PLACEHOLDER in text:
            index.write_text(text.replace(PLACEHOLDER, json.dumps(shown)[1:-1]), encoding="utf-8")
    (site_dir / "web.config").write_text(web_config(values, hashed_files(site_dir)), encoding="utf-8")
    return values
