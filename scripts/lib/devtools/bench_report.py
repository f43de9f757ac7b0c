"""The bench's report: progress on stderr, the Markdown table on stdout."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report only names the type; bench_timing needs progress() from here
    from devtools.bench_timing import Timing


_started = time.perf_counter()


def progress(message: str) -> None:
    print(f"[bench {time.perf_counter() - _started:6.1f} s] {message}", file=sys.stderr, flush=True)


@dataclass
class Row:
    metric: str
    value: str
    goal: str = "—"
    ok: bool | None = None

    def cells(self) -> list[str]:
        return [self.metric, self.value, self.goal, {True: "yes", False: "NO", None: "—"}[self.ok]]


def print_table(rows: list[Row]) -> None:
    lines = [["metric", "value", "goal", "ok?"], ["---"] * 4, *(row.cells() for row in rows)]
    print("\n".join("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |" for line in lines))


def timing_or_reason(timing: Timing | None, note: str) -> str:
    return f"{timing}{note}" if timing is not None else f"n/a ({note})"


def size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.2f} MB ({n:,} B)"
    return f"{n / 1024:.1f} KB ({n:,} B)"


def elapsed() -> float:
    """Seconds since the bench started."""
    return time.perf_counter() - _started
