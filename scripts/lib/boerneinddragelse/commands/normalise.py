"""Write pages in canonical form (canonical.py): the step after the browser editor and before review.

A generator that fixes and signals: it rewrites the pages that were not in canonical form and exits 1,
so the pre-commit hook stops a commit until the rewritten files are added. With --tjek it only reports
(the pull-request check). Exit status: 0 all in canonical form, 1 some were not, 2 wrong use.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..canonical import canonical_bytes
from ..paths import project_root


def _pages(arguments: list[str], docs: Path) -> list[Path] | str:
    """The Markdown files under docs/ that the arguments name (files or folders), or what is wrong."""
    found: list[Path] = []
    for argument in arguments or [str(docs)]:
        path = Path(argument).resolve()
        if not path.exists():
            return f"{argument} findes ikke."
        if not path.is_relative_to(docs):
            return f"{argument} ligger ikke under {docs.name}/."
        found += sorted(path.rglob("*.md")) if path.is_dir() else [path] if path.suffix == ".md" else []
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="normalise.py", description="Skriver siderne i fast form (front matter i skemaets rækkefølge)."
    )
    parser.add_argument("stier", nargs="*", help="filer eller mapper under docs/ (standard: hele docs/)")
    parser.add_argument("--tjek", action="store_true", help="ret intet, sig kun hvilke sider der ikke er i fast form")
    args = parser.parse_args(argv)
    docs = (project_root() / "docs").resolve()
    pages = _pages(args.stier, docs)
    if isinstance(pages, str):
        print(f"Fejl: {pages}", file=sys.stderr)
        return 2
    changed = 0
    for path in pages:
        shown = path.relative_to(docs.parent).as_posix()
        raw = path.read_bytes()
        canonical = canonical_bytes(raw, path.relative_to(docs).as_posix())
        if canonical is None or canonical == raw:  # unreadable pages are the validator's to report
            continue
        changed += 1
        if args.tjek:
            print(f"{shown}:1: Siden er ikke i fast form. Kør: make normaliser STI={shown}")
        else:
            path.write_bytes(canonical)
            print(f"{shown}: skrevet i fast form.")
    if changed and not args.tjek:
        print(f"{changed} side(r) skrevet i fast form. Tjek ændringen, og tilføj filerne igen (git add).")
    return 1 if changed else 0
