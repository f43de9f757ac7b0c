"""What a published version of the site contains, and what changed since the one before.

Each offline copy ships a manifest (``manifest.json``): every page's path, title, dates from
the content model and a hash of its source. Comparing the previous version's manifest with
the current one gives the change list an IT person reads before deciding to update
(``AENDRINGER.txt`` in the copy, and the download page). Without a previous manifest every
page counts as added.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from .dates import parse_date
from .site import Site, SourcePage
from .sourcepaths import DEFAULT_LANGUAGE
from .urls import page_url

FORMAT = 1
LANGUAGE_NAMES = {"da": "dansk", "en": "engelsk"}


class ManifestError(ValueError):
    """A manifest file that cannot be read (a Danish message naming the file)."""


def _latest_update(page: SourcePage) -> str | None:
    days = [u["dato"] for u in page.meta.get("opdateringer", [])]
    return max(days, default=None)


def page_entry(page: SourcePage, docs_dir: Path) -> dict[str, Any]:
    revised = page.last_revised()
    return {
        "titel": page.title,
        "sprog": page.lang,
        "type": page.type.name,
        # The page's file in the offline copy; online the same page lives at the folder URL.
        "fil": page_url(page.base, page.lang, directory_urls=False),
        "revideret": page.meta.get("revideret"),
        "dato": page.meta.get("date"),
        "opdateret": _latest_update(page),
        "senest": revised.isoformat() if revised else None,
        "sha256": hashlib.sha256((docs_dir / page.rel).read_bytes()).hexdigest(),
    }


def pages_of(site: Site, docs_dir: Path) -> dict[str, dict[str, Any]]:
    """Every page of the site by its source path (relative to docs/), in path order."""
    return {page.rel: page_entry(page, docs_dir) for page in sorted(site.pages, key=lambda p: p.rel)}


def _reason(kind: str, old: dict[str, Any] | None, new: dict[str, Any]) -> str:
    """Which of the content model's dates explains the change ("" when none of them moved)."""
    if kind == "fjernet":
        return ""
    if kind == "ny":
        return "revideret" if new.get("revideret") else ("dato" if new.get("dato") else "")
    for key in ("opdateret", "revideret", "dato"):
        if new.get(key) and new.get(key) != (old or {}).get(key):
            return key
    return ""


def _change(kind: str, path: str, entry: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    reason = _reason(kind, old, entry)
    return {
        "art": kind,
        "side": path,
        "titel": entry["titel"],
        "sprog": entry["sprog"],
        "fil": entry["fil"],
        "aarsag": reason,
        "aarsag_dato": entry[reason] if reason else None,
    }


def changes(previous: dict[str, Any] | None, pages: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Pages added, changed (source hash differs) and removed, in that order."""
    before: dict[str, dict[str, Any]] = (previous or {}).get("sider", {})

    def in_order(paths: set[str], entries: dict[str, dict[str, Any]]) -> list[str]:
        # Danish pages first, then translations; by file within each.
        return sorted(paths, key=lambda p: (entries[p]["sprog"] != DEFAULT_LANGUAGE, p))

    found = [_change("ny", p, pages[p], None) for p in in_order(pages.keys() - before.keys(), pages)]
    found += [
        _change("aendret", p, pages[p], before[p])
        for p in in_order(pages.keys() & before.keys(), pages)
        if pages[p]["sha256"] != before[p]["sha256"]
    ]
    found += [_change("fjernet", p, before[p], before[p]) for p in in_order(before.keys() - pages.keys(), before)]
    return found


def build(site: Site, docs_dir: Path, version: str, built_on: date, previous: dict[str, Any] | None) -> dict[str, Any]:
    """The manifest of this version, with the change list against the previous one."""
    pages = pages_of(site, docs_dir)
    return {
        "format": FORMAT,
        "version": version,
        "byggedato": built_on.isoformat(),
        "forrige": {"version": previous["version"], "byggedato": previous["byggedato"]} if previous else None,
        "sider": pages,
        "aendringer": changes(previous, pages),
    }


def dumps(manifest: dict[str, Any]) -> str:
    """Stable text: sorted keys, so the same content gives the same bytes (the zip is reproducible)."""
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load(path: Path) -> dict[str, Any]:
    """Read a manifest written by ``dumps``; a clear Danish error for anything else."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(f"{path}: fejl: kan ikke læse manifestet ({error}) [manifest]") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("sider"), dict):
        raise ManifestError(f"{path}: fejl: filen er ikke et manifest i format {FORMAT} [manifest]")
    return data


# ----------------------------------------------------------------------------- the change list as text

KINDS = {"ny": "Nye sider", "aendret": "Ændrede sider", "fjernet": "Fjernede sider"}
REASONS = {"dato": "udgivet", "revideret": "revideret", "opdateret": "rettet"}


def short_date(iso: str) -> str:
    """``2026-11-25`` -> ``25.11.2026``."""
    return f"{parse_date(iso):%d.%m.%Y}"


def describe(change: dict[str, Any]) -> str:
    """One line for a change: the title, the language if not Danish, and the date that explains it."""
    line = change["titel"]
    if change["sprog"] != DEFAULT_LANGUAGE:
        line += f" ({LANGUAGE_NAMES.get(change['sprog'], change['sprog'])})"
    if change["aarsag"]:
        line += f", {REASONS[change['aarsag']]} {short_date(change['aarsag_dato'])}"
    elif change["art"] == "aendret":
        line += ", uden ny revisionsdato"
    return line


def grouped(manifest: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The change list by kind (new, changed, removed), leaving out empty kinds."""
    groups = [(heading, [c for c in manifest["aendringer"] if c["art"] == kind]) for kind, heading in KINDS.items()]
    return [(heading, items) for heading, items in groups if items]


def change_text(manifest: dict[str, Any]) -> str:
    """AENDRINGER.txt: plain Danish text, one page per line (the caller picks line endings)."""
    previous = manifest["forrige"]
    lines = [
        "Børneinddragelse i sagsbehandlingen - offline-kopi",
        f"Version {manifest['version']}, bygget {short_date(manifest['byggedato'])}",
        "",
    ]
    if previous is None:
        lines += ["Der er ingen tidligere version at sammenligne med, så alle sider regnes som nye.", ""]
    else:
        since = f"version {previous['version']}, bygget {short_date(previous['byggedato'])}"
        lines += [f"Ændringer siden {since}:", ""]
        if not manifest["aendringer"]:
            lines += ["Ingen sider er tilføjet, ændret eller fjernet.", ""]
    for heading, items in grouped(manifest):
        lines += [f"{heading} ({len(items)}):", *(f"- {describe(c)}" for c in items), ""]
    return "\n".join(lines)
