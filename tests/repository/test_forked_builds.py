"""The suite's builds are forked from a process that has imported this repository's site packages
(tests/support/forked_engine.py): a project copy whose packages differ is built in a new
interpreter instead, so that it is built with its own code."""

from __future__ import annotations

from pathlib import Path

from tests.support.builds import ROOT, copy_project, has_our_packages


def test_only_a_copy_with_this_repositorys_site_packages_is_built_forked(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert has_our_packages(ROOT) and has_our_packages(project)
    changed = project / "macros" / "common" / "dates.py"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# changed in the copy\n", encoding="utf-8")
    assert not has_our_packages(project)
