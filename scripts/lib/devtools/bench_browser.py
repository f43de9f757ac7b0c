"""Measurements in Chromium: the catalogue filter and search as a reader meets it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devtools.bench_limits import (
    CATALOGUE,
    CHROMIUM,
    CHROMIUM_ARGS,
    FILTER_RUNS,
    SEARCH_MORE,
    SEARCH_QUERY,
    SEARCH_RUNS,
    SEARCH_TYPO,
)
from devtools.bench_report import progress
from devtools.loopback import serve

# One filter choice, timed around the change event: the catalogue filters in its listener, synchronously.
TIME_FILTER = """([select, index]) => {
  const field = document.querySelector(select);
  field.selectedIndex = index;
  const started = performance.now();
  field.dispatchEvent(new Event("change", {bubbles: true}));
  return performance.now() - started;
}"""


# The first choice on a fresh page: until the list is shown (no longer aria-busy), the filter script and the
# catalogue's data fetched on the way.
FIRST_FILTER = """async ([select, index]) => {
  const field = document.querySelector(select);
  const list = document.querySelector("[data-katalog-liste]");
  const started = performance.now();
  field.selectedIndex = index;
  field.dispatchEvent(new Event("change", {bubbles: true}));
  await new Promise((done) => {
    const check = () => (list.hasAttribute("aria-busy") ? requestAnimationFrame(check) : done());
    check();
  });
  return performance.now() - started;
}"""


def measure_filter(site: Path) -> tuple[float | None, str]:
    """Slowest catalogue filter (ms, timed around its change event) over a few recommendation and theme choices."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, "Playwright is not installed"
    if not CHROMIUM.exists():
        return None, f"{CHROMIUM} not found"
    timings: list[float] = []
    first = 0.0
    try:
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(url + f"{CATALOGUE}/", wait_until="load")
                page.wait_for_selector("[data-katalog-filtre]:not([hidden])")
                # The first choice fetches the filter and the catalogue's data (on first use): timed apart.
                first = page.evaluate(FIRST_FILTER, ["#katalog-tema", 1])
                page.select_option("#katalog-tema", value="")
                for run in range(FILTER_RUNS):
                    for select in ("#katalog-anbefaling", "#katalog-tema"):
                        options = page.locator(f"{select} option").count()
                        if options < 2:
                            continue
                        timings.append(page.evaluate(TIME_FILTER, [select, 1 + run % (options - 1)]))
                    page.select_option("#katalog-anbefaling", value="")
                    page.select_option("#katalog-tema", value="")
            finally:
                browser.close()
    except Exception as error:  # a report, not a test: any browser trouble becomes n/a
        reason = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
        return None, f"browser failed: {type(error).__name__} {reason}".strip()
    if not timings:
        return None, "no filter options to choose"
    return max(timings), f"max of {len(timings)} filter changes; the first, fetching filter and data: {first:.0f} ms"


@dataclass
class SearchTimes:
    first: list[float]  # ms, one per run
    keystrokes: list[float]  # ms, all runs together
    typo: list[float]  # ms per keystroke of SEARCH_TYPO, all runs together


def measure_search(site: Path) -> tuple[SearchTimes | None, str]:
    """Type into the real search box of the served site (scripts/lib/devtools/search_probe.py), SEARCH_RUNS times in a
    fresh browser context each: time to the first results after opening the front page, then per keystroke."""
    try:
        from devtools.search_probe import SearchBox
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, "Playwright is not installed"
    if not CHROMIUM.exists():
        return None, f"{CHROMIUM} not found"
    times = SearchTimes([], [], [])
    try:
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                for run in range(SEARCH_RUNS):
                    context = browser.new_context()
                    box = SearchBox(context.new_page(), url)
                    times.first.append(box.time_first_results(SEARCH_QUERY))
                    times.keystrokes += box.time_keystrokes(SEARCH_MORE)
                    box.clear()
                    times.typo += box.time_keystrokes(SEARCH_TYPO)
                    progress(f"  search run {run + 1}: first results after {times.first[-1]:.0f} ms")
                    context.close()
            finally:
                browser.close()
    except Exception as error:  # a report, not a test: any browser trouble becomes n/a
        reason = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
        return None, f"browser failed: {type(error).__name__} {reason}".strip()
    if not times.keystrokes:
        return None, "no keystroke changed the query"
    return times, f"{SEARCH_RUNS} runs"
