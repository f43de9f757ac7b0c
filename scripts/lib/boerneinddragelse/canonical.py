"""The canonical form of a page: what the browser editor's files are normalised to, so diffs stay readable.

Decap CMS rewrites the whole front matter when it saves: texts longer than 80 characters folded over
several lines, its own quoting, and no blank line after the closing ``---`` on a new page (the browser
tests show each); a field filled in and cleared again may stay as an empty value. One canonical form on
the project's side makes a
round trip through the forms a no-op: fields in the schema's order, PyYAML's quoting, dates unquoted
(``2026-01-02``), lists indented under their key, LF line endings, one blank line before the body and
one newline at its end. Values never change, except that an empty optional field (``""``, ``[]``,
``{}``, ``null``, or ``false`` for a yes/no field) is left out: it means the same as a missing one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .frontmatter import decode, split
from .model import PageType, page_type_for
from .schema_parts import DATE_PATTERN


class _Date(str):
    """A date written unquoted, as editors write it."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # List items indented under their key, as in the existing pages and as Decap writes them.
        return super().increase_indent(flow, False)


_Dumper.add_representer(_Date, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", value))


def _is_empty(value: Any) -> bool:
    """Nothing filled in: also a group whose fields are all empty (the form writes them out like that)."""
    if isinstance(value, dict):
        return all(_is_empty(inner) for inner in value.values())
    return value is None or value is False or value in ("", [])


def _is_date(schema: dict[str, Any]) -> bool:
    # Only a field that is always a date: a date-or-time field (an event's start) stays a quoted string,
    # which MkDocs reads as text rather than as a date.
    return schema.get("format") == "date"


def _ordered(value: Any, schema: dict[str, Any]) -> Any:
    """The value with object keys in the schema's order (unknown keys after, as they stood)."""
    if isinstance(value, dict):
        properties: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        keys = [k for k in properties if k in value] + [k for k in value if k not in properties]
        # Emptiness is judged after the inner fields: a group whose fields were all left empty is empty.
        inner = {k: _ordered(value[k], properties.get(k, {})) for k in keys}
        return {k: v for k, v in inner.items() if k in required or k not in properties or not _is_empty(v)}
    if isinstance(value, list):
        return [_ordered(item, schema.get("items", {})) for item in value]
    if isinstance(value, str) and _is_date(schema) and re.fullmatch(DATE_PATTERN, value):
        return _Date(value)
    return value


def front_matter_yaml(data: dict[str, Any], page_type: PageType) -> str:
    """The fields as YAML in canonical form (no ``---`` lines)."""
    ordered = _ordered(data, page_type.schema)
    return yaml.dump(
        ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )


def canonical_text(text: str, rel_path: str) -> str | None:
    """The page in canonical form, or None when it cannot be read (the validator says why)."""
    parsed = split(text, rel_path)
    if parsed.problems or not parsed.present:
        return None
    body = parsed.body.strip("\n")
    fields = front_matter_yaml(parsed.data, page_type_for(rel_path)) if parsed.data else ""
    return f"---\n{fields}---\n" + (f"\n{body}\n" if body else "")


def canonical_bytes(raw: bytes, rel_path: str) -> bytes | None:
    """canonical_text for a file's bytes (BOM and CRLF removed); None when it cannot be read."""
    text, problems = decode(raw, rel_path)
    if problems:
        return None
    result = canonical_text(text, rel_path)
    return None if result is None else result.encode("utf-8")
