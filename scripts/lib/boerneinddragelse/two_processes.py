"""Work on a large list in two processes, on the machines where that is safe and worth it.

The validator's checks of each page are independent of each other once the site is read, and they are half
of its time on a large catalogue: with two cores, a forked copy of the process checks the second half of
the pages while this one checks the first (split_work). The build has other work to do meanwhile: there the
copy checks every page while the build goes on, and the build waits for the verdict at its end (beside).
What the build will need of each page in turn can be worked out by a copy ahead of it (ahead).

Where fork is missing (Windows), in a process with other threads
running (a fork copies only the calling thread, and a lock another thread holds would never be released in
the copy: the preview's server, pytest-xdist's workers), for short lists, or when the copy fails in any
way, the whole list is done here, one item after the other. The result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400  # below this, starting a process costs more than it saves
AHEAD_CHUNK = 20  # results sent back at a time by ahead(): the caller waits for at most this many


def _can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _in_child(work: Callable[[Sequence[T]], list[R]], items: Sequence[T], descriptor: int) -> None:
    """In the forked copy: do the work, send the pickled result, and leave without running anything else."""
    status = 1
    try:
        data = pickle.dumps(work(items))
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        status = 0
    finally:
        os._exit(status)  # no atexit handlers, no flushing of buffers the parent owns


def split_work(work: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> list[R]:
    """work(items), the second half done in a forked copy of this process where that is safe."""
    middle = len(items) // 2
    copy = _copy(items, lambda descriptor: _in_child(work, items[middle:], descriptor))
    if copy is None:
        return work(items)
    pid, read_end = copy
    try:
        first = work(items[:middle])
        data = _read_all(read_end)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return first + work(items[middle:])  # the copy failed: do its half here
    return first + pickle.loads(data)  # from our own forked copy, through a pipe no one else holds


def _copy(items: Sequence[Any], child: Callable[[int], None]) -> tuple[int, int] | None:
    """A forked copy of this process that runs child(the write end of a pipe), which leaves with os._exit; here,
    its pid and the pipe's read end. None where a copy is not safe or not worth it for the items, or fails."""
    if len(items) < MIN_ITEMS or not _can_fork():
        return None
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        child(write_end)
    os.close(write_end)
    return pid, read_end


def beside(work: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> Callable[[], list[R]]:
    """work(items) in a forked copy of this process while this one goes on; the function returned waits for
    the result (and does the work here if the copy failed). Where a copy is not safe or not worth it, the
    work is done here at once."""
    copy = _copy(items, lambda descriptor: _in_child(work, items, descriptor))
    if copy is None:
        done = work(items)
        return lambda: done
    pid, read_end = copy
    results: list[list[R]] = []

    def result() -> list[R]:
        if not results:
            try:
                data = _read_all(read_end)
            finally:
                os.close(read_end)
                _, status = os.waitpid(pid, 0)
            results.append(pickle.loads(data) if status == 0 and data else work(items))
        return results[0]

    return result


class Ahead(Generic[R]):
    """Results worked out ahead of the caller: ``result(i)`` gives work(items[i]), or None where it is not
    there (the copy failed on it, or there is no copy): the caller then works it out itself."""

    def __init__(self, stream: BinaryIO | None = None, pid: int = 0) -> None:
        self._stream, self._pid, self._results = stream, pid, list[R | None]()

    def result(self, index: int) -> R | None:
        while self._stream is not None and len(self._results) <= index:
            try:
                self._results.extend(pickle.load(self._stream))  # from our own forked copy, through our own pipe
            except Exception:  # the copy is done (or failed): what came is what there is
                self.close()
        return self._results[index] if index < len(self._results) else None

    def close(self) -> None:
        """Stop reading; a copy still writing stops on the closed pipe."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
            os.waitpid(self._pid, 0)


def _ahead_in_child(work: Callable[[T], R], items: Sequence[T], descriptor: int) -> None:
    status = 1
    try:
        with os.fdopen(descriptor, "wb") as stream:
            for start in range(0, len(items), AHEAD_CHUNK):
                part = []
                for item in items[start : start + AHEAD_CHUNK]:
                    try:
                        part.append(work(item))
                    except Exception:  # the caller works this one out itself, and meets the error there
                        part.append(None)
                pickle.dump(part, stream)
                stream.flush()
        status = 0
    finally:
        os._exit(status)


def ahead(work: Callable[[T], R], items: Sequence[T]) -> Ahead[R]:
    """work(item) for each item in a forked copy of this process, started now and sent back in order a few at a
    time, so that the caller, going through the items in the same order, finds each result there or waits only
    for its few. Where a copy is not safe or not worth it, nothing is worked out ahead."""
    copy = _copy(items, lambda descriptor: _ahead_in_child(work, items, descriptor))
    if copy is None:
        return Ahead()
    pid, read_end = copy
    return Ahead(os.fdopen(read_end, "rb"), pid)
