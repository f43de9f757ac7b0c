"""Build a docs tree the way `mkdocs build --strict` does, with the validator's HTML rules switched off.

    python tests/build_bypassing_validator.py <mkdocs.yml> <site dir>

The HTML sanitiser and the Content-Security-Policy are the defence for a build that did not run
the validator (a merge without the check, a fork's workflow, an older checkout). Once the build
applies the validator's rules itself (one gate), a page with hostile HTML cannot be built at all,
so this runner takes the HTML rules out of the gate to show what the build alone makes of them.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

HTML_RULES = {"html-element", "html-attribut", "javascript-link", "link-skema"}


def _without_html_rules(start_check: Any) -> Any:
    def check_without_html_rules(*args: Any, **kwargs: Any) -> Any:
        site, pending = start_check(*args, **kwargs)

        def filtered() -> Any:
            checked = pending.report()
            checked.problems = [p for p in checked.problems if p.rule not in HTML_RULES]
            return checked

        return site, replace(pending, report=filtered)

    return check_without_html_rules


def main(config_file: str, site_dir: str) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    config = load_config(config_file, site_dir=site_dir, strict=True)
    for hooks in config.hooks.values():
        if hasattr(hooks, "start_check"):  # the gate: the validator's check, run by the build
            hooks.start_check = _without_html_rules(hooks.start_check)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
