"""Tools for maintainers, not part of the build: releasing a version, review reminders, Chromium for tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.data import settings

ROOT = Path(__file__).resolve().parent.parent
# What a site is built from.
BUILD_INPUTS = ("mkdocs.yml", "school.yml", "docs", "overrides", "macros", "translations")


def data_path() -> Path:
    """The data file the build uses (macros/data/settings.py says which)."""
    return settings.data_path(ROOT / "mkdocs.yml")


def copy_build_inputs(dest: Path) -> Path:
    """A private copy of what a site is built from, to change or build apart from the project."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in BUILD_INPUTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest
