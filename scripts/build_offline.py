"""Build the offline copy: the whole site for file:// use, packed as a dated zip with a checksum.

    python scripts/build_offline.py [--out dist] [--date YYYY-MM-DD]

The offline variant is the normal configuration with OFFLINE=true (see mkdocs.yml):
Material's offline plugin turns off directory URLs and inlines the search index, and
the project's own copy of the iframe-worker shim lets search run from file:// without
fetching anything from the internet.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from environment import missing_package

ROOT = Path(__file__).resolve().parent.parent
NAME = "boerneinddragelse-offline"


def version() -> str:
    """The commit the copy is built from (short hash), or 'ukendt' outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "ukendt"
    return result.stdout.strip() or "ukendt"


def build(site_dir: Path, built_on: date) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "OFFLINE": "true",
        "SITE_DIR": str(site_dir),
        "BUILD_DATE": built_on.strftime("%d.%m.%Y"),
        "SITE_VERSION": version(),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def pack(site_dir: Path, archive: Path) -> None:
    """Zip the site under one top-level folder, files in sorted order."""
    folder = archive.stem
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            bundle.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")


def write_checksum(archive: Path) -> Path:
    """A ``sha256sum``-compatible file next to the archive."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return checksum


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Byg offline-kopien af sitet som zip-fil med kontrolsum.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="mappe til zip-filen (standard: dist/)")
    parser.add_argument("--date", type=date.fromisoformat, default=date.today(), help="byggedato, ÅÅÅÅ-MM-DD")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("mkdocs") is None:  # run without the project's .venv
        return missing_package(ModuleNotFoundError(name="mkdocs"), "make offline")
    args.out.mkdir(parents=True, exist_ok=True)
    archive = args.out / f"{NAME}-{args.date.isoformat()}.zip"
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir, args.date)
        pack(site_dir, archive)
    checksum = write_checksum(archive)
    print(f"{archive} ({archive.stat().st_size / 1_000_000:.1f} MB)")
    print(checksum)
    return 0


if __name__ == "__main__":
    sys.exit(main())
