"""Each page is finished as it is written, with the policy known then; the end brings every page up to the final
policy (finished_pages)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from boerneinddragelse import security
from boerneinddragelse.finished_pages import FinishedPages

PAGE = (
    '<html><head><meta http-equiv="Content-Security-Policy" content="' + security.PLACEHOLDER + '">\n'
    '    <script>{script}</script>\n    <script src="assets/x.js"></script></head>\n'
    "    <body><pre>{guide}</pre></body></html>"
)


def _page(script: str, guide: str = "") -> str:
    return PAGE.format(script=script, guide=guide)


def _policy(text: str) -> str:
    start = text.index('content="') + len('content="')
    return text[start : text.index('"', start)]


def _write(site: Path, name: str, text: str) -> Path:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _finish(pages: FinishedPages, site: Path, name: str, text: str) -> Path:
    return _write(site, name, pages.finish(text, site / name))


def test_a_page_is_written_once_with_the_policy_of_its_scripts_and_the_rest_rewritten(tmp_path: Path) -> None:
    pages = FinishedPages(lambda page: page.replace("assets/x.js", "assets/x.1234abcd.js"), with_policy=True)
    path = _finish(pages, tmp_path, "a.html", _page("var a=1"))
    text = path.read_text(encoding="utf-8")
    assert security.PLACEHOLDER not in text and "assets/x.1234abcd.js" in text
    assert security.script_hash("var a=1") in _policy(text).replace("&#x27;", "'")
    before = path.stat().st_mtime_ns
    pages.complete(tmp_path, lambda path: True)
    assert path.read_text(encoding="utf-8") == text and path.stat().st_mtime_ns == before  # not written again


def test_a_new_script_later_brings_the_pages_before_it_to_the_final_policy(tmp_path: Path) -> None:
    pages = FinishedPages(lambda page: page, with_policy=True)
    first = _finish(pages, tmp_path, "a.html", _page("var a=1", guide=security.PLACEHOLDER))
    second = _finish(pages, tmp_path, "b/index.html", _page("var b=2"))
    assert _policy(first.read_text(encoding="utf-8")) != _policy(second.read_text(encoding="utf-8"))
    headers = pages.complete(tmp_path, lambda path: True)
    assert headers is not None
    texts = [first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")]
    assert _policy(texts[0]) == _policy(texts[1])
    for script in ("var a=1", "var b=2"):
        assert security.script_hash(script) in headers["Content-Security-Policy"]
    # The guide's copy of the header follows too.
    assert security.attribute(headers["Content-Security-Policy"]) in texts[0]
    site_wide = ET.fromstring((tmp_path / "web.config").read_text(encoding="utf-8")).find(
        "system.webServer/httpProtocol/customHeaders/add[@name='Content-Security-Policy']"
    )
    assert site_wide is not None and site_wide.get("value") == headers["Content-Security-Policy"]


def test_a_page_written_by_someone_else_is_finished_at_the_end_and_the_policy_covers_it(tmp_path: Path) -> None:
    pages = FinishedPages(lambda page: page.replace("    ", ""), with_policy=True)
    seen = _finish(pages, tmp_path, "a.html", _page("var a=1"))
    other = _write(tmp_path, "andet.html", _page("var c=3"))
    skipped = _write(tmp_path, "admin/index.html", _page("var d=4"))
    headers = pages.complete(tmp_path, lambda path: path.parent.name != "admin")
    assert headers is not None
    assert _policy(seen.read_text(encoding="utf-8")) == _policy(other.read_text(encoding="utf-8"))
    assert security.script_hash("var c=3") in headers["Content-Security-Policy"]
    assert "    " not in other.read_text(encoding="utf-8")
    assert skipped.read_text(encoding="utf-8") == _page("var d=4")


def test_without_a_policy_pages_are_only_rewritten(tmp_path: Path) -> None:
    pages = FinishedPages(lambda page: page.upper(), with_policy=False)
    seen = _finish(pages, tmp_path, "a.html", "<p>a</p>")
    other = _write(tmp_path, "b.html", "<p>b</p>")
    assert pages.complete(tmp_path, lambda path: True) is None
    assert [seen.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")] == ["<P>A</P>", "<P>B</P>"]
    assert not (tmp_path / "web.config").exists()


def test_the_search_index_gets_the_final_policy(tmp_path: Path) -> None:
    pages = FinishedPages(lambda page: page, with_policy=True)
    _finish(pages, tmp_path, "a.html", _page("var a=1"))
    index = _write(tmp_path, "search/search_index.json", '{"text": "' + security.PLACEHOLDER + '"}')
    headers = pages.complete(tmp_path, lambda path: True)
    assert headers is not None and security.PLACEHOLDER not in index.read_text(encoding="utf-8")
    assert "sha256-" in index.read_text(encoding="utf-8")
