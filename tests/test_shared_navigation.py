"""The menu is rendered once for the pages outside it that show the same one (shared_navigation)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from boerneinddragelse.shared_navigation import (
    THEME_PREFIX,
    SharedFragments,
    navigation_key,
    with_theme_templates,
)
from jinja2 import DictLoader, Environment, FileSystemLoader


def _page(url: str, active: bool = False) -> SimpleNamespace:
    return SimpleNamespace(url=url, active=active, children=None)


def _nav() -> SimpleNamespace:
    front, catalogue, first = _page(""), _page("praksiseksempler/"), _page("anbefalinger/1-boernesyn/")
    section = SimpleNamespace(url=None, active=False, children=[first])
    return SimpleNamespace(items=[front, catalogue, section], pages=[front, catalogue, first])


def test_pages_outside_the_menu_in_one_folder_share_it() -> None:
    nav = _nav()
    first, second = _page("praksiseksempler/a/"), _page("praksiseksempler/b/")
    assert navigation_key(first, nav) is not None
    assert navigation_key(first, nav) == navigation_key(second, nav)


def test_a_page_of_the_menu_gets_its_own() -> None:
    nav = _nav()
    assert [navigation_key(page, nav) for page in nav.pages] == [None, None, None]


def test_a_page_with_menu_pages_below_its_address_gets_its_own() -> None:
    # Its links to them are relative to its own address, not to its folder.
    assert navigation_key(_page("anbefalinger/"), _nav()) is None


def test_another_folder_or_another_depth_is_another_menu() -> None:
    nav = _nav()
    keys = {
        navigation_key(_page(url), nav)
        for url in ("praksiseksempler/a/", "nyheder/a/", "praksiseksempler/a/b/", "praksiseksempler/a.html")
    }
    assert len(keys) == 4


def test_an_open_section_is_another_menu() -> None:
    nav = _nav()
    closed = navigation_key(_page("praksiseksempler/a/"), nav)
    nav.items[2].active = True
    assert navigation_key(_page("praksiseksempler/b/"), nav) != closed


def test_no_page_or_no_menu_gets_no_key() -> None:
    assert navigation_key(None, _nav()) is None
    assert navigation_key(_page("a/"), None) is None


def test_the_call_block_renders_once_per_key_and_always_without_one() -> None:
    rendered: list[str] = []
    env = Environment(loader=DictLoader({"side.html": "{% call shared(key) %}{{ note(name) }}{% endcall %}"}))
    env.globals["shared"] = SharedFragments()
    env.globals["note"] = lambda name: rendered.append(name) or name
    template = env.get_template("side.html")
    outputs = [template.render(key=key, name=name) for key, name in [("x", "a"), ("x", "b"), (None, "c"), (None, "d")]]
    assert outputs == ["a", "a", "c", "d"]
    assert rendered == ["a", "c", "d"]


def test_an_override_can_include_the_theme_template_it_replaces(tmp_path: Path) -> None:
    theme, overrides = tmp_path / "theme", tmp_path / "overrides"
    for folder, text in [(theme, "tema-menu"), (overrides, '[{% include "' + THEME_PREFIX + '/menu.html" %}]')]:
        (folder / "partials").mkdir(parents=True)
        (folder / "partials" / "menu.html").write_text(text, encoding="utf-8")
    dirs = [str(overrides / "partials"), str(theme / "partials")]
    loader = with_theme_templates(FileSystemLoader(dirs), dirs, dirs[0])
    assert Environment(loader=loader).get_template("menu.html").render() == "[tema-menu]"
