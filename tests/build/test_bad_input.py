"""A mistake in the data file or a page stops the build with a message naming it, and no site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sitebuild import ROOT, build, copy_project

Mutation = Callable[[Path], None]


def replace(relative: str, old: str, new: str) -> Mutation:
    def mutate(project: Path) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def remove(relative: str) -> Mutation:
    return lambda project: (project / relative).unlink()


CASES: dict[str, tuple[Mutation, list[str]]] = {
    "bad email": (replace("school.yml", "admin@haydn", "admin@@haydn"),
                  ["school.yml", "contact.email", "'admin@@haydn.nottingham.sch.uk'"]),
    "invalid phone": (replace("school.yml", "0115 9150193", "0115 91501"),
                      ["school.yml", "contact.phone", "'0115 91501'"]),
    "misspelt key": (replace("school.yml", "email_subject:", "email_subjcet:"),
                     ["school.yml", "contact.email_subjcet", "Extra inputs are not permitted"]),
    "missing field": (replace("school.yml", '  team: "Senior Leadership Team"\n', ""),
                      ["school.yml", "contact.team", "Field required"]),
    "yaml syntax": (replace("school.yml", 'name: "Haydn Primary School"', 'name: "Haydn Primary School'),
                    ["school.yml", "YAML syntax error at line"]),
    "yaml 1.1 trap": (replace("school.yml", 'short_name: "Haydn"', "short_name: no"),
                      ["school.yml", "school.short_name", "value: False", "put it in quotes"]),
    # MkDocs itself stops first: `make serve` watches the data file.
    "missing data file": (remove("school.yml"), ["school.yml", "isn't an existing file"]),
    "duplicate clause": (replace("docs/policy.md", "- [C4]", "- [C2]"),
                         ["policy.md", "clause ID C2 is used twice"]),
    "duplicate response id": (replace("school.yml", 'id: "R4"', 'id: "R3"'),
                              ["school.yml", "responses", "'R3' appears twice"]),
    "undefined variable": (replace("docs/raise-a-concern.md", "{{ contact_actions() }}", "{{ contact_action }}"),
                           ["raise-a-concern.md", "'contact_action' is undefined"]),
    "broken link": (replace("docs/raise-a-concern.md", "(policy.md#raising-concerns)", "(polcy.md)"),
                    ["raise-a-concern.md", "polcy.md", "not found"]),
    "broken anchor": (replace("docs/raise-a-concern.md", "policy.md#raising-concerns", "policy.md#raising"),
                      ["raise-a-concern.md", "#raising"]),
    "missing include": (remove("docs/_includes/school-role.md"), ["school-role.md"]),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_the_build_naming_the_problem(tmp_path: Path, case: str) -> None:
    mutate, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    mutate(project)
    result = build(tmp_path / "site", project=project)
    assert not result.ok, result.output
    for fragment in expected:
        assert fragment in result.output, f"{fragment!r} not in:\n{result.output}"


def test_a_missing_data_file_named_by_school_data_fails(tmp_path: Path) -> None:
    result = build(tmp_path / "site", data_file=tmp_path / "nowhere.yml")
    assert not result.ok
    assert "nowhere.yml: cannot read the data file (No such file or directory)" in result.output


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    # The project's own venv, so the copy needs no install of its own.
    venv = Path(sys.executable).parent.parent
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(["make", "-s", "build", f"VENV={venv}", f"STAMP={venv}/.installed"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def test_make_build_leaves_no_site_when_it_fails_and_a_whole_one_when_it_succeeds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    replace("docs/raise-a-concern.md", "(policy.md#raising-concerns)", "(polcy.md)")(project)
    failed = make_build(project)
    assert failed.returncode != 0
    assert "polcy.md" in failed.stdout + failed.stderr
    assert not (project / "site").exists() and not (project / "site.partial").exists()
    replace("docs/raise-a-concern.md", "(polcy.md)", "(policy.md#raising-concerns)")(project)
    done = make_build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site" / "policy" / "index.html").is_file()
