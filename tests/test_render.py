"""Generated lists and page parts from the Jinja partials (scripts/lib/boerneinddragelse/render.py)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from boerneinddragelse import catalogue_pages, vocabulary
from boerneinddragelse import offline_release as publish_offline
from boerneinddragelse.formatting import danish_date, danish_time, iso_time, number_in_words, shown_domain
from boerneinddragelse.reference_data import legal_basis, publication
from boerneinddragelse.render import MARKERS, MarkerError, RenderContext, page_parts, render_markers
from boerneinddragelse.settings import Contact
from boerneinddragelse.site import Site, load_site
from boerneinddragelse.urls import page_url
from markupsafe import escape

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = '<script>alert("x")</script> & "q"'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;q&#34;"
# Every marker, with arguments where it takes them, on a page where it makes sense.
MARKER_CASES = [
    ("anbefalinger", "<!-- anbefalinger -->", "anbefalinger/index.md"),
    ("anbefalinger kort", "<!-- anbefalinger visning=kort -->", "index.md"),
    ("praksiseksempler", "<!-- praksiseksempler -->", "anbefalinger/1-beta.md"),
    ("praksiseksempler anbefaling=1", "<!-- praksiseksempler anbefaling=1 -->", "index.md"),
    ("katalog", "<!-- katalog -->", "praksiseksempler/index.md"),
    ("medlemmer", "<!-- medlemmer -->", "partnerskab/index.md"),
    ("antal-medlemmer", "<!-- antal-medlemmer -->", "partnerskab/index.md"),
    ("lovgrundlag", "<!-- lovgrundlag -->", "index.md"),
    ("publikation", "<!-- publikation -->", "index.md"),
    ("nyheder", "<!-- nyheder -->", "nyheder/index.md"),
    ("nyheder seneste=1", "<!-- nyheder seneste=1 -->", "index.md"),
    ("arrangementer", "<!-- arrangementer -->", "om.md"),
    ("anbefalinger overblik", "<!-- anbefalinger visning=overblik -->", "index.md"),
    ("kontakt", "<!-- kontakt -->", "om.md"),
    ("offline-hentning", "<!-- offline-hentning -->", "om.md"),
    ("offline-hentning aendringer", "<!-- offline-hentning visning=aendringer -->", "om.md"),
    ("sikkerhedsheadere", "<!-- sikkerhedsheadere -->", "om.md"),
    ("ordliste", "<!-- ordliste -->", "index.md"),
    ("ordliste gamle-ord", "<!-- ordliste visning=gamle-ord -->", "index.en.md"),
    ("sagens-trin", "<!-- sagens-trin -->", "index.md"),
    ("tilgaengelighed", "<!-- tilgaengelighed -->", "om.md"),
    ("tilgaengelighed was", "<!-- tilgaengelighed visning=was -->", "om.md"),
]


@pytest.fixture(scope="module")
def valid() -> Site:
    site = load_site(FIXTURES / "site" / "gyldig" / "docs")
    assert site.problems == []
    return site


@pytest.fixture(scope="module")
def hostile() -> Site:
    site = load_site(FIXTURES / "render" / "escaping" / "docs")
    assert site.problems == []
    return site


def context(site: Site, rel: str, directory_urls: bool = True, contact: Contact | None = None) -> RenderContext:
    page = site.by_rel[rel]
    url = page_url(page.base, page.lang, directory_urls)
    return RenderContext(site, page, url, directory_urls, contact or Contact())


def render(site: Site, rel: str, markdown: str, directory_urls: bool = True) -> str:
    return render_markers(markdown, context(site, rel, directory_urls))


def hrefs(html: str, css_class: str | None = None) -> list[str]:
    pattern = r'<a class="' + css_class + r'" href="([^"]*)"' if css_class else r'<a href="([^"]*)"'
    return re.findall(pattern, html)


# ---------------------------------------------------------------------------- markers


def test_unknown_marker_raises_naming_it(valid: Site) -> None:
    with pytest.raises(MarkerError, match="»praksis-eksempler«") as error:
        render(valid, "index.md", "Tekst.\n\n<!-- praksis-eksempler -->\n")
    # The message helps the editor with the names that do exist.
    assert "praksiseksempler" in str(error.value).split("kendte markører:")[1]


def test_examples_marker_needs_a_number_outside_recommendations(valid: Site) -> None:
    with pytest.raises(MarkerError, match="anbefaling=N"):
        render(valid, "index.md", "<!-- praksiseksempler -->\n")


def test_ordinary_comments_inside_text_are_left_alone(valid: Site) -> None:
    markdown = "Tekst <!-- ukendt --> i en linje.\n\n<!-- En kommentar med store bogstaver -->\n"
    assert render(valid, "index.md", markdown) == markdown


def test_marker_line_is_replaced_and_the_text_around_it_kept(valid: Site) -> None:
    out = render(valid, "partnerskab/index.md", "Før.\n<!-- medlemmer -->\nEfter.\n")
    assert out.startswith('Før.\n\n<ul class="medlemmer">')
    assert out.endswith("</ul>\n\nEfter.\n")
    assert "<!--" not in out


def test_recommendations_marker_lists_them_in_number_order(valid: Site) -> None:
    out = render(valid, "anbefalinger/index.md", "<!-- anbefalinger -->")
    assert hrefs(out, "anbefalinger__link") == ["1-beta/", "2-gamma/", "3-alfa/"]
    assert re.findall(r'value="(\d)"', out) == ["1", "2", "3"]
    assert '<h3 class="anbefalinger__gruppenavn">Organisatoriske rammer</h3>' in out
    assert "anbefalinger__beskrivelse" in out
    short = render(valid, "index.md", "<!-- anbefalinger visning=kort -->")
    assert "anbefalinger--kort" in short
    assert "anbefalinger__beskrivelse" not in short
    assert hrefs(short, "anbefalinger__link") == [
        "anbefalinger/1-beta/",
        "anbefalinger/2-gamma/",
        "anbefalinger/3-alfa/",
    ]


def test_examples_marker_on_a_recommendation_uses_its_number(valid: Site) -> None:
    out = render(valid, "anbefalinger/1-beta.md", "<!-- praksiseksempler -->")
    assert 'data-anbefaling="1"' in out
    assert hrefs(out, "eksempelliste__link") == [
        "../../praksiseksempler/eksempel-fra-aarhus/",
        "../../praksiseksempler/konstrueret-eksempel/",
    ]
    assert '<span class="maerke-konstrueret">Konstrueret eksempel</span>' in out  # the illustrative one is labelled
    assert '<p class="eksempelliste__meta">Aarhus</p>' in out
    assert '<a href="../../praksiseksempler/">Se alle praksiseksempler i kataloget</a>' in out


def test_examples_marker_with_a_number_and_without_examples(valid: Site) -> None:
    out = render(valid, "index.md", "<!-- praksiseksempler anbefaling=2 -->")
    assert hrefs(out, "eksempelliste__link") == ["praksiseksempler/bisidder-ved-samtalen/"]
    empty = render(valid, "index.md", "<!-- praksiseksempler anbefaling=7 -->")
    assert "Der er endnu ingen praksiseksempler til denne anbefaling." in empty


def test_examples_marker_on_an_english_page_links_to_danish_examples(valid: Site) -> None:
    out = render(valid, "anbefalinger/1-beta.en.md", "<!-- praksiseksempler -->")
    assert hrefs(out, "eksempelliste__link") == [
        "../../../praksiseksempler/eksempel-fra-aarhus/",
        "../../../praksiseksempler/konstrueret-eksempel/",
    ]
    assert "See all practice examples in the catalogue (in Danish)" in out
    assert '<span class="maerke-konstrueret">Constructed example</span> (in Danish)' in out


def test_catalogue_labels_can_be_read_back_from_the_facts_line() -> None:
    """The catalogue script splits a facts line's themes and age groups on », «: no label may hold it."""
    for name in ("temaer", "maalgrupper"):
        labels = [term.label("da") for term in vocabulary.terms(name).values()]
        assert labels and not [label for label in labels if ", " in label], name
        assert len(set(labels)) == len(labels), name  # a label gives back one value


