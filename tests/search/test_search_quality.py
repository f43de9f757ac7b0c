"""Search quality on frozen content: the query set in queries.yaml, typed into the real search box.

The site is built from tests/fixtures/search-site/docs/ (a frozen copy of the Markdown pages; the
project's current docs/assets/, mkdocs.yml, hooks and overrides), once per session online and once
as the offline copy (OFFLINE=true, opened from file:// with every other request blocked). Each query
is typed key by key into Material's search box; the result pages are read in order and scored:

- recall@5: the share of a query's expected pages among its first five results (a zero-result query
  scores 1 when the list is empty, else 0);
- reciprocal rank: 1 / the rank of the first expected page (0 when none is in the list).

The table and every miss are printed. See tests/search/README.md.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from devtools.search_probe import SearchBox
from search_goals import BelowGoal

HERE = Path(__file__).parent
QUERIES = HERE / "queries.yaml"
READER_QUERIES = HERE / "queries_readers.yaml"  # the readers' own words (issue 20)
KINDS = ("plain", "inflection", "compound_head", "compound_prefix", "names", "english", "zero")
READER_KINDS = ("misspelling", "keyboard", "split_compound", "synonym", "old_term", "gibberish")
ZERO_KINDS = ("zero", "gibberish")
TOP = 5
MIN_QUERIES = 60
MIN_READER_QUERIES = 40
# Goals of issue 9.
MIN_RECALL = 0.97
MIN_MRR = 0.85
MIN_PER_KIND = 0.9
# Goals of issue 20, for its kinds together.
MIN_READER_RECALL = 0.95
MIN_READER_MRR = 0.85


# ---------------------------------------------------------------------------- the query set


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    expect: tuple[str, ...]  # page paths relative to the site root ('' is the front page)
    evidence: tuple[str, ...]  # words each expected page really contains (checked below)
    root: str = ""  # the page the search is typed on ('en/' for English)


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for kind, items in data.items():
        assert kind in KINDS + READER_KINDS, f"{path}: unknown kind {kind!r}"
        for item in items:
            queries.append(
                Query(
                    kind=kind,
                    text=str(item["query"]),
                    expect=tuple(item.get("expect") or ()),
                    evidence=tuple(item.get("evidence") or ()),
                    root=str(item.get("root", "")),
                )
            )
    return queries


ISSUE_9_SET = load_queries()
READER_SET = load_queries(READER_QUERIES)
QUERY_SET = ISSUE_9_SET + READER_SET


# ---------------------------------------------------------------------------- the fixture builds


def page_text(site: Path, path: str) -> str | None:
    """The visible text of a built page's article, or None when the page was not built."""
    file = site / path / "index.html"
    if not file.is_file():
        return None
    source = file.read_text(encoding="utf-8")
    match = re.search(r"<article\b.*?</article>", source, re.S)
    text = re.sub(r"<[^>]+>", " ", match.group(0) if match else source)
    return html.unescape(text)


def site_words(site: Path) -> set[str]:
    words: set[str] = set()
    for file in site.rglob("index.html"):
        path = file.parent.relative_to(site).as_posix()
        words.update(re.findall(r"\w+", (page_text(site, "" if path == "." else path) or "").casefold()))
    return words


# ---------------------------------------------------------------------------- scoring


@dataclass
class Outcome:
    query: Query
    results: list[str]

    @property
    def recall(self) -> float:
        if self.query.kind in ZERO_KINDS:
            return 1.0 if not self.results else 0.0
        top = self.results[:TOP]
        return sum(1 for page in self.query.expect if page in top) / len(self.query.expect)

    @property
    def reciprocal_rank(self) -> float:
        if not self.query.expect:
            return self.recall
        ranks = [i for i, page in enumerate(self.results, 1) if page in self.query.expect]
        return 1 / ranks[0] if ranks else 0.0


@dataclass
class Score:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(o.recall for o in self.outcomes) / len(self.outcomes)

    @property
    def mrr(self) -> float:
        return sum(o.reciprocal_rank for o in self.outcomes) / len(self.outcomes)


def scores(outcomes: list[Outcome]) -> dict[str, Score]:
    """'all' and one Score per kind, in the order of KINDS, then 'readers' (issue 20's kinds together,
    but gibberish, which must find nothing) and one per kind of READER_KINDS."""
    table = {"all": Score([o for o in outcomes if o.query.kind in KINDS])}
    readers = [o for o in outcomes if o.query.kind in READER_KINDS and o.query.kind not in ZERO_KINDS]
    if readers:
        table["readers"] = Score(readers)
    for kind in KINDS + READER_KINDS:
        table[kind] = Score([o for o in outcomes if o.query.kind == kind])
    return table


