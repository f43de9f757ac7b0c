"""The Danish search engine in the real search box, on the frozen search pages (tests/fixtures/search-site,
content that does not move under the tests; see tests/search/README.md): illustrative examples are
labelled, previews show the page's own words, short fragments find nothing inside words, each
language's pages come first on its own site, quotes, marks, and the fast index builder."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from boerneinddragelse import analysis
from boerneinddragelse.site import load_site
from devtools.search_probe import RESULT_ITEMS, SearchBox

from conftest import FROZEN_SEARCH_DOCS

pytestmark = pytest.mark.browser

SITE = load_site(FROZEN_SEARCH_DOCS)


def index_docs(search_fixture_site: Path) -> list[dict]:
    return json.loads((search_fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def previews(page) -> list[dict]:
    return page.eval_on_selector_all(
        RESULT_ITEMS,
        "items => items.map(li => ({href: li.querySelector('a').href, html: li.innerHTML, text: li.innerText}))",
    )


def test_an_illustrative_example_is_labelled_in_the_results(page, search_fixture_url: str) -> None:
    example = next(p for p in SITE.examples() if p.meta.get("illustrativ"))
    box = SearchBox(page, search_fixture_url)
    box.open()
    box.search(example.title)
    (item,) = [i for i in previews(page) if f"/{Path(example.base).with_suffix('').as_posix()}/" in i["href"]][:1]
    assert 'class="maerke-konstrueret"' in item["html"]
    assert "Konstrueret eksempel" in item["text"]


def test_previews_show_only_the_pages_own_words(page, search_fixture_url: str, search_fixture_site: Path) -> None:
    """No index-only term (a compound part's stem) appears in a result's title or preview."""
    docs = index_docs(search_fixture_site)
    shown = {word for doc in docs for word in analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", doc["title"])))}
    shown |= {word for doc in docs for word in analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", doc["text"])))}
    shown |= set(analysis.words("Konstrueret eksempel Constructed example"))  # the label
    shown |= set(analysis.words("1 resultat mere på denne side, 2 resultater mere"))  # Material's own words
    box = SearchBox(page, search_fixture_url)
    box.open()
    for query in ("inddragelse", "møde", "plan"):
        box.search(query)
        items = previews(page)
        assert items, query
        for item in items:
            assert set(analysis.words(item["text"])) - shown == set(), (query, item["text"][:200])


def test_a_short_fragment_finds_nothing_inside_words(page, search_fixture_url: str, search_fixture_site: Path) -> None:
    """A three-letter piece that only ever occurs inside words (never at a word's start, never a
    compound part) gives no results, though it occurs in many words."""
    docs = index_docs(search_fixture_site)
    words = {w for d in docs for w in analysis.words(re.sub(r"<[^>]+>", " ", f"{d['title']} {d['text']}"))}
    parts = {t for d in docs for key in ("dele", "titeldele") for t in d.get(key, "").split()}
    starts = {w[:3] for w in words}
    inside: dict[str, int] = {}
    for word in words:
        for i in range(1, len(word) - 3):
            piece = word[i : i + 3]
            if piece.isalpha() and piece not in starts and analysis.stem(piece) not in parts:
                inside[piece] = inside.get(piece, 0) + 1
    fragment = max(sorted(inside), key=inside.get)
    assert inside[fragment] >= 3
    box = SearchBox(page, search_fixture_url)
    box.open()
    assert box.search(fragment) == []


def test_each_language_lists_its_own_pages_first(page, search_fixture_url: str) -> None:
    """A word that both languages' pages use: on /en/ English pages first, on the Danish site Danish."""
    box = SearchBox(page, search_fixture_url)
    box.open("en/")
    english = box.search("Lundy")
    assert english and english[0].startswith("en/"), english[:5]
    box.open("")
    danish = box.search("Lundy")
    assert danish and not danish[0].startswith("en/"), danish[:5]


def test_english_word_forms_find_english_pages(page, search_fixture_url: str) -> None:
    box = SearchBox(page, search_fixture_url)
    box.open("en/")
    results = box.search("recommended")  # English stem "recommend": "recommendations"
    assert results and results[0].startswith("en/"), results[:5]


# ---------------------------------------------------------------------------- the index builder

# Query syntax a reader may type, besides plain words (lunr's: required, prohibited, fuzzy, boost,
# wildcard, quotes).
ODD_QUERIES = ("-barn", "+barn +møde", '"barnets perspektiv"', "samt~1", "barn^3", "*tale", "b", "og")

# Both variants of the search worker on the page: soegning.js with the fast index builder
# (indeksbygger.js) and with lunr's own (indeks=lunr). Each gets Material's SETUP message (the
# site's index, as Material sends it) and then every query, one at a time; the answers are returned
# with the number of fast (lazily scored) indexes built in that worker: the test wraps the builder
# in the iframe shim's same-origin scope (as in the offline copy) before the worker's scripts load.
COMPARE_BUILDERS = """
async ({worker, indexUrl, queries, kind}) => {
  const index = await (await fetch(indexUrl)).json();
  const instrument = (scope) => {
    scope.fastIndexes = 0;
    let value;
    const count = (builder) => {
      const install = builder.install;
      builder.install = (lunr) => {
        install(lunr);
        const build = lunr.Builder.prototype.build;
        lunr.Builder.prototype.build = function () {
          const built = build.call(this);
          const vectors = Object.values(built.fieldVectors);
          if (vectors.some((vector) => typeof vector.lazyDot === "function")) scope.fastIndexes += 1;
          return built;
        };
      };
      value = builder;
    };
    Object.defineProperty(scope, "Indeksbygger", {configurable: true, get: () => value, set: count});
  };
  const Kind = kind === "iframe" ? window.IFrameWorker : window.Worker;
  const run = async (url) => {
    const target = new Kind(url);
    const scope = target.iframe ? target.iframe.contentWindow : null;
    if (scope) instrument(scope);
    let resolve;
    target.addEventListener("message", (event) => resolve(event.data));
    const answer = (message) => new Promise((r, reject) => {
      const what = JSON.stringify(message).slice(0, 80);
      const timer = setTimeout(() => reject(new Error(`${url}: no answer to ${what}`)), 30000);
      resolve = (data) => { clearTimeout(timer); r(data); };
      target.postMessage(message);
    });
    await answer({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: true}}});
    const answers = [];
    for (const query of queries) answers.push((await answer({type: 2, data: query})).data);
    const built = scope ? scope.fastIndexes : null;
    target.terminate();
    return {answers, built};
  };
  return {fast: await run(worker), lunr: await run(worker + "&indeks=lunr")};
}
"""


def builder_queries(search_fixture_site: Path) -> list[str]:
    """Queries from the site's own titles: words, their first letters as typed, an inflected form,
    and pairs of words side by side; plus query syntax."""
    titles = [html.unescape(re.sub(r"<[^>]+>", " ", doc["title"])) for doc in index_docs(search_fixture_site)]
    words = sorted({w for t in titles for w in analysis.words(t) if len(w) >= 4})
    queries: list[str] = []
    for word in words[:: max(1, len(words) // 15)]:
        queries += [word[:2], word[:3], word, word + "erne"]
    for title in titles[:: max(1, len(titles) // 12)]:
        pair = analysis.words(title)[:2]
        if len(pair) == 2:
            queries.append(" ".join(pair))
    return queries + list(ODD_QUERIES)


# Each language and each way of running search once: the analyser differs by language, the transport by kind.
@pytest.mark.parametrize(("language", "kind"), [("da", "worker"), ("en", "iframe")])
def test_the_fast_index_builder_answers_as_lunrs_own(
    page, search_fixture_url: str, search_fixture_site: Path, kind: str, language: str
) -> None:
    """The same index, built faster (docs/assets/javascripts/workers/indeksbygger.js): every query
    gets the same answer, with the same pages in the same order, the same highlighted previews and
    the same suggestions, as with lunr's own builder; in a real worker and in the offline copy's
    iframe shim, on the Danish and the English site. (tests/js/indeksbygger.test.js compares the index
    and its query with lunr's own clause by clause, scores and match data included.)"""
    page.goto(search_fixture_url + ("en/" if language == "en" else ""))
    if kind == "iframe":  # the shim is on the offline copy's pages only; its file is in every build
        shim = next((search_fixture_site / "assets" / "javascripts").glob("iframe-worker-shim.*.js")).name
        page.add_script_tag(url=f"{search_fixture_url}assets/javascripts/{shim}")
    workers = search_fixture_site / "assets" / "javascripts" / "workers"
    motor = next(workers.glob("search.*.min.js")).name
    wrapper = next(workers.glob("soegning.*.js")).name  # the names carry a content hash
    worker = f"{search_fixture_url}assets/javascripts/workers/{wrapper}?sprog={language}&motor={motor}"
    queries = builder_queries(search_fixture_site)
    assert len(queries) > 60
    index_url = f"{search_fixture_url}search/search_index.json"
    arguments = {"worker": worker, "indexUrl": index_url, "queries": queries, "kind": kind}
    answers = page.evaluate(COMPARE_BUILDERS, arguments)
    if kind == "iframe":
        assert answers["fast"]["built"] == 1  # the fast builder built this index
        assert answers["lunr"]["built"] == 0  # and not that one
    assert any(answer["items"] for answer in answers["fast"]["answers"])
    for query, fast, lunr in zip(queries, answers["fast"]["answers"], answers["lunr"]["answers"], strict=True):
        assert fast == lunr, f"»{query}«: the fast builder answers differently"


def test_a_phrase_in_quotes_finds_only_pages_with_all_its_words(
    page, search_fixture_url: str, search_fixture_site: Path
) -> None:
    """Two words of a title in quotes: every page found has both (inflected, or as a compound part),
    where the same words without quotes also find pages with only one of them."""
    docs = index_docs(search_fixture_site)
    pages: dict[str, tuple[set[str], set[str]]] = {}  # page path: its words and compound parts
    for doc in docs:
        words, parts = pages.setdefault(doc["location"].split("#")[0], (set(), set()))
        words.update(analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))))
        parts.update(doc.get("dele", "").split() + doc.get("titeldele", "").split())

    def has(path: str, word: str) -> bool:
        stem = analysis.stem(word)
        words, parts = pages[path]
        return any(w.startswith(stem) for w in words) or (len(stem) >= analysis.MIN_PART_STEM and stem in parts)

    box = SearchBox(page, search_fixture_url)
    box.open()
    titles = [doc["title"] for doc in docs if "#" not in doc["location"] and not doc["location"].startswith("en/")]
    for title in titles:
        pair = [w for w in analysis.words(title) if len(w) >= 4 and w not in analysis.FUNCTION_WORDS][:2]
        if len(pair) < 2:
            continue
        loose = box.search(" ".join(pair))
        if all(has(path, word) for path in loose for word in pair):
            continue  # quotes would change nothing here
        quoted = box.search(f'"{pair[0]} {pair[1]}"')
        assert quoted, pair
        assert [path for path in quoted if not all(has(path, word) for word in pair)] == [], pair
        return
    pytest.fail("no title with two words that, unquoted, also find pages with only one of them")


def test_a_compound_found_by_its_part_is_marked_in_the_title(
    page, search_fixture_url: str, search_fixture_site: Path
) -> None:
    """A page found only through a compound part of its title (the stem of »møde« in
    »Netværksmøde«): the compound is marked in the result's title, as Material marks a word found
    by its beginning."""
    box = SearchBox(page, search_fixture_url)
    box.open()
    tried = 0
    for doc in index_docs(search_fixture_site):
        if "#" in doc["location"] or not doc.get("titeldele"):
            continue
        words = analysis.words(html.unescape(re.sub(r"<[^>]+>", " ", doc["title"])))
        for part in doc["titeldele"].split():
            if analysis.stem(part) != part or any(word.startswith(part) for word in words):
                continue  # typed as is, it must reach the title only as a part
            compound = next(word for word in words if part in word[1:])
            tried += 1
            box.search(part)
            shown = (
                i for i in previews(page) if re.split(r"[?#]", i["href"])[0] == search_fixture_url + doc["location"]
            )
            item = next(shown, None)
            if item is None:
                break  # not among the first results shown: try another page
            title = re.search(r"<h1[^>]*>(.*?)</h1>", item["html"], re.DOTALL)
            assert title, item["html"][:300]
            marked = [m.lower() for m in re.findall(r"<mark>(.*?)</mark>", title.group(1))]
            assert compound in marked, (part, title.group(1))
            return
        if tried >= 10:
            break
    pytest.fail("no page found by a compound part of its title among the first results")
