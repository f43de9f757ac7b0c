"""The code's layout: an installable library that imports no command or developer tool, and no sys.path edits."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LIBRARY = ROOT / "scripts" / "lib" / "boerneinddragelse"
DEVTOOLS = ROOT / "scripts" / "lib" / "devtools"
# environment.py is the commands' stdlib-only helper for a run without .venv, not a command.
COMMANDS = sorted(p for p in (ROOT / "scripts").glob("*.py") if p.name != "environment.py")


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def _python_files() -> list[Path]:
    return [
        p
        for folder in ("scripts", "tests")
        for p in (ROOT / folder).rglob("*.py")
        if "fixtures" not in p.relative_to(ROOT).parts
    ]


def test_the_library_imports_no_command_and_no_developer_tool() -> None:
    forbidden = {p.stem for p in COMMANDS} | {"devtools", "environment"}
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_modules(path) & forbidden) for path in LIBRARY.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}
    assert len(offenders) > 20  # the scan found the library


def test_no_code_edits_sys_path() -> None:
    edits = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", "") == "sys":
                edits.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert edits == []


def test_commands_are_thin() -> None:
    """A command in scripts/ imports its main from the library and calls it; the work is in the library."""
    long_commands = {str(p.relative_to(ROOT)): n for p in COMMANDS if (n := len(p.read_text().splitlines())) > 20}
    assert long_commands == {}
    assert len(COMMANDS) >= 5


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _sizes(path: Path) -> list[tuple[str, int]]:
    """The module's length and every function's (def line to last line, nested ones on their own)."""
    text = path.read_text(encoding="utf-8")
    found = [(str(path.relative_to(ROOT)), len(text.splitlines()))]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append((f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node.end_lineno - node.lineno + 1))
    return found


def test_modules_and_functions_stay_short() -> None:
    """A module under scripts/ is at most ~400 lines and a function at most ~60, so each reads in one sitting."""
    modules = list((ROOT / "scripts").rglob("*.py"))
    too_long = [
        f"{where}: {length} lines"
        for path in modules
        for index, (where, length) in enumerate(_sizes(path))
        if length > (MAX_MODULE_LINES if index == 0 else MAX_FUNCTION_LINES)
    ]
    assert too_long == []
    assert len(modules) > 40  # the scan found the code


def test_every_import_in_the_code_can_be_found() -> None:
    """Every module the library, the tools and the hooks import exists, also where the import sits inside a
    function (the bench's are, and an import that cannot be found would only fail when the bench runs)."""
    import importlib.util
    import sys

    missing = []
    for path in sorted((ROOT / "scripts").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names:
                    continue
                try:
                    found = importlib.util.find_spec(name) is not None
                except ModuleNotFoundError:
                    found = False
                # The commands' own helper (scripts/environment.py) is found next to the command that runs.
                if not found and top != "environment":
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert missing == []
