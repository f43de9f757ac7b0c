"""The validator: one failing and one passing docs tree per rule, the command line, the real site.

Each rule has tests/fixtures/validate/<rule-id>/bad/docs/ and good/docs/. bad/forventet.txt lists
every problem the bad tree must give, as ``docs/<file>:<line> [<rule-id>]``, and nothing else;
the good tree must give no problem at all.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import string
import subprocess
import sys
import time
import types
from pathlib import Path

import markdown
import pytest
from boerneinddragelse import checks, rules, validation
from boerneinddragelse.frontmatter import split
from boerneinddragelse.model import PAGE_TYPES, PageType
from boerneinddragelse.parsed_page import ParsedPage
from boerneinddragelse.rules import RULES, Rule
from boerneinddragelse.schema_check import EXPLAIN, check
from boerneinddragelse.slugs import heading_slug
from boerneinddragelse.validation import format_report, summary, validate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "validate"
SCRIPT = ROOT / "scripts" / "validate.py"
LINE = re.compile(
    r"^(?P<path>docs/[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>fejl|advarsel): .+ \[(?P<rule>[a-z0-9-]+)\]$"
)
SUMMARY = re.compile(
    r"^(Ingen problemer fundet i \d+ fil(er)?\."
    r"|(\d+ fejl( og \d+ advars(el|ler))?|\d+ advars(el|ler)) i \d+ fil(er)? \(\d+ fil(er)? tjekket\)\.)$"
)
# Rules that no docs tree can trigger, and where they are tested instead.
WITHOUT_FIXTURE = {
    # Every file a docs tree can hold now has a rule of its own (a folder named x.md: mappe-som-side).
    "intern-fejl": "test_an_unexpected_error_in_one_file_is_reported_and_the_others_are_checked",
    # The data files beside docs/ (scripts/data/), not a docs tree: tests/test_glossary.py and test_case_steps.py.
    "data-fil": "test_each_mistake_is_reported_in_danish_with_file_and_line",
}
FIXTURE_RULES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _found(root: Path) -> set[tuple[str, int, str]]:
    return {(p.path, p.line, p.rule) for p in validate(root).problems}


def _expected(root: Path) -> set[tuple[str, int, str]]:
    expected = set()
    for line in (root / "forventet.txt").read_text(encoding="utf-8").splitlines():
        location, rule = line.rsplit(" ", 1)
        path, number = location.rsplit(":", 1)
        expected.add((path, int(number), rule.strip("[]")))
    return expected


def test_every_rule_has_fixtures_or_a_reason() -> None:
    assert set(FIXTURE_RULES) | set(WITHOUT_FIXTURE) == set(RULES)
    assert {rule.id for rule in RULES.values() if rule.fixtures} == set(FIXTURE_RULES)
    for rule in FIXTURE_RULES:
        assert (FIXTURES / rule / "bad" / "docs").is_dir(), rule
        assert (FIXTURES / rule / "good" / "docs").is_dir(), rule


@pytest.mark.parametrize("rule", FIXTURE_RULES)
def test_bad_fixture_gives_exactly_the_expected_problems(rule: str) -> None:
    root = FIXTURES / rule / "bad"
    expected = _expected(root)
    assert rule in {r for _, _, r in expected}, "forventet.txt must name the rule under test"
    assert _found(root) == expected


@pytest.mark.parametrize("rule", FIXTURE_RULES)
def test_good_fixture_is_clean(rule: str) -> None:
    report = validate(FIXTURES / rule / "good")
    assert [p.format() for p in report.problems] == []


def _keywords(schema: object) -> set[str]:
    """Every JSON Schema keyword that can fail in a schema (properties and items walked into)."""
    if isinstance(schema, list):
        return {keyword for part in schema for keyword in _keywords(part)}
    if not isinstance(schema, dict):
        return set()
    found = set(schema) - {"properties", "items", "description", "title", "$schema", "$id", "default", "examples"}
    for key, value in schema.items():
        if key == "properties":
            found |= {keyword for part in value.values() for keyword in _keywords(part)}
        elif key in ("items", "anyOf", "oneOf", "allOf"):
            found |= _keywords(value)
    return found


def test_every_schema_keyword_of_the_model_has_a_danish_explanation() -> None:
    """schema_check explains each keyword in Danish with its own rule; a new keyword needs its explanation."""
    used = {keyword for page_type in PAGE_TYPES.values() for keyword in _keywords(page_type.schema)}
    assert used - set(EXPLAIN) == set()
    assert used >= {"required", "enum", "pattern", "minLength"}  # the walk itself works


def test_a_keyword_without_explanation_still_names_file_line_and_field() -> None:
    page_type = PageType("test", "Test", None, {"type": "object", "properties": {"x": {"const": 1}}}, "")
    front = split("---\ntitle: Test\nx: 2\n---\n", "docs/x.md")
    problems = check(page_type, front, "docs/x.md")
    assert [(p.line, p.rule) for p in problems] == [(3, "ugyldig-form")]
    assert "»x«" in problems[0].message


LIBRARY = ROOT / "scripts" / "lib" / "boerneinddragelse"


def _imported_module(path: Path, node: ast.ImportFrom) -> str:
    """The absolute name of the module a (possibly relative) ``from … import`` in a library file reads."""
    if node.level == 0:
        return node.module or ""
    package = ["boerneinddragelse", *path.relative_to(LIBRARY).parent.parts]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _rules_used_in(path: Path) -> set[str]:
    """The ids of the Rule constants a module imports from the registry and then uses (``MISSING_ANCHOR.at``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants: dict[str, Rule] = {}  # local name -> rule
    modules: dict[str, object] = {}  # local name -> a family module of the registry
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _imported_module(path, node).startswith("boerneinddragelse.rules"):
            module = importlib.import_module(_imported_module(path, node))
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if isinstance(value, Rule):
                    constants[alias.asname or alias.name] = value
                elif value in rules.FAMILIES:
                    modules[alias.asname or alias.name] = value
    used = {constants[n.id].id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in constants}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
            value = getattr(modules[node.value.id], node.attr, None)
            if isinstance(value, Rule):
                used.add(value.id)
    return used


def _library_outside_registry() -> list[Path]:
    return [p for p in sorted(LIBRARY.rglob("*.py")) if LIBRARY / "rules" not in p.parents]


def test_problems_are_made_only_by_registered_rules() -> None:
    """No Problem(...) and no Rule(...) outside the registry: every problem comes from RULE.at(...)."""
    made_elsewhere = []
    for path in _library_outside_registry():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Problem", "Rule"):
                made_elsewhere.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert made_elsewhere == [], "report problems with a rule from boerneinddragelse.rules: RULE.at(...)"


def test_every_registered_rule_is_reported_somewhere() -> None:
    used: set[str] = set()
    for path in _library_outside_registry():
        used |= _rules_used_in(path)
    assert len(used) > 40
    assert used - set(RULES) == set(), "these rules are used but not registered"
    assert set(RULES) - used == set(), "these registered rules are never reported"


def test_a_duplicate_rule_id_fails_when_the_registry_is_collected() -> None:
    family = types.ModuleType("boerneinddragelse.rules.proeve")
    family.ONE = Rule("proeve-regel", "fejl", "En regel.", "Ret den.")  # type: ignore[attr-defined]
    family.OTHER = Rule("proeve-regel", "advarsel", "Samme id igen.", "Ret den.")  # type: ignore[attr-defined]
    with pytest.raises(ImportError, match="proeve-regel"):
        rules._collect((family,))


def test_a_milder_case_of_a_rule_keeps_its_id_and_is_declared_with_it() -> None:
    assert rules.SEVERITIES["kontakt-indstilling"] == ("fejl", "advarsel")
    family = types.ModuleType("boerneinddragelse.rules.proeve")
    family.MILD = Rule("proeve-mild", "fejl", "En regel.", "Ret den.").with_severity("advarsel")  # type: ignore[attr-defined]
    with pytest.raises(ImportError, match="proeve-mild"):
        rules._collect((family,))


def test_every_rule_is_explained_in_contributing() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"`{rule}`" not in text]
    assert missing == []


