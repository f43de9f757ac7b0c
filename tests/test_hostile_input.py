"""Hostile and broken input: one gate, bounded work (issue 11).

Each class of input is added as one file to a small valid site (tests/fixtures/gate/site). The validator
and the strict build both run in a subprocess with a time limit and a memory limit: both must refuse the
file with the same Danish ``path:line:col`` message, print no traceback and neither hang nor crash. A
bound on a hang is a correctness test, not a speed goal (those are in scripts/lib/devtools/bench.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from boerneinddragelse import validation
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from conftest import ROOT, load_hooks
from helpers import limit_memory, scan_seconds, write_site_config

SITE = Path(__file__).parent / "fixtures" / "site" / "gyldig"
VALIDATE = ROOT / "scripts" / "validate.py"
VALIDATOR_SECONDS = 30  # generous for a shared machine; an unbounded case runs for minutes or forever
BUILD_SECONDS = 90
FRONT = (
    "---\ntitle: {title}\ndescription: En side til test af fjendtligt input på testsitet.\n"
    "revideret: 2024-01-15\n---\n\n"
)


def run_bounded(args: list[str], cwd: Path, seconds: float) -> subprocess.CompletedProcess[str]:
    """Run a tool under a memory limit; subprocess.TimeoutExpired fails the test if it runs too long."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=seconds,
        preexec_fn=limit_memory,
        env=environment,
        check=False,
    )


def copy_site(destination: Path) -> Path:
    """The fixture site with a mkdocs.yml that uses this repository's hooks and theme overrides."""
    shutil.copytree(SITE / "docs", destination / "docs", symlinks=True)
    write_site_config(destination)
    return destination


def validate(project: Path) -> subprocess.CompletedProcess[str]:
    return run_bounded([sys.executable, str(VALIDATE)], project, VALIDATOR_SECONDS)


def build(project: Path) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")]
    return run_bounded(args, project, BUILD_SECONDS)


# ---------------------------------------------------------------------------- the classes


def _write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    def make(docs: Path) -> None:
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return make


