"""Generated HTML kept out of a page's Markdown while it is built, and put back after the sanitiser.

A rendered list enters the Markdown as a placeholder: a paragraph of one word that holds a secret drawn
per build, so no editor can write one. Markdown makes it a paragraph of plain text (it would otherwise
parse large lists again for nothing); being one word of letters and digits, no abbreviation, symbol or
emphasis of Markdown's extensions can change part of it. The sanitiser keeps the paragraph, and
``put_back`` swaps it for the block. The blocks come from the project's own partials (escaped by
Jinja), so they are not sanitised.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

PREFIX = "genereretindhold"  # how every placeholder begins


class GeneratedBlocks:
    def __init__(self, secret: str | None = None) -> None:
        self._prefix = f"{PREFIX}{secret or secrets.token_hex(8)}x"
        self._pattern = re.compile("<p>" + re.escape(self._prefix) + r"(\d+)</p>")
        self._blocks: dict[str, list[str]] = {}

    def placeholder(self, index: int) -> str:
        return f"{self._prefix}{index}"

    def place_in(self, blocks: list[str]) -> Callable[[str], str]:
        """What stands in the Markdown for each block, in order; the block is added to blocks (see keep)."""

        def place(html: str) -> str:
            if not html:
                return ""
            blocks.append(html)
            return self.placeholder(len(blocks) - 1)

        return place

    def keep(self, page: str, blocks: list[str]) -> None:
        """The blocks of the page (its source path) to put back into its HTML, in their placeholders' order."""
        self._blocks[page] = blocks

    def put_back(self, page: str, html: str, sanitize: Callable[[str], str]) -> str:
        """The page's HTML sanitised, with its blocks in the placeholders' places."""
        blocks = self._blocks.pop(page, [])

        def block(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return blocks[index] if index < len(blocks) else ""

        return self._pattern.sub(block, sanitize(html))
