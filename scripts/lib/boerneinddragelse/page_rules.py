"""The rules that read one page's front matter: fields that depend on each other, dates that cannot be
right, news items' file names and corrections, and where nav_orden may stand."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .dates import parse_date, parse_local_time
from .model import has_menu_place
from .problems import Problem
from .rules import EARLIEST_YEAR, LATEST_YEARS_AHEAD, Rule
from .rules.fields import IMPLAUSIBLE_DATE, MISSING_FIELD
from .rules.news import DEADLINE_AFTER_START, FILE_NAME_DATE, UPDATE_IN_FUTURE
from .rules.pages import DATE_ORDER, ILLUSTRATIVE_WITH_MUNICIPALITY, MENU_ORDER_PLACE
from .rules.rule import reports
from .source_page import SourcePage
from .sourcepaths import language_suffix


def _date_fields(schema: dict[str, Any], value: Any, key: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    """Every date or local time in the front matter, found by the schema's formats, with its key path."""
    formats = {schema.get("format")} | {option.get("format") for option in schema.get("anyOf", [])}
    if isinstance(value, str) and formats & {"date", "lokal-tid"}:
        return [(key, value)]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return [
            found
            for name, item in value.items()
            if name in properties
            for found in _date_fields(properties[name], item, (*key, name))
        ]
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [
            found for index, item in enumerate(value) for found in _date_fields(schema["items"], item, (*key, index))
        ]
    return []


@reports(IMPLAUSIBLE_DATE)
def implausible_dates(page: SourcePage, on: date) -> list[Problem]:
    """Dates outside a window around today (on): almost always a typing error such as 2999 for 2024."""
    latest = on.year + LATEST_YEARS_AHEAD
    problems = []
    for key, value in _date_fields(page.type.schema, page.meta, ()):
        year = int(value[:4])
        if year < EARLIEST_YEAR or year > latest:
            problems.append(
                page.error_at(
                    key, IMPLAUSIBLE_DATE, value=value, earliest=EARLIEST_YEAR, latest=latest, ahead=LATEST_YEARS_AHEAD
                )
            )
    return problems


@reports(ILLUSTRATIVE_WITH_MUNICIPALITY, MISSING_FIELD, DATE_ORDER, DEADLINE_AFTER_START)
def field_rules(page: SourcePage) -> list[Problem]:
    """Rules that involve more than one field of the same page."""
    problems = []

    def add(key: tuple[Any, ...], rule: Rule, wording: str = "", **fields: object) -> None:
        problems.append(page.error_at(key, rule, wording=wording, **fields))

    meta = page.meta
    if page.type.can_be_illustrative:
        if page.type.is_illustrative(meta) and "kommune" in meta:
            add(("kommune",), ILLUSTRATIVE_WITH_MUNICIPALITY)
        if meta.get("illustrativ") is False and "kommune" not in meta:
            add(("illustrativ",), MISSING_FIELD, "kommune")
    if "date" in meta and "revideret" in meta and meta["revideret"] < meta["date"]:
        add(("revideret",), DATE_ORDER)
    for index, update in enumerate(meta.get("opdateringer", [])):
        if update["dato"] < meta["date"]:
            add(("opdateringer", index, "dato"), DATE_ORDER, "rettelse", fixed=update["dato"], date=meta["date"])
    for index, item in enumerate(meta.get("arrangementer", [])):
        start = parse_local_time(item["start"])
        if item.get("slut") and parse_local_time(item["slut"]) < start:
            add(("arrangementer", index, "slut"), DATE_ORDER, "slut")
        deadline = parse_local_time(item["tilmeldingsfrist"]) if item.get("tilmeldingsfrist") else None
        # An event given by date only lasts the whole day: a deadline that morning is not too late.
        too_late = deadline is not None and (
            deadline.date() > start.date() if len(item["start"]) == 10 else deadline > start
        )
        if too_late:
            add(("arrangementer", index, "tilmeldingsfrist"), DEADLINE_AFTER_START)
    return problems


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


def news_dates(page: SourcePage, on: date) -> list[Problem]:
    """A news item's corrections are not dated after today, and the date its file name starts with is its date."""
    return _future_corrections(page, on) + _file_name_date(page)


@reports(UPDATE_IN_FUTURE)
def _future_corrections(page: SourcePage, on: date) -> list[Problem]:
    problems = []
    for index, update in enumerate(page.meta.get("opdateringer", [])):
        if parse_date(update["dato"]) > on:
            problems.append(
                page.error_at(
                    ("opdateringer", index, "dato"), UPDATE_IN_FUTURE, fixed=update["dato"], today=on.isoformat()
                )
            )
    return problems


@reports(FILE_NAME_DATE)
def _file_name_date(page: SourcePage) -> list[Problem]:
    """Where the type's file names start with a date field (news), the date there is the field's value."""
    if not page.type.dated_file_names:
        return []
    field, name = page.type.file_prefix, page.slug
    match = _DATED_NAME.match(name)
    if not match or match.group(1) == page.meta[field]:
        return []
    dated = page.type.file_stem(name[match.end() :], page.meta) + language_suffix(page.lang)
    return [
        page.error_at((field,), FILE_NAME_DATE, named=match.group(1), field=field, date=page.meta[field], name=dated)
    ]


@reports(MENU_ORDER_PLACE)
def menu_order(page: SourcePage) -> list[Problem]:
    """nav_orden only where the menu has a place for it: root pages and the folders' front pages."""
    if "nav_orden" not in page.meta or has_menu_place(page.rel):
        return []
    return [page.error_at(("nav_orden",), MENU_ORDER_PLACE)]
