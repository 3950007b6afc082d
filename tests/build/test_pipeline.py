"""The finishing step is the engine's last act under MkDocs, and a command for any other engine:
both give the same site."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.builds import Build, build, copy_project, replace, source_date_epoch

pytestmark = pytest.mark.same_for_any_school(
    "the finishing step run after the engine or as its last act is one code path, whatever the data file; "
    "another school's site, finished in the engine, is checked in tests/build/test_any_school.py")


def differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(compare: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in compare.left_only + compare.right_only + compare.diff_files)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_the_pipeline_command_after_a_plain_build_gives_the_same_site(real_build: Build, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", languages=None)  # compared with the shared build
    # MkDocs without the site's hooks: as any engine would leave the folder.
    replace("mkdocs.yml", "hooks:\n  - macros/engine/mkdocs_hooks.py\n", "")(project)
    plain = build(tmp_path / "site", project=project)
    assert plain.ok, plain.output
    assert "Content-Security-Policy" not in (plain.site / "policy" / "index.html").read_text(encoding="utf-8")
    assert not (plain.site / "c3").exists()
    done = subprocess.run([sys.executable, "-m", "macros.engine.finish", str(plain.site), "-f", "mkdocs.yml"],
                          cwd=project, capture_output=True, text=True, timeout=120,
                          env={"SOURCE_DATE_EPOCH": source_date_epoch(), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert differences(real_build.site, plain.site) == []


def test_the_pipeline_command_on_a_folder_that_is_not_a_built_site_names_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (tmp_path / "empty").mkdir()
    done = subprocess.run([sys.executable, "-m", "macros.engine.finish", str(tmp_path / "empty")], cwd=project,
                          capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "has no guidance page (policy/index.html)" in done.stderr.rstrip().splitlines()[-3]