def _alias_bomb() -> str:
    """Nine levels of nine aliases: 9**9 strings once expanded (the classic billion laughs)."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "---\ntitle: Om\n" + "\n".join(lines) + "\n---\n\nTekst.\n"


def _directory_named_like_a_page(docs: Path) -> None:
    (docs / "noter.md").mkdir()
    (docs / "noter.md" / "billede.txt").write_text("ikke en side\n", encoding="utf-8")


def _symlink_out_of_docs(docs: Path) -> None:
    secret = docs.parent / "hemmelig.md"
    secret.write_text(FRONT.format(title="Hemmelig") + "Må ikke publiceres.\n", encoding="utf-8")
    (docs / "hemmelig.md").symlink_to(secret)


def _news(date: str) -> str:
    return (
        f"---\ntitle: Nyhed fra fremtiden\ndescription: En nyhed med en dato, der er skrevet forkert.\n"
        f"date: {date}\n---\n\nTekst.\n"
    )


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]
    path: str  # as messages name it
    line: int
    rule: str


CASES = [
    Case("yaml-alias-bombe", _write("om.md", _alias_bomb()), "docs/om.md", 3, "yaml-anker"),
    Case(
        "yaml-dyb-indlejring",
        _write(
            "om.md",
            FRONT.format(title="Om").replace("---\n\n", "ekstra: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\n"),
        ),
        "docs/om.md",
        5,
        "yaml-dybde",
    ),
    Case(
        "overskrift-med-mange-mellemrum",
        _write("om.md", FRONT.format(title="Om") + "# Titel" + " " * 100_000 + "#\n"),
        "docs/om.md",
        7,
        "markdown-tung",
    ),
    Case(
        "liste-hundreder-niveauer",
        _write("om.md", FRONT.format(title="Om") + "".join("    " * i + "- punkt\n" for i in range(300))),
        "docs/om.md",
        27,
        "markdown-dybde",
    ),
    Case(
        "liste-tusinder-niveauer-på-en-linje",
        _write("om.md", FRONT.format(title="Om") + "- " * 2400 + "punkt\n"),
        "docs/om.md",
        7,
        "markdown-dybde",
    ),
    Case(
        "citat-tusinder-niveauer",
        _write("om.md", FRONT.format(title="Om") + "> " * 5000 + "citat\n"),
        "docs/om.md",
        7,
        "markdown-dybde",
    ),
    Case(
        "tæt-opmærkning",
        _write("om.md", FRONT.format(title="Om") + ("[a](" * 1200 + "\n\n") * 30),
        "docs/om.md",
        7,
        "markdown-tung",
    ),
    Case(
        "meget-stor-fil",
        _write("om.md", FRONT.format(title="Om") + "Et helt almindeligt afsnit om børneinddragelse.\n\n" * 8000),
        "docs/om.md",
        1,
        "fil-stor",
    ),
    Case("mappe-med-sidenavn", _directory_named_like_a_page, "docs/noter.md", 1, "mappe-som-side"),
    Case("symlink-ud-af-docs", _symlink_out_of_docs, "docs/hemmelig.md", 1, "symlink-udenfor"),
    Case(
        "nul-tegn",
        _write("om.md", FRONT.format(title="Om") + "Tekst med et NUL-tegn \x00 midt i.\n"),
        "docs/om.md",
        7,
        "kontroltegn",
    ),
    Case("stort-MD", _write("GAMMEL.MD", FRONT.format(title="Gammel") + "Tekst.\n"), "docs/GAMMEL.MD", 1, "filtype"),
    Case(
        "link-til-engelsk-fil",
        _write("om.md", FRONT.format(title="Om") + "Se [forsiden på engelsk](index.en.md).\n"),
        "docs/om.md",
        7,
        "link-sprog",
    ),
    Case(
        "nyhed-år-2999",
        _write("nyheder/2999-01-01-fremtid.md", _news("2999-01-01")),
        "docs/nyheder/2999-01-01-fremtid.md",
        4,
        "dato-urimelig",
    ),
    Case(
        "yaml-tabulator",
        _write("om.md", FRONT.format(title="Om").replace("revideret", "\trevideret")),
        "docs/om.md",
        4,
        "yaml-syntaks",
    ),
    Case(
        "manglende-afsluttende-streg",
        _write("om.md", FRONT.format(title="Om").replace("---\n\n", "\n# Om os\n\nTekst.\n\n---\n\nMere tekst.\n")),
        "docs/om.md",
        1,
        "front-matter-uafsluttet",
    ),
]


def _message(case: Case) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(case.path)}:{case.line}:\d+: fejl: .+ \[{case.rule}\]$", re.MULTILINE)


@pytest.mark.build
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validator_and_build_refuse_the_input_with_the_same_message(case: Case, tmp_path: Path) -> None:
    project = copy_site(tmp_path)
    case.make(project / "docs")
    checked, built = validate(project), build(project)
    for result in (checked, built):
        output = result.stdout + result.stderr
        assert result.returncode == 1, output[-2000:]
        assert "Traceback" not in output
        assert _message(case).search(output), output[-2000:]
    errors = {line for line in checked.stdout.splitlines() if ": fejl: " in line}
    assert errors and errors <= set(built.stderr.splitlines())  # the build names exactly the validator's errors
    assert not (project / "site" / "index.html").exists()


@pytest.mark.build
def test_the_fixture_site_is_valid_and_builds(tmp_path: Path) -> None:
    project = copy_site(tmp_path)
    checked, built = validate(project), build(project)
    assert checked.returncode == 0, checked.stdout
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "index.html").is_file()


@pytest.mark.build
def test_decomposed_unicode_is_compared_and_published_in_nfc(tmp_path: Path) -> None:
    """»å« typed as a + combining ring looks the same but is another string: it must neither slip past the
    duplicate-title check nor reach the pages."""
    project = copy_site(tmp_path)
    decomposed = unicodedata.normalize("NFD", "Åbenhed i sagen")
    assert decomposed != "Åbenhed i sagen"
    docs = project / "docs"
    (docs / "om.md").write_text(FRONT.format(title=decomposed) + f"## {decomposed}\n", encoding="utf-8")
    (docs / "aabenhed.md").write_text(FRONT.format(title="Åbenhed i sagen") + "Tekst.\n", encoding="utf-8")
    checked = validate(project)
    assert checked.returncode == 1
    assert re.search(
        r"^docs/om\.md:2:1: fejl: Samme titel som docs/aabenhed\.md.*\[dobbelt-side\]$", checked.stdout, re.M
    )

    (docs / "aabenhed.md").unlink()
    built = build(project)
    assert built.returncode == 0, built.stderr
    page = (project / "site" / "om" / "index.html").read_text(encoding="utf-8")
    assert "Åbenhed i sagen" in page
    assert unicodedata.normalize("NFC", page) == page  # nothing decomposed anywhere on the page


# ---------------------------------------------------------------------------- one gate, every rule

VALIDATE_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "validate").glob("*/bad"))


@pytest.mark.parametrize("root", VALIDATE_FIXTURES, ids=[p.parent.name for p in VALIDATE_FIXTURES])
def test_the_build_refuses_exactly_what_the_validator_refuses(root: Path) -> None:
    """The hooks run the validator's own check (boerneinddragelse.validation.start_check): every error rule, also the
    ones added later, stops the build with the validator's line when the build asks for the verdict (at its end),
    and nothing else does."""
    errors = [p.format() for p in validation.validate(root).problems if p.severity == "fejl"]
    config = MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))
    config.load_dict({"docs_dir": str(root / "docs"), "site_name": "Test"})
    hooks = load_hooks("content_hooks_gate")
    if not errors:
        hooks.on_files(Files([]), config)
        hooks.STATE.confirm()
        return
    with pytest.raises(PluginError) as refused:  # at once, or when the build asks for the verdict
        hooks.on_files(Files([]), config)
        hooks.on_post_build(config)
    assert [line for line in str(refused.value).splitlines() if ": fejl: " in line] == errors


# ---------------------------------------------------------------------------- linear scanners

LONG = 100_000
LONG_LINES = {
    "heading, spaces, closing hashes": "# x" + " " * LONG + "#",
    "heading, spaces, text after hashes": "# a" + " " * LONG + "#" * 10 + " " * LONG + "x",
    "heading attributes, open brace": "# x" + " " * LONG + "{",
    "heading attributes, many braces": "# x" + " {" * (LONG // 2),
    "heading, unclosed links": "# " + "[a](" * (LONG // 4),
    "heading, unclosed images": "# " + "![a](" * (LONG // 5),
    "heading, angle brackets": "# " + "<" * LONG,
    "heading, underscores": "# a" + "_" * LONG + "b",
    "setext underline": "x\n" + "=" * LONG + " y",
    "unclosed links": "[a](" * (LONG // 4),
    "unclosed link targets": "[a](<" * (LONG // 5),
    "unclosed tags": "<a " * (LONG // 3),
    "unclosed quoted attributes": '<a x="' * (LONG // 6),
    "slash-separated tags": "<a/" * (LONG // 3),
    "code span openers of every length": "".join("`" * n + "a" for n in range(1, 447)),
    "backticks": "``a`" * (LONG // 4),
    "comment openers": "<!--" * (LONG // 4),
    "attribute list": "x {:" + " " * LONG + "x",
    "reference definition": "[a]:" + " " * LONG + "x",
    "marker with many arguments": "<!-- a" + " b=c" * (LONG // 4),
    "list marker digits": "1" * LONG + "x",
}


@pytest.mark.parametrize("line", LONG_LINES.values(), ids=LONG_LINES.keys())
def test_the_validators_scanners_are_linear_on_long_lines(line: str) -> None:
    """Every scanner of the parsed page (the validator's reading of a page) on one 100,000-character line. A
    quadratic pattern needs minutes here (the old heading patterns: 18 s for 40,000 spaces); a linear one well
    under a second."""
    assert scan_seconds(line) < 5


@pytest.mark.build
def test_a_page_saved_with_bom_and_windows_line_endings_builds_like_any_other(tmp_path: Path) -> None:
    """The build reads each page as the validator does (boerneinddragelse.frontmatter.decode), not as raw bytes."""
    project = copy_site(tmp_path)
    page = project / "docs" / "om.md"
    text = FRONT.format(title="Om sitet") + "Tekst om sitet.\n"
    page.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    built = build(project)
    assert built.returncode == 0, built.stderr
    html = (project / "site" / "om" / "index.html").read_text(encoding="utf-8")
    assert "<title>Om sitet" in html
    assert "revideret:" not in html and "\r" not in html
