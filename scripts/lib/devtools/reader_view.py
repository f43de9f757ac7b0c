"""The bench's figures for what a reader waits for: first view of three pages (at the real site's
size and at N synthetic examples), first results with nothing preloaded, and Lighthouse's mobile
scores. Each row is (metric, value, goal, met); the goals are issue 18's ("A page opens fast on a
phone at any catalogue size") and live here, not in tests.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from devtools import first_view, lighthouse_scores
from devtools.bench_limits import MAX_KEYSTROKE_MS

BenchRow = tuple[str, str, str, bool | None]

MAX_REQUESTS = 12
MAX_KB_REAL = 75.0
MAX_KB_LARGE = 90.0
MAX_FIRST_RESULTS_MS = 1000.0
MIN_PERFORMANCE = 98


def build(project: Path, destination: Path) -> None:
    """One strict build of the project copy as it is (before synthetic examples are added)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(destination)]
    subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, check=True)


def view_rows(site: Path, label: str, large: bool) -> list[BenchRow]:
    """First view of the three pages and first results; at the real size also Lighthouse."""
    views, search = first_view.measure(site)
    most_kb = MAX_KB_LARGE if large else MAX_KB_REAL
    rows: list[BenchRow] = []
    for view in views:
        kb = view.transferred / 1024
        goal = f"≤ {most_kb:.0f} KB" + ("" if large else f", ≤ {MAX_REQUESTS} requests")
        met = kb <= most_kb and (large or len(view.requests) <= MAX_REQUESTS)
        rows.append((f"first view, phone, gzip: {view.path or 'front page'} ({label})", view.summary, goal, met))
    first, keys = search
    rows.append(
        (
            f"first results from clicking search, nothing preloaded ({label})",
            f"{first:.0f} ms",
            f"≤ {MAX_FIRST_RESULTS_MS:.0f} ms",
            first <= MAX_FIRST_RESULTS_MS,
        )
    )
    if keys:
        # The median, as the search timings' row takes it: one keystroke of four can meet a garbage collection.
        middle = statistics.median(keys)
        value = f"median {middle:.0f} ms (max {max(keys):.0f} ms, of {len(keys)})"
        goal = f"≤ {MAX_KEYSTROKE_MS:.0f} ms"
        rows.append((f"further keystrokes ({label})", value, goal, middle <= MAX_KEYSTROKE_MS))
    if not large:
        rows += lighthouse_rows(site, label)
    return rows


def lighthouse_rows(site: Path, label: str) -> list[BenchRow]:
    name = f"Lighthouse mobile perf / a11y / best practices / SEO ({label})"
    goal = f"≥ {MIN_PERFORMANCE} / 100 / 100 / 100"
    if not lighthouse_scores.CLI.exists():
        return [(name, "n/a: npm ci --ignore-scripts --prefix scripts/lib/devtools/lighthouse", goal, None)]
    rows: list[BenchRow] = []
    for scores in lighthouse_scores.measure(site):
        values = scores.scores
        met = values["performance"] >= MIN_PERFORMANCE and all(
            values[name] == 100 for name in lighthouse_scores.CATEGORIES[1:]
        )
        rows.append((f"{name}: {scores.path or 'front page'}", scores.summary, goal, met))
    return rows
