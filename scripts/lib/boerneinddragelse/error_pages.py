"""What the preview (``mkdocs serve``) shows of content errors, rendered from the project's partials.

The messages quote what editors wrote; Jinja's autoescaping keeps every character of it text.
"""

from __future__ import annotations

import json
from typing import Any

from .partials import environment
from .problems import Problem

BANNER_LIMIT = 30  # how many messages the banner and an error page list; the rest are counted


def _html(name: str, **values: Any) -> str:
    html = environment().get_template(name).render(**values)
    # One line: inside Markdown, a blank line would end the raw HTML block.
    return "".join(line.strip() for line in html.splitlines())


def banner(errors: list[Problem]) -> str:
    """The notice of every content error at the top of each page ("" when there is none)."""
    return _html("indholdsfejl-banner.html", problems=errors, limit=BANNER_LIMIT) if errors else ""


def error_page(page: str, problems: list[Problem]) -> str:
    """The Markdown source that replaces a page with errors (page: its path under docs/): its messages only,
    so nothing the validator refuses is parsed or rendered."""
    title = json.dumps(f"Fejl i {page}", ensure_ascii=False)
    html = _html("indholdsfejl-side.html", page=page, problems=problems, limit=BANNER_LIMIT)
    return f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n{html}\n"


def render_failure(markdown: str, error: Exception) -> str:
    """A page's Markdown with a notice that its generated lists could not be rendered."""
    return f"{markdown}\n\n{_html('visningsfejl.html', error=str(error))}\n"
