"""The practice-example catalogue in a browser: filters, counts, URLs, keyboard, no JavaScript.

Filter values and search words are chosen from the content model at run time, so the tests hold
whatever examples editors add or remove.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from boerneinddragelse import analysis, catalogue_pages, readers_words, synonyms
from boerneinddragelse.site import load_site
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parent.parent / "docs"
CATALOGUE = "praksiseksempler/"


@pytest.fixture(scope="module")
def examples():
    return load_site(DOCS).examples()


def narrowing_recommendation(examples) -> str:
    """A recommendation number that some examples show and others do not."""
    counts = {n: sum(n in p.meta["anbefalinger"] for p in examples) for p in examples for n in p.meta["anbefalinger"]}
    return str(next(n for n, count in sorted(counts.items()) if count < len(examples)))


def narrowing_pair(examples) -> tuple[str, str]:
    """A theme and a target group whose combination shows some, but fewer, examples than the theme alone."""
    themes = sorted({t for p in examples for t in p.meta["temaer"]})
    groups = sorted({g for p in examples for g in p.meta["maalgruppe"]})
    return next(
        (theme, group)
        for theme in themes
        for group in groups
        if 0 < len(expected_titles(examples, tema=theme, maalgruppe=group)) < len(expected_titles(examples, tema=theme))
    )


def rare_word(examples) -> tuple[str, str]:
    """The longest word of an example's title that the other examples' titles and descriptions lack, and that title."""
    for example in examples:
        others = " ".join(f"{p.title} {p.meta['description']}" for p in examples if p is not example).lower()
        words = sorted(re.findall(r"\w{4,}", example.title.lower()), key=len, reverse=True)
        for word in words:
            if word not in others:
                return word, example.title
    raise AssertionError("every title word is shared by another example")


def visible_titles(page) -> set[str]:
    """Every title the list shows, after »Vis flere« until there are no more."""
    # The filter fetches the catalogue's data, and its analyser on first use of the text field; the list
    # is aria-busy until then.
    expect(page.locator("[data-katalog-liste]")).not_to_have_attribute("aria-busy", "true")
    more = page.locator("[data-katalog-flere]")
    while more.is_visible():
        more.click()
    items = page.locator(".katalog__eksempel:visible .katalog__titel")
    return {items.nth(i).inner_text().strip() for i in range(items.count())}


def first_page(examples) -> set[str]:
    return {p.title for p in examples[: catalogue_pages.PER_PAGE]}


def unfiltered_count(examples) -> str:
    if len(examples) <= catalogue_pages.PER_PAGE:
        return f"{len(examples)} praksiseksempler"
    return f"Viser 1–{catalogue_pages.PER_PAGE} af {len(examples)} praksiseksempler"


def expected_titles(examples, **wanted: str) -> set[str]:
    """The titles the content model says match the given filters."""
    fields = {"anbefaling": "anbefalinger", "tema": "temaer", "maalgruppe": "maalgruppe"}
    return {
        page.title
        for page in examples
        if all(
            (int(value) if name == "anbefaling" else value) in page.meta[fields[name]] for name, value in wanted.items()
        )
    }


def test_one_filter_shows_its_examples_and_updates_the_url(page, site_url: str, examples) -> None:
    page.goto(site_url + CATALOGUE)
    assert visible_titles(page) == first_page(examples)
    number = narrowing_recommendation(examples)
    page.select_option("#katalog-anbefaling", number)
    wanted = expected_titles(examples, anbefaling=number)
    assert wanted and visible_titles(page) == wanted
    expect(page.locator("[data-katalog-antal]")).to_have_text(
        f"Viser {len(wanted)} af {len(examples)} praksiseksempler"
    )
    assert parse_qs(urlsplit(page.url).query) == {"anbefaling": [number]}


def test_filters_combine_and_reset(page, site_url: str, examples) -> None:
    page.goto(site_url + CATALOGUE)
    theme, group = narrowing_pair(examples)
    page.select_option("#katalog-tema", theme)
    page.select_option("#katalog-maalgruppe", group)
    wanted = expected_titles(examples, tema=theme, maalgruppe=group)
    assert visible_titles(page) == wanted
    assert len(wanted) < len(expected_titles(examples, tema=theme))
    page.get_by_role("button", name="Nulstil filtre").click()
    expect(page.locator("[data-katalog-antal]")).to_have_text(unfiltered_count(examples))
    assert visible_titles(page) == first_page(examples)
    assert urlsplit(page.url).query == ""


def test_a_bookmarked_filter_opens_filtered(page, site_url: str, examples) -> None:
    theme, group = narrowing_pair(examples)
    page.goto(site_url + CATALOGUE + f"?tema={theme}&maalgruppe={group}")
    expect(page.locator("#katalog-tema")).to_have_value(theme)
    expect(page.locator("#katalog-maalgruppe")).to_have_value(group)
    assert visible_titles(page) == expected_titles(examples, tema=theme, maalgruppe=group)


def test_no_match_says_so(page, site_url: str, examples) -> None:
    page.goto(site_url + CATALOGUE)
    page.locator("#katalog-tekst").fill("ordetfindesikke")
    assert visible_titles(page) == set()
    expect(page.locator("[data-katalog-tom]")).to_be_visible()
    expect(page.locator("[data-katalog-antal]")).to_have_text(f"Viser 0 af {len(examples)} praksiseksempler")


def test_free_text_narrows_the_list(page, site_url: str, examples) -> None:
    page.goto(site_url + CATALOGUE)
    word, title = rare_word(examples)
    page.locator("#katalog-tekst").press_sequentially(word, delay=20)
    expect(page.locator("[data-katalog-antal]")).to_contain_text("Viser ")
    shown = visible_titles(page)
    assert title in shown and len(shown) < len(examples)
    assert parse_qs(urlsplit(page.url).query) == {"q": [word]}


def test_filters_work_with_the_keyboard(page, site_url: str, examples) -> None:
    page.goto(site_url + CATALOGUE)
    page.locator("#katalog-tekst").focus()
    page.keyboard.press("Tab")  # to the recommendation filter
    assert page.evaluate("document.activeElement.id") == "katalog-anbefaling"
    page.keyboard.press("ArrowDown")  # first recommendation
    first = load_site(DOCS).recommendations()[0].meta["nummer"]
    wanted = expected_titles(examples, anbefaling=str(first))
    expect(page.locator("[data-katalog-antal]")).to_have_text(
        f"Viser {len(wanted)} af {len(examples)} praksiseksempler"
    )
    assert visible_titles(page) == wanted


def test_every_filter_has_a_label(page, site_url: str) -> None:
    page.goto(site_url + CATALOGUE)
    for field in ("katalog-tekst", "katalog-anbefaling", "katalog-tema", "katalog-maalgruppe", "katalog-kommune"):
        assert page.locator(f"label[for='{field}']").count() == 1, field
    assert page.locator("[data-katalog-antal]").get_attribute("aria-live") == "polite"


def test_without_javascript_the_list_shows(browser, site_url: str, examples) -> None:
    """The first page's share of the catalogue (all of it up to one page; tests/test_catalogue_pages_browser.py
    follows the pages of a larger one)."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + CATALOGUE)
    assert visible_titles(tab) == first_page(examples)
    expect(tab.locator("[data-katalog-filtre]")).to_be_hidden()
    context.close()


