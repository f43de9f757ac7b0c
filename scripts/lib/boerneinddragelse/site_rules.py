"""The rules across pages: recommendation numbers and event ids are unique, and the recommendations an
example names exist. They run once every page is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import ANBEFALING, DEFAULT_LANGUAGE, PRAKSISEKSEMPEL
from .rules.news import DUPLICATE_EVENT_ID
from .rules.pages import DUPLICATE_NUMBER, UNKNOWN_RECOMMENDATION
from .source_page import SourcePage

if TYPE_CHECKING:
    from .site import Site


def site_rules(site: Site) -> None:
    """Rules across pages: unique numbers and ids, references that exist."""
    seen_numbers: dict[tuple[str, int], SourcePage] = {}
    for page in site.pages:
        if page.type is ANBEFALING and page.valid:
            key = (page.lang, page.meta["nummer"])
            if key in seen_numbers:
                page.problems.append(
                    DUPLICATE_NUMBER.at(
                        page.path,
                        page.line_of("nummer"),
                        1,
                        f"Anbefaling nummer {key[1]} findes allerede i {seen_numbers[key].path}. Ret nummeret.",
                    )
                )
            else:
                seen_numbers[key] = page
    numbers = {n for (lang, n) in seen_numbers if lang == DEFAULT_LANGUAGE}
    seen_events: dict[str, SourcePage] = {}
    for page in site.pages:
        if not page.valid:
            continue
        if page.type is PRAKSISEKSEMPEL:
            for index, number in enumerate(page.meta["anbefalinger"]):
                if number not in numbers:
                    page.problems.append(
                        UNKNOWN_RECOMMENDATION.at(
                            page.path,
                            page.line_of("anbefalinger", index),
                            1,
                            f"Der findes ingen anbefaling nummer {number}. Brug et af numrene "
                            f"{', '.join(map(str, sorted(numbers)))}.",
                        )
                    )
        for index, item in enumerate(page.meta.get("arrangementer", [])):
            if item["id"] in seen_events:
                page.problems.append(
                    DUPLICATE_EVENT_ID.at(
                        page.path,
                        page.line_of("arrangementer", index, "id"),
                        1,
                        f"Arrangement-id »{item['id']}« bruges også i {seen_events[item['id']].path}. "
                        "Vælg et andet id.",
                    )
                )
            seen_events[item["id"]] = page


def check_site(site: Site) -> None:
    """Run the cross-page rules on pages loaded one by one with load_page (as the validator does)."""
    site_rules(site)
    site.forget_lists()
