"""Page types carry their behaviour, and source paths are read by one helper."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from boerneinddragelse import filenames, model, sourcepaths, templates
from boerneinddragelse.model import DATE_PATTERN, PAGE_TYPES, PageType, index_only_folders, page_type_for
from boerneinddragelse.slugs import slugify

from conftest import ROOT

TYPES = list(PAGE_TYPES.values())
DAY = date(2024, 6, 19)


@pytest.mark.parametrize("page_type", TYPES, ids=[t.name for t in TYPES])
def test_a_new_pages_file_name_starts_with_the_types_prefix_field(page_type: PageType) -> None:
    stem = templates.file_stem(page_type, "Børn på SMS", DAY, 4)
    expected = {"date": "2024-06-19-", "nummer": "4-", None: ""}[page_type.file_prefix]
    assert stem == expected + "boern-paa-sms"
    without_number = "" if page_type.file_prefix == "nummer" else expected
    assert templates.file_stem(page_type, "Børn på SMS", DAY) == without_number + "boern-paa-sms"


@pytest.mark.parametrize("page_type", TYPES, ids=[t.name for t in TYPES])
def test_a_prefix_is_used_only_where_its_value_can_start_a_file_name(page_type: PageType) -> None:
    for unusable in (True, "19. juni", None, "2024-6-19"):
        assert page_type.file_stem("x", {page_type.file_prefix or "": unusable}) == "x"


@pytest.mark.parametrize("page_type", [t for t in TYPES if t.file_prefix], ids=lambda t: t.name)
def test_a_prefix_value_must_have_its_fields_kind(page_type: PageType) -> None:
    """A date field takes only a date, a number field only a number (a misplaced page's proposed name)."""
    wrong_kind = 4 if page_type.dated_file_names else "2024-06-19"
    assert page_type.file_stem("x", {page_type.file_prefix or "": wrong_kind}) == "x"
    schema = page_type.schema["properties"][page_type.file_prefix]
    assert page_type.dated_file_names is (schema.get("format") == "date")


@pytest.mark.parametrize("page_type", TYPES, ids=[t.name for t in TYPES])
def test_menu_order_is_nav_orden_then_the_types_unique_field(page_type: PageType) -> None:
    unique = {page_type.unique_field: 3} if page_type.unique_field else {}
    assert page_type.menu_order({**unique, "nav_orden": 1}, 50) == 1
    assert page_type.menu_order(unique, 50) == (3 if page_type.unique_field else 50)
    assert page_type.menu_order({}, 50) == 50


def test_the_prefix_fields_are_in_the_types_schemas() -> None:
    for page_type in TYPES:
        for name in filter(None, (page_type.file_prefix, page_type.unique_field, *page_type.distinguishing_fields)):
            assert name in page_type.schema["properties"], (page_type.name, name)
        if page_type.file_prefix:
            schema = page_type.schema["properties"][page_type.file_prefix]
            assert schema["type"] == "integer" or schema.get("pattern") == DATE_PATTERN


def test_a_recommendation_field_lists_recommendation_numbers() -> None:
    numbers = next(t for t in TYPES if t.unique_field == "nummer").schema["properties"]["nummer"]
    for page_type in TYPES:
        if page_type.recommendation_field:
            items = page_type.schema["properties"][page_type.recommendation_field]["items"]
            assert (items["type"], items["minimum"], items["maximum"]) == ("integer", 1, numbers["maximum"])


def test_only_types_with_the_field_have_illustrative_pages() -> None:
    for page_type in TYPES:
        has_field = "illustrativ" in page_type.schema["properties"]
        assert page_type.is_illustrative({"illustrativ": True}) is has_field
        assert page_type.is_illustrative({"illustrativ": False}) is False


def test_duplicate_keys_hold_the_distinguishing_fields() -> None:
    for page_type in TYPES:
        meta = {name: f"v-{name}" for name in page_type.distinguishing_fields}
        assert page_type.duplicate_key(meta) == tuple(f"v-{name}" for name in page_type.distinguishing_fields)
        assert page_type.duplicate_key({}) == ("",) * len(page_type.distinguishing_fields)


def test_index_only_folders_are_those_of_types_with_an_index_marker() -> None:
    assert index_only_folders() == {t.folder for t in TYPES if t.index_marker}
    for folder in index_only_folders():
        assert page_type_for(f"{folder}/et-emne.md").index_only
        assert not page_type_for(f"{folder}/index.md").index_only


@pytest.mark.parametrize(
    ("path", "base", "lang", "stem", "folder"),
    [
        ("om.md", "om.md", "da", "om", ""),
        ("om.en.md", "om.md", "en", "om", ""),
        ("nyheder/2024-01-02-x.en.md", "nyheder/2024-01-02-x.md", "en", "2024-01-02-x", "nyheder"),
        ("anbefalinger/index.md", "anbefalinger/index.md", "da", "index", "anbefalinger"),
        ("en.md", "en.md", "da", "en", ""),
    ],
)
def test_source_paths(path: str, base: str, lang: str, stem: str, folder: str) -> None:
    assert sourcepaths.split_language(path) == (base, lang)
    assert sourcepaths.with_language(base, lang) == path
    assert sourcepaths.stem(path) == stem and sourcepaths.folder(path) == folder
    assert sourcepaths.is_translation(path) is (lang != sourcepaths.DEFAULT_LANGUAGE)
    assert base.removesuffix(".md") + sourcepaths.language_suffix(lang) + ".md" == path


def test_front_pages_and_file_names_of_any_case_are_read_by_the_one_helper() -> None:
    assert [sourcepaths.is_index(p) for p in ("index.md", "om/index.md", "om/indeks.md", "om/x-index.md")] == [
        True,
        True,
        False,
        False,
    ]
    assert sourcepaths.split_file_name("om.EN.MD") == ("om", ".en")  # the proposed name writes it in lower case
    assert sourcepaths.split_file_name("om.en.MD") == ("om", ".en")
    assert sourcepaths.split_file_name("Om Os.markdown") == ("Om Os", "")


def test_one_spelling_of_the_danish_letters_in_proposed_and_checked_file_names() -> None:
    assert slugify("Æbler, øer og ål") == "aebler-oeer-og-aal"
    assert filenames.proposed_name("Æbler og Øer.en.md") == "aebler-og-oeer.en.md"
    assert [p.rule for p in filenames.page_name_problems("øer.md", "docs/øer.md")] == ["filnavn-tegn"]
    # ß is no Danish letter: a name with it must be renamed, and the proposal spells it out.
    assert [p.rule for p in filenames.page_name_problems("straße.md", "docs/straße.md")] == ["filnavn"]
    assert filenames.proposed_name("straße.md") == "strasse.md"


def _type_checks(text: str) -> list[str]:
    """Comparisons with a page type or its name, and tables keyed by type names, in a module's text."""
    names = set(PAGE_TYPES)
    constants = {name for name, value in vars(model).items() if isinstance(value, PageType)}

    def names_a_type(node: ast.AST) -> bool:
        return (
            (isinstance(node, ast.Name) and node.id in constants)
            or (isinstance(node, ast.Constant) and node.value in names)
            or (isinstance(node, ast.Attribute) and node.attr == "name" and "type" in ast.unparse(node.value))
            or (isinstance(node, ast.Tuple | ast.List | ast.Set) and any(map(names_a_type, node.elts)))
        )

    def compares_a_type(node: ast.Compare) -> bool:
        operands = [node.left, *node.comparators]
        if any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            return any(isinstance(o, ast.Tuple | ast.List | ast.Set) and names_a_type(o) for o in operands)
        return any(map(names_a_type, operands))

    def keyed_by_type_names(node: ast.Dict) -> bool:
        keys = [key for key in node.keys if key is not None]
        return len(keys) > 1 and all(isinstance(key, ast.Constant) and key.value in names for key in keys)

    found = []
    for node in ast.walk(ast.parse(text)):
        if (isinstance(node, ast.Compare) and compares_a_type(node)) or (
            isinstance(node, ast.Dict) and keyed_by_type_names(node)
        ):
            found.append(f"{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_behaviour_by_page_type_lives_on_the_type() -> None:
    """No ``if page.type is NYHED`` or ``type.name == "anbefaling"`` outside the model: ask the type instead."""
    modules = [p for p in (ROOT / "scripts").rglob("*.py") if p != Path(model.__file__)]
    found = {str(p.relative_to(ROOT)): _type_checks(p.read_text(encoding="utf-8")) for p in modules}
    assert {path: checks for path, checks in found.items() if checks} == {}
    assert len(modules) > 40


def test_the_type_check_scan_finds_each_form() -> None:
    checks = [
        "page.type is NYHED",
        "page.type is not PRAKSISEKSEMPEL",
        "page.type.name == 'anbefaling'",
        "page_type.name != type_name",
        "page.type.name in ('nyhed', 'medlem')",
        "{'anbefaling': 1, 'nyhed': 2}.get(page_type.name)",
    ]
    assert [len(_type_checks(check)) for check in checks] == [1] * len(checks)
    assert _type_checks("'anbefaling' in args\npage.type.search_boost\n{ANBEFALING: f, NYHED: g}") == []
