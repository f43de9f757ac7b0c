"""The browser editor's configuration (Decap CMS), generated from the content model, never written by hand.

One folder collection per page type that has a folder; each schema field becomes a widget. Labels and
help texts come from the schemas' descriptions, the same source as the editor templates (templates.py).
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from . import vocabulary
from .cms_settings import EditorSettings
from .model import PAGE_TYPES, PageType
from .rules import MAX_IMAGE_BYTES
from .templates import template_fields

# Images go to one folder under docs/assets/, where the validator tells editors to put them; the pages of
# every collection lie one folder down, so they link to it as ../assets/billeder/.
MEDIA_FOLDER = "docs/assets/billeder"
PUBLIC_FOLDER = "../assets/billeder"
# The media library refuses a larger file before it is uploaded: the validator's own limit (billede-for-stort).
MEDIA_LIBRARY = {"config": {"max_file_size": MAX_IMAGE_BYTES}}
# Field names written in English (MkDocs' own keys) and what editors call them.
_LABELS = {
    "title": "Titel",
    "description": "Beskrivelse",
    "date": "Dato",
    "hide": "Skjul dele af layoutet",
    "url": "Link",
    "email": "E-mail",
    "id": "Id",
}
_LETTERS = (("aa", "å"), ("oe", "ø"))  # not ae: »temaer« is a word as it stands
# Fields whose values are a vocabulary's slugs: the form shows the Danish term.
_VOCABULARIES = {"temaer": "temaer", "maalgruppe": "maalgrupper", "lundy": "lundy", "gruppe": "grupper"}
_DATE_FORMAT = "YYYY-MM-DD"
_LOCAL_TIME_FORMAT = "YYYY-MM-DD HH:mm"


def field_label(name: str) -> str:
    """``kort_titel`` -> ``Kort titel``, ``maalgruppe`` -> ``Målgruppe``: the field as editors read it."""
    if name in _LABELS:
        return _LABELS[name]
    text = name.replace("_", " ")
    for spelled, letter in _LETTERS:
        text = text.replace(spelled, letter)
    return text[:1].upper() + text[1:]


def _options(name: str, schema: dict[str, Any]) -> list[Any]:
    values = schema["enum"]
    if name in _VOCABULARIES:
        terms = vocabulary.terms(_VOCABULARIES[name])
        return [{"label": terms[v].da, "value": v} for v in values]
    # Decap's select breaks on bare numbers (it looks for option groups in each option): label them.
    return [v if isinstance(v, str) else {"label": str(v), "value": v} for v in values]


def _length_pattern(schema: dict[str, Any]) -> list[str] | None:
    if "minLength" not in schema and "maxLength" not in schema:
        return None
    low, high = schema.get("minLength", 0), schema.get("maxLength", "")
    return [f"^[\\s\\S]{{{low},{high}}}$", f"Skal være mellem {low} og {high} tegn."]


def _string_widget(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("format") == "date":
        return {"widget": "datetime", "format": _DATE_FORMAT, "date_format": _DATE_FORMAT, "time_format": False}
    if schema.get("format") == "lokal-tid":
        return {"widget": "datetime", "format": _LOCAL_TIME_FORMAT, "date_format": _DATE_FORMAT, "time_format": "HH:mm"}
    if "enum" in schema:
        return {"widget": "select", "options": _options(name, schema)}
    widget: dict[str, Any] = {"widget": "text" if schema.get("maxLength", 0) > 200 else "string"}
    if "pattern" in schema:
        widget["pattern"] = [schema["pattern"], f"Ugyldigt format: {schema.get('description', '')}".strip()]
    elif pattern := _length_pattern(schema):
        widget["pattern"] = pattern
    return widget


def _array_widget(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    items = schema.get("items", {})
    if "enum" in items or (items.get("type") == "integer" and "maximum" in items):
        values = items.get("enum") or list(range(items.get("minimum", 1), items["maximum"] + 1))
        widget: dict[str, Any] = {"widget": "select", "multiple": True, "options": _options(name, {"enum": values})}
        if schema.get("minItems"):
            widget["min"] = schema["minItems"]
        return widget
    if items.get("type") == "object":
        return {"widget": "list", "fields": _fields(items["properties"], items.get("required", []))}
    return {"widget": "list"}


def widget_for(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The Decap widget (and its options) for one JSON Schema field."""
    kind = schema.get("type")
    if "anyOf" in schema:  # a date or a date and time: the model's patterns, one after the other
        patterns = "|".join(f"(?:{s['pattern']})" for s in schema["anyOf"])
        return {"widget": "string", "pattern": [patterns, f"Ugyldigt format: {schema.get('description', '')}"]}
    if kind == "string":
        return _string_widget(name, schema)
    if kind == "integer":
        return {"widget": "number", "value_type": "int"} | _range(schema)
    if kind == "boolean":
        return {"widget": "boolean", "default": False}
    if kind == "array":
        return _array_widget(name, schema)
    if kind == "object":
        return {"widget": "object", "fields": _fields(schema["properties"], schema.get("required", []))}
    raise ValueError(f"Feltet {name} har en type, redigeringsværktøjet ikke kender: {kind}")


