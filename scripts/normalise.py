"""Pages in canonical form: make normaliser [STI=…] (or scripts/normalise.py [--tjek] [STI ...])."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.normalise import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, "make normaliser"))

if __name__ == "__main__":
    sys.exit(main())
