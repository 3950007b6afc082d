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

from macros.problems import HEADLINE
from tests.sitebuild import DATA, ROOT, Build, Mutation, build, copy_project, make, remove, replace

NAME, EMAIL, PHONE = DATA.school.name, DATA.contact.email, DATA.contact.phone
PLUGINS_IN_ORDER = "plugins:\n  - search:\n      lang: en\n  - macros:\n"

CASES: dict[str, tuple[list[Mutation], list[str]]] = {
    "bad email": ([replace("school.yml", EMAIL, EMAIL.replace("@", "@@"))],
                  ["school.yml, line", "contact.email", repr(EMAIL.replace("@", "@@"))]),
    "invalid phone": ([replace("school.yml", PHONE, PHONE[:-2])], ["school.yml, line", "contact.phone", repr(PHONE[:-2])]),
    "misspelt key": ([replace("school.yml", "email_subject:", "email_subjcet:")],
                     ["school.yml, line", "contact.email_subjcet", "Extra inputs are not permitted"]),
    "curly quotes": ([replace("school.yml", f'name: "{NAME}"', f"name: “{NAME}”")],
                     ["school.yml, line", "school.name", "curly quotes", f"“{NAME}”", f'name: "{NAME}"']),
    "tab indentation": ([replace("school.yml", '  email: "', '\temail: "')],
                        ["school.yml, line", "indented with a tab", "replace the tab with spaces"]),
    "yaml syntax": ([replace("school.yml", f'name: "{NAME}"', f'name: "{NAME}')],
                    ["school.yml, line", "YAML syntax error"]),
    "missing data file": ([remove("school.yml")], ["school.yml", "cannot read the data file"]),
    "duplicate clause": ([replace("docs/policy.md", "- [C4]", "- [C2]")],
                         ["docs/policy.md", "clause ID C2 is used twice"]),
    "undefined variable in the policy": (
        [replace("docs/policy.md", "{{ policy_title }}", "{{ policy_titel }}")],
        ["docs/policy.md, line 8", "'policy_titel' is undefined", "# {{ policy_titel }}"]),
    "undefined variable in another page": (
        [replace("docs/raise-a-concern.md", "{{ contact_actions() }}", "{{ contact_action }}")],
        ["docs/raise-a-concern.md, line", "'contact_action' is undefined", "The value: {{ contact_action }}"]),
    "missing include": ([remove("docs/_includes/school-role.md")],
                        ["docs/index.md, line", "school-role.md, which is not in docs/_includes/"]),
    "broken link": ([replace("docs/raise-a-concern.md", "(policy.md#raising-concerns)", "(polcy.md)")],
                    ["docs/raise-a-concern.md", "polcy.md", "not found"]),
    "broken anchor": ([replace("docs/raise-a-concern.md", "policy.md#raising-concerns", "policy.md#raising")],
                      ["docs/raise-a-concern.md", "#raising"]),
    "clause on a page that cannot hold clauses": (
        [replace("docs/group-rules.md", "# Rules for your class group\n", "# Rules for your class group\n\n- [Z1] A rule\n")],
        ["docs/group-rules.md", "defines clause Z1", "only the guidance (docs/policy.md) may define clauses"]),
    "search plugin missing": ([replace("mkdocs.yml", "  - search:\n      lang: en\n", "")],
                              ["mkdocs.yml, plugins", "search plugin is missing"]),
    "plugins misordered": ([replace("mkdocs.yml", "  - search:\n      lang: en\n", ""),
                            replace("mkdocs.yml", "      on_error_fail: true\n",
                                    "      on_error_fail: true\n  - search:\n      lang: en\n")],
                           ["mkdocs.yml, plugins", "`search` comes after `macros`", "macros, material/search"]),
    "unknown plugin": ([replace("mkdocs.yml", "  - search:", "  - serch:")],
                       ["mkdocs.yml, plugins", 'The "serch" plugin is not installed']),
}


def assert_plain_summary(result: Build, expected: list[str]) -> None:
    assert not result.ok, result.output
    assert "Traceback" not in result.output and 'File "' not in result.output, result.output
    last = result.last_lines
    assert last.startswith(HEADLINE), f"the output does not end with the summary:\n{result.output[-3000:]}"
    assert result.output.rstrip().endswith("-" * 72), result.output[-500:]
    assert len(last.splitlines()) <= 12, last
    assert "What to do:" in last
    for fragment in expected:
        assert fragment in last, f"{fragment!r} not in the last lines:\n{last}"


def test_the_mutations_start_from_a_valid_project() -> None:
    assert PLUGINS_IN_ORDER in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_bad_input_ends_the_build_with_a_plain_summary(tmp_path: Path, case: str) -> None:
    mutations, expected = CASES[case]
    project = copy_project(tmp_path / "project")
    for mutate in mutations:
        mutate(project)
    assert_plain_summary(build(tmp_path / "site", project=project), expected)


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
