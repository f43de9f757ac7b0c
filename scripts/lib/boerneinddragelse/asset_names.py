"""Content-hashed names for the site's own scripts and stylesheets, so that servers may cache them for a year.

Before any page is built, each of the project's own .js and .css files, minified, gets the name
``<name>.<hash>.<ext>`` (the first 8 hex digits of the SHA-256 of its final bytes, as Material names
its bundle), and every reference to it is rewritten: in each page as it is written, and in the other scripts that load
it by a relative address (the search worker loads the analyser and the index builder by name). A
script is hashed after the files it names, so a changed analyser gives the worker a new name too.
The same sources give the same names. Relative addresses keep working online, in the preview and
from file:// in the offline copy.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from .browser_constants import SITE_PATH as CONSTANTS_PATH
from .catalogue_data import SITE_PATH as CATALOGUE_DATA_PATH

SUFFIXES = (".js", ".css")


def own_asset_paths(docs_dir: Path) -> list[str]:
    """The site's own scripts and stylesheets (site-relative, POSIX), in a stable order: those under
    docs/assets and the scripts the build generates. A build may lack some of the generated ones."""
    sources = sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / "assets").rglob("*"))
    return [rel for rel in sources if rel.endswith(SUFFIXES)] + [CONSTANTS_PATH, CATALOGUE_DATA_PATH]


def hashed_name(rel: str, content: bytes) -> str:
    folder, name = posixpath.split(rel)
    stem, suffix = posixpath.splitext(name)
    return posixpath.join(folder, f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{suffix}")


def _reference_pattern(addresses: list[str]) -> re.Pattern[str]:
    """An address as a whole quoted string or url(): after a quote, a slash or '(', before a quote, ')', ? or #.

    The addresses' common start (``assets/`` in the pages) leads the pattern as plain text, so that the
    regex engine skips quickly through a large page to where an address can begin.
    """
    prefix = re.escape(posixpath.commonprefix(addresses))
    rests = "|".join(
        re.escape(a[len(posixpath.commonprefix(addresses)) :]) for a in sorted(addresses, key=len, reverse=True)
    )
    return re.compile(rf"({prefix}(?<=[\"'(/]{prefix})(?:{rests}))(?=[\"')?#])")


def _relative(target: str, start: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(start) or ".")


def _asset_rewriter(rel: str, names: dict[str, str]) -> Callable[[str], str]:
    """Rewrites the addresses in one asset of the files named in names, relative to the asset itself."""
    by_address = {_relative(old, rel): _relative(new, rel) for old, new in names.items()}
    pattern = _reference_pattern(list(by_address))
    return lambda text: pattern.sub(lambda m: by_address[m.group(1)], text)


def _dependencies(texts: dict[str, str]) -> dict[str, set[str]]:
    """For each asset, the other assets it names by a relative address."""
    found: dict[str, set[str]] = {}
    for rel, text in texts.items():
        others = {_relative(other, rel): other for other in texts if other != rel}
        pattern = _reference_pattern(list(others))
        found[rel] = {others[m.group(1)] for m in pattern.finditer(text)}
    return found


def final_assets(texts: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The own assets' hashed names (old → new site-relative address) and their final texts (by new address),
    from their texts by old address."""
    try:
        order = list(TopologicalSorter(_dependencies(texts)).static_order())
    except CycleError as error:
        raise ValueError(f"scripts that name each other cannot get hashed names: {error.args[1]}") from None
    names: dict[str, str] = {}
    finals: dict[str, str] = {}
    for rel in order:
        text = _asset_rewriter(rel, names)(texts[rel]) if names else texts[rel]
        names[rel] = hashed_name(rel, text.encode("utf-8"))
        finals[names[rel]] = text
    return dict(sorted(names.items())), finals


def page_rewriter(names: dict[str, str]) -> Callable[[str], str]:
    """Rewrites a built page's addresses of renamed assets (relative, or from the site root)."""
    if not names:
        return lambda text: text
    pattern = _reference_pattern(list(names))
    return lambda text: pattern.sub(lambda m: names[m.group(1)], text)
