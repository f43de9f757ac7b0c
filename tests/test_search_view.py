"""What Material's search plugin is given to read of a page (search_view), and that its index is unchanged."""

from __future__ import annotations

import time

from boerneinddragelse import search_view
from material.plugins.search.plugin import SearchIndex


class _Page:
    """What Material's SearchIndex reads of a page."""

    def __init__(self, content: str) -> None:
        self.content, self.meta, self.toc, self.url, self.title = content, {}, [], "side/", "Side"


def indexed(html: str) -> list[dict]:
    index = SearchIndex()
    index.add_entry_from_context(_Page(html))
    return index.entries


def test_excluded_elements_are_left_out_with_what_they_hold() -> None:
    html = (
        '<p>Før</p>\n<div class="a" data-search-exclude><div><p>Inde</p></div><ul><li>x</li></ul></div>\n<p>Efter</p>'
    )
    assert search_view.view(html) == "<p>Før</p>\n\n<p>Efter</p>"
    assert search_view.view("<p>Intet</p>") == "<p>Intet</p>"


def test_an_excluded_element_with_a_heading_with_an_id_is_kept() -> None:
    html = '<div data-search-exclude><h2 id="x">Overskrift</h2></div><p>Tekst</p>'
    assert search_view.view(html) == html


def test_an_element_that_does_not_end_is_kept() -> None:
    html = "<p>A</p><div data-search-exclude><p>B</p>"
    assert search_view.view(html) == html


def test_materials_index_is_the_same_from_the_view() -> None:
    html = (
        '<h2 id="a">Afsnit</h2>\n<p>Tekst om <strong>samtalen</strong>.</p>\n'
        '<div class="links" data-search-exclude>\n<h2>Andre</h2>\n'
        '<ul class="r">\n<li><a href="x/">Titel</a></li>\n</ul>\n</div>\n'
        '<p>Mere tekst.</p>\n<ul data-search-exclude><li>Skjult</li></ul>\n<h3 id="b">Næste</h3>\n<p>Slut</p>\n'
    )
    assert "Skjult" not in search_view.view(html) and "Andre" not in search_view.view(html)
    assert [entry["text"] for entry in indexed(search_view.view(html))] == [entry["text"] for entry in indexed(html)]
    assert indexed(search_view.view(html)) == indexed(html)


def test_restored_is_what_material_leaves_of_a_page() -> None:
    assert (
        search_view.restored('<div data-search-boost="2" data-search-exclude>x</div>')
        == "<div data-search-exclude>x</div>"
    )


def test_restored_removes_exactly_what_materials_expression_removes() -> None:
    cases = [
        '<div data-search-boost="2" data-search-exclude>x</div>',
        '<p data-search-boost="1"\tdata-search-exclude="x">a</p>',  # a tab, and two in a row
        'data-search-boost="1" at the very start, and  data-search-x="y" after two spaces',
        '<p data-search-boost="1"data-search-boost="2">glued</p><p\ndata-search-x="é">line break</p>',
        '<p\u00a0data-search-x="1">no-break space</p><p data-search-="1" data-search-x="">not matched</p>',
        "no attribute at all",
    ]
    for html in cases:
        assert search_view.restored(html) == search_view.MATERIAL_STRIPPED.sub("", html), html


def test_a_long_run_of_tags_is_read_in_linear_time() -> None:
    for size in (2_000, 20_000):
        html = "<div data-search-exclude>" + "<div>" * size
        started = time.perf_counter()
        search_view.view(html)
        if size == 2_000:
            small = time.perf_counter() - started
    assert time.perf_counter() - started < max(1.0, 50 * small)
