"""Front matter against each page type's schema, with Danish messages at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest
from boerneinddragelse.frontmatter import FrontMatter, decode, split
from boerneinddragelse.model import PAGE_TYPES, page_type_for
from boerneinddragelse.problems import Problem
from boerneinddragelse.schema_check import check

FIXTURES = Path(__file__).parent / "fixtures" / "schema_check"
MINIMAL = {
    "anbefaling": "anbefalinger/1-anbefaling.md",
    "praksiseksempel": "praksiseksempler/eksempel.md",
    "nyhed": "nyheder/2023-05-10-nyhed.md",
    "medlem": "partnerskab/medlem.md",
    "side": "side.md",
}


def load(folder: str, rel: str) -> FrontMatter:
    text, problems = decode((FIXTURES / folder / rel).read_bytes(), rel)
    assert problems == []
    front = split(text, rel)
    assert front.problems == []
    return front


def check_file(folder: str, rel: str) -> list[Problem]:
    return check(page_type_for(rel), load(folder, rel), rel)


def test_every_page_type_has_a_minimal_example() -> None:
    assert set(MINIMAL) == set(PAGE_TYPES)


@pytest.mark.parametrize("name", sorted(MINIMAL))
def test_minimal_front_matter_passes(name: str) -> None:
    rel = MINIMAL[name]
    assert page_type_for(rel) is PAGE_TYPES[name]
    front = load("minimal", rel)
    # Minimal means exactly the required fields.
    assert set(front.data) == set(PAGE_TYPES[name].schema["required"])
    assert check(PAGE_TYPES[name], front, rel) == []


REQUIRED = [(name, field) for name in sorted(PAGE_TYPES) for field in PAGE_TYPES[name].schema["required"]]


@pytest.mark.parametrize(("name", "field"), REQUIRED, ids=[f"{n}-{f}" for n, f in REQUIRED])
def test_each_missing_required_field_is_named_at_line_1(name: str, field: str) -> None:
    rel = MINIMAL[name]
    front = load("minimal", rel)
    del front.data[field]
    problems = check(PAGE_TYPES[name], front, rel)
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [(rel, 1, 1, "felt-mangler")]
    assert f"Feltet »{field}« mangler" in problems[0].message


def one_problem(rel: str) -> Problem:
    problems = check_file("fejl", rel)
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_unknown_field_is_reported_at_its_line_with_a_close_match() -> None:
    problem = one_problem("praksiseksempler/ukendt-felt.md")
    assert (problem.line, problem.column, problem.rule) == (10, 1, "ukendt-felt")
    assert problem.message == "Ukendt felt »titel«. Mente du »title«?"


def test_unknown_field_without_close_match_lists_the_allowed_fields() -> None:
    front = load("minimal", "side.md")
    front.data["xyzzy"] = "noget"
    (problem,) = check(PAGE_TYPES["side"], front, "side.md")
    assert problem.rule == "ukendt-felt"
    assert "Mente du" not in problem.message
    assert "Tilladte felter: description, hide, nav_orden, revideret, title." in problem.message


def test_every_unknown_field_is_reported() -> None:
    front = load("minimal", "side.md")
    front.data.update(titel="x", beskrivelse="y")
    front.positions.update({("titel",): (5, 1), ("beskrivelse",): (6, 1)})
    problems = check(PAGE_TYPES["side"], front, "side.md")
    assert [(p.line, p.rule) for p in problems] == [(5, "ukendt-felt"), (6, "ukendt-felt")]
    assert problems[0].message == "Ukendt felt »titel«. Mente du »title«?"
    assert problems[1].message.startswith("Ukendt felt »beskrivelse«.")


def test_unknown_field_inside_a_list_item() -> None:
    front = load("minimal", "nyheder/2023-05-10-nyhed.md")
    front.data["opdateringer"] = [{"dato": "2023-06-01", "note": "En rettelse.", "noter": "x"}]
    front.positions.update({("opdateringer", 0, "noter"): (8, 5)})
    (problem,) = check(PAGE_TYPES["nyhed"], front, "nyhed.md")
    assert (problem.line, problem.column, problem.rule) == (8, 5, "ukendt-felt")
    assert problem.message == "Ukendt felt »noter«. Mente du »note«?"


def test_wrong_type() -> None:
    problem = one_problem("anbefalinger/1-nummer-tekst.md")
    assert (problem.line, problem.rule) == (5, "felt-type")
    assert problem.message == "Feltet »nummer« skal være et helt tal, men er »et«."


def test_boolean_written_in_danish() -> None:
    problem = one_problem("praksiseksempler/illustrativ-tekst.md")
    assert (problem.line, problem.rule) == (7, "felt-type")
    assert problem.message == "Feltet »illustrativ« skal være true eller false, men er »ja«."


def test_number_out_of_range() -> None:
    problem = one_problem("anbefalinger/8-nummer-for-stort.md")
    assert (problem.line, problem.rule) == (5, "uden-for-interval")
    assert "mellem 1 og 7" in problem.message


def test_municipality_enum_suggests_the_close_match() -> None:
    problem = one_problem("praksiseksempler/kommune-aarhus.md")
    assert (problem.line, problem.rule) == (10, "ugyldig-vaerdi")
    assert problem.message.startswith("»Århus« er ikke en tilladt værdi for »kommune«. Mente du »Aarhus«?")


def test_theme_enum_points_at_the_list_item() -> None:
    problem = one_problem("praksiseksempler/ukendt-tema.md")
    assert (problem.line, problem.column, problem.rule) == (6, 5, "ugyldig-vaerdi")
    assert "»temaer[1]«" in problem.message  # 1-based for editors
    assert "Mente du »opfoelgning«?" in problem.message


def test_impossible_date() -> None:
    problem = one_problem("praksiseksempler/umulig-dato.md")
    assert (problem.line, problem.rule) == (8, "ugyldig-dato")
    assert problem.message == (
        "»date« skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD (f.eks. 2023-06-19), men er »2023-02-30«."
    )


def test_date_in_the_wrong_form_is_reported_once() -> None:
    # Both the pattern and the date format fail here; editors should read the message once.
    problem = one_problem("praksiseksempler/dato-forkert-form.md")
    assert (problem.line, problem.rule) == (8, "ugyldig-dato")
    assert "»8. november 2023«" in problem.message


def test_local_time_without_clock_time() -> None:
    problem = one_problem("nyheder/2023-05-10-frist-uden-klokkeslaet.md")
    assert (problem.line, problem.column, problem.rule) == (10, 5, "ugyldig-dato")
    assert problem.message.startswith(
        "»arrangementer[1].tilmeldingsfrist« skal være dato og klokkeslæt skrevet ÅÅÅÅ-MM-DD TT:MM"
    )


def test_impossible_local_time() -> None:
    problem = one_problem("nyheder/2023-05-10-frist-umulig.md")
    assert (problem.line, problem.column, problem.rule) == (10, 5, "ugyldig-dato")
    assert "»2023-06-31 10:00«" in problem.message


def test_start_must_be_a_date_or_a_local_time() -> None:
    problem = one_problem("nyheder/2023-05-10-start-kort-klokkeslaet.md")
    assert (problem.line, problem.column, problem.rule) == (8, 5, "ugyldig-dato")
    assert "dato (ÅÅÅÅ-MM-DD) eller dato og klokkeslæt (ÅÅÅÅ-MM-DD TT:MM)" in problem.message
    assert "»2023-06-19 9:00«" in problem.message


def test_min_items() -> None:
    problem = one_problem("praksiseksempler/tom-liste.md")
    assert (problem.line, problem.rule) == (4, "for-faa")
    assert problem.message == "»anbefalinger« skal have mindst 1 punkt(er)."


def test_unique_items() -> None:
    problem = one_problem("praksiseksempler/gentagelse.md")
    assert (problem.line, problem.rule) == (5, "gentagelse")
    assert problem.message == "»temaer« indeholder den samme værdi to gange. Slet gentagelsen."


def test_problems_come_sorted_by_line() -> None:
    front = load("minimal", "praksiseksempler/eksempel.md")
    front.data.update(revideret="i går", illustrativ="ja", title="x")
    problems = check(PAGE_TYPES["praksiseksempel"], front, "eksempel.md")
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert [(p.line, p.rule) for p in problems] == [(2, "for-kort"), (7, "felt-type"), (9, "ugyldig-dato")]
