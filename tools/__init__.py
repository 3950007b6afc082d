"""Tools for maintainers, not part of the build: releasing a version, review reminders, Chromium for tests."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_path() -> Path:
    """The data file the build uses: SCHOOL_DATA (relative to the project) if set, else school.yml."""
    return (ROOT / (os.environ.get("SCHOOL_DATA") or "school.yml")).resolve()
