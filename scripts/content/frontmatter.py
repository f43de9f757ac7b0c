"""Split a Markdown source into YAML front matter and body, keeping line positions.

Dates stay strings here (the timestamp resolver is removed) so that an impossible
date such as 2023-02-30 becomes a schema error with a line number, not a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import ERROR, Problem

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


def decode(raw: bytes, path: str) -> tuple[str, list[Problem]]:
    """Bytes to text: UTF-8 with or without BOM; CRLF becomes LF."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = (
            "Filen er ikke gemt som UTF-8. Gem den igen med tegnsættet UTF-8 "
            "(i de fleste editorer: »Save with encoding« > UTF-8)."
        )
        return "", [Problem(path, line, 1, ERROR, message, "fil-kodning")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split(text: str, path: str) -> FrontMatter:
    """Parse the front matter of one page; problems are collected, never raised."""
    result = FrontMatter(body=text)
    if not text.strip():
        result.problems.append(
            Problem(path, 1, 1, ERROR, "Filen er tom. Udfyld den fra skabelonen (make ny).", "tom-fil")
        )
        return result
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        result.problems.append(
            Problem(
                path,
                1,
                1,
                ERROR,
                "Siden mangler front matter. Første linje skal være »---«, derefter felterne "
                "(title, description …) og så en linje med »---«.",
                "front-matter-mangler",
            )
        )
        return result
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        result.problems.append(
            Problem(
                path,
                1,
                1,
                ERROR,
                "Front matter bliver ikke afsluttet. Tilføj en linje med »---« efter det sidste felt.",
                "front-matter-uafsluttet",
            )
        )
        return result
    result.present = True
    result.body = "\n".join(lines[end + 1 :])
    result.body_line = end + 2
    source = "\n".join(lines[1:end])
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        if node is not None:
            _collect_positions(node, (), result, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        context = getattr(error, "context", None) or ""
        if context.startswith("while parsing a flow") and getattr(error, "context_mark", None):
            # An unclosed [ or { is only noticed further down; point to where it was opened.
            mark = error.context_mark
        line = mark.line + 2 if mark else 2
        column = mark.column + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if context:
            problem = f"{context}: {problem}"
        result.problems.append(
            Problem(
                path,
                line,
                column,
                ERROR,
                f"Front matter er ikke gyldig YAML ({problem}). Tjek kolon, indrykning og anførselstegn.",
                "yaml-syntaks",
            )
        )
        return result
    except (ValueError, TypeError, RecursionError) as error:  # e.g. unhashable keys
        result.problems.append(Problem(path, 2, 1, ERROR, f"Front matter kan ikke læses: {error}.", "yaml-syntaks"))
        return result
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        result.problems.append(
            Problem(
                path,
                2,
                1,
                ERROR,
                "Front matter skal være en række felter på formen »navn: værdi«, ikke en liste eller en enkelt værdi.",
                "front-matter-form",
            )
        )
        return result
    result.data = {str(k): v for k, v in data.items()}
    return result


def _collect_positions(node: yaml.Node, path: tuple[Any, ...], result: FrontMatter, file: str) -> None:
    """Record the position of every key and list item, and report duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            position = (key_node.start_mark.line + 2, key_node.start_mark.column + 1)
            if key in seen:
                result.problems.append(
                    Problem(
                        file,
                        position[0],
                        position[1],
                        ERROR,
                        f"Feltet »{key}« står to gange. Slet den ene forekomst.",
                        "dobbelt-felt",
                    )
                )
            seen.add(key)
            result.positions.setdefault((*path, key), position)
            _collect_positions(value_node, (*path, key), result, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            result.positions[(*path, index)] = (item.start_mark.line + 2, item.start_mark.column + 1)
            _collect_positions(item, (*path, index), result, file)
