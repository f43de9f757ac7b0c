"""Where the browser editor commits and how it signs in: ``extra.redigering`` in mkdocs.yml, checked with lines.

GitHub sign-in needs an OAuth app and a small token exchange service; its address (Decap's ``base_url``) and
path (``auth_endpoint``) are settings, like the repository and the branch, so the generated configuration
never has to be edited by hand. Without an address Decap signs in through Netlify's service, which only
serves sites hosted on Netlify.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from .problems import Problem
from .rules.rule import reports
from .rules.settings import EDITOR_SETTINGS

PLACEHOLDER_REPO = "OWNER/REPO"  # an editor that signs in nowhere until the repository is set
_NAME = r"[A-Za-z0-9_.-]+"
_SEGMENT = r"[A-Za-z0-9._~-]+"

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "repositorium": {
            "type": "string",
            "pattern": rf"^({_NAME}/{_NAME})?$",
            "description": "Repositoriet på GitHub som ejer/navn, f.eks. »videnscenter/boerneinddragelse«.",
        },
        "gren": {
            "type": "string",
            "pattern": r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$",
            "description": "Den gren, ændringerne skal ind på, f.eks. »main«.",
        },
        "login_adresse": {
            "type": "string",
            # An origin only: Decap accepts the service's answer only from exactly this origin.
            "pattern": r"^(https://[A-Za-z0-9.-]+(:[0-9]+)?)?$",
            "description": "Token-tjenestens adresse: https:// og værtsnavnet, uden sti og uden / til sidst, "
            "f.eks. »https://login.example.dk«.",
        },
        "login_sti": {
            "type": "string",
            "pattern": rf"^({_SEGMENT}(/{_SEGMENT})*)?$",
            "description": "Stien på token-tjenesten, der starter login, uden / foran, f.eks. »auth«.",
        },
    },
    "additionalProperties": False,
    "description": "Redigering i browseren (/admin/): repositorium, gren og GitHub-login.",
}


@dataclass(frozen=True)
class EditorSettings:
    repositorium: str = ""
    gren: str = "main"
    login_adresse: str = ""
    login_sti: str = ""

    def backend(self) -> dict[str, str]:
        """Decap's ``backend`` section: GitHub, with the token service where one is set."""
        backend = {"name": "github", "repo": self.repositorium or PLACEHOLDER_REPO, "branch": self.gren}
        if self.login_adresse:
            backend["base_url"] = self.login_adresse
        if self.login_sti:
            backend["auth_endpoint"] = self.login_sti
        return backend


def _key_lines(config_text: str) -> dict[str, int]:
    """The line of ``redigering:`` and of each key under it, from the YAML parser's marks."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)  # composing only: tags such as !ENV are kept
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    for path in (("extra",), ("extra", "redigering")):
        node = root
        for name in path:
            pairs = node.value if isinstance(node, yaml.MappingNode) else []
            found = next(((k, v) for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == name), None)
            if found is None:
                return lines
            lines[name] = found[0].start_mark.line + 1
            node = found[1]
    for key, _ in node.value if isinstance(node, yaml.MappingNode) else []:
        if isinstance(key, yaml.ScalarNode):
            lines[f"redigering.{key.value}"] = key.start_mark.line + 1
    return lines


def _problem(error: Any, shown: str, lines: dict[str, int]) -> Problem:
    key = str(error.path[0]) if error.path else ""
    line = lines.get(f"redigering.{key}") or lines.get("redigering") or 1
    if error.validator == "additionalProperties":
        extra = error.message.split("(")[-1].rstrip(")")
        known = ", ".join(SCHEMA["properties"])
        return EDITOR_SETTINGS.at(shown, line, 1, wording="ukendt-felt", extra=extra, known=known)
    if error.validator == "type":
        return EDITOR_SETTINGS.at(shown, line, 1, wording="tekst" if key else "felter", key=key)
    return EDITOR_SETTINGS.at(shown, line, 1, key=key, description=SCHEMA["properties"][key]["description"])


@reports(EDITOR_SETTINGS)
def read_editor_settings(raw: Any, config_path: Path | None = None) -> tuple[EditorSettings, list[Problem]]:
    """The settings (defaults where missing) and what is wrong with them, each at its line in mkdocs.yml."""
    text = config_path.read_text(encoding="utf-8") if config_path and config_path.is_file() else ""
    shown = config_path.name if config_path else "mkdocs.yml"
    lines = _key_lines(text) if text else {}
    value = {} if raw is None else raw
    problems = [_problem(error, shown, lines) for error in Draft202012Validator(SCHEMA).iter_errors(value)]
    if problems:
        return EditorSettings(), problems
    given = {k: str(v).strip() for k, v in value.items() if v not in (None, "")}
    return EditorSettings(**given), []
