"""The markers that list the site's own pages: recommendations, examples and the catalogue, members,
news and events, and the steps of a case with what belongs to each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from . import analysis, case_steps, catalogue_pages, vocabulary
from .marker_arguments import RECOMMENDATION_VIEWS, MarkerError
from .model import DEFAULT_LANGUAGE, NYHED, PRAKSISEKSEMPEL
from .partials import RenderContext, render_partial
from .source_page import Event, SourcePage, events_of
from .urls import relative_url


def example_entry(ctx: RenderContext, page: SourcePage) -> dict[str, Any]:
    """An example as lists show it: its facts (the same on every page, worked out once) and its link from here."""
    return {**ctx.site.remember(("example entry", page.rel), lambda: _example_facts(ctx, page)), "url": ctx.link(page)}


def _example_facts(ctx: RenderContext, page: SourcePage) -> dict[str, Any]:
    meta = page.meta
    recommendations = [ctx.site.recommendation(n, DEFAULT_LANGUAGE) for n in meta["anbefalinger"]]
    # The catalogue filter's words are the entry's text; its compound parts come from the analyser,
    # as in the site search (analysis.index_terms), so that both searches match alike.
    themes = " ".join(vocabulary.terms("temaer")[slug].da for slug in meta["temaer"])
    described = f"{page.title} {meta['description']} {themes} {meta.get('kommune', '')}"
    return {
        "page": page,
        "title": page.title,
        "description": meta["description"],
        "numbers": meta["anbefalinger"],
        "recommendations": [r for r in recommendations if r is not None],
        "themes": meta["temaer"],
        "groups": meta["maalgruppe"],
        "municipality": meta.get("kommune"),
        "illustrative": meta["illustrativ"],
        "step": meta.get("sagstrin", ""),
        "parts": " ".join(analysis.index_terms(described, ctx.site.lexicon)),
    }


def _recommendation_entry(ctx: RenderContext, page: SourcePage) -> dict[str, Any]:
    return {"page": page, "url": ctx.link(page)}


def recommendations_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    entries = [_recommendation_entry(ctx, p) for p in ctx.site.recommendations(ctx.lang)]
    view = args.get("visning", "liste")
    ties = {slug: [e for e in entries if slug in e["page"].meta.get("lundy", [])] for slug in vocabulary.terms("lundy")}
    return render_partial(RECOMMENDATION_VIEWS[view], ctx, entries=entries, compact=view == "kort", lundy_ties=ties)


def examples_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    number = int(args["anbefaling"]) if "anbefaling" in args else ctx.page.meta.get("nummer")
    if not isinstance(number, int):
        raise MarkerError("praksiseksempler skal stå på en anbefaling eller have anbefaling=N")
    entries = [example_entry(ctx, p) for p in ctx.site.examples_for(number)]
    catalogue = ctx.link_to(PRAKSISEKSEMPEL.index_page)
    return render_partial("praksiseksempler.html", ctx, entries=entries, number=number, catalogue=catalogue)


def _catalogue_choices(examples: list[SourcePage]) -> dict[str, Any]:
    """The filters' choices and the overview's counts: the same on every page of the catalogue."""
    themes = Counter(t for p in examples for t in p.meta["temaer"])
    groups = Counter(g for p in examples for g in p.meta["maalgruppe"])
    municipalities = Counter(p.meta.get("kommune", "") for p in examples)
    constructed = municipalities.pop("", 0)
    step_counts = Counter(p.meta.get("sagstrin", "") for p in examples)
    return {
        "themes": [(slug, themes[slug]) for slug in vocabulary.terms("temaer") if themes[slug]],
        "groups": [(slug, groups[slug]) for slug in vocabulary.terms("maalgrupper") if groups[slug]],
        "municipalities": sorted(municipalities.items()),
        "constructed": constructed,
        "steps": [(step, step_counts[step.id]) for step in case_steps.steps() if step_counts[step.id]],
    }


def catalogue_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    examples = ctx.site.examples()
    shown = catalogue_pages.page_slice(ctx.number, len(examples))
    entries = [example_entry(ctx, p) for p in shown.of(examples)]
    pages = [(n, ctx.link_to(catalogue_pages.page_rel(n))) for n in range(1, shown.count + 1)]
    return render_partial(
        "katalog.html",
        ctx,
        entries=entries,
        total=len(examples),
        shown=shown,
        pages=pages,
        recommendations=ctx.site.recommendations(DEFAULT_LANGUAGE),
        **ctx.site.remember(("catalogue choices",), lambda: _catalogue_choices(examples)),
    )


def members_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    members = [{"page": p, "url": ctx.link(p)} for p in ctx.site.members(DEFAULT_LANGUAGE)]
    return render_partial("medlemmer.html", ctx, members=members)


def member_count_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    return render_partial("antal-medlemmer.html", ctx, count=len(ctx.site.members(DEFAULT_LANGUAGE)))


CASE_PATH_PAGE = "barnets-vej.md"  # the page that shows the steps of a case (<!-- sagens-trin -->)


def step_url(ctx: RenderContext, step_id: str) -> str:
    return f"{ctx.link_to(CASE_PATH_PAGE, ctx.lang)}#trin-{step_id}"


def case_steps_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    examples = case_steps.examples_by_step(ctx.site)
    entries = []
    for step in case_steps.steps():
        recommendations = [
            ctx.site.recommendation(n, ctx.lang) or ctx.site.recommendation(n) for n in step.recommendations
        ]
        entries.append(
            {
                "step": step,
                "wording": step.wording(ctx.lang),
                "recommendations": [{"page": r, "url": ctx.link(r)} for r in recommendations if r is not None],
                "examples": [example_entry(ctx, p) for p in examples.get(step.id, [])],
            }
        )
    return render_partial("sagens-trin.html", ctx, entries=entries, lovgrundlag=ctx.link_to("lovgrundlag.md", ctx.lang))


def news_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    items = ctx.site.news()
    latest = int(args["seneste"]) if "seneste" in args else None
    if latest is not None:
        items = items[:latest]
    entries = [{"page": p, "url": ctx.link(p), "date": p.date("date"), "events": events_of(p)} for p in items]
    years: dict[int, list[dict[str, Any]]] = {}
    for entry in entries:
        years.setdefault(entry["date"].year, []).append(entry)
    return render_partial(
        "nyheder.html",
        ctx,
        years=years,
        entries=entries,
        latest=latest,
        index=ctx.link_to(NYHED.index_page),
        feed=relative_url("feed.xml", ctx.current_url),
    )


def events_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    # Latest first: without JavaScript (which puts upcoming events first, nearest first, in the reader's
    # browser) the upcoming events are then at the top. The build cannot know today's date and stay
    # reproducible.
    events: list[Event] = sorted(ctx.site.events(), key=lambda e: e.start, reverse=True)
    entries = [{"event": e, "news_url": ctx.link(e.news)} for e in events]
    return render_partial("arrangementer.html", ctx, entries=entries, calendar=calendar_links(ctx))


def calendar_links(ctx: RenderContext) -> Callable[[str], str]:
    """Links to the calendar files written by feeds.write_all at the site root."""
    return lambda name: relative_url(f"kalender/{name}.ics", ctx.current_url)
