"""scripts/publish_offline.py forbered | github-output: the offline copy's facts for publishing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..offline_release import PublishError, collect, github_output, read_facts, release_notes, write_facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gør offline-kopien klar til at blive offentliggjort.")
    commands = parser.add_subparsers(dest="command", required=True)
    prepare = commands.add_parser("forbered", help="skriv oplysningerne til hentesiden ud fra filerne i dist/")
    prepare.add_argument("--dist", type=Path, default=Path("dist"), help="mappen med zip-filen (standard: dist/)")
    prepare.add_argument("--site-url", default="", help="hjemmesidens offentlige adresse, f.eks. https://…/")
    prepare.add_argument("--repository-url", default="", help="kodearkivets adresse, til links til udgivelserne")
    prepare.add_argument("--out", type=Path, default=Path("build/udgivelse.json"), help="JSON-filen med oplysninger")
    prepare.add_argument("--noter", type=Path, help="skriv også teksten til udgivelsen (Markdown) her")
    output = commands.add_parser("github-output", help="udskriv tag og titel til udgivelsen (til $GITHUB_OUTPUT)")
    output.add_argument("facts", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "github-output":
            print(github_output(read_facts(args.facts)), end="")
            return 0
        facts = collect(args.dist, args.site_url, args.repository_url)
    except PublishError as error:
        print(error, file=sys.stderr)
        return 1
    write_facts(facts, args.out)
    if args.noter:
        args.noter.parent.mkdir(parents=True, exist_ok=True)
        args.noter.write_text(release_notes(facts), encoding="utf-8")
    print(f"{args.out}: {facts['zip']['navn']}, {facts['zip']['bytes']} byte, sha256 {facts['zip']['sha256']}")
    return 0