def test_recommendation_page_links_exactly_its_examples(page, site_url: str) -> None:
    site = load_site(DOCS)
    for recommendation in site.recommendations():
        number = recommendation.meta["nummer"]
        page.goto(site_url + f"anbefalinger/{recommendation.slug}/")
        links = page.locator(".eksempelliste__link")
        shown = {links.nth(i).inner_text().strip() for i in range(links.count())}
        assert shown == {p.title for p in site.examples_for(number)}, number


def _entries(page) -> list[tuple[str, str]]:
    """(title, text) of every entry in the catalogue, as the page shows them."""
    script = "items => items.map(li => [li.querySelector('.katalog__titel').innerText, li.textContent])"
    return page.eval_on_selector_all(".katalog__eksempel", script)


def _vocabulary(page) -> list[str]:
    """Every word of the catalogue and every compound part its entries carry: what the filter corrects against."""
    script = "items => items.map(li => li.textContent + ' ' + (li.getAttribute('data-dele') || ''))"
    return sorted({w for text in page.eval_on_selector_all(".katalog__eksempel", script) for w in analysis.words(text)})


def _type_and_compare(page, query: str, site) -> set[str]:
    """Type query into the free-text filter; the shown titles must be those the Python analyser
    matches (the rule of the site search, with the synonyms and corrections), and are returned."""
    entries = _entries(page)
    known, words = _vocabulary(page), synonyms.synonyms()
    wanted = {title.strip() for title, text in entries if analysis.matches(query, text, site.lexicon, words, known)}
    page.locator("#katalog-tekst").fill(query)
    assert visible_titles(page) == wanted
    return wanted


