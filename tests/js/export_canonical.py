"""The canonical form's cases as JSON for the node agreement test: every page under docs/ and the
canonical fixtures in Python's canonical form, plus single values as PyYAML's dumper writes them.
Usage: export_canonical.py OUT.json"""

import json
import sys
from pathlib import Path

from boerneinddragelse import canonical

ROOT = Path(__file__).parent.parent.parent
EDGE_VALUES = [
    "Børn og unge",
    "Ærø: en kommune",
    "a: b",
    "slut:",
    "#tag",
    "a #b",
    "a#b",
    "*stjerne",
    "&og",
    "!x",
    "%p",
    "@a",
    "`k`",
    "'enkelt'",
    '"dobbelt"',
    "it's",
    "- punkt",
    "-punkt",
    "? spm",
    ":kolon",
    "---",
    "...x",
    " foran",
    "bag ",
    "",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "true",
    "123",
    "0123",
    "1.5",
    "1e3",
    ".inf",
    "2026-01-02",
    "2026-01-02T10:00:00",
    "2026-01-02 10:00",
    "10:30",
    "<<",
    "=",
    "a, b",
    "[x]",
    "{y}",
    "x" * 120 + " " + "lang tekst " * 20,
    "https://example.org/a?b=c#d",
    "æøå ÆØÅ",
    "linje 1\nlinje 2",
    "a\n\n\nb",
    "a \nb",
    "a\n b",
    "a\tb",
    "x\u200by",
    "snabel\x01",
    7,
    1.5,
    True,
    False,
    None,
    ["a", "b: c"],
    [{"navn": "A", "rolle": "B"}],
    {"indre": {"dybt": "ja"}},
    [],
    {},
]


def pages() -> list[dict]:
    cases = []
    for folder in (ROOT / "docs", ROOT / "tests" / "fixtures" / "canonical"):
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder).as_posix()
            text = canonical.canonical_bytes(path.read_bytes(), rel)
            if text is not None:
                cases.append({"name": f"{folder.name}/{rel}", "canonical": text.decode("utf-8")})
    return cases


def values() -> list[dict]:
    return [
        {
            "value": v,
            "canonical": canonical.yaml.dump(
                {"x": v},
                Dumper=canonical._Dumper,
                allow_unicode=True,
                sort_keys=False,
                default_flow_style=False,
                width=10_000,
            ),
        }
        for v in EDGE_VALUES
    ]


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps({"pages": pages(), "values": values()}, ensure_ascii=False), "utf-8")
