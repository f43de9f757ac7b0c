"""The analyser's shared fixture as JSON for the node tests, with what only Python computes (a
text's words and its compound parts, for the matching cases). Usage: export_cases.py OUT.json"""

import json
import sys
from pathlib import Path

import material
import yaml
from boerneinddragelse import analysis, browser_constants, search_index

FIXTURE = Path(__file__).parent.parent / "search" / "analyser_cases.yaml"


def export() -> dict:
    cases = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    lexicon = analysis.Lexicon.from_texts([cases["compounds"]["lexicon"]])
    return {
        "words": [{"text": c["text"], "words": [str(w) for w in c["words"]]} for c in cases["words"]],
        "stems": cases["stems"],
        "matches": [
            {
                "query": c["query"],
                "words": analysis.words(c["text"]),
                "parts": analysis.index_terms(c["text"], lexicon),
                "match": c["match"],
            }
            for c in cases["matches"]
        ],
        "folds": cases["folds"],
        "correction_vocabulary": analysis.words(cases["correction_vocabulary"]),
        "corrections": cases["corrections"],
        "expansion_synonyms": cases["expansion_synonyms"],
        "expansions": cases["expansions"],
        "reader_matches": [
            {
                "query": c["query"],
                "words": analysis.words(c["text"]),
                "parts": analysis.index_terms(c["text"], lexicon),
                "vocabulary": bool(c.get("vocabulary")),
                "match": c["match"],
            }
            for c in cases["reader_matches"]
        ],
        "module": browser_constants.module_source(),
        "material": str(Path(material.__file__).parent / "templates" / "assets" / "javascripts"),
        "index_config": {
            "lang": ["da"],
            "separator": analysis.SEPARATOR,
            "pipeline": ["stopWordFilter"],
            "fields": search_index.FIELDS,
        },
        "constants": {
            "SEPARATOR": analysis.SEPARATOR,
            "MIN_PART_STEM": analysis.MIN_PART_STEM,
            "MIN_PREFIX": analysis.MIN_PREFIX,
            "STOP_WORDS": sorted(analysis.STOP_WORDS),
        },
    }


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(export(), ensure_ascii=False), encoding="utf-8")