def test_free_text_finds_inflected_forms(page, site_url: str) -> None:
    """A definite plural (»samtalerne«) finds entries that say the singular, as the site search does."""
    site = load_site(DOCS)
    page.goto(site_url + CATALOGUE)
    titles = [title.strip() for title, _ in _entries(page)]
    words = sorted({w for t in titles for w in analysis.words(t) if len(w) >= 5 and w.isalpha() and w.endswith("e")})
    word = next(w for w in words if analysis.stem(w[:-1] + "erne") == analysis.stem(w))
    query = word[:-1] + "erne"
    shown = _type_and_compare(page, query, site)
    assert any(word in analysis.words(title) for title in shown)
    assert not any(query in title.lower() for title in shown)  # a substring filter would find none of them


def test_free_text_finds_compound_heads(page, site_url: str) -> None:
    """The last part of a compound (»møde« in »netværksmøde«) finds the compound, as the site search does."""
    site = load_site(DOCS)
    page.goto(site_url + CATALOGUE)
    heads = set()
    for title, _ in _entries(page):
        title_words = analysis.words(title)
        for word in title_words:
            parts = site.lexicon.split(word)
            if len(parts) > 1 and not any(x.startswith(parts[-1]) for x in title_words):
                heads.add(parts[-1])
    heads = sorted(heads)
    assert heads, "no compound in any title"
    head = heads[0]
    shown = _type_and_compare(page, head, site)
    assert any(head not in analysis.words(title) and head in title.lower() for title in shown)


def test_free_text_ignores_fragments_inside_words(page, site_url: str) -> None:
    """Three letters that occur inside many entries' words, but start none, find nothing."""
    site = load_site(DOCS)
    page.goto(site_url + CATALOGUE)
    words = {w for _, text in _entries(page) for w in analysis.words(text) if w.isalpha()}
    starts = {w[:3] for w in words}
    inside = sorted({w[i : i + 3] for w in words for i in range(1, len(w) - 3)} - starts)
    fragment = max(inside, key=lambda piece: sum(piece in w for w in words))
    assert sum(fragment in w for w in words) >= 3
    assert _type_and_compare(page, fragment, site) == set()


def test_free_text_corrects_a_misspelt_word(page, site_url: str) -> None:
    """A title word with two letters swapped, and typed without æ, ø, å, finds the entries that have the
    word, as the site search does; a word that finds nothing and is close to nothing shows none."""
    site = load_site(DOCS)
    page.goto(site_url + CATALOGUE)
    known = _vocabulary(page)
    titles = [title.strip() for title, _ in _entries(page)]
    words = sorted({w for t in titles for w in analysis.words(t) if 8 <= len(w) <= 12 and w.isalpha()})
    for word in words:
        typo = word[:3] + word[4] + word[3] + word[5:]
        if not readers_words.found_in(typo, known) and readers_words.corrections(typo, known) == [word]:
            break
    else:
        raise AssertionError("no title word to misspell")
    shown = _type_and_compare(page, typo, site)
    assert any(word in analysis.words(title) for title in shown)
    keyboard = readers_words.fold(word)
    if keyboard != word and not readers_words.found_in(keyboard, known):
        assert _type_and_compare(page, keyboard, site) == shown
    assert _type_and_compare(page, "xqzvbnq", site) == set()


def test_free_text_finds_the_sites_word_for_a_synonym(page, site_url: str) -> None:
    """A reader's word from the glossary file (an old word or an everyday one) that no entry uses finds
    the entries with the site's word for it."""
    site = load_site(DOCS)
    page.goto(site_url + CATALOGUE)
    known = _vocabulary(page)
    entries = _entries(page)
    usable = [
        s
        for s in synonyms.synonyms()
        if not any(readers_words.found_in(w, known) for w in s.source)
        and any(analysis.matches(s.target, text, site.lexicon) for _, text in entries)
    ]
    assert usable, "no synonym whose source the catalogue lacks and whose target it has"
    shown = _type_and_compare(page, usable[0].text, site)
    assert shown and not any(usable[0].source[0] in title.lower() for title in shown)