def listed(html: str) -> list[str]:
    """The addresses of the examples a catalogue page lists (not the filter's empty one in <template>)."""
    return re.findall(r'<h2 class="katalog__titel"><a href="([^"]*)">', html.split("<template")[0])


def test_catalogue_marker(valid: Site) -> None:
    out = render(valid, "praksiseksempler/index.md", "<!-- katalog -->")
    assert '<p class="katalog__antal" role="status" aria-live="polite" data-katalog-antal>3 praksiseksempler</p>' in out
    assert "data-katalog-sider" not in out  # one page: no links to others
    assert listed(out) == [
        "bisidder-ved-samtalen/",
        "eksempel-fra-aarhus/",
        "konstrueret-eksempel/",
    ]
    # The facts line's labels are the options' labels (the filter writes them so for the data file's examples).
    assert re.findall(r'<span data-felt="kommune">([^<]+)</span>', out) == ["Uden kommune", "Aarhus", "Uden kommune"]
    assert '<span data-felt="anbefaling">Anbefaling 1, 3</span>' in out
    assert "data-temaer" not in out and "data-anbefalinger" not in out  # each fact once
    assert '<option value="Aarhus">Aarhus</option>' in out
    assert "Konstruerede eksempler uden kommune</a> (2)" in out
    # The cards name the age groups as the filter does (the label, not the slug).
    meta = re.findall(r'<p class="katalog__meta">(.*?)</p>', out.split("<template")[0])
    assert meta and all("–" in line and " år" in line and "-1" not in line for line in meta)


