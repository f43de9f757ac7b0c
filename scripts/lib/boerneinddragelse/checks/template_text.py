"""Text and empty sections left from a page type's template (PageType.body)."""

from __future__ import annotations

from ..parsed_page import ParsedPage, parse
from ..problems import Problem
from ..rules.pages import TEMPLATE_TEXT
from ..rules.rule import reports
from ..site import SourcePage
from ..templates import DESCRIPTION_PLACEHOLDER
from .context import Context


@reports(TEMPLATE_TEXT)
def template_text(context: Context, page: SourcePage) -> list[Problem]:
    problems = []
    if page.meta.get("description") == DESCRIPTION_PLACEHOLDER:
        problems.append(TEMPLATE_TEXT.at(page.path, page.line_of("description"), 1, wording="beskrivelse"))
    placeholders = {
        line.strip()
        for line in page.type.body.split("\n")
        if line.strip() and not line.lstrip().startswith(("#", "<!--"))
    }
    if not placeholders:
        return problems
    for index, line in enumerate(page.front.body.split("\n")):
        if line.strip() in placeholders:
            problems.append(TEMPLATE_TEXT.at(page.path, page.front.body_line + index, 1, text=line.strip()))
    return problems


@reports(TEMPLATE_TEXT)
def empty_sections(context: Context, page: SourcePage, body: ParsedPage) -> list[Problem]:
    """Headings from the page type's template with nothing under them yet."""
    template = {heading.text for heading in parse(page.type.body).outline if heading.text}
    if not template:
        return []
    lines = body.text.split("\n")
    starts = {heading.line - body.first_line: heading for heading in body.outline}
    problems = []
    for index, heading in starts.items():
        if heading.text not in template or not lines[index].startswith("#"):
            continue
        following = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if following is None or (following in starts and starts[following].level <= heading.level):
            problems.append(TEMPLATE_TEXT.at(page.path, heading.line, 1, wording="tomt-afsnit", heading=heading.text))
    return problems
