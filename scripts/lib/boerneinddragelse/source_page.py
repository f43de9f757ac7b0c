"""One source page of the docs tree as the model read it: its path, language, type, front matter and
problems; and the events a news item announces."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .dates import parse_date, parse_local_time
from .frontmatter import FrontMatter
from .model import PageType
from .problems import ERROR, Problem
from .rules import Rule
from .rules.files import FILE_NAME, FILE_NAME_CHARACTERS
from .sourcepaths import without_suffix

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
        return without_suffix(self.base.rsplit("/", 1)[-1])

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

    def error_at(self, key: tuple[Any, ...], rule: Rule, *, wording: str = "", **fields: object) -> Problem:
        """An error at a front matter field (key: its path, such as ("opdateringer", 0, "dato"))."""
        line, column = self.front.position(*key)
        return rule.at(self.path, line, column, wording=wording, **fields)


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
