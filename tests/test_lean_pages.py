"""Each built page loads only what it uses: search's loader but nothing else of search, the catalogue
and event scripts only where a catalogue or events are, the iframe shim only in the offline copy;
images carry their size."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

SCRIPT = re.compile(r'<script src="([^"]+)"')
# Images, and drawings that stand for one (the logo is drawn in the page); Material's icons are CSS-sized.
IMAGE = re.compile(r"<img\b[^>]*>|<svg\b[^>]*\brole=\"img\"[^>]*>")
HASH = re.compile(r"\.[0-9a-f]{8}(?=\.(js|css)$)")


def pages(site: Path) -> dict[Path, str]:
    """The site's pages; the browser editor at /admin/ is the npm package's own app, not a page of the site."""
    return {
        path: path.read_text(encoding="utf-8")
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] != "admin"
    }


def scripts(text: str) -> list[str]:
    """The file names of a page's scripts, without their content hash (katalog.0123abcd.js is katalog.js)."""
    return [HASH.sub("", src.rsplit("/", 1)[-1]) for src in SCRIPT.findall(text)]


def test_pages_load_only_the_scripts_they_use(built_site: Path) -> None:
    built = pages(built_site)
    assert built
    catalogue_seen = events_seen = False
    for path, text in built.items():
        names = scripts(text)
        assert "faelles.js" in names, path
        assert "iframe-worker-shim.js" not in names, path  # the offline build's only
        catalogue = "data-katalog" in text
        catalogue_seen |= catalogue
        # The catalogue's filter is fetched on first use (faelles.js), and it fetches the catalogue's data and
        # the analyser: the page names their addresses and loads none of them.
        assert "katalog.js" not in names and "katalog-data.js" not in names, path
        assert "soegeanalyse.js" not in names and "soegekonstanter.js" not in names, path
        assert ("data-katalog-skript" in text) == ("data-analyse=" in text) == ("data-eksempler=" in text) == catalogue
        events = "data-arrangement" in text
        events_seen |= events
        assert ("arrangementer.js" in names) == events, path
    assert catalogue_seen and events_seen


def test_images_have_width_and_height(built_site: Path) -> None:
    images = [(path, tag) for path, text in pages(built_site).items() for tag in IMAGE.findall(text)]
    assert images
    assert [(path, tag) for path, tag in images if " width=" not in tag or " height=" not in tag] == []


def test_own_scripts_and_styles_are_minified(built_site: Path) -> None:
    for name in ("javascripts/faelles.js", "stylesheets/site.css"):
        source = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
        folder, stem = name.rsplit("/", 1)
        stem, suffix = stem.rsplit(".", 1)
        (built,) = (built_site / "assets" / folder).glob(f"{stem}.*.{suffix}")  # its content-hashed name
        text = built.read_text(encoding="utf-8")
        assert "/*" in source and "/*" not in text, name  # comments gone
        assert len(text) < 0.8 * len(source), name
