"""Check the site's content: python scripts/validate.py [STI ...] [--format text|github].

Run from the repository root (the folder with docs/). Without paths it checks all of docs/;
with paths it reports only on those files, but links are still resolved against the whole tree.
Exit status: 0 no errors (warnings are fine), 1 errors found, 2 wrong use of the command.
The rules are in scripts/lib/boerneinddragelse/rules/ and explained to editors in CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from boerneinddragelse.paths import project_root
from boerneinddragelse.validation import format_report, validate

USAGE = 'make validate [STI="docs/… …"]  eller  .venv/bin/python scripts/validate.py [STI ...] [--format text|github]'


class _DanishParser(argparse.ArgumentParser):
    """argparse with its complaints in Danish, exit status 2."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments:"):
            message = "ukendt tilvalg: " + message.split(":", 1)[1].strip()
        elif "--format" in message:
            message = "--format skal være »text« eller »github«"
        self.exit(2, f"Brug: {USAGE}\nFejl: {message}.\n")


def _selected(root: Path, arguments: list[str]) -> set[str] | str:
    """Paths like ``docs/x.md`` for the given files and folders, or a Danish error message."""
    docs = (root / "docs").resolve()
    selected: set[str] = set()
    for argument in arguments:
        path = Path(argument).resolve()
        if not path.exists():
            return f"Stien findes ikke: {argument}"
        if path != docs and docs not in path.parents:
            return f"Stien ligger ikke i docs/: {argument}. Angiv filer eller mapper i {docs}."
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        selected.update("docs/" + f.relative_to(docs).as_posix() for f in files)
    return selected


def main(argv: list[str] | None = None) -> int:
    parser = _DanishParser(
        prog="validate.py",
        usage=USAGE,
        description="Tjekker sidernes front matter, links, billeder, HTML, oversættelser og filnavne.",
        add_help=False,
    )
    parser.add_argument("paths", nargs="*", metavar="STI", help="filer eller mapper i docs/ (standard: hele docs/)")
    parser.add_argument("--format", choices=("text", "github"), default="text", help="text (standard) eller github")
    parser.add_argument("-h", "--help", action="help", help="vis denne hjælp")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    root = project_root()
    if not (root / "docs").is_dir():
        print(f"Fejl: der er ingen docs/-mappe i {root}. Kør kommandoen fra projektets rodmappe.", file=sys.stderr)
        return 2
    only = _selected(root, args.paths) if args.paths else None
    if isinstance(only, str):
        print(f"Brug: {USAGE}\nFejl: {only}", file=sys.stderr)
        return 2
    report = validate(root, only)
    print("\n".join(format_report(report, args.format)))
    return 1 if report.errors else 0
