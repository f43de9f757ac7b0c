"""Code and comments blanked out of Markdown, positions kept: what is left is the page's prose.

The validator looks for links, headings and HTML only in prose (a code example may show any of them);
the analyser's lexicon (site.Site.lexicon) takes its words only from prose (»else« in a PowerShell
example is no Danish word). Every function keeps the text's length and line breaks, so a position in
the result is the same position in the source.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _blank(match: re.Match[str]) -> str:
    """The matched text with every character but newlines replaced by a space (keeps positions)."""
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_comments(text: str) -> str:
    """HTML comments (the site's markers among them) blanked out."""
    return _COMMENT.sub(_blank, text)


def blank_fences(text: str) -> str:
    """Fenced code blocks blanked out: they hold examples, not links or headings."""
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                lines[index] = " " * len(line)
            continue
        closing = match.group(1) if match else ""
        if closing and closing[0] == fence[0] and len(closing) >= len(fence) and line.strip() == closing:
            fence = None
        lines[index] = " " * len(line)
    return "\n".join(lines)


def blank_code_spans(text: str) -> str:
    """Code spans (`x`, ``x``) on one line blanked out. A run of backticks opens a span that the next run of
    the same length on the line closes; found in one pass, where a regular expression would scan the rest of
    the line again for every run that is never closed."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "`" not in line:
            continue
        runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
        following: list[int | None] = [None] * len(runs)
        last: dict[int, int] = {}
        for number in range(len(runs) - 1, -1, -1):
            length = runs[number][1] - runs[number][0]
            following[number] = last.get(length)
            last[length] = number
        parts, done, number = [], 0, 0
        while number < len(runs):
            closing = following[number]
            if closing is None:
                number += 1
                continue
            start, end = runs[number][0], runs[closing][1]
            parts += [line[done:start], " " * (end - start)]
            done, number = end, closing + 1
        lines[index] = "".join(parts) + line[done:]
    return "\n".join(lines)


def prose(text: str) -> str:
    """Fenced code, code spans and HTML comments blanked out."""
    return blank_code_spans(blank_comments(blank_fences(text)))
