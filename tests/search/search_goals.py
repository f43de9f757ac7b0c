"""The failure the search goal tests raise when results fall below the goals of issue 9.

A distinct exception so that a miss of the goals reads differently from a broken harness, a failed
build or a timeout (tests/search/README.md has the goals and the figures before and after).
"""

from __future__ import annotations


class BelowGoal(AssertionError):
    """Search results below the goals of issue 9."""