def test_catalogue_in_pages(valid: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page lists its share, counts where it is, and links every page; page 1 is the section's front page."""
    monkeypatch.setattr(catalogue_pages, "PER_PAGE", 2)
    rel = "praksiseksempler/index.md"
    first = render_markers("<!-- katalog -->", context(valid, rel))
    assert listed(first) == ["bisidder-ved-samtalen/", "eksempel-fra-aarhus/"]
    assert "Viser 1–2 af 3 praksiseksempler" in first
    assert 'data-katalog-i-alt="3"' in first
    assert re.findall(r'<a href="([^"]*)" aria-label="Side (\d)"', first) == [("./", "1"), ("side-2/", "2")]
    assert '<a href="./" aria-label="Side 1" aria-current="page">' in first
    assert '<a href="side-2/" rel="next">Næste side</a>' in first and 'rel="prev"' not in first
    ctx = context(valid, rel)
    second_ctx = RenderContext(ctx.site, ctx.page, "praksiseksempler/side-2/", True, number=2)
    second = render_markers("<!-- katalog -->", second_ctx)
    assert listed(second) == ["../konstrueret-eksempel/"]
    assert "Viser 3–3 af 3 praksiseksempler" in second
    assert '<a href="./" aria-label="Side 2" aria-current="page">' in second
    assert '<a href="../" rel="prev">Forrige side</a>' in second and 'rel="next"' not in second


def test_catalogue_page_names() -> None:
    assert catalogue_pages.page_rel(1) == "praksiseksempler/index.md"
    assert catalogue_pages.page_rel(3) == "praksiseksempler/side-3.md"
    assert catalogue_pages.page_number("praksiseksempler/side-3.md") == 3
    assert catalogue_pages.page_number("praksiseksempler/index.md") == 1
    assert catalogue_pages.page_number("nyheder/side-3.md") == 1  # only the catalogue is paged
    assert catalogue_pages.source_rel("praksiseksempler/side-12.md") == "praksiseksempler/index.md"
    assert catalogue_pages.is_reserved("praksiseksempler/side-2.md")
    assert not catalogue_pages.is_reserved("praksiseksempler/side-om-samtaler.md")
    assert not catalogue_pages.is_reserved("praksiseksempler/side-0.md")
    assert not catalogue_pages.is_reserved("praksiseksempler/side-1.md")  # page 1 is the front page
    assert catalogue_pages.is_reserved("praksiseksempler/side-10.md")
    per_page = catalogue_pages.PER_PAGE
    assert [catalogue_pages.page_count(n) for n in (0, 1, per_page, per_page + 1)] == [1, 1, 1, 2]
    last = catalogue_pages.page_slice(2, per_page + 1)
    assert (last.first, last.last, last.count) == (per_page + 1, per_page + 1, 2)


def test_members_marker(valid: Site) -> None:
    out = render(valid, "partnerskab/index.md", "<!-- medlemmer -->")
    assert hrefs(out) == ["dansk-socialraadgiverforening/", "kl/"]
    assert '<abbr class="medlemmer__forkortelse" title="Kommunernes Landsforening">(KL)</abbr>' in out


def test_member_count_is_counted_from_the_member_pages(valid: Site) -> None:
    out = render(valid, "partnerskab/index.md", "<!-- antal-medlemmer -->")
    assert '<p class="medlemmer__antal">To organisationer har repræsentanter i partnerskabet.</p>' in out
    english = render(valid, "index.en.md", "<!-- antal-medlemmer -->")
    assert "Two organisations have representatives in the partnership." in english


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://kl.dk/", "kl.dk"),
        ("https://www.sbst.dk/a/b", "www.sbst.dk"),
        ("https://xn--danskeprofessionshjskoler-xtc.dk/", "danskeprofessionshøjskoler.dk"),
        ("https://xn--a.dk/", "xn--a.dk"),  # not valid punycode: shown as written
    ],
)
def test_shown_domain(url: str, shown: str) -> None:
    assert shown_domain(url) == shown


