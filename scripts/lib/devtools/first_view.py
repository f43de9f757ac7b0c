"""What a reader's phone downloads to show a page, before they touch anything, and how soon search
answers when they do.

- first view: a fresh browser (empty cache) with a phone viewport opens a page from a local server
  that gzips text as real web servers do; every request until the page is quiet is counted with
  the bytes it put on the wire (headers and encoded body);
- first results: a fresh browser opens the front page; once it has loaded, with nothing of search
  preloaded, the reader clicks the search box and types at once: milliseconds from the click to
  the first results on screen, then per further keystroke.

Used by the bench (devtools.bench); ``python -m devtools.first_view SITE_DIR`` measures one built site.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devtools.loopback import QuietHandler, serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 2.625, "is_mobile": True, "has_touch": True}
COMPRESSED = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".ics"}
QUIET_MS = 500
QUERY = "samtale"
MORE = " med barnet"  # the further keystrokes, as the search timings type them


class GzipHandler(QuietHandler):
    """Serves text gzip-compressed when the browser accepts it (compression level 6, as nginx's default)."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@dataclass
class View:
    path: str
    requests: list[tuple[str, int]] = field(default_factory=list)  # (path, bytes on the wire)

    @property
    def transferred(self) -> int:
        return sum(size for _, size in self.requests)

    @property
    def summary(self) -> str:
        return f"{len(self.requests)} requests, {self.transferred / 1024:.1f} KB"


def _wire_bytes(request: Any) -> int:
    sizes = request.sizes()
    return int(sizes["responseBodySize"]) + int(sizes["responseHeadersSize"])


def first_view(browser: Any, root: str, path: str) -> View:
    """Open root+path in a fresh phone context and count what it downloads until it is quiet."""
    context = browser.new_context(**PHONE)
    view = View(path)
    pending: set[Any] = set()

    def finished(request: Any) -> None:
        pending.discard(request)
        view.requests.append((request.url.removeprefix(root), _wire_bytes(request)))

    context.on("request", lambda request: pending.add(request))
    context.on("requestfinished", finished)
    context.on("requestfailed", lambda request: (pending.discard(request), view.requests.append((request.url, 0))))
    page = context.new_page()
    page.goto(root + path, wait_until="load")
    quiet = 0
    while quiet < QUIET_MS:
        page.wait_for_timeout(50)
        quiet = quiet + 50 if not pending else 0
    context.close()
    return view


def first_results(browser: Any, root: str) -> tuple[float, list[float]]:
    """Milliseconds from clicking the search box (nothing preloaded) to the first results, and per key after."""
    from devtools.search_probe import INPUT, PROBE_SCRIPT, SearchBox

    context = browser.new_context()
    context.add_init_script(PROBE_SCRIPT)
    page = context.new_page()
    page.goto(root, wait_until="load")
    page.wait_for_timeout(QUIET_MS)
    box = SearchBox(page, root)
    clicked = float(page.evaluate("performance.now()"))
    page.locator(INPUT).click()
    page.locator(INPUT).press_sequentially(QUERY)
    page.locator(INPUT).dispatch_event("keyup")
    box.wait_until("() => window.__searchProbe.firstResultAt !== null", None, 60_000, "first results")
    box.wait_done(QUERY)
    first = float(page.evaluate("window.__searchProbe.firstResultAt")) - clicked
    keys = box.time_keystrokes(MORE)
    context.close()
    return first, keys


def an_example(site: Path, catalogue: str = "praksiseksempler") -> str:
    """The first example page of the catalogue (Danish), as a path from the site root."""
    pages = sorted(p.parent for p in (site / catalogue).glob("*/index.html"))
    return f"{pages[0].relative_to(site).as_posix()}/" if pages else f"{catalogue}/"


def measure(site: Path) -> tuple[list[View], tuple[float, list[float]] | None]:
    from playwright.sync_api import sync_playwright

    paths = ["", "praksiseksempler/", an_example(site)]
    with serve(site, GzipHandler) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            views = [first_view(browser, root, path) for path in paths]
            search = first_results(browser, root)
        finally:
            browser.close()
    return views, search


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site")
    parser.add_argument("--requests", action="store_true", help="list each page's requests")
    args = parser.parse_args(argv)
    views, search = measure(args.site)
    for view in views:
        print(f"{view.path or 'front page'}: {view.summary}")
        if args.requests:
            for url, size in view.requests:
                print(f"    {size / 1024:6.1f} KB  {url}")
    if search is not None:
        print(f"first results {search[0]:.0f} ms; keystrokes {', '.join(f'{k:.0f}' for k in search[1])} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
