"""Raw HTML in a page and Markdown attribute lists: only the allowed elements and attributes, no JavaScript."""

from __future__ import annotations

import html
import re

from markdown.extensions.attr_list import get_attrs_and_remainder

from ..html_policy import ALLOWED_ELEMENTS, MARKDOWN_ATTRIBUTES, RESERVED_ID_PREFIX, allowed_attribute, is_url_attribute
from ..parsed_page import ParsedPage
from ..problems import Problem
from ..rules.links import IMAGE_WITHOUT_ALT
from ..rules.markup import HTML_ATTRIBUTE, HTML_ELEMENT
from ..rules.rule import reports
from ..site import SourcePage
from .context import Context
from .links import target

_TAG_NAME = re.compile(r"[a-z][a-z0-9-]*")


@reports(HTML_ELEMENT, IMAGE_WITHOUT_ALT)
def raw_html(context: Context, page: SourcePage, body: ParsedPage) -> list[Problem]:
    problems = []
    for found in body.html_tags:
        tag, line, column = found.name, found.line, found.column
        if not _TAG_NAME.fullmatch(tag):
            continue  # <https://…> and <navn@example.org> are Markdown autolinks, not HTML
        if tag not in ALLOWED_ELEMENTS:
            problems.append(HTML_ELEMENT.at(page.path, line, column, tag=tag))
        for name, value in found.attributes:
            if name not in MARKDOWN_ATTRIBUTES:
                known = tag in ALLOWED_ELEMENTS
                problems += _attribute(context, page, tag, name, value or "", line, column, known=known)
        if tag == "img" and not (dict(found.attributes).get("alt") or "").strip():
            problems.append(IMAGE_WITHOUT_ALT.at(page.path, line, column, wording="html"))
    return problems


@reports(HTML_ATTRIBUTE)
def _attribute(
    context: Context,
    page: SourcePage,
    tag: str | None,
    name: str,
    value: str,
    line: int,
    column: int,
    *,
    known: bool = True,
) -> list[Problem]:
    """One attribute an editor wrote on <tag> (None: in a Markdown attribute list, element unknown)."""
    where = f"<{tag}>" if tag else "attributlisten {: … }"
    if name.startswith("on"):
        return [HTML_ATTRIBUTE.at(page.path, line, column, wording="haendelse", name=name, where=where)]
    allowed = allowed_attribute(tag, name) if tag else any(allowed_attribute(t, name) for t in ALLOWED_ELEMENTS)
    if known and not allowed:
        return [HTML_ATTRIBUTE.at(page.path, line, column, name=name, where=where)]
    if name == "id" and value.startswith(RESERVED_ID_PREFIX):
        return [HTML_ATTRIBUTE.at(page.path, line, column, wording="id", value=value[:40], prefix=RESERVED_ID_PREFIX)]
    if is_url_attribute(name) and value.strip():
        return target(context, page, value.strip(), line, column, image=tag == "img", raw=True)
    return []


@reports(HTML_ATTRIBUTE)
def attribute_lists(context: Context, page: SourcePage, body: ParsedPage) -> list[Problem]:
    """Attributes set with attr_list: {: #id .klasse navn="værdi" }. The element they land on is not known
    here, so a name allowed on any element passes (the build's sanitiser removes it where it does not belong)."""
    problems = []
    for found in body.attribute_lists:
        pairs, _ = get_attrs_and_remainder(found.content)
        for name, value in pairs:
            if name == "." or (value is None and not name.startswith("on")):
                continue  # a class, or a bare word ({navn} in running text is not an attribute)
            value_text = html.unescape(value or "")
            problems += _attribute(context, page, None, name.lower(), value_text, found.line, found.column)
    return problems
