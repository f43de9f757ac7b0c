"""An illustrative (constructed) practice example must not read as one real municipality's practice."""

from __future__ import annotations

import re
from functools import cache

from .. import vocabulary
from ..parsed_page import ParsedPage
from ..problems import Problem
from ..rules.pages import MUNICIPALITY_IN_ILLUSTRATIVE
from ..rules.rule import reports
from ..site import SourcePage
from .context import Context


@cache
def _municipality_forms() -> dict[str, str]:
    """Each municipality's name and its genitive (»Odenses«), mapped to the name."""
    names = vocabulary.municipalities()
    return {**{name + "s": name for name in names}, **{name: name for name in names}}


@cache
def _candidate_words() -> re.Pattern[str]:
    """A whole word of letters, hyphenated parts included (»Høje-Taastrup«, not the end of »ikke-Aarhus«), that
    begins as a municipality's name can: the regex engine passes over every other word without a step in
    Python. No nested quantifiers, so linear."""
    first = "".join(sorted({re.escape(name[0]) for name in _municipality_forms()})) or "^\\s\\S"
    return re.compile(rf"(?<![^\W\d_])(?<![^\W\d_]-)[{first}][^\W\d_]*(?:-[^\W\d_]+)*")


@reports(MUNICIPALITY_IN_ILLUSTRATIVE)
def municipality_names(context: Context, page: SourcePage, body: ParsedPage) -> list[Problem]:
    if page.meta.get("illustrativ") is not True or not page.type.is_illustrative(page.meta):
        return []
    names = _municipality_forms()
    problems = []
    for match in _candidate_words().finditer(body.prose):
        name = names.get(match.group(0))
        if name is not None:
            line, column = body.position(match.start())
            problems.append(MUNICIPALITY_IN_ILLUSTRATIVE.at(page.path, line, column, word=match.group(0), name=name))
    return problems
