"""The one switch between today's search and the Danish search engine of issue 9.

Today's search (Material's lunr index without a stemmer, every term matched as a prefix) misses the
goals; its figures are in tests/search/README.md. The engineer who lands the Danish engine deletes
DANISH_ENGINE_PENDING here and its uses (grep for it) in the same commit. strict=True turns a test
red as soon as it passes while still marked, and raises=BelowGoal keeps every other failure (a broken
harness, a failed build, a timeout) red today.
"""

from __future__ import annotations

import pytest


class BelowGoal(AssertionError):
    """Search results below the goals of issue 9 (the only failure the marker below accepts)."""


DANISH_ENGINE_PENDING = pytest.mark.xfail(
    strict=True,
    raises=BelowGoal,
    reason="issue 9: Danish search engine not merged yet; delete DANISH_ENGINE_PENDING when it lands",
)
