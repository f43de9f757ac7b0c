"""The generated parts above and below the text of typed pages (``<type>-top.html``, ``<type>-bund.html``):
notices, facts and links."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

from . import case_steps
from .marker_page_lists import CASE_PATH_PAGE, calendar_links, example_entry, step_url
from .model import ANBEFALING, NYHED, PRAKSISEKSEMPEL, PageType
from .partials import RenderContext, partial_names, render_partial
from .source_page import events_of

RELATED_EXAMPLES = 5  # other examples suggested per recommendation on an example page


def _example_values(ctx: RenderContext) -> dict[str, Any]:
    """A practice example's facts, its recommendations and other examples of them."""
    entry = example_entry(ctx, ctx.page)
    related = {}
    for recommendation in entry["recommendations"]:
        number = recommendation.meta["nummer"]
        others = islice((p for p in ctx.site.examples_for(number) if p is not ctx.page), RELATED_EXAMPLES)
        related[number] = [{"title": p.title, "url": ctx.link(p)} for p in others]
    step = next((s for s in case_steps.steps() if s.id == entry["step"]), None)
    return {
        "entry": entry,
        "case_step": {"title": step.wording(ctx.lang).title, "url": step_url(ctx, step.id)} if step else None,
        "related": related,
        "catalogue": ctx.link_to(PRAKSISEKSEMPEL.index_page),
        "rec_links": {r.meta["nummer"]: ctx.link(r) for r in entry["recommendations"]},
    }


def _recommendation_values(ctx: RenderContext) -> dict[str, Any]:
    """The steps of a case the recommendation belongs to, linked on »Barnets vej gennem sagen«."""
    steps = case_steps.steps_for_recommendation(case_steps.steps(), ctx.page.meta["nummer"])
    return {
        "case_steps": [{"title": s.wording(ctx.lang).title, "url": step_url(ctx, s.id)} for s in steps],
        "case_path": ctx.link_to(CASE_PATH_PAGE, ctx.lang),
    }


def _news_values(ctx: RenderContext) -> dict[str, Any]:
    return {"events": events_of(ctx.page), "calendar": calendar_links(ctx)}


# What the header and footer partials of a page type need beyond the page (PageType.part_templates).
TYPED_VALUES: dict[PageType, Callable[[RenderContext], dict[str, Any]]] = {
    ANBEFALING: _recommendation_values,
    PRAKSISEKSEMPEL: _example_values,
    NYHED: _news_values,
}


def _typed_values(ctx: RenderContext) -> dict[str, Any]:
    values = TYPED_VALUES.get(ctx.page.type, lambda ctx: {})(ctx)
    return {"page": ctx.page, **values}


def page_parts(ctx: RenderContext) -> tuple[str, str]:
    """Generated parts shown above and below the text of typed pages (notices, facts, links)."""
    names = ctx.page.type.part_templates
    if not any(name in partial_names() for name in names):
        return "", ""
    values = _typed_values(ctx)
    top, bottom = (render_partial(name, ctx, **values) if name in partial_names() else "" for name in names)
    return top, bottom
