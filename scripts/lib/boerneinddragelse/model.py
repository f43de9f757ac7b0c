"""The content model: one front matter schema per page type, defined once.

The validator, the MkDocs hooks, the editors' page templates (scripts/new.py) and
the JSON Schema files in schemas/ are all derived from PAGE_TYPES below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from . import vocabulary

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
LOCAL_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$"
LANGUAGES = ("da", "en")
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DEFAULT_LANGUAGE = "da"


@dataclass(frozen=True)
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

    @property
    def index_page(self) -> str:
        """The section's front page, relative to docs/."""
        return f"{self.folder}/index.md"


def _text(description: str, min_length: int = 1, max_length: int = 200) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length, "description": description}


def _date(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "date", "pattern": DATE_PATTERN, "description": description}


def _local_time(description: str) -> dict[str, Any]:
    return {"type": "string", "format": "lokal-tid", "pattern": LOCAL_TIME_PATTERN, "description": description}


def _choices(vocabulary_name: str, description: str, min_items: int = 1) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "enum": list(vocabulary.terms(vocabulary_name))},
        "minItems": min_items,
        "uniqueItems": True,
        "description": description,
    }


def _object(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "description": description,
    }


_COMMON: dict[str, Any] = {
    "title": _text("Sidens titel, som den står i overskriften og i søgeresultater.", 3, 160),
    "description": _text("Kort beskrivelse (1-2 sætninger) til søgemaskiner, delinger og oversigter.", 20, 300),
    "revideret": _date("Datoen, siden sidst blev gennemskrevet (ÅÅÅÅ-MM-DD)."),
    "hide": {
        "type": "array",
        "items": {"type": "string", "enum": ["navigation", "toc", "footer", "path"]},
        "description": "Dele af layoutet, der skjules på siden (Material for MkDocs).",
    },
    "nav_orden": {
        "type": "integer",
        "minimum": 1,
        "maximum": 99,
        "description": "Placering i hovedmenuen (kun sider i roden og sektionsforsider).",
    },
}


def _schema(title: str, fields: dict[str, Any], required: list[str]) -> dict[str, Any]:
    properties = {**_COMMON, **fields}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": properties,
        "required": ["title", "description", *required],
        "additionalProperties": False,
    }


ANBEFALING = PageType(
    name="anbefaling",
    label="Anbefaling",
    folder="anbefalinger",
    schema=_schema(
        "Anbefaling",
        {
            "nummer": {"type": "integer", "minimum": 1, "maximum": 7, "description": "Anbefalingens nummer, 1-7."},
            "kort_titel": _text("Kort titel til lister og links, f.eks. »Fælles børnesyn«.", 3, 60),
            "gruppe": {
                "type": "string",
                "enum": list(vocabulary.terms("grupper")),
                "description": "rammer (organisatoriske rammer) eller praksis (den konkrete sag).",
            },
            "lundy": _choices("lundy", "De elementer i Lundys model, anbefalingen især handler om.", 0),
        },
        ["revideret", "nummer", "kort_titel", "gruppe"],
    ),
    body=(
        "## Hvad anbefales?\n\n\n\n## Hvorfor er det vigtigt?\n\n\n\n"
        "## Sådan kan I arbejde med anbefalingen\n\n\n\n## Praksiseksempler\n\n<!-- praksiseksempler -->\n"
    ),
    translatable_fields=("nummer", "gruppe", "lundy", "revideret"),
)

