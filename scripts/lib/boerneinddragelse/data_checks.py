"""The editors' data files checked against the content model: the validator and the build report
their problems with file and line, like the pages' problems."""

from __future__ import annotations

from pathlib import Path

from . import case_steps, glossary
from .paths import DATA_DIR
from .problems import Problem
from .site import Site


def problems_beside(docs_dir: Path, site: Site) -> list[Problem]:
    """The problems of the data files that belong to docs_dir (``scripts/data/`` beside it), if it has them.

    A docs tree without data files of its own (a test fixture, a copy of the pages) has nothing to check.
    """
    data_dir = docs_dir.parent / "scripts" / "data"
    return problems(site, data_dir) if (data_dir / "lovgrundlag.yml").is_file() else []


def problems(site: Site, data_dir: Path = DATA_DIR) -> list[Problem]:
    """What is wrong in the glossary and the case steps (which may name the site's pages)."""
    return glossary.read(data_dir)[1] + case_steps.read(data_dir, site)[1]
