"""A rule of the validator and the build: a stable id, a severity, and the one way to report it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from ..paths import REPOSITORY
from ..problems import Problem

FIXTURES = REPOSITORY / "tests" / "fixtures" / "validate"
HERE = Path(__file__).resolve().parent.relative_to(REPOSITORY).as_posix()  # the registry, from the repository
_CHECKED_BY: dict[str, list[str]] = {}  # rule id -> the functions that report it, filled in by @reports
Check = TypeVar("Check", bound=Callable[..., Any])


@dataclass(frozen=True)
class Rule:
    id: str  # stable, Danish, shown to editors as [id]
    severity: str  # ERROR or WARNING
    description: str  # what the rule checks, in Danish
    fix: str  # how an editor fixes it, in Danish
    # The message an editor reads, a str.format template filled in by ``at`` (``{name}`` fields, ``{{`` for a brace).
    message: str = ""
    # Other wordings of the same rule by name, for the cases one template cannot say well.
    wordings: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    # The module under rules/ that declares the rule (e.g. "links"); the registry fills it in when it collects.
    family: str = field(default="", compare=False)
    variant: bool = field(default=False, compare=False)  # the same rule reported with another severity

    def at(self, path: str, line: int, column: int, /, *, wording: str = "", **fields: object) -> Problem:
        """The problem this rule reports at a place (line and column 1-based), its message filled in from
        ``fields``: the one way to make a problem, always with the rule's severity."""
        template = self.wordings[wording] if wording else self.message
        return Problem(path, line, column, self.severity, template.format(**fields), self.id)

    def with_severity(self, severity: str) -> Rule:
        """The same rule with another severity, for a milder case of it; declare it next to the rule."""
        return replace(self, severity=severity, variant=True)

    @property
    def checked_by(self) -> tuple[str, ...]:
        """The functions that report this rule (module and name), once the modules holding them are imported."""
        return tuple(_CHECKED_BY.get(self.id, ()))

    @property
    def check_modules(self) -> tuple[str, ...]:
        """The files of the functions that report this rule, from the repository, in the order they were declared."""
        package = HERE.rsplit("/", 1)[0]  # the library's folder, which holds rules/
        found = [
            f"{package}/{name.split('.', 1)[1].rsplit('.', 1)[0].replace('.', '/')}.py" for name in self.checked_by
        ]
        return tuple(dict.fromkeys(found))

    @property
    def module(self) -> str:
        """The file that declares the rule, from the repository: where a newcomer finds it from its id."""
        return f"{HERE}/{self.family}.py"

    @property
    def fixtures(self) -> Path | None:
        """The rule's failing and passing docs trees (bad/ and good/), if it has any."""
        folder = FIXTURES / self.id
        return folder if folder.is_dir() else None


def reports(*rules: Rule) -> Callable[[Check], Check]:
    """Declare that the decorated function checks ``rules``: the registry then names it for each of them."""

    def register(function: Check) -> Check:
        where = f"{function.__module__}.{function.__qualname__}"
        for rule in rules:
            found = _CHECKED_BY.setdefault(rule.id, [])
            if where not in found:
                found.append(where)
        return function

    return register
