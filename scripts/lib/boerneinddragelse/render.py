"""Render the generated parts of pages from Jinja partials in overrides/partials/generated/.

A page asks for a generated list with an HTML comment on a line of its own, e.g.
``<!-- praksiseksempler -->``; unknown markers are errors. All editor text passes
through Jinja's autoescaping, so front matter cannot inject markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import islice
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import accessibility, analysis, case_steps, glossary, manifest, reference_data, security, vocabulary
from .formatting import danish_date as danish_date
from .formatting import danish_time as danish_time
from .formatting import file_size, iso_time, megabytes, month_and_year, number_in_words, shown_domain
from .model import ANBEFALING, DEFAULT_LANGUAGE, ILLUSTRATIVE_LABEL, NYHED, PRAKSISEKSEMPEL, split_language
from .parsed_page import MARKER as MARKER
from .parsed_page import Marker, parse
from .paths import PARTIALS
from .settings import Contact
from .site import Event, Site, SourcePage, events_of
from .urls import page_url, relative_url

RELATED_EXAMPLES = 5  # other examples suggested per recommendation on an example page


# <!-- anbefalinger visning=… -->: the full list, the short list, or the visual overview.
RECOMMENDATION_VIEWS = {
    "liste": "anbefalinger.html",
    "kort": "anbefalinger.html",
    "overblik": "anbefalinger-overblik.html",
}


# <!-- offline-hentning -->: the download itself, or (visning=aendringer) the change list.
DOWNLOAD_VIEWS = ("hentning", "aendringer")


# <!-- ordliste -->: the concepts with explanations, or (visning=gamle-ord) serviceloven's words and their heirs.
GLOSSARY_VIEWS = ("begreber", "gamle-ord")
# <!-- tilgaengelighed -->: the statement's phone and written contact, or (visning=was) its WAS-Tool address.
ACCESSIBILITY_VIEWS = ("kontakt", "was")


class MarkerError(ValueError):
    """A marker the site does not know, or with bad arguments."""


def _whole_number(value: str) -> bool:
    return value.isascii() and value.isdigit() and 0 < int(value) < 10_000


# The arguments each marker takes, with a check and how to describe a good value (in Danish).
MARKER_ARGUMENTS: dict[str, dict[str, tuple[Callable[[str], bool], str]]] = {
    "anbefalinger": {
        "visning": (
            RECOMMENDATION_VIEWS.__contains__,
            ", ".join(f"»{v}«" for v in list(RECOMMENDATION_VIEWS)[:-1]) + f" eller »{list(RECOMMENDATION_VIEWS)[-1]}«",
        )
    },
    "praksiseksempler": {"anbefaling": (_whole_number, "et nummer, f.eks. 4")},
    "nyheder": {"seneste": (_whole_number, "et antal, f.eks. 3")},
    "offline-hentning": {"visning": (DOWNLOAD_VIEWS.__contains__, "»hentning« eller »aendringer«")},
    "ordliste": {"visning": (GLOSSARY_VIEWS.__contains__, "»begreber« eller »gamle-ord«")},
    "tilgaengelighed": {"visning": (ACCESSIBILITY_VIEWS.__contains__, "»kontakt« eller »was«")},
}


def marker_arguments(match: re.Match[str]) -> dict[str, str]:
    """The ``key=value`` arguments of a MARKER match."""
    return dict(part.split("=", 1) for part in match.group(2).split())


def marker_argument_errors(name: str, args: dict[str, str]) -> list[str]:
    """What is wrong with a known marker's arguments, in Danish (empty when they are fine)."""
    allowed = MARKER_ARGUMENTS.get(name, {})
    errors = []
    for key, value in args.items():
        if key not in allowed:
            takes = ", ".join(f"{k}=…" for k in allowed) or "ingen"
            errors.append(f"markøren »{name}« kender ikke »{key}=«; den tager {takes}")
        elif not allowed[key][0](value):
            errors.append(f"»{key}={value}« i markøren »{name}« skal være {allowed[key][1]}")
    return errors