@pytest.mark.parametrize(
    ("count", "lang", "words"),
    [(1, "da", "én"), (7, "da", "syv"), (10, "da", "ti"), (11, "da", "11"), (10, "en", "ten"), (12, "en", "12")],
)
def test_number_in_words(count: int, lang: str, words: str) -> None:
    assert number_in_words(count, lang) == words


def test_legal_basis_marker_lists_every_section_with_its_link(valid: Site) -> None:
    basis = legal_basis()
    out = render(valid, "index.md", "<!-- lovgrundlag -->")
    assert re.findall(r'<dt class="lovgrundlag__paragraf" id="([^"]+)">', out) == [s.anchor for s in basis.sections]
    first = basis.sections[0]
    assert f'<a href="{first.url}">{first.label}</a>' in out
    assert str(escape(first.da)) in out
    english = render(valid, "index.en.md", "<!-- lovgrundlag -->")
    assert str(escape(first.en)) in english and str(escape(first.da)) not in english
    uncertain = [s for s in basis.sections if s.uncertain]
    assert out.count("(Usikkert: tjek lovteksten.)") == len(uncertain)


def test_publication_marker(valid: Site) -> None:
    book = publication()
    out = render(valid, "index.md", "<!-- publikation -->")
    assert f"<dd>{book.isbn}</dd>" in out
    assert f'<a href="{escape(book.url)}">' in out
    assert f"<dd>{danish_date(date(book.year, book.month, 1)).split(' ', 1)[1]}</dd>" in out
    assert "Udgiver" in out and "Publisher" in render(valid, "index.en.md", "<!-- publikation -->")


def test_news_marker_groups_by_year_newest_first(valid: Site) -> None:
    out = render(valid, "nyheder/index.md", "<!-- nyheder -->")
    assert re.findall(r'<h2 id="aar-(\d+)">', out) == ["2024", "2023"]
    assert hrefs(out, "nyheder__titel") == [
        "2024-01-01-konference/",
        "2023-11-08-anbefalinger/",
        "2023-05-10-temamoede/",
    ]
    assert "Rettet efter udgivelsen · 2 arrangementer" in out
    assert '<time datetime="2024-01-01">1. januar 2024</time> · 1 arrangement</p>' in out


def test_news_marker_latest(valid: Site) -> None:
    out = render(valid, "index.md", "<!-- nyheder seneste=1 -->")
    assert hrefs(out, "nyheder__titel") == ["nyheder/2024-01-01-konference/"]
    assert '<a href="nyheder/">Se alle nyheder</a>' in out


