"""A mistake in the data file, a page, a setting or mkdocs.yml stops the build, and the last lines
of the output are one plain summary naming the file, the line or field, the value and what to do,
with no Python traceback anywhere. Each case is judged by those last lines alone.

The data file's many ways to be wrong are covered case by case in tests/unit/test_model.py; here
a few of them prove the wiring, each for the cost of a build that stops before any page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from macros.common.problems import HEADLINE
from tests.support.bad_inputs import CASES, PLUGINS_IN_ORDER, assert_plain_summary
from tests.support.builds import ROOT, build, copy_project, make, replace

pytestmark = pytest.mark.same_for_any_school(
    "a mistake is named the same way whoever's data file it is in (the data file's own checks are "
    "unit tests, in tests/unit/data)")


def test_the_mutations_start_from_a_valid_project() -> None:
    assert PLUGINS_IN_ORDER in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_bad_input_ends_the_build_with_a_plain_summary(tmp_path: Path, case: str) -> None:
    mutations, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    for mutate in mutations:
        mutate(project)
    assert_plain_summary(build(tmp_path / "site", project=project), expected)


def test_a_configuration_with_another_docs_dir_in_another_folder_names_that_folder(tmp_path: Path) -> None:
    """The summary names the page where the configuration puts it, not in a folder called docs."""
    project = copy_project(tmp_path / "project")
    (project / "docs").rename(project / "pages")
    replace("mkdocs.yml", "docs_dir: docs\n", "docs_dir: pages\n")(project)
    replace("mkdocs.yml", "include_dir: docs/_includes", "include_dir: pages/_includes")(project)
    replace("pages/raise-a-concern.md", "(policy.md#raising-concerns)", "(polcy.md)")(project)
    result = build(tmp_path / "site", project=project)
    assert_plain_summary(result, [f"{project.as_posix()}/pages/raise-a-concern.md", "polcy.md"])
    assert "docs/raise-a-concern.md" not in result.last_lines


def test_an_invalid_build_date_is_named(tmp_path: Path) -> None:
    result = build(tmp_path / "site", env={"BUILD_DATE": "2027-13-01"})
    assert_plain_summary(result, ["BUILD_DATE", "'2027-13-01'", "YYYY-MM-DD", "BUILD_DATE=2027-01-20"])


def test_a_missing_data_file_named_by_school_data_fails(tmp_path: Path) -> None:
    result = build(tmp_path / "site", data_file=tmp_path / "nowhere.yml")
    assert_plain_summary(result, ["nowhere.yml", "cannot read the data file (No such file or directory)"])


def test_clause_lines_in_code_quotes_and_comments_are_not_clauses(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    quoted = "\n```\n- [C1] shown as code\n```\n\n> - [C2] quoted\n\n<!--\n- [C3] commented out\n-->\n"
    replace("docs/policy.md", "<p class=\"policy-thanks\">", quoted + "\n<p class=\"policy-thanks\">")(project)
    result = build(tmp_path / "site", project=project)
    assert result.ok, result.output
    policy = (result.site / "policy" / "index.html").read_text(encoding="utf-8")
    assert policy.count('data-clause="C1"') == 1 and "shown as code" in policy and "quoted" in policy


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    return make(project, "build")


def test_make_build_keeps_the_previous_site_when_it_fails(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    done = make_build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    before = (project / "site" / "policy" / "index.html").read_bytes()
    replace("docs/raise-a-concern.md", "(policy.md#raising-concerns)", "(polcy.md)")(project)
    failed = make_build(project)
    assert failed.returncode != 0
    # Make adds its own one line ("make: *** … Error 1") after the summary.
    summary = failed.stderr.rstrip().rsplit("-" * 72, 1)[0]
    assert HEADLINE in summary and "polcy.md" in summary.rsplit(HEADLINE, 1)[1]
    assert "Traceback" not in failed.stdout + failed.stderr
    assert (project / "site" / "policy" / "index.html").read_bytes() == before
    assert not (project / "site.partial").exists()
