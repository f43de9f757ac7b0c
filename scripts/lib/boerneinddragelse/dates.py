"""Dates and times as editors write them, in the one time zone of the site."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")  # the editors' and readers' time zone, for every date on the site


def parse_date(value: str) -> date:
    return date.fromisoformat(value)


def parse_local_time(value: str) -> datetime:
    """``2023-06-09 10:00`` or a plain date, as a naive Europe/Copenhagen time."""
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    return datetime.fromisoformat(value.replace(" ", "T"))


def today() -> date:
    """Today's date in Denmark, where the editors are (the only rules that read the clock use it)."""
    return datetime.now(COPENHAGEN).date()
