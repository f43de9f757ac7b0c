"""Danish search terms in Material's search index (search/search_index.json).

Material's search plugin writes the index; ``enrich_file`` rewrites it once every language is built
(search_adapter says when that is):

- ``config.separator`` becomes the analyser's word separator, so lunr splits words where the
  analyser does (``sag.`` and ``sag`` are one word);
- every Danish document gets index-only fields, ``titeldele`` and ``dele``: the stems of the later
  parts of the compounds in its title and text (analysis.index_terms). The search worker matches
  them as whole stems only. Titles and texts stay the page's own words, so previews and
  highlighting never show an added token;
- every document of an illustrative practice example, the page and each of its sections, carries
  ``illustrativ``: the site's label for such examples (model.ILLUSTRATIVE_LABEL, not a search
  field); the worker shows it at the top of the result's preview, so a hit on a section such as
  »Baggrund« is labelled too;
- documents of other languages than Danish carry ``sprog``: the worker lists the results in the
  reader's language first.

One index serves both languages (mkdocs-static-i18n merges the languages' entries into one
index at the site root). Keeping one index keeps a translated page findable from both sites;
the reader's language decides the analysis of the query and the order of the results.

``enrich`` only reads ``title`` and ``text``, so running it again on its own output gives the
same index: mkdocs-static-i18n writes the index once per language build.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import analysis
from .model import DEFAULT_LANGUAGE, ILLUSTRATIVE_LABEL

PARTS_FIELD = "dele"  # compound parts of the text
TITLE_PARTS_FIELD = "titeldele"  # compound parts of the title
INDEX_ONLY_FIELDS = (PARTS_FIELD, TITLE_PARTS_FIELD)
# Title matches outrank passing mentions (Material's own boosts for title and text); a compound
# part of the title weighs like the title, one of the text like the text (the worker then ranks
# whole words above compound parts above prefixes).
FIELDS = {
    "title": {"boost": 10.0},
    "text": {"boost": 1.0},
    "tags": {"boost": 1000000.0},
    TITLE_PARTS_FIELD: {"boost": 10.0},
    PARTS_FIELD: {"boost": 1.0},
}
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class PageFacts:
    """What the index needs to know about a built page, by its URL."""

    lang: str = DEFAULT_LANGUAGE
    illustrative: bool = False


def plain_text(markup: str) -> str:
    """The words of an index entry's HTML text, without tags and entities."""
    return html.unescape(_TAG.sub(" ", markup))


def _field_text(value: str) -> str:
    """The plain text of a document's title or text as enrich analyses it: composed to NFC, without markup."""
    return plain_text(unicodedata.normalize("NFC", value))


def _page_url(location: str) -> str:
    return location.split("#", 1)[0]


# The index-only terms of texts worked out before (by their plain text): see TermsBeside.
KnownTerms = Mapping[str, tuple[str, ...]]


def enrich(
    index: dict[str, Any], pages: Mapping[str, PageFacts], lexicon: analysis.Lexicon, known: KnownTerms | None = None
) -> dict[str, Any]:
    """Material's index with the analyser's separator, compound terms and page facts (in place)."""
    known = known or {}
    config = index.setdefault("config", {})
    config["separator"] = analysis.SEPARATOR
    config["fields"] = {name: dict(spec) for name, spec in FIELDS.items()}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        facts = pages.get(_page_url(location), PageFacts())
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = unicodedata.normalize("NFC", doc[key])
        for key in (*INDEX_ONLY_FIELDS, "illustrativ", "sprog"):
            doc.pop(key, None)
        if facts.lang == DEFAULT_LANGUAGE:
            for key, source in ((TITLE_PARTS_FIELD, "title"), (PARTS_FIELD, "text")):
                text = _field_text(str(doc.get(source, "")))
                terms = known[text] if text in known else analysis.index_terms(text, lexicon)
                if terms:
                    doc[key] = " ".join(terms)
        else:
            doc["sprog"] = facts.lang
        if facts.illustrative:
            doc["illustrativ"] = ILLUSTRATIVE_LABEL.get(facts.lang, ILLUSTRATIVE_LABEL[DEFAULT_LANGUAGE])
    return index


def enrich_file(
    path: Path, pages: Mapping[str, PageFacts], lexicon: analysis.Lexicon, known: KnownTerms | None = None
) -> bool:
    """Enrich the index Material wrote at path, in place; False if there is none (search switched off)."""
    if not path.is_file():
        return False
    index = enrich(json.loads(path.read_text(encoding="utf-8")), pages, lexicon, known)
    path.write_bytes(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return True


class TermsBeside:
    """The terms of the default language's index, worked out while the other languages are built.

    Material writes the default language's index when its build ends; mkdocs-static-i18n then builds the
    other languages, and the joint index is enriched only after that (enrich_file). Its Danish documents
    are the ones already written, so their terms can be worked out meanwhile, beside the build
    (two_processes.beside). ``known`` is only a head start: a text it lacks is analysed in enrich.
    """

    def __init__(self, path: Path, lexicon: analysis.Lexicon, run_beside: Any) -> None:
        try:
            docs = json.loads(path.read_text(encoding="utf-8")).get("docs", [])
        except (OSError, ValueError, AttributeError):
            docs = []
        texts = sorted(
            {
                _field_text(doc[key])
                for doc in docs
                if isinstance(doc, dict)
                for key in ("title", "text")
                if isinstance(doc.get(key), str)
            }
        )
        self._texts = texts
        self._terms = run_beside(lambda part: [analysis.index_terms(text, lexicon) for text in part], texts)

    def known(self) -> dict[str, tuple[str, ...]]:
        return dict(zip(self._texts, map(tuple, self._terms()), strict=True))
