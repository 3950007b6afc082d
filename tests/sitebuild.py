"""The one way tests build a site: the real `mkdocs build --strict`, into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools import copy_build_inputs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MKDOCS = Path(sys.executable).with_name("mkdocs")


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(dest: Path) -> Path:
    """A private copy of the project, for tests that break a part of it."""
    return copy_build_inputs(dest)


def build(site: Path, project: Path = ROOT, data_file: Path | None = None) -> Build:
    """Build `project` into `site`, with another data file if given; never raises on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SCHOOL_DATA", None)
    if data_file is not None:
        env["SCHOOL_DATA"] = str(data_file)
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)