def report(label: str, outcomes: list[Outcome]) -> str:
    lines = [f"search quality, {label}: {len(outcomes)} queries", "", "| kind | queries | recall@5 | MRR |"]
    lines.append("| --- | ---: | ---: | ---: |")
    for kind, score in scores(outcomes).items():
        if score.outcomes:
            lines.append(f"| {kind} | {len(score.outcomes)} | {score.recall:.2f} | {score.mrr:.2f} |")
    misses = [o for o in outcomes if o.recall < 1 or o.reciprocal_rank < 1]
    lines += ["", f"misses and low ranks ({len(misses)}):"]
    for o in misses:
        want = ", ".join(p or "(front page)" for p in o.query.expect) or "no results"
        got = ", ".join(p or "(front page)" for p in o.results[:TOP]) or "no results"
        more = f" (+{len(o.results) - TOP} more)" if len(o.results) > TOP else ""
        lines.append(
            f"- [{o.query.kind}] {o.query.root}»{o.query.text}«: recall {o.recall:.2f}, RR {o.reciprocal_rank:.2f}"
            f"\n    want: {want}\n    got:  {got}{more}"
        )
    return "\n".join(lines)


def check_goals(outcomes: list[Outcome]) -> None:
    table = scores(outcomes)
    failures = []
    if "readers" in table and table["readers"].recall < MIN_READER_RECALL:
        failures.append(f"readers' words: recall@5 {table['readers'].recall:.2f} < {MIN_READER_RECALL}")
    if "readers" in table and table["readers"].mrr < MIN_READER_MRR:
        failures.append(f"readers' words: MRR {table['readers'].mrr:.2f} < {MIN_READER_MRR}")
    if table["gibberish"].outcomes and table["gibberish"].recall < 1:
        failures.append(f"gibberish found pages: recall {table['gibberish'].recall:.2f}")
    if table["all"].outcomes and table["all"].recall < MIN_RECALL:
        failures.append(f"recall@5 {table['all'].recall:.2f} < {MIN_RECALL}")
    if table["all"].outcomes and table["all"].mrr < MIN_MRR:
        failures.append(f"MRR {table['all'].mrr:.2f} < {MIN_MRR}")
    for kind in KINDS:
        score = table[kind]
        if score.outcomes and (score.recall < MIN_PER_KIND or score.mrr < MIN_PER_KIND):
            failures.append(f"{kind}: recall@5 {score.recall:.2f}, MRR {score.mrr:.2f} (goal ≥ {MIN_PER_KIND})")
    if failures:
        raise BelowGoal("below the goals of issues 9 and 20: " + "; ".join(failures))


def run_query_set(box: SearchBox, queries: list[Query]) -> list[Outcome]:
    outcomes = []
    for root in dict.fromkeys(q.root for q in queries):  # one page load per root, in first-seen order
        box.open(root)
        outcomes += [Outcome(q, box.search(q.text)) for q in queries if q.root == root]
    return outcomes


# ---------------------------------------------------------------------------- the tests


def test_query_set_is_large_and_covers_every_kind() -> None:
    assert len(ISSUE_9_SET) >= MIN_QUERIES
    assert len([q for q in READER_SET if q.kind not in ZERO_KINDS]) >= MIN_READER_QUERIES
    counts = {kind: sum(1 for q in QUERY_SET if q.kind == kind) for kind in KINDS + READER_KINDS}
    assert all(n >= 5 for n in counts.values()), counts
    texts = [(q.root, q.text.casefold()) for q in QUERY_SET]
    assert len(texts) == len(set(texts)), "a query appears twice"
    assert all(q.expect for q in QUERY_SET if q.kind not in ZERO_KINDS)
    assert all(not q.expect for q in QUERY_SET if q.kind in ZERO_KINDS)


def test_expected_pages_exist_and_contain_the_evidence(search_fixture_site: Path) -> None:
    """No query asks for magic: each expected page is built and really contains its evidence words."""
    problems = []
    for q in QUERY_SET:
        if q.kind not in ZERO_KINDS and not q.evidence:
            problems.append(f"»{q.text}«: no evidence words")
        for path in q.expect:
            text = page_text(search_fixture_site, path)
            if text is None:
                problems.append(f"»{q.text}«: {path!r} is not a built page")
                continue
            for word in q.evidence:
                if word.casefold() not in text.casefold():
                    problems.append(f"»{q.text}«: {path!r} does not contain »{word}«")
    assert problems == []