@dataclass
class RenderContext:
    site: Site
    page: SourcePage
    current_url: str  # built URL of the page being rendered
    directory_urls: bool
    contact: Contact = field(default_factory=Contact)  # the editors' contact details (mkdocs.yml extra.kontakt)
    # Build settings some markers need: offline (bool), online_url, and download (the facts
    # written by scripts/publish_offline.py, or None when no offline copy is being published).
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.page.lang

    def link(self, target: SourcePage) -> str:
        return relative_url(page_url(target.base, target.lang, self.directory_urls), self.current_url)

    def link_to(self, base: str, lang: str = DEFAULT_LANGUAGE) -> str:
        return relative_url(page_url(base, lang, self.directory_urls), self.current_url)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(PARTIALS),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # templates are read once per process; checking their mtime per page is slow
    )
    env.filters["dato"] = danish_date
    env.filters["tidspunkt"] = danish_time
    env.filters["iso"] = iso_time
    env.filters["i_ord"] = number_in_words
    env.filters["domaene"] = shown_domain
    env.filters["maaned_aar"] = month_and_year
    env.globals["terms"] = vocabulary.terms
    env.globals["illustrative_label"] = ILLUSTRATIVE_LABEL
    return env


def _render(name: str, ctx: RenderContext, **values: Any) -> str:
    html = environment().get_template(name).render(ctx=ctx, lang=ctx.lang, **values)
    # Blank lines would end Markdown's raw HTML block, and indentation could become code.
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def _example_entry(ctx: RenderContext, page: SourcePage) -> dict[str, Any]:
    meta = page.meta
    recommendations = [ctx.site.recommendation(n, DEFAULT_LANGUAGE) for n in meta["anbefalinger"]]
    # The catalogue filter's words are the entry's text; its compound parts come from the analyser,
    # as in the site search (analysis.index_terms), so that both searches match alike.
    themes = " ".join(vocabulary.terms("temaer")[slug].da for slug in meta["temaer"])
    described = f"{page.title} {meta['description']} {themes} {meta.get('kommune', '')}"
    return {
        "page": page,
        "url": ctx.link(page),
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


def _marker_recommendations(ctx: RenderContext, args: dict[str, str]) -> str:
    entries = [_recommendation_entry(ctx, p) for p in ctx.site.recommendations(ctx.lang)]
    view = args.get("visning", "liste")
    ties = {slug: [e for e in entries if slug in e["page"].meta.get("lundy", [])] for slug in vocabulary.terms("lundy")}
    return _render(RECOMMENDATION_VIEWS[view], ctx, entries=entries, compact=view == "kort", lundy_ties=ties)


def _marker_examples(ctx: RenderContext, args: dict[str, str]) -> str:
    number = int(args["anbefaling"]) if "anbefaling" in args else ctx.page.meta.get("nummer")
    if not isinstance(number, int):
        raise MarkerError("praksiseksempler skal stå på en anbefaling eller have anbefaling=N")
    entries = [_example_entry(ctx, p) for p in ctx.site.examples_for(number)]
    catalogue = ctx.link_to(PRAKSISEKSEMPEL.index_page)
    return _render("praksiseksempler.html", ctx, entries=entries, number=number, catalogue=catalogue)


def _marker_catalogue(ctx: RenderContext, args: dict[str, str]) -> str:
    examples = ctx.site.examples()
    entries = [_example_entry(ctx, p) for p in examples]
    themes = Counter(t for p in examples for t in p.meta["temaer"])
    groups = Counter(g for p in examples for g in p.meta["maalgruppe"])
    municipalities = Counter(p.meta.get("kommune", "") for p in examples)
    constructed = municipalities.pop("", 0)
    step_counts = Counter(p.meta.get("sagstrin", "") for p in examples)
    return _render(
        "katalog.html",
        ctx,
        entries=entries,
        recommendations=ctx.site.recommendations(DEFAULT_LANGUAGE),
        themes=[(slug, themes[slug]) for slug in vocabulary.terms("temaer") if themes[slug]],
        groups=[(slug, groups[slug]) for slug in vocabulary.terms("maalgrupper") if groups[slug]],
        municipalities=sorted(municipalities.items()),
        constructed=constructed,
        steps=[(step, step_counts[step.id]) for step in case_steps.steps() if step_counts[step.id]],
    )


def _marker_members(ctx: RenderContext, args: dict[str, str]) -> str:
    members = [{"page": p, "url": ctx.link(p)} for p in ctx.site.members(DEFAULT_LANGUAGE)]
    return _render("medlemmer.html", ctx, members=members)


def _marker_member_count(ctx: RenderContext, args: dict[str, str]) -> str:
    return _render("antal-medlemmer.html", ctx, count=len(ctx.site.members(DEFAULT_LANGUAGE)))


def _marker_legal_basis(ctx: RenderContext, args: dict[str, str]) -> str:
    return _render("lovgrundlag.html", ctx, basis=reference_data.legal_basis())


def _marker_glossary(ctx: RenderContext, args: dict[str, str]) -> str:
    concepts = glossary.by_term(glossary.concepts(), ctx.lang)
    old_words = sorted(((word, c) for c in concepts for word in c.old_words), key=lambda pair: pair[0].casefold())
    return _render(
        "ordliste.html",
        ctx,
        view=args.get("visning", GLOSSARY_VIEWS[0]),
        concepts=concepts,
        old_words=old_words,
        basis=reference_data.legal_basis(),
        lovgrundlag=ctx.link_to("lovgrundlag.md", ctx.lang),
    )


CASE_PATH_PAGE = "barnets-vej.md"  # the page that shows the steps of a case (<!-- sagens-trin -->)


def _step_url(ctx: RenderContext, step_id: str) -> str:
    return f"{ctx.link_to(CASE_PATH_PAGE, ctx.lang)}#trin-{step_id}"


def _marker_case_steps(ctx: RenderContext, args: dict[str, str]) -> str:
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
                "examples": [_example_entry(ctx, p) for p in examples.get(step.id, [])],
            }
        )
    return _render("sagens-trin.html", ctx, entries=entries, lovgrundlag=ctx.link_to("lovgrundlag.md", ctx.lang))


