"""Type into the built site's real search box in Chromium and read the result list as a reader sees it.

Used by the search-quality tests (tests/search/) and by scripts/lib/devtools/bench.py, so that both measure the
same thing. Nothing here knows how search works inside: the page's own search box, worker and
result list are used as they are.

To know when the results of a query are on screen without fixed sleeps, an init script watches the
messages between the page and its search worker (Material's protocol, integrations/search/worker/
message: SETUP 0, READY 1, QUERY 2, RESULT 3; the worker answers every QUERY with one RESULT). It
wraps ``window.Worker`` at construction, also when the offline copy's iframe-worker shim replaces it
(the site's on-demand loader, which wraps it too, is left alone: it creates the probed worker).
A query is done when the box holds the whole query, the last QUERY sent was that text and every QUERY
has had its RESULT, which Material renders (first ten items) synchronously on receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    // The site's on-demand loader wraps Worker too and makes the search worker from the Worker it
    // found (this one, probed): watching the loader as well would count each message twice.
    set: (value) => { current = value && value.wraps ? value : wrap(value); },
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

# The result pages in order, as paths from the site root ('praksiseksempler/x/' online and for
# the offline copy's 'praksiseksempler/x.html'; '' is the front page). One item
# per page: its first link is the page (or its best section); the others are its sections.
_RESULTS = """
([selector, root]) => {
  const paths = [...document.querySelectorAll(selector)].map((item) => {
    let path = new URL(item.querySelector("a").href).pathname;
    const base = new URL(root).pathname;
    if (path.startsWith(base)) path = path.slice(base.length);
    if (path.endsWith(".html")) {
      path = path.slice(0, -".html".length);
      path = path === "index" ? "" : path.replace(/\\/index$/, "") + "/";
    }
    return decodeURIComponent(path);
  });
  return [...new Set(paths)];
}
"""

# Polls a predicate in the page until it holds, then returns what it returned: one round trip, and no
# eval() (Playwright's wait_for_function polls a string expression with eval(), which the site's
# Content-Security-Policy, without 'unsafe-eval', refuses).
_WAIT_UNTIL = """
async ([arg, timeout, what]) => {
  const predicate = PREDICATE;
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = predicate(arg);
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
"""

# Waits in the page (one round trip per query) until the query is done, then reads the results.
_RESULTS_WHEN_DONE = (
    """
async ([text, selector, items, timeout, root]) => {
  const done = """
    + _DONE
    + """;
  const deadline = performance.now() + timeout;
  while (!done([text, selector])) {
    if (performance.now() > deadline) throw new Error(`no search results for »${text}« within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return ("""
    + _RESULTS
    + """)([items, root]);
}
"""
)


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
        self.wait_until("() => window.__searchProbe.ready", None, READY_TIMEOUT_MS, "search worker ready")

    def clear(self) -> None:
        """Empty the box as a reader does (select all, delete) and wait for the empty result list."""
        box = self.page.locator(INPUT)
        if box.input_value():
            box.press("Control+a")
            box.press("Backspace")
            self.wait_done("")

    def wait_until(self, predicate: str, arg: Any, timeout_ms: float, what: str) -> Any:
        """Wait in the page until the JavaScript function predicate(arg) returns a true value."""
        return self.page.evaluate(_WAIT_UNTIL.replace("PREDICATE", predicate), [arg, timeout_ms, what])

    def wait_done(self, text: str, timeout: float = QUERY_TIMEOUT_MS) -> None:
        self.wait_until(_DONE, [text, INPUT], timeout, f"results for »{text}«")

    def search(self, text: str, key_by_key: bool = False) -> list[str]:
        """Put text into the box and return the result pages in order.

        key_by_key: empty the box and type every key, as a reader does (each key sends a query). Otherwise
        all but the last letter replace the box's text at once and the last letter is typed: one query per
        search and few browser round trips, which keeps a long query set quick on a busy machine."""
        if key_by_key:
            self.clear()
            self.page.locator(INPUT).press_sequentially(text)
        else:
            keyboard = self.page.keyboard  # the box has the focus since open()
            keyboard.press("Control+a")  # same text, so no query
            keyboard.insert_text(text[:-1])  # an input event only: Material reads the box on keyup
            keyboard.type(text[-1:])
        if not text[-1:].isascii():
            # Playwright types letters outside its US layout (æ, ø, å) as text without key events, and
            # Material reads the box on keyup: release the key as a Danish keyboard would.
            self.page.locator(INPUT).dispatch_event("keyup")
        return self.page.evaluate(_RESULTS_WHEN_DONE, [text, INPUT, RESULT_ITEMS, QUERY_TIMEOUT_MS, self.root_url])

    def time_first_results(self, text: str, path: str = "") -> float:
        """Open a page and type text as soon as the search box can be clicked, like a reader in a hurry.
        Milliseconds from the start of the navigation to the first non-empty result list on screen."""
        self.page.goto(self.url_of(path), wait_until="commit")
        box = self.page.locator(INPUT)
        box.click()
        box.press_sequentially(text)
        box.dispatch_event("keyup")
        self.wait_until("() => window.__searchProbe.firstResultAt !== null", None, READY_TIMEOUT_MS, "first results")
        self.wait_done(text)
        return float(self.page.evaluate("window.__searchProbe.firstResultAt"))

    def time_keystrokes(self, more: str) -> list[float]:
        """Type more after the text in the box, one key at a time once the previous results are on screen.
        Milliseconds from each keystroke's query to its results on screen."""
        box = self.page.locator(INPUT)
        times = []
        for key in more:
            sent = self.probe()["sent"]
            box.press_sequentially(key)
            box.dispatch_event("keyup")
            self.wait_done(box.input_value())
            probe = self.probe()
            if probe["sent"] > sent:  # a key that does not change the query sends nothing
                times.append(probe["renderedAt"][-1] - probe["sentAt"][-1])
        return times

    def results(self) -> list[str]:
        return self.page.evaluate(_RESULTS, [RESULT_ITEMS, self.root_url])

    def probe(self) -> dict[str, Any]:
        return self.page.evaluate("window.__searchProbe")
