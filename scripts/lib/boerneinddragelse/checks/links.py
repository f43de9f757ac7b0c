"""Links and images in a page's body: schemes, files, pages, languages, anchors and image files.

Markdown links and images are followed to their files; raw HTML attributes (checks.html) only get their
scheme checked, since their paths are relative to the built page's address.
"""

from __future__ import annotations

import difflib
import html
import posixpath
from urllib.parse import unquote

from ..html_policy import URL_SCHEMES, url_scheme
from ..model import DEFAULT_LANGUAGE, split_language
from ..parsed_page import ParsedPage
from ..problems import Problem
from ..rules import MAX_IMAGE_BYTES
from ..rules.links import (
    ABSOLUTE_LINK,
    EXTERNAL_IMAGE,
    IMAGE_TOO_LARGE,
    IMAGE_WITHOUT_ALT,
    JAVASCRIPT_LINK,
    LINK_TO_DANISH_ONLY,
    LINK_TO_TRANSLATION,
    MISSING_ANCHOR,
    MISSING_FILE,
    MISSING_IMAGE,
    MISSING_LINK_TARGET,
    URL_SCHEME,
)
from ..rules.rule import reports
from ..site import SourcePage
from ..sourcepaths import INDEX, with_language
from .context import Context


@reports(IMAGE_WITHOUT_ALT)
def links(context: Context, page: SourcePage, body: ParsedPage) -> list[Problem]:
    problems: list[Problem] = []
    for link in body.links:
        if link.kind in ("reference", "autolink"):
            continue  # a use of a definition (the definition is checked), an address written out in full
        if link.image and not link.label.strip():
            problems.append(IMAGE_WITHOUT_ALT.at(page.path, link.line, link.column))
        problems += target(context, page, link.target, link.line, link.column, image=link.image)
    return problems


@reports(JAVASCRIPT_LINK, URL_SCHEME, EXTERNAL_IMAGE)
def _scheme(page: SourcePage, address: str, line: int, column: int, *, image: bool) -> list[Problem] | None:
    """Problems of an address with a scheme or host ([] if it is fine); None for a path within the site."""
    what = "Billedet" if image else "Linket"
    scheme = url_scheme(html.unescape(address))
    if scheme in ("javascript", "vbscript"):
        return [JAVASCRIPT_LINK.at(page.path, line, column, what=what, scheme=scheme)]
    if scheme is not None and scheme not in URL_SCHEMES:
        allowed = ", ".join(f"{s}:" for s in sorted(URL_SCHEMES))
        return [URL_SCHEME.at(page.path, line, column, what=what, scheme=scheme, allowed=allowed)]
    if scheme is not None or address.startswith("//"):
        return [EXTERNAL_IMAGE.at(page.path, line, column, address=address[:80])] if image else []
    return None


@reports(ABSOLUTE_LINK, MISSING_FILE, MISSING_LINK_TARGET)
def target(
    context: Context, page: SourcePage, address: str, line: int, column: int, *, image: bool, raw: bool = False
) -> list[Problem]:
    """Check one link or image target of a page; raw is True for HTML attributes."""
    with_scheme = _scheme(page, address, line, column, image=image)
    if with_scheme is not None or raw:
        # Raw HTML paths are relative to the built page's address, which differs between the online
        # and the offline build, so only Markdown links and images are followed to their files.
        return with_scheme or []
    if address.startswith("/"):
        relative = posixpath.relpath(address.lstrip("/").split("#")[0] or ".", posixpath.dirname(page.rel) or ".")
        example = relative if relative.endswith(".md") else "../om.md"
        what = "Billedet" if image else "Linket"
        return [ABSOLUTE_LINK.at(page.path, line, column, what=what, address=address[:80], example=example)]
    path, _, anchor = address.partition("#")
    path = unquote(path.split("?", 1)[0])
    anchor = unquote(anchor)
    if not path:
        return _anchor(context, page, page.rel, anchor, line, column) if anchor and not image else []
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    outside = resolved == ".." or resolved.startswith("../")
    if image:
        return _image(context, page, resolved, path, outside, line, column)
    if resolved.endswith(".md") and not outside:
        return _page_link(context, page, resolved, path, anchor, line, column)
    file = context.docs_dir / resolved
    if outside or not file.exists():
        hint = f" Mente du »{path}.md«?" if not outside and f"{resolved}.md" in context.rels else ""
        return [MISSING_FILE.at(page.path, line, column, path=path, hint=hint)]
    if file.is_dir():
        index = posixpath.join(path, INDEX)
        return [MISSING_LINK_TARGET.at(page.path, line, column, wording="mappe", path=path, index=index)]
    return []


@reports(LINK_TO_DANISH_ONLY, MISSING_LINK_TARGET)
def _page_link(
    context: Context, page: SourcePage, resolved: str, path: str, anchor: str, line: int, column: int
) -> list[Problem]:
    wrong_language = _link_language(context, page, resolved, line, column)
    if wrong_language:
        return wrong_language
    linked = resolved
    if page.lang != DEFAULT_LANGUAGE:
        translated = with_language(split_language(resolved)[0], page.lang)
        if translated in context.rels:
            linked = translated
        elif resolved in context.rels:
            return [LINK_TO_DANISH_ONLY.at(page.path, line, column, target=context.display_prefix + resolved)]
    if linked not in context.rels:
        close = difflib.get_close_matches(resolved, sorted(context.rels), n=1, cutoff=0.7)
        hint = f" Mente du »{posixpath.relpath(close[0], posixpath.dirname(page.rel) or '.')}«?" if close else ""
        return [MISSING_LINK_TARGET.at(page.path, line, column, path=path, hint=hint)]
    return _anchor(context, page, linked, anchor, line, column) if anchor else []


@reports(LINK_TO_TRANSLATION)
def _link_language(context: Context, page: SourcePage, resolved: str, line: int, column: int) -> list[Problem]:
    """A Danish page that links to a translation (``x.en.md``): the Danish site has no such page."""
    base, lang = split_language(resolved)
    if page.lang != DEFAULT_LANGUAGE or lang == DEFAULT_LANGUAGE:
        return []
    relative = posixpath.relpath(base, posixpath.dirname(page.rel) or ".")
    return [
        LINK_TO_TRANSLATION.at(page.path, line, column, target=context.display_prefix + resolved, relative=relative)
    ]


@reports(MISSING_ANCHOR)
def _anchor(context: Context, page: SourcePage, target_rel: str, anchor: str, line: int, column: int) -> list[Problem]:
    linked = context.site.by_rel.get(target_rel)
    body = context.body(linked) if linked is not None else None
    if body is None or body.limit is not None:
        return []  # the target could not be read, or is too heavy to read; it has its own problem
    anchors = body.anchors
    if anchor in anchors:
        return []
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
    return [
        MISSING_ANCHOR.at(
            page.path,
            line,
            column,
            anchor=anchor,
            where="denne side" if linked is page else linked.path,
            hint=f" Mente du »#{close[0]}«?" if close else "",
        )
    ]


@reports(MISSING_IMAGE, IMAGE_TOO_LARGE)
def _image(
    context: Context, page: SourcePage, resolved: str, path: str, outside: bool, line: int, column: int
) -> list[Problem]:
    file = context.docs_dir / resolved
    if outside or not file.is_file():
        return [MISSING_IMAGE.at(page.path, line, column, path=path)]
    size = file.stat().st_size
    if size > MAX_IMAGE_BYTES:
        kilobytes = -(-size // 1024)
        return [IMAGE_TOO_LARGE.at(page.path, line, column, path=path, size=kilobytes, limit=MAX_IMAGE_BYTES // 1024)]
    return []
