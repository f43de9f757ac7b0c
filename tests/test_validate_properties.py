"""Property-based tests: whatever an editor saves, the validator answers with well-formed lines.

Random front matter (free text, random mappings dumped as YAML, random bytes with and without
BOM and CRLF) and random Markdown bodies go into one page of a small valid site. The validator
must never raise, never fall back to intern-fejl, and print only lines of the documented form.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from boerneinddragelse.model import PAGE_TYPES
from boerneinddragelse.rules import RULES
from boerneinddragelse.validation import format_report, validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validate"
LINE = re.compile(r"^docs/[^:\n]+:\d+:\d+: (fejl|advarsel): [^\n]+ \[(?P<rule>[a-z0-9-]+)\]$")
GITHUB = re.compile(r"^::(error|warning) file=docs/[^,\n]+,line=\d+,col=\d+,title=[a-z0-9-]+::[^\n]+$")
SUMMARY = re.compile(r"^(Ingen problemer fundet i \d+ fil(er)?\.|.* i \d+ fil(er)? \(\d+ fil(er)? tjekket\)\.)$")
PAGES = (
    "docs/praksiseksempler/tilfaeldig.md",
    "docs/anbefalinger/1-faelles-boernesyn.en.md",
    "docs/nyheder/2024-01-10-tilfaeldig.md",
    "docs/partnerskab/tilfaeldig.md",
    "docs/tilfaeldig.md",
    "docs/index.en.md",
)
FIELDS = sorted({name for t in PAGE_TYPES.values() for name in t.schema["properties"]})
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2024-02-30", "2024-01-10", "2024-01-10 10:00", "rammer", "boernesamtalen", "6-12", "Aarhus"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.sampled_from(FIELDS), inner, max_size=4)
    ),
    max_leaves=12,
)
SNIPPETS = [
    "[et link](findes-ikke.md#x)",
    "[forsiden](../index.md#forside)",
    "![](billede.png)",
    "![alt](https://example.org/x.png)",
    "<script>alert(1)</script>",
    '<div onclick="x()" id="boks">',
    '<a href="javascript:void(0)">',
    "<!-- katalog -->",
    "<!-- ukendt -->",
    "<!--",
    "## Overskrift {#fast}",
    "Setext\n---",
    "```\n[kode](x.md)",
    "`[kode](y.md)`",
    "[ref]: mangler.md",
    "<img src=x>",
    "<![CDATA[ x ]]>",
    "<!DOCTYPE html>",
    "&#0; &amp; \\",
    "[a [b] c](</sti med mellemrum.md>)",
]
bodies = st.lists(st.sampled_from(SNIPPETS) | st.text(max_size=40), max_size=8).map("\n".join)


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    """A small valid site (recommendation 1, catalogue, news index) to drop one random page into."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(FIXTURES / "side-uopnaaelig" / "good" / "docs", root / "docs")
        yield root


def _check(root: Path, page: str, content: bytes) -> None:
    path = root / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    try:
        report = validate(root)
    finally:
        path.unlink()
    text = format_report(report)
    assert all(LINE.match(line) for line in text[:-1]), text
    assert SUMMARY.match(text[-1]), text[-1]
    assert all(GITHUB.match(line) for line in format_report(report, "github")[:-1])
    rules = {p.rule for p in report.problems}
    assert rules <= set(RULES)
    assert "intern-fejl" not in rules, text


@SETTINGS
@given(page=st.sampled_from(PAGES), front=st.text(), body=bodies)
def test_random_front_matter_text(site: Path, page: str, front: str, body: str) -> None:
    _check(site, page, f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass"))


@SETTINGS
@given(
    page=st.sampled_from(PAGES),
    data=st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), values, max_size=10),
    body=bodies,
    crlf=st.booleans(),
)
def test_random_mappings_dumped_as_yaml(site: Path, page: str, data: dict, body: str, crlf: bool) -> None:
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n\n" + body
    _check(site, page, (text.replace("\n", "\r\n") if crlf else text).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(page=st.sampled_from(PAGES), raw=st.binary(max_size=300), bom=st.booleans(), crlf=st.booleans())
def test_random_bytes(site: Path, page: str, raw: bytes, bom: bool, crlf: bool) -> None:
    content = (b"\xef\xbb\xbf" if bom else b"") + (raw.replace(b"\n", b"\r\n") if crlf else raw)
    _check(site, page, content)


@SETTINGS
@given(
    page=st.sampled_from(PAGES),
    body=bodies,
    name=st.text(alphabet="abcXYæøå _-.0", min_size=1, max_size=10),
)
def test_random_bodies_and_file_names(site: Path, page: str, body: str, name: str) -> None:
    if name.strip(".") == "" or name.startswith("."):
        name = "x" + name
    valid = (FIXTURES / "side-uopnaaelig" / "good" / "docs" / "praksiseksempler" / "samtalen-i-bilen.md").read_text()
    _check(site, str(Path(page).parent / f"{name}.md"), (valid + "\n" + body).encode("utf-8", "surrogatepass"))
