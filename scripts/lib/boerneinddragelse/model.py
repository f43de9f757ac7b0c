"""The content model: one front matter schema per page type, defined once.

The validator, the MkDocs hooks, the editors' page templates (scripts/new.py) and
the JSON Schema files in schemas/ are all derived from PAGE_TYPES below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import schema_parts as parts
from . import vocabulary

# Re-exported: modules that ask the model for dates, slugs, patterns and languages (each has its own home).
from .dates import COPENHAGEN as COPENHAGEN
from .dates import parse_date as parse_date
from .dates import parse_local_time as parse_local_time
from .dates import today as today
from .schema_parts import DATE_PATTERN as DATE_PATTERN
from .schema_parts import LOCAL_TIME_PATTERN as LOCAL_TIME_PATTERN
from .slugs import DANISH_LETTERS as DANISH_LETTERS
from .slugs import heading_slug as heading_slug
from .slugs import is_valid_slug as is_valid_slug
from .slugs import slugify as slugify
from .sourcepaths import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE
from .sourcepaths import INDEX, is_index
from .sourcepaths import LANGUAGES as LANGUAGES
from .sourcepaths import split_language as split_language


# One object per type, compared and hashed by identity, so a type can key a table of its behaviour.
@dataclass(frozen=True, eq=False)
class PageType:
    name: str  # id used by scripts/new.py and in messages
    label: str  # what editors call it, in Danish
    folder: str | None  # docs/<folder>/ holds pages of this type (index.md excepted)
    schema: dict[str, Any]  # JSON Schema of the front matter
    body: str  # the fixed body structure, used as the template for new pages
    translatable_fields: tuple[str, ...] = ()  # must agree between a page and its translation
    # Pages of this type are left out of the navigation and reached through this marker on
    # docs/<folder>/index.md instead (a navigation listing a whole catalogue grows with its square).
    index_marker: str | None = None
    # Weight of the type's pages in the site search (Material's search.boost); None: Material's default.
    search_boost: float | None = None
    # The front matter field a file name starts with: ``2024-06-19-titel.md``, ``4-titel.md``.
    file_prefix: str | None = None
    # A field whose value only one page per language may have (``nummer``: one recommendation 4).
    unique_field: str | None = None
    # Fields that, with title and language, tell two pages of the type apart (dobbelt-side).
    distinguishing_fields: tuple[str, ...] = ()
    # A field listing the numbers of the recommendations a page shows (each must exist).
    recommendation_field: str | None = None

    def __reduce__(self) -> str | tuple[Any, ...]:
        """A type of PAGE_TYPES is sent between processes (two_processes) by name, so that it arrives as the
        same object: types are compared by identity."""
        if PAGE_TYPES.get(self.name) is self:
            return _page_type_named, (self.name,)
        return super().__reduce__()

    @property
    def index_page(self) -> str:
        """The section's front page, relative to docs/."""
        return f"{self.folder}/{INDEX}"

    @property
    def index_only(self) -> bool:
        """Pages of the type are listed on their section's front page, not in the navigation."""
        return self.index_marker is not None

    @property
    def dated_file_names(self) -> bool:
        """File names start with a date field (``2024-06-19-titel.md``), which must be the page's date."""
        return self.file_prefix is not None and self.schema["properties"][self.file_prefix].get("format") == "date"

    @property
    def can_be_illustrative(self) -> bool:
        """The type has the field ``illustrativ``: a page written for illustration, not from a municipality."""
        return "illustrativ" in self.schema["properties"]

    @property
    def part_templates(self) -> tuple[str, str]:
        """The partials shown above and below the text of the type's pages, where they exist."""
        return f"{self.name}-top.html", f"{self.name}-bund.html"

    def file_stem(self, stem: str, meta: dict[str, Any]) -> str:
        """The file name stem a page with these fields gets: its prefix field first, where the value has the
        field's kind (a whole number, or a date written ÅÅÅÅ-MM-DD)."""
        if self.file_prefix is None:
            return stem
        value = meta.get(self.file_prefix)
        if self.dated_file_names:
            usable = isinstance(value, str) and re.fullmatch(DATE_PATTERN, value) is not None
        else:
            usable = isinstance(value, int) and not isinstance(value, bool)
        return f"{value}-{stem}" if usable else stem

    def menu_order(self, meta: dict[str, Any], default: int) -> Any:
        """A page's place among its siblings in the menu: ``nav_orden``, else its unique field (a recommendation's
        number), else default."""
        by_type = meta.get(self.unique_field, default) if self.unique_field else default
        return meta.get("nav_orden", by_type)

    def is_illustrative(self, meta: dict[str, Any]) -> bool:
        """A page written for illustration (``illustrativ: true``), where the type has the field."""
        return self.can_be_illustrative and bool(meta.get("illustrativ"))

    def duplicate_key(self, meta: dict[str, Any]) -> tuple[str, ...]:
        """What, besides type, language and title, two pages must share to describe the same thing."""
        return tuple(str(meta.get(name, "")) for name in self.distinguishing_fields)


