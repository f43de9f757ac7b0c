"""A problem found in a source file, reported as ``path:line:column: fejl: ...``; made only by ``Rule.at``."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "fejl"
WARNING = "advarsel"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    severity: str  # ERROR or WARNING
    message: str  # Danish, says what is wrong and how to fix it
    rule: str  # stable rule id, declared in the registry (boerneinddragelse.rules) and explained in CONTRIBUTING.md

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"

    def format_github(self) -> str:
        level = "error" if self.severity == ERROR else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.path},line={self.line},col={self.column},title={self.rule}::{message}"