def _marker_accessibility(ctx: RenderContext, args: dict[str, str]) -> str:
    domain = accessibility.site_domain(str(ctx.extra.get("online_url", "")))
    addresses = (accessibility.was_address(domain), accessibility.short_address(domain)) if domain else None
    view = args.get("visning", ACCESSIBILITY_VIEWS[0])
    return _render("tilgaengelighed.html", ctx, view=view, contact=ctx.contact, domain=domain, addresses=addresses)


def _marker_publication(ctx: RenderContext, args: dict[str, str]) -> str:
    publication = reference_data.publication()
    published = date(publication.year, publication.month, 1)
    return _render("publikation.html", ctx, publication=publication, published=published)


def _marker_news(ctx: RenderContext, args: dict[str, str]) -> str:
    items = ctx.site.news()
    latest = int(args["seneste"]) if "seneste" in args else None
    if latest is not None:
        items = items[:latest]
    entries = [{"page": p, "url": ctx.link(p), "date": p.date("date"), "events": events_of(p)} for p in items]
    years: dict[int, list[dict[str, Any]]] = {}
    for entry in entries:
        years.setdefault(entry["date"].year, []).append(entry)
    return _render(
        "nyheder.html",
        ctx,
        years=years,
        entries=entries,
        latest=latest,
        index=ctx.link_to(NYHED.index_page),
        feed=relative_url("feed.xml", ctx.current_url),
    )


def _marker_events(ctx: RenderContext, args: dict[str, str]) -> str:
    # Latest first: without JavaScript (which puts upcoming events first, nearest first, in the reader's
    # browser) the upcoming events are then at the top. The build cannot know today's date and stay
    # reproducible.
    events: list[Event] = sorted(ctx.site.events(), key=lambda e: e.start, reverse=True)
    entries = [{"event": e, "news_url": ctx.link(e.news)} for e in events]
    return _render("arrangementer.html", ctx, entries=entries, calendar=_calendar_links(ctx))