def test_events_marker(valid: Site) -> None:
    out = render(valid, "om.md", "<!-- arrangementer -->")
    # Latest first, so that upcoming events lead without JavaScript (arrangementer.js reorders them).
    assert re.findall(r'class="arrangement__titel" id="([^"]*)"', out) == [
        "konference-2024",
        "webinar-2023",
        "temamoede-2023",
    ]
    assert re.findall(r'<a href="([^"]*)" download>', out) == [
        "../kalender/alle.ics",
        "../kalender/konference-2024.ics",
        "../kalender/webinar-2023.ics",
        "../kalender/temamoede-2023.ics",
    ]
    # All-day events end at the end of their last day; times carry Copenhagen's offset.
    assert 'data-start="2023-06-19T00:00:00+02:00" data-slut="2023-06-19T23:59:59+02:00" ' in out
    assert 'data-frist="2023-06-09T10:00:00+02:00"' in out
    assert 'data-start="2023-11-08T09:30:00+01:00" data-slut="2023-11-08T11:00:00+01:00"' in out
    assert 'data-slut="2024-03-06T23:59:59+01:00"' in out
    assert '<time datetime="2023-06-19">19. juni 2023</time>' in out
    assert "9. juni 2023 kl. 10.00" in out
    assert out.count("data-arrangement-status hidden") == 3
    assert '<a href="../nyheder/2023-05-10-temamoede/">Læs nyheden: Temamøde og webinar</a>' in out


def test_links_without_directory_urls(valid: Site) -> None:
    out = render(valid, "anbefalinger/1-beta.md", "<!-- praksiseksempler -->", directory_urls=False)
    assert hrefs(out, "eksempelliste__link") == [
        "../praksiseksempler/eksempel-fra-aarhus.html",
        "../praksiseksempler/konstrueret-eksempel.html",
    ]
    assert '<a href="../praksiseksempler/index.html">' in out


# ---------------------------------------------------------------------------- page parts


def test_example_page_parts(valid: Site) -> None:
    top, bottom = page_parts(context(valid, "praksiseksempler/konstrueret-eksempel.md"))
    assert "Konstrueret eksempel</p>" in top and 'class="admonition note illustrativ"' in top
    assert "<dd>1. Første</dd>" in top
    assert '<li><a href="../../anbefalinger/1-beta/">Anbefaling 1: Første anbefaling</a></li>' in bottom
    assert '<a href="../eksempel-fra-aarhus/">Eksempel fra Aarhus</a>' in bottom  # related example
    assert '<p class="tilbage"><a href="../">Tilbage til alle praksiseksempler</a></p>' in bottom
    real_top, _ = page_parts(context(valid, "praksiseksempler/eksempel-fra-aarhus.md"))
    assert "illustrativ" not in real_top
    assert "<dt>Kommune</dt>\n<dd>Aarhus</dd>" in real_top
    assert '<a href="mailto:familie@example.org">familie@example.org</a>' in real_top


def test_news_page_parts(valid: Site) -> None:
    top, bottom = page_parts(context(valid, "nyheder/2023-05-10-temamoede.md"))
    assert '<p class="nyhed__dato">Udgivet <time datetime="2023-05-10">10. maj 2023</time></p>' in top
    assert top.count('class="admonition warning rettelse"') == 2
    assert '<h2 id="arrangementer">Arrangementer og tilmelding</h2>' in bottom
    assert re.findall(r'<h3 class="arrangement__titel" id="([^"]*)"', bottom) == ["temamoede-2023", "webinar-2023"]
    assert '<a href="../../kalender/temamoede-2023.ics" download>' in bottom


def test_plain_pages_have_no_parts(valid: Site) -> None:
    assert page_parts(context(valid, "om.md")) == ("", "")


# ---------------------------------------------------------------------------- escaping


def all_generated(site: Site) -> dict[str, str]:
    """Every marker and every page part the hostile fixture can produce, by a readable name."""
    outputs = {}
    for name, marker, _ in MARKER_CASES:
        # The examples marker without a number needs a recommendation page; the rest work anywhere.
        rel = "anbefalinger/1-farlig.md" if marker == "<!-- praksiseksempler -->" else "index.md"
        outputs[name] = render(site, rel, marker)
    outputs["praksiseksempler (en)"] = render(site, "anbefalinger/1-farlig.en.md", "<!-- praksiseksempler -->")
    for page in site.pages:
        top, bottom = page_parts(context(site, page.rel))
        outputs[f"{page.rel} top"] = top
        outputs[f"{page.rel} bund"] = bottom
    return outputs


