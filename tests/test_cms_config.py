"""The browser editor's configuration is generated from the content model and agrees with it."""

from __future__ import annotations

import copy
import posixpath
import time
from pathlib import Path, PurePosixPath

import pytest
import yaml
from boerneinddragelse import vocabulary
from boerneinddragelse.cms_config import MEDIA_FOLDER, check_against_model, cms_config, config_yaml
from boerneinddragelse.cms_settings import PLACEHOLDER_REPO, EditorSettings, read_editor_settings
from boerneinddragelse.model import PAGE_TYPES, PRAKSISEKSEMPEL
from boerneinddragelse.problems import ERROR
from boerneinddragelse.rules import MAX_IMAGE_BYTES
from boerneinddragelse.rules.links import IMAGE_TOO_LARGE
from boerneinddragelse.rules.settings import EDITOR_SETTINGS
from boerneinddragelse.settings import check_config_file, read_config_file
from boerneinddragelse.validation import validate

from conftest import ROOT


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(collection: dict, name: str) -> dict:
    return next(f for f in collection["fields"] if f["name"] == name)


def test_generated_config_agrees_with_model() -> None:
    config = yaml.safe_load(config_yaml())
    assert check_against_model(config) == []
    assert {c["name"] for c in config["collections"]} == {t.name for t in PAGE_TYPES.values() if t.folder}
    assert config["locale"] == "da"
    assert config["publish_mode"] == "editorial_workflow"


def test_dropped_field_is_caught() -> None:
    config = cms_config()
    broken = copy.deepcopy(config)
    collection = _collection(broken, PRAKSISEKSEMPEL.name)
    dropped = PRAKSISEKSEMPEL.schema["required"][-1]
    collection["fields"] = [f for f in collection["fields"] if f["name"] != dropped]
    assert any(dropped in p or "felterne" in p for p in check_against_model(broken))


def test_optional_made_required_is_caught() -> None:
    broken = cms_config()
    optional = next(n for n in PRAKSISEKSEMPEL.schema["properties"] if n not in PRAKSISEKSEMPEL.schema["required"])
    field = _field(_collection(broken, PRAKSISEKSEMPEL.name), optional)
    field.pop("required")
    assert check_against_model(broken)


def test_changed_options_are_caught() -> None:
    broken = cms_config()
    field = _field(_collection(broken, PRAKSISEKSEMPEL.name), "kommune")
    field["options"] = field["options"][:-1]
    assert check_against_model(broken)


def test_widgets() -> None:
    example = _collection(cms_config(), PRAKSISEKSEMPEL.name)
    kommune = _field(example, "kommune")
    assert kommune["widget"] == "select"
    assert kommune["options"] == list(vocabulary.municipalities())
    assert kommune["required"] is False
    recommendations = _field(example, "anbefalinger")
    assert recommendations["widget"] == "select" and recommendations["multiple"] is True
    themes = _field(example, "temaer")
    first = next(iter(vocabulary.terms("temaer").values()))
    assert themes["multiple"] is True and themes["options"][0] == {"label": first.da, "value": first.slug}
    assert _field(example, "date")["widget"] == "datetime"
    assert _field(example, "materialer")["widget"] == "list"
    assert example["fields"][-1]["name"] == "body"
    assert example["folder"] == f"docs/{PRAKSISEKSEMPEL.folder}"


def test_local_backend_only_when_asked() -> None:
    assert "local_backend" not in cms_config()
    assert cms_config(local_backend=True)["local_backend"]["url"].startswith("http://127.0.0.1:")


def test_settings_flow_into_the_backend() -> None:
    settings = EditorSettings("org/repo", "udgivet", "https://login.example.dk", "auth")
    backend = yaml.safe_load(config_yaml(settings=settings))["backend"]
    assert backend == {
        "name": "github",
        "repo": "org/repo",
        "branch": "udgivet",
        "base_url": "https://login.example.dk",
        "auth_endpoint": "auth",
    }
    # Empty settings: Decap's default token service (Netlify's), and a placeholder repository.
    assert cms_config()["backend"] == {"name": "github", "repo": PLACEHOLDER_REPO, "branch": "main"}


