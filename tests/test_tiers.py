"""The unit tier's guard (tests/tiers.py): a unit test that starts a build fails instead of slowing the tier."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tiers import builds, tier_of

REFUSED = pytest.fail.Exception


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "mkdocs", "--version"],
        ["/work/x/.venv/bin/mkdocs", "build"],
        ["make", "--no-print-directory", "build"],
        ["bash", "-e", "-c", "make offline BUILD_DATE=2026-01-01"],
        "mkdocs build --strict",
    ],
)
def test_a_unit_test_may_not_start_a_build(command: list[str] | str) -> None:
    with pytest.raises(REFUSED, match="a unit test starts"):
        subprocess.run(command, capture_output=True, check=False)


def test_a_unit_test_may_not_build_in_process() -> None:
    from mkdocs.commands import build

    with pytest.raises(REFUSED, match=r"mkdocs\.commands\.build"):
        build.build(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "command",
    [["git", "--version"], [sys.executable, "-c", "pass"], ["make", "-n", "validate"], "echo made"],
)
def test_other_programs_and_dry_runs_are_allowed(command: list[str] | str) -> None:
    assert builds(command) is None


def test_this_module_is_in_the_unit_tier(request: pytest.FixtureRequest) -> None:
    assert tier_of(request.node) == "unit"
    assert request.node.get_closest_marker("build") is None


@pytest.mark.build
def test_a_build_test_may_start_mkdocs(request: pytest.FixtureRequest) -> None:
    assert tier_of(request.node) == "build"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
