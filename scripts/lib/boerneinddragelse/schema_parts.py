"""Building blocks of the page types' JSON Schemas: text, dates, choices from the vocabularies, and the
fields every page has."""

from __future__ import annotations

from typing import Any

from . import vocabulary

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
LOCAL_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$"


def text(description: str, min_length: int = 1, max_length: int = 200) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length, "description": description}


def date(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "pattern": DATE_PATTERN, "description": description}


def local_time(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "lokal-tid", "pattern": LOCAL_TIME_PATTERN, "description": description}


def choices(vocabulary_name: str, description: str, min_items: int = 1) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "enum": list(vocabulary.terms(vocabulary_name))},
        "minItems": min_items,
        "uniqueItems": True,
        "description": description,
    }


def object_of(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "description": description,
    }


COMMON: dict[str, Any] = {
    "title": text("Sidens titel, som den står i overskriften og i søgeresultater.", 3, 160),
    "description": text("Kort beskrivelse (1-2 sætninger) til søgemaskiner, delinger og oversigter.", 20, 300),
    "revideret": date("Datoen, siden sidst blev gennemskrevet (ÅÅÅÅ-MM-DD)."),
    "hide": {
        "type": "array",
        "items": {"type": "string", "enum": ["navigation", "toc", "footer", "path"]},
        "description": "Dele af layoutet, der skjules på siden (Material for MkDocs).",
    },
    "nav_orden": {
        "type": "integer",
        "minimum": 1,
        "maximum": 99,
        "description": "Placering i hovedmenuen (kun sider i roden og sektionsforsider).",
    },
}


def schema(title: str, fields: dict[str, Any], required: list[str]) -> dict[str, Any]:
    properties = {**COMMON, **fields}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": properties,
        "required": ["title", "description", *required],
        "additionalProperties": False,
    }
