"""Which Chromium the browser tests drive: $CHROMIUM_PATH, else the system's, else Playwright's.

`python -m tests.browser.chromium` exits 0 when a system Chromium is found, so `make test`
only downloads Playwright's own browser on machines that have none.
"""

from __future__ import annotations

import os
import shutil
import sys

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Flags for a closed network: no background calls home that the sandbox would refuse.
ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def system_chromium() -> str | None:
    named = os.environ.get("CHROMIUM_PATH")
    if named:
        return named
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


if __name__ == "__main__":
    path = system_chromium()
    print(f"Chromium: {path}" if path else "No system Chromium: installing Playwright's own.")
    sys.exit(0 if path else 1)
