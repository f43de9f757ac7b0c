"""The browser editor at /admin/: Decap CMS's own files from the pinned npm package, the generated
configuration and an index page with the editor's own Content-Security-Policy.

Decap CMS evaluates code at run time and sets inline styles (decap-cms issues #2138, #2343), so its
policy allows 'unsafe-eval' and inline styles; every other page keeps the site's policy (security.py),
which skips this folder.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path

from .cms_config import config_yaml
from .cms_settings import EditorSettings, read_editor_settings
from .model import PAGE_TYPES
from .paths import REPOSITORY
from .sourcepaths import DEFAULT_LANGUAGE, LANGUAGES

ADMIN_FOLDER = "admin"
CMS_DIST = REPOSITORY / "node_modules" / "decap-cms" / "dist"
# The local backend (decap-server) the tests run; only a build for tests lets the editor reach it.
LOCAL_BACKEND_ORIGIN = "http://127.0.0.1:8081"
GITHUB_ORIGINS = ("https://api.github.com",)
# Our one script beside Decap's: refuses publishing from the browser (a change is merged on GitHub after
# review) and lists only the Danish pages (Decap cannot read the x.md / x.en.md layout).
EDITOR_SCRIPT = Path(__file__).resolve().parent / "admin" / "redigering.js"
# The canonical form in the browser, and js-yaml's browser build (pinned in package.json) to read a page.
FORM_SCRIPT = EDITOR_SCRIPT.with_name("kanonisk.js")
YAML_SCRIPT = REPOSITORY / "node_modules" / "js-yaml" / "dist" / "js-yaml.min.js"
SCHEMAS_SCRIPT = "kanonisk-skema.js"
START_SCRIPT = EDITOR_SCRIPT.with_name("manuel-start.js")  # holds Decap back until the editor's script is ready
_TRANSLATIONS = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)

_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'unsafe-eval'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    # Avatars and images in pages under review come from GitHub; previews of new images are blob: URLs.
    "img-src": (
        "'self'",
        "data:",
        "blob:",
        "https://avatars.githubusercontent.com",
        "https://raw.githubusercontent.com",
    ),
    "font-src": ("'self'", "data:"),
    "connect-src": ("'self'", *GITHUB_ORIGINS),
    "frame-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}


def admin_policy(local_backend: bool = False) -> str:
    """The editor's Content-Security-Policy; with local_backend, it may also talk to decap-server."""
    directives = dict(_DIRECTIVES)
    if local_backend:
        directives["connect-src"] = (*directives["connect-src"], LOCAL_BACKEND_ORIGIN)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def index_page(local_backend: bool = False) -> str:
    policy = html.escape(admin_policy(local_backend), quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "<title>Redigering – Børneinddragelse i sagsbehandlingen</title>\n"
        "</head>\n<body>\n"
        f'<script src="{START_SCRIPT.name}"></script>\n'
        '<script src="decap-cms.js"></script>\n'
        f'<script src="{YAML_SCRIPT.name}"></script>\n'
        f'<script src="{SCHEMAS_SCRIPT}"></script>\n'
        f'<script src="{FORM_SCRIPT.name}"></script>\n'
        f'<script src="{EDITOR_SCRIPT.name}" data-sprog="{" ".join(_TRANSLATIONS)}"></script>\n'
        "</body>\n</html>\n"
    )


def schemas_script() -> str:
    """The page types' front matter schemas for the canonical form in the browser (kanonisk.js)."""
    schemas = {page_type.name: page_type.schema for page_type in PAGE_TYPES.values() if page_type.folder}
    return f"self.kanoniskSkemaer = {json.dumps(schemas, ensure_ascii=False)};\n"


def cms_files(dist: Path = CMS_DIST) -> list[Path]:
    """The package's script and the chunks it loads (no source maps, no second bundle)."""
    return sorted(p for p in dist.glob("*decap-cms.js") if p.is_file())


def install_admin(
    site_dir: Path, settings: EditorSettings | None = None, *, local_backend: bool = False, dist: Path = CMS_DIST
) -> bool:
    """Write site/admin/; False (and nothing written) when the npm package is not installed (make node)."""
    files = cms_files(dist)
    if not files:
        return False
    target = site_dir / ADMIN_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for path in [*files, START_SCRIPT, YAML_SCRIPT, FORM_SCRIPT, EDITOR_SCRIPT]:
        shutil.copyfile(path, target / path.name)
    (target / SCHEMAS_SCRIPT).write_text(schemas_script(), encoding="utf-8")
    (target / "config.yml").write_text(config_yaml(settings=settings, local_backend=local_backend), encoding="utf-8")
    (target / "index.html").write_text(index_page(local_backend), encoding="utf-8")
    return True


def is_admin_file(site_dir: Path, path: Path) -> bool:
    """A file of the editor, which keeps its own policy."""
    return path.relative_to(site_dir).parts[:1] == (ADMIN_FOLDER,)


def install_for_build(site_dir: Path, offline: bool, settings: object = None) -> bool:
    """The build's step: /admin/ in the online site only (the offline copy has no editor).

    ``settings`` is ``extra.redigering`` from mkdocs.yml (repository, branch, token service); the validator,
    which the build runs first, refuses malformed ones. CMS_LOKAL_BACKEND=1 builds the editor for
    decap-server on 127.0.0.1 (the tests).
    """
    if offline:
        return False
    editor, _ = read_editor_settings(settings)
    return install_admin(site_dir, editor, local_backend=os.environ.get("CMS_LOKAL_BACKEND") == "1")
