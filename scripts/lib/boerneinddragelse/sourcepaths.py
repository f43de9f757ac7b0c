"""Source paths under docs/ and their language suffixes: ``om.md`` is Danish, ``om.en.md`` its translation.

The one place that knows how a page's language is written into its file name.
"""

from __future__ import annotations

from pathlib import PurePosixPath

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
SUFFIX = ".md"
INDEX = "index.md"  # a folder's front page (and the site's, in the root)


def split_language(rel_path: str) -> tuple[str, str]:
    """``anbefalinger/index.en.md`` -> (``anbefalinger/index.md``, ``en``)."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and rel_path.endswith(f".{lang}{SUFFIX}"):
            return rel_path[: -len(f".{lang}{SUFFIX}")] + SUFFIX, lang
    return rel_path, DEFAULT_LANGUAGE


def with_language(base: str, lang: str) -> str:
    """The source path of a page in a language: (``om.md``, ``en``) -> ``om.en.md``."""
    return base if lang == DEFAULT_LANGUAGE else f"{without_suffix(base)}.{lang}{SUFFIX}"


def without_suffix(path: str) -> str:
    """``anbefalinger/1-x.md`` -> ``anbefalinger/1-x`` (the path must end in ``.md``)."""
    return path[: -len(SUFFIX)]


def stem(path: str) -> str:
    """The file name without folders, language or ``.md``: ``nyheder/x.en.md`` -> ``x``."""
    return without_suffix(split_language(path)[0]).rsplit("/", 1)[-1]


def folder(path: str) -> str:
    """The first folder under docs/, "" for a page in the root: ``nyheder/x.en.md`` -> ``nyheder``."""
    return path.split("/", 1)[0] if "/" in path else ""


def is_translation(path: str) -> bool:
    return split_language(path)[1] != DEFAULT_LANGUAGE


def language_suffix(lang: str) -> str:
    """What a file name carries before ``.md`` for a language: ``""`` for Danish, ``".en"`` for English."""
    return "" if lang == DEFAULT_LANGUAGE else f".{lang}"


def is_index(base: str) -> bool:
    """``index.md``, ``anbefalinger/index.md``: a front page (base is a path without language suffix)."""
    return base.rsplit("/", 1)[-1] == INDEX


def split_file_name(name: str) -> tuple[str, str]:
    """``om.en.MD`` -> (``om``, ``.en``): the stem and the language suffix of any Markdown file name, in any
    letter case (a file to rename keeps its language)."""
    stem = PurePosixPath(name).stem
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and stem.lower().endswith(f".{lang}"):
            return stem[: -len(lang) - 1], f".{lang}"
    return stem, ""
