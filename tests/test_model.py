"""The content model: page types from paths, languages, slugs, and the schemas themselves."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date, datetime

import pytest
from boerneinddragelse.model import (
    ANBEFALING,
    MEDLEM,
    NYHED,
    PAGE_TYPES,
    PRAKSISEKSEMPEL,
    SIDE,
    is_valid_slug,
    page_type_for,
    parse_local_time,
    split_language,
)
from jsonschema import Draft202012Validator


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("anbefalinger/4-tillidsfuld-relation.md", ANBEFALING),
        ("praksiseksempler/naar-raadgiveren-skifter.md", PRAKSISEKSEMPEL),
        ("nyheder/2023-05-10-inddragelse-af-boern-og-unge-i-egen-sag.md", NYHED),
        ("partnerskab/kl.md", MEDLEM),
        ("om.md", SIDE),
        ("index.md", SIDE),
        ("lundy-modellen.md", SIDE),
        # Index pages of the sections are plain pages, whatever the folder.
        ("anbefalinger/index.md", SIDE),
        ("praksiseksempler/index.md", SIDE),
        ("nyheder/index.md", SIDE),
        ("partnerskab/index.md", SIDE),
        # English translations keep their type.
        ("anbefalinger/4-tillidsfuld-relation.en.md", ANBEFALING),
        ("anbefalinger/index.en.md", SIDE),
        ("partnerskab/kl.en.md", MEDLEM),
        ("index.en.md", SIDE),
        # Pages in unknown folders or deeper down are plain pages.
        ("andet/side.md", SIDE),
        ("anbefalinger/undermappe/side.md", SIDE),
    ],
)
def test_page_type_for(rel: str, expected: object) -> None:
    assert page_type_for(rel) is expected


def test_a_page_type_sent_between_processes_arrives_as_the_same_object() -> None:
    for page_type in PAGE_TYPES.values():
        assert pickle.loads(pickle.dumps(page_type)) is page_type
    # A type made elsewhere (a test's) still travels, as a copy.
    own = dataclasses.replace(PAGE_TYPES["side"], label="Egen")
    copied = pickle.loads(pickle.dumps(own))
    assert copied is not own and copied.label == "Egen" and copied.name == own.name


def test_every_page_type_but_side_has_its_own_folder() -> None:
    folders = [t.folder for t in PAGE_TYPES.values() if t is not SIDE]
    assert sorted(folders) == ["anbefalinger", "nyheder", "partnerskab", "praksiseksempler"]
    assert SIDE.folder is None
    for page_type in PAGE_TYPES.values():
        if page_type.folder:
            assert page_type_for(f"{page_type.folder}/x.md") is page_type


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("index.md", ("index.md", "da")),
        ("index.en.md", ("index.md", "en")),
        ("anbefalinger/index.en.md", ("anbefalinger/index.md", "en")),
        ("anbefalinger/4-tillidsfuld-relation.en.md", ("anbefalinger/4-tillidsfuld-relation.md", "en")),
        ("anbefalinger/4-tillidsfuld-relation.md", ("anbefalinger/4-tillidsfuld-relation.md", "da")),
        # Only configured languages count as suffixes.
        ("om.de.md", ("om.de.md", "da")),
        ("om.da.md", ("om.da.md", "da")),
    ],
)
def test_split_language(rel: str, expected: tuple[str, str]) -> None:
    assert split_language(rel) == expected


@pytest.mark.parametrize("stem", ["om", "kl", "4-tillidsfuld-relation", "2023-05-10-nyhed", "a1-b2"])
def test_valid_slugs(stem: str) -> None:
    assert is_valid_slug(stem)


@pytest.mark.parametrize(
    "stem",
    ["", "Om", "børn", "to  ord", "to_ord", "-start", "slut-", "dobbelt--bindestreg", "med mellemrum", "punktum.md"],
)
def test_invalid_slugs(stem: str) -> None:
    assert not is_valid_slug(stem)


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_schema_is_a_valid_json_schema(name: str) -> None:
    schema = PAGE_TYPES[name].schema
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert {"title", "description"} <= set(schema["required"])
    assert set(schema["required"]) <= set(schema["properties"])


def test_recommendation_numbers_agree_between_the_two_schemas() -> None:
    number = ANBEFALING.schema["properties"]["nummer"]
    referenced = PRAKSISEKSEMPEL.schema["properties"]["anbefalinger"]["items"]
    assert (number["minimum"], number["maximum"]) == (referenced["minimum"], referenced["maximum"]) == (1, 7)


def test_parse_local_time() -> None:
    assert parse_local_time("2023-06-09 10:00") == datetime(2023, 6, 9, 10, 0)
    assert parse_local_time("2023-06-09T10:00") == datetime(2023, 6, 9, 10, 0)
    # A plain date is the start of that day, without a time zone (Copenhagen wall-clock time).
    assert parse_local_time("2023-06-19") == datetime(2023, 6, 19, 0, 0)
    assert parse_local_time("2023-06-19").tzinfo is None
    assert parse_local_time("2023-06-19").date() == date(2023, 6, 19)
