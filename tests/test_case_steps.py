"""»Barnets vej gennem sagen«: the steps of a case as data (scripts/data/sagens-trin.yml), checked
against the Lovgrundlag list and the site, and rendered as a timeline."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from boerneinddragelse import case_steps, catalogue_data, vocabulary
from boerneinddragelse.formatting import number_in_words
from boerneinddragelse.reference_data import TimeLimit, legal_basis
from boerneinddragelse.render import RenderContext, render_markers
from boerneinddragelse.site import Site, load_site
from boerneinddragelse.urls import page_url

from conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
DATA = FIXTURES / "data"


@pytest.fixture(scope="module")
def fixture_site() -> Site:
    return load_site(FIXTURES / "site" / "gyldig" / "docs")


def test_steps_in_order_read_without_problems(fixture_site: Site) -> None:
    steps, problems = case_steps.read(DATA, fixture_site)
    assert problems == []
    assert [s.id for s in steps] == ["undersoegelse", "plan"]
    assert steps[0].deadline == TimeLimit(4, "maaneder", "frist")  # from the Lovgrundlag list, not the step
    assert steps[1].deadline is None
    assert steps[0].recommendations == (1, 3)


def test_each_mistake_is_reported_in_danish_with_file_and_line(fixture_site: Site) -> None:
    steps, problems = case_steps.read(DATA / "sagens-trin-fejl", fixture_site)
    assert steps == ()
    found = [(p.path.rsplit("/", 1)[-1], p.line, p.rule, p.message) for p in problems]
    assert [(name, line, rule) for name, line, rule, _ in found] == [
        ("sagens-trin.yml", 3, "data-fil"),  # § 140 is not on the list
        ("sagens-trin.yml", 4, "data-fil"),  # § 5 sets no deadline
        ("sagens-trin.yml", 5, "data-fil"),  # there is no recommendation 9
        ("sagens-trin.yml", 6, "data-fil"),  # the Danish text cites § 77
        ("sagens-trin.yml", 10, "data-fil"),  # the English text cites sections 20–21 (21 is not listed)
        ("sagens-trin.yml", 14, "data-fil"),  # the id is used twice
        ("sagens-trin.yml", 14, "data-fil"),  # and the step has no English
    ]
    messages = " ".join(message for *_, message in found)
    for expected in ("§ 140 står ikke på listen", "»frist: 5«", "ingen anbefaling nummer 9", "§ 77", "§§ 20–21"):
        assert expected in messages


def test_without_a_site_the_recommendations_are_not_checked() -> None:
    _, problems = case_steps.read(DATA / "sagens-trin-fejl")
    assert not any("anbefaling nummer" in p.message for p in problems)


def test_english_section_references_are_read_like_danish_ones() -> None:
    assert case_steps.cited_spans("see section 5(3) and sections 144–150, or § 48") == [(48, 48), (5, 5), (144, 150)]
    assert case_steps.cited_spans("sections" + " " * 10_000) == []


def test_the_sites_steps_are_in_order_against_the_real_site() -> None:
    steps, problems = case_steps.read(ROOT / "scripts" / "data", load_site(ROOT / "docs"))
    assert problems == []
    assert steps and [s.id for s in steps] == list(vocabulary.case_step_ids())


def _context(site: Site, rel: str) -> RenderContext:
    page = site.by_rel[rel]
    return RenderContext(site, page, page_url(page.base, page.lang, True), directory_urls=True)


def test_the_timeline_is_an_ordered_list_with_one_item_per_step_and_the_deadlines_from_the_data(
    fixture_site: Site,
) -> None:
    out = render_markers("<!-- sagens-trin -->", _context(fixture_site, "index.md"))
    steps = case_steps.steps()
    assert out.count('<ol class="sagens-trin">') == 1
    # Each step's heading has the anchor: a section of its own in search, a target for links.
    assert re.findall(r'<h2 class="sagens-trin__titel" id="trin-([a-z0-9-]+)">', out) == [s.id for s in steps]
    items = out.split('<li class="sagens-trin__trin"')[1:]
    for step, item in zip(steps, items, strict=True):
        if step.deadline:
            count = number_in_words(step.deadline.count)
            assert f"</strong> {count} {step.deadline.unit_name()} (" in item
            assert f'#{step.deadline_section.anchor}"' in item
        else:
            assert "sagens-trin__frist" not in item
        for section in step.sections:
            assert f'href="lovgrundlag/#{section.anchor}">{section.label}</a>' in item
    assert 'style="' not in out  # the site's CSP allows no inline styles


def _site_with_step(tmp_path: Path) -> tuple[Site, str]:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "site" / "gyldig" / "docs", docs)
    step = vocabulary.case_step_ids()[0]
    page = docs / "praksiseksempler" / "konstrueret-eksempel.md"
    page.write_text(page.read_text(encoding="utf-8").replace("illustrativ:", f"sagstrin: {step}\nillustrativ:", 1))
    site = load_site(docs)
    assert site.problems == []
    return site, step


def test_an_example_that_names_a_step_is_listed_under_it_in_the_timeline_and_the_catalogue(tmp_path: Path) -> None:
    site, step = _site_with_step(tmp_path)
    assert [p.base for p in case_steps.examples_by_step(site)[step]] == ["praksiseksempler/konstrueret-eksempel.md"]
    timeline = render_markers("<!-- sagens-trin -->", _context(site, "index.md"))
    item = timeline.split(f'id="trin-{step}">', 1)[1].split('<li class="sagens-trin__trin"', 1)[0]
    assert "praksiseksempler/konstrueret-eksempel/" in item
    catalogue = render_markers("<!-- katalog -->", _context(site, "praksiseksempler/index.md"))
    assert f'<option value="{step}">' in catalogue
    records = catalogue_data.records(site, directory_urls=True)
    assert [r["url"] for r in records if r["sagstrin"] == step] == ["../../praksiseksempler/konstrueret-eksempel/"]


def test_the_catalogue_has_no_step_filter_when_no_example_names_a_step(fixture_site: Site) -> None:
    catalogue = render_markers("<!-- katalog -->", _context(fixture_site, "praksiseksempler/index.md"))
    assert 'name="sagstrin"' not in catalogue
    assert "data-sagstrin" not in catalogue  # an example without a step carries no empty attribute
    assert 'class="katalog__eksempel"' in catalogue


def test_an_example_page_links_the_step_it_illustrates(tmp_path: Path) -> None:
    from boerneinddragelse.render import page_parts

    site, step = _site_with_step(tmp_path)
    top, _ = page_parts(_context(site, "praksiseksempler/konstrueret-eksempel.md"))
    assert f'<dt>Trin i sagen</dt>\n<dd><a href="../../barnets-vej/#trin-{step}">' in top


def test_every_recommendation_links_the_path_through_the_case(fixture_site: Site) -> None:
    from boerneinddragelse.render import page_parts

    steps = case_steps.steps()
    for page in fixture_site.recommendations("da"):
        top, _ = page_parts(_context(fixture_site, page.rel))
        assert 'href="../../barnets-vej/"' in top
        belongs = case_steps.steps_for_recommendation(steps, page.meta["nummer"])
        assert re.findall(r'barnets-vej/#trin-([a-z0-9-]+)"', top) == [s.id for s in belongs]


def test_the_fixture_lovgrundlag_list_has_the_deadline_the_fixture_steps_use() -> None:
    assert legal_basis(DATA).time_limits() == {(4, "maaneder")}