ANBEFALING = PageType(
    name="anbefaling",
    label="Anbefaling",
    folder="anbefalinger",
    schema=parts.schema(
        "Anbefaling",
        {
            "nummer": {"type": "integer", "minimum": 1, "maximum": 7, "description": "Anbefalingens nummer, 1-7."},
            "kort_titel": parts.text("Kort titel til lister og links, f.eks. »Fælles børnesyn«.", 3, 60),
            "gruppe": {
                "type": "string",
                "enum": list(vocabulary.terms("grupper")),
                "description": "rammer (organisatoriske rammer) eller praksis (den konkrete sag).",
            },
            "lundy": parts.choices("lundy", "De elementer i Lundys model, anbefalingen især handler om.", 0),
        },
        ["revideret", "nummer", "kort_titel", "gruppe"],
    ),
    body=(
        "## Hvad anbefales?\n\n\n\n## Hvorfor er det vigtigt?\n\n\n\n"
        "## Sådan kan I arbejde med anbefalingen\n\n\n\n## Praksiseksempler\n\n<!-- praksiseksempler -->\n"
    ),
    translatable_fields=("nummer", "gruppe", "lundy", "revideret"),
    # The recommendations are what the site is about: rank them above pages that mention them.
    search_boost=2,
    file_prefix="nummer",
    unique_field="nummer",
)

PRAKSISEKSEMPEL = PageType(
    name="praksiseksempel",
    label="Praksiseksempel",
    folder="praksiseksempler",
    schema=parts.schema(
        "Praksiseksempel",
        {
            "anbefalinger": {
                "type": "array",
                "items": {"type": "integer", "minimum": 1, "maximum": 7},
                "minItems": 1,
                "uniqueItems": True,
                "description": "Numrene på de anbefalinger, eksemplet viser (1-7).",
            },
            "temaer": parts.choices("temaer", "Et eller flere af hjemmesidens temaer."),
            "maalgruppe": parts.choices("maalgrupper", "De aldersgrupper, eksemplet handler om."),
            "kommune": {
                "type": "string",
                "enum": list(vocabulary.municipalities()),
                "description": "Kommunens navn, som det står i listen over de 98 kommuner (f.eks. »Aarhus«). "
                "Udelades for illustrative eksempler.",
            },
            "sagstrin": {
                "type": "string",
                "enum": list(vocabulary.case_step_ids()),
                "description": "Det trin i sagen, eksemplet viser (f.eks. "
                "»barnets-plan«). Eksemplet vises så under trinnet på siden »Barnets vej gennem sagen«. Kan udelades.",
            },
            "illustrativ": {
                "type": "boolean",
                "description": "true, hvis eksemplet er konstrueret til illustration og ikke fra en rigtig kommune.",
            },
            "date": parts.date("Datoen, eksemplet blev offentliggjort (ÅÅÅÅ-MM-DD)."),
            "kontakt": parts.object_of(
                {
                    "navn": parts.text("Kontaktpersonens navn eller funktion.", 2, 120),
                    "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "description": "E-mail."},
                },
                ["navn"],
                "Hvem man kan kontakte om eksemplet.",
            ),
            "materialer": {
                "type": "array",
                "items": parts.object_of(
                    {
                        "titel": parts.text("Materialets titel.", 2, 160),
                        "url": {"type": "string", "pattern": r"^(https?://|\.{0,2}/?[\w-])", "description": "Link."},
                    },
                    ["titel", "url"],
                ),
                "description": "Links til materialer, f.eks. skabeloner eller samtaleguides.",
            },
        },
        ["anbefalinger", "temaer", "maalgruppe", "illustrativ", "date", "revideret"],
    ),
    body=("## Baggrund\n\n\n\n## Sådan gør vi\n\n\n\n## Erfaringer\n\n\n\n## Gode råd\n\n\n"),
    index_marker="katalog",
    distinguishing_fields=("kommune",),
    recommendation_field="anbefalinger",
)

