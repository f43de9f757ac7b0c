"""Rewrite the files derived from the content model (schemas/, CONTRIBUTING.md's tables): make skemaer."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.export_schemas import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, "make skemaer"))

if __name__ == "__main__":
    sys.exit(main())