def _marker_contact(ctx: RenderContext, args: dict[str, str]) -> str:
    return _render("kontakt.html", ctx, contact=ctx.contact, placement="side")


def _calendar_links(ctx: RenderContext) -> Callable[[str], str]:
    """Links to the calendar files written by feeds.write_all at the site root."""
    return lambda name: relative_url(f"kalender/{name}.ics", ctx.current_url)


def _download_changes(ctx: RenderContext, state: dict[str, Any]) -> list[dict[str, Any]]:
    """The manifest's change list by kind, each page linked where it still exists."""
    groups = []
    for heading, items in manifest.grouped(state):
        entries = []
        for change in items:
            base, lang = split_language(change["side"])
            entries.append(
                {
                    "title": change["titel"],
                    "language": manifest.LANGUAGE_NAMES.get(lang) if lang != DEFAULT_LANGUAGE else None,
                    "reason": manifest.REASONS.get(change["aarsag"]),
                    "date": change["aarsag_dato"],
                    "changed_undated": change["art"] == "aendret" and not change["aarsag"],
                    "url": None if change["art"] == "fjernet" else ctx.link_to(base, lang),
                }
            )
        groups.append({"heading": heading, "entries": entries})
    return groups


DOWNLOAD_LINKS = ("seneste", "seneste_kontrolsum", "dateret", "dateret_kontrolsum", "manifest_fil", "aendringer_fil")


def _marker_download(ctx: RenderContext, args: dict[str, str]) -> str:
    view = args.get("visning", DOWNLOAD_VIEWS[0])
    facts = ctx.extra.get("download")
    values: dict[str, Any] = {
        "view": view,
        "facts": facts,
        "offline": bool(ctx.extra.get("offline")),
        "online_page": str(ctx.extra.get("online_url", "")).rstrip("/") + "/" + page_url(ctx.page.base, ctx.lang, True),
        "changes_file": relative_url("AENDRINGER.txt", ctx.current_url),
        "version": ctx.extra.get("version", ""),
        "build_date": ctx.extra.get("build_date", ""),
    }
    if facts:
        # Site-relative paths in the facts become links relative to this page (sub-paths, file://).
        values["links"] = {key: relative_url(facts[key], ctx.current_url) for key in DOWNLOAD_LINKS}
        values.update(
            size=file_size(facts["zip"]["bytes"]),
            size_short=megabytes(facts["zip"]["bytes"]),
            changes=_download_changes(ctx, facts["manifest"]),
            previous=facts["manifest"]["forrige"],
        )
    return _render("offline-hentning.html", ctx, **values)


def _marker_security_headers(ctx: RenderContext, args: dict[str, str]) -> str:
    values = security.headers_to_fill_in()
    servers = [
        {
            "name": "nginx",
            "where": "i blokken server (hver location gentager alle headerne)",
            "text": security.nginx(values),
        },
        {
            "name": "Apache",
            "where": "i konfigurationen eller i en .htaccess-fil (kræver mod_headers)",
            "text": security.apache(values),
        },
        {
            "name": "IIS",
            "where": "filen web.config, som ligger i roden af kopien (den rigtige fil nævner også hver fil, "
            "der må gemmes i et år)",
            "text": security.web_config(values),
        },
    ]
    return _render("sikkerhedsheadere.html", ctx, servers=servers)


MARKERS: dict[str, Callable[[RenderContext, dict[str, str]], str]] = {
    "anbefalinger": _marker_recommendations,
    "praksiseksempler": _marker_examples,
    "katalog": _marker_catalogue,
    "medlemmer": _marker_members,
    "antal-medlemmer": _marker_member_count,
    "lovgrundlag": _marker_legal_basis,
    "ordliste": _marker_glossary,
    "sagens-trin": _marker_case_steps,
    "tilgaengelighed": _marker_accessibility,
    "publikation": _marker_publication,
    "nyheder": _marker_news,
    "arrangementer": _marker_events,
    "kontakt": _marker_contact,
    "offline-hentning": _marker_download,
    "sikkerhedsheadere": _marker_security_headers,
}


