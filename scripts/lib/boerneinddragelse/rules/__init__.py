"""The registry of every rule the validator and the build report, grouped by family in small modules.

Each rule is a module constant with an English name in one family module (``links.MISSING_ANCHOR`` is
``anker-mangler``), and code reports it with ``MISSING_ANCHOR.at(path, line, column, message)``. RULES maps
every id to its rule; CONTRIBUTING.md's rule table is generated from it (scripts/export_schemas.py).
"""

from __future__ import annotations

from types import ModuleType

from . import data, fields, files, front_matter, links, markup, news, pages, settings
from .limits import (
    EARLIEST_YEAR,
    LATEST_YEARS_AHEAD,
    MAX_EMPHASIS_RUN,
    MAX_FRONT_MATTER_DEPTH,
    MAX_IMAGE_BYTES,
    MAX_LINE_CHARS,
    MAX_MARKDOWN_DEPTH,
    MAX_MARKUP_COST,
    MAX_PAGE_BYTES,
)
from .rule import Rule

__all__ = [
    "EARLIEST_YEAR",
    "FAMILIES",
    "LATEST_YEARS_AHEAD",
    "MAX_EMPHASIS_RUN",
    "MAX_FRONT_MATTER_DEPTH",
    "MAX_IMAGE_BYTES",
    "MAX_LINE_CHARS",
    "MAX_MARKDOWN_DEPTH",
    "MAX_MARKUP_COST",
    "MAX_PAGE_BYTES",
    "RULES",
    "SEVERITIES",
    "Rule",
]

# In the order CONTRIBUTING.md lists them: from the file, through its front matter and body, to the site's settings
# and data files.
FAMILIES: tuple[ModuleType, ...] = (files, front_matter, fields, pages, news, links, markup, settings, data)


def _collect(families: tuple[ModuleType, ...]) -> tuple[dict[str, Rule], dict[str, tuple[str, ...]]]:
    """Every rule by id, and every severity each id is reported with; a duplicate id fails at import."""
    rules: dict[str, Rule] = {}
    variants: list[Rule] = []
    for module in families:
        family = module.__name__.rsplit(".", 1)[-1]
        for name, value in vars(module).items():
            if not isinstance(value, Rule) or not name.isupper():
                continue
            if value.family and value.family != family:
                raise ImportError(f"{name} in {module.__name__} is declared in rules/{value.family}.py")
            object.__setattr__(value, "family", family)  # frozen, but only the registry names the family
            if value.variant:
                variants.append(value)
            elif value.id in rules:
                raise ImportError(
                    f"rule id {value.id!r} is declared twice: {rules[value.id].module}, {module.__name__}"
                )
            else:
                rules[value.id] = value
    severities = {rule_id: (rule.severity,) for rule_id, rule in rules.items()}
    for variant in variants:
        if rules.get(variant.id) is None or rules[variant.id].family != variant.family:
            raise ImportError(f"rule variant {variant.id!r} has no rule of its own in rules/{variant.family}.py")
        if variant.severity not in severities[variant.id]:
            severities[variant.id] += (variant.severity,)
    return rules, severities


RULES, SEVERITIES = _collect(FAMILIES)
