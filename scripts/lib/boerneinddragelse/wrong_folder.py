"""A page in the wrong folder: its front matter's fields name a type that belongs elsewhere.

The page type is decided by the folder, so the fields of a misplaced page are checked against the
wrong schema; this rule says where the file belongs instead of listing every unknown field.
"""

from __future__ import annotations

import re
from typing import Any

from .model import PageType, fields_of_one_type, infer_page_type
from .problems import Problem
from .rules.files import WRONG_FOLDER
from .rules.rule import reports
from .slugs import slugify
from .source_page import SourcePage
from .sourcepaths import SUFFIX, is_index, with_language


def _folder_text(rel: str) -> str:
    folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
    return f"docs/{folder}/" if folder else "docs/ (roden)"


def _place_for(page: SourcePage, page_type: PageType) -> str:
    """Where a misplaced page belongs (relative to docs/), named after its type's convention."""
    stem = re.sub(r"^(\d{4}-\d{2}-\d{2}-|\d+-)", "", page.slug) or page.slug
    if is_index(page.base):
        stem = slugify(page.title) or "side"
    return f"{page_type.folder}/{with_language(page_type.file_stem(stem, page.meta) + SUFFIX, page.lang)}"


def _complete(page_type: PageType, meta: dict[str, Any]) -> bool:
    return all(name in meta for name in page_type.schema["required"])


@reports(WRONG_FOLDER)
def wrong_folder(page: SourcePage) -> Problem | None:
    """One forkert-mappe error if the front matter's fields show a type that belongs in another folder."""
    meta = page.meta
    inferred = infer_page_type(meta)
    if inferred is None or inferred is page.type or inferred.folder is None:
        return None
    evidence = [name for name in meta if fields_of_one_type().get(name) is inferred]
    if page.type.folder and len(evidence) == 1 and _complete(page.type, meta) and not _complete(inferred, meta):
        return None  # a whole page of its folder's type with one stray field: ukendt-felt says it better
    shown = ", ".join(f"»{name}«" for name in (evidence or meta))
    label = inferred.label.lower()
    if is_index(page.base):
        where = f"er {page.rel.rsplit('/', 1)[-1]}, som altid er en almindelig side (mappens forside)"
    elif page.type.folder:
        where = f"ligger i {_folder_text(page.rel)}, hvor siderne er af typen {page.type.label.lower()}"
    else:
        where = f"ligger i {_folder_text(page.rel)}"
    fix = f"Flyt filen til {page.path[: len(page.path) - len(page.rel)]}{_place_for(page, inferred)}"
    if not evidence and page.type.folder:
        missing = [name for name in page.type.schema["required"] if name not in meta]
        fix += f", eller tilføj felterne for typen {page.type.label.lower()}: {', '.join(missing)}"
    line = page.line_of(evidence[0]) if evidence else 1
    fields = "Feltet" if len(evidence) == 1 else "Felterne"
    return WRONG_FOLDER.at(page.path, line, 1, fields=fields, shown=shown, label=label, where=where, fix=fix)
