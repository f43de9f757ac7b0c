"""Prepare the offline copy for publishing: scripts/publish_offline.py forbered | github-output FIL."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.publish_offline import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, "make offline"))

if __name__ == "__main__":
    sys.exit(main())
