"""Front matter parsing: encodings, broken YAML, line positions (scripts/lib/boerneinddragelse/frontmatter.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from boerneinddragelse.frontmatter import FrontMatter, decode, split
from boerneinddragelse.site import load_page

FIXTURES = Path(__file__).parent / "fixtures" / "frontmatter"


def parse(name: str) -> FrontMatter:
    text, problems = decode((FIXTURES / name).read_bytes(), name)
    assert problems == []
    return split(text, name)


def found(front: FrontMatter) -> list[tuple[int, str]]:
    return [(p.line, p.rule) for p in front.problems]


# BOM, CRLF and broken bytes are built here as bytes rather than stored as fixture files,
# so that no editor or Git line-ending setting can silently change them.
SIMPLE = "---\ntitle: Titel\ndescription: En beskrivelse.\n---\n\nTekst.\n"


@pytest.mark.parametrize(
    "raw",
    [
        SIMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SIMPLE.encode("utf-8"),
        SIMPLE.replace("\n", "\r\n").encode("utf-8"),
        b"\xef\xbb\xbf" + SIMPLE.replace("\n", "\r\n").encode("utf-8"),
        SIMPLE.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf-8", "bom", "crlf", "bom-crlf", "cr"],
)
def test_bom_and_crlf_are_accepted(raw: bytes) -> None:
    text, problems = decode(raw, "side.md")
    assert problems == []
    assert text == SIMPLE
    front = split(text, "side.md")
    assert front.problems == []
    assert front.present
    assert front.data == {"title": "Titel", "description": "En beskrivelse."}
    assert front.position("description") == (3, 1)
    assert front.body_line == 5


def test_crlf_file_keeps_line_numbers_of_problems(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "side.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: Titel\r\ntitle: Igen\r\n---\r\n")
    page = load_page(docs, "side.md")
    assert [(p.path, p.line, p.rule) for p in page.problems][:1] == [("docs/side.md", 3, "dobbelt-felt")]


def test_invalid_utf8_is_reported_with_its_line() -> None:
    raw = "---\ntitle: Titel\ndescription: Æbler\n".encode() + b"revideret: \xe6\xf8\xe5\n---\n"
    text, problems = decode(raw, "docs/side.md")
    assert text == ""
    assert [(p.path, p.line, p.rule, p.severity) for p in problems] == [("docs/side.md", 4, "fil-kodning", "fejl")]
    assert "UTF-8" in problems[0].message


def test_latin1_file_fails_page_loading_with_the_encoding_rule(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "anbefalinger").mkdir(parents=True)
    (docs / "anbefalinger" / "1-x.md").write_bytes("---\ntitle: Børn\n---\n".encode("latin-1"))
    page = load_page(docs, "anbefalinger/1-x.md")
    assert [(p.path, p.line, p.rule) for p in page.problems] == [("docs/anbefalinger/1-x.md", 2, "fil-kodning")]
    assert not page.valid


@pytest.mark.parametrize("name", ["tom.md", "kun-mellemrum.md"])
def test_empty_file(name: str) -> None:
    front = parse(name)
    assert found(front) == [(1, "tom-fil")]
    assert not front.present
    assert front.data == {}


def test_no_front_matter() -> None:
    front = parse("uden-front-matter.md")
    assert found(front) == [(1, "front-matter-mangler")]
    assert not front.present
    assert front.data == {}
    assert "---" in front.problems[0].message


def test_unterminated_front_matter() -> None:
    front = parse("uafsluttet.md")
    assert found(front) == [(1, "front-matter-uafsluttet")]
    assert not front.present
    assert front.data == {}


@pytest.mark.parametrize("name", ["liste.md", "skalar.md"])
def test_front_matter_that_is_not_a_mapping(name: str) -> None:
    front = parse(name)
    assert found(front) == [(2, "front-matter-form")]
    assert front.data == {}


def test_empty_front_matter_is_an_empty_mapping() -> None:
    front = parse("tom-front-matter.md")
    assert front.problems == []
    assert front.present
    assert front.data == {}
    assert front.body == "Tekst.\n"
    assert front.body_line == 3


def test_three_dots_also_end_front_matter() -> None:
    front = parse("prikker-afslutter.md")
    assert front.problems == []
    assert front.data == {"title": "Titel"}
    assert front.body == "Tekst.\n"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("yaml-fejl-indrykning.md", 3),  # "  description:" indented under a scalar
        ("yaml-fejl-kolon.md", 3),  # "Et kolon: midt i teksten" needs quotes
    ],
)
def test_yaml_syntax_error_reports_the_line(name: str, line: int) -> None:
    front = parse(name)
    assert found(front) == [(line, "yaml-syntaks")]
    assert "YAML" in front.problems[0].message
    assert front.data == {}


def test_yaml_error_in_unclosed_list_points_to_where_the_list_opens() -> None:
    front = parse("yaml-fejl-aaben-liste.md")
    assert found(front) == [(3, "yaml-syntaks")]


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    front = parse("dobbelt-felt.md")
    assert [(p.line, p.column, p.rule) for p in front.problems] == [(4, 1, "dobbelt-felt")]
    assert "»title«" in front.problems[0].message
    # The first occurrence stays the position editors are pointed to for the field itself.
    assert front.position("title") == (2, 1)


def test_duplicate_key_inside_a_list_item_is_reported() -> None:
    front = parse("dobbelt-felt-i-liste.md")
    assert [(p.line, p.column, p.rule) for p in front.problems] == [(7, 5, "dobbelt-felt")]
    assert "»start«" in front.problems[0].message


def test_dates_stay_strings() -> None:
    front = parse("datoer.md")
    assert front.problems == []
    # 2023-02-30 does not exist: it must reach the schema as text, not crash the YAML loader.
    assert front.data["date"] == "2023-02-30"
    assert front.data["revideret"] == "2023-06-19"
    assert front.data["tilmeldingsfrist"] == "2023-06-09 10:00"
    assert all(isinstance(value, str) for value in front.data.values())


def test_positions_of_keys_and_nested_list_items() -> None:
    front = parse("positioner.md")
    assert front.problems == []
    assert front.position("title") == (2, 1)
    assert front.position("anbefalinger") == (3, 1)
    assert front.position("anbefalinger", 0) == (4, 5)
    assert front.position("anbefalinger", 1) == (5, 5)
    assert front.position("arrangementer", 0) == (7, 5)
    assert front.position("arrangementer", 0, "id") == (7, 5)
    assert front.position("arrangementer", 0, "titel") == (8, 5)
    assert front.position("arrangementer", 1, "id") == (9, 5)
    assert front.position("arrangementer", 1, "start") == (10, 5)
    assert front.position("arrangementer", 1, "titel") == (11, 5)
    assert front.position("kontakt", "navn") == (13, 3)


def test_position_falls_back_to_the_nearest_parent_then_the_first_line() -> None:
    front = parse("positioner.md")
    assert front.position("arrangementer", 1, "slut") == (9, 5)  # the item itself
    assert front.position("kontakt", "email") == (12, 1)
    assert front.position("findes-ikke") == (1, 1)
    assert front.position() == (1, 1)


def test_body_and_body_line() -> None:
    front = parse("positioner.md")
    assert front.body_line == 15
    lines = (FIXTURES / "positioner.md").read_text(encoding="utf-8").split("\n")
    assert lines[front.body_line - 1] == ""
    assert lines[front.body_line] == "Første linje i brødteksten."
    assert front.body == "\nFørste linje i brødteksten.\n"


def test_body_of_a_file_without_front_matter_is_the_whole_text() -> None:
    text = (FIXTURES / "uden-front-matter.md").read_text(encoding="utf-8")
    front = split(text, "x.md")
    assert front.body == text
    assert front.body_line == 1


# Each broken front matter names its cause in Danish, at the line where the editor has to look.
DANISH_YAML_MESSAGES = [
    ("yaml-tabulator.md", 4, 1, "yaml-syntaks", "Linjen er indrykket med tabulator"),
    ("yaml-fejl-kolon.md", 3, 22, "yaml-syntaks", "Kolon uden anførselstegn"),
    ("yaml-mangler-afslutning.md", 1, 1, "front-matter-uafsluttet", "ser ud til at begynde på linje 5"),
    ("yaml-anker.md", 2, 8, "yaml-anker", "Front matter bruger et YAML-anker (»&«)"),
    ("yaml-alias-bombe.md", 3, 4, "yaml-anker", "skriv værdien helt ud"),
    ("yaml-dyb.md", 3, 18, "yaml-dybde", "indlejret mere end 10 niveauer"),
    ("yaml-stjerne.md", 2, 8, "yaml-syntaks", "starter med »*« eller »&«"),
]


@pytest.mark.parametrize(("name", "line", "column", "rule", "message"), DANISH_YAML_MESSAGES)
def test_yaml_errors_name_their_cause_in_danish(name: str, line: int, column: int, rule: str, message: str) -> None:
    front = parse(name)
    assert [(p.line, p.column, p.rule) for p in front.problems] == [(line, column, rule)]
    assert message in front.problems[0].message
    assert "found character" not in front.problems[0].message  # no English parser text
    assert front.data == {}


def test_anchors_and_deep_nesting_are_refused_before_anything_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader reads the event stream and stops at the first anchor or the eleventh level: nothing is
    composed, so neither an alias bomb nor 50,000 brackets reach the constructor (or the C composer)."""
    from boerneinddragelse import frontmatter

    def refuse(*args: object) -> None:
        raise AssertionError("composed hostile input")

    monkeypatch.setattr(frontmatter._Loader, "get_single_node", refuse)
    for name in ("yaml-anker.md", "yaml-alias-bombe.md", "yaml-dyb.md"):
        assert parse(name).problems[0].rule in {"yaml-anker", "yaml-dybde"}
