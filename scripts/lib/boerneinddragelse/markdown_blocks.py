"""The block structure of a Markdown body as Python-Markdown (with the site's extensions) sees it, with lines.

Python-Markdown gives no positions, so this scanner follows its block rules for what the parsed page needs:
fenced code (pymdownx.superfences), indented code, HTML comments, and ATX and setext headings. Indented code
is a block after a blank line that starts with four columns, unless the previous block of the same container
is a list, an admonition, details or a definition list: then it is that container's content, read again
with four columns less. The property test (tests/test_parsed_page_properties.py) holds this scanner to the
build's output. Every loop is one pass over the lines, so the work is linear in the page's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.util import BLOCK_LEVEL_ELEMENTS

from .rules import MAX_MARKDOWN_DEPTH

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_SETEXT = re.compile(r"[=-]+ *")
_LIST_ITEM = re.compile(r" {0,3}(?:[*+-]|\d+\.)[ \t]")
_DEFINITION = re.compile(r" {0,3}\[[^\[\]]*\]:")  # a reference definition leaves no element behind
_CONTAINER = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]|:[ \t]")  # admonition, details, a definition

_BLOCK_TAG = re.compile(r" {0,3}<([a-zA-Z][a-zA-Z0-9]*)(?=[\s/>]|$)")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?=[\s=/>]|$)")
_END_TAG = re.compile(r" {0,3}</([a-zA-Z][a-zA-Z0-9]*)\s*>")
_VOID = frozenset({"hr"})

# The kind of block that came last in a container, which decides what an indented block is.
_CONTENT_OWNER, _CODE, _OTHER = "container", "code", "other"


def blank(text: str) -> str:
    """Every character but line breaks replaced by a space: positions stay where they were."""
    return "".join("\n" if character == "\n" else " " for character in text)


def blank_comments(text: str) -> str:
    """HTML comments (the site's markers among them) blanked out."""
    return _COMMENT.sub(lambda match: blank(match.group(0)), text)


def fenced_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to a fenced code block, its fences included."""
    fenced = [False] * len(lines)
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                fenced[index] = True
            continue
        closing = match.group(1) if match else ""
        if closing and closing[0] == fence[0] and len(closing) >= len(fence) and line.strip() == closing:
            fence = None
        fenced[index] = True
    return fenced


def blank_fences(text: str) -> str:
    """Fenced code blocks blanked out: they hold examples, not links or headings."""
    lines = text.split("\n")
    return "\n".join(" " * len(line) if code else line for line, code in zip(lines, fenced_lines(lines), strict=True))


@dataclass(frozen=True)
class BlockHeading:
    line: int  # index of the line in the body (0-based)
    column: int  # 0-based column of the heading's first character in that line
    level: int
    text: str  # as written, trailing hashes and blanks removed


@dataclass
class Blocks:
    indented_code: list[bool]  # per line: part of an indented code block
    headings: list[BlockHeading]
    raw_html: list[bool]  # per line: part of a raw HTML block (passed through, not read as Markdown)


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _dedent(line: str) -> tuple[str, int]:
    """The line with four columns of indentation removed, and how many characters went."""
    removed = 0
    for character in line[:4]:
        if character == "\t":
            return line[removed + 1 :], removed + 1
        if character != " ":
            break
        removed += 1
    return line[removed:], removed


def _atx(line: str) -> tuple[int, str] | None:
    """Python-Markdown's hash heading: hashes at the very start of a line, the text after them."""
    if not line.startswith("#"):
        return None
    hashes = len(line) - len(line.lstrip("#"))
    level = min(hashes, 6)
    text = line[level:].rstrip(" \t")
    stripped = text.rstrip("#")
    if len(stripped) < len(text) and stripped.endswith("\\"):
        stripped += "#"  # an escaped hash stays
    return level, stripped.strip(" \t")


class _Walker:
    def __init__(self, masked: list[str]) -> None:
        self.masked = masked  # the lines with comments blanked out
        self.code = [False] * len(masked)
        self.headings: list[BlockHeading] = []

    def walk(self, items: list[tuple[int, int, str, bool]], depth: int) -> None:
        """Blocks of (line index, column offset, text, opaque) lines; opaque lines are fenced code and raw HTML
        blocks, which Python-Markdown takes out before it reads blocks (each run of them is a block of its own)."""
        previous: str | None = None
        position = 0
        while position < len(items):
            text, opaque = items[position][2], items[position][3]
            if not text.strip() and not opaque:
                position += 1
                continue
            end = position + 1
            while end < len(items) and items[end][3] == opaque and (opaque or items[end][2].strip()):
                end += 1
            block = items[position:end]
            indented = _indent(text) >= 4
            if indented and previous == _CONTENT_OWNER and depth < MAX_MARKDOWN_DEPTH:
                end = self._content(items, position, depth)
            elif opaque:
                previous = _OTHER
            elif indented:
                end = self._indented_code(items, position)
                previous = _CODE
            elif not all(_DEFINITION.match(line) for _, _, line, _ in block):
                previous = self._block(block, depth)
            position = end

    def _content(self, items: list[tuple[int, int, str, bool]], start: int, depth: int) -> int:
        """Indented blocks that belong to the list, admonition or definition before them."""
        end = start
        while end < len(items) and (not items[end][2].strip() or _indent(items[end][2]) >= 4):
            end += 1
        while end > start and not items[end - 1][2].strip():
            end -= 1  # blank lines after the content are not part of it
        inner = []
        for index, column, text, opaque in items[start:end]:
            rest, removed = _dedent(text)
            inner.append((index, column + removed, rest, opaque))
        self.walk(inner, depth + 1)
        return max(end, start + 1)

    def _indented_code(self, items: list[tuple[int, int, str, bool]], start: int) -> int:
        """Code lines until the first line that is neither blank nor indented."""
        end = start
        while end < len(items) and not items[end][3] and (not items[end][2].strip() or _indent(items[end][2]) >= 4):
            end += 1
        while end > start and not items[end - 1][2].strip():
            end -= 1  # trailing blank lines are not part of the block
        for index, _, _, _ in items[start:end]:
            self.code[index] = True
        return end

    def _block(self, block: list[tuple[int, int, str, bool]], depth: int) -> str:
        """Headings in a block that is not code; what kind of block it leaves behind."""
        first = block[0][2]
        if len(block) > 1 and not first.startswith("#") and _SETEXT.fullmatch(block[1][2]) and not block[1][3]:
            text = self.masked[block[0][0]][block[0][1] :].strip(" \t")
            if text:
                level = 1 if block[1][2].startswith("=") else 2
                self.headings.append(BlockHeading(block[0][0], block[0][1], level, text))
        for index, column, _, _ in block:
            heading = _atx(self.masked[index][column:])
            if heading is not None:
                self.headings.append(BlockHeading(index, column, *heading))
        if _CONTAINER.match(first) or _LIST_ITEM.match(first):
            if _CONTAINER.match(first) and first[0] in "!?" and depth < MAX_MARKDOWN_DEPTH:
                # An admonition's first block: the indented lines under its title are its content.
                rest = [(i, c + _dedent(t)[1], _dedent(t)[0], o) for i, c, t, o in block[1:] if _indent(t) >= 4]
                self.walk(rest, depth + 1)
            return _CONTENT_OWNER
        if len(block) > 1 and _CONTAINER.match(block[-1][2]) and block[-1][2].startswith(":"):
            return _CONTENT_OWNER  # a term and its definition
        return _OTHER


def _raw_html_lines(lines: list[str], fenced: list[bool]) -> list[bool]:
    """Lines of raw HTML blocks: a block-level element's start tag at the start of a line (at most three
    spaces in) up to its balancing end tag, or to the end of the page. Python-Markdown passes them through
    unread; with a ``markdown`` attribute (md_in_html) only the lines of the start and end tags are raw.
    One pass: each line is read once, whether it is in a raw block or not."""
    raw = [False] * len(lines)
    open_markdown: list[str] = []  # md_in_html elements whose end tag is still to come
    index = 0
    while index < len(lines):
        line = lines[index]
        closing = _END_TAG.match(line)
        if open_markdown and closing and closing.group(1).lower() == open_markdown[-1] and not fenced[index]:
            raw[index] = True
            open_markdown.pop()
            index += 1
            continue
        match = None if fenced[index] else _BLOCK_TAG.match(line)
        name = match.group(1).lower() if match else ""
        if name not in BLOCK_LEVEL_ELEMENTS:
            index += 1
            continue
        if _MARKDOWN_ATTRIBUTE.search(line):
            raw[index] = True
            open_markdown.append(name)
            index += 1
            continue
        tags, depth = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>]|$)", re.IGNORECASE), 0
        while index < len(lines):
            raw[index] = True
            depth += sum(-1 if tag.group(1) else 1 for tag in tags.finditer(lines[index]))
            index += 1
            if depth <= 0 or name in _VOID:
                break
    return raw


def scan_blocks(text: str) -> Blocks:
    """Indented code and headings of a Markdown body (fenced code and raw HTML are read as opaque lines, and a
    heading is never looked for inside an HTML comment)."""
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    raw = _raw_html_lines(lines, fenced)
    masked = blank_comments(blank_fences(text)).split("\n")
    items = [(index, 0, line, fenced[index] or raw[index]) for index, line in enumerate(lines)]
    walker = _Walker(masked)
    walker.walk(items, 0)
    walker.headings.sort(key=lambda heading: heading.line)
    return Blocks(walker.code, walker.headings, raw)
