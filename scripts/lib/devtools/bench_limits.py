"""The bench's goals and settings: what is measured how often, and the limits a measurement must meet."""

from __future__ import annotations

from pathlib import Path

from boerneinddragelse.model import PRAKSISEKSEMPEL

CATALOGUE = str(PRAKSISEKSEMPEL.folder)
BUILD_RUNS = 3  # rounds; project and stock builds alternate so both see the same machine
FILTER_RUNS = 3
VALIDATOR_TIMEOUT = 900
BUILD_TIMEOUT = 1800
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]
# Goals from issue 3 ("Scale").
MAX_RATIO = 1.5
MAX_EXAMPLE_PAGE = 100 * 1024
MAX_CATALOGUE_INDEX = 1024 * 1024
MAX_FILTER_MS = 100.0
# Goals from issue 9 ("Search that understands Danish"); the index limits are the sizes measured before
# the Danish engine (tests/search/README.md): no larger than today, raw and gzip-compressed.
SEARCH_RUNS = 3  # fresh browser contexts (cold cache), median reported
SEARCH_QUERY = "samtale"  # typed as soon as the front page's search box can be clicked
SEARCH_MORE = " med barnet"  # then one key at a time
# Then, in the emptied box, a misspelt query one key at a time: most keys leave a word that finds
# nothing, so the worker looks for corrections among the index's words (issue 20).
SEARCH_TYPO = "samtlae med barnt"
MAX_FIRST_RESULTS_MS = 1000.0
MAX_KEYSTROKE_MS = 50.0
# Bytes, measured on 28.11.2026 at N=1000 with the content of that day (Material's search_index.json);
# the index also grows with the real pages, so compare before and after on the same content.
SEARCH_INDEX_EXAMPLES = 1000
MAX_SEARCH_INDEX = 4_205_917
MAX_SEARCH_INDEX_GZIP = 236_777

# Goal from issue 11 ("Bounded work on any input"): the real site plus one hostile file is refused by the
# validator and by the strict build within a few seconds each.
MAX_HOSTILE_SECONDS = 10.0
_FRONT = "---\ntitle: Fjendtlig\ndescription: En side med fjendtligt indhold til målingen.\nrevideret: 2024-01-15\n"
HOSTILE_FILES = {
    "YAML alias bomb": _FRONT
    + 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n'
    + "".join(f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    + "---\n",
    "front matter 100,000 brackets deep": _FRONT + "x: " + "[" * 100_000 + "]" * 100_000 + "\n---\n",
    "heading with 100,000 spaces": _FRONT + "---\n\n# Titel" + " " * 100_000 + "#\n",
    "list 300 levels deep": _FRONT + "---\n\n" + "".join("    " * i + "- punkt\n" for i in range(300)),
    "dense links (30 x 1,200 »[a](«)": _FRONT + "---\n\n" + ("[a](" * 1200 + "\n\n") * 30,
}