def test_registry_entries_are_complete() -> None:
    for rule in RULES.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.id)
        assert getattr(importlib.import_module(f"boerneinddragelse.rules.{rule.family}"), "__file__", "").endswith(
            rule.module
        ), rule.id
        assert rule.severity in ("fejl", "advarsel")
        assert rule.description.endswith(".") and rule.fix.endswith("."), rule.id


def test_every_rule_has_its_message_and_the_function_that_checks_it() -> None:
    """Each rule declares its Danish message as a template with named fields, and at least one function
    reports it under @reports: the registry then names where it is checked (CONTRIBUTING's last column)."""
    importlib.import_module("boerneinddragelse.validation")  # every module with a check
    without_message = [rule.id for rule in RULES.values() if not rule.message and not rule.wordings]
    unchecked = [rule.id for rule in RULES.values() if not rule.checked_by]
    assert without_message == [] and unchecked == []
    for rule in RULES.values():
        for template in (rule.message, *rule.wordings.values()):
            fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
            assert all(name.isidentifier() for name in fields), (rule.id, template)  # no {} or {0}
        for module in rule.check_modules:
            assert (ROOT / module).is_file(), (rule.id, module)


def test_a_message_is_filled_in_from_its_fields_and_wordings() -> None:
    rule = Rule("proeve", "fejl", "En regel.", "Ret den.", message="»{navn}« mangler.", wordings={"kort": "{navn}!"})
    assert rule.at("docs/x.md", 3, 2, navn="a{b}").message == "»a{b}« mangler."  # an editor's braces stay text
    assert rule.at("docs/x.md", 3, 2, wording="kort", navn="x").format() == "docs/x.md:3:2: fejl: x! [proeve]"
    with pytest.raises(KeyError):
        rule.at("docs/x.md", 1, 1)  # a field the template needs and the check forgot fails loudly in the tests