def test_every_marker_renders_in_the_hostile_fixture(hostile: Site) -> None:
    outputs = all_generated(hostile)
    assert {name for name, _, _ in MARKER_CASES} <= set(outputs)
    assert all(outputs[name].strip() for name, _, _ in MARKER_CASES)


@pytest.mark.parametrize(
    "name",
    [
        "anbefalinger",
        "anbefalinger kort",
        "praksiseksempler",
        "praksiseksempler (en)",
        "katalog",
        "medlemmer",
        "nyheder",
        "nyheder seneste=1",
        "arrangementer",
        "praksiseksempler/farligt-eksempel.md top",
        "praksiseksempler/farligt-eksempel.md bund",
        "praksiseksempler/andet-eksempel.md bund",
        "nyheder/2023-05-10-farlig-nyhed.md top",
        "nyheder/2023-05-10-farlig-nyhed.md bund",
    ],
)
def test_editor_text_is_escaped(hostile: Site, name: str) -> None:
    html = all_generated(hostile)[name]
    assert "<script" not in html
    assert '& "q"' not in html
    assert ESCAPED in html


def test_no_raw_markup_from_front_matter_anywhere(hostile: Site) -> None:
    for name, html in all_generated(hostile).items():
        assert "<script" not in html, name
        assert "<b>" not in html, name
        # Attribute values with quotes and ampersands from front matter stay inside their attribute.
        assert 'b="2"' not in html, name


def test_urls_from_front_matter_are_escaped_in_attributes(hostile: Site) -> None:
    outputs = all_generated(hostile)
    assert (
        'href="https://example.org/materiale?a=1&amp;b=&#34;2&#34;"'
        in outputs["praksiseksempler/farligt-eksempel.md bund"]
    )
    assert 'href="https://example.org/tilmelding?a=1&amp;b=&#34;2&#34;"' in outputs["arrangementer"]
    assert 'href="mailto:a&#34;b@example.org"' in outputs["praksiseksempler/farligt-eksempel.md top"]
    assert "(&lt;b&gt;&#34;&amp;&#34;&lt;/b&gt;)" in outputs["medlemmer"]
    member = outputs["partnerskab/farligt-medlem.md top"]
    assert "<dd>&lt;b&gt;&#34;&amp;&#34;&lt;/b&gt;</dd>" in member
    assert 'href="https://example.org/?a=1&amp;b=&#34;2&#34;"' in member


# ---------------------------------------------------------------------------- Markdown safety


@pytest.mark.parametrize("fixture", ["valid", "hostile"])
def test_generated_html_has_no_blank_or_indented_lines(fixture: str, request: pytest.FixtureRequest) -> None:
    """A blank line ends Markdown's raw HTML block; an indented line could become a code block."""
    site: Site = request.getfixturevalue(fixture)
    outputs = all_generated(site) if fixture == "hostile" else {}
    if fixture == "valid":
        for name, marker, rel in MARKER_CASES:
            outputs[name] = render(site, rel, marker)
        for page in site.pages:
            outputs[page.rel] = "\n".join(page_parts(context(site, page.rel)))
    checked = 0
    for name, html in outputs.items():
        body = html.strip("\n")
        if not body:
            continue
        checked += 1
        lines = body.split("\n")
        assert all(line.strip() for line in lines), f"blank line in {name}"
        assert all(not line[0].isspace() for line in lines), f"indented line in {name}"
    assert checked >= len(MARKER_CASES)


def test_every_marker_is_covered() -> None:
    assert {marker.split()[1] for _, marker, _ in MARKER_CASES} == set(MARKERS)


# ---------------------------------------------------------------------------- dates