def test_zero_result_queries_are_not_the_start_of_any_word(search_fixture_site: Path) -> None:
    """A zero-result query must be fair: no word on the site starts with it, so typing it finds nothing."""
    words = site_words(search_fixture_site)
    assert len(words) > 1000
    unfair = {
        q.text: sorted(w for w in words if w.startswith(term))[:5]
        for q in QUERY_SET
        if q.kind in ZERO_KINDS
        for term in q.text.casefold().split()
        if any(w.startswith(term) for w in words)
    }
    assert unfair == {}


@pytest.mark.browser
def test_a_plain_query_finds_its_page_online(page, search_fixture_url: str) -> None:
    box = SearchBox(page, search_fixture_url)
    box.open()
    results = box.search("tillidsfuld relation", key_by_key=True)
    assert "anbefalinger/4-tillidsfuld-relation/" in results[:TOP], results
    assert box.search("cykelhjelm", key_by_key=True) == []
    assert box.search("tillidsfuld")[0] == "anbefalinger/4-tillidsfuld-relation/"


@pytest.mark.browser
def test_a_plain_query_finds_its_page_offline(offline_tab, search_fixture_offline: Path) -> None:
    box = SearchBox(offline_tab, search_fixture_offline.as_uri() + "/", offline=True)
    box.open()
    results = box.search("tillidsfuld relation", key_by_key=True)
    assert "anbefalinger/4-tillidsfuld-relation/" in results[:TOP], results


@pytest.fixture(scope="session")
def online_outcomes(browser, search_fixture_url: str) -> list[Outcome]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    try:
        return run_query_set(SearchBox(context.new_page(), search_fixture_url), QUERY_SET)
    finally:
        context.close()


@pytest.fixture(scope="session")
def offline_outcomes(offline_tab, search_fixture_offline: Path) -> list[Outcome]:
    return run_query_set(SearchBox(offline_tab, search_fixture_offline.as_uri() + "/", offline=True), QUERY_SET)


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["online", "offline"])
def test_query_set_meets_the_goals(mode: str, request: pytest.FixtureRequest, capsys) -> None:
    outcomes: list[Outcome] = request.getfixturevalue(f"{mode}_outcomes")
    assert len(outcomes) == len(QUERY_SET)
    with capsys.disabled():
        print("\n" + report(f"{mode}, issue 9's set", [o for o in outcomes if o.query.kind in KINDS]))
        print("\n" + report(f"{mode}, the readers' own words", [o for o in outcomes if o.query.kind in READER_KINDS]))
    check_goals(outcomes)


@pytest.mark.browser
def test_offline_copy_gives_the_same_results_as_the_site(online_outcomes, offline_outcomes) -> None:
    differ = [
        f"»{a.query.text}«: online {a.results[:TOP]}, offline {b.results[:TOP]}"
        for a, b in zip(online_outcomes, offline_outcomes, strict=True)
        if a.results[:TOP] != b.results[:TOP]
    ]
    assert differ == []


def test_scores_count_ranks_and_empty_lists() -> None:
    page = Query("plain", "samtale", ("a/",), ("samtale",))
    both = Query("plain", "to sider", ("a/", "b/"), ("sider",))
    zero = Query("zero", "rn", (), ())
    assert Outcome(page, ["x/", "a/"]).reciprocal_rank == 0.5
    assert Outcome(page, ["x/", "y/", "z/", "w/", "v/", "a/"]).recall == 0.0
    assert Outcome(page, ["x/", "y/", "z/", "w/", "v/", "a/"]).reciprocal_rank == 1 / 6
    assert Outcome(both, ["b/", "x/"]).recall == 0.5
    assert Outcome(zero, []).recall == Outcome(zero, []).reciprocal_rank == 1.0
    assert Outcome(zero, ["a/"]).recall == 0.0
    outcomes = [Outcome(page, ["a/"]), Outcome(zero, ["a/"])]
    table = scores(outcomes)
    assert (table["all"].recall, table["plain"].mrr, table["zero"].mrr) == (0.5, 1.0, 0.0)
    with pytest.raises(BelowGoal, match="zero"):
        check_goals(outcomes)
    assert "want: no results" in report("test", outcomes)
    # Issue 20's kinds: pooled (gibberish apart, which must find nothing).
    typo = Query("misspelling", "samtlae", ("a/",), ("samtale",))
    noise = Query("gibberish", "xqzvbn", (), ())
    readers = [Outcome(typo, ["x/", "a/"]), Outcome(noise, [])]
    assert (scores(readers)["readers"].recall, scores(readers)["readers"].mrr) == (1.0, 0.5)
    with pytest.raises(BelowGoal, match=r"readers' words: MRR 0\.50"):
        check_goals(readers)
    with pytest.raises(BelowGoal, match="gibberish"):
        check_goals([Outcome(typo, ["a/"]), Outcome(noise, ["a/"])])
    check_goals([Outcome(typo, ["a/"]), Outcome(noise, [])])