def find_markers(markdown: str) -> list[Marker]:
    """Every marker of a page's Markdown, in order: the parsed page's, so a marker shown in code stays code."""
    return parse(markdown).markers


def render_markers(markdown: str, ctx: RenderContext, place: Callable[[str], str] = lambda html: html) -> str:
    """Replace every marker line with its rendered partial; raise MarkerError for unknown ones.

    ``place`` decides what goes into the Markdown for a rendered block: the HTML itself, or
    (in the build) a placeholder that is swapped for the HTML after Markdown has run.
    """
    parts, done = [], 0
    for marker in find_markers(markdown):
        parts += [markdown[done : marker.offset], "\n" + place(_render_marker(marker, ctx)) + "\n"]
        done = marker.end
    return "".join([*parts, markdown[done:]])


def _render_marker(marker: Marker, ctx: RenderContext) -> str:
    name, args = marker.name, marker.arguments
    if name not in MARKERS:
        raise MarkerError(f"ukendt markør »{name}«; kendte markører: {', '.join(sorted(MARKERS))}")
    errors = marker_argument_errors(name, args)
    if errors:
        raise MarkerError("; ".join(errors))
    return MARKERS[name](ctx, args)


def _example_values(ctx: RenderContext) -> dict[str, Any]:
    """A practice example's facts, its recommendations and other examples of them."""
    entry = _example_entry(ctx, ctx.page)
    related = {}
    for recommendation in entry["recommendations"]:
        number = recommendation.meta["nummer"]
        others = islice((p for p in ctx.site.examples_for(number) if p is not ctx.page), RELATED_EXAMPLES)
        related[number] = [{"title": p.title, "url": ctx.link(p)} for p in others]
    step = next((s for s in case_steps.steps() if s.id == entry["step"]), None)
    return {
        "entry": entry,
        "case_step": {"title": step.wording(ctx.lang).title, "url": _step_url(ctx, step.id)} if step else None,
        "related": related,
        "catalogue": ctx.link_to(PRAKSISEKSEMPEL.index_page),
        "rec_links": {r.meta["nummer"]: ctx.link(r) for r in entry["recommendations"]},
    }


def _recommendation_values(ctx: RenderContext) -> dict[str, Any]:
    """The steps of a case the recommendation belongs to, linked on »Barnets vej gennem sagen«."""
    steps = case_steps.steps_for_recommendation(case_steps.steps(), ctx.page.meta["nummer"])
    return {
        "case_steps": [{"title": s.wording(ctx.lang).title, "url": _step_url(ctx, s.id)} for s in steps],
        "case_path": ctx.link_to(CASE_PATH_PAGE, ctx.lang),
    }


def _news_values(ctx: RenderContext) -> dict[str, Any]:
    return {"events": events_of(ctx.page), "calendar": _calendar_links(ctx)}


# What the header and footer partials of a page type need beyond the page (``<type>-top.html``, ``-bund``).
TYPED_VALUES: dict[str, Callable[[RenderContext], dict[str, Any]]] = {
    ANBEFALING.name: _recommendation_values,
    PRAKSISEKSEMPEL.name: _example_values,
    NYHED.name: _news_values,
}


def _typed_values(ctx: RenderContext) -> dict[str, Any]:
    values = TYPED_VALUES.get(ctx.page.type.name, lambda ctx: {})(ctx)
    return {"page": ctx.page, **values}


def page_parts(ctx: RenderContext) -> tuple[str, str]:
    """Generated parts shown above and below the text of typed pages (notices, facts, links)."""
    names = [f"{ctx.page.type.name}-{position}.html" for position in ("top", "bund")]
    if not any(name in _partial_names() for name in names):
        return "", ""
    values = _typed_values(ctx)
    top, bottom = (_render(name, ctx, **values) if name in _partial_names() else "" for name in names)
    return top, bottom


@cache
def _partial_names() -> frozenset[str]:
    return frozenset(path.name for path in PARTIALS.glob("*.html"))
