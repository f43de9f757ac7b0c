"""File names under docs/: which names a page may have, and the name to propose instead.

Shared by the build (boerneinddragelse.site) and the validator, so that both refuse the same names. A page's
file name becomes its address: spaces, capitals and æ, ø, å give addresses that break when they
are copied, and a Markdown file with another ending than ``.md`` escapes the content model (MkDocs
builds ``.markdown`` unchecked and copies ``.MD`` raw, front matter and all).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from . import catalogue_pages
from .problems import Problem
from .rules.files import FILE_EXTENSION, FILE_NAME, FILE_NAME_CHARACTERS, FILE_NAME_RESERVED
from .rules.rule import reports
from .slugs import DANISH_LETTERS, is_valid_slug, slugify
from .sourcepaths import split_file_name

# The endings MkDocs treats as Markdown (mkdocs.utils.markdown_extensions) and a few more that
# editors' tools write; in any letter case. Only ``.md`` in lower case is a page of the site.
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
_DANISH = str.maketrans(DANISH_LETTERS)


def is_stray_markdown(rel: str) -> bool:
    """A Markdown file that is not a page: ``om.MD``, ``om.markdown``. The build leaves it out."""
    suffix = PurePosixPath(rel).suffix
    return suffix.lower() in MARKDOWN_EXTENSIONS and suffix != ".md"


def proposed_name(rel: str) -> str:
    """The path a file should have: every part through slugify, ending in ``.md``."""
    *folders, name = rel.split("/")
    stem, language = split_file_name(name)
    return "/".join([*(slugify(f) or "mappe" for f in folders), (slugify(stem) or "side") + language + ".md"])


@reports(FILE_NAME_CHARACTERS, FILE_NAME, FILE_NAME_RESERVED)
def page_name_problems(rel: str, path: str) -> list[Problem]:
    """Problems with a page's folder and file names (rel ends in ``.md``), each proposing the right path."""
    problems = []
    if catalogue_pages.is_reserved(rel):
        number = catalogue_pages.page_number(rel)
        folder, _, name = rel.rpartition("/")
        problems.append(FILE_NAME_RESERVED.at(path, 1, 1, name=name, number=number, folder=folder))
    *folders, name = rel.split("/")
    stem, _ = split_file_name(name)
    proposed = path[: len(path) - len(rel)] + proposed_name(rel)
    parts = [*folders, stem]
    for index, part in enumerate(parts):
        what = "Filnavnet" if index == len(parts) - 1 else "Mappenavnet"
        if part != part.lower() or re.search(r"\s|[æøåÆØÅ]", part):
            problems.append(FILE_NAME_CHARACTERS.at(path, 1, 1, what=what, part=part, proposed=proposed))
        normal = re.sub(r"\s+", "-", part.lower()).translate(_DANISH)
        if not is_valid_slug(normal):
            problems.append(FILE_NAME.at(path, 1, 1, what=what, part=part, proposed=proposed))
    return problems


def stray_markdown_files(docs_dir: Path) -> list[str]:
    """Markdown files under docs_dir that are not pages, relative to it, sorted."""
    return sorted(
        rel
        for path in docs_dir.rglob("*")
        if path.is_file() and is_stray_markdown(rel := path.relative_to(docs_dir).as_posix())
    )


@reports(FILE_EXTENSION)
def stray_markdown_problems(docs_dir: Path, display_prefix: str = "docs/") -> list[Problem]:
    return [
        FILE_EXTENSION.at(display_prefix + rel, 1, 1, proposed=display_prefix + proposed_name(rel))
        for rel in stray_markdown_files(docs_dir)
    ]
