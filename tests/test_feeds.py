"""The news feed and calendar files (scripts/lib/boerneinddragelse/feeds.py), as built and as generated."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import feedparser
import pytest
from boerneinddragelse import feeds
from boerneinddragelse.dates import COPENHAGEN
from boerneinddragelse.site import Site, load_site
from boerneinddragelse.urls import page_url
from icalendar import Calendar

from conftest import ROOT, build_site, fixture_project

SITE_URL = "https://example.org/boern/"
FIXTURES = Path(__file__).parent / "fixtures" / "site"


@pytest.fixture(scope="module")
def source() -> Site:
    return load_site(ROOT / "docs")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built for its published address under a sub-path."""
    destination = tmp_path_factory.mktemp("published")
    result = build_site(destination, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return destination


@pytest.fixture(scope="module")
def published_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture site (tests/fixtures/byg/lille) built for the same address: events of known dates."""
    project = tmp_path_factory.mktemp("published-small")
    result = build_site(project / "site", docs_dir=fixture_project("lille", project), SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def fixture_site() -> Site:
    site = load_site(FIXTURES / "gyldig" / "docs")
    assert site.problems == []
    return site


def events_in(path: Path) -> list:
    calendar = Calendar.from_ical(path.read_bytes())
    return [c for c in calendar.walk() if c.name == "VEVENT"]


# ---------------------------------------------------------------------------- the Atom feed


def test_feed_parses_without_errors(built_site: Path, source: Site) -> None:
    parsed = feedparser.parse((built_site / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == [p.title for p in source.news()]
    assert [e.summary for e in parsed.entries] == [p.meta["description"] for p in source.news()]
    danish_files = [p for p in (ROOT / "docs" / "nyheder").glob("*.md") if p.suffixes == [".md"]]
    assert len(parsed.entries) == len(danish_files) - 1  # all but index.md


def test_feed_links_are_absolute_under_the_configured_site_url(published: Path, source: Site) -> None:
    parsed = feedparser.parse((published / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.link == SITE_URL + "nyheder/"
    assert parsed.feed.id == SITE_URL + "nyheder/"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [SITE_URL + "feed.xml"]
    expected = [SITE_URL + page_url(p.base, p.lang, True) for p in source.news()]
    assert [e.link for e in parsed.entries] == expected
    assert [e.id for e in parsed.entries] == expected
    for entry in parsed.entries:
        # Every link leads to a page the build actually wrote.
        assert (published / entry.link.removeprefix(SITE_URL) / "index.html").is_file()


def test_feed_dates_come_from_the_content(published: Path, source: Site) -> None:
    parsed = feedparser.parse((published / "feed.xml").read_bytes())
    newest = max(feeds.last_changed(p) for p in source.news())
    assert parsed.feed.updated.startswith(newest.isoformat())
    for entry, page in zip(parsed.entries, source.news(), strict=True):
        assert entry.published.startswith(page.meta["date"])
        assert entry.updated.startswith(feeds.last_changed(page).isoformat())


def test_feed_is_linked_from_danish_pages(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    # An alternate for feed readers (rel is a keyword list), but not Material's link[rel=alternate],
    # for which its bundle would fetch sitemap.xml on every page view.
    assert '<link rel="alternate feed" type="application/atom+xml" title="Nyheder" href="feed.xml">' in html


def test_atom_feed_is_deterministic(fixture_site: Site) -> None:
    first = feeds.atom_feed(fixture_site, SITE_URL, "Nyheder")
    second = feeds.atom_feed(load_site(FIXTURES / "gyldig" / "docs"), SITE_URL, "Nyheder")
    assert first == second
    assert first.startswith(b"<?xml version='1.0' encoding='utf-8'?>")


def test_atom_feed_without_directory_urls(fixture_site: Site) -> None:
    parsed = feedparser.parse(feeds.atom_feed(fixture_site, SITE_URL, "Nyheder", directory_urls=False))
    assert not parsed.bozo
    assert parsed.entries[0].link == SITE_URL + "nyheder/2024-01-01-konference.html"
    assert parsed.feed.link == SITE_URL + "nyheder/index.html"


# ---------------------------------------------------------------------------- last_changed


def test_last_changed_takes_the_latest_update(fixture_site: Site) -> None:
    # The updates of this item are listed out of order (2023-06-01, then 2023-05-20).
    page = fixture_site.by_rel["nyheder/2023-05-10-temamoede.md"]
    assert feeds.last_changed(page) == date(2023, 6, 1)


def test_last_changed_without_updates_is_the_publication_date(fixture_site: Site) -> None:
    assert feeds.last_changed(fixture_site.by_rel["nyheder/2024-01-01-konference.md"]) == date(2024, 1, 1)


# ---------------------------------------------------------------------------- calendar files


def test_calendar_files_exist_for_all_and_each_event(published: Path, source: Site) -> None:
    names = sorted(p.name for p in (published / "kalender").glob("*.ics"))
    assert names == sorted(["alle.ics", *(f"{e.id}.ics" for e in source.events())])


def test_all_events_calendar(published: Path, source: Site) -> None:
    vevents = events_in(published / "kalender" / "alle.ics")
    assert vevents
    assert len(vevents) == len(source.events())
    assert [str(v["summary"]) for v in vevents] == [e.title for e in source.events()]
    uids = [str(v["uid"]) for v in vevents]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@example.org") for uid in uids)
    for vevent in vevents:
        assert str(vevent["url"]).startswith(SITE_URL)
        assert f"Læs mere: {SITE_URL}" in str(vevent["description"])


def test_each_event_has_its_own_calendar_file(published: Path, source: Site) -> None:
    assert source.events()
    for event in source.events():
        (vevent,) = events_in(published / "kalender" / f"{event.id}.ics")
        assert str(vevent["uid"]) == f"{event.id}@example.org"
        assert str(vevent["summary"]) == event.title
        assert str(vevent["url"]) == SITE_URL + page_url(event.news.base, event.news.lang, True)


def test_one_day_event_is_an_all_day_event(published_small: Path) -> None:
    (vevent,) = events_in(published_small / "kalender" / "temamoede-test.ics")
    start, end = vevent.decoded("dtstart"), vevent.decoded("dtend")
    assert type(start) is date and start == date(2023, 6, 19)
    assert type(end) is date and end == date(2023, 6, 20)  # exclusive: the day after
    assert str(vevent["summary"]) == "Temamøde om inddragelse"
    assert "Tilmeldingsfrist: 09.06.2023 kl. 10.00" in str(vevent["description"])
    # Stamped with the news item's latest correction, never with the clock.
    assert vevent.decoded("dtstamp") == datetime(2023, 6, 1, tzinfo=COPENHAGEN)  # the fixture's correction


def test_multi_day_event_ends_the_day_after_its_last_day(fixture_site: Site) -> None:
    calendar = Calendar.from_ical(feeds.calendar(fixture_site.events(), SITE_URL))
    vevents = {str(v["uid"]): v for v in calendar.walk("VEVENT")}
    conference = vevents["konference-2024@example.org"]  # 5-6 March 2024, all day
    assert conference.decoded("dtstart") == date(2024, 3, 5)
    assert conference.decoded("dtend") == date(2024, 3, 7)


def test_timed_event_carries_copenhagen_time(fixture_site: Site) -> None:
    calendar = Calendar.from_ical(feeds.calendar(fixture_site.events(), SITE_URL))
    vevents = {str(v["uid"]): v for v in calendar.walk("VEVENT")}
    webinar = vevents["webinar-2023@example.org"]
    start, end = webinar.decoded("dtstart"), webinar.decoded("dtend")
    assert start == datetime(2023, 11, 8, 9, 30, tzinfo=COPENHAGEN)
    assert end == datetime(2023, 11, 8, 11, 0, tzinfo=COPENHAGEN)
    assert start.utcoffset().total_seconds() == 3600
    assert str(webinar["location"]) == "online"
    assert "Tilmelding: https://example.org/tilmelding" in str(webinar["description"])
    # The time zone is defined in the file, so calendar programs need not guess it.
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert str(vevents["temamoede-2023@example.org"]["location"]) == "Oplyses senere"


def _vevents(site: Site) -> dict[str, object]:
    calendar = Calendar.from_ical(feeds.calendar(site.events(), SITE_URL))
    return {str(v["uid"]).split("@")[0]: v for v in calendar.walk("VEVENT")}


def test_an_updated_event_carries_its_revision_as_sequence_and_last_modified(fixture_site: Site) -> None:
    vevents = _vevents(fixture_site)
    corrected = vevents["temamoede-2023"]  # its news item has two corrections, the latest on 1 June 2023
    assert corrected.decoded("sequence") == 2
    assert corrected.decoded("last-modified") == datetime(2023, 6, 1, tzinfo=COPENHAGEN)
    # RFC 5545: DTSTAMP and LAST-MODIFIED are written in UTC.
    assert corrected.decoded("last-modified").utcoffset().total_seconds() == 0
    assert corrected.decoded("dtstamp").utcoffset().total_seconds() == 0
    as_published = vevents["konference-2024"]
    assert as_published.decoded("sequence") == 0
    assert as_published.decoded("last-modified") == datetime(2024, 1, 1, tzinfo=COPENHAGEN)


def test_a_new_correction_raises_the_sequence_and_moves_last_modified(tmp_path: Path, fixture_site: Site) -> None:
    shutil.copytree(FIXTURES / "gyldig" / "docs", tmp_path / "docs")
    news = tmp_path / "docs" / "nyheder" / "2023-05-10-temamoede.md"
    text = news.read_text(encoding="utf-8")
    correction = "  - dato: 2023-07-03\n    note: Vi har rettet stedet for temamødet.\n"
    news.write_text(text.replace("opdateringer:\n", "opdateringer:\n" + correction), encoding="utf-8")
    corrected = load_site(tmp_path / "docs", on=date(2023, 7, 3))
    assert corrected.problems == []
    before, after = _vevents(fixture_site), _vevents(corrected)
    for event_id in ("temamoede-2023", "webinar-2023"):  # both events of the corrected news item
        assert after[event_id].decoded("sequence") == before[event_id].decoded("sequence") + 1
        assert after[event_id].decoded("last-modified") == datetime(2023, 7, 3, tzinfo=COPENHAGEN)
    assert after["konference-2024"].to_ical() == before["konference-2024"].to_ical()


def test_calendar_is_deterministic(fixture_site: Site) -> None:
    events = fixture_site.events()
    assert feeds.calendar(events, SITE_URL) == feeds.calendar(events, SITE_URL)


def test_write_all_writes_feed_and_calendars(tmp_path: Path, fixture_site: Site) -> None:
    written = feeds.write_all(fixture_site, tmp_path, SITE_URL, "Nyheder")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "feed.xml",
        "kalender/alle.ics",
        "kalender/konference-2024.ics",
        "kalender/temamoede-2023.ics",
        "kalender/webinar-2023.ics",
    ]
    assert all(p.is_file() for p in written)


def test_every_date_is_danish_time() -> None:
    """The one time zone the feeds, calendars and dates share (the tests above compare against it)."""
    assert COPENHAGEN.key == "Europe/Copenhagen"
