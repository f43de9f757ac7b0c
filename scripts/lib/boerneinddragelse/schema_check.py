"""Check front matter against a page type's JSON Schema and explain errors in Danish."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import date
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from .frontmatter import FrontMatter
from .model import PageType, parse_local_time
from .problems import Problem
from .rules import Rule
from .rules.fields import (
    FIELD_TYPE,
    INVALID_DATE,
    INVALID_FORMAT,
    INVALID_VALUE,
    MISSING_FIELD,
    OUT_OF_RANGE,
    REPEATED_VALUE,
    TOO_FEW,
    TOO_LONG,
    TOO_SHORT,
    UNKNOWN_FIELD,
)
from .rules.rule import reports

_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(date.fromisoformat(value))


@_FORMATS.checks("lokal-tid", raises=ValueError)
def _is_local_time(value: object) -> bool:
    return not isinstance(value, str) or bool(parse_local_time(value))


_TYPE_NAMES = {
    "string": "tekst",
    "integer": "et helt tal",
    "number": "et tal",
    "boolean": "true eller false",
    "array": "en liste (linjer der starter med »- «)",
    "object": "en gruppe af felter",
    "null": "tom",
}

_validators: dict[str, Draft202012Validator] = {}


def _validator(page_type: PageType) -> Draft202012Validator:
    if page_type.name not in _validators:
        _validators[page_type.name] = Draft202012Validator(page_type.schema, format_checker=_FORMATS)
    return _validators[page_type.name]


def _field_name(path: list[Any]) -> str:
    """``['arrangementer', 0, 'start']`` -> ``arrangementer[1].start`` (1-based for editors)."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            name += ("." if name else "") + str(part)
    return name


def _describe(value: Any) -> str:
    if value is None:
        return "tom"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return _TYPE_NAMES["array" if isinstance(value, list) else "object"]
    text = str(value)
    return f"»{text[:60]}«"


def _unknown_keys(error: ValidationError) -> list[str]:
    """The keys of an object that its schema does not know (one additionalProperties error names them all)."""
    known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return [str(k) for k in error.instance if k not in known] if isinstance(error.instance, dict) else []


def _unknown_field(name: str, error: ValidationError) -> Found:
    allowed = sorted(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" Mente du »{close[0]}«?" if close else f" Tilladte felter: {', '.join(allowed)}."
    return UNKNOWN_FIELD, "", {"name": name, "hint": hint}


# What one schema error breaks, as (rule, wording, message fields), keyword by keyword. ``field`` is the
# field's name for editors and ``schema`` the part of the schema the error is about.
Found = tuple[Rule, str, dict[str, object]]
Explain = Callable[[ValidationError, str, dict[str, Any]], Found]


def _required(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    missing = error.message.split("'")[1] if "'" in error.message else "?"
    hint = schema.get("properties", {}).get(missing, {}).get("description", "")
    return (
        MISSING_FIELD,
        "",
        {"name": missing, "where": f" i {field}" if field else "", "hint": f" {hint}" if hint else ""},
    )


def _additional(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    extra = _unknown_keys(error)
    return _unknown_field(extra[0] if extra else "?", error)


def _type(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    expected = schema.get("type")
    shown = _TYPE_NAMES.get(str(expected), expected)
    return FIELD_TYPE, "", {"field": field, "expected": shown, "value": _describe(error.instance)}


def _enum(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    allowed = [str(v) for v in schema.get("enum", [])]
    close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.6)
    listing = ", ".join(allowed) if len(allowed) <= 12 else "se listen i scripts/data/"
    hint = f" Mente du »{close[0]}«?" if close else ""
    return INVALID_VALUE, "", {"value": _describe(error.instance), "field": field, "hint": hint, "listing": listing}


def _form(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    """A pattern or format: a date, a date and time, or another form the schema describes."""
    wording = {"date": "", "lokal-tid": "lokal-tid"}.get(schema.get("format", ""))
    if wording is None:
        return INVALID_FORMAT, "", {"field": field, "description": schema.get("description", "")}
    return INVALID_DATE, wording, {"field": field, "value": _describe(error.instance)}


def _any_of(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    return INVALID_DATE, "dato-eller-tid", {"field": field, "value": _describe(error.instance)}


def _bounds(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    rule = {"minLength": TOO_SHORT, "maxLength": TOO_LONG, "minItems": TOO_FEW}.get(str(error.validator))
    if rule is not None:
        return rule, "", {"field": field, "limit": schema[str(error.validator)]}
    return (
        OUT_OF_RANGE,
        "",
        {"field": field, "low": schema.get("minimum"), "high": schema.get("maximum"), "value": error.instance},
    )


def _unique(error: ValidationError, field: str, schema: dict[str, Any]) -> Found:
    return REPEATED_VALUE, "", {"field": field}


# Every keyword the content model's schemas use (a test keeps the two in step).
EXPLAIN: dict[str, Explain] = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": _enum,
    "format": _form,
    "pattern": _form,
    "anyOf": _any_of,
    "minLength": _bounds,
    "maxLength": _bounds,
    "minimum": _bounds,
    "maximum": _bounds,
    "minItems": _bounds,
    "uniqueItems": _unique,
}


def _found(error: ValidationError) -> Found:
    """The rule one schema error breaks, in Danish."""
    field = _field_name(list(error.absolute_path))
    schema = error.schema if isinstance(error.schema, dict) else {}
    explain = EXPLAIN.get(str(error.validator))
    if explain is None:  # a keyword the model does not use; the test on EXPLAIN keeps this from happening
        return INVALID_FORMAT, "", {"field": field, "description": error.message}
    return explain(error, field, schema)


@reports(
    MISSING_FIELD,
    UNKNOWN_FIELD,
    FIELD_TYPE,
    INVALID_VALUE,
    INVALID_DATE,
    INVALID_FORMAT,
    TOO_SHORT,
    TOO_LONG,
    OUT_OF_RANGE,
    TOO_FEW,
    REPEATED_VALUE,
)
def check(page_type: PageType, front_matter: FrontMatter, path: str) -> list[Problem]:
    """All schema problems of one page, each at the line of the offending field."""
    problems = []
    validator = _validator(page_type)
    for error in validator.iter_errors(front_matter.data):
        path_ = list(error.absolute_path)
        if error.validator == "additionalProperties" and _unknown_keys(error):
            # One schema error covers every unknown key; each is reported at its own line.
            for name in _unknown_keys(error):
                rule, wording, fields = _unknown_field(name, error)
                line, column = front_matter.position(*path_, name)
                problems.append(rule.at(path, line, column, wording=wording, **fields))
            continue
        rule, wording, fields = _found(error)
        line, column = front_matter.position(*path_)
        problems.append(rule.at(path, line, column, wording=wording, **fields))
    # A value can fail both "pattern" and "format" (e.g. a date written 8. november 2023),
    # which gives the same Danish message twice; editors should read it once.
    return sorted(set(problems))
