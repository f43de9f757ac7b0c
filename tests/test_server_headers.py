"""The nginx lines of the guide in a real nginx (Debian's nginx-light, when installed): a page, a hashed
script and the editor at /admin/ each get the security headers, with the policy and the cache lifetime
that belong to them. nginx drops the server block's add_header lines in any location that has its own,
which a reading of the text alone could miss."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from boerneinddragelse import security

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx-light)")

FILES = {
    "index.html": "<p>forside</p>",
    "om/index.html": "<p>om</p>",
    "assets/javascripts/katalog.0123abcd.js": "var k;",
    "assets/javascripts/bundle.89abcdef.min.js": "var b;",
    "assets/javascripts/lunr/lunr.da.js": "var l;",
    "admin/index.html": "<p>redigering</p>",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def nginx_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("nginx")
    root = work / "site"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    port = _free_port()
    snippet = security.nginx(security.headers(["'sha256-AAAA'"]))
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"daemon off; master_process off; pid {work}/nginx.pid; error_log {work}/error.log;\n"
        "events {}\n"
        f"http {{ access_log off; {temp}\n"
        "types { text/html html; text/javascript js; }\n"
        f"server {{ listen 127.0.0.1:{port}; root {root};\n{snippet}\n}} }}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen([str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf")])
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return {name: value for name, value in response.headers.items()}


@pytest.mark.parametrize(
    ("path", "editor", "cache"),
    [
        ("", False, security.CACHE_OTHER),
        ("om/", False, security.CACHE_OTHER),
        ("assets/javascripts/katalog.0123abcd.js", False, security.CACHE_HASHED),
        ("assets/javascripts/bundle.89abcdef.min.js", False, security.CACHE_HASHED),
        ("assets/javascripts/lunr/lunr.da.js", False, security.CACHE_OTHER),
        ("admin/", True, security.CACHE_OTHER),
    ],
)
def test_every_location_sends_its_headers(nginx_url: str, path: str, editor: bool, cache: str) -> None:
    sent = _headers(nginx_url + path)
    expected = security.admin_headers() if editor else security.headers(["'sha256-AAAA'"])
    for name, value in expected.items():
        assert sent.get(name) == value, (path, name)
    assert sent.get("Cache-Control") == cache, path
