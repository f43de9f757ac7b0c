"""Size and depth limits a Markdown body must pass before any parser sees it.

Python-Markdown recurses once per level of lists, quotes, emphasis and HTML, its time grows with the square of
nested brackets, and some of its inline patterns are quadratic on one long line: such a page is refused with a
Danish message before it is parsed or rendered. These checks are themselves linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_blocks import blank_comments, blank_fences
from .markdown_inline import HtmlTags, blank_ranges, code_spans
from .problems import Problem
from .rules import MAX_EMPHASIS_RUN, MAX_LINE_CHARS, MAX_MARKDOWN_DEPTH, MAX_MARKUP_COST, Rule
from .rules.markup import MARKDOWN_DEPTH, MARKDOWN_HEAVY
from .rules.rule import reports

# The container prefix of a line: indentation, quote markers and list markers (each alternative starts
# with a different character, so the scan is linear however long the line).
_CONTAINER_PREFIX = re.compile(r"(?:[ \t>]|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t]))*")
_LIST_MARKER = re.compile(r"[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])")
_THEMATIC_BREAK = re.compile(r"[ \t]*(?:[-*_][ \t]*){3,}")
_INLINE_TOKEN = re.compile(r"\\.|[\[\]]|\*+|_+|\n[ \t]*\n")


def _deep_lines(text: str) -> tuple[int, str] | None:
    """Lists and block quotes nested deeper than MAX_MARKDOWN_DEPTH (4 columns of indentation count as a level)."""
    offset = 0
    for line in text.split("\n"):
        if not line.strip():  # blank, or a masked code block
            offset += len(line) + 1
            continue
        prefix = _CONTAINER_PREFIX.match(line).group()  # type: ignore[union-attr]
        # Every level takes at least one character, so short prefixes need no closer look.
        if len(prefix) > MAX_MARKDOWN_DEPTH and not _THEMATIC_BREAK.fullmatch(line):
            markers = prefix.count(">") + len(_LIST_MARKER.findall(prefix))
            columns = len(_LIST_MARKER.sub("", prefix).replace(">", "").expandtabs(4)) // 4
            # Indentation alone is a code block; it nests only in front of a list or quote marker.
            if markers and markers + columns > MAX_MARKDOWN_DEPTH:
                return offset, f"Lister eller citater er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt"
        offset += len(line) + 1
    return None


def _deep_inline(text: str) -> tuple[int, str] | None:
    """Brackets and emphasis nested deeper than MAX_MARKDOWN_DEPTH within a paragraph, or very long runs of * or _."""
    brackets = 0
    emphasis: list[str] = []
    for token in _INLINE_TOKEN.finditer(text):
        value = token.group()
        if value[0] == "\n":  # a blank line ends the paragraph, and whatever was left open
            brackets, emphasis = 0, []
        elif value == "[":
            brackets += 1
            if brackets > MAX_MARKDOWN_DEPTH:
                return token.start(), f"Firkantede parenteser er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt"
        elif value == "]":
            brackets = max(brackets - 1, 0)
        elif value[0] in "*_":
            if len(value) > MAX_EMPHASIS_RUN:
                return token.start(), f"Tegnet {value[0]} står mere end {MAX_EMPHASIS_RUN} gange i træk"
            before = text[token.start() - 1] if token.start() else " "
            after = text[token.end()] if token.end() < len(text) else " "
            if emphasis and emphasis[-1] == value[0] and not before.isspace():
                emphasis.pop()
            elif not after.isspace() and not (value[0] == "_" and before.isalnum()):
                emphasis.append(value[0])
                if len(emphasis) > MAX_MARKDOWN_DEPTH:
                    return (
                        token.start(),
                        f"Fremhævninger (* og _) er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt",
                    )
    return None


# Characters that start an inline pattern Python-Markdown may scan to the end of the paragraph for.
_COSTLY = "[<`*\\{"
_UNIT_START = re.compile(r"[ \t>]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|[|#])")


def _heavy_markup(text: str) -> tuple[int, int] | None:
    """Markup that Python-Markdown needs much more than linear time for. Its inline patterns look for the end
    of every character in _COSTLY through the rest of the paragraph, list item or table row, so the cost of
    such a unit is about (number of those characters) x (its length). The page's total is capped."""
    units: list[list[int]] = []  # [start offset, length, openers]
    current: list[int] | None = None
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            current = None
        else:
            if current is None or _UNIT_START.match(line):
                current = [offset, 0, 0]
                units.append(current)
            current[1] = offset + len(line) - current[0]
            current[2] += sum(line.count(character) for character in _COSTLY)
        offset += len(line) + 1
    costs = [(length * openers, start) for start, length, openers in units]
    if sum(cost for cost, _ in costs) <= MAX_MARKUP_COST:
        return None
    worst, start = max(costs, key=lambda cost: cost[0])
    return start, worst


@dataclass(frozen=True)
class Limit:
    """Where a body goes past a limit (offset in the body), the rule, and its wording and fields."""

    offset: int
    rule: Rule
    wording: str = ""
    fields: tuple[tuple[str, object], ...] = ()

    def at(self, path: str, line: int, column: int) -> Problem:
        return self.rule.at(path, line, column, wording=self.wording, **dict(self.fields))


def _too_deep(without_code_blocks: str) -> tuple[int, str] | None:
    prose = blank_ranges(without_code_blocks, list(code_spans(without_code_blocks)))
    found = _deep_lines(without_code_blocks) or _deep_inline(prose)
    if found is None:
        deep_html = HtmlTags(prose).too_deep
        if deep_html is not None:
            found = deep_html, f"HTML-elementer er indlejret mere end {MAX_MARKDOWN_DEPTH} niveauer dybt"
    return found


@reports(MARKDOWN_DEPTH, MARKDOWN_HEAVY)
def check_limits(text: str) -> Limit | None:
    """The first limit the body goes past, or None when it may be parsed and rendered."""
    without_code_blocks = blank_comments(blank_fences(text))
    found = _too_deep(without_code_blocks)
    if found is not None:
        offset, what = found
        return Limit(offset, MARKDOWN_DEPTH, fields=(("what", what),))
    offset = 0
    for line in text.split("\n"):
        if len(line) > MAX_LINE_CHARS:
            return Limit(offset, MARKDOWN_HEAVY, "lang-linje", (("limit", MAX_LINE_CHARS),))
        offset += len(line) + 1
    heavy = _heavy_markup(without_code_blocks)
    if heavy is not None:
        return Limit(heavy[0], MARKDOWN_HEAVY)
    return None
