"""`make release` is all or nothing: run in a git repository copy of the project, any failure
leaves `git status` clean, names the input as it was typed, and success lists what to commit."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from macros.common.dates import long_date
from macros.data import model
from tests.support.builds import ROOT, build, make, replace
from tests.support.releases import C2_NEW, C2_OLD, releasable_copy, release

DATA_FILE = (ROOT / (os.environ.get("SCHOOL_DATA") or "school.yml")).resolve()
pytestmark = pytest.mark.same_for_any_school(
    "all or nothing, and what to commit, are the same for any school (another school's first "
    "release is made in tests/build/test_versions.py)")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return committed_copy(tmp_path / "project")


def committed_copy(dest: Path) -> Path:
    """The project with the data file in use as its own school.yml, committed to a new repository."""
    project = releasable_copy(dest)
    for name in ("Makefile", "requirements.lock", ".gitignore"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copy2(DATA_FILE, project / "school.yml")
    git(project, "init", "--quiet")
    commit(project, "The project as it is")
    return project


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-m", message)


def status(repo: Path) -> list[str]:
    return git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()


def data(repo: Path) -> model.SchoolData:
    return model.load(repo / "school.yml")


def next_number(recorded: model.SchoolData) -> str:
    if not recorded.versions:
        return "1.0"
    *head, last = recorded.versions[-1].number.split(".")
    return ".".join([*head, str(int(last) + 1)])


def approval(repo: Path) -> tuple[dict[str, str], str]:
    """Good inputs for the next version of the repository's data file, and the day to release it on."""
    latest = data(repo).versions[-1].approved_on if data(repo).versions else None
    approved = max(latest or dt.date(2027, 1, 20), dt.date(2027, 1, 20)) + dt.timedelta(days=30)
    return {"VERSION": next_number(data(repo)), "APPROVED_ON": approved.isoformat(),
            "APPROVED_BY": "Full Governing Body", "MINUTE_REF": "FGB 27/03",
            "EFFECTIVE_FROM": (approved + dt.timedelta(days=7)).isoformat(),
            "NEXT_REVIEW": (approved + dt.timedelta(days=365)).isoformat(),
            "SUMMARY": "Reworded C2"}, (approved + dt.timedelta(days=1)).isoformat()


def make_release(repo: Path, values: dict[str, str], today: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """`make release`, as a person runs it, values in the environment; the shared virtualenv, never reinstalled."""
    return make(repo, "release", env={"BUILD_DATE": today, **values, **extra_env}, drop=("SOURCE_DATE_EPOCH",))


def assert_refused(done: subprocess.CompletedProcess[str], said: str) -> None:
    """Failed with a plain message, the input's name first, as the last lines of output."""
    assert done.returncode != 0, done.stdout
    errors = [line for line in done.stderr.splitlines() if not line.startswith("make: ***")]
    assert errors[-1] == "Nothing was released and no file was changed.", done.stderr
    assert any(line.startswith(said) for line in errors[:-1]), done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"SUMMARY": ""}, "SUMMARY (--summary) is missing: a one-line summary of what changed is needed"),
        ({"VERSION": "../1.3"}, "VERSION (--version) '../1.3' is not a version number"),
        ({"APPROVED_ON": "2027-02-30"}, "APPROVED_ON (--approved-on) '2027-02-30' is not a date"),
        ({"NEXT_REVIEW": "2027-01-01"}, "NEXT_REVIEW (--next-review) 2027-01-01 is not after APPROVED_ON"),
    ],
)
def test_a_bad_input_changes_nothing(repo: Path, changes: dict[str, str], said: str) -> None:
    replace("docs/policy.md", C2_OLD, C2_NEW)(repo)
    commit(repo, "The text being approved")
    values, today = approval(repo)
    assert_refused(make_release(repo, {**values, **changes}, today), said)
    assert status(repo) == []


def test_a_version_already_recorded_changes_nothing(repo: Path) -> None:
    values, today = approval(repo)
    if not data(repo).versions:  # a school with no history yet records its first
        done = release(repo, values["VERSION"], "--approved-on", values["APPROVED_ON"],
                       "--approved-by", values["APPROVED_BY"], "--no-pdf", today=today)
        assert done.returncode == 0, done.stdout + done.stderr
        commit(repo, "The first version")
        values, today = approval(repo)
    latest = data(repo).versions[-1].number
    assert_refused(make_release(repo, {**values, "VERSION": latest}, today),
                   f"VERSION (--version) {latest} is already recorded in school.yml")
    assert status(repo) == []


