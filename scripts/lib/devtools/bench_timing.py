"""Timed runs of the builds and the validator, and the sizes of the output."""

from __future__ import annotations

import gzip
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from boerneinddragelse import catalogue_pages
from devtools.bench_limits import BUILD_RUNS, BUILD_TIMEOUT, CATALOGUE, VALIDATOR_TIMEOUT
from devtools.bench_project import environment
from devtools.bench_report import progress


@dataclass
class Timing:
    wall: float  # seconds on the clock: what the goals are about
    cpu: float  # user + system seconds of the child: less disturbed by other work on the machine

    def __str__(self) -> str:
        return f"{self.wall:.1f} s (CPU {self.cpu:.1f} s)"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], cwd: Path, timeout: float) -> tuple[Timing, subprocess.CompletedProcess[str]]:
    started, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(
        args, cwd=cwd, env=environment(), capture_output=True, text=True, timeout=timeout, check=False
    )
    return Timing(time.perf_counter() - started, _children_cpu() - cpu), result


@dataclass
class BuildJob:
    config: Path
    site: Path
    strict: bool
    best: Timing | None = None
    failed: str = ""

    def run(self, round_number: int) -> None:
        if self.failed:
            return
        args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(self.config), "-d", str(self.site)]
        if self.strict:
            args.append("--strict")
        try:
            timing, result = timed(args, self.config.parent, BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.failed = f"timed out after {BUILD_TIMEOUT} s"
            return
        progress(f"  {self.config.name} run {round_number}: {timing} (exit {result.returncode})")
        if result.returncode != 0:
            print("\n".join(result.stderr.strip().splitlines()[-20:]), file=sys.stderr)
            self.failed = f"exit {result.returncode}"
            return
        if self.best is None or timing.wall < self.best.wall:
            self.best = timing


def build_alternately(jobs: list[BuildJob]) -> None:
    """Best of BUILD_RUNS rounds for each job; the jobs take turns, so a slow spell of this
    (shared, virtual) machine hits all of them rather than one."""
    for round_number in range(1, BUILD_RUNS + 1):
        for job in jobs:
            job.run(round_number)


@dataclass
class Output:
    total: int
    pages: int
    largest_example: tuple[str, int] | None
    catalogue_index: int | None
    search_index: int | None  # every file in search/ (the index the search worker loads)
    search_index_gzip: int | None  # the same files, each gzip-compressed (level 6, as web servers send them)
    search_files: list[str]
    largest_page: tuple[str, int]


def measure_output(site: Path) -> Output:
    total = 0
    pages: dict[str, int] = {}
    for path in site.rglob("*"):
        if path.is_file():
            n = path.stat().st_size
            total += n
            if path.suffix == ".html" and path.name != "404.html":
                pages[path.relative_to(site).as_posix()] = n
    examples = {
        rel: n
        for rel, n in pages.items()
        if rel.startswith(f"{CATALOGUE}/")
        and rel.count("/") == 2
        and not catalogue_pages.is_reserved(rel.rsplit("/", 1)[0] + ".md")  # the catalogue's own pages 2, 3 …
    }
    search = sorted(p for p in (site / "search").rglob("*") if p.is_file())
    return Output(
        total=total,
        pages=len(pages),
        largest_example=max(examples.items(), key=lambda item: item[1]) if examples else None,
        catalogue_index=pages.get(f"{CATALOGUE}/index.html"),
        search_index=sum(p.stat().st_size for p in search) if search else None,
        search_index_gzip=sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in search) if search else None,
        search_files=[p.relative_to(site).as_posix() for p in search],
        largest_page=max(pages.items(), key=lambda item: item[1]),
    )


def run_validator(script: Path, tree: Path) -> tuple[Timing | None, str]:
    """Wall time of ``python scripts/validate.py`` in tree, or None and why it could not run."""
    if not script.exists():
        return None, "scripts/validate.py does not exist"
    try:
        timing, result = timed([sys.executable, str(script)], tree, VALIDATOR_TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {VALIDATOR_TIMEOUT} s"
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return None, f"exit {result.returncode}: {last[:120]}"
    note = "" if result.returncode == 0 else " (exit 1: problems found)"
    return timing, note
