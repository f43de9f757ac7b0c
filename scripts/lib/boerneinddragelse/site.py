"""All pages of the docs tree, parsed once, with the lists the site is built from.

The MkDocs hooks and the validator both start here, so a page that breaks the
content model fails the build and the validator with the same message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from . import schema_check, vocabulary
from .analysis import Lexicon
from .filenames import page_name_problems, stray_markdown_problems
from .frontmatter import FrontMatter, control_characters, decode, split, too_large
from .model import (
    ANBEFALING,
    DEFAULT_LANGUAGE,
    MEDLEM,
    NYHED,
    PRAKSISEKSEMPEL,
    PageType,
    fields_of_one_type,
    has_menu_place,
    infer_page_type,
    page_type_for,
    parse_date,
    parse_local_time,
    slugify,
    split_language,
    today,
)
from .parsed_page import parse
from .problems import ERROR, Problem
from .rules import EARLIEST_YEAR, LATEST_YEARS_AHEAD, MAX_PAGE_BYTES, Rule
from .rules.fields import IMPLAUSIBLE_DATE, MISSING_FIELD
from .rules.files import FILE_NAME, FILE_NAME_CHARACTERS, WRONG_FOLDER
from .rules.news import DEADLINE_AFTER_START, DUPLICATE_EVENT_ID, FILE_NAME_DATE, UPDATE_IN_FUTURE
from .rules.pages import (
    DATE_ORDER,
    DUPLICATE_NUMBER,
    ILLUSTRATIVE_WITH_MUNICIPALITY,
    MENU_ORDER_PLACE,
    UNKNOWN_RECOMMENDATION,
)

_NAME_RULES = frozenset({FILE_NAME.id, FILE_NAME_CHARACTERS.id})


@dataclass
class SourcePage:
    rel: str  # path relative to docs/, e.g. "anbefalinger/index.en.md"
    path: str  # path shown in messages, relative to the repository root
    base: str  # rel without language suffix
    lang: str
    type: PageType
    front: FrontMatter
    problems: list[Problem] = field(default_factory=list)

    @property
    def meta(self) -> dict[str, Any]:
        return self.front.data

    @property
    def valid(self) -> bool:
        """True if the front matter can be used. A page whose only fault is its file name stays in the
        lists, so that the name is its one error (and not every link to it as well)."""
        return not any(p.severity == ERROR and p.rule not in _NAME_RULES for p in self.problems)

    @property
    def slug(self) -> str:
        return self.base.rsplit("/", 1)[-1][: -len(".md")]

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        return self.slug if value is None else str(value)

    def date(self, name: str) -> date | None:
        value = self.meta.get(name)
        return parse_date(value) if isinstance(value, str) else None

    def last_revised(self) -> date | None:
        """The revision date (or publication date), moved on by any later correction."""
        days = [d for d in (self.date("revideret") or self.date("date"),) if d is not None]
        days += [parse_date(u["dato"]) for u in self.meta.get("opdateringer", [])]
        return max(days, default=None)

    def line_of(self, *key: Any) -> int:
        return self.front.position(*key)[0]

    def error_at(self, key: tuple[Any, ...], message: str, rule: Rule) -> Problem:
        """An error at a front matter field (key: its path, such as ("opdateringer", 0, "dato"))."""
        line, column = self.front.position(*key)
        return rule.at(self.path, line, column, message)


@dataclass(frozen=True)
class Event:
    """One event announced in a news item, with its times parsed (Europe/Copenhagen)."""

    news: SourcePage
    id: str
    title: str
    start: datetime
    end: datetime | None
    all_day: bool
    place: str
    audience: str
    deadline: datetime | None
    registration: str | None


@dataclass
class Site:
    pages: list[SourcePage]
    # Problems of files that are not pages (a Markdown file ending in .MD or .markdown).
    file_problems: list[Problem] = field(default_factory=list)
    # Sorted lists, computed once: every example page asks for them, so recomputing them
    # per page would make the build grow with the square of the catalogue.
    _lists: dict[tuple[Any, ...], list[SourcePage]] = field(default_factory=dict, repr=False)

    def forget_lists(self) -> None:
        """Call after problems were added: a page's validity decides whether it is listed."""
        self._lists.clear()

    def _cached(self, key: tuple[Any, ...], compute: Any) -> list[SourcePage]:
        if key not in self._lists:
            self._lists[key] = compute()
        return self._lists[key]

    @cached_property
    def by_rel(self) -> dict[str, SourcePage]:
        return {p.rel: p for p in self.pages}

    @cached_property
    def lexicon(self) -> Lexicon:
        """The words of the Danish pages' prose: what the analyser splits compounds into."""
        return Lexicon.from_texts(
            text
            for page in self.pages
            if page.lang == DEFAULT_LANGUAGE
            for text in (
                page.title,
                str(page.meta.get("description", "")),
                parse(page.front.body, page.front.body_line).prose,
            )
        )

    @property
    def problems(self) -> list[Problem]:
        return sorted([*self.file_problems, *(p for page in self.pages for p in page.problems)])

    def _of_type(self, page_type: PageType, lang: str) -> list[SourcePage]:
        return [p for p in self.pages if p.type is page_type and p.lang == lang and p.valid]

    def recommendations(self, lang: str = DEFAULT_LANGUAGE) -> list[SourcePage]:
        return self._cached(
            ("recommendations", lang), lambda: sorted(self._of_type(ANBEFALING, lang), key=lambda p: p.meta["nummer"])
        )

    def recommendation(self, number: int, lang: str = DEFAULT_LANGUAGE) -> SourcePage | None:
        return next((p for p in self.recommendations(lang) if p.meta["nummer"] == number), None)

    def examples(self) -> list[SourcePage]:
        return self._cached(
            ("examples",),
            lambda: sorted(self._of_type(PRAKSISEKSEMPEL, DEFAULT_LANGUAGE), key=lambda p: p.title.casefold()),
        )

    def examples_for(self, number: int) -> list[SourcePage]:
        return self._cached(
            ("examples", number), lambda: [p for p in self.examples() if number in p.meta["anbefalinger"]]
        )

    def members(self, lang: str = DEFAULT_LANGUAGE) -> list[SourcePage]:
        return sorted(self._of_type(MEDLEM, lang), key=lambda p: p.title.casefold())

    def news(self) -> list[SourcePage]:
        """Newest first; ties broken by title so the order is stable."""
        items = self._of_type(NYHED, DEFAULT_LANGUAGE)
        return sorted(items, key=lambda p: (p.meta["date"], p.title), reverse=True)

    def events(self) -> list[Event]:
        """All events in all news items, soonest first."""
        return sorted((e for page in self.news() for e in events_of(page)), key=lambda e: (e.start, e.title))

    def translation(self, page: SourcePage, lang: str) -> SourcePage | None:
        rel = page.base if lang == DEFAULT_LANGUAGE else page.base[: -len(".md")] + f".{lang}.md"
        return self.by_rel.get(rel)