NYHED = PageType(
    name="nyhed",
    label="Nyhed",
    folder="nyheder",
    schema=parts.schema(
        "Nyhed",
        {
            "date": parts.date("Nyhedens udgivelsesdato (ÅÅÅÅ-MM-DD)."),
            "opdateringer": {
                "type": "array",
                "items": parts.object_of(
                    {
                        "dato": parts.date("Datoen for rettelsen."),
                        "note": parts.text("Kort redaktionel note om, hvad der er rettet.", 5, 400),
                    },
                    ["dato", "note"],
                ),
                "description": "Senere rettelser, vist som rettelsesnote på siden.",
            },
            "arrangementer": {
                "type": "array",
                "items": parts.object_of(
                    {
                        "id": {
                            "type": "string",
                            "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                            "description": "Kort, fast id med små bogstaver og bindestreger "
                            "(bruges i kalenderfilens navn).",
                        },
                        "titel": parts.text("Arrangementets titel.", 3, 160),
                        "start": {
                            "anyOf": [parts.date("Startdato."), parts.local_time("Start, ÅÅÅÅ-MM-DD TT:MM.")],
                            "description": "Start: dato (ÅÅÅÅ-MM-DD) eller dato og klokkeslæt (ÅÅÅÅ-MM-DD TT:MM).",
                        },
                        "slut": {
                            "anyOf": [parts.date("Slutdato."), parts.local_time("Slut, ÅÅÅÅ-MM-DD TT:MM.")],
                            "description": "Slut, hvis det kendes.",
                        },
                        "sted": parts.text("Sted eller »online«.", 2, 200),
                        "maalgruppe": parts.text("Hvem arrangementet er for.", 3, 300),
                        "tilmeldingsfrist": parts.local_time("Tilmeldingsfrist, ÅÅÅÅ-MM-DD TT:MM (dansk tid)."),
                        "tilmelding": {
                            "type": "string",
                            "pattern": r"^https?://",
                            "description": "Link til tilmelding.",
                        },
                    },
                    ["id", "titel", "start", "maalgruppe"],
                ),
                "description": "Arrangementer, nyheden annoncerer.",
            },
        },
        ["date"],
    ),
    body="Skriv nyheden her. Det vigtigste først.\n",
    index_marker="nyheder",
    file_prefix="date",
)

MEDLEM = PageType(
    name="medlem",
    label="Medlem af partnerskabet",
    folder="partnerskab",
    schema=parts.schema(
        "Medlem af partnerskabet",
        {
            "forkortelse": parts.text("Organisationens forkortelse, f.eks. »KL«.", 1, 20),
            "website": {
                "type": "string",
                "pattern": r"^https://",
                "description": "Organisationens website (https://…), hvis det er bekræftet.",
            },
        },
        ["revideret"],
    ),
    body="## Om organisationen\n\n\n\n## Rolle i partnerskabet\n\n\n",
    translatable_fields=("forkortelse", "website"),
)

