"""Check the site's content: make validate [STI=…] (or scripts/validate.py [STI ...] [--format text|github])."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.validate import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, "make validate"))

if __name__ == "__main__":
    sys.exit(main())
