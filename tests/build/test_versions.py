"""Versions for governors: three approved versions, their archive, the changes, the draft banner."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tests.build.test_bad_input import replace
from tests.html import Html, pages
from tests.sitebuild import ROOT, Build, build, copy_project

C2_OLD = "[C2] The group is not a political platform for airing opinions on current affairs"
C2_NEW = "[C2] The group is not a platform for airing political opinions on current affairs"
C3_OLD = "[C3] The group should not be used for private conversations with anyone else using the group"
C3_NEW = "[C3] The group should not be used for private conversations with other members"
C5 = "- [C5] Messages should be kept to school matters\n"


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


@pytest.fixture(scope="module")
def three_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1.0 as published; 1.1 rewords C2 and changes the phone; 1.2 adds C5; then C3 reworded, unapproved."""
    project = releasable_copy(tmp_path_factory.mktemp("versions") / "project")
    replace("docs/policy.md", C2_OLD, C2_NEW)(project)
    replace("school.yml", '"0115 9150193"', '"0115 9150200"')(project)
    done = release(project, "1.1", "--approved-on", "2027-01-20", "--approved-by", "Full Governing Body",
                   "--minute-ref", "FGB 27/03", "--effective-from", "2027-02-01", "--next-review", "2028-01-20",
                   "--no-pdf", today="2027-01-21")
    assert done.returncode == 0, done.stdout + done.stderr
    replace("docs/policy.md", "- [C4]", C5 + "- [C4]")(project)
    done = release(project, "1.2", "--approved-on", "2028-01-15", "--approved-by", "Full Governing Body",
                   "--next-review", "2029-01-15", "--no-pdf", today="2028-01-16")
    assert done.returncode == 0, done.stdout + done.stderr
    replace("docs/policy.md", C3_OLD, C3_NEW)(project)
    return project


@pytest.fixture(scope="module")
def versions_build(three_versions: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("versions-site") / "site", project=three_versions)
    assert result.ok, result.output
    return result


def test_release_records_the_version_with_its_hash(three_versions: Path) -> None:
    text = (three_versions / "school.yml").read_text(encoding="utf-8")
    assert '  - number: "1.1"\n    approved_on: "2027-01-20"\n    approved_by: "Full Governing Body"' in text
    archive = (three_versions / "docs" / "versions" / "1.1.md").read_text(encoding="utf-8")
    assert "archived_version: '1.1'" in archive and C2_NEW.split("] ")[1] in archive
    assert "phone: 0115 9150200" in archive


def test_a_version_cannot_be_released_twice(three_versions: Path) -> None:
    again = release(three_versions, "1.1", "--no-pdf")
    assert again.returncode != 0 and "VERSION (--version) 1.1 is already recorded in school.yml" in again.stderr


@pytest.mark.parametrize(
    ("version", "extra", "said"),
    [
        ("../1.3", (), "VERSION (--version) '../1.3' is not a version number: digits and dots only"),
        ("1.3", ("--approved-on", "2027-13-01"),
         "APPROVED_ON (--approved-on) '2027-13-01' is not a date: dates are written YYYY-MM-DD"),
    ],
)
def test_a_bad_release_value_is_named_and_nothing_is_written(
    tmp_path: Path, version: str, extra: tuple[str, ...], said: str
) -> None:
    project = releasable_copy(tmp_path / "project")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    done = release(project, version, "--no-pdf", *extra)
    assert done.returncode != 0 and said in done.stderr, done.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before
    assert not (tmp_path / "1.3.md").exists()


def test_each_archive_keeps_its_own_words_contacts_and_ids(versions_build: Build) -> None:
    site = versions_build.site
    old = Html.read(site / "versions" / "1.0" / "index.html")
    new = Html.read(site / "versions" / "1.1" / "index.html")
    assert "tel:+441159150193" in old.source and "tel:+441159150200" in new.source
    assert "political platform" in old.text and "platform for airing political" in new.text
    assert "v1-0-c2" in old.ids and "v1-1-c2" in new.ids and "c2" not in old.ids
    assert "This is version 1.0 of the guidance" in old.text and "It is not the current version." in old.text
    assert old.find("a", href="../../policy/")
    assert "c5" not in [i.removeprefix("v1-2-") for i in Html.read(site / "versions" / "1.1" / "index.html").ids]