def events_of(page: SourcePage) -> list[Event]:
    events = []
    for item in page.meta.get("arrangementer", []):
        start_text = item["start"]
        end_text = item.get("slut")
        deadline = item.get("tilmeldingsfrist")
        events.append(
            Event(
                news=page,
                id=item["id"],
                title=item["titel"],
                start=parse_local_time(start_text),
                end=parse_local_time(end_text) if end_text else None,
                all_day=len(start_text) == 10,
                place=item.get("sted", ""),
                audience=item["maalgruppe"],
                deadline=parse_local_time(deadline) if deadline else None,
                registration=item.get("tilmelding"),
            )
        )
    return events


def load_page(docs_dir: Path, rel: str, display_prefix: str = "docs/", on: date | None = None) -> SourcePage:
    """Read and check one page on its own (cross-page checks happen in load_site); on is today's date."""
    path = display_prefix + rel
    size = (docs_dir / rel).stat().st_size
    if size > MAX_PAGE_BYTES:
        # Python-Markdown's time grows faster than the page: a huge file would stall every build.
        text, problems = "", [too_large(path, size)]
    else:
        text, problems = decode((docs_dir / rel).read_bytes(), path)
    if not problems:
        text = unicodedata.normalize("NFC", text)
        problems = control_characters(text, path)
    front = split(text, path) if not problems else FrontMatter()
    base, lang = split_language(rel)
    page = SourcePage(rel, path, base, lang, page_type_for(rel), front, problems + front.problems)
    if front.present and not page.problems:
        misplaced = wrong_folder(page)
        # A page in the wrong folder would get an error for every field its folder's type does not
        # know; the one message that matters is where it belongs.
        page.problems.extend([misplaced] if misplaced else schema_check.check(page.type, front, path))
    if page.valid:
        page.problems.extend(_page_rules(page) + news_dates(page, on or today()) + menu_order(page))
    if page.valid:
        page.problems.extend(_implausible_dates(page, on or today()))
    page.problems.extend(page_name_problems(rel, path))
    return page


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


def _implausible_dates(page: SourcePage, on: date) -> list[Problem]:
    """Dates outside a window around today (on): almost always a typing error such as 2999 for 2024."""
    latest = on.year + LATEST_YEARS_AHEAD
    problems = []
    for key, value in _date_fields(page.type.schema, page.meta, ()):
        year = int(value[:4])
        if year < EARLIEST_YEAR or year > latest:
            problems.append(
                page.error_at(
                    key,
                    f"Datoen {value} ligger uden for det mulige: datoer skal ligge mellem år {EARLIEST_YEAR} og "
                    f"{latest} ({LATEST_YEARS_AHEAD} år frem). Ret årstallet.",
                    IMPLAUSIBLE_DATE,
                )
            )
    return problems


def _folder_text(rel: str) -> str:
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    return f"docs/{folder}/" if folder else "docs/ (roden)"


def _place_for(page: SourcePage, page_type: PageType) -> str:
    """Where a misplaced page belongs (relative to docs/), named after its type's convention."""
    stem = re.sub(r"^(\d{4}-\d{2}-\d{2}-|\d+-)", "", page.slug) or page.slug
    if page.slug == "index":
        stem = slugify(page.title) or "side"
    published, number = page.meta.get("date"), page.meta.get("nummer")
    if page_type is NYHED and isinstance(published, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        stem = f"{published}-{stem}"  # news: the publication date first
    elif page_type is ANBEFALING and isinstance(number, int) and not isinstance(number, bool):
        stem = f"{number}-{stem}"  # recommendations: the number first
    suffix = "" if page.lang == DEFAULT_LANGUAGE else f".{page.lang}"
    return f"{page_type.folder}/{stem}{suffix}.md"


def _complete(page_type: PageType, meta: dict[str, Any]) -> bool:
    return all(name in meta for name in page_type.schema["required"])


def wrong_folder(page: SourcePage) -> Problem | None:
    """One forkert-mappe error if the front matter's fields show a type that belongs in another folder."""
    meta = page.meta
    inferred = infer_page_type(meta)
    if inferred is None or inferred is page.type or inferred.folder is None:
        return None
    evidence = [name for name in meta if fields_of_one_type().get(name) is inferred]
    if page.type.folder and len(evidence) == 1 and _complete(page.type, meta) and not _complete(inferred, meta):
        return None  # a whole page of its folder's type with one stray field: ukendt-felt says it better
    shown = ", ".join(f"»{name}«" for name in (evidence or meta))
    label = inferred.label.lower()
    if page.slug == "index":
        where = f"er {page.rel.rsplit('/', 1)[-1]}, som altid er en almindelig side (mappens forside)"
    elif page.type.folder:
        where = f"ligger i {_folder_text(page.rel)}, hvor siderne er af typen {page.type.label.lower()}"
    else:
        where = f"ligger i {_folder_text(page.rel)}"
    fix = f"Flyt filen til {page.path[: len(page.path) - len(page.rel)]}{_place_for(page, inferred)}"
    if not evidence and page.type.folder:
        missing = [name for name in page.type.schema["required"] if name not in meta]
        fix += f", eller tilføj felterne for typen {page.type.label.lower()}: {', '.join(missing)}"
    return WRONG_FOLDER.at(
        page.path,
        page.line_of(evidence[0]) if evidence else 1,
        1,
        f"{'Feltet' if len(evidence) == 1 else 'Felterne'} {shown} viser, at siden er af typen {label}, "
        f"men den {where}. {fix}. "
        "Sidetypen bestemmes af mappen, så felterne bliver først tjekket, når filen ligger det rigtige sted.",
    )


def _page_rules(page: SourcePage) -> list[Problem]:
    """Rules that involve more than one field of the same page."""
    problems = []

    def add(key: tuple[Any, ...], message: str, rule: Rule) -> None:
        problems.append(page.error_at(key, message, rule))

    meta = page.meta
    if page.type is PRAKSISEKSEMPEL:
        if meta.get("illustrativ") and "kommune" in meta:
            add(
                ("kommune",),
                "Et illustrativt eksempel må ikke nævne en rigtig kommune. Slet feltet »kommune« "
                "eller sæt »illustrativ: false«, hvis eksemplet er fra kommunen.",
                ILLUSTRATIVE_WITH_MUNICIPALITY,
            )
        if meta.get("illustrativ") is False and "kommune" not in meta:
            add(("illustrativ",), "Et eksempel fra en rigtig kommune skal have feltet »kommune«.", MISSING_FIELD)
    if "date" in meta and "revideret" in meta and meta["revideret"] < meta["date"]:
        add(("revideret",), "»revideret« kan ikke ligge før »date«. Ret en af datoerne.", DATE_ORDER)
    for index, update in enumerate(meta.get("opdateringer", [])):
        if update["dato"] < meta["date"]:
            add(
                ("opdateringer", index, "dato"),
                f"Rettelsens »dato« ({update['dato']}) ligger før nyhedens »date« ({meta['date']}). En rettelse "
                "kommer efter nyheden: skriv den dag, du retter nyheden.",
                DATE_ORDER,
            )
    for index, item in enumerate(meta.get("arrangementer", [])):
        start = parse_local_time(item["start"])
        if item.get("slut") and parse_local_time(item["slut"]) < start:
            add(
                ("arrangementer", index, "slut"),
                "Arrangementet slutter, før det starter. Ret »slut«.",
                DATE_ORDER,
            )
        deadline = parse_local_time(item["tilmeldingsfrist"]) if item.get("tilmeldingsfrist") else None
        # An event given by date only lasts the whole day: a deadline that morning is not too late.
        too_late = deadline is not None and (
            deadline.date() > start.date() if len(item["start"]) == 10 else deadline > start
        )
        if too_late:
            add(
                ("arrangementer", index, "tilmeldingsfrist"),
                "Tilmeldingsfristen ligger efter arrangementets start. Ret fristen eller starttidspunktet.",
                DEADLINE_AFTER_START,
            )
    return problems


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


def news_dates(page: SourcePage, on: date) -> list[Problem]:
    """A news item's corrections are not dated after today, and the date its file name starts with is its date."""
    if page.type is not NYHED:
        return []
    problems = []
    for index, update in enumerate(page.meta.get("opdateringer", [])):
        if parse_date(update["dato"]) > on:
            problems.append(
                page.error_at(
                    ("opdateringer", index, "dato"),
                    f"Rettelsens »dato« ({update['dato']}) ligger i fremtiden; i dag er det {on.isoformat()}. "
                    "Skriv den dag, du retter nyheden, og læg rettelsen ind, når den er sket.",
                    UPDATE_IN_FUTURE,
                )
            )
    name = page.slug
    match = _DATED_NAME.match(name)
    if match and match.group(1) != page.meta["date"]:
        rest = name[match.end() :]
        suffix = "" if page.lang == DEFAULT_LANGUAGE else f".{page.lang}"
        problems.append(
            page.error_at(
                ("date",),
                f"Filnavnet starter med datoen {match.group(1)}, men »date« er {page.meta['date']}. Filnavnet "
                f"skal starte med udgivelsesdatoen: ret »date«, eller omdøb filen til "
                f"»{page.meta['date']}-{rest}{suffix}.md« (og ret links til nyheden).",
                FILE_NAME_DATE,
            )
        )
    return problems


def menu_order(page: SourcePage) -> list[Problem]:
    """nav_orden only where the menu has a place for it: root pages and the folders' front pages."""
    if "nav_orden" not in page.meta or has_menu_place(page.rel):
        return []
    return [
        page.error_at(
            ("nav_orden",),
            "»nav_orden« bestemmer rækkefølgen i hovedmenuen og må kun stå på sider i roden af docs/ og på "
            "mappernes forsider (index.md). Slet feltet her; siden får sin plads ud fra sin mappe.",
            MENU_ORDER_PLACE,
        )
    ]


def _site_rules(site: Site) -> None:
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
    _site_rules(site)
    site.forget_lists()


def markdown_files(docs_dir: Path) -> list[str]:
    """The pages under docs_dir: files ending in ``.md`` exactly (also where the file system ignores case)
    that stay inside it (folders named like pages and symlinks that leave docs/ are reported, never read)."""
    root = docs_dir.resolve()
    found = []
    for path in docs_dir.rglob("*.md"):
        try:
            inside = root in path.resolve().parents
        except (OSError, RuntimeError):  # a symlink loop
            inside = False
        if path.suffix == ".md" and inside and path.is_file():
            found.append(path.relative_to(docs_dir).as_posix())
    return sorted(found)


def load_site(
    docs_dir: Path, rels: list[str] | None = None, display_prefix: str = "docs/", on: date | None = None
) -> Site:
    """Parse every Markdown page under docs_dir (or the given ones) and run the model's rules; on is today."""
    site = Site([load_page(docs_dir, rel, display_prefix, on) for rel in (rels or markdown_files(docs_dir))])
    if rels is None:
        site.file_problems = stray_markdown_problems(docs_dir, display_prefix)
    check_site(site)
    return site


def term_label(vocabulary_name: str, slug: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return vocabulary.terms(vocabulary_name)[slug].label(lang)
