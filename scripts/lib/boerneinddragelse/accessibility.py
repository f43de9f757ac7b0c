"""The accessibility statement (»Tilgængelighedserklæring«) as Danish public websites must have one:
made in Digitaliseringsstyrelsen's WAS-Tool and published at ``was.digst.dk/<domain>``, linked from the
footer, with a phone number and a written contact (the editors' settings in mkdocs.yml).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .problems import Problem
from .rules.rule import reports
from .rules.settings import ACCESSIBILITY_CONTACT

if TYPE_CHECKING:  # the settings module checks the contact with this one, so no import at run time
    from .settings import Contact

PAGE = "tilgaengelighed.md"  # the site's own statement, linked from every footer
FOOTER_LINK = "Tilgængelighedserklæring"  # the link's name, as the rules require
# Addresses that are not a published website: the preview, tests and documentation examples.
_NOT_PUBLISHED = {"localhost", "example.org", "example.com", "example.net", "example.dk"}


def site_domain(site_url: str) -> str | None:
    """The domain the statement is filed under (``https://www.eksempel.dk/`` -> ``eksempel.dk``), or None
    while SITE_URL is not a real address (unset, a loopback or an example address)."""
    host = (urlsplit(site_url.strip()).hostname or "").lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    if "." not in host or host in _NOT_PUBLISHED or host.endswith(tuple(f".{h}" for h in _NOT_PUBLISHED)):
        return None
    return host.removeprefix("www.")


def was_address(domain: str) -> str:
    return f"https://was.digst.dk/{domain}"


def short_address(domain: str) -> str:
    return f"https://www.{domain}/was"


@reports(ACCESSIBILITY_CONTACT)
def contact_problems(contact: Contact, config_path: Path | None = None) -> list[Problem]:
    """A warning while the statement lacks a phone number or a written contact (e-mail)."""
    missing = [name for name, value in (("telefon", contact.telefon), ("email", contact.email)) if not value]
    if not missing:
        return []
    text = config_path.read_text(encoding="utf-8") if config_path and config_path.is_file() else ""
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.strip().startswith("kontakt:")), 1)
    shown = config_path.name if config_path else "mkdocs.yml"
    return [ACCESSIBILITY_CONTACT.at(shown, line, 1, missing=" og ".join(f"»{name}«" for name in missing))]
