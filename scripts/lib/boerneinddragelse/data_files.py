"""The editors' YAML data files read with line numbers, so that a mistake in one is reported
with file and line in Danish, like a mistake on a page.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .paths import DATA_DIR, REPOSITORY
from .problems import Problem
from .rules.data import DATA_FILE


class Lined(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers where it and each of its keys start (1-based lines)."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        # An alias could make a small file expand without bound; data files need none.
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "et YAML-alias (*navn); skriv værdien ud", mark)
        return super().compose_node(parent, index)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Lined:
    value = Lined(loader.construct_mapping(node, deep=True))
    value.line = node.start_mark.line + 1
    value.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return value


_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def display_path(path: Path) -> str:
    """The file as messages name it: relative to the repository when it lies inside it."""
    try:
        return path.resolve().relative_to(REPOSITORY).as_posix()
    except ValueError:
        return path.as_posix()


class DataError(ValueError):
    """A data file that cannot be read at all (bad YAML): what and where, in Danish."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{display_path(path)}:{line}: {message}")
        self.problem = DATA_FILE.at(display_path(path), line, 1, detail=message)


def load(name: str, data_dir: Path = DATA_DIR) -> Any:
    """A data file with Lined mappings; DataError if it is not YAML or uses an alias.

    The result is shared between callers (read it, do not change it): every practice example asks for
    the case steps, and parsing the file once per page was most of the build's time.
    """
    path = data_dir / name
    return _parsed(path, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=16)
def _parsed(path: Path, text: str) -> Any:
    """Keyed on the text too, so that an edited file is read again (the preview server rebuilds)."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise DataError(path, line, f"Datafilen er ikke gyldig YAML: {error.problem}.") from None


def entries(name: str, key: str, data_dir: Path = DATA_DIR) -> tuple[list[Any], list[Problem]]:
    """The list under ``key:`` at the top of a data file, or the Danish problem why there is none."""
    try:
        raw = load(name, data_dir)
    except DataError as error:
        return [], [error.problem]
    found = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(found, list):
        return [], [problem(data_dir / name, 1, f"Filen skal have en liste »{key}:«.")]
    return found, []


def problem(path: Path, line: int, message: str) -> Problem:
    return DATA_FILE.at(display_path(path), line, 1, detail=message)
