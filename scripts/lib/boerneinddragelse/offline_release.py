"""Publish the offline copy: facts for the download page, and the files under the site's download/.

    python scripts/publish_offline.py forbered [--dist dist] [--site-url URL] [--repository-url URL]
                                              [--out build/udgivelse.json] [--noter build/udgivelsesnoter.md]
    python scripts/publish_offline.py github-output build/udgivelse.json >> "$GITHUB_OUTPUT"

The zip contains the site and the site's download page describes the zip, so the publish
workflow builds the zip first (``make offline``), then runs ``forbered``: it reads the real
files in dist/ (the newest zip, its ``.sha256`` and the manifest inside the zip) and writes
the facts as JSON. The online build is then given that file (``DOWNLOAD_FACTS``); a hook
renders the download page from it and copies the files to ``download/`` in the built site:

    download/boerneinddragelse-offline-seneste.zip (+ .sha256)   the newest copy, a stable address
    download/boerneinddragelse-offline-ÅÅÅÅ-MM-DD.zip (+ .sha256) the same copy by its build date
    download/manifest.json, download/AENDRINGER.txt               from inside the zip

Nothing here is typed by hand: the size, the checksum, the version and the build date come
from the files, and a ``.sha256`` that does not match its zip stops the publication.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

from . import manifest
from .offline_copy import CHANGES, MANIFEST, NAME, write_checksum

DOWNLOAD_FOLDER = "download"
LATEST = f"{NAME}-seneste.zip"
FACTS_FORMAT = 1
_ARCHIVE = re.compile(rf"^{re.escape(NAME)}-(\d{{4}}-\d{{2}}-\d{{2}})\.zip$")
# What sha256sum writes and `sha256sum -c` reads: 64 hex digits, two spaces (or space and *), the name.
CHECKSUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](\S[^\r\n]*)\r?\n?$")


class PublishError(Exception):
    """Something in dist/ that must not be published; the message is Danish and names the file."""


def newest_archive(dist: Path) -> Path:
    """The zip with the newest build date in its name."""
    archives = sorted(p for p in dist.glob(f"{NAME}-*.zip") if _ARCHIVE.match(p.name))
    if not archives:
        raise PublishError(f"{dist}: fejl: ingen {NAME}-ÅÅÅÅ-MM-DD.zip i mappen; kør »make offline« først [ingen-zip]")
    return archives[-1]


def read_checksum_file(path: Path) -> tuple[str, str]:
    """(hex digest, file name) from a ``.sha256`` file of one line."""
    if not path.is_file():
        raise PublishError(f"{path}: fejl: kontrolsumfilen mangler [kontrolsum-mangler]")
    text = path.read_text(encoding="utf-8")
    match = CHECKSUM_LINE.match(text)
    if not match:
        raise PublishError(
            f"{path}:1:1: fejl: linjen skal være »<64 hex-cifre>  <filnavn>« som fra sha256sum [kontrolsum-format]"
        )
    return match.group(1), match.group(2)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_inner(archive: Path, name: str) -> bytes:
    """A file from the root folder of the copy inside the zip."""
    with zipfile.ZipFile(archive) as bundle:
        try:
            return bundle.read(f"{archive.stem}/{name}")
        except KeyError:
            raise PublishError(f"{archive}: fejl: zip-filen indeholder ikke {name} [mangler-i-zip]") from None


def release_tag(version: str, built_on: str) -> str:
    """``offline-2026-11-25-6ff3f7e``: one tag per published version, also two on the same day."""
    return "offline-" + re.sub(r"[^A-Za-z0-9._-]", "-", f"{built_on}-{version}")


def collect(dist: Path, site_url: str = "", repository_url: str = "") -> dict[str, Any]:
    """The download page's facts, read from the newest zip in dist/ and its checksum file."""
    archive = newest_archive(dist)
    checksum_file = archive.with_name(archive.name + ".sha256")
    written, named = read_checksum_file(checksum_file)
    actual = sha256_of(archive)
    if named != archive.name:
        raise PublishError(
            f"{checksum_file}:1:67: fejl: filen nævner »{named}«, ikke »{archive.name}« [kontrolsum-navn]"
        )
    if written != actual:
        raise PublishError(
            f"{checksum_file}:1:1: fejl: kontrolsummen passer ikke til {archive.name} (filen er {actual}); "
            "byg kopien igen [kontrolsum-forkert]"
        )
    state = json.loads(read_inner(archive, MANIFEST).decode("utf-8"))
    tag = release_tag(state["version"], state["byggedato"])
    base = site_url.rstrip("/") + "/" if site_url else ""
    repository = repository_url.rstrip("/")
    return {
        "format": FACTS_FORMAT,
        "version": state["version"],
        "byggedato": state["byggedato"],
        "tag": tag,
        "zip": {"fil": str(archive.resolve()), "navn": archive.name, "bytes": archive.stat().st_size, "sha256": actual},
        "kontrolsumfil": {"fil": str(checksum_file.resolve()), "navn": checksum_file.name},
        # Site-relative paths of the published files (see place()).
        "seneste": f"{DOWNLOAD_FOLDER}/{LATEST}",
        "seneste_kontrolsum": f"{DOWNLOAD_FOLDER}/{LATEST}.sha256",
        "dateret": f"{DOWNLOAD_FOLDER}/{archive.name}",
        "dateret_kontrolsum": f"{DOWNLOAD_FOLDER}/{checksum_file.name}",
        "manifest_fil": f"{DOWNLOAD_FOLDER}/{MANIFEST}",
        "aendringer_fil": f"{DOWNLOAD_FOLDER}/{CHANGES}",
        "site_url": base,
        # The release keeps every version at an address that never changes (the site keeps the newest).
        "udgivelse_url": f"{repository}/releases/tag/{tag}" if repository else "",
        "udgivelse_zip_url": f"{repository}/releases/download/{tag}/{archive.name}" if repository else "",
        "udgivelser_url": f"{repository}/releases" if repository else "",
        "manifest": state,
    }


