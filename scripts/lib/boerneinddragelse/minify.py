"""The site's own JavaScript and CSS, minified in the built site.

Only the project's files (those under docs/assets that MkDocs copies) are touched; Material's are
minified already. The minifiers are pure Python and pinned (rjsmin, rcssmin), so the same sources
give the same bytes. Inline scripts are not touched: their CSP hashes stay as they are. The
iframe-worker stand-in keeps its licence notice and is left as it is (it runs only offline).
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

KEEP_AS_IS = {"iframe-worker-shim.js"}


def own_assets(docs_dir: Path, site_dir: Path) -> list[Path]:
    """The built copies of the project's own .js and .css files, in a stable order."""
    sources = sorted(p for p in (docs_dir / "assets").rglob("*") if p.suffix in {".js", ".css"})
    built = (site_dir / p.relative_to(docs_dir) for p in sources if p.name not in KEEP_AS_IS)
    return [p for p in built if p.is_file()]


def minified(path: Path, text: str) -> str:
    if path.suffix == ".css":
        return rcssmin.cssmin(text) + "\n"
    return rjsmin.jsmin(text) + "\n"


def minify_site(docs_dir: Path, site_dir: Path) -> int:
    """Minify the built copies in place; returns the bytes saved."""
    saved = 0
    for path in own_assets(docs_dir, site_dir):
        text = path.read_text(encoding="utf-8")
        small = minified(path, text)
        if small != text:
            path.write_text(small, encoding="utf-8")
            saved += len(text.encode()) - len(small.encode())
    return saved
