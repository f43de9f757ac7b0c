"""The one loopback server the browser tests, the bench and the first-view measurement share."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from devtools.loopback import serve


def test_serves_the_folder_on_loopback_until_the_block_ends(tmp_path: Path) -> None:
    (tmp_path / "side.html").write_text("<p>hej</p>", encoding="utf-8")
    with serve(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        with urllib.request.urlopen(url + "side.html", timeout=5) as response:
            assert response.read() == b"<p>hej</p>"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url + "side.html", timeout=5)
