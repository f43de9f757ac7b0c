"""Site settings that editors keep in mkdocs.yml (``extra.kontakt``), checked against the content model.

The build reads them through the MkDocs hooks; this module needs no MkDocs and returns problems with
the line in mkdocs.yml, like the validator does for pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from .accessibility import contact_problems
from .cms_settings import read_editor_settings
from .model import CONTACT_SETTINGS
from .problems import ERROR, Problem
from .rules.rule import reports
from .rules.settings import CONTACT_DETAILS, EMPTY_CONTACT_DETAILS

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Contact:
    adresse: str = ""
    email: str = ""
    telefon: str = ""

    @property
    def empty(self) -> bool:
        return not (self.adresse or self.email or self.telefon)

    @property
    def tel_uri(self) -> str:
        """``tel:+4533123456`` for a link that phones can dial."""
        digits = "".join(c for c in self.telefon if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""


def _line_of(config_text: str, key: str) -> int:
    """The line of ``key:`` inside the ``kontakt:`` block of mkdocs.yml (1 if it cannot be found)."""
    inside = False
    for number, line in enumerate(config_text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("kontakt:"):
            inside = True
            if not key:
                return number
        elif inside and stripped.startswith(f"{key}:"):
            return number
    return 1


@reports(CONTACT_DETAILS, EMPTY_CONTACT_DETAILS)
def read_contact(raw: Any, config_path: Path | None = None) -> tuple[Contact, list[Problem]]:
    """The contact settings and what is wrong with them (errors), or that they are empty (a warning)."""
    text = config_path.read_text(encoding="utf-8") if config_path and config_path.is_file() else ""
    shown = config_path.name if config_path else CONFIG_FILE
    value = {} if raw is None else raw
    problems = []
    for error in Draft202012Validator(CONTACT_SETTINGS).iter_errors(value):
        key = str(error.path[0]) if error.path else ""
        line = _line_of(text, key)
        if error.validator == "additionalProperties":
            extra = error.message.split("(")[-1].rstrip(")")
            problems.append(CONTACT_DETAILS.at(shown, line, 1, wording="ukendt-felt", extra=extra))
        elif error.validator == "type":
            problems.append(CONTACT_DETAILS.at(shown, line, 1, wording="tekst", key="." + key if key else ""))
        else:
            description = CONTACT_SETTINGS["properties"].get(key, {}).get("description", "")
            problems.append(CONTACT_DETAILS.at(shown, line, 1, key=key, description=description))
    if problems:
        return Contact(), problems
    contact = Contact(**{k: str(v).strip() for k, v in value.items()})
    if contact.empty:
        problems.append(EMPTY_CONTACT_DETAILS.at(shown, _line_of(text, ""), 1, wording="tom"))
    return contact, problems


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: ``!ENV`` gives the variable or its default, Python tags give None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER_NAME, default]``, as MkDocs (pyyaml_env_tag) reads it."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    items = loader.construct_sequence(node)
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[str(name)] for name in names if str(name) in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config_file(config_path: Path) -> Any:
    """mkdocs.yml as MkDocs reads it (``!ENV`` filled in), without MkDocs."""
    return yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


@reports(CONTACT_DETAILS)
def check_config_file(config_path: Path) -> list[Problem]:
    """The validator's view of mkdocs.yml: the settings editors fill in."""
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return [CONTACT_DETAILS.at(config_path.name, line, 1, wording="yaml", file=config_path.name)]
    extra = config.get("extra") if isinstance(config, dict) else None
    raw = extra.get("kontakt") if isinstance(extra, dict) else None
    contact, problems = read_contact(raw, config_path)
    if isinstance(extra, dict):
        problems += read_editor_settings(extra.get("redigering"), config_path)[1]
    if any(p.severity == ERROR for p in problems):
        return problems
    return problems + contact_problems(contact, config_path)