def test_danish_date() -> None:
    assert danish_date(date(2023, 6, 19)) == "19. juni 2023"
    assert danish_date("2023-06-19") == "19. juni 2023"
    assert danish_date("2024-01-01") == "1. januar 2024"
    assert danish_date(date(2023, 6, 19), "en") == "19 June 2023"


def test_danish_time() -> None:
    assert danish_time(datetime(2023, 6, 9, 10, 0)) == "9. juni 2023 kl. 10.00"
    assert danish_time(datetime(2023, 11, 8, 9, 30)) == "8. november 2023 kl. 09.30"
    assert danish_time(datetime(2023, 6, 9, 10, 0), "en") == "9 June 2023, 10:00"


def test_iso_time_carries_copenhagen_offset() -> None:
    assert iso_time(datetime(2023, 6, 9, 10, 0)) == "2023-06-09T10:00:00+02:00"  # summer time
    assert iso_time(datetime(2023, 11, 8, 9, 30)) == "2023-11-08T09:30:00+01:00"  # winter time
    assert iso_time(datetime(2023, 6, 19), end_of_day=True) == "2023-06-19T23:59:59+02:00"
    # The last Sunday of October: the offset follows the wall clock of that moment.
    assert iso_time(datetime(2023, 10, 29, 1, 0)) == "2023-10-29T01:00:00+02:00"
    assert iso_time(datetime(2023, 10, 29, 4, 0)) == "2023-10-29T04:00:00+01:00"


# ---------------------------------------------------------------------------- overview and contact


def test_overview_shows_both_groups_practice_first_with_their_recommendations(valid: Site) -> None:
    out = render(valid, "index.md", "<!-- anbefalinger visning=overblik -->")
    groups = re.findall(r'class="overblik__gruppe overblik__gruppe--([a-z]+)"', out)
    assert groups == ["praksis", "rammer"]
    practice, frame = out.split("overblik__gruppe--rammer")
    assert hrefs(practice, "overblik__link") == ["anbefalinger/3-alfa/"]  # nummer 3, gruppe praksis
    assert hrefs(frame.split("overblik__lundy")[0], "overblik__link") == [
        "anbefalinger/1-beta/",
        "anbefalinger/2-gamma/",
    ]
    assert "(1 anbefaling)" in practice and "(2 anbefalinger)" in frame
    assert '<figure class="overblik" aria-labelledby="overblik-titel">' in out
    assert '<figcaption id="overblik-titel"' in out


def test_overview_ties_lundy_elements_from_front_matter(valid: Site) -> None:
    out = render(valid, "index.md", "<!-- anbefalinger visning=overblik -->")
    elements = re.findall(
        r'<span class="overblik__elementnavn">([^<]+)</span>\s*(?:<span class="overblik__bindinger">(.*?)</span>)?', out
    )
    assert [name for name, _ in elements] == ["Rum", "Stemme", "Tilhører", "Indflydelse"]
    ties = {name: re.findall(r'href="([^"]+)"', links) for name, links in elements}
    assert ties == {"Rum": [], "Stemme": [], "Tilhører": ["anbefalinger/3-alfa/"], "Indflydelse": []}
    assert "Lundy: Tilhører" in out  # the tile of recommendation 3 names its element
    assert out.count('class="overblik__par"') == 2


def test_overview_in_english_uses_english_labels(valid: Site) -> None:
    out = render(valid, "index.en.md", "<!-- anbefalinger visning=overblik -->")
    assert "The seven recommendations at a glance" in out
    assert "Organisational framework" in out and "Audience" in out
    assert "Organisatoriske rammer" not in out


@pytest.mark.parametrize(
    ("marker", "words"),
    [
        ("<!-- anbefalinger visning=hjul -->", "»liste«, »kort« eller »overblik«"),
        ("<!-- nyheder seneste=tre -->", "skal være et antal"),
        ("<!-- praksiseksempler anbefaling=x -->", "skal være et nummer"),
        ("<!-- medlemmer sortering=navn -->", "kender ikke »sortering=«"),
    ],
)
def test_bad_marker_arguments_are_marker_errors(valid: Site, marker: str, words: str) -> None:
    with pytest.raises(MarkerError, match=words):
        render(valid, "index.md", marker)


