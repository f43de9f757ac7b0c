"""Write the files derived from the content model: python scripts/export_schemas.py.

schemas/<type>.schema.json (JSON Schema of each page type's front matter, for editors' tools)
and the generated tables in CONTRIBUTING.md (fields, translations, validator rules).
Like the other generators it fixes and signals: exit 1 when it changed a file (commit the
change), 0 when everything was up to date.
"""

from __future__ import annotations

from pathlib import Path

from boerneinddragelse.derived import derived_files

from ..paths import REPOSITORY as ROOT


def export(root: Path) -> list[str]:
    """Write every derived file under root that differs; return the ones written."""
    changed = []
    for name, text in derived_files(root).items():
        path = root / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            changed.append(name)
    return changed


def main() -> int:
    changed = export(ROOT)
    for name in changed:
        print(f"Opdateret: {name}")
    if changed:
        print("Filerne er skrevet igen ud fra indholdsmodellen. Commit ændringerne.")
        return 1
    print("Skemaer og tabeller er opdaterede.")
    return 0
