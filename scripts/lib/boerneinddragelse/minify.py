"""The site's own JavaScript and CSS, minified in the built site, and the pages' indentation.

Only the project's files (those under docs/assets that MkDocs copies) are touched; Material's are
minified already. The minifiers are pure Python and pinned (rjsmin, rcssmin), so the same sources
give the same bytes. Inline scripts are not touched: their CSP hashes stay as they are. The
iframe-worker stand-in keeps its licence notice and is left as it is (it runs only offline).
"""

from __future__ import annotations

import re
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


# Where whitespace is content (or hashed, for the scripts' policy): left exactly as built. Material's,
# Markdown's and the sanitiser's output writes these tags in lower case.
_KEEP = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL)
_INDENTED_LINES = re.compile(r"\n[ \t\n]*")


def collapse_whitespace(page: str) -> str:
    """A built page with each run of line breaks and indentation made one line break: the browser shows it
    the same (a run of whitespace is one space in HTML), and Material's templates indent deeply."""
    parts, done = [], 0
    for kept in _KEEP.finditer(page):
        parts += [_INDENTED_LINES.sub("\n", page[done : kept.start()]), kept.group(0)]
        done = kept.end()
    return "".join([*parts, _INDENTED_LINES.sub("\n", page[done:])])
