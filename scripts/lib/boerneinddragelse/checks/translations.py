"""A translation (``x.en.md``) needs its Danish original and agrees with it on the shared fields."""

from __future__ import annotations

from typing import Any

from ..model import DEFAULT_LANGUAGE
from ..problems import Problem
from ..rules.pages import TRANSLATION_DISAGREES, TRANSLATION_WITHOUT_ORIGINAL
from ..rules.rule import reports
from ..site import SourcePage
from .context import Context, misplaced


def _shown(value: Any) -> str:
    return f"»{str(value)[:60]}«"


@reports(TRANSLATION_WITHOUT_ORIGINAL, TRANSLATION_DISAGREES)
def translation(context: Context, page: SourcePage) -> list[Problem]:
    if page.lang == DEFAULT_LANGUAGE or misplaced(page):
        return []
    original = context.site.by_rel.get(page.base)
    if original is None:
        if page.base in context.rels:
            return []  # the original could not be read; it has its own problem
        return [TRANSLATION_WITHOUT_ORIGINAL.at(page.path, 1, 1, original=context.display_prefix + page.base)]
    if not (page.front.present and original.front.present):
        return []
    problems = []
    shared = ", ".join(page.type.translatable_fields)
    for name in page.type.translatable_fields:
        ours, theirs = page.meta.get(name), original.meta.get(name)
        if ours == theirs:
            continue
        problems.append(
            TRANSLATION_DISAGREES.at(
                page.path,
                page.line_of(name) if name in page.meta else 1,
                1,
                name=name,
                here="mangler" if name not in page.meta else f"er {_shown(ours)}",
                there="mangler" if name not in original.meta else f"er {_shown(theirs)}",
                original=original.path,
                shared=shared,
            )
        )
    return problems
