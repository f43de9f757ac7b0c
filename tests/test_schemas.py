"""scripts/export_schemas.py and the files it derives from the content model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from boerneinddragelse.commands import export_schemas
from boerneinddragelse.derived import CONTRIBUTING, schema_files, update_contributing
from boerneinddragelse.frontmatter import split
from boerneinddragelse.model import PAGE_TYPES, page_type_for
from boerneinddragelse.render import MARKERS
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_files_are_up_to_date() -> None:
    for name, text in schema_files().items():
        path = ROOT / name
        assert path.exists(), f"{name} is missing: run make skemaer"
        assert path.read_text(encoding="utf-8") == text, f"{name} is stale: run make skemaer"
    assert sorted(p.name for p in (ROOT / "schemas").iterdir()) == sorted(Path(n).name for n in schema_files())


def test_generated_tables_in_contributing_are_up_to_date() -> None:
    text = (ROOT / CONTRIBUTING).read_text(encoding="utf-8")
    assert update_contributing(text) == text, "run make skemaer"


def test_schema_files_are_sorted_indented_json_schemas_with_a_trailing_newline() -> None:
    for name, text in schema_files().items():
        schema = json.loads(text)
        Draft202012Validator.check_schema(schema)
        assert text == json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", name
        assert schema == PAGE_TYPES[Path(name).name.split(".")[0]].schema


def _field_names(schema: dict[str, Any]) -> set[str]:
    names = set()
    for name, sub in schema.get("properties", {}).items():
        names.add(name)
        names |= _field_names(sub.get("items", sub) if sub.get("type") == "array" else sub)
    return names


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_contributing_names_every_field(page_type: str) -> None:
    text = (ROOT / CONTRIBUTING).read_text(encoding="utf-8")
    missing = [n for n in _field_names(PAGE_TYPES[page_type].schema) if f"{n}`" not in text]
    assert missing == []


def test_contributing_explains_every_marker() -> None:
    text = (ROOT / CONTRIBUTING).read_text(encoding="utf-8")
    assert [name for name in MARKERS if f"`<!-- {name}" not in text] == []


def test_real_pages_match_their_schema_file() -> None:
    """Editors' tools reading schemas/*.json accept what the validator accepts (formats aside)."""
    validators = {
        n: Draft202012Validator(json.loads((ROOT / f"schemas/{n}.schema.json").read_text())) for n in PAGE_TYPES
    }
    for path in sorted((ROOT / "docs").rglob("*.md")):
        rel = path.relative_to(ROOT / "docs").as_posix()
        front = split(path.read_text(encoding="utf-8-sig"), rel)
        errors = [e.message for e in validators[page_type_for(rel).name].iter_errors(front.data)]
        assert errors == [], rel


def test_export_writes_changed_files_and_signals_with_exit_1(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / CONTRIBUTING).write_text(
        "# Vejledning\n\n<!-- genereret:regler -->\ngammelt\n<!-- /genereret:regler -->\n"
    )
    monkeypatch.setattr(export_schemas, "ROOT", tmp_path)
    assert export_schemas.main() == 1
    written = capsys.readouterr().out
    assert "Opdateret: schemas/anbefaling.schema.json" in written
    assert "Opdateret: CONTRIBUTING.md" in written
    assert "`intern-fejl`" in (tmp_path / CONTRIBUTING).read_text(encoding="utf-8")
    assert "gammelt" not in (tmp_path / CONTRIBUTING).read_text(encoding="utf-8")
    assert export_schemas.main() == 0
    assert "opdaterede" in capsys.readouterr().out
    (tmp_path / "schemas" / "nyhed.schema.json").write_text("{}\n")
    assert export_schemas.export(tmp_path) == ["schemas/nyhed.schema.json"]
