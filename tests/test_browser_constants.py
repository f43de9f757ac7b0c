"""The constants generated for the browser: the Python side's values, and Material's worker messages
as the Material package installed here defines them (an upgrade that renumbers them fails here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
from boerneinddragelse import analysis, browser_constants, search_index

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def material_message_types() -> dict[str, int]:
    """SearchMessageType from Material's own source, shipped in its bundle's source map."""
    (source_map,) = MATERIAL_SCRIPTS.glob("bundle.*.min.js.map")
    sources = json.loads(source_map.read_text(encoding="utf-8"))["sourcesContent"]
    enums = [m for s in sources for m in re.finditer(r"enum SearchMessageType \{([^}]*)\}", s)]
    assert len(enums) == 1
    names = [re.sub(r"/\*.*?\*/", "", line).strip(" ,") for line in enums[0].group(1).splitlines()]
    return {name: number for number, name in enumerate(n for n in names if n)}


def material_worker_answers() -> tuple[int, int]:
    """The message types Material's shipped worker answers SETUP and QUERY with."""
    (worker,) = (MATERIAL_SCRIPTS / "workers").glob("search.*.min.js")
    code = worker.read_text(encoding="utf-8")
    ready = re.search(r"case 0:return yield [^;{]*[^{]*\{type:(\d)\}", code)
    result = re.search(r"case 2:let \w+=\w+\.data;try\{return\{type:(\d),", code)
    assert ready and result
    return int(ready.group(1)), int(result.group(1))


def test_worker_messages_are_materials() -> None:
    assert material_message_types() == browser_constants.WORKER_MESSAGES
    messages = browser_constants.WORKER_MESSAGES
    assert material_worker_answers() == (messages["READY"], messages["RESULT"])


def test_constants_are_the_python_sides() -> None:
    constants = browser_constants.constants()
    assert constants["SEPARATOR"] == analysis.SEPARATOR
    assert constants["MIN_PREFIX"] == analysis.MIN_PREFIX
    assert constants["MIN_PART_STEM"] == analysis.MIN_PART_STEM
    assert set(constants["STOP_WORDS"]) == analysis.STOP_WORDS
    assert constants["PARTS_FIELDS"] == list(search_index.INDEX_ONLY_FIELDS)


def test_the_module_sets_one_global_with_every_constant() -> None:
    source = browser_constants.module_source()
    body = re.search(r"root\.Soegekonstanter = Object\.freeze\((.*)\);\n\}\)", source, re.S)
    assert body and json.loads(body.group(1)) == browser_constants.constants()
