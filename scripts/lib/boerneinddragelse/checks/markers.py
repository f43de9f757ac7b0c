"""Markers (``<!-- katalog -->``): the name must be one the build renders, with arguments it knows."""

from __future__ import annotations

import difflib

from ..parsed_page import ParsedPage
from ..problems import Problem
from ..render import MARKERS, marker_argument_errors
from ..rules.markup import MARKER_ARGUMENT, UNKNOWN_MARKER
from ..rules.rule import reports
from ..site import SourcePage
from .context import Context


@reports(MARKER_ARGUMENT, UNKNOWN_MARKER)
def markers(context: Context, page: SourcePage, body: ParsedPage) -> list[Problem]:
    problems = []
    for marker in body.markers:  # the markers the build renders: none in code
        if marker.name in MARKERS:
            for error in marker_argument_errors(marker.name, marker.arguments):
                problems.append(
                    MARKER_ARGUMENT.at(page.path, marker.line, marker.column, error=error[0].upper() + error[1:])
                )
        else:
            close = difflib.get_close_matches(marker.name, list(MARKERS), n=1)
            problems.append(
                UNKNOWN_MARKER.at(
                    page.path,
                    marker.line,
                    marker.column,
                    name=marker.name,
                    hint=f" Mente du »<!-- {close[0]} -->«?" if close else "",
                    known=", ".join(sorted(MARKERS)),
                )
            )
    return problems
