"""The rules across pages: recommendation numbers and event ids are unique, and the recommendations an
example names exist. They run once every page is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import DEFAULT_LANGUAGE, PageType
from .rules.news import DUPLICATE_EVENT_ID
from .rules.pages import DUPLICATE_NUMBER, UNKNOWN_RECOMMENDATION
from .rules.rule import reports
from .source_page import SourcePage

if TYPE_CHECKING:
    from .site import Site


def site_rules(site: Site) -> None:
    """Rules across pages: unique numbers and ids, references that exist."""
    _unique_values(site)
    _recommendations_exist(site)
    _unique_event_ids(site)


@reports(DUPLICATE_NUMBER)
def _unique_values(site: Site) -> None:
    """A type's unique field has each value on one page per language (one recommendation 4)."""
    seen: dict[tuple[PageType, str, Any], SourcePage] = {}
    for page in site.pages:
        field = page.type.unique_field
        if field is None or not page.valid:
            continue
        key = (page.type, page.lang, page.meta[field])
        if key in seen:
            page.problems.append(
                DUPLICATE_NUMBER.at(
                    page.path,
                    page.line_of(field),
                    1,
                    label=page.type.label,
                    field=field,
                    value=key[2],
                    other=seen[key].path,
                )
            )
        else:
            seen[key] = page


@reports(UNKNOWN_RECOMMENDATION)
def _recommendations_exist(site: Site) -> None:
    """Every recommendation a page names (its type's recommendation field) exists in Danish."""
    numbers = {page.meta["nummer"] for page in site.recommendations(DEFAULT_LANGUAGE)}
    for page in site.pages:
        field = page.type.recommendation_field
        if field is None or not page.valid:
            continue
        for index, number in enumerate(page.meta[field]):
            if number not in numbers:
                page.problems.append(
                    UNKNOWN_RECOMMENDATION.at(
                        page.path,
                        page.line_of(field, index),
                        1,
                        number=number,
                        numbers=", ".join(map(str, sorted(numbers))),
                    )
                )


@reports(DUPLICATE_EVENT_ID)
def _unique_event_ids(site: Site) -> None:
    seen_events: dict[str, SourcePage] = {}
    for page in site.pages:
        if not page.valid:
            continue
        for index, item in enumerate(page.meta.get("arrangementer", [])):
            if item["id"] in seen_events:
                page.problems.append(
                    DUPLICATE_EVENT_ID.at(
                        page.path,
                        page.line_of("arrangementer", index, "id"),
                        1,
                        id=item["id"],
                        other=seen_events[item["id"]].path,
                    )
                )
            seen_events[item["id"]] = page


def check_site(site: Site) -> None:
    """Run the cross-page rules on pages loaded one by one with load_page (as the validator does)."""
    site_rules(site)
    site.forget_lists()