def test_contact_marker_escapes_and_links_the_settings(valid: Site) -> None:
    contact = Contact(adresse=HOSTILE, email="redaktion@example.dk", telefon="+45 33 12 34 56")
    out = render_markers("<!-- kontakt -->", context(valid, "om.md", contact=contact))
    assert ESCAPED in out and "<script>" not in out
    assert '<a href="mailto:redaktion@example.dk">redaktion@example.dk</a>' in out
    assert '<a href="tel:+4533123456">+45 33 12 34 56</a>' in out


def test_contact_marker_says_so_when_the_settings_are_empty(valid: Site) -> None:
    assert "er endnu ikke lagt på hjemmesiden" in render_markers("<!-- kontakt -->", context(valid, "om.md"))
    english = render_markers("<!-- kontakt -->", context(valid, "index.en.md"))
    assert "have not been added to the website yet" in english


# ---------------------------------------------------------------------------- the offline copy's download page


def download_context(site: Site, rel: str, **extra: object) -> RenderContext:
    ctx = context(site, rel)
    ctx.extra = dict(extra)
    return ctx


def test_download_marker_prints_the_facts_of_the_files(valid: Site) -> None:
    facts = publish_offline.collect(FIXTURES / "offline" / "dist", "https://eksempel.dk/")
    html = render_markers("<!-- offline-hentning -->", download_context(valid, "om.md", download=facts))
    assert f">{facts['zip']['sha256']}</code>" in html
    assert 'href="../download/boerneinddragelse-offline-seneste.zip"' in html
    assert f'data-bytes="{facts["zip"]["bytes"]}"' in html
    assert "https://eksempel.dk/download/boerneinddragelse-offline-seneste.zip" in html
    assert '<time datetime="2026-11-25" data-hentning-dato>25. november 2026</time>' in html


def test_download_change_list_escapes_titles_and_links_pages_that_exist(valid: Site) -> None:
    facts = publish_offline.collect(FIXTURES / "offline" / "dist")
    html = render_markers(
        "<!-- offline-hentning visning=aendringer -->", download_context(valid, "om.md", download=facts)
    )
    assert "Om &lt;sitet&gt; &amp; &#34;os&#34;" in html and "<sitet>" not in html
    assert '<a href="../hent/">Hent offline-kopien</a>' in html
    assert "<li>En side, der er fjernet</li>" in html  # removed: no link
    assert "Ændringer siden version <code>fixtur0</code>" in html


def test_download_marker_in_the_offline_copy_points_online(valid: Site) -> None:
    ctx = download_context(
        valid, "om.md", offline=True, online_url="https://eksempel.dk/", version="abc", build_date="25.11.2026"
    )
    html = render_markers("<!-- offline-hentning -->", ctx)
    assert "bygget 25.11.2026 fra version <code>abc</code>" in html
    assert '<a href="https://eksempel.dk/om/">' in html
    changes = render_markers("<!-- offline-hentning visning=aendringer -->", ctx)
    assert '<a href="../AENDRINGER.txt">AENDRINGER.txt</a>' in changes


def test_download_marker_rejects_an_unknown_view(valid: Site) -> None:
    with pytest.raises(
        MarkerError, match="»visning=alt« i markøren »offline-hentning« skal være »hentning« eller »aendringer«"
    ):
        render(valid, "om.md", "<!-- offline-hentning visning=alt -->")


def test_glossary_marker_links_each_concept_to_its_sections_on_the_lovgrundlag_page(valid: Site) -> None:
    out = render(valid, "index.md", "<!-- ordliste -->")
    terms = re.findall(r'<dt class="ordliste__term" id="begreb-([a-z0-9-]+)">', out)
    assert terms and len(terms) == len(set(terms))
    assert re.findall(r'href="lovgrundlag/#paragraf-[0-9-]+"', out)
    old = render(valid, "index.en.md", "<!-- ordliste visning=gamle-ord -->")
    assert "<caption>Old words from serviceloven" in old
    assert re.findall(r'<td lang="da">»[^<]+«</td><td><a href="#begreb-[a-z0-9-]+">', old)
