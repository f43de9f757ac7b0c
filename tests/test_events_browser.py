"""Event status in the reader's browser (docs/assets/javascripts/arrangementer.js), with a faked clock.

The page is static; whether an event is upcoming or past, and whether registration is open,
is decided in the browser from today's date. Playwright's clock stands in for "today".
The events are those of the small fixture site (tests/fixtures/byg/lille), not today's content.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from boerneinddragelse.dates import COPENHAGEN
from boerneinddragelse.site import load_site
from playwright.sync_api import expect

from conftest import SITE_FIXTURES

pytestmark = pytest.mark.browser

EVENTS_PAGE = "arrangementer/"
NEWS_PAGE = "nyheder/2023-05-10-temamoede-og-netvaerk/"
NEWS_SOURCE = "nyheder/2023-05-10-temamoede-og-netvaerk.md"
MEETING = "temamoede-test"  # 19 June 2023, all day; registration until 9 June 2023 10:00
NETWORK = "netvaerk-test"  # 1-31 October 2023, no registration deadline
DOCS = SITE_FIXTURES / "lille" / "docs"


def copenhagen(*args: int) -> datetime:
    return datetime(*args, tzinfo=COPENHAGEN)


def status(page, event_id: str):
    return page.locator(f"li[data-arrangement]:has(#{event_id}) [data-arrangement-status]")


def open_at(page, url: str, now: datetime) -> None:
    # The clock must be set before the page loads: arrangementer.js reads the date once, on load.
    page.clock.set_fixed_time(now)
    page.goto(url)


@pytest.mark.parametrize("path", [EVENTS_PAGE, NEWS_PAGE])
@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (copenhagen(2023, 6, 1, 12, 0), "Kommende · Tilmeldingen er åben"),
        (copenhagen(2023, 6, 9, 9, 59), "Kommende · Tilmeldingen er åben"),
        (copenhagen(2023, 6, 9, 11, 0), "Kommende · Tilmeldingsfristen er udløbet"),
        # An all-day event is upcoming until its day is over.
        (copenhagen(2023, 6, 19, 15, 0), "Kommende · Tilmeldingsfristen er udløbet"),
        (copenhagen(2023, 6, 20, 8, 0), "Afholdt"),
    ],
    ids=["1-juni", "9-juni-9.59", "9-juni-11.00", "19-juni-15.00", "20-juni"],
)
def test_national_theme_meeting_status(page, small_site_url: str, path: str, now: datetime, expected: str) -> None:
    open_at(page, small_site_url + path, now)
    shown = status(page, MEETING)
    expect(shown).to_be_visible()
    expect(shown).to_have_text(expected)


def test_registration_link_state_follows_the_deadline(page, small_site_url: str) -> None:
    open_at(page, small_site_url + EVENTS_PAGE, copenhagen(2023, 6, 1, 12, 0))
    event = page.locator(f"li[data-arrangement]:has(#{MEETING})")
    expect(event).to_have_attribute("data-tid", "kommende")
    expect(event).to_have_attribute("data-tilmeldingsstatus", "aaben")
    open_at(page, small_site_url + EVENTS_PAGE, copenhagen(2023, 6, 20, 8, 0))
    expect(event).to_have_attribute("data-tid", "afholdt")
    expect(event).to_have_attribute("data-tilmeldingsstatus", "lukket")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (copenhagen(2023, 9, 1, 12, 0), "Kommende"),
        (copenhagen(2023, 10, 31, 20, 0), "Kommende"),  # the last day of a multi-day event
        (copenhagen(2023, 11, 1, 0, 30), "Afholdt"),
    ],
)
def test_event_without_deadline_shows_no_registration_status(
    page, small_site_url: str, now: datetime, expected: str
) -> None:
    open_at(page, small_site_url + EVENTS_PAGE, now)
    expect(status(page, NETWORK)).to_have_text(expected)


def test_every_event_gets_a_status(page, small_site_url: str) -> None:
    open_at(page, small_site_url + EVENTS_PAGE, copenhagen(2023, 6, 1, 12, 0))
    statuses = page.locator("li[data-arrangement] [data-arrangement-status]")
    assert statuses.count() == len(load_site(DOCS).events()) > 0
    for index in range(statuses.count()):
        expect(statuses.nth(index)).to_be_visible()
        expect(statuses.nth(index)).to_contain_text("Kommende")


def test_status_does_not_depend_on_the_readers_time_zone(browser, small_site_url: str) -> None:
    # 05:00 in New York is 11:00 in Copenhagen: the 10:00 deadline has passed for everyone.
    context = browser.new_context(timezone_id="America/New_York", locale="da-DK")
    page = context.new_page()
    open_at(page, small_site_url + EVENTS_PAGE, datetime(2023, 6, 9, 5, 0, tzinfo=ZoneInfo("America/New_York")))
    expect(status(page, MEETING)).to_have_text("Kommende · Tilmeldingsfristen er udløbet")
    context.close()


def test_faked_clock_installed_before_navigation(page, small_site_url: str) -> None:
    page.clock.install(time=copenhagen(2023, 6, 9, 11, 0))
    page.goto(small_site_url + NEWS_PAGE)
    expect(status(page, MEETING)).to_have_text("Kommende · Tilmeldingsfristen er udløbet")


@pytest.mark.parametrize("path", [EVENTS_PAGE, NEWS_PAGE])
def test_without_javascript_dates_show_plainly_and_no_status(browser, small_site_url: str, path: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(small_site_url + path)
    event = page.locator(f"li[data-arrangement]:has(#{MEETING})")
    expect(event.locator("time[datetime='2023-06-19']")).to_have_text("19. juni 2023")
    expect(event.locator("time[datetime='2023-06-09T10:00:00+02:00']")).to_have_text("9. juni 2023 kl. 10.00")
    expect(event).to_contain_text("Tidspunkt")
    expect(event).to_contain_text("Tilmeldingsfrist")
    shown = status(page, MEETING)
    expect(shown).to_be_hidden()
    expect(shown).to_have_text("")
    site = load_site(DOCS)
    expected = site.events() if path == EVENTS_PAGE else site.by_rel[NEWS_SOURCE].meta["arrangementer"]
    events = page.locator("ul.arrangementer")
    expect(events.locator("[data-arrangement]")).to_have_count(len(expected))
    for word in ("Kommende", "Afholdt", "Tilmeldingen er åben", "Tilmeldingsfristen er udløbet"):
        expect(events.get_by_text(re.compile(word))).to_have_count(0)
    context.close()


# ---------------------------------------------------------------------------- order on the events page


def _ends(event) -> datetime:
    """When an event is over, as arrangementer.js reads it: an all-day event lasts its whole last day."""
    end = event.end or event.start
    if event.all_day:
        end = end.replace(hour=23, minute=59, second=59)
    return end.replace(tzinfo=COPENHAGEN)


def _expected_order(events: list, now: datetime) -> list[str]:
    """Upcoming events nearest first, then past events latest first (ties in the built order)."""
    built = sorted(events, key=lambda e: e.start, reverse=True)
    upcoming = sorted((e for e in built if now <= _ends(e)), key=lambda e: e.start)
    past = [e for e in built if now > _ends(e)]
    return [e.id for e in upcoming + past]


def _shown_order(page) -> list[str]:
    return page.locator("ul.arrangementer li[data-arrangement] .arrangement__titel").evaluate_all(
        "headings => headings.map(h => h.id)"
    )


def test_upcoming_events_come_first_nearest_first_then_past_ones_latest_first(page, small_site_url: str) -> None:
    events = load_site(DOCS).events()
    # A moment with both upcoming and past events, taken from the content (the start of an event).
    moments = [e.start.replace(tzinfo=COPENHAGEN) for e in events]
    now = next((m for m in moments if any(m > _ends(e) for e in events)), None)
    if now is None:
        pytest.skip("the content has no two events of which one is over when the other starts")
    expected = _expected_order(events, now)
    upcoming = [e for e in events if now <= _ends(e)]
    assert 0 < len(upcoming) < len(events)
    open_at(page, small_site_url + EVENTS_PAGE, now)
    expect(page.locator("[data-arrangement-status]").first).to_be_visible()
    assert _shown_order(page) == expected
    first = page.locator("ul.arrangementer li[data-arrangement]").first
    expect(first).to_have_attribute("data-tid", "kommende")


def test_when_every_event_is_over_the_latest_comes_first(page, small_site_url: str) -> None:
    events = load_site(DOCS).events()
    after_all = max(_ends(e) for e in events).replace(year=max(_ends(e) for e in events).year + 1)
    open_at(page, small_site_url + EVENTS_PAGE, after_all)
    expect(page.locator("[data-arrangement-status]").first).to_be_visible()
    assert _shown_order(page) == [e.id for e in sorted(events, key=lambda e: e.start, reverse=True)]


def test_without_javascript_the_latest_event_comes_first(browser, small_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(small_site_url + EVENTS_PAGE)
    events = load_site(DOCS).events()
    assert _shown_order(page) == [e.id for e in sorted(events, key=lambda e: e.start, reverse=True)]
    context.close()