SIDE = PageType(
    name="side",
    label="Almindelig side",
    folder=None,
    schema=parts.schema("Side", {}, ["revideret"]),
    body="Skriv sidens indhold her.\n",
    translatable_fields=("nav_orden",),
)

PAGE_TYPES: dict[str, PageType] = {t.name: t for t in (ANBEFALING, PRAKSISEKSEMPEL, NYHED, MEDLEM, SIDE)}


def _page_type_named(name: str) -> PageType:
    return PAGE_TYPES[name]


# Site settings under ``extra:`` in mkdocs.yml that editors fill in (not page front matter).
CONTACT_SETTINGS: dict[str, Any] = {
    "type": "object",
    "properties": {
        "adresse": {"type": "string", "maxLength": 200, "description": "Redaktionens postadresse på én linje."},
        "email": {
            "type": "string",
            "pattern": r"^([^@\s]+@[^@\s]+\.[^@\s]+)?$",
            "description": "Redaktionens e-mailadresse, f.eks. »redaktion@example.dk«.",
        },
        "telefon": {
            "type": "string",
            "pattern": r"^(\+?[0-9][0-9 ]{6,18}[0-9])?$",
            "description": "Redaktionens telefonnummer, f.eks. »33 12 34 56« eller »+45 33 12 34 56«.",
        },
    },
    "additionalProperties": False,
    "description": "Redaktionens kontaktoplysninger, vist i sidefoden og med markøren <!-- kontakt -->.",
}

# What readers see on every practice example written for illustration rather than taken from a municipality.
ILLUSTRATIVE_LABEL = {"da": "Konstrueret eksempel", "en": "Constructed example"}


def page_type_for(rel_path: str) -> PageType:
    """The type of a page from where it lives: docs/<folder>/<slug>.md; index pages are plain pages."""
    base, _ = split_language(rel_path)
    parts = base.split("/")
    if len(parts) == 2 and not is_index(base):
        for page_type in PAGE_TYPES.values():
            if page_type.folder == parts[0]:
                return page_type
    return SIDE


@cache
def fields_of_one_type() -> dict[str, PageType]:
    """Front matter fields that only one page type has, mapped to that type: such a field names the type."""
    owners: dict[str, list[PageType]] = {}
    for page_type in PAGE_TYPES.values():
        for name in page_type.schema["properties"]:
            owners.setdefault(name, []).append(page_type)
    return {name: types[0] for name, types in owners.items() if len(types) == 1}


def infer_page_type(fields: Iterable[str]) -> PageType | None:
    """The page type a page's front matter fields point to, whatever folder it lies in; None if unclear.

    A field that only one type has decides (``arrangementer`` -> nyhed). Without one, the type whose
    schema knows every field and whose required fields are all there decides, if exactly one does
    (``title``, ``description`` and ``date`` alone are a news item). Fields of two types: unclear.
    """
    names = list(fields)
    named = {fields_of_one_type()[name].name for name in names if name in fields_of_one_type()}
    if named:
        return PAGE_TYPES[named.pop()] if len(named) == 1 else None
    complete = [
        t
        for t in PAGE_TYPES.values()
        if set(names) <= set(t.schema["properties"]) and set(t.schema["required"]) <= set(names)
    ]
    return complete[0] if len(complete) == 1 else None


def index_only_folders() -> frozenset[str]:
    """Sections whose pages are reached through a generated index, not the navigation: listing every
    catalogue page in the navigation would put the whole list on every page."""
    return frozenset(t.folder for t in PAGE_TYPES.values() if t.index_only and t.folder)


def has_menu_place(rel: str) -> bool:
    """Pages whose place in the main menu nav_orden sets: pages in the root and the folders' index.md."""
    base, _ = split_language(rel)
    return "/" not in base or is_index(base)
