"""The site's own JavaScript and CSS, minified for the built site, and the pages' indentation.

Only the project's files (those under docs/assets) are touched; Material's are
minified already. The minifiers are pure Python and pinned (rjsmin, rcssmin), so the same sources
give the same bytes. Inline scripts are not touched: their CSP hashes stay as they are. The
iframe-worker stand-in keeps its licence notice and is left as it is (it runs only offline).
"""

from __future__ import annotations

import posixpath
import re

import rcssmin
import rjsmin

KEEP_AS_IS = {"iframe-worker-shim.js"}


def minified(rel: str, text: str) -> str:
    """An own script or stylesheet (site-relative path) as the site serves it."""
    if posixpath.basename(rel) in KEEP_AS_IS:
        return text
    if rel.endswith(".css"):
        return rcssmin.cssmin(text) + "\n"
    return rjsmin.jsmin(text) + "\n"


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
