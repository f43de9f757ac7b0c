"""Split a Markdown source into YAML front matter and body, keeping line positions.

Dates stay strings here (the timestamp resolver is removed) so that an impossible
date such as 2023-02-30 becomes a schema error with a line number, not a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .rules import MAX_FRONT_MATTER_DEPTH, MAX_PAGE_BYTES
from .rules.files import CONTROL_CHARACTER, EMPTY_FILE, FILE_TOO_LARGE, NOT_UTF8
from .rules.front_matter import (
    DUPLICATE_FIELD,
    FRONT_MATTER_SHAPE,
    MISSING_FRONT_MATTER,
    UNCLOSED_FRONT_MATTER,
    YAML_ANCHOR,
    YAML_DEPTH,
    YAML_SYNTAX,
)
from .rules.rule import reports

try:  # the C parser is much faster on large catalogues
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader that keeps dates and times as plain strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Position = tuple[int, int]  # 1-based line and column in the source file


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line of the source where the body starts
    positions: dict[tuple[Any, ...], Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    present: bool = False

    def position(self, *path: Any) -> Position:
        """Where a key (or its nearest parent) stands; the opening ``---`` otherwise."""
        key = tuple(path)
        while key:
            if key in self.positions:
                return self.positions[key]
            key = key[:-1]
        return (1, 1)


@reports(NOT_UTF8)
def decode(raw: bytes, path: str) -> tuple[str, list[Problem]]:
    """Bytes to text: UTF-8 with or without BOM; CRLF becomes LF."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", [NOT_UTF8.at(path, line, 1)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


# Tab and newline are text; every other C0 or C1 control character (NUL, escape, form feed …) is invisible
# in an editor and would reach the pages, the feed and the calendar files as is.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_REPORTED = 5  # per file: one is enough to find the rest


@reports(CONTROL_CHARACTER)
def control_characters(text: str, path: str) -> list[Problem]:
    problems = []
    for match in _CONTROL_CHARACTER.finditer(text):
        start = match.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        problems.append(CONTROL_CHARACTER.at(path, line, column, code=f"{ord(match.group()):04X}"))
        if len(problems) == _CONTROL_REPORTED:
            break
    return problems


@reports(FILE_TOO_LARGE)
def too_large(path: str, size: int) -> Problem:
    return FILE_TOO_LARGE.at(path, 1, 1, size=-(-size // 1024), limit=MAX_PAGE_BYTES // 1024)


@reports(EMPTY_FILE, MISSING_FRONT_MATTER, UNCLOSED_FRONT_MATTER, YAML_SYNTAX, FRONT_MATTER_SHAPE)
def split(text: str, path: str) -> FrontMatter:
    """Parse the front matter of one page; problems are collected, never raised."""
    result = FrontMatter(body=text)
    if not text.strip():
        result.problems.append(EMPTY_FILE.at(path, 1, 1))
        return result
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        result.problems.append(MISSING_FRONT_MATTER.at(path, 1, 1))
        return result
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        result.problems.append(UNCLOSED_FRONT_MATTER.at(path, 1, 1))
        return result
    result.present = True
    result.body = "\n".join(lines[end + 1 :])
    result.body_line = end + 2
    source = "\n".join(lines[1:end])
    refused = _refuse_unsafe(source, path)
    if refused is not None:
        result.problems.append(refused)
        return result
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is not None:
            _collect_positions(node, (), result, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        result.problems.append(_yaml_problem(error, lines, end, path))
        return result
    except (ValueError, TypeError, RecursionError) as error:  # e.g. unhashable keys
        result.problems.append(YAML_SYNTAX.at(path, 2, 1, wording="ulaeselig", error=error))
        return result
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        result.problems.append(FRONT_MATTER_SHAPE.at(path, 2, 1))
        return result
    result.data = {str(k): v for k, v in data.items()}
    return result


_KEY_LINE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|$)")


@reports(YAML_ANCHOR, YAML_DEPTH)
def _refuse_unsafe(source: str, path: str) -> Problem | None:
    """Refuse anchors, aliases and deep nesting by reading the event stream, before anything is built.

    Aliases can expand exponentially once a tool walks the data, and the C loader overflows its
    stack on very deep nesting; editors need neither. Reading stops at the first offending event,
    so no hostile input is ever composed or constructed.
    """
    loader = _Loader(source)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                kind = "alias" if sign == "*" else "anker"
                return YAML_ANCHOR.at(path, mark.line + 2, mark.column + 1, kind=kind, sign=sign)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_FRONT_MATTER_DEPTH:
                    return YAML_DEPTH.at(path, mark.line + 2, mark.column + 1, limit=MAX_FRONT_MATTER_DEPTH)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: the parse that follows reports it with its line
    finally:
        loader.dispose()
    return None


def _body_start(lines: list[str], end: int) -> int | None:
    """Index of the first line between the opening ``---`` and ``end`` that looks like page text.

    When the closing ``---`` is missing, the parser runs on into the body up to the first horizontal
    rule, and its complaint lands deep in the text. A blank line followed by something that is neither
    a field, an indented line, a list item nor a comment is where the body most likely begins.
    """
    for index in range(2, end):
        line = lines[index]
        if lines[index - 1].strip() or not line.strip():
            continue
        if line[0] in " \t-" or _KEY_LINE.match(line) or re.match(r"#(?!#{0,5} )", line):
            continue
        return index
    return None


@reports(UNCLOSED_FRONT_MATTER, YAML_SYNTAX)
def _yaml_problem(error: yaml.YAMLError, lines: list[str], end: int, path: str) -> Problem:
    """A Danish message for a YAML error, naming the likely cause at the line where it is."""
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context", None) or ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if context.startswith("while parsing a flow") and getattr(error, "context_mark", None):
        # An unclosed [ or { is only noticed further down; point to where it was opened.
        mark = error.context_mark
    line = mark.line + 2 if mark else 2
    column = mark.column + 1 if mark else 1
    body = _body_start(lines, end)
    if body is not None and line > body:
        return UNCLOSED_FRONT_MATTER.at(path, 1, 1, wording="tekst-fundet", line=body + 1)
    tabbed = next(
        (i for i in range(1, min(line, end)) if "\t" in lines[i][: len(lines[i]) - len(lines[i].lstrip())]), None
    )
    if tabbed is not None:
        return YAML_SYNTAX.at(path, tabbed + 1, lines[tabbed].index("\t") + 1, wording="tabulator")
    if context.startswith(("while scanning an alias", "while scanning an anchor")):
        start = getattr(error, "context_mark", None) or mark
        return YAML_SYNTAX.at(
            path, start.line + 2 if start else line, start.column + 1 if start else column, wording="alias"
        )
    if problem.startswith("mapping values are not allowed"):
        return YAML_SYNTAX.at(path, line, column, wording="kolon")
    if context:
        problem = f"{context}: {problem}"
    return YAML_SYNTAX.at(path, line, column, problem=problem)


@reports(DUPLICATE_FIELD)
def _collect_positions(node: yaml.Node, path: tuple[Any, ...], result: FrontMatter, file: str) -> None:
    """Record the position of every key and list item, and report duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            position = (key_node.start_mark.line + 2, key_node.start_mark.column + 1)
            if key in seen:
                result.problems.append(DUPLICATE_FIELD.at(file, position[0], position[1], key=key))
            seen.add(key)
            result.positions.setdefault((*path, key), position)
            _collect_positions(value_node, (*path, key), result, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            result.positions[(*path, index)] = (item.start_mark.line + 2, item.start_mark.column + 1)
            _collect_positions(item, (*path, index), result, file)
