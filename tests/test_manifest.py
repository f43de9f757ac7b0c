"""The manifest of a published version and the change list between two versions (boerneinddragelse.manifest).

tests/fixtures/offline/manifester/forrige.json is the previous version of the fixture site in
tests/fixtures/offline/docs: hent.md is new since, om.md was revised, the news item got a
correction, gammel.md was removed, and the front pages are unchanged. nu.json is the manifest
of the current fixture docs against forrige.json.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
from boerneinddragelse import manifest
from boerneinddragelse.site import load_site

FIXTURE = Path(__file__).parent / "fixtures" / "offline"
DOCS = FIXTURE / "docs"


@pytest.fixture
def previous() -> dict:
    return manifest.load(FIXTURE / "manifester" / "forrige.json")


@pytest.fixture
def current() -> dict:
    return manifest.load(FIXTURE / "manifester" / "nu.json")


def kinds(found: list[dict]) -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = {}
    for change in found:
        result.setdefault(change["art"], []).append((change["side"], change["aarsag"]))
    return result


def test_manifest_of_the_fixture_docs(previous: dict, current: dict) -> None:
    built = manifest.build(load_site(DOCS), DOCS, "fixtur1", date(2026, 11, 25), previous)
    assert built == current
    page = built["sider"]["nyheder/2026-10-15-rettet-nyhed.md"]
    # Dates come from the content model: publication date, latest correction, last revision.
    assert (page["dato"], page["opdateret"], page["senest"], page["revideret"]) == (
        "2026-10-15",
        "2026-11-18",
        "2026-11-18",
        None,
    )
    assert built["sider"]["index.en.md"]["fil"] == "en/index.html"
    assert built["forrige"] == {"version": "fixtur0", "byggedato": "2026-10-01"}


def test_content_hash_follows_the_source(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    source = (DOCS / "om.md").read_text(encoding="utf-8")
    (docs / "om.md").write_text(source, encoding="utf-8")
    before = manifest.pages_of(load_site(docs), docs)["om.md"]["sha256"]
    (docs / "om.md").write_text(source.replace("Tekst.", "Anden tekst."), encoding="utf-8")
    assert manifest.pages_of(load_site(docs), docs)["om.md"]["sha256"] != before


def test_added_changed_and_removed_pages_with_the_dates_that_explain_them(previous: dict, current: dict) -> None:
    found = kinds(manifest.changes(previous, current["sider"]))
    assert found == {
        "ny": [("hent.md", "revideret")],
        "aendret": [("nyheder/2026-10-15-rettet-nyhed.md", "opdateret"), ("om.md", "revideret")],
        "fjernet": [("gammel.md", "")],
    }


def test_without_a_previous_manifest_every_page_is_new(current: dict) -> None:
    found = manifest.changes(None, current["sider"])
    assert {c["art"] for c in found} == {"ny"}
    assert sorted(c["side"] for c in found) == sorted(current["sider"])
    # Danish pages first, translations after them.
    languages = [c["sprog"] for c in found]
    assert languages == sorted(languages, key=lambda lang: lang != "da")
    text = manifest.change_text({**current, "forrige": None, "aendringer": found})
    assert "alle sider regnes som nye" in text
    assert f"Nye sider ({len(current['sider'])}):" in text
    assert "- Front page (engelsk), revideret 01.10.2026" in text


def test_a_change_without_a_new_date_says_so(current: dict) -> None:
    older = copy.deepcopy(current)
    older["sider"]["index.md"]["sha256"] = "0" * 64
    (change,) = manifest.changes(older, current["sider"])
    assert (change["art"], change["aarsag"]) == ("aendret", "")
    assert manifest.describe(change) == "Forside, uden ny revisionsdato"


def test_no_changes(current: dict) -> None:
    same = manifest.build(load_site(DOCS), DOCS, "fixtur2", date(2026, 11, 26), current)
    assert same["aendringer"] == []
    assert "Ingen sider er tilføjet, ændret eller fjernet." in manifest.change_text(same)


def test_change_text_names_both_versions_and_every_change(current: dict) -> None:
    lines = manifest.change_text(current).split("\n")
    assert lines[:5] == [
        "Børneinddragelse i sagsbehandlingen - offline-kopi",
        "Version fixtur1, bygget 25.11.2026",
        "",
        "Ændringer siden version fixtur0, bygget 01.10.2026:",
        "",
    ]
    assert "Nye sider (1):" in lines and "- Hent offline-kopien, revideret 20.11.2026" in lines
    assert "- En nyhed, der er rettet, rettet 18.11.2026" in lines
    assert '- Om <sitet> & "os", revideret 02.11.2026' in lines
    assert "Fjernede sider (1):" in lines and "- En side, der er fjernet" in lines
    assert not any("Forside" in line for line in lines)


def test_dumps_is_stable(current: dict) -> None:
    text = (FIXTURE / "manifester" / "nu.json").read_text(encoding="utf-8")
    assert manifest.dumps(current) == text
    assert manifest.dumps(json.loads(text)) == text


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{ ikke json", "kan ikke læse manifestet"), ('{"format": 99, "sider": {}}', "ikke et manifest i format 1")],
)
def test_a_bad_manifest_gets_a_danish_error_naming_the_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match=expected) as error:
        manifest.load(path)
    assert str(error.value).startswith(f"{path}: fejl: ")