def _range(schema: dict[str, Any]) -> dict[str, Any]:
    return {key: schema[src] for key, src in (("min", "minimum"), ("max", "maximum")) if src in schema}


def _fields(properties: dict[str, Any], required: list[str]) -> list[dict[str, Any]]:
    fields = []
    for name, schema in properties.items():
        field: dict[str, Any] = {"name": name, "label": field_label(name)}
        field |= widget_for(name, schema)
        if schema.get("description"):
            field["hint"] = schema["description"]
        if name not in required:
            field["required"] = False
            # Decap checks an optional group's own required fields even when the group is left empty,
            # so an example without »kontakt« could not be saved; the validator still requires them.
            if field["widget"] == "object":
                for sub in field["fields"]:
                    sub["required"] = False
        fields.append(field)
    return fields


def collection(page_type: PageType) -> dict[str, Any]:
    """One page type as a folder collection: its fields in the schema's order, then the body."""
    assert page_type.folder is not None
    slug = {"date": "{{year}}-{{month}}-{{day}}-{{slug}}", "nummer": "{{fields.nummer}}-{{slug}}"}
    fields = _fields(template_fields(page_type), page_type.schema["required"])
    body = {
        "name": "body",
        "label": "Tekst",
        "widget": "markdown",
        "default": page_type.body,
        "media_library": copy.deepcopy(MEDIA_LIBRARY),  # a copy each: the YAML gets no anchors
    }
    return {
        "name": page_type.name,
        "label": page_type.label,
        "label_singular": page_type.label,
        "folder": f"docs/{page_type.folder}",
        "extension": "md",
        # Registered by the editor's script (admin/redigering.js): pages are read and written in the canonical
        # form canonical.py defines, so a page saved from the form passes »Sider i fast form«.
        "format": "kanonisk",
        "create": True,
        # Deleting a published page would commit to main at once, past review: delete in a pull request.
        "delete": False,
        "slug": slug.get(page_type.file_prefix or "", "{{slug}}"),
        "fields": [*fields, body],
    }


def cms_config(settings: EditorSettings | None = None, local_backend: bool = False) -> dict[str, Any]:
    """The whole configuration: Danish interface, a pull request per change, images in one folder."""
    config: dict[str, Any] = {
        "locale": "da",
        "backend": (settings or EditorSettings()).backend(),
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [collection(t) for t in PAGE_TYPES.values() if t.folder],
    }
    if local_backend:
        config["local_backend"] = {"url": "http://127.0.0.1:8081/api/v1"}
    return config


def config_yaml(**options: Any) -> str:
    return yaml.safe_dump(cms_config(**options), allow_unicode=True, sort_keys=False, width=120)


def _field_problems(
    where: str, fields: list[dict[str, Any]], properties: dict[str, Any], required: list[str]
) -> list[str]:
    problems = []
    by_name = {f["name"]: f for f in fields}
    if list(by_name) != list(properties):
        problems.append(f"{where}: felterne {list(by_name)} svarer ikke til modellens {list(properties)}")
    for name, schema in properties.items():
        field = by_name.get(name)
        if field is None:
            continue
        if field.get("required", True) != (name in required):
            problems.append(f"{where}.{name}: påkrævet i modellen er {name in required}")
        if field.get("hint", "") != schema.get("description", ""):
            problems.append(f"{where}.{name}: hjælpeteksten er ikke modellens beskrivelse")
        enum = schema.get("enum") or schema.get("items", {}).get("enum")
        if enum and [o["value"] if isinstance(o, dict) else o for o in field.get("options", [])] != list(enum):
            problems.append(f"{where}.{name}: valgmulighederne er ikke modellens")
        sub = schema.get("items", schema) if schema.get("type") in ("array", "object") else {}
        if sub.get("type") == "object":
            inner = sub["required"] if name in required or schema.get("type") == "array" else []
            problems += _field_problems(f"{where}.{name}", field.get("fields", []), sub["properties"], inner)
    return problems


def check_against_model(config: dict[str, Any]) -> list[str]:
    """Where a configuration and the content model disagree (empty: they agree)."""
    collections = {c["name"]: c for c in config.get("collections", [])}
    problems = []
    for page_type in PAGE_TYPES.values():
        if not page_type.folder:
            continue
        found = collections.get(page_type.name)
        if found is None:
            problems.append(f"{page_type.name}: ingen samling")
            continue
        fields = [f for f in found["fields"] if f["name"] != "body"]
        problems += _field_problems(page_type.name, fields, template_fields(page_type), page_type.schema["required"])
    return problems
