"""make offline: build the offline copy as a dated zip with its checksum (see offline_copy)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

import mkdocs  # noqa: F401  (the copy is built with MkDocs: fail early, in Danish, without the project's .venv)

from .. import manifest
from ..offline_copy import NAME, build, build_date_from_environment, pack, write_checksum, write_manifest
from ..paths import project_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Byg offline-kopien af hjemmesiden som zip-fil med kontrolsum.")
    parser.add_argument(
        "--out", type=Path, default=project_root() / "dist", help="mappe til zip-filen (standard: dist/)"
    )
    parser.add_argument(
        "--date", type=date.fromisoformat, help="byggedato, ÅÅÅÅ-MM-DD (standard: BUILD_DATE, SOURCE_DATE_EPOCH, i dag)"
    )
    parser.add_argument(
        "--forrige-manifest", type=Path, help="manifest.json fra den forrige version, til ændringslisten"
    )
    args = parser.parse_args(argv)
    built_on = args.date or build_date_from_environment()
    try:
        previous = manifest.load(args.forrige_manifest) if args.forrige_manifest else None
    except manifest.ManifestError as error:
        print(error, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    archive = args.out / f"{NAME}-{built_on.isoformat()}.zip"
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir, built_on)
        write_manifest(site_dir, built_on, previous)
        pack(site_dir, archive, built_on)
    checksum = write_checksum(archive)
    print(f"{archive} ({archive.stat().st_size / 1_000_000:.1f} MB)")
    print(checksum)
    return 0