# Heading anchors, compared with what Python-Markdown itself produces


HEADINGS = """
# Hvad anbefales?

## Tilhører

## Om **fed** tekst, [et link](x.md) og `kode`

## Sæt x\\_y & z

## Dobbelt

## Dobbelt

## Særlig {#saerlig}

### 5. Kommunikationsformer – på børnenes præmisser

Setext-overskrift
-----------------

```
## Ikke en overskrift
```
"""


def _markdown_ids(text: str) -> set[str]:
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "md_in_html", "admonition", "pymdownx.superfences"],
        extension_configs={"toc": {"slugify": heading_slug}},  # as the hooks configure the build
    )
    return set(re.findall(r'<h[1-6][^>]* id="([^"]+)"', md.convert(text)))


def test_heading_anchors_match_python_markdown() -> None:
    ids = _markdown_ids(HEADINGS)
    assert ParsedPage(HEADINGS, 1).anchors == ids
    assert {"tilhoerer", "dobbelt_1", "saerlig", "setext-overskrift", "saet-x-y-z"} <= ids


def test_heading_anchors_of_the_real_pages_match_python_markdown() -> None:
    for path in sorted((ROOT / "docs").rglob("*.md")):
        front = split(path.read_text(encoding="utf-8-sig"), str(path))
        expected = _markdown_ids(front.body)
        assert expected <= ParsedPage(front.body, front.body_line).anchors, path


# Robustness


def test_an_unexpected_error_in_one_file_is_reported_and_the_others_are_checked(monkeypatch, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "ukendt-markoer" / "bad" / "docs", tmp_path / "docs")
    (tmp_path / "docs" / "om.md").write_text((FIXTURES / "tom-fil" / "good" / "docs" / "om.md").read_text())
    original = checks.links.links

    def explode(context, page, body):
        if page.rel == "om.md":
            raise RuntimeError("test")
        return original(context, page, body)

    monkeypatch.setattr(checks, "BODY_CHECKS", tuple(explode if c is original else c for c in checks.BODY_CHECKS))
    found = _found(tmp_path)
    assert ("docs/om.md", 1, "intern-fejl") in found
    assert ("docs/index.md", 9, "ukendt-markoer") in found


def test_problems_are_one_line_each_even_with_newlines_in_values(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text('---\ntitle: "To\\nlinjer"\ndescription: 5\nhide: ["a\\nb"]\n---\n\nTekst.\n')
    lines = format_report(validate(tmp_path))
    assert len(lines) > 1
    assert all(LINE.match(line) for line in lines[:-1]), lines
    assert SUMMARY.match(lines[-1])


def test_summary_lines() -> None:
    report = validation.Report([], 45)
    assert summary(report) == "Ingen problemer fundet i 45 filer."
    report = validation.Report([], 1)
    assert summary(report) == "Ingen problemer fundet i 1 fil."
    errors = validate(FIXTURES / "link-mangler" / "bad")
    assert summary(errors) == "2 fejl i 1 fil (2 filer tjekket)."
    warnings = validate(FIXTURES / "skabelontekst" / "bad")
    assert summary(warnings) == "4 advarsler i 2 filer (2 filer tjekket)."


def test_only_the_given_files_are_reported_but_links_resolve_against_the_whole_tree() -> None:
    root = FIXTURES / "dobbelt-side" / "bad"
    report = validate(root, {"docs/om.md"})
    assert {(p.path, p.rule) for p in report.problems} == {("docs/om.md", "dobbelt-side")}
    assert report.checked == 1
    root = FIXTURES / "link-mangler" / "good"
    assert validate(root, {"docs/index.md"}).problems == []


# The real site


def test_the_real_docs_tree_has_no_errors() -> None:
    started = time.perf_counter()
    report = validate(ROOT)
    elapsed = time.perf_counter() - started
    assert [p.format() for p in report.problems if p.severity == "fejl"] == []
    assert report.checked > 40
    assert elapsed < 2.0, f"the validator took {elapsed:.2f} s"


# The command line, run in tmp_path


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False
    )


