"""A rule of the validator and the build: a stable id, a severity, and the one way to report it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..paths import REPOSITORY
from ..problems import Problem

FIXTURES = REPOSITORY / "tests" / "fixtures" / "validate"
HERE = Path(__file__).resolve().parent.relative_to(REPOSITORY).as_posix()  # the registry, from the repository


@dataclass(frozen=True)
class Rule:
    id: str  # stable, Danish, shown to editors as [id]
    severity: str  # ERROR or WARNING
    description: str  # what the rule checks, in Danish
    fix: str  # how an editor fixes it, in Danish
    # The module under rules/ that declares the rule (e.g. "links"); the registry fills it in when it collects.
    family: str = field(default="", compare=False)
    variant: bool = field(default=False, compare=False)  # the same rule reported with another severity

    def at(self, path: str, line: int, column: int, message: str) -> Problem:
        """The problem this rule reports at a place (line and column 1-based), always with the rule's severity."""
        return Problem(path, line, column, self.severity, message, self.id)

    def with_severity(self, severity: str) -> Rule:
        """The same rule with another severity, for a milder case of it; declare it next to the rule."""
        return replace(self, severity=severity, variant=True)

    @property
    def module(self) -> str:
        """The file that declares the rule, from the repository: where a newcomer finds it from its id."""
        return f"{HERE}/{self.family}.py"

    @property
    def fixtures(self) -> Path | None:
        """The rule's failing and passing docs trees (bad/ and good/), if it has any."""
        folder = FIXTURES / self.id
        return folder if folder.is_dir() else None
