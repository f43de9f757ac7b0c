"""The browser editor's configuration is generated from the content model and agrees with it."""

from __future__ import annotations

import copy

import yaml
from boerneinddragelse import vocabulary
from boerneinddragelse.cms_config import check_against_model, cms_config, config_yaml
from boerneinddragelse.model import PAGE_TYPES, PRAKSISEKSEMPEL


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
