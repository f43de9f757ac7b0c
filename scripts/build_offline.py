"""Build the offline copy as a dated zip with its checksum: make offline."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.build_offline import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, "make offline"))

if __name__ == "__main__":
    sys.exit(main())
