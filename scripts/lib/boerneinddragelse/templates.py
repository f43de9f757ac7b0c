"""New pages from the content model: front matter with every field of a page type's schema.

scripts/new.py is the command line; the validator reads DESCRIPTION_PLACEHOLDER to warn
about template text that an editor forgot to replace.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import yaml

from .model import PageType, has_menu_place
from .slugs import slugify

# Valid for the schema (20-300 characters) so that a new page passes the validator,
# which warns about it (rule skabelontekst) until the editor has written a real one.
DESCRIPTION_PLACEHOLDER = "Skriv her en kort beskrivelse af siden i en eller to sætninger."
_TEXT_PLACEHOLDER = "Skriv teksten her"
# Tried in turn for a string field with a pattern; the first that matches is the sample value.
_PATTERN_SAMPLES = ("https://www.example.org/", "navn@example.org", "eksempel-1", "./")


class _Date(str):
    """A date that is written unquoted, as editors write it."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # List items indented under their key, as in the existing pages.
        return super().increase_indent(flow, False)


_Dumper.add_representer(_Date, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", value))


def _fit(text: str, schema: dict[str, Any]) -> str:
    minimum, maximum = schema.get("minLength", 0), schema.get("maxLength", 10_000)
    while len(text) < minimum:
        text += " " + _TEXT_PLACEHOLDER.lower()
    return text[:maximum].rstrip()


def sample_value(schema: dict[str, Any], today: date) -> Any:
    """A value that the schema accepts: the template's placeholder for a field."""
    if "anyOf" in schema:
        return sample_value(schema["anyOf"][0], today)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string":
        if schema.get("format") == "date":
            return _Date(today.isoformat())
        if schema.get("format") == "lokal-tid":
            # The day before at noon: a registration deadline before an event that starts today.
            return f"{(today - timedelta(days=1)).isoformat()} 12:00"
        if "pattern" in schema:
            return next((s for s in _PATTERN_SAMPLES if re.search(schema["pattern"], s)), _TEXT_PLACEHOLDER)
        return _fit(_TEXT_PLACEHOLDER, schema)
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "array":
        return [sample_value(schema.get("items", {}), today)]
    if kind == "object":
        return {name: sample_value(sub, today) for name, sub in schema.get("properties", {}).items()}
    return _TEXT_PLACEHOLDER


def _yaml_lines(name: str, value: Any) -> list[str]:
    text = yaml.dump({name: value}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return text.rstrip("\n").split("\n")


def _comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.split("\n") if line.strip()]


def template_fields(page_type: PageType) -> dict[str, Any]:
    """The schema's fields that a new page of the type can use: nav_orden only where the menu has a place."""
    new_page = f"{page_type.folder}/ny-side.md" if page_type.folder else "ny-side.md"
    properties: dict[str, Any] = page_type.schema["properties"]
    return {name: schema for name, schema in properties.items() if name != "nav_orden" or has_menu_place(new_page)}


def front_matter(page_type: PageType, values: dict[str, Any], today: date) -> str:
    """Required fields filled in (from values, else a valid placeholder); optional ones commented out."""
    properties = template_fields(page_type)
    required = [name for name in properties if name in page_type.schema["required"]]
    optional = [name for name in properties if name not in required]
    lines = ["---", f"# {page_type.label}. Felterne er forklaret i CONTRIBUTING.md."]
    for name in required:
        lines += _comment(properties[name].get("description", ""))
        lines += _yaml_lines(name, values.get(name, sample_value(properties[name], today)))
    if optional:
        lines += ["#", "# Valgfrie felter: fjern »# « foran de linjer, du vil bruge."]
        for name in optional:
            lines += ["#", *_comment(properties[name].get("description", ""))]
            lines += [f"# {line}" for line in _yaml_lines(name, sample_value(properties[name], today))]
    lines.append("---")
    return "\n".join(lines) + "\n"


def short_title(title: str, schema: dict[str, Any]) -> str:
    """The title, cut at a word boundary to fit a shorter field such as kort_titel."""
    maximum = schema.get("maxLength", len(title))
    if len(title) <= maximum:
        return title
    cut = title[:maximum].rsplit(" ", 1)[0]
    return cut if len(cut) >= schema.get("minLength", 1) else title[:maximum]


def file_stem(page_type: PageType, title: str, today: date, number: int | None = None) -> str:
    """``2024-06-19-titel`` for news, ``4-titel`` for recommendations, ``titel`` otherwise (PageType.file_stem)."""
    return page_type.file_stem(slugify(title), {"date": today.isoformat(), "nummer": number})


def page_text(page_type: PageType, title: str, today: date, number: int | None = None) -> str:
    properties = page_type.schema["properties"]
    values: dict[str, Any] = {"title": title, "description": DESCRIPTION_PLACEHOLDER}
    if "kort_titel" in properties:
        values["kort_titel"] = short_title(title, properties["kort_titel"])
    if number is not None:
        values["nummer"] = number
    return front_matter(page_type, values, today) + "\n" + page_type.body
