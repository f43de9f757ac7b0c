"""A folder served over HTTP on 127.0.0.1 while a block runs: the built site as a browser meets it, for the
bench, the first-view measurement and the browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request (a page load is dozens of requests)."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve directory on a random free port; yields its root URL, ending in a slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
