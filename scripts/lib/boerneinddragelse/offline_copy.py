"""The offline copy: the whole site for file:// use, packed as a dated zip with a checksum.

    python scripts/build_offline.py [--out dist] [--date YYYY-MM-DD] [--forrige-manifest FIL]

The offline variant is the normal configuration with OFFLINE=true (see mkdocs.yml):
Material's offline plugin turns off directory URLs and inlines the search index, and
the project's own copy of the iframe-worker shim lets search run from file:// without
fetching anything from the internet.

The copy also carries ``manifest.json`` (every page with its dates and a content hash) and
``AENDRINGER.txt`` (what changed since the previous version's manifest, if one is given).

The zip is reproducible: the same commit and build date give the same bytes (entries in
sorted order, every timestamp set to the build date, fixed permissions, no extra fields), so
anyone can rebuild it and compare checksums. The build date comes from ``--date``, else from
``BUILD_DATE`` (ÅÅÅÅ-MM-DD) or ``SOURCE_DATE_EPOCH`` in the environment, else today.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from . import manifest
from .paths import project_root
from .site import load_site

NAME = "boerneinddragelse-offline"
MANIFEST = "manifest.json"
CHANGES = "AENDRINGER.txt"
FILE_MODE = 0o100644  # a regular file, rw-r--r--, whatever the umask of the machine that builds


def version() -> str:
    """The commit the copy is built from (short hash), or 'ukendt' outside a git checkout."""
    try:
        result = subprocess.run(
            # --exclude=*: the short commit hash also where release tags exist (they name versions themselves).
            ["git", "describe", "--always", "--dirty", "--exclude=*"],
            cwd=project_root(),
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "ukendt"
    return result.stdout.strip() or "ukendt"


def build_date_from_environment(environ: dict[str, str] | None = None) -> date:
    """BUILD_DATE (ÅÅÅÅ-MM-DD), else SOURCE_DATE_EPOCH (seconds, UTC), else today."""
    environ = os.environ if environ is None else environ
    if environ.get("BUILD_DATE"):
        return date.fromisoformat(environ["BUILD_DATE"])
    if environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), UTC).date()
    return date.today()


def epoch(built_on: date) -> int:
    """Midnight UTC of the build date, in seconds: MkDocs takes its sitemap dates from it."""
    return int(datetime(built_on.year, built_on.month, built_on.day, tzinfo=UTC).timestamp())


def build(site_dir: Path, built_on: date) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "OFFLINE": "true",
        "SITE_DIR": str(site_dir),
        "BUILD_DATE": built_on.strftime("%d.%m.%Y"),
        "SOURCE_DATE_EPOCH": str(epoch(built_on)),
        "SITE_VERSION": version(),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_root() / "mkdocs.yml")]
    subprocess.run(command, cwd=project_root(), env=env, check=True)


def write_manifest(site_dir: Path, built_on: date, previous: dict | None) -> dict:
    """manifest.json and AENDRINGER.txt at the root of the copy."""
    docs_dir = project_root() / "docs"
    current = manifest.build(load_site(docs_dir), docs_dir, version(), built_on, previous)
    (site_dir / MANIFEST).write_text(manifest.dumps(current), encoding="utf-8", newline="\n")
    # Windows Notepad shows UTF-8 with a byte order mark and CRLF line ends correctly everywhere.
    (site_dir / CHANGES).write_text(manifest.change_text(current), encoding="utf-8-sig", newline="\r\n")
    return current


def pack(site_dir: Path, archive: Path, built_on: date) -> None:
    """Zip the site under one top-level folder: sorted entries, fixed times and permissions."""
    folder = archive.stem
    timestamp = (built_on.year, built_on.month, built_on.day, 0, 0, 0)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=timestamp)
            entry.create_system = 3  # Unix, also when built on Windows (zipfile would write 0 there)
            entry.external_attr = FILE_MODE << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(entry, path.read_bytes(), compresslevel=9)


def write_checksum(archive: Path) -> Path:
    """A ``sha256sum``-compatible file next to the archive: ``<hex>  <name>`` and a newline."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8", newline="\n")
    return checksum
