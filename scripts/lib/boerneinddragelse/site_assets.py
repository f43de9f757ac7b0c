"""The site's own scripts and stylesheets in MkDocs' files, minified and under their hashed names, before any
page is built: each page can then be written with the final names at once (finished_pages), not read
and written again at the end of the build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from . import asset_names, generated_files, minify
from .build_state import BuildError


def name_own_assets(files: Files, config: MkDocsConfig) -> dict[str, str]:
    """Replace the own assets in files by their final versions; returns old → hashed site-relative address."""
    docs_dir = Path(config.docs_dir)
    own = {rel: files.get_file_from_path(rel) for rel in asset_names.own_asset_paths(docs_dir)}
    found = {rel: file for rel, file in own.items() if file is not None}
    # The scripts the build generates are written compact already; only the files under docs/ are minified.
    texts = {
        rel: minify.minified(rel, file.content_string) if _under(file.abs_src_path, docs_dir) else file.content_string
        for rel, file in found.items()
    }
    try:
        names, finals = asset_names.final_assets(texts)
    except ValueError as error:
        raise BuildError(str(error)) from None
    for file in found.values():
        files.remove(file)
    for rel, text in finals.items():
        files.append(generated_files.site_file(rel, text, config))
    return names


def _under(path: str | None, folder: Path) -> bool:
    return path is not None and Path(path).absolute().is_relative_to(folder.absolute())
