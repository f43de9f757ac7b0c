"""The editors' data files checked against the content model: the validator and the build report
their problems with file and line, like the pages' problems."""

from __future__ import annotations

from pathlib import Path

from . import case_steps, glossary, synonyms
from .paths import DATA_DIR, REPOSITORY
from .problems import Problem
from .rules.data import DATA_FILE
from .rules.rule import reports
from .site import Site


def problems_beside(docs_dir: Path, site: Site) -> list[Problem]:
    """The problems of the data files that belong to docs_dir (``scripts/data/`` beside it), if it has them.

    A docs tree without data files of its own (a test fixture, a copy of the pages) has nothing to check.
    """
    data_dir = docs_dir.parent / "scripts" / "data"
    if not (data_dir / "lovgrundlag.yml").is_file():
        return []
    # The links from the data to pages are checked against the repository's own pages; a copy of the tools
    # with other pages (a test project) checks the data on their own.
    own = docs_dir.resolve() == (REPOSITORY / "docs").resolve()
    return problems(site if own else None, data_dir)


@reports(DATA_FILE)
def problems(site: Site | None, data_dir: Path = DATA_DIR) -> list[Problem]:
    """What is wrong in the glossary, its synonyms (whose targets must be the site's words) and the case
    steps (which may name the site's pages)."""
    found = glossary.read(data_dir)[1] + synonyms.read(data_dir)[1] + case_steps.read(data_dir, site)[1]
    return found + (synonyms.unknown_targets(site.lexicon, data_dir) if site is not None else [])
