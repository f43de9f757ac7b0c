"""The glossary (scripts/data/ordliste.yml): read from data, checked against the Lovgrundlag list."""

from __future__ import annotations

from pathlib import Path

from boerneinddragelse import glossary

FIXTURES = Path(__file__).parent / "fixtures" / "data"


def test_a_glossary_in_order_reads_without_problems() -> None:
    concepts, problems = glossary.read(FIXTURES)
    assert problems == []
    assert [c.id for c in glossary.by_term(concepts, "da")] == ["afdaekning", "barnets-plan"]
    plan = concepts[0]
    assert plan.old_words == ("handleplan",)
    assert (plan.term("en"), plan.explanation("en")) == ("the child's plan", "The plan.")


def test_each_mistake_is_reported_in_danish_with_file_and_line() -> None:
    concepts, problems = glossary.read(FIXTURES / "ordliste-fejl")
    assert [c.id for c in concepts] == []
    where = [(p.path.rsplit("/", 1)[-1], p.line, p.rule) for p in problems]
    assert where == [
        ("ordliste.yml", 3, "data-fil"),  # § 140 is not on the list
        ("ordliste.yml", 11, "data-fil"),  # the id is used twice
        ("ordliste.yml", 22, "data-fil"),  # gamle_ord is not a list
        ("ordliste.yml", 20, "data-fil"),  # no English
    ]
    assert "§ 140 står ikke på listen i lovgrundlag.yml" in problems[0].message
    assert "»barnets-plan« er brugt før" in problems[1].message


def test_broken_yaml_is_one_problem_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "ordliste.yml").write_text("begreber:\n  - id: a\n    da: [\n", encoding="utf-8")
    concepts, problems = glossary.read(tmp_path, _basis())
    assert concepts == ()
    assert len(problems) == 1 and problems[0].line >= 3 and "ikke gyldig YAML" in problems[0].message


def test_an_alias_is_refused_rather_than_expanded(tmp_path: Path) -> None:
    text = "begreber:\n  - &a {id: a}\n  - *a\n"
    (tmp_path / "ordliste.yml").write_text(text, encoding="utf-8")
    _, problems = glossary.read(tmp_path, _basis())
    assert [p.line for p in problems] == [3]


def test_the_sites_glossary_is_in_order() -> None:
    concepts, problems = glossary.read()
    assert problems == []
    assert concepts, "the glossary has at least one concept"


def _basis():
    from boerneinddragelse.reference_data import legal_basis

    return legal_basis(FIXTURES)
