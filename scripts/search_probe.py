"""Type into the built site's real search box in Chromium and read the result list as a reader sees it.

Used by the search-quality tests (tests/search/) and by scripts/bench.py, so that both measure the
same thing. Nothing here knows how search works inside: the page's own search box, worker and
result list are used as they are.

To know when the results of a query are on screen without fixed sleeps, an init script watches the
messages between the page and its search worker (Material's protocol, integrations/search/worker/
message: SETUP 0, READY 1, QUERY 2, RESULT 3; the worker answers every QUERY with one RESULT). It
wraps ``window.Worker`` at construction, also when the offline copy's iframe-worker shim replaces it.
A query is done when the box holds the whole query, the last QUERY sent was that text and every QUERY
has had its RESULT, which Material renders (first ten items) synchronously on receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

INPUT = "input.md-search__input"
RESULT_ITEMS = ".md-search-result__list > .md-search-result__item"
READY_TIMEOUT_MS = 60_000
QUERY_TIMEOUT_MS = 15_000

# window.__searchProbe: counts of QUERY/RESULT messages, the last query text, times (performance.now(),
# milliseconds since navigation start) of each query and of its result once rendered.
PROBE_SCRIPT = """
(() => {
  const probe = window.__searchProbe = {
    ready: false, sent: 0, received: 0, lastQuery: null, sentAt: [], renderedAt: [], items: [],
    firstResultAt: null,
  };
  const QUERY = 2, READY = 1, RESULT = 3;
  const wrap = (Base) => {
    if (typeof Base !== "function" || Base.__probed) return Base;
    class ProbedWorker extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", (event) => {
          const message = event.data || {};
          if (message.type === READY) probe.ready = true;
          if (message.type !== RESULT) return;
          const count = ((message.data || {}).items || []).length;
          // Material renders in its own listener, which runs after this one: take the time after it.
          setTimeout(() => {
            const now = performance.now();
            probe.renderedAt.push(now);
            probe.items.push(count);
            if (count > 0 && probe.firstResultAt === null) probe.firstResultAt = now;
            probe.received += 1;
          }, 0);
        });
      }
      postMessage(message, ...rest) {
        if (message && message.type === QUERY) {
          probe.sent += 1;
          probe.lastQuery = message.data;
          probe.sentAt.push(performance.now());
        }
        return super.postMessage(message, ...rest);
      }
    }
    ProbedWorker.__probed = true;
    return ProbedWorker;
  };
  let current = wrap(window.Worker);
  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: () => current,
    set: (value) => { current = wrap(value); },
  });
})();
"""

_DONE = """
([text, selector]) => {
  const probe = window.__searchProbe;
  const box = document.querySelector(selector);
  return !!box && box.value === text && probe.lastQuery === text && probe.sent === probe.received;
}
"""


def result_path(href: str, root_url: str) -> str:
    """A result link as a page path relative to the site root: 'praksiseksempler/x/' for both
    'http://host/praksiseksempler/x/#a?h=…' and offline 'file:///…/praksiseksempler/x.html'."""
    parts = urlsplit(href)
    root = urlsplit(root_url)
    path = parts.path
    if path.startswith(root.path):
        path = path[len(root.path) :]
    if path.endswith(".html"):  # the offline copy: no directory URLs
        path = path[: -len(".html")]
        path = "" if path == "index" else path.removesuffix("/index") + "/"
    return path


@dataclass
class SearchBox:
    """One browser tab with the probe installed; open a page, then run queries one after another."""

    page: Any  # playwright.sync_api.Page
    root_url: str  # the site root, ending in '/': http://127.0.0.1:port/ or file:///…/
    offline: bool = False

    def __post_init__(self) -> None:
        self.page.add_init_script(PROBE_SCRIPT)

    def url_of(self, path: str) -> str:
        """The address of a page given by its online path ('' or 'en/')."""
        if self.offline:
            return self.root_url + path + "index.html"
        return self.root_url + path

    def open(self, path: str = "") -> None:
        """Open a page and the search box, and wait until the search worker is ready."""
        self.page.goto(self.url_of(path))
        box = self.page.locator(INPUT)
        box.click()  # the offline copy starts the worker only when search is opened
        self.page.wait_for_function("window.__searchProbe.ready", timeout=READY_TIMEOUT_MS)

    def clear(self) -> None:
        box = self.page.locator(INPUT)
        if box.input_value():
            box.press("Control+a")
            box.press("Backspace")
            self.wait_done("")

    def wait_done(self, text: str, timeout: float = QUERY_TIMEOUT_MS) -> None:
        self.page.wait_for_function(_DONE, arg=[text, INPUT], timeout=timeout)

    def search(self, text: str) -> list[str]:
        """Type text into an empty box key by key, as a reader does; the result pages in order."""
        self.clear()
        box = self.page.locator(INPUT)
        box.press_sequentially(text)
        # Playwright types letters outside its US layout (æ, ø, å) as text without key events, and
        # Material reads the box on keyup: release the last key as a Danish keyboard would.
        box.dispatch_event("keyup")
        self.wait_done(text)
        return self.results()

    def results(self) -> list[str]:
        # One item per page: its first link is the page (or its best section); the others are sections.
        hrefs = self.page.eval_on_selector_all(RESULT_ITEMS, "items => items.map(li => li.querySelector('a').href)")
        return list(dict.fromkeys(result_path(href, self.root_url) for href in hrefs))

    def probe(self) -> dict[str, Any]:
        return self.page.evaluate("window.__searchProbe")
