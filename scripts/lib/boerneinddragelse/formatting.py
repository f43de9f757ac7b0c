"""How the site writes dates, times, numbers, domains and file sizes for readers (Danish, or English)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from .dates import COPENHAGEN, parse_date
from .sourcepaths import DEFAULT_LANGUAGE


def danish_date(value: date | str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``19. juni 2023`` in Danish, ``19 June 2023`` in English (Babel's long format)."""
    if isinstance(value, str):
        value = parse_date(value)
    return format_date(value, "long", locale="da" if lang == DEFAULT_LANGUAGE else "en_GB")


def danish_time(value: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """``9. juni 2023 kl. 10.00``."""
    if lang == DEFAULT_LANGUAGE:
        return format_datetime(value, "d. MMMM y 'kl.' HH.mm", locale="da")
    return format_datetime(value, "d MMMM y, HH:mm", locale="en_GB")


# Numbers one to ten are written in words in running text (writing guide); larger ones as figures.
_NUMBER_WORDS = {
    "da": ("nul", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti"),
    "en": ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}


def number_in_words(value: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """``10`` -> ``ti`` (``ten`` in English); 11 and up stay figures."""
    words = _NUMBER_WORDS["en" if lang == "en" else "da"]
    return words[value] if 0 <= value < len(words) else str(value)


def month_and_year(value: date, lang: str = DEFAULT_LANGUAGE) -> str:
    """``november 2023`` in Danish, ``November 2023`` in English."""
    return format_date(value, "LLLL y", locale="da" if lang == DEFAULT_LANGUAGE else "en_GB")


def shown_domain(url: str) -> str:
    """The host of a website address as readers know it: ``https://xn--…-xtc.dk/`` -> ``…høj….dk``."""
    host = urlsplit(url).hostname or url
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def iso_time(value: datetime, end_of_day: bool = False) -> str:
    """A Copenhagen wall-clock time as ISO 8601 with its UTC offset, for the reader's browser."""
    if end_of_day:
        value = datetime.combine(value.date(), time(23, 59, 59))
    return value.replace(tzinfo=COPENHAGEN).isoformat()


def megabytes(size: int) -> str:
    """``1,1 MB`` (decimal megabytes, one decimal)."""
    return f"{format_decimal(size / 1_000_000, '#,##0.0', locale='da')} MB"


def file_size(size: int) -> str:
    """``1,1 MB (1.114.046 byte)``: the rounded size to read, the exact one to compare."""
    return f"{megabytes(size)} ({format_decimal(size, '#,##0', locale='da')} byte)"