def _tree(tmp_path: Path, fixture: str) -> Path:
    shutil.copytree(FIXTURES / fixture / "docs", tmp_path / "docs")
    return tmp_path


def test_cli_clean_tree_exits_0(tmp_path: Path) -> None:
    result = _run(_tree(tmp_path, "link-mangler/good"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["Ingen problemer fundet i 3 filer."]


def test_cli_errors_exit_1_with_one_line_per_problem(tmp_path: Path) -> None:
    result = _run(_tree(tmp_path, "link-mangler/bad"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [LINE.match(line)["rule"] for line in lines[:-1]] == ["link-mangler", "link-mangler"]
    assert lines[0].startswith("docs/index.md:7:5: fejl: ")
    assert lines[-1] == "2 fejl i 1 fil (2 filer tjekket)."


def test_cli_warnings_alone_exit_0(tmp_path: Path) -> None:
    result = _run(_tree(tmp_path, "skabelontekst/bad"))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "4 advarsler i 2 filer (2 filer tjekket)."


def test_cli_errors_and_warnings(tmp_path: Path) -> None:
    root = _tree(tmp_path, "skabelontekst/bad")
    with (root / "docs" / "index.md").open("a", encoding="utf-8") as handle:
        handle.write("\n[Om os](om.md)\n")
    result = _run(root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "1 fejl og 4 advarsler i 2 filer (2 filer tjekket)."


def test_cli_github_format(tmp_path: Path) -> None:
    result = _run(_tree(tmp_path, "link-mangler/bad"), "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=docs/index.md,line=7,col=5,title=link-mangler::Linket peger på")
    assert all(line.startswith("::error ") for line in lines[:-1])
    assert lines[-1] == "2 fejl i 1 fil (2 filer tjekket)."
    warning = _run(_tree(tmp_path / "w", "skabelontekst/bad"), "--format", "github")
    assert warning.stdout.startswith("::warning file=docs/index.md,line=3,col=1,title=skabelontekst::")


def test_cli_given_paths(tmp_path: Path) -> None:
    root = _tree(tmp_path, "dobbelt-side/bad")
    only = _run(root, "docs/om.md")
    assert only.returncode == 1
    assert [LINE.match(line)["path"] for line in only.stdout.splitlines()[:-1]] == ["docs/om.md"]
    assert only.stdout.splitlines()[-1] == "1 fejl i 1 fil (1 fil tjekket)."
    clean = _run(root, "docs/index.md")
    assert (clean.returncode, clean.stdout) == (0, "Ingen problemer fundet i 1 fil.\n")
    folder = _run(root, "docs")
    assert folder.stdout.splitlines()[-1] == "2 fejl i 2 filer (3 filer tjekket)."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "--format skal være »text« eller »github«"),
        (["--ukendt"], "ukendt tilvalg: --ukendt"),
        (["docs/findes-ikke.md"], "Stien findes ikke: docs/findes-ikke.md"),
        (["andet.md"], "Stien ligger ikke i docs/: andet.md"),
    ],
)
def test_cli_usage_errors_exit_2_with_a_danish_message(tmp_path: Path, args: list[str], message: str) -> None:
    root = _tree(tmp_path, "link-mangler/good")
    (root / "andet.md").write_text("# Ikke i docs\n", encoding="utf-8")
    result = _run(root, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_cli_passes_the_real_site() -> None:
    # Its speed is measured by the bench (the validator row), not asserted here: a shared machine's load
    # would make a timed test fail for no fault of the code.
    result = _run(ROOT)
    assert result.returncode == 0, result.stdout
