"""Bounds on hostile or broken input: no file makes the validator or the build hang, crash or run out of memory."""

from __future__ import annotations

MAX_IMAGE_BYTES = 500 * 1024  # images larger than this make pages and the offline copy slow
MAX_PAGE_BYTES = 200 * 1024  # Python-Markdown slows down faster than a page grows (1 MB: about 25 s)
MAX_FRONT_MATTER_DEPTH = 10  # the content model nests three levels (a list of events, each a mapping)
MAX_MARKDOWN_DEPTH = 20  # lists, quotes, emphasis, brackets, HTML; Python-Markdown recurses once per level
MAX_EMPHASIS_RUN = 100  # Python-Markdown recurses on a run of some thousand * or _
# Python-Markdown's time for a paragraph grows with (number of [ < `) x (length); this caps a page at about a
# second. The real pages stay below 10,000.
MAX_MARKUP_COST = 2_000_000
MAX_LINE_CHARS = 5_000  # some of Python-Markdown's patterns are quadratic on one long line
# Dates outside this window are typing errors (2999 for 2024); the site's subject starts long after 2000.
EARLIEST_YEAR = 2000
LATEST_YEARS_AHEAD = 5
