"""Another school follows the README: `make new-school DATA=…`, then `make build`, and has a site
of its own whose every link and anchor resolves, with none of this school's history."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.data import model
from tests.support.builds import FIXTURES, ROOT, keep_languages, lychee, make, web_root
from tests.support.pages import Html, pages
from tests.support.releases import release

NEW_SCHOOL = model.load(FIXTURES / "oakfield.yml")


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository as a school gets it: every tracked file, as committed or changed here; of its
    translations, one of each direction, as a new school's site is made the same in every language."""
    project = tmp_path_factory.mktemp("new-school") / "repo"
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    shutil.copy2(FIXTURES / "oakfield.yml", project / "our-school.yml")
    keep_languages(project)
    return project


@pytest.fixture(scope="module")
def new_site(clone: Path) -> Path:
    done = make(clone, "new-school", "DATA=our-school.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"now the site of {NEW_SCHOOL.school.name}" in done.stdout
    built = make(clone, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    return clone / "site"


def test_a_wrong_data_file_changes_nothing(tmp_path: Path, clone: Path) -> None:
    before = {p: p.read_bytes() for p in clone.rglob("*") if p.is_file()}
    bad = (clone / "our-school.yml").read_text(encoding="utf-8").replace("@", "@@", 1)
    (tmp_path / "bad.yml").write_text(bad, encoding="utf-8")
    failed = make(clone, "new-school", f"DATA={tmp_path / 'bad.yml'}")
    assert failed.returncode != 0
    assert "Nothing was changed" in failed.stderr and "contact.email" in failed.stderr
    assert {p: p.read_bytes() for p in clone.rglob("*") if p.is_file()} == before


def test_the_new_site_has_no_broken_link_or_anchor(new_site: Path, tmp_path: Path) -> None:
    url = NEW_SCHOOL.school.site_url
    result = lychee(new_site, web_root(new_site, tmp_path / "root", url), url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 Errors\b", result.stdout), result.stdout


def test_the_new_site_says_the_guidance_is_not_yet_approved(new_site: Path, clone: Path) -> None:
    assert not (clone / "docs" / "versions" / "1.0.md").exists() and not (clone / "original").exists()
    assert not (new_site / "versions" / "1.0").exists()
    for path in pages(new_site):
        html = Html.read(path)
        assert "Haydn" not in html.source and "haydn" not in html.source, path
        assert "changes/#current" not in html.source, path
    policy = Html.read(new_site / "policy" / "index.html").text
    assert "This guidance has not yet been approved by the governors." in policy
    assert f"At {NEW_SCHOOL.school.short_name}, we believe" in policy
    history = Html.read(new_site / "versions" / "index.html").text
    assert "No approved version has been recorded yet." in history


@pytest.mark.usefixtures("new_site")  # the clone made the new school's
def test_the_new_school_records_its_first_approved_version(clone: Path, tmp_path: Path) -> None:
    """As the README says, once the governors approve it: version 1.0 of the school's own text,
    with its contacts, archived and recorded in its data file."""
    project = tmp_path / "repo"
    shutil.copytree(clone, project, ignore=lambda folder, _: ["site"] if Path(folder) == clone else [])
    done = release(project, "1.0", "--approved-on", "2027-03-01", "--approved-by", "Full Governing Body",
                   "--next-review", "2028-03-01", "--no-pdf", today="2027-03-02")
    assert done.returncode == 0, done.stdout + done.stderr
    recorded = model.load(project / "school.yml")
    assert [(v.number, str(v.approved_on), v.approved_by) for v in recorded.versions] == [
        ("1.0", "2027-03-01", "Full Governing Body")]
    assert recorded.school.name == NEW_SCHOOL.school.name
    archive = (project / "docs" / "versions" / "1.0.md").read_text(encoding="utf-8")
    assert "archived_version: '1.0'" in archive and f"phone: {NEW_SCHOOL.contact.phone}" in archive
    assert f"At {NEW_SCHOOL.school.short_name}, we believe" in archive and "Haydn" not in archive
