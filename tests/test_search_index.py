"""Danish terms in Material's search index (scripts/lib/boerneinddragelse/search_index.py), and the built index."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

from boerneinddragelse import analysis, search_index
from boerneinddragelse.model import ILLUSTRATIVE_LABEL
from boerneinddragelse.search_index import PageFacts
from boerneinddragelse.site import load_site

from conftest import ROOT

LEXICON = analysis.Lexicon.from_texts(["børne inddragelse netværk møde handle plan barn samtale"])
PAGES = {
    "": PageFacts("da"),
    "praksiseksempler/netvaerksmoede/": PageFacts("da", illustrative=True),
    "en/": PageFacts("en"),
}


def material_index() -> dict:
    """An index as Material writes it (two languages in one, as mkdocs-static-i18n merges them)."""
    return {
        "config": {"lang": ["da", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
        "docs": [
            {"location": "", "title": "Børneinddragelse", "text": "<p>Om barnets handleplan.</p>"},
            {
                "location": "praksiseksempler/netvaerksmoede/",
                "title": "Netværksmøde med barnet",
                "text": "<p>Samtalen før netværksmøderne.</p>",
            },
            {"location": "praksiseksempler/netvaerksmoede/#baggrund", "title": "Baggrund", "text": "<p>Mødet.</p>"},
            {"location": "en/", "title": "Child involvement", "text": "<p>Networking meetings.</p>"},
        ],
    }


def test_compound_parts_go_into_index_only_fields() -> None:
    docs = {doc["location"]: doc for doc in search_index.enrich(material_index(), PAGES, LEXICON)["docs"]}
    assert docs[""]["titeldele"] == "inddrag"
    assert docs[""]["dele"] == "plan"
    assert docs["praksiseksempler/netvaerksmoede/"]["titeldele"] == "mød"
    assert docs["praksiseksempler/netvaerksmoede/"]["dele"] == "mød"
    assert "dele" not in docs["praksiseksempler/netvaerksmoede/#baggrund"]  # no compound there


def test_titles_and_texts_stay_the_pages_own() -> None:
    before = material_index()
    after = search_index.enrich(copy.deepcopy(before), PAGES, LEXICON)
    for old, new in zip(before["docs"], after["docs"], strict=True):
        assert (new["title"], new["text"]) == (old["title"], old["text"])


def test_config_gives_the_analysers_separator_and_the_fields_with_boosts() -> None:
    config = search_index.enrich(material_index(), PAGES, LEXICON)["config"]
    assert config["separator"] == analysis.SEPARATOR
    assert set(config["fields"]) == {"title", "text", "tags", "dele", "titeldele"}
    assert config["fields"]["title"]["boost"] > config["fields"]["text"]["boost"]
    assert config["lang"] == ["da", "en"]


def test_english_pages_get_their_language_and_no_danish_terms() -> None:
    (english,) = [d for d in search_index.enrich(material_index(), PAGES, LEXICON)["docs"] if d["location"] == "en/"]
    assert english["sprog"] == "en"
    assert "dele" not in english and "titeldele" not in english


def test_an_illustrative_example_carries_the_sites_label_on_its_page_and_its_sections() -> None:
    docs = {doc["location"]: doc for doc in search_index.enrich(material_index(), PAGES, LEXICON)["docs"]}
    assert docs["praksiseksempler/netvaerksmoede/"]["illustrativ"] == ILLUSTRATIVE_LABEL["da"]
    # A hit on a section (»Baggrund«) of a constructed example must say so too.
    assert docs["praksiseksempler/netvaerksmoede/#baggrund"]["illustrativ"] == ILLUSTRATIVE_LABEL["da"]
    assert "illustrativ" not in docs[""]


def test_enriching_twice_changes_nothing() -> None:
    once = search_index.enrich(material_index(), PAGES, LEXICON)
    assert search_index.enrich(copy.deepcopy(once), PAGES, LEXICON) == once


def test_text_is_composed_to_nfc() -> None:
    index = material_index()
    index["docs"][0]["title"] = "Ra\u030adgiver"
    assert search_index.enrich(index, PAGES, LEXICON)["docs"][0]["title"] == "Rådgiver"


def at_once(work: Callable[[list[str]], list], items: list[str]) -> Callable[[], list]:
    """two_processes.beside's shape, without the second process."""
    done = work(items)
    return lambda: done


def test_terms_worked_out_beside_the_build_give_the_same_index(tmp_path: Path) -> None:
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(material_index()), encoding="utf-8")
    beside = search_index.TermsBeside(path, LEXICON, at_once)
    known = beside.known()
    text = search_index.plain_text("<p>Samtalen før netværksmøderne.</p>")
    assert known[text] == ("mød",)  # the terms are worked out, not left empty
    assert search_index.enrich(material_index(), PAGES, LEXICON, known) == search_index.enrich(
        material_index(), PAGES, LEXICON
    )
    # The head start is used as it is: a text's terms come from it, not from the analyser again.
    known[text] = ("udenfra",)
    enriched = search_index.enrich(material_index(), PAGES, LEXICON, known)
    assert enriched["docs"][1]["dele"] == "udenfra"


def test_terms_beside_a_missing_or_broken_index_are_none(tmp_path: Path) -> None:
    for text in (None, "{ikke json", "[1, 2]"):
        path = tmp_path / "search_index.json"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        assert search_index.TermsBeside(path, LEXICON, at_once).known() == {}


def facts_of(index: dict) -> dict[str, PageFacts]:
    """The page facts a built index records about itself."""
    facts: dict[str, PageFacts] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        old = facts.get(page, PageFacts(doc.get("sprog", "da")))
        facts[page] = PageFacts(old.lang, old.illustrative or "illustrativ" in doc)
    return facts


def test_the_built_index_is_enriched_once_for_both_languages(built_site: Path) -> None:
    """mkdocs-static-i18n writes the index after each language build; the last write holds both
    languages, enriched, and enriching it again changes nothing."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["separator"] == analysis.SEPARATOR
    assert {"dele", "titeldele"} <= set(index["config"]["fields"])
    languages = {doc.get("sprog", "da") for doc in index["docs"]}
    assert languages == {"da", "en"}
    assert any("dele" in doc for doc in index["docs"])
    assert not any("dele" in doc for doc in index["docs"] if doc.get("sprog"))
    lexicon = load_site(ROOT / "docs").lexicon
    assert search_index.enrich(copy.deepcopy(index), facts_of(index), lexicon) == index