def _mkdocs(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: Test\nextra:\n  generator: false\n  redigering:\n{block}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("block", "line", "words"),
    [
        ("    repositorium: https://github.com/o/r\n", 5, "ejer/navn"),
        ("    gren: main\n    login_adresse: login.example.dk\n", 6, "https://"),
        ("    login_adresse: https://login.example.dk/github\n", 5, "uden sti"),
        ("    login_sti: /auth\n", 5, "uden / foran"),
        ("    gren: [main]\n", 5, "skal være tekst"),
        ("    repo: o/r\n", 4, "Brug kun repositorium, gren, login_adresse, login_sti"),
        ("    - o/r\n", 4, "navn: værdi"),
    ],
)
def test_malformed_settings_are_a_danish_error_at_their_line(tmp_path: Path, block: str, line: int, words: str) -> None:
    path = _mkdocs(tmp_path, block)
    problems = [p for p in check_config_file(path) if p.rule == EDITOR_SETTINGS.id]
    assert [(p.path, p.line, p.severity) for p in problems] == [("mkdocs.yml", line, ERROR)]
    assert words in problems[0].message


def test_settings_under_env_are_read_as_mkdocs_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMS_REPO", "org/fra-miljoeet")
    path = _mkdocs(tmp_path, '    repositorium: !ENV [CMS_REPO, ""]\n    login_adresse: https://login.example.dk\n')
    raw = read_config_file(path)["extra"]["redigering"]
    settings, problems = read_editor_settings(raw, path)
    assert problems == [] and settings.repositorium == "org/fra-miljoeet" and settings.gren == "main"
    monkeypatch.setenv("CMS_REPO", "ikke et repositorium")
    assert [p.line for p in check_config_file(path) if p.rule == EDITOR_SETTINGS.id] == [5]


def test_the_sites_own_settings_are_valid() -> None:
    path = ROOT / "mkdocs.yml"
    assert [p for p in check_config_file(path) if p.rule == EDITOR_SETTINGS.id] == []
    assert "redigering" in read_config_file(path)["extra"]


def test_images_go_to_one_folder_with_the_validators_limit() -> None:
    config = cms_config()
    assert config["media_folder"] == MEDIA_FOLDER and MEDIA_FOLDER.startswith("docs/assets/")
    for collection in config["collections"]:
        body = _field(collection, "body")
        assert body["media_library"]["config"]["max_file_size"] == MAX_IMAGE_BYTES
        # Every page of a collection lies one folder below docs/, so the public path reaches the media folder.
        page = PurePosixPath(collection["folder"]) / "side.md"
        reached = posixpath.normpath(str(page.parent / config["public_folder"]))
        assert reached == MEDIA_FOLDER


@pytest.mark.parametrize(("extra", "rules"), [(0, []), (1, [IMAGE_TOO_LARGE.id])])
def test_an_image_the_media_library_accepts_passes_the_validator(tmp_path: Path, extra: int, rules: list[str]) -> None:
    """The largest file the editor accepts is the largest the validator accepts, in the editor's folder."""
    config = cms_config()
    size = _field(config["collections"][0], "body")["media_library"]["config"]["max_file_size"] + extra
    media = tmp_path / config["media_folder"]
    media.mkdir(parents=True)
    (media / "foto.jpg").write_bytes(b"\xff" * size)
    (tmp_path / "docs" / "om.md").write_text(
        "---\ntitle: Om siden\ndescription: En side med et billede fra redigeringens mappe til billeder.\n"
        f"revideret: 2026-01-02\n---\n\n![Et foto]({posixpath.relpath(config['media_folder'], 'docs')}/foto.jpg)\n",
        encoding="utf-8",
    )
    found = [p.rule for p in validate(tmp_path).problems if p.path == "docs/om.md"]
    assert found == rules


def test_nothing_is_deleted_from_main_in_the_browser() -> None:
    config = cms_config()
    assert config["publish_mode"] == "editorial_workflow"
    assert all(collection["delete"] is False for collection in config["collections"])


def test_config_has_no_yaml_anchors() -> None:
    """Plain YAML a reviewer can read: every collection spells out its own options."""
    text = config_yaml()
    assert "&id" not in text and "*id" not in text


@pytest.mark.parametrize("key", ["repositorium", "gren", "login_adresse", "login_sti"])
def test_a_very_long_setting_is_refused_in_bounded_time(key: str) -> None:
    """The settings' patterns stay linear: a long value that almost matches is refused at once."""
    value = "https://" + "a" * 100_000 + "/ " if key == "login_adresse" else "a" * 100_000 + " "
    started = time.perf_counter()
    _, problems = read_editor_settings({key: value})
    assert [p.rule for p in problems] == [EDITOR_SETTINGS.id]
    assert time.perf_counter() - started < 1.0
