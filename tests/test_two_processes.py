"""Work split over two processes gives what the work gives in one (two_processes)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from boerneinddragelse import two_processes

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def test_short_lists_and_threaded_processes_are_done_in_this_process() -> None:
    seen: list[int] = []

    def work(items):  # type: ignore[no-untyped-def]
        seen.append(len(items))
        return [i * 2 for i in items]

    assert two_processes.split_work(work, list(range(10))) == [i * 2 for i in range(10)]
    assert seen == [10]


def test_the_validators_report_is_the_same_in_two_processes() -> None:
    """Every fixture tree with problems, checked in one process, with the pages split over two, and with the checks
    of each page in a forked copy while the caller goes on (as the build runs them). In a
    fresh interpreter: the test runner's own threads make forking unsafe here (two_processes refuses)."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from boerneinddragelse import two_processes
        from boerneinddragelse.validation import check_docs, format_report, start_check
        trees = sorted(p.parent for p in Path({str(FIXTURES)!r}).rglob("docs") if p.is_dir())
        forked = 0
        original = two_processes.os.fork
        def counted():
            global forked
            forked += 1
            return original()
        two_processes.os.fork = counted
        for tree in trees:
            two_processes.MIN_ITEMS = 10**9
            one = format_report(check_docs(tree / "docs", "docs/")[0])
            two_processes.MIN_ITEMS = 2
            two = format_report(check_docs(tree / "docs", "docs/")[0])
            beside = format_report(start_check(tree / "docs", "docs/", None, two_processes.beside)[1].report())
            assert one == two == beside, (tree, one, two, beside)
        print(len(trees), forked)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    trees, forked = map(int, result.stdout.split())
    assert trees > 50 and forked > 50  # the pages were split, and every report came out the same


def test_nothing_is_worked_out_ahead_for_short_lists_or_where_forking_is_unsafe(monkeypatch) -> None:
    short = two_processes.ahead(lambda item: item * 2, list(range(10)))
    assert short.result(0) is None  # the caller works each out itself
    monkeypatch.setattr(two_processes, "_can_fork", lambda: False)  # e.g. a process with threads
    unsafe = two_processes.ahead(lambda item: item * 2, list(range(10_000)))
    assert [unsafe.result(i) for i in (0, 9_999)] == [None, None]
    unsafe.close()


def test_results_worked_out_ahead_arrive_in_order_and_a_failed_item_is_left_to_the_caller() -> None:
    """In a fresh interpreter (no threads): a forked copy works every item out and sends it back in chunks; an
    item it fails on comes back as None, and so does everything after the copy stops."""
    script = textwrap.dedent(
        """
        import os
        from boerneinddragelse import two_processes

        def work(item):
            if item == 7:
                raise ValueError("the caller meets this itself")
            if item == 900:
                os._exit(3)  # the copy dies: nothing from here on
            return (str(item), [item])

        items = list(range(1000))
        ahead = two_processes.ahead(work, items)
        got = [ahead.result(i) for i in items]
        ahead.close()
        assert got[0] == ("0", [0]) and got[899] == ("899", [899]), got[:3]
        assert got[7] is None
        stopped = 900 // two_processes.AHEAD_CHUNK * two_processes.AHEAD_CHUNK  # its chunk never arrives
        assert got[stopped - 1] is not None and all(g is None for g in got[stopped:])
        assert ahead.result(5) == ("5", [5])  # what arrived stays there
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]