def write_facts(facts: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(facts, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read_facts(path: Path) -> dict[str, Any]:
    try:
        facts = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise PublishError(f"{path}: fejl: kan ikke læse oplysningerne om offline-kopien ({error}) [fakta]") from error
    if not isinstance(facts, dict) or facts.get("format") != FACTS_FORMAT:
        raise PublishError(f"{path}: fejl: filen er ikke skrevet af »publish_offline.py forbered« [fakta]")
    return facts


def place(facts: dict[str, Any], site_dir: Path) -> list[Path]:
    """Copy the zip (by date and as the stable »seneste«), the checksums, manifest and change list."""
    archive = Path(facts["zip"]["fil"])
    if not archive.is_file() or sha256_of(archive) != facts["zip"]["sha256"]:
        raise PublishError(
            f"{archive}: fejl: zip-filen findes ikke eller er ændret, siden oplysningerne blev skrevet; "
            "kør »publish_offline.py forbered« igen [zip-aendret]"
        )
    folder = site_dir / DOWNLOAD_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    dated = folder / archive.name
    shutil.copyfile(archive, dated)
    shutil.copyfile(facts["kontrolsumfil"]["fil"], folder / facts["kontrolsumfil"]["navn"])
    latest = folder / LATEST
    shutil.copyfile(archive, latest)
    # The same file under another name needs its own line for `sha256sum -c`; it is written by the
    # same function as the dated one, so there is one checksum format and one writer.
    write_checksum(latest)
    for name in (MANIFEST, CHANGES):
        (folder / name).write_bytes(read_inner(archive, name))
    return sorted(folder.iterdir())


def release_notes(facts: dict[str, Any]) -> str:
    """The text of the GitHub release: the checksum, and the change list as in AENDRINGER.txt."""
    lines = [
        f"Offline-kopi af hjemmesiden, bygget {manifest.short_date(facts['byggedato'])} "
        f"fra version {facts['version']}.",
        "",
        f"SHA-256 for `{facts['zip']['navn']}`: `{facts['zip']['sha256']}`",
        "",
    ]
    if facts["site_url"]:
        lines += [f"Vejledning: {facts['site_url']}offline-kopi/", ""]
    lines += ["```text", manifest.change_text(facts["manifest"]).rstrip("\n"), "```", ""]
    return "\n".join(lines)


def release_title(facts: dict[str, Any]) -> str:
    return f"Offline-kopi {manifest.short_date(facts['byggedato'])} (version {facts['version']})"


def github_output(facts: dict[str, Any]) -> str:
    """``tag=…`` and ``titel=…`` lines for the workflow's step outputs."""
    return f"tag={facts['tag']}\ntitel={release_title(facts)}\n"
