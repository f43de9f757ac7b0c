"""The Danish pull-request summary: make pr-resume BASE=origin/main."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.pr_summary import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, "make pr-resume BASE=origin/main"))

if __name__ == "__main__":
    sys.exit(main())
