"""One reading of a page's Markdown body: every fact the validator, the build gate and the generated lists need.

Headings with the anchors the build gives them (Python-Markdown with the site's extensions and slug function),
links and images, raw HTML tags, the site's markers, and code (fenced, indented, code spans, comments), each
with its line and column in the source file. Code is known once, here: ``in_code(offset)`` answers for every
consumer, so an example in code is never read as a link, a tag, a heading or a marker.

The size and depth limits (markdown_limits) run first: a body past them gets its ``limit`` and no facts, so no
parser ever sees it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from . import markdown_build
from .markdown_blocks import Blocks, blank_comments, fenced_lines, scan_blocks
from .markdown_inline import (
    ATTR_LIST,
    AUTOLINK,
    REFERENCE,
    Attributes,
    HtmlTags,
    LineIndex,
    blank_ranges,
    code_spans,
    links,
    reference_uses,
)
from .markdown_limits import Limit, check_limits

# A marker is an HTML comment on a line of its own: a name and key=value arguments.
MARKER = re.compile(r"^<!--\s*([a-z][a-z-]*)((?:\s+[a-z]+=[\w-]+)*)\s*-->[ \t]*$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Heading:
    offset: int
    line: int
    column: int
    level: int
    text: str  # as written after the hashes
    anchor: str | None  # the id the build gives it


@dataclass(frozen=True)
class Link:
    offset: int
    line: int
    column: int
    target: str
    image: bool = False
    label: str = ""
    kind: str = "inline"  # inline, in-html, reference, definition or autolink (see ParsedPage.links)


@dataclass(frozen=True)
class Tag:
    offset: int
    line: int
    column: int
    name: str
    attributes: Attributes


@dataclass(frozen=True)
class Marker:
    offset: int
    end: int
    line: int
    column: int
    name: str
    arguments: dict[str, str]


@dataclass(frozen=True)
class AttributeList:
    offset: int
    line: int
    column: int
    content: str  # between ``{:`` and ``}``


@dataclass
class ParsedPage:
    text: str
    first_line: int = 1  # line of the source file where the body starts
    config_file: Path = markdown_build.CONFIG_FILE
    limit: Limit | None = field(init=False)

    def __post_init__(self) -> None:
        self.limit = check_limits(self.text)
        self._lines = LineIndex(self.text, self.first_line)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the source file of an offset in the body."""
        return self._lines.position(offset)

    # Code

    @cached_property
    def _blocks(self) -> Blocks:
        return scan_blocks(self.text) if self.limit is None else scan_blocks("")

    @cached_property
    def code_lines(self) -> list[bool]:
        """Per line of the body: part of a fenced or indented code block."""
        fenced = fenced_lines(self.text.split("\n"))
        if self.limit is not None:
            return fenced  # indentation is not read in a body past the limits
        return [a or b for a, b in zip(fenced, self._blocks.indented_code, strict=True)]

    @cached_property
    def code(self) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every piece of code: ``fenced`` and ``indented`` blocks, ``span``, ``comment``."""
        ranges: list[tuple[int, int, str]] = []
        starts = self._lines.starts
        for index, is_code in enumerate(self.code_lines):
            if is_code:
                end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.text)
                ranges.append((starts[index], end, "block"))
        ranges += [(m.start(), m.end(), "comment") for m in _COMMENT.finditer(self._block_code_blanked)]
        ranges += [(start, end, "span") for start, end in code_spans(self._without_code_blocks)]
        return sorted(ranges)

    @cached_property
    def _block_code_blanked(self) -> str:
        lines = self.text.split("\n")
        return "\n".join(" " * len(line) if code else line for line, code in zip(lines, self.code_lines, strict=True))

    @cached_property
    def _without_code_blocks(self) -> str:
        return blank_comments(self._block_code_blanked)

    @cached_property
    def prose(self) -> str:
        """The body with every piece of code blanked out, positions kept: links and HTML are looked for here."""
        return blank_ranges(self._without_code_blocks, list(code_spans(self._without_code_blocks)))

    @cached_property
    def _code_starts(self) -> list[int]:
        return [start for start, _, _ in self.code]

    def in_code(self, offset: int) -> bool:
        """Whether the offset lies in a code block, a code span or an HTML comment."""
        index = bisect_right(self._code_starts, offset) - 1  # the pieces do not overlap
        return index >= 0 and offset < self.code[index][1]

    # Facts

    @cached_property
    def outline(self) -> list[Heading]:
        """Headings in document order as the block structure has them, without anchors (nothing is rendered)."""
        if self.limit is not None:
            return []
        found = []
        for heading in self._blocks.headings:
            offset = self._lines.offset(heading.line, heading.column)
            found.append(Heading(offset, *self.position(offset), heading.level, heading.text, None))
        return found

    @cached_property
    def headings(self) -> list[Heading]:
        """Headings in document order, each with the id the build gives it."""
        anchors = self.rendered.heading_ids if self.outline else []
        return [
            replace(heading, anchor=anchors[number] if number < len(anchors) else None)
            for number, heading in enumerate(self.outline)
        ]

    @cached_property
    def rendered(self) -> markdown_build.Rendered:
        """The body as the build renders it (only for a body within the limits)."""
        if self.limit is not None:
            return markdown_build.Rendered("", [], [])
        return markdown_build.render(self.text, self.config_file)

    @cached_property
    def anchors(self) -> set[str]:
        """Every id a link can point to: the build's element ids (headings, ``{#id}``) and raw HTML ids."""
        ids = set(self.rendered.ids) | set(self.rendered.heading_ids)
        return ids | {value for tag in self.html_tags for name, value in tag.attributes if name == "id" and value}

    @cached_property
    def links(self) -> list[Link]:
        """Links and images in the order of the text: ``inline``, ``reference`` (a use of a definition, with the
        definition's target), ``definition`` (``[id]: mål``), ``autolink`` (``<https://…>``), and ``in-html``: link
        syntax inside a raw HTML block, which the build shows as written (the validator still checks it)."""
        if self.limit is not None:
            return []
        found = []
        raw = self._blocks.raw_html
        for offset, image, label, target, _ in links(self.prose):
            line, column = self.position(offset)
            kind = "in-html" if raw[line - self.first_line] else "inline"
            found.append(Link(offset, line, column, target, image, label, kind))
        for offset, image, label, target in reference_uses(self.prose):
            found.append(Link(offset, *self.position(offset), target, image, label, kind="reference"))
        for match in REFERENCE.finditer(self.prose):
            offset = match.start(1) - 1
            found.append(Link(offset, *self.position(offset), match.group(2).strip("<>"), kind="definition"))
        for match in AUTOLINK.finditer(self.prose):
            found.append(Link(match.start(), *self.position(match.start()), match.group(1), kind="autolink"))
        return sorted(found, key=lambda link: link.offset)

    @cached_property
    def html_tags(self) -> list[Tag]:
        """Start tags of raw HTML outside code."""
        if self.limit is not None:
            return []
        return [Tag(offset, *self.position(offset), name, attrs) for name, attrs, offset in HtmlTags(self.prose).tags]

    @cached_property
    def attribute_lists(self) -> list[AttributeList]:
        if self.limit is not None:
            return []
        return [AttributeList(m.start(), *self.position(m.start()), m.group(1)) for m in ATTR_LIST.finditer(self.prose)]

    @cached_property
    def markers(self) -> list[Marker]:
        """The site's markers: HTML comments on a line of their own that are not inside a code block."""
        found = []
        for match in MARKER.finditer(self.text):
            if self.code_lines[bisect_right(self._lines.starts, match.start()) - 1]:
                continue
            arguments = dict(part.split("=", 1) for part in match.group(2).split())
            found.append(Marker(match.start(), match.end(), *self.position(match.start()), match.group(1), arguments))
        return found


def parse(text: str, first_line: int = 1, config_file: Path = markdown_build.CONFIG_FILE) -> ParsedPage:
    """The parsed page of a Markdown body (cached: the validator, the gate and the build share a reading)."""
    return _parse(text, first_line, config_file)  # every argument given: a default left out is another key


@lru_cache(maxsize=4096)  # every page of a large catalogue, so the lexicon reuses the gate's reading
def _parse(text: str, first_line: int, config_file: Path) -> ParsedPage:
    return ParsedPage(text, first_line, config_file)