PRAKSISEKSEMPEL = PageType(
    name="praksiseksempel",
    label="Praksiseksempel",
    folder="praksiseksempler",
    schema=_schema(
        "Praksiseksempel",
        {
            "anbefalinger": {
                "type": "array",
                "items": {"type": "integer", "minimum": 1, "maximum": 7},
                "minItems": 1,
                "uniqueItems": True,
                "description": "Numrene på de anbefalinger, eksemplet viser (1-7).",
            },
            "temaer": _choices("temaer", "Et eller flere temaer fra ordlisten i scripts/data/vocabulary.yml."),
            "maalgruppe": _choices("maalgrupper", "De aldersgrupper, eksemplet handler om."),
            "kommune": {
                "type": "string",
                "enum": list(vocabulary.municipalities()),
                "description": "Kommunens navn som i scripts/data/kommuner.csv (f.eks. »Aarhus«). "
                "Udelades for illustrative eksempler.",
            },
            "illustrativ": {
                "type": "boolean",
                "description": "true, hvis eksemplet er konstrueret til illustration og ikke fra en rigtig kommune.",
            },
            "date": _date("Datoen, eksemplet blev offentliggjort (ÅÅÅÅ-MM-DD)."),
            "kontakt": _object(
                {
                    "navn": _text("Kontaktpersonens navn eller funktion.", 2, 120),
                    "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "description": "E-mail."},
                },
                ["navn"],
                "Hvem man kan kontakte om eksemplet.",
            ),
            "materialer": {
                "type": "array",
                "items": _object(
                    {
                        "titel": _text("Materialets titel.", 2, 160),
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
)

NYHED = PageType(
    name="nyhed",
    label="Nyhed",
    folder="nyheder",
    schema=_schema(
        "Nyhed",
        {
            "date": _date("Nyhedens udgivelsesdato (ÅÅÅÅ-MM-DD)."),
            "opdateringer": {
                "type": "array",
                "items": _object(
                    {
                        "dato": _date("Datoen for rettelsen."),
                        "note": _text("Kort redaktionel note om, hvad der er rettet.", 5, 400),
                    },
                    ["dato", "note"],
                ),
                "description": "Senere rettelser, vist som rettelsesnote på siden.",
            },
            "arrangementer": {
                "type": "array",
                "items": _object(
                    {
                        "id": {
                            "type": "string",
                            "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
                            "description": "Kort, fast id med små bogstaver og bindestreger "
                            "(bruges i kalenderfilens navn).",
                        },
                        "titel": _text("Arrangementets titel.", 3, 160),
                        "start": {
                            "anyOf": [_date("Startdato."), _local_time("Start, ÅÅÅÅ-MM-DD TT:MM.")],
                            "description": "Start: dato (ÅÅÅÅ-MM-DD) eller dato og klokkeslæt (ÅÅÅÅ-MM-DD TT:MM).",
                        },
                        "slut": {
                            "anyOf": [_date("Slutdato."), _local_time("Slut, ÅÅÅÅ-MM-DD TT:MM.")],
                            "description": "Slut, hvis det kendes.",
                        },
                        "sted": _text("Sted eller »online«.", 2, 200),
                        "maalgruppe": _text("Hvem arrangementet er for.", 3, 300),
                        "tilmeldingsfrist": _local_time("Tilmeldingsfrist, ÅÅÅÅ-MM-DD TT:MM (dansk tid)."),
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
)

MEDLEM = PageType(
    name="medlem",
    label="Medlem af partnerskabet",
    folder="partnerskab",
    schema=_schema(
        "Medlem af partnerskabet",
        {
            "forkortelse": _text("Organisationens forkortelse, f.eks. »KL«.", 1, 20),
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
    schema=_schema("Side", {}, ["revideret"]),
    body="Skriv sidens indhold her.\n",
    translatable_fields=("nav_orden",),
)

PAGE_TYPES: dict[str, PageType] = {t.name: t for t in (ANBEFALING, PRAKSISEKSEMPEL, NYHED, MEDLEM, SIDE)}

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

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def split_language(rel_path: str) -> tuple[str, str]:
    """``anbefalinger/index.en.md`` -> (``anbefalinger/index.md``, ``en``)."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and rel_path.endswith(f".{lang}.md"):
            return rel_path[: -len(f".{lang}.md")] + ".md", lang
    return rel_path, DEFAULT_LANGUAGE


def page_type_for(rel_path: str) -> PageType:
    """The type of a page from where it lives: docs/<folder>/<slug>.md; index pages are plain pages."""
    base, _ = split_language(rel_path)
    parts = base.split("/")
    if len(parts) == 2 and parts[1] != "index.md":
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


def has_menu_place(rel: str) -> bool:
    """Pages whose place in the main menu nav_orden sets: pages in the root and the folders' index.md."""
    base, _ = split_language(rel)
    return "/" not in base or base.endswith("/index.md")


def is_valid_slug(stem: str) -> bool:
    """File names are lowercase ASCII words joined by hyphens."""
    return bool(_SLUG.match(stem))


_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa", "ß": "ss"})


def slugify(text: str) -> str:
    """A file name stem from a title: ``Børn på SMS`` -> ``boern-paa-sms`` (æ→ae, ø→oe, å→aa).

    Not Python-Markdown's slugify, which drops ø and æ; file names spell them out as Danes do.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_DANISH_LETTERS).lower())
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def heading_slug(value: str, separator: str = "-") -> str:
    """A heading's anchor: slugify, with the signature of Python-Markdown's toc ``slugify`` option.

    ``Sådan gør vi`` -> ``saadan-goer-vi``. The hooks hand it to the toc extension; the validator's
    anchor check uses it too.
    """
    return slugify(value)


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