def test_a_site_that_does_not_build_changes_nothing(repo: Path) -> None:
    replace("docs/policy.md", C2_OLD, C2_NEW + " [a broken link](no-such-page.md)")(repo)
    commit(repo, "A broken link")
    values, today = approval(repo)
    done = make_release(repo, values, today)
    assert_refused(done, "The site does not build")
    assert "no-such-page.md" in done.stderr
    assert status(repo) == []


def test_a_pdf_that_cannot_be_printed_changes_nothing(repo: Path) -> None:
    replace("docs/policy.md", C2_OLD, C2_NEW)(repo)
    commit(repo, "The text being approved")
    values, today = approval(repo)
    done = make_release(repo, values, today, CHROMIUM_PATH="/bin/false")
    assert_refused(done, f"The PDF of version {values['VERSION']} could not be printed with Chromium (/bin/false)")
    assert status(repo) == []


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], subprocess.CompletedProcess[str]]:
    """One release with its PDF, as a person makes it: the text being approved not yet committed."""
    repo = committed_copy(tmp_path_factory.mktemp("released") / "project")
    replace("docs/policy.md", C2_OLD, C2_NEW)(repo)
    values, today = approval(repo)
    done = make_release(repo, values, today)
    assert done.returncode == 0, done.stdout + done.stderr
    return repo, values, done


def test_a_release_lists_exactly_the_files_to_commit(
    released: tuple[Path, dict[str, str], subprocess.CompletedProcess[str]],
) -> None:
    repo, values, done = released
    number = values["VERSION"]
    lines = done.stdout.splitlines()
    start = lines.index(f"Recorded version {number}. Commit these files together:")
    listed = [line.strip() for line in lines[start + 1:-1]]
    assert listed == [f"docs/versions/{number}.md", f"docs/versions/{number}.pdf", "school.yml", "docs/policy.md"]
    assert sorted(line[3:] for line in status(repo)) == sorted(listed)
    recorded = data(repo).versions[-1]
    assert (recorded.number, recorded.summary, str(recorded.next_review)) == (
        number, values["SUMMARY"], values["NEXT_REVIEW"])
    assert recorded.pdf_sha256 is not None


def test_the_pdf_opens_with_the_approval_record(
    released: tuple[Path, dict[str, str], subprocess.CompletedProcess[str]],
) -> None:
    repo, values, _ = released
    pdf = repo / "docs" / "versions" / f"{values['VERSION']}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    first_page = " ".join(pypdf.PdfReader(pdf).pages[0].extract_text().split())
    recorded = data(repo).versions[-1]
    approved_on = long_date(dt.date.fromisoformat(values["APPROVED_ON"]))
    for shown in ("Approval record", f"Version {values['VERSION']}", f"Approved on {approved_on}",
                  f"Approved by {values['APPROVED_BY']}", f"Minute reference {values['MINUTE_REF']}",
                  f"Summary {values['SUMMARY']}"):
        assert shown in first_page, (shown, first_page)
    assert recorded.sha256 in first_page.split(), "the hash, whole on one line"
    assert re.search(r'pdf_sha256: "[0-9a-f]{64}"', (repo / "school.yml").read_text(encoding="utf-8"))


def test_the_site_publishes_the_pdf_and_refuses_a_tampered_one(
    released: tuple[Path, dict[str, str], subprocess.CompletedProcess[str]], tmp_path: Path,
) -> None:
    repo, values, _ = released
    number = values["VERSION"]
    result = build(tmp_path / "site", project=repo)
    assert result.ok, result.output
    assert (result.site / "versions" / f"{number}.pdf").read_bytes() == (
        repo / "docs" / "versions" / f"{number}.pdf").read_bytes()
    project = tmp_path / "tampered"
    shutil.copytree(repo, project, ignore=shutil.ignore_patterns(".git"))
    pdf = project / "docs" / "versions" / f"{number}.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% tampered")
    tampered = build(tmp_path / "site2", project=project)
    assert not tampered.ok and f"{number}.pdf is missing or does not match" in tampered.output
