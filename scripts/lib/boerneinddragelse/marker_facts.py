"""The markers that show facts from outside the pages: the legal basis and glossary, the publication, the
accessibility statement, the editors' contact, the offline download and the security headers."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import accessibility, glossary, manifest, reference_data, security
from .formatting import file_size, megabytes
from .marker_arguments import ACCESSIBILITY_VIEWS, DOWNLOAD_VIEWS, GLOSSARY_VIEWS
from .model import DEFAULT_LANGUAGE, split_language
from .partials import RenderContext, render_partial
from .urls import page_url, relative_url


def legal_basis_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    return render_partial("lovgrundlag.html", ctx, basis=reference_data.legal_basis())


def glossary_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    concepts = glossary.by_term(glossary.concepts(), ctx.lang)
    old_words = sorted(((word, c) for c in concepts for word in c.old_words), key=lambda pair: pair[0].casefold())
    return render_partial(
        "ordliste.html",
        ctx,
        view=args.get("visning", GLOSSARY_VIEWS[0]),
        concepts=concepts,
        old_words=old_words,
        basis=reference_data.legal_basis(),
        lovgrundlag=ctx.link_to("lovgrundlag.md", ctx.lang),
    )


def accessibility_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    domain = accessibility.site_domain(str(ctx.extra.get("online_url", "")))
    addresses = (accessibility.was_address(domain), accessibility.short_address(domain)) if domain else None
    view = args.get("visning", ACCESSIBILITY_VIEWS[0])
    return render_partial(
        "tilgaengelighed.html", ctx, view=view, contact=ctx.contact, domain=domain, addresses=addresses
    )


def publication_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    publication = reference_data.publication()
    published = date(publication.year, publication.month, 1)
    return render_partial("publikation.html", ctx, publication=publication, published=published)


def contact_marker(ctx: RenderContext, args: dict[str, str]) -> str:
    return render_partial("kontakt.html", ctx, contact=ctx.contact, placement="side")


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


def download_marker(ctx: RenderContext, args: dict[str, str]) -> str:
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
    return render_partial("offline-hentning.html", ctx, **values)


def security_headers_marker(ctx: RenderContext, args: dict[str, str]) -> str:
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
    return render_partial("sikkerhedsheadere.html", ctx, servers=servers)
