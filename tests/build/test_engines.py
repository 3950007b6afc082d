"""The site builds with ProperDocs too: MkDocs' site but for the generator line, and a mistake
ends in the same plain summary."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.support.bad_inputs import CASES, assert_plain_summary
from tests.support.builds import Build, build, copy_project

pytestmark = pytest.mark.same_for_any_school(
    "two engines building one tree: the data file is one input among the rest")

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


def contents(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def generators(files: dict[str, bytes]) -> set[str]:
    return {m for name, data in files.items() if name.endswith(".html") for m in GENERATOR.findall(data.decode())}


def test_properdocs_builds_the_same_site_but_for_the_generator_line(real_build: Build, tmp_path: Path) -> None:
    properdocs = build(tmp_path / "site", engine="properdocs")
    assert properdocs.ok, properdocs.output
    mkdocs_files, properdocs_files = contents(real_build.site), contents(properdocs.site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    material = f"mkdocs-material-{version('mkdocs-material')}"
    assert generators(mkdocs_files) == {f"mkdocs-{version('mkdocs')}, {material}"}
    assert generators(properdocs_files) == {f"mkdocs-ProperDocs {version('properdocs')}, {material}"}
    differing = [name for name in mkdocs_files if mkdocs_files[name] != properdocs_files[name]]
    assert differing, "the generator line differs, at least"
    for name in differing:
        assert name.endswith(".html"), f"{name} differs"
        left, right = (GENERATOR.sub("", files[name].decode()) for files in (mkdocs_files, properdocs_files))
        assert left == right, f"{name} differs beyond its generator line"


# ProperDocs runs MkDocs' code: a mistake in a page is enough to show its summary is the same.
MISTAKES = ("undefined variable in another page", "broken link")


@pytest.mark.parametrize("case", MISTAKES)
def test_properdocs_ends_a_mistake_in_the_same_plain_summary(tmp_path: Path, case: str) -> None:
    mutations, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    for mutate in mutations:
        mutate(project)
    assert_plain_summary(build(project / "site", project=project, engine="properdocs"), expected)
