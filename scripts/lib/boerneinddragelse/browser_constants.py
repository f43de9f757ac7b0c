"""The constants the browser code needs, generated from the Python side at build time.

The build adds the result as ``assets/javascripts/soegekonstanter.js`` (a plain script that sets
``self.Soegekonstanter``); the analyser, the search worker and the catalogue read it instead of
keeping copies of their own.
"""

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from boerneinddragelse import analysis, generated_files, readers_words, search_index, synonyms

SITE_PATH = "assets/javascripts/soegekonstanter.js"

# Material's SearchMessageType (its worker's messages), in enum order; a test pins them against
# the enum in the Material package installed here.
WORKER_MESSAGES = {"SETUP": 0, "READY": 1, "QUERY": 2, "RESULT": 3}


def constants() -> dict[str, object]:
    """Every constant the browser reads, by its name there."""
    return {
        "SEPARATOR": analysis.SEPARATOR,
        "MIN_PART_STEM": analysis.MIN_PART_STEM,
        "MIN_PREFIX": analysis.MIN_PREFIX,
        "STOP_WORDS": sorted(analysis.STOP_WORDS),
        "KEYBOARD_FOLDS": [list(pair) for pair in readers_words.KEYBOARD_FOLDS],
        "MIN_WORD": analysis.MIN_MODIFIER,
        "MAX_WORD": analysis.MAX_COMPOUND,
        "MIN_ONE_EDIT": readers_words.MIN_ONE_EDIT,
        "MIN_TWO_EDITS": readers_words.MIN_TWO_EDITS,
        "MAX_CORRECTIONS": readers_words.MAX_CORRECTIONS,
        "SYNONYMS": synonyms.for_browser(),
        "PARTS_FIELDS": list(search_index.INDEX_ONLY_FIELDS),
        "WORKER_MESSAGES": WORKER_MESSAGES,
    }


def module_source() -> str:
    """The generated script: one frozen object on the global scope (a page's window or a worker's self)."""
    body = json.dumps(constants(), ensure_ascii=False, indent=2, sort_keys=True)
    return (
        "/* Generated at build time from the Python analyser and search index: do not edit. */\n"
        "(function (root) {\n"
        '  "use strict";\n'
        f"  root.Soegekonstanter = Object.freeze({body});\n"
        '})(typeof self !== "undefined" ? self : this);\n'
    )


def site_file(config: MkDocsConfig) -> File:
    """The generated script as a file of the site (built and served like any other)."""
    return generated_files.site_file(SITE_PATH, module_source(), config)
