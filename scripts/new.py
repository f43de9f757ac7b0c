"""A new page from its type's template: make ny TYPE=<type> TITEL="<titel>"."""

import sys

from environment import missing_package

try:
    from boerneinddragelse.commands.new import main
except ModuleNotFoundError as error:  # run without the project's .venv
    sys.exit(missing_package(error, 'make ny TYPE=praksiseksempel TITEL="Titel på siden"'))

if __name__ == "__main__":
    sys.exit(main())
