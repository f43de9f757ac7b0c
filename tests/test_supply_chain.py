"""Supply chain: hashed, generated requirements; actions pinned to commit SHAs; Dependabot for both."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def _requirements_in() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"requirements.in: not an == pin: {line}"
        pins[_name(match.group(1))] = match.group(2)
    return pins


def _requirements_txt() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes), from pip-compile's output (continuation lines joined)."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8").replace("\\\n", " ")
    entries = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement, *options = line.split()
        match = PIN.match(requirement)
        assert match, f"requirements.txt: not an == pin: {requirement}"
        hashes = [option.removeprefix("--hash=") for option in options if option.startswith("--hash=")]
        entries[_name(match.group(1))] = (match.group(2), hashes)
    return entries


def test_requirements_txt_is_generated_from_requirements_in_with_hashes() -> None:
    wanted = _requirements_in()
    locked = _requirements_txt()
    assert "nh3" in wanted and "pip-tools" in wanted
    stale = {name: (version, locked.get(name, ("missing",))[0]) for name, version in wanted.items()}
    assert {name: pair for name, pair in stale.items() if pair[0] != pair[1]} == {}, "run make lock"
    for name, (_, hashes) in locked.items():
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), name


def test_make_installs_with_require_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = [line for line in makefile.splitlines() if "pip install" in line and "requirements.txt" in line]
    assert install and all("--require-hashes" in line for line in install)
    assert re.search(r"^lock:", makefile, re.MULTILINE) and "pip-compile --quiet --generate-hashes" in makefile


def test_every_action_is_pinned_to_a_commit_sha_with_its_version() -> None:
    uses = []
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(- )?uses:", line):
                uses.append((workflow.name, line.strip()))
    assert uses
    for name, line in uses:
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), (name, line)


def test_dependabot_watches_pip_and_actions() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "github-actions"}


def test_every_workflow_parses() -> None:
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        assert yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"], workflow
