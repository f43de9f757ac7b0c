"""Inline facts of Markdown prose (code already blanked out): code spans, links, images and HTML tags.

No two neighbouring parts of these patterns match the same characters, so a long line of spaces, brackets or
braces is scanned once (the parsed page is tested with 100,000-character lines).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator

from .rules import MAX_MARKDOWN_DEPTH

_BACKTICKS = re.compile(r"`+")
LINK = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"  # [text] or ![alt], with one level of nested brackets
    # The target stops at brackets and allows one level of parentheses, as in javascript:alert(1): a run of
    # »[a](« then costs one step each instead of a scan to the end of the line.
    r"\([ \t]*(<[^<>\n]*>|(?:[^\s()\[\]]|\([^\s()]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)"
)
REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
# [text][id], [text] [id] and [id][]; then [id] alone: uses of a reference definition (the label as in LINK).
_FULL_REFERENCE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\s?\[([^\]]*)\]")
_SHORT_REFERENCE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]")
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^\s<>]*)>")
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")

# A start or end tag, found without Python's HTMLParser, which is quadratic on many unfinished tags
# (»<a <a <a …«). Attribute names and values cannot contain »<«, so a failed match ends at the next tag.
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:[\s/]+[^\s/>\"'=<]+(?:\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'|[^\s\"'=<>`]+))?)*)[\s/]*>"
)
_ATTRIBUTE = re.compile(r"([^\s/>\"'=<]+)(?:\s*=\s*(?:\"([^\"<]*)\"|'([^'<]*)'|([^\s\"'=<>`]+)))?")

# Elements that never contain others, or whose end tag may be left out: they do not count towards nesting.
_UNNESTED = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"})
_UNNESTED |= {"track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option"}

Attributes = list[tuple[str, str | None]]


def code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of code spans (`x`, ``x``), which Python-Markdown keeps to one line. A run of
    backticks opens a span that the next run of the same length on the line closes; found in one pass, where a
    regular expression would scan the rest of the line again for every run that is never closed."""
    offset = 0
    for line in text.split("\n"):
        if "`" in line:
            runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
            following: list[int | None] = [None] * len(runs)
            last: dict[int, int] = {}
            for number in range(len(runs) - 1, -1, -1):
                length = runs[number][1] - runs[number][0]
                following[number] = last.get(length)
                last[length] = number
            number = 0
            while number < len(runs):
                closing = following[number]
                if closing is None:
                    number += 1
                    continue
                yield offset + runs[number][0], offset + runs[closing][1]
                number = closing + 1
        offset += len(line) + 1


def blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with each (start, end) range blanked out, line breaks kept."""
    parts, done = [], 0
    for start, end in ranges:
        parts += [text[done:start], "".join("\n" if c == "\n" else " " for c in text[start:end])]
        done = end
    return "".join(parts) + text[done:]


def links(prose: str) -> Iterator[tuple[int, bool, str, str, int]]:
    """(offset, is image, label, target, label offset) of every inline link and image, nested images too."""
    yield from _links(prose, 0)


def _links(text: str, offset: int) -> Iterator[tuple[int, bool, str, str, int]]:
    for match in LINK.finditer(text):
        is_image, label, target = match.group(1) == "!", match.group(2), match.group(3).strip("<>")
        yield offset + match.start(), is_image, label, target, offset + match.start(2)
        if not is_image:  # an image inside a link's text: [![alt](billede.png)](side.md)
            yield from _links(label, offset + match.start(2))


def reference_uses(prose: str) -> Iterator[tuple[int, bool, str, str]]:
    """(offset, is image, label, target) of every use of a reference that the page defines."""
    definitions = {m.group(1).strip().lower(): m.group(2).strip("<>") for m in REFERENCE.finditer(prose)}
    if not definitions:
        return
    taken = [m.span() for m in LINK.finditer(prose)] + [m.span() for m in REFERENCE.finditer(prose)]
    text, used = blank_ranges(prose, sorted(taken)), []
    # As Python-Markdown: the full form first, where an undefined id leaves both brackets as text for it; then
    # the short form in what the full form did not turn into links.
    for match in _FULL_REFERENCE.finditer(text):
        key = " ".join((match.group(3) or match.group(2)).lower().split())
        if key in definitions:
            used.append(match.span())
            yield match.start(), match.group(1) == "!", match.group(2), definitions[key]
    for match in _SHORT_REFERENCE.finditer(blank_ranges(text, used)):
        key = " ".join(match.group(2).lower().split())
        if key in definitions:
            yield match.start(), match.group(1) == "!", match.group(2), definitions[key]


class HtmlTags:
    """Start tags with their attributes and offsets, and where elements first nest deeper than
    MAX_MARKDOWN_DEPTH. Names are lower case and values unescaped, as HTMLParser gives them."""

    def __init__(self, text: str) -> None:
        self.tags: list[tuple[str, Attributes, int]] = []
        self.too_deep: int | None = None
        depth = 0
        for match in _TAG.finditer(text):
            closing, tag = match.group(1) == "/", match.group(2).lower()
            if closing:
                depth -= tag not in _UNNESTED and depth > 0
                continue
            attributes = [
                (
                    a.group(1).lower(),
                    None
                    if a.group(2, 3, 4) == (None, None, None)
                    else html.unescape(a.group(2) or a.group(3) or a.group(4) or ""),
                )
                for a in _ATTRIBUTE.finditer(match.group(3))
            ]
            self.tags.append((tag, attributes, match.start()))
            if tag not in _UNNESTED and not match.group().endswith("/>"):
                depth += 1
                if depth > MAX_MARKDOWN_DEPTH and self.too_deep is None:
                    self.too_deep = match.start()


class LineIndex:
    """Line and column of an offset in a text (both 1-based, the line counted from first_line)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.first_line = first_line
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1

    def offset(self, line_index: int, column: int = 0) -> int:
        return self.starts[line_index] + column
