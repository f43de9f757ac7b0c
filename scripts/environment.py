"""A Danish message instead of a traceback when a command runs without the project's packages.

The command-line tools editors run (validate.py, new.py, …) import PyYAML, jsonschema, Jinja2 and
the rest from the project's virtual environment in .venv. Run with a bare ``python3`` they would
stop with an English ``ModuleNotFoundError``; instead they wrap their imports like this::

    from environment import missing_package
    try:
        from boerneinddragelse.validation import validate
    except ModuleNotFoundError as error:
        sys.exit(missing_package(error, "make validate"))

This module itself uses the standard library only.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = Path(".venv") / "bin" / "python"
EXIT_STATUS = 2  # the status of wrong use, as for the tools' other usage errors


def missing_package(error: ModuleNotFoundError, make_command: str) -> int:
    """Print what to run instead, in Danish, and return the exit status."""
    script = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "scriptet"
    arguments = shlex.join(sys.argv[1:])
    direct = f"{VENV_PYTHON} scripts/{script}" + (f" {arguments}" if arguments else "")
    lines = [
        f"Fejl: Python-pakken »{error.name}« mangler. Kommandoen skal køre med projektets egen Python i .venv/.",
        f"Kør i stedet: {make_command}",
    ]
    if (ROOT / VENV_PYTHON).exists():
        lines.append(f"eller: {direct}")
    else:
        lines.append("Første gang opretter make miljøet i .venv/ (det tager et par minutter).")
    print("\n".join(lines), file=sys.stderr)
    return EXIT_STATUS
