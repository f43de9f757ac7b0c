"""The news feed (Atom) and calendar files (iCalendar) with absolute URLs from site_url.

Timestamps come from the content, never from the clock, so two builds give identical files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .dates import COPENHAGEN, parse_date
from .model import DEFAULT_LANGUAGE, NYHED
from .site import Event, Site, SourcePage
from .urls import page_url

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
CALENDAR_DIR = "kalender"
ALL_EVENTS = "alle"


def _stamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=COPENHAGEN).isoformat()


def last_changed(page: SourcePage) -> date:
    """When a news item last changed: its publication or revision date, or a later correction."""
    changed = page.last_revised()
    assert changed is not None  # news items always have a date (the schema requires it)
    return changed


def revision(page: SourcePage) -> int:
    """How many times a news item was corrected: the SEQUENCE of its events (0 as published).

    Corrections are only ever added (CONTRIBUTING: »Ret en nyhed«), so each one raises it by one.
    """
    return len(page.meta.get("opdateringer", []))


def atom_feed(site: Site, site_url: str, title: str, directory_urls: bool = True) -> bytes:
    """An Atom 1.0 feed of all news items, newest first."""
    ET.register_namespace("", ATOM)
    news = site.news()
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})
    index_url = urljoin(site_url, page_url(NYHED.index_page, DEFAULT_LANGUAGE, directory_urls))
    ET.SubElement(feed, f"{{{ATOM}}}id").text = index_url
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    updated = max((last_changed(p) for p in news), default=date(2023, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urljoin(site_url, FEED_PATH)})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": index_url})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Videnscenter om børneinddragelse og udsatte børns liv"
    for page in news:
        url = urljoin(site_url, page_url(page.base, page.lang, directory_urls))
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}title").text = page.title
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(parse_date(page.meta["date"]))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(last_changed(page))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = page.meta["description"]
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _calendar_event(event: Event, site_url: str, directory_urls: bool) -> CalendarEvent:
    url = urljoin(site_url, page_url(event.news.base, event.news.lang, directory_urls))
    item = CalendarEvent()
    item.add("uid", f"{event.id}@{urlsplit(site_url).hostname or 'localhost'}")
    item.add("summary", event.title)
    changed = datetime.combine(last_changed(event.news), time(0, 0), tzinfo=COPENHAGEN).astimezone(UTC)
    item.add("dtstamp", changed)  # UTC, as RFC 5545 requires; from the content, never from the clock
    # Calendar programs that imported the event replace it only by a version with a higher SEQUENCE.
    item.add("sequence", revision(event.news))
    item.add("last-modified", changed)
    if event.all_day:
        item.add("dtstart", event.start.date())
        # DTEND of an all-day event is exclusive: the day after the last day.
        item.add("dtend", (event.end or event.start).date() + timedelta(days=1))
    else:
        item.add("dtstart", event.start.replace(tzinfo=COPENHAGEN))
        if event.end:
            item.add("dtend", event.end.replace(tzinfo=COPENHAGEN))
    item.add("location", event.place or "Oplyses senere")
    lines = [f"Målgruppe: {event.audience}"]
    if event.deadline:
        lines.append(f"Tilmeldingsfrist: {event.deadline:%d.%m.%Y} kl. {event.deadline:%H.%M}")
    if event.registration:
        lines.append(f"Tilmelding: {event.registration}")
    lines.append(f"Læs mere: {url}")
    item.add("description", "\n".join(lines))
    item.add("url", url)
    return item


def calendar(events: list[Event], site_url: str, directory_urls: bool = True) -> bytes:
    """An iCalendar file with the given events."""
    cal = Calendar()
    cal.add("prodid", "-//Videnscenter om børneinddragelse og udsatte børns liv//Arrangementer//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-timezone", COPENHAGEN.key)
    for event in events:
        cal.add_component(_calendar_event(event, site_url, directory_urls))
    cal.add_missing_timezones()
    return cal.to_ical()


def write_all(site: Site, site_dir: Path, site_url: str, title: str, directory_urls: bool = True) -> list[Path]:
    """Write feed.xml and kalender/*.ics into the built site; return the files written."""
    written = [site_dir / FEED_PATH]
    written[0].write_bytes(atom_feed(site, site_url, title, directory_urls))
    folder = site_dir / CALENDAR_DIR
    folder.mkdir(parents=True, exist_ok=True)
    events = site.events()
    for name, chosen in [(ALL_EVENTS, events), *((e.id, [e]) for e in events)]:
        path = folder / f"{name}.ics"
        path.write_bytes(calendar(chosen, site_url, directory_urls))
        written.append(path)
    return written
