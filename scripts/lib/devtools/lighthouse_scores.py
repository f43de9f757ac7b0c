"""Lighthouse (npm, pinned in devtools/lighthouse/package.json) against Debian's Chromium: the mobile
profile's four scores and its largest contentful paint for a few pages of a served site.

Install once with ``npm ci --ignore-scripts --prefix scripts/lib/devtools/lighthouse``. Used by the bench;
``python -m devtools.lighthouse_scores SITE_DIR`` scores one built site (served gzip-compressed).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from devtools.first_view import CHROMIUM, GzipHandler, an_example
from devtools.loopback import serve

CLI = Path(__file__).parent / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMEOUT = 300


@dataclass
class Scores:
    path: str
    scores: dict[str, int]
    lcp_ms: float

    @property
    def summary(self) -> str:
        parts = " / ".join(str(self.scores.get(name, "?")) for name in CATEGORIES)
        return f"{parts} (LCP {self.lcp_ms / 1000:.1f} s)"


def score(url: str, path: str) -> Scores:
    args = [
        "node",
        str(CLI),
        url,
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
    ]
    result = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, check=True)
    report = json.loads(result.stdout)
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    return Scores(path, scores, float(report["audits"]["largest-contentful-paint"]["numericValue"]))


def measure(site: Path) -> list[Scores]:
    paths = ["", "praksiseksempler/", an_example(site)]
    with serve(site, GzipHandler) as root:
        return [score(root + path, path) for path in paths]


def rows(label: str, site: Path) -> list[tuple[str, str]]:
    """Rows for the bench's table; n/a with the reason when Lighthouse is not installed."""
    name = f"Lighthouse mobile: performance / accessibility / best practices / SEO ({label})"
    if not CLI.exists():
        return [(name, "n/a: not installed (make bench installs it)")]
    return [(f"{name}: {s.path or 'front page'}", s.summary) for s in measure(site)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site")
    args = parser.parse_args(argv)
    for name, value in rows(str(args.site), args.site):
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
