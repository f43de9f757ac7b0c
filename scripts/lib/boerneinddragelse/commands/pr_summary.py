"""A pull request's summary in Danish: python scripts/pr_summary.py --base <git-ref> [--site-url URL].

Written as Markdown to stdout; the PR workflow appends it to $GITHUB_STEP_SUMMARY, so editors see on
the run's page the validator's result and every page the pull request adds, changes, moves or
removes, with the address it will have once published (boerneinddragelse.urls.page_url, as in the build).
Changes are those since the merge base with --base (git diff <base>...HEAD). Exit status 0 when
the summary was written, also when the validator found errors (the validator step reports them);
2 on wrong use.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from boerneinddragelse.model import split_language
from boerneinddragelse.paths import project_root
from boerneinddragelse.site import load_site
from boerneinddragelse.urls import page_url
from boerneinddragelse.validation import Report, summary, validate

USAGE = "make pr-resume BASE=origin/main [SITE_URL=https://…/]"
SHOWN_PROBLEMS = 30  # the rest are in the validator step's log and as annotations on the lines
KIND_LABELS = {"A": "Ny", "M": "Ændret", "R": "Flyttet", "D": "Fjernet"}


class _DanishParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"Brug: {USAGE}\nFejl: {message}.\n")


@dataclass(frozen=True)
class Change:
    kind: str  # A (added), M (modified), R (renamed), D (deleted), as git reports it
    path: str  # the path now; for a deleted file the path it had
    old_path: str | None = None  # for a renamed file


def parse_name_status(output: str) -> list[Change]:
    """Changes from ``git diff --name-status -z`` (NUL-separated, so any file name is safe)."""
    fields = output.split("\0")
    changes = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        kind = status[0]
        if kind in "RC":
            old, new = fields[index + 1], fields[index + 2]
            changes.append(Change("A" if kind == "C" else "R", new, old if kind == "R" else None))
            index += 3
        else:
            changes.append(Change("M" if kind == "T" else kind, fields[index + 1]))
            index += 2
    return changes


def git_changes(root: Path, base: str) -> list[Change]:
    command = ["git", "diff", "--name-status", "-z", "--find-renames", f"{base}...HEAD", "--", "docs/"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    return parse_name_status(result.stdout)


def future_url(site_url: str, docs_path: str) -> str:
    """The published address of docs/<rel>.md, e.g. https://…/praksiseksempler/x/."""
    base, lang = split_language(docs_path.removeprefix("docs/"))
    return site_url + page_url(base, lang, True)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell and link text."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")


def pages_table(changes: list[Change], titles: dict[str, str], site_url: str) -> list[str]:
    pages = [c for c in changes if c.path.endswith(".md")]
    if not pages:
        return ["Pull requesten ændrer ingen sider i `docs/`."]
    lines = ["| Ændring | Side | Adresse, når den er offentliggjort |", "| --- | --- | --- |"]
    for change in sorted(pages, key=lambda c: ("AMRD".index(c.kind) if c.kind in "AMRD" else 4, c.path)):
        label = KIND_LABELS.get(change.kind, change.kind)
        if change.kind == "D":
            lines.append(f"| {label} | `{change.path}` | {future_url(site_url, change.path)} (findes ikke længere) |")
            continue
        title = _cell(titles.get(change.path, change.path))
        moved = f" (før `{change.old_path}`)" if change.old_path else ""
        url = future_url(site_url, change.path)
        lines.append(f"| {label} | {title}<br>`{change.path}`{moved} | <{url}> |")
    return lines


def validator_section(report: Report) -> list[str]:
    if not report.problems:
        return [f"✅ {summary(report)}"]
    mark = "❌" if report.errors else "⚠️"
    lines = [f"{mark} {summary(report)}", "", "```text"]
    lines += [p.format() for p in report.problems[:SHOWN_PROBLEMS]]
    if len(report.problems) > SHOWN_PROBLEMS:
        lines.append(f"… og {len(report.problems) - SHOWN_PROBLEMS} meldinger mere i trinnet »Tjek indholdet«.")
    return [*lines, "```"]


def render(report: Report, changes: list[Change], titles: dict[str, str], site_url: str) -> str:
    other = sorted(c.path for c in changes if not c.path.endswith(".md"))
    lines = ["## Forhåndsvisning af ændringen", "", "### Validatoren", "", *validator_section(report), ""]
    lines += ["### Sider i denne pull request", "", *pages_table(changes, titles, site_url), ""]
    if other:
        lines += ["Andre filer i `docs/`: " + ", ".join(f"`{path}`" for path in other) + ".", ""]
    lines += [
        "### Se hjemmesiden, før den bliver offentliggjort",
        "",
        "Nederst på denne side under **Artifacts** ligger to filer:",
        "",
        "- `offline-kopi`: hent den, pak zip-filen ud, og åbn `index.html` i mappen. Hjemmesiden virker direkte "
        "fra din computer, også søgning og sprogvalg.",
        "- `site`: den byggede hjemmeside, som den bliver lagt på webserveren.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = _DanishParser(prog="pr_summary.py", usage=USAGE, description="Skriver en pull requests resumé.")
    parser.add_argument("--base", required=True, help="grenen, pull requesten skal flettes ind i, f.eks. origin/main")
    parser.add_argument("--site-url", default="https://example.org/", help="hjemmesidens offentlige adresse")
    args = parser.parse_args(argv)
    site_url = args.site_url if args.site_url.endswith("/") else args.site_url + "/"
    root = project_root()
    try:
        changes = git_changes(root, args.base)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        print(f"Fejl: git kunne ikke sammenligne med {args.base}: {detail.strip()}", file=sys.stderr)
        return 2
    site = load_site(root / "docs")
    titles = {p.path: p.title for p in site.pages}
    sys.stdout.write(render(validate(root), changes, titles, site_url))
    return 0
