"""The editors' validator: every rule on every file under docs/, and the report an editor reads.

boerneinddragelse.site (shared with the MkDocs hooks) checks front matter and the rules between fields and
pages; boerneinddragelse.checks adds links, images, HTML, markers, translations and files. Every problem
carries a stable rule id from the registry (boerneinddragelse.rules), which CONTRIBUTING.md explains.

Every fact about a page's Markdown (headings and their anchors, links, images, HTML, markers, code) comes
from its parsed page (boerneinddragelse.parsed_page), the one reading the build's generated lists use too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from . import data_checks
from .checks import Context, check_page, duplicates, reachability, unsafe_paths
from .filenames import stray_markdown_problems
from .problems import ERROR, WARNING, Problem
from .rules.files import INTERNAL_ERROR
from .rules.rule import reports
from .settings import CONFIG_FILE, check_config_file
from .site import Site, SourcePage, check_site, load_page, markdown_files
from .two_processes import split_work

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


@dataclass
class Report:
    problems: list[Problem]
    checked: int  # number of files checked
    paths: tuple[str, ...] = ()  # the files checked, as messages name them

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == WARNING for p in self.problems)

    @property
    def files_with_problems(self) -> int:
        return len({p.path for p in self.problems})


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(report: Report) -> str:
    """The closing line in Danish, e.g. ``3 fejl og 1 advarsel i 2 filer (45 filer tjekket).``"""
    checked = _plural(report.checked, "fil", "filer")
    if not report.problems:
        return f"Ingen problemer fundet i {checked}."
    parts = []
    if report.errors:
        parts.append(f"{report.errors} fejl")
    if report.warnings:
        parts.append(_plural(report.warnings, "advarsel", "advarsler"))
    return f"{' og '.join(parts)} i {_plural(report.files_with_problems, 'fil', 'filer')} ({checked} tjekket)."


def format_report(report: Report, style: str = "text") -> list[str]:
    lines = [p.format_github() if style == "github" else p.format() for p in report.problems]
    return [*lines, summary(report)]


def _clean(problem: Problem) -> Problem:
    """One problem per output line, whatever the editor's text contained."""
    return replace(
        problem,
        path=_CONTROL.sub(" ", problem.path),
        message=_CONTROL.sub(" ", problem.message).strip(),
        line=max(problem.line, 1),
        column=max(problem.column, 1),
    )


@reports(INTERNAL_ERROR)
def _internal_error(path: str, error: BaseException) -> Problem:
    detail = f"{type(error).__name__}: {error}"[:200]
    return INTERNAL_ERROR.at(path, 1, 1, detail=detail)


def _load_pages(docs_dir: Path, rels: Sequence[str], prefix: str) -> list[SourcePage | Problem]:
    """Each file read and checked on its own (site.load_page), or the internal error it ran into (the other
    files go on)."""
    loaded: list[SourcePage | Problem] = []
    for rel in rels:
        try:
            loaded.append(load_page(docs_dir, rel, prefix))
        except Exception as error:  # reported as intern-fejl
            loaded.append(_internal_error(prefix + rel, error))
    return loaded


def _guarded(path: str, check: Callable[[], Iterable[Problem]]) -> list[Problem]:
    try:
        return list(check())
    except Exception as error:  # one file's surprise must not stop the others
        return [_internal_error(path, error)]


def _guarded_page(context: Context, page: SourcePage) -> list[Problem]:
    return _guarded(page.path, lambda: check_page(context, page))


def _guarded_body(context: Context, page: SourcePage) -> object:
    """The page's parsed body, or None; a surprise is the page check's to report."""
    try:
        return context.body(page)
    except Exception:
        return None


def _site_rules(site: Site) -> list[Problem]:
    check_site(site)  # adds the model's cross-page problems to the pages, reported with them below
    return []


PagesWork = Callable[[Sequence[SourcePage]], list[Problem]]
# How the checks of each page are run: given the work and the pages, a function that gives their problems.
PageChecks = Callable[[PagesWork, Sequence[SourcePage]], Callable[[], list[Problem]]]


def _at_once(work: PagesWork, pages: Sequence[SourcePage]) -> Callable[[], list[Problem]]:
    done = split_work(work, pages)
    return lambda: done


@dataclass(frozen=True)
class PendingReport:
    """A report whose page checks may still be running beside the caller."""

    report: Callable[[], Report]  # waits for the checks
    # Errors are known already that the build must not get past (front matter, Markdown beyond the limits): the
    # checks ran at once, and the report is ready.
    urgent: bool


def check_docs(docs_dir: Path, prefix: str = "docs/", config_file: Path | None = None) -> tuple[Report, Site]:
    """Every rule on every file under docs_dir (and the editors' settings in config_file), and the site the
    build renders from.

    The validator and the MkDocs hooks both run these checks (the hooks through start_check), so the build
    refuses exactly what the validator refuses. ``prefix`` is how messages name docs_dir (relative to the
    repository root).
    """
    site, pending = start_check(docs_dir, prefix, config_file)
    return pending.report(), site


def start_check(
    docs_dir: Path, prefix: str = "docs/", config_file: Path | None = None, run_page_checks: PageChecks = _at_once
) -> tuple[Site, PendingReport]:
    """check_docs in two steps: the site is read now, the report when asked for. With
    ``run_page_checks=two_processes.beside`` the checks of each page run in a forked copy meanwhile, unless
    the site has errors already that nothing may read past (then they run at once)."""
    rels = markdown_files(docs_dir)
    loaded = split_work(lambda part: _load_pages(docs_dir, part, prefix), rels)
    pages = [item for item in loaded if isinstance(item, SourcePage)]
    problems = [item for item in loaded if isinstance(item, Problem)]
    site = Site(pages)
    problems += _guarded(prefix.rstrip("/"), lambda: _site_rules(site))
    context = Context(docs_dir, site, set(rels), prefix, config_file)
    problems += _guarded(prefix.rstrip("/"), lambda: duplicates(pages))
    problems += _guarded(prefix.rstrip("/"), lambda: reachability(site, set(rels)))
    problems += _guarded("scripts/data", lambda: data_checks.problems_beside(docs_dir, site))
    for page in pages:
        problems += page.problems
    # Each body is parsed now (the build reuses the reading): one beyond the limits must stop the build before
    # MkDocs' Markdown reads it.
    beyond_limits = any(getattr(_guarded_body(context, page), "limit", None) is not None for page in pages)
    urgent = beyond_limits or any(p.severity == ERROR for p in problems)
    run = _at_once if urgent else run_page_checks
    page_checks = run(lambda part: [p for page in part for p in _guarded_page(context, page)], pages)
    strays = stray_markdown_problems(docs_dir, prefix)
    problems += strays + unsafe_paths(docs_dir, prefix)
    if config_file is not None and config_file.is_file():
        problems += _guarded(config_file.name, lambda: check_config_file(config_file))
    others = [p.path[len(prefix) :] for p in strays]
    paths = tuple(prefix + rel for rel in (*rels, *others))
    report = lambda: Report(sorted(set(map(_clean, problems + page_checks()))), len(paths), paths)  # noqa: E731
    return site, PendingReport(report, urgent)


def validate(root: Path, only: set[str] | None = None) -> Report:
    """Check docs/ under root; report only on the files in ``only`` (paths like ``docs/x.md``) if given."""
    report, _ = check_docs(root / "docs", "docs/", root / CONFIG_FILE)
    if only is None:
        return report
    files = tuple(f for f in report.paths if f in only)
    problems = [p for p in report.problems if p.path in only or p.path in ("docs", CONFIG_FILE)]
    return Report(problems, len(files), files)
