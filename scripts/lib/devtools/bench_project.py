"""The bench's copy of the project and the stock Material configuration over the same Markdown."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml
from devtools.bench_limits import CATALOGUE
from devtools.project import top_level_block

# Preparing the trees


def stock_nav(docs_dir: Path) -> list[object]:
    """Every page except the catalogue's examples (its index stays), in sections by folder."""
    top: list[object] = []
    sections: dict[str, list[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        folder, _, name = rel.rpartition("/")
        if folder == CATALOGUE and name != "index.md":
            continue
        if folder:
            sections.setdefault(folder, []).append(rel)
        else:
            top.append(rel)
    for folder, pages in sections.items():
        index = f"{folder}/index.md"
        ordered = [index, *(p for p in pages if p != index)] if index in pages else pages
        top.append({folder.replace("-", " ").capitalize(): ordered})
    return top


def write_stock_config(project: Path) -> Path:
    """mkdocs-stock.yml: stock Material over the same Markdown, without hooks, i18n or overrides."""
    docs = project / "docs-stock"
    shutil.copytree(project / "docs", docs, ignore=shutil.ignore_patterns("*.en.md"))
    config = {
        "site_name": "Stock Material",
        "docs_dir": docs.name,
        "theme": {"name": "material"},
        "plugins": ["search"],
        "strict": False,
        "nav": stock_nav(docs),
        # MkDocs cannot resolve every link the hooks would (the catalogue is not in the nav): report, don't warn.
        "validation": {
            "nav": {"omitted_files": "info", "not_found": "info", "absolute_links": "info"},
            "links": {"not_found": "info", "anchors": "info", "absolute_links": "info", "unrecognized_links": "info"},
        },
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text += top_level_block((project / "mkdocs.yml").read_text(encoding="utf-8"), "markdown_extensions")
    path = project / "mkdocs-stock.yml"
    path.write_text(text, encoding="utf-8")
    return path


def markdown_pages(docs_dir: Path) -> int:
    return sum(1 for _ in docs_dir.rglob("*.md"))


# Measuring


def environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
