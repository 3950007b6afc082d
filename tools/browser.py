"""Chromium and a loopback web server: the release tool prints a version's PDF with them, and
the browser tests and the benchmark drive them.

`python -m tools.browser` exits 0 when a system Chromium is found, so `make test` downloads
Playwright's own browser only on machines that have none.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium without its windowing layers (Debian's chromium-headless-shell), as Playwright runs
# headless tests by default: the same Blink and V8, the browser tests in about 40 % less processor
# time here. The tests take it when there is one; the benchmark, the one-off Lighthouse run and a
# release's PDF keep the browser a visitor runs.
HEADLESS_SHELLS = ("chromium-headless-shell",)
# Flags for a closed network: no background calls home that the sandbox would refuse.
ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def system_chromium(headless_shell: bool = False) -> str | None:
    """$CHROMIUM_PATH, else (when `headless_shell` is asked for) Chromium's headless shell on PATH,
    else the first Chromium on PATH; None means Playwright's own."""
    named = os.environ.get("CHROMIUM_PATH")
    if named:
        return named
    for name in (*HEADLESS_SHELLS, *CANDIDATES) if headless_shell else CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's parameter name
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page closed mid-response (a late search index, say) is expected, not news.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve a folder on a free loopback port; yields its URL, ending in a slash."""
    server = QuietServer((LOOPBACK, 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":
    path = system_chromium()
    print(f"Chromium: {path}" if path else "No system Chromium: installing Playwright's own.")
    sys.exit(0 if path else 1)