def test_archives_are_left_out_of_search(versions_build: Build) -> None:
    index = (versions_build.site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    assert '"location":"versions/1.' not in index


def test_the_policy_page_shows_the_version_in_force(versions_build: Build) -> None:
    panel = Html.read(versions_build.site / "policy" / "index.html").source
    panel = re.search(r'<aside class="version-panel[^"]*".*?</aside>', panel, re.S)[0]
    text = Html(panel).text
    assert "Version 1.2" in text
    assert "Approved by Full Governing Body on 15 January 2028" in text
    assert "Next review: 15 January 2029." in text


def test_changes_are_shown_word_by_word(versions_build: Build) -> None:
    page = Html.read(versions_build.site / "versions" / "changes" / "index.html").source
    first = page.split('id="from-1-0-to-1-1"')[1].split("<h2")[0]
    c2 = re.search(r'<li class="change change--reworded">.*?</li>', first, re.S)[0]
    assert re.findall(r"<del>(.*?)</del>", c2) == ['<span class="change-label">deleted: </span>political']
    assert re.findall(r"<ins>(.*?)</ins>", c2) == ['<span class="change-label">inserted: </span>political']
    assert "Contact phone" in first and "9150193" in first and "9150200" in first
    second = page.split('id="from-1-1-to-1-2"')[1].split("<h2")[0]
    assert 'class="change change--added"' in second and "Messages should be kept to school matters" in second
    current = page.split('id="current"')[1].split("<h2")[0]
    c3 = re.search(r'<li class="change change--reworded">.*?</li>', current, re.S)[0]
    assert Html(" ".join(re.findall(r"<del>(.*?)</del>", c3))).text == "deleted: anyone else using the group"
    assert Html(" ".join(re.findall(r"<ins>(.*?)</ins>", c3))).text == "inserted: other members"


def test_unapproved_changes_put_a_banner_on_every_page(versions_build: Build, site: Path) -> None:
    for path in pages(versions_build.site):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html" or "/versions/1." in str(path) or "md-content" not in html:
            continue
        assert "This text includes changes not yet approved by the governors" in html, path
    for path in pages(site):
        assert "not yet approved" not in path.read_text(encoding="utf-8"), path


def test_an_overdue_review_warns_but_builds(three_versions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUILD_DATE", "2029-02-01")
    result = build(tmp_path / "site", project=three_versions)
    assert result.ok, result.output
    assert "the review of version 1.2 is overdue" in result.output
    text = Html.read(result.site / "policy" / "index.html").text
    assert "The review was due on 15 January 2029 and is overdue." in text


def test_a_tampered_archive_fails_naming_the_version(three_versions: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(three_versions, project)
    replace("docs/versions/1.1.md", "platform for airing political", "platform for airing any")(project)
    result = build(tmp_path / "site", project=project)
    assert not result.ok
    assert "version 1.1:" in result.output and "does not match the SHA-256 recorded" in result.output


def test_the_history_lists_every_version_with_its_links(versions_build: Build) -> None:
    page = Html.read(versions_build.site / "versions" / "index.html")
    assert [h for h in re.findall(r'<h2 id="version-[\d-]+">(.*?)</h2>', page.source)] == [
        "Version 1.2 (in force)", "Version 1.1", "Version 1.0"]
    assert page.find("a", href="1.1/") and page.find("a", href="changes/#from-1-0-to-1-1")
    assert "FGB 27/03" in page.text and "not recorded" in page.text


def test_the_archived_pdf_has_selectable_text(site: Path) -> None:
    reader = pypdf.PdfReader(site / "versions" / "1.0.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "The group is not a political platform for airing opinions on current affairs" in " ".join(text.split())
    assert "This is version 1.0 of the guidance" in " ".join(text.split())


def test_the_first_version_reads_not_recorded(site: Path) -> None:
    text = Html.read(site / "policy" / "index.html").text
    assert "Version 1.0" in text and "Approval: not recorded" in text and "No review date is recorded." in text
    history = Html.read(site / "versions" / "index.html")
    assert history.find("a", href="1.0.pdf")
    assert (site / "versions" / "1.0.pdf").read_bytes().startswith(b"%PDF")


def test_release_end_to_end_with_its_pdf(tmp_path: Path) -> None:
    project = releasable_copy(tmp_path / "project")
    replace("docs/policy.md", C2_OLD, C2_NEW)(project)
    done = release(project, "1.1", "--approved-on", "2027-01-20", "--approved-by", "Full Governing Body",
                   today="2027-01-21")
    assert done.returncode == 0, done.stdout + done.stderr
    pdf = project / "docs" / "versions" / "1.1.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert re.search(r'pdf_sha256: "[0-9a-f]{64}"', (project / "school.yml").read_text(encoding="utf-8"))
    result = build(tmp_path / "site", project=project)
    assert result.ok, result.output
    assert (result.site / "versions" / "1.1.pdf").is_file()
    pdf.write_bytes(pdf.read_bytes() + b"\n% tampered")
    tampered = build(tmp_path / "site2", project=project)
    assert not tampered.ok and "1.1.pdf is missing or does not match" in tampered.output
