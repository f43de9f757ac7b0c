"""Files derived from the content model: schemas/<type>.schema.json and the tables in CONTRIBUTING.md.

scripts/export_schemas.py writes them; tests/test_schemas.py checks that the committed copies are
up to date. In CONTRIBUTING.md only the parts between ``<!-- genereret:NAVN -->`` and
``<!-- /genereret:NAVN -->`` are rewritten; the rest is written by hand.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .html_policy import ALLOWED_ELEMENTS, GLOBAL_ATTRIBUTES, URL_SCHEMES
from .model import PAGE_TYPES, PageType
from .rules import MAX_IMAGE_BYTES, RULES, SEVERITIES
from .rules.rule import HERE

LIBRARY = HERE.rsplit("/", 1)[0] + "/"  # scripts/lib/boerneinddragelse/, where the rules and their checks live

CONTRIBUTING = "CONTRIBUTING.md"


def schema_text(page_type: PageType) -> str:
    return json.dumps(page_type.schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_files() -> dict[str, str]:
    """``schemas/anbefaling.schema.json`` -> its JSON text, for every page type."""
    return {f"schemas/{t.name}.schema.json": schema_text(t) for t in PAGE_TYPES.values()}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _kind(schema: dict[str, Any]) -> str:
    """What an editor writes in a field, in Danish."""
    if "anyOf" in schema:
        return " eller ".join(_kind(option) for option in schema["anyOf"])
    if "enum" in schema:
        values = [str(v) for v in schema["enum"]]
        return (
            "en af: " + ", ".join(f"`{v}`" for v in values) if len(values) <= 12 else "navn fra listen i scripts/data/"
        )
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date":
            return "dato ÅÅÅÅ-MM-DD"
        if schema.get("format") == "lokal-tid":
            return "dato og klokkeslæt ÅÅÅÅ-MM-DD TT:MM"
        if "minLength" in schema and "maxLength" in schema:
            return f"tekst, {schema['minLength']}-{schema['maxLength']} tegn"
        return "tekst"
    if kind == "integer":
        return f"helt tal {schema.get('minimum', '')}-{schema.get('maximum', '')}".rstrip("-")
    if kind == "boolean":
        return "`true` eller `false`"
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type") == "object":
            return "liste af grupper med felterne nedenfor"
        return f"liste; hvert punkt: {_kind(items)}"
    if kind == "object":
        return "gruppe med felterne nedenfor"
    return str(kind)


def _field_rows(properties: dict[str, Any], required: list[str], prefix: str = "") -> list[str]:
    rows = []
    for name, schema in properties.items():
        mark = "ja" if name in required else "nej"
        rows.append(f"| `{prefix}{name}` | {mark} | {_cell(_kind(schema))} | {_cell(schema.get('description', ''))} |")
        inner = schema.get("items", schema) if schema.get("type") == "array" else schema
        if inner.get("type") == "object":
            sub = "[]." if schema.get("type") == "array" else "."
            rows += _field_rows(inner.get("properties", {}), inner.get("required", []), f"{prefix}{name}{sub}")
    return rows


def _folder(page_type: PageType) -> str:
    if page_type.folder is None:
        return "alle andre sider, også `index.md` i hver mappe"
    example = page_type.file_stem("titel", {"date": "2024-06-19", "nummer": 4})
    return f"`docs/{page_type.folder}/{example}.md`"


def fields_section() -> str:
    lines = []
    for page_type in PAGE_TYPES.values():
        lines += [
            f"### {page_type.label} (`{page_type.name}`)",
            "",
            f'Filer: {_folder(page_type)}. Ny side: `make ny TYPE={page_type.name} TITEL="Titel"`. '
            f"Skema: `schemas/{page_type.name}.schema.json`.",
            "",
            "| Felt | Påkrævet | Værdi | Beskrivelse |",
            "| --- | --- | --- | --- |",
            *_field_rows(page_type.schema["properties"], page_type.schema["required"]),
            "",
        ]
    return "\n".join(lines).rstrip("\n")


def translations_section() -> str:
    lines = ["| Sidetype | Felter, der skal være ens i `x.md` og `x.en.md` |", "| --- | --- |"]
    for page_type in PAGE_TYPES.values():
        names = ", ".join(f"`{n}`" for n in page_type.translatable_fields) or "ingen"
        lines.append(f"| {page_type.label} (`{page_type.name}`) | {names} |")
    return "\n".join(lines)


def _where(path: str) -> str:
    return f"`{path.removeprefix(LIBRARY)}`"


def rules_section() -> str:
    from . import validation  # noqa: F401  (imports every module with a check, so each rule knows its checks)

    lines = [
        f"| Regel | Alvor | Hvad betyder det? | Sådan retter du det | Erklæret i / tjekket i (under `{LIBRARY}`) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in RULES.values():
        severity = ", ".join(SEVERITIES[rule.id])
        where = f"{_where(rule.module)} / {', '.join(map(_where, rule.check_modules))}"
        lines.append(f"| `{rule.id}` | {severity} | {_cell(rule.description)} | {_cell(rule.fix)} | {where} |")
    lines += ["", f"Billeder må højst fylde {MAX_IMAGE_BYTES // 1024} KB.", "", html_section()]
    return "\n".join(lines)


def html_section() -> str:
    """The HTML allow-list (boerneinddragelse.html_policy) as editors read it."""
    everywhere = ", ".join(f"`{name}`" for name in sorted(GLOBAL_ATTRIBUTES))
    schemes = ", ".join(f"`{scheme}:`" for scheme in sorted(URL_SCHEMES))
    lines = [
        "Tilladt HTML (reglerne `html-element` og `html-attribut`). Når hjemmesiden bygges, fjernes alt andet, "
        f"også når validatoren ikke er kørt. Alle elementer må have attributterne {everywhere}. Links og billeder må "
        f"bruge adressetyperne {schemes} eller et relativt link; billeder kun relative links til `docs/`.",
        "",
        "| Element | Attributter ud over de fælles |",
        "| --- | --- |",
    ]
    for tag, names in sorted(ALLOWED_ELEMENTS.items()):
        extra = ", ".join(f"`{name}`" for name in sorted(names)) or "–"
        lines.append(f"| `<{tag}>` | {extra} |")
    return "\n".join(lines)


SECTIONS: dict[str, Callable[[], str]] = {
    "felter": fields_section,
    "oversaettelser": translations_section,
    "regler": rules_section,
}


def update_contributing(text: str) -> str:
    """CONTRIBUTING.md with every generated section rewritten from the model."""
    for name, render in SECTIONS.items():
        pattern = re.compile(rf"(<!-- genereret:{name} -->\n).*?(<!-- /genereret:{name} -->)", re.DOTALL)
        text = pattern.sub(lambda m, render=render: m.group(1) + render() + "\n" + m.group(2), text)
    return text


def derived_files(root: Path) -> dict[str, str]:
    """Every derived file (relative to root) with the content it should have."""
    files = schema_files()
    contributing = root / CONTRIBUTING
    if contributing.exists():
        files[CONTRIBUTING] = update_contributing(contributing.read_text(encoding="utf-8"))
    return files
