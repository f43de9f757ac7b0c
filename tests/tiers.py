"""The three tiers of the suite (pyproject.toml registers the markers; `make test` runs them in order).

- unit: everything not marked below; it starts no MkDocs build, no `make`, no browser. The guard
  (pytest_runtest_protocol below) fails a unit test that tries, so a slow test cannot slip into the tier.
- build: builds sites with MkDocs (in a subprocess or in process), runs make targets, builds the zip;
  every `slow` test is here too.
- browser: opens a built site in Chromium (Playwright).

A test gets its tier from the marker written on it or its module, from the fixtures it uses (pytest
counts every fixture it depends on, however indirectly), or, for the browser, from its module's name
(test_*_browser.py).
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

# Fixtures that open Chromium; any test that depends on one of them is a browser test.
BROWSER_FIXTURES = {"browser", "page"}
# Fixtures that build a site or a zip (here and in the test modules).
BUILD_FIXTURES = {
    "built_site",
    "small_site",
    "search_fixture_site",
    "html_fixture_site",
    "offline_zip",
    "both_builds",
    "published",
    "published_small",
    "hostile",
}
# Programs and scripts that build: a unit test may not start them.
DRY_RUN = {"-n", "--dry-run", "--just-print", "--recon"}
BUILDING_PROGRAMS = ("mkdocs", "properdocs", "make", "build_bypassing_validator.py", "build_offline.py")


def tier_of(item: pytest.Item) -> str:
    """browser, build or unit, by the marker written on the test, its fixtures and its module."""
    names = set(getattr(item, "fixturenames", ()))
    module = item.module.__name__.rpartition(".")[2] if getattr(item, "module", None) else ""
    if item.get_closest_marker("browser") or names & BROWSER_FIXTURES or module.endswith("_browser"):
        return "browser"
    # A slow test (a large synthetic catalogue, a whole editor's day) runs with the builds.
    if item.get_closest_marker("build") or item.get_closest_marker("slow") or names & BUILD_FIXTURES:
        return "build"
    return "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        tier = tier_of(item)
        if tier != "unit" and not item.get_closest_marker(tier):
            item.add_marker(getattr(pytest.mark, tier))


def builds(args: Any) -> str | None:
    """The building program in a command line (list or string), or None."""
    parts = args if isinstance(args, list | tuple) else [args]
    # A shell script given as one argument (bash -c "make …") counts word by word.
    words = " ".join(str(p) for p in parts).split()
    if words and Path(words[0]).name == "make" and DRY_RUN & set(words):
        return None  # make -n only prints what it would run
    for word in words:
        if Path(word).name in BUILDING_PROGRAMS:
            return word
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Around a unit test's setup (module and session fixtures included), call and teardown: starting
    MkDocs, make or a build script fails the test; mark the test or its fixture as a build test instead."""
    if tier_of(item) != "unit":
        yield
        return
    with refusing_builds():
        yield


@contextlib.contextmanager
def refusing_builds() -> Iterator[None]:
    original = subprocess.Popen.__init__

    def guarded(self: subprocess.Popen[Any], args: Any, *rest: Any, **options: Any) -> None:
        program = builds(args)
        if program is not None:
            pytest.fail(f"a unit test starts {program!r}: mark the test (or its fixture) as a build test", False)
        original(self, args, *rest, **options)

    def in_process_build(*args: Any, **kwargs: Any) -> None:
        pytest.fail("a unit test builds a site with mkdocs.commands.build: mark it as a build test", False)

    with (
        mock.patch.object(subprocess.Popen, "__init__", guarded),
        mock.patch("mkdocs.commands.build.build", in_process_build),
    ):
        yield
