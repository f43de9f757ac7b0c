"""The whole docs tree: rules between fields and pages, and the lists the site is built from."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from boerneinddragelse.model import (
    ANBEFALING,
    MEDLEM,
    NYHED,
    PAGE_TYPES,
    PRAKSISEKSEMPEL,
    SIDE,
    PageType,
    fields_of_one_type,
    infer_page_type,
)
from boerneinddragelse.site import Site, load_page, load_site
from boerneinddragelse.templates import sample_value

FIXTURES = Path(__file__).parent / "fixtures" / "site"


def site_of(case: str) -> Site:
    return load_site(FIXTURES / case / "docs")


def problems_of(case: str) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.rule) for p in site_of(case).problems]


@pytest.fixture(scope="module")
def valid() -> Site:
    site = site_of("gyldig")
    assert [p.format() for p in site.problems] == []
    return site


# ---------------------------------------------------------------------------- rules


def test_illustrative_example_must_not_name_a_municipality() -> None:
    site = site_of("illustrativ-kommune")
    assert [(p.path, p.line, p.rule) for p in site.problems] == [
        ("docs/praksiseksempler/konstrueret-med-kommune.md", 8, "illustrativ-kommune")
    ]
    assert "»kommune«" in site.problems[0].message


def test_example_from_a_real_municipality_must_name_it() -> None:
    site = site_of("kommune-mangler")
    assert [(p.path, p.line, p.rule) for p in site.problems] == [
        ("docs/praksiseksempler/rigtigt-uden-kommune.md", 7, "felt-mangler")
    ]
    assert "»kommune«" in site.problems[0].message


def test_example_referencing_a_recommendation_without_a_page() -> None:
    site = site_of("ukendt-anbefaling")
    page = site.by_rel["praksiseksempler/uden-side.md"]
    assert [(p.line, p.rule) for p in page.problems] == [(6, "ukendt-anbefaling")]  # the line of "- 5"
    assert page.problems[0].message == "Der findes ingen anbefaling nummer 5. Brug et af numrene 1, 2."
    assert not page.valid


def test_example_referencing_recommendation_9_fails_the_schema_first() -> None:
    # Numbers above 7 never reach the cross-page rule: the schema's maximum catches them at the item.
    page = site_of("ukendt-anbefaling").by_rel["praksiseksempler/nummer-ni.md"]
    assert [(p.line, p.column, p.rule) for p in page.problems] == [(5, 5, "uden-for-interval")]
    assert "men er 9" in page.problems[0].message


def test_invalid_examples_are_left_out_of_the_lists() -> None:
    site = site_of("ukendt-anbefaling")
    assert site.examples() == []
    assert [p.meta["nummer"] for p in site.recommendations()] == [1, 2]


def test_duplicate_recommendation_number() -> None:
    site = site_of("dobbelt-nummer")
    # The English translation of number 1 is not a duplicate: numbers are unique per language.
    assert [(p.path, p.line, p.rule) for p in site.problems] == [("docs/anbefalinger/b.md", 5, "dobbelt-nummer")]
    assert "docs/anbefalinger/a.md" in site.problems[0].message
    assert [p.rel for p in site.recommendations()] == ["anbefalinger/a.md", "anbefalinger/c.md"]


def test_registration_deadline_after_the_start() -> None:
    assert problems_of("frist-efter-start") == [("docs/nyheder/2023-05-10-temamoede.md", 10, "frist-efter-start")]


def test_deadline_on_the_day_of_an_all_day_event_is_accepted() -> None:
    # An event given by date lasts the whole day; only a deadline on a later day is too late.
    assert problems_of("frist-samme-dag") == [("docs/nyheder/2023-05-10-heldagsmoede.md", 15, "frist-efter-start")]


def test_event_ending_before_it_starts() -> None:
    assert problems_of("slut-foer-start") == [("docs/nyheder/2023-05-10-temamoede.md", 9, "dato-raekkefoelge")]


def test_update_dated_before_the_news_item() -> None:
    # Only the second update (2023-05-09) is wrong; the first (2023-05-12) is fine.
    assert problems_of("opdatering-foer-nyhed") == [("docs/nyheder/2023-05-10-temamoede.md", 8, "dato-raekkefoelge")]


def test_revised_before_published() -> None:
    site = site_of("revideret-foer-date")
    assert [(p.path, p.line, p.rule) for p in site.problems] == [
        ("docs/praksiseksempler/revideret-for-tidligt.md", 9, "dato-raekkefoelge")
    ]
    assert "»revideret«" in site.problems[0].message


def test_duplicate_event_id() -> None:
    site = site_of("dobbelt-id")
    assert [(p.path, p.line, p.rule) for p in site.problems] == [("docs/nyheder/2023-06-01-anden.md", 10, "dobbelt-id")]
    assert "»temamoede«" in site.problems[0].message
    assert "docs/nyheder/2023-05-10-foerste.md" in site.problems[0].message


def test_load_page_alone_skips_the_cross_page_rules() -> None:
    page = load_page(FIXTURES / "ukendt-anbefaling" / "docs", "praksiseksempler/uden-side.md")
    assert page.problems == []
    assert page.valid


def test_display_prefix_is_used_in_messages() -> None:
    site = load_site(FIXTURES / "dobbelt-id" / "docs", display_prefix="tests/fixtures/site/dobbelt-id/docs/")
    assert [p.path for p in site.problems] == ["tests/fixtures/site/dobbelt-id/docs/nyheder/2023-06-01-anden.md"]


# ---------------------------------------------------------------------------- lists


def test_page_types_and_languages(valid: Site) -> None:
    types = {p.rel: (p.type, p.lang) for p in valid.pages}
    assert types["anbefalinger/1-beta.md"] == (ANBEFALING, "da")
    assert types["anbefalinger/1-beta.en.md"] == (ANBEFALING, "en")
    assert types["anbefalinger/index.md"] == (SIDE, "da")
    assert types["praksiseksempler/konstrueret-eksempel.md"] == (PRAKSISEKSEMPEL, "da")
    assert types["nyheder/2024-01-01-konference.md"] == (NYHED, "da")
    assert types["partnerskab/kl.md"] == (MEDLEM, "da")
    assert types["index.en.md"] == (SIDE, "en")


def test_recommendations_sorted_by_number_not_file_name(valid: Site) -> None:
    assert [(p.meta["nummer"], p.rel) for p in valid.recommendations()] == [
        (1, "anbefalinger/1-beta.md"),
        (2, "anbefalinger/2-gamma.md"),
        (3, "anbefalinger/3-alfa.md"),
    ]
    assert [p.rel for p in valid.recommendations("en")] == ["anbefalinger/1-beta.en.md"]
    assert valid.recommendation(3).rel == "anbefalinger/3-alfa.md"
    assert valid.recommendation(1, "en").rel == "anbefalinger/1-beta.en.md"
    assert valid.recommendation(2, "en") is None


def test_examples_sorted_by_title(valid: Site) -> None:
    assert [p.title for p in valid.examples()] == [
        "Bisidder ved samtalen",
        "Eksempel fra Aarhus",
        "Konstrueret eksempel",
    ]


@pytest.mark.parametrize(
    ("number", "slugs"),
    [
        (1, ["eksempel-fra-aarhus", "konstrueret-eksempel"]),
        (2, ["bisidder-ved-samtalen"]),
        (3, ["eksempel-fra-aarhus"]),
        (4, []),
    ],
)
def test_examples_for(valid: Site, number: int, slugs: list[str]) -> None:
    assert [p.slug for p in valid.examples_for(number)] == slugs


def test_members_sorted_by_title(valid: Site) -> None:
    assert [p.slug for p in valid.members()] == ["dansk-socialraadgiverforening", "kl"]
    assert valid.members("en") == []


def test_news_newest_first(valid: Site) -> None:
    assert [p.meta["date"] for p in valid.news()] == ["2024-01-01", "2023-11-08", "2023-05-10"]


def test_events_soonest_first_across_news_items(valid: Site) -> None:
    events = valid.events()
    assert [(e.id, e.start) for e in events] == [
        ("temamoede-2023", datetime(2023, 6, 19)),
        ("webinar-2023", datetime(2023, 11, 8, 9, 30)),
        ("konference-2024", datetime(2024, 3, 5)),
    ]
    meeting, webinar, conference = events
    assert meeting.all_day and conference.all_day and not webinar.all_day
    assert meeting.deadline == datetime(2023, 6, 9, 10, 0)
    assert meeting.end is None
    assert webinar.end == datetime(2023, 11, 8, 11, 0)
    assert (webinar.place, webinar.registration) == ("online", "https://example.org/tilmelding")
    assert conference.end == datetime(2024, 3, 6)
    assert meeting.news.rel == webinar.news.rel == "nyheder/2023-05-10-temamoede.md"


def test_translation(valid: Site) -> None:
    danish = valid.by_rel["anbefalinger/1-beta.md"]
    english = valid.by_rel["anbefalinger/1-beta.en.md"]
    assert valid.translation(danish, "en") is english
    assert valid.translation(english, "da") is danish
    assert valid.translation(danish, "da") is danish
    assert valid.translation(valid.by_rel["anbefalinger/2-gamma.md"], "en") is None
    assert valid.translation(valid.by_rel["index.md"], "en") is valid.by_rel["index.en.md"]


def test_source_page_helpers(valid: Site) -> None:
    page = valid.by_rel["praksiseksempler/eksempel-fra-aarhus.md"]
    assert page.slug == "eksempel-fra-aarhus"
    assert page.path == "docs/praksiseksempler/eksempel-fra-aarhus.md"
    assert page.date("revideret").isoformat() == "2023-12-01"
    assert page.date("findes-ikke") is None
    assert page.line_of("kommune") == 12
    assert page.line_of("anbefalinger", 1) == 6


# ---------------------------------------------------------------------------- wrong folder


def _filled_in(page_type: PageType) -> str:
    """A page of the type with every field filled in (required and optional), as an editor might write it."""
    today = date(2024, 6, 19)
    values = {name: sample_value(schema, today) for name, schema in page_type.schema["properties"].items()}
    values.pop("nav_orden")
    if "kommune" in values:
        values["illustrativ"] = False
    plain = json.loads(json.dumps(values))  # the template's date strings as plain strings
    return "---\n" + yaml.safe_dump(plain, allow_unicode=True, sort_keys=False) + "---\n\nTekst.\n"


FOLDERS = ["", "anbefalinger/", "praksiseksempler/", "nyheder/", "partnerskab/", "praksiseksempler/arkiv/"]


@pytest.mark.parametrize("page_type", [t for t in PAGE_TYPES.values() if t.folder], ids=lambda t: t.name)
@pytest.mark.parametrize("folder", FOLDERS)
def test_a_page_in_the_wrong_folder_gets_one_message_naming_the_right_one(
    tmp_path: Path, page_type: PageType, folder: str
) -> None:
    rel = f"{folder}2024-06-19-side.md"
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_text(_filled_in(page_type), encoding="utf-8")
    problems = load_page(tmp_path, rel).problems
    if folder == f"{page_type.folder}/":
        assert [p.format() for p in problems] == []
        return
    assert [p.rule for p in problems] == ["forkert-mappe"]
    # The proposed place follows the type's naming: news start with their date, recommendations their number.
    name = {"nyhed": "2024-06-19-side.md", "anbefaling": "1-side.md"}.get(page_type.name, "side.md")
    assert f"Flyt filen til docs/{page_type.folder}/{name}" in problems[0].message
    assert f"typen {page_type.label.lower()}" in problems[0].message


def test_the_fields_that_name_a_type_come_from_the_schemas() -> None:
    unique = fields_of_one_type()
    for page_type in PAGE_TYPES.values():
        others = {n for t in PAGE_TYPES.values() if t is not page_type for n in t.schema["properties"]}
        assert {n for n, t in unique.items() if t is page_type} == set(page_type.schema["properties"]) - others
    assert infer_page_type(["title", "description", "date"]) is NYHED  # only a news item is complete with these
    assert infer_page_type(["title", "description", "revideret"]) is None  # a plain page or a member: unclear
    assert infer_page_type(["title", "temaer", "arrangementer"]) is None  # fields of two types: unclear


# ---------------------------------------------------------------------------- news dates


def _news(tmp_path: Path, name: str, published: str, corrected: str) -> Path:
    path = tmp_path / "nyheder" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: En nyhed\ndescription: En beskrivelse, der er lang nok til skemaet.\ndate: {published}\n"
        f"opdateringer:\n  - dato: {corrected}\n    note: Tidspunktet er rettet.\n---\n\nTekst.\n",
        encoding="utf-8",
    )
    return path


def test_a_correction_may_be_dated_today_but_not_tomorrow(tmp_path: Path) -> None:
    _news(tmp_path, "2024-06-19-nyhed.md", "2024-06-19", "2024-06-20")
    assert load_page(tmp_path, "nyheder/2024-06-19-nyhed.md", on=date(2024, 6, 20)).problems == []
    problems = load_page(tmp_path, "nyheder/2024-06-19-nyhed.md", on=date(2024, 6, 19)).problems
    assert [(p.line, p.column, p.rule) for p in problems] == [(6, 5, "opdatering-i-fremtiden")]
    assert "»dato« (2024-06-20) ligger i fremtiden; i dag er det 2024-06-19" in problems[0].message


def test_the_date_in_a_news_file_name_must_be_its_date(tmp_path: Path) -> None:
    _news(tmp_path, "2024-06-18-nyhed.en.md", "2024-06-19", "2024-06-20")
    _news(tmp_path, "nyhed-uden-dato.md", "2024-06-19", "2024-06-20")  # a name without a date is not compared
    on = date(2024, 7, 1)
    problems = load_page(tmp_path, "nyheder/2024-06-18-nyhed.en.md", on=on).problems
    assert [(p.line, p.rule) for p in problems] == [(4, "filnavn-dato")]
    assert "omdøb filen til »2024-06-19-nyhed.en.md«" in problems[0].message
    assert load_page(tmp_path, "nyheder/nyhed-uden-dato.md", on=on).problems == []


def test_one_stray_field_on_a_whole_page_is_an_unknown_field_not_a_wrong_folder(tmp_path: Path) -> None:
    path = tmp_path / "nyheder" / "2024-06-19-nyhed.md"
    path.parent.mkdir()
    news = "---\ntitle: En nyhed\ndescription: En beskrivelse, der er lang nok til skemaet.\ndate: 2024-06-19\n"
    path.write_text(news + "kommune: Aarhus\n---\n\nTekst.\n", encoding="utf-8")
    problems = load_page(tmp_path, "nyheder/2024-06-19-nyhed.md").problems
    assert [(p.line, p.rule) for p in problems] == [(5, "ukendt-felt")]
    # Two fields of another type, or a page that is not whole for its folder, are a page in the wrong folder.
    path.write_text(news + "kommune: Aarhus\ntemaer: [bisidder]\n---\n\nTekst.\n", encoding="utf-8")
    problems = load_page(tmp_path, "nyheder/2024-06-19-nyhed.md").problems
    assert [(p.line, p.rule) for p in problems] == [(5, "forkert-mappe")]
