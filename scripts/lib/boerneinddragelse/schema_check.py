"""Check front matter against a page type's JSON Schema and explain errors in Danish."""

from __future__ import annotations

import difflib
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
    SCHEMA,
    TOO_FEW,
    TOO_LONG,
    TOO_SHORT,
    UNKNOWN_FIELD,
)

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


def _unknown_field(name: str, error: ValidationError) -> tuple[str, Rule]:
    allowed = sorted(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" Mente du »{close[0]}«?" if close else f" Tilladte felter: {', '.join(allowed)}."
    return f"Ukendt felt »{name}«.{hint}", UNKNOWN_FIELD


def _message(error: ValidationError) -> tuple[str, Rule]:
    """A Danish explanation and the rule it breaks, for one schema error."""
    field = _field_name(list(error.absolute_path))
    keyword = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        where = f" i {field}" if field else ""
        hint = error.schema.get("properties", {}).get(missing, {}).get("description", "")
        return f"Feltet »{missing}« mangler{where}. Tilføj det. {hint}".strip(), MISSING_FIELD
    if keyword == "additionalProperties":
        extra = _unknown_keys(error)
        return _unknown_field(extra[0] if extra else "?", error)
    if keyword == "type":
        expected = schema.get("type")
        return (
            f"Feltet »{field}« skal være {_TYPE_NAMES.get(str(expected), expected)}, "
            f"men er {_describe(error.instance)}.",
            FIELD_TYPE,
        )
    if keyword == "enum":
        allowed = [str(v) for v in schema.get("enum", [])]
        close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.6)
        hint = f" Mente du »{close[0]}«?" if close else ""
        listing = ", ".join(allowed) if len(allowed) <= 12 else "se listen i scripts/data/"
        return (
            f"{_describe(error.instance)} er ikke en tilladt værdi for »{field}«.{hint} Tilladte værdier: {listing}.",
            INVALID_VALUE,
        )
    if keyword in ("format", "pattern") and schema.get("format") == "date":
        return (
            f"»{field}« skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD (f.eks. 2023-06-19), "
            f"men er {_describe(error.instance)}.",
            INVALID_DATE,
        )
    if keyword in ("format", "pattern") and schema.get("format") == "lokal-tid":
        return (
            f"»{field}« skal være dato og klokkeslæt skrevet ÅÅÅÅ-MM-DD TT:MM (f.eks. 2023-06-09 10:00), "
            f"men er {_describe(error.instance)}.",
            INVALID_DATE,
        )
    if keyword == "anyOf":
        return (
            f"»{field}« skal være en dato (ÅÅÅÅ-MM-DD) eller dato og klokkeslæt (ÅÅÅÅ-MM-DD TT:MM), "
            f"men er {_describe(error.instance)}.",
            INVALID_DATE,
        )
    if keyword == "pattern":
        return f"»{field}« har ikke den rigtige form: {schema.get('description', '')}", INVALID_FORMAT
    if keyword == "minLength":
        return f"»{field}« er for kort (mindst {schema['minLength']} tegn).", TOO_SHORT
    if keyword == "maxLength":
        return f"»{field}« er for lang (højst {schema['maxLength']} tegn). Forkort teksten.", TOO_LONG
    if keyword in ("minimum", "maximum"):
        return (
            f"»{field}« skal ligge mellem {schema.get('minimum')} og {schema.get('maximum')}, men er {error.instance}.",
            OUT_OF_RANGE,
        )
    if keyword == "minItems":
        return f"»{field}« skal have mindst {schema['minItems']} punkt(er).", TOO_FEW
    if keyword == "uniqueItems":
        return f"»{field}« indeholder den samme værdi to gange. Slet gentagelsen.", REPEATED_VALUE
    return f"»{field}«: {error.message}", SCHEMA


def check(page_type: PageType, front_matter: FrontMatter, path: str) -> list[Problem]:
    """All schema problems of one page, each at the line of the offending field."""
    problems = []
    validator = _validator(page_type)
    for error in validator.iter_errors(front_matter.data):
        path_ = list(error.absolute_path)
        if error.validator == "additionalProperties" and _unknown_keys(error):
            # One schema error covers every unknown key; each is reported at its own line.
            for name in _unknown_keys(error):
                message, rule = _unknown_field(name, error)
                line, column = front_matter.position(*path_, name)
                problems.append(rule.at(path, line, column, message))
            continue
        message, rule = _message(error)
        line, column = front_matter.position(*path_)
        problems.append(rule.at(path, line, column, message))
    # A value can fail both "pattern" and "format" (e.g. a date written 8. november 2023),
    # which gives the same Danish message twice; editors should read it once.
    return sorted(set(problems))
