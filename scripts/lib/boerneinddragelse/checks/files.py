"""Files and folders: a recommendation's file name, pages in subfolders, symlinks and folders named as pages."""

from __future__ import annotations

import re
from pathlib import Path

from ..filenames import MARKDOWN_EXTENSIONS
from ..model import PAGE_TYPES
from ..problems import Problem
from ..rules.files import FOLDER_NAMED_AS_PAGE, SYMLINK_OUTSIDE, WRONG_FOLDER
from ..rules.pages import FILE_NAME_NUMBER
from ..rules.rule import reports
from ..site import SourcePage
from ..sourcepaths import language_suffix, stem
from .context import Context, misplaced


@reports(FILE_NAME_NUMBER)
def file_name(context: Context, page: SourcePage) -> list[Problem]:
    """A file name starts with its type's number field (boerneinddragelse.filenames checks the letters)."""
    name = page.type.file_prefix
    number = page.meta.get(name) if name else None
    file_stem = stem(page.rel)
    if not isinstance(number, int) or isinstance(number, bool) or file_stem.startswith(f"{number}-"):
        return []
    rest = re.sub(r"^\d+-", "", file_stem)
    return [
        FILE_NAME_NUMBER.at(
            page.path,
            page.line_of(name),
            1,
            label=page.type.label.lower(),
            number=number,
            name=f"{number}-{rest}{language_suffix(page.lang)}.md",
        )
    ]


@reports(WRONG_FOLDER)
def subfolder(context: Context, page: SourcePage) -> list[Problem]:
    """A page in a subfolder of a typed folder (boerneinddragelse.site.wrong_folder checks the fields' type)."""
    if misplaced(page):
        return []
    parts = page.base.split("/")
    typed_folders = {t.folder: t for t in PAGE_TYPES.values() if t.folder}
    if len(parts) <= 2 or parts[0] not in typed_folders:
        return []
    label = typed_folders[parts[0]].label.lower()
    return [WRONG_FOLDER.at(page.path, 1, 1, wording="undermappe", label=label, folder=parts[0])]


def _leaves(root: Path, path: Path) -> bool:
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return True
    return target != root and root not in target.parents


@reports(SYMLINK_OUTSIDE, FOLDER_NAMED_AS_PAGE)
def unsafe_paths(docs_dir: Path, prefix: str) -> list[Problem]:
    """Symlinks that leave docs/ (MkDocs would publish what they point to) and folders named like pages."""
    root = docs_dir.resolve()
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_symlink() and _leaves(root, path):
            problems.append(SYMLINK_OUTSIDE.at(prefix + rel, 1, 1))
        elif path.is_dir() and not path.is_symlink() and path.name.lower().endswith(MARKDOWN_EXTENSIONS):
            problems.append(FOLDER_NAMED_AS_PAGE.at(prefix + rel, 1, 1, name=path.name, suffix=path.suffix))
    return problems
