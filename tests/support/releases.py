"""Releases: a releasable copy of the project, and `make release` run in it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.builds import ROOT, copy_project

C2_OLD = "[C2] The group is not a political platform for airing opinions on current affairs"
C2_NEW = "[C2] The group is not a platform for airing political opinions on current affairs"


def releasable_copy(dest: Path) -> Path:
    """A private copy of the project with the release tool, which releases into it."""
    project = copy_project(dest)
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def release(project: Path, version: str, *extra: str, today: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m tools.release` in the copy, on its own data file, as of `today` if given."""
    env = {key: value for key, value in os.environ.items() if key not in ("SCHOOL_DATA", "BUILD_DATE")}
    if today:
        env["BUILD_DATE"] = today
    return subprocess.run(
        [sys.executable, "-m", "tools.release", "--version", version, "--summary", f"Release {version}", *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )
