"""/admin/: the editor's files from the npm package, its own policy, every other page keeps the site's."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from boerneinddragelse import cms_site, security
from boerneinddragelse.cms_settings import EditorSettings
from boerneinddragelse.finished_pages import FinishedPages

_PAGE = '<html><head><meta http-equiv="Content-Security-Policy" content="{}"></head><body></body></html>'


def _dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    dist.mkdir()
    for name in ("decap-cms.js", "103.decap-cms.js", "decap-cms.js.map", "cms.js"):
        (dist / name).write_text("// " + name, encoding="utf-8")
    return dist


def test_admin_gets_its_files_config_and_noindex(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert cms_site.install_admin(site, EditorSettings(repositorium="org/repo"), dist=_dist(tmp_path))
    admin = site / "admin"
    index = (admin / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in admin.iterdir()) == [
        "103.decap-cms.js",
        "config.yml",
        "decap-cms.js",
        "index.html",
        "js-yaml.min.js",
        "kanonisk-skema.js",
        "kanonisk.js",
        "manuel-start.js",
        "redigering.js",
    ]
    # The form's format: js-yaml reads a page, the schemas and kanonisk.js write it, before the editor's script.
    # Decap waits (manuel-start.js) until the editor's script has wrapped the backends and registered the format.
    order = [index.index(f'src="{name}"') for name in ("manuel-start.js", "decap-cms.js", "js-yaml.min.js")]
    order += [index.index('src="kanonisk-skema.js"')]
    order += [index.index(f'src="{name}"') for name in ("kanonisk.js", "redigering.js")]
    assert order == sorted(order)
    assert '"praksiseksempel": {' in (admin / "kanonisk-skema.js").read_text(encoding="utf-8")
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "org/repo"
    assert "local_backend" not in config
    assert {collection["format"] for collection in config["collections"]} == {"kanonisk"}
    assert '<meta name="robots" content="noindex, nofollow">' in index
    assert "http" not in index.split("<body>")[1]  # no script from another site


def test_missing_package_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert not cms_site.install_admin(site, dist=tmp_path / "none")
    assert not site.exists()


def test_offline_copy_has_no_editor(tmp_path: Path) -> None:
    assert not cms_site.install_for_build(tmp_path, offline=True)
    assert not (tmp_path / "admin").exists()


def test_admin_keeps_its_policy_and_other_pages_keep_the_sites(tmp_path: Path) -> None:
    site = tmp_path / "site"
    cms_site.install_admin(site, local_backend=True, dist=_dist(tmp_path))
    (site / "index.html").write_text(_PAGE.format(security.PLACEHOLDER), encoding="utf-8")
    # index.html did not pass through finish(), as a page a plugin writes: complete() finishes it.
    FinishedPages(lambda page: page, with_policy=True).complete(
        site, lambda path: not cms_site.is_admin_file(site, path)
    )
    page = (site / "index.html").read_text(encoding="utf-8")
    admin = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "unsafe-eval" not in page and "unsafe-inline" not in page
    assert "script-src &#x27;self&#x27;" in page or "script-src 'self'" in page
    assert "&#x27;unsafe-eval&#x27;" in admin
    assert cms_site.LOCAL_BACKEND_ORIGIN in admin
    # The server sends the site's policy everywhere but /admin/, which gets the editor's.
    web_config = ET.fromstring((site / "web.config").read_text(encoding="utf-8"))
    site_wide = web_config.find("system.webServer/httpProtocol/customHeaders/add[@name='Content-Security-Policy']")
    editor = web_config.find("location[@path='admin']//add[@name='Content-Security-Policy']")
    assert site_wide is not None and "unsafe-eval" not in site_wide.get("value", "")
    assert editor is not None and "'unsafe-eval'" in editor.get("value", "")


def test_policy_without_local_backend_reaches_no_local_server() -> None:
    assert cms_site.LOCAL_BACKEND_ORIGIN not in cms_site.admin_policy()
    assert "object-src 'none'" in cms_site.admin_policy()


def test_the_builds_settings_reach_the_generated_config(tmp_path: Path) -> None:
    """install_for_build gets mkdocs.yml's extra.redigering as MkDocs read it; malformed ones fall back to the
    defaults (the validator, which the build runs first, has refused them with their line)."""
    if not cms_site.cms_files():
        pytest.skip("make node har ikke installeret decap-cms")
    settings = {"repositorium": "org/repo", "gren": "main", "login_adresse": "https://login.example.dk"}
    assert cms_site.install_for_build(tmp_path / "a", offline=False, settings=settings)
    backend = yaml.safe_load((tmp_path / "a" / "admin" / "config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend["repo"] == "org/repo" and backend["base_url"] == "https://login.example.dk"
    assert "auth_endpoint" not in backend
    assert cms_site.install_for_build(tmp_path / "b", offline=False, settings={"repositorium": "ikke gyldig"})
    backend = yaml.safe_load((tmp_path / "b" / "admin" / "config.yml").read_text(encoding="utf-8"))["backend"]
    assert backend["repo"] == "OWNER/REPO"
