"""Files the build writes for the site itself (generated scripts), added to MkDocs' files like any other.

Each is written to a folder of its own first: mkdocs-static-i18n needs every file to have a source path.
The folder is removed when the process ends.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

_WORK_DIR = tempfile.TemporaryDirectory(prefix="genererede-filer-")


def site_file(site_path: str, text: str, config: MkDocsConfig) -> File:
    """text as the site's file at site_path (built, hashed and served like the files under docs/)."""
    work_dir = Path(_WORK_DIR.name)
    source = work_dir / site_path
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, encoding="utf-8")
    return File(site_path, str(work_dir), config.site_dir, config.use_directory_urls)
