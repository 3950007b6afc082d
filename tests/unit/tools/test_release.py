"""The release tool's checks, its edit of the data file and its all-or-nothing move, through its functions."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
import yaml

from macros.data import model
from tests.support.builds import ROOT
from tools import release

DATA_FILE = (ROOT / (os.environ.get("SCHOOL_DATA") or "school.yml")).resolve()
DATA = model.load(DATA_FILE)
TODAY = dt.date(2031, 3, 1)
LATEST = model.Version(number="4.2", approved_on="2030-03-10", summary="Latest", sha256="a" * 64)
WITH_LATEST = DATA.model_copy(update={"versions": [LATEST]})
GOOD = {"version": "4.3", "approved_on": "2031-02-20", "approved_by": "Full Governing Body",
        "minute_ref": "FGB 31/02", "effective_from": "2031-03-01", "next_review": "2032-02-20",
        "summary": "Reworded C2"}


def problems(changes: dict[str, str], data: model.SchoolData = WITH_LATEST) -> list[str]:
    with pytest.raises(release.ReleaseError) as raised:
        release.checked_entry({**GOOD, **changes}, data, "school.yml", TODAY)
    return str(raised.value).splitlines()


def test_good_inputs_make_the_entry_in_the_data_files_order() -> None:
    entry = release.checked_entry({**GOOD, "minute_ref": " ", "effective_from": ""}, WITH_LATEST, "school.yml", TODAY)
    assert entry == {"number": "4.3", "approved_on": "2031-02-20", "approved_by": "Full Governing Body",
                     "next_review": "2032-02-20", "summary": "Reworded C2"}


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"summary": ""}, "SUMMARY (--summary) is missing: a one-line summary of what changed is needed."),
        ({"summary": "One\nTwo"}, "SUMMARY (--summary) has more than one line: write it on one line."),
        ({"approved_by": "  "}, 'APPROVED_BY (--approved-by) is missing: who approved it is needed, '
                                'like "Full Governing Body".'),
        ({"version": ""}, "VERSION (--version) is missing: the new version's number is needed, like 4.3."),
        ({"version": "../4.3"}, "VERSION (--version) '../4.3' is not a version number: digits and dots only, "
                                "like 4.3."),
        ({"version": "4.2"}, "VERSION (--version) 4.2 is already recorded in school.yml: "
                             "a new version needs a new number, like 4.3."),
        ({"version": "4.1"}, "VERSION (--version) 4.1 comes before version 4.2, the latest recorded: "
                             "number it higher, like 4.3."),
        ({"approved_on": ""}, "APPROVED_ON (--approved-on) is missing: the date the governors approved it "
                              "is needed, written YYYY-MM-DD, like 2027-01-20."),
        ({"approved_on": "2031-02-30"}, "APPROVED_ON (--approved-on) '2031-02-30' is not a date: "
                                        "dates are written YYYY-MM-DD, like 2027-01-20."),
        ({"approved_on": "20310220"}, "APPROVED_ON (--approved-on) '20310220' is not a date: "
                                      "dates are written YYYY-MM-DD, like 2027-01-20."),
        ({"approved_on": "2031-03-02", "effective_from": ""},
         "APPROVED_ON (--approved-on) 2031-03-02 is after today, 2031-03-01: "
         "record a version once it has been approved."),
        ({"approved_on": "2030-03-09"}, "APPROVED_ON (--approved-on) 2030-03-09 is before version 4.2 was "
                                        "approved (2030-03-10): versions are recorded in the order they were "
                                        "approved."),
        ({"effective_from": "2031-02-19"}, "EFFECTIVE_FROM (--effective-from) 2031-02-19 is before "
                                           "APPROVED_ON (--approved-on) 2031-02-20: a version comes into force "
                                           "on or after the day it is approved."),
        ({"effective_from": "2031-13-01"}, "EFFECTIVE_FROM (--effective-from) '2031-13-01' is not a date: "
                                           "dates are written YYYY-MM-DD, like 2027-01-20."),
        ({"next_review": "2031-02-20"}, "NEXT_REVIEW (--next-review) 2031-02-20 is not after APPROVED_ON "
                                        "(--approved-on) 2031-02-20: the next review comes after the approval."),
        ({"next_review": "2031-02-25"}, "NEXT_REVIEW (--next-review) 2031-02-25 is not after EFFECTIVE_FROM "
                                        "(--effective-from) 2031-03-01: the next review comes after the version "
                                        "is in force."),
        ({"next_review": "2031-02-28", "effective_from": ""},
         "NEXT_REVIEW (--next-review) 2031-02-28 has already passed (today is 2031-03-01): "
         "the site would show the review as overdue at once."),
    ],
)
def test_each_bad_input_is_named_as_it_was_typed(changes: dict[str, str], said: str) -> None:
    assert problems(changes) == [said]


def test_every_problem_is_listed_in_the_order_of_the_options() -> None:
    found = problems({"summary": "", "version": "x", "next_review": "soon", "approved_by": ""})
    assert [line.split(" ", 1)[0] for line in found] == ["VERSION", "APPROVED_BY", "NEXT_REVIEW", "SUMMARY"]


def test_the_first_version_is_suggested_as_1_0_and_any_number_is_after_none() -> None:
    empty = DATA.model_copy(update={"versions": []})
    assert problems({"version": ""}, empty) == [
        "VERSION (--version) is missing: the new version's number is needed, like 1.0."]
    assert release.checked_entry({**GOOD, "version": "0.1"}, empty, "school.yml", TODAY)["number"] == "0.1"


# ---- The data file, edited as YAML ----

ENTRY = {"number": "4.3", "approved_on": "2031-02-20", "summary": "Reworded “C2”: it’s clearer", "sha256": "b" * 64}
ENTRY_LINES = ('  - number: "4.3"\n    approved_on: "2031-02-20"\n'
               '    summary: "Reworded “C2”: it’s clearer"\n    sha256: "' + "b" * 64 + '"\n')
OLD_ITEM = ('  - number: "4.2"\n'
            '    approved_on: 2030-03-10  # unquoted, as a person may write it\n'
            "    summary: 'Latest, in single quotes'\n"
            '    sha256: "' + "a" * 64 + '"\n')
VERSIONS = "# Approved versions, oldest first.\nversions:  # end-of-line comment\n" + OLD_ITEM
WITHDRAWN = ('# Clauses taken out: this comment belongs to withdrawn.\n'
             'withdrawn:\n'
             '  - id: "C9"\n'
             '    withdrawn_on: "2030-01-20"\n'
             '    reason: "Merged into C1."  # why\n'
             '# The last line of the file.\n')


def without_top_level(text: str, *keys: str) -> str:
    """The data file's text without the named top-level keys, nor the comments just above them."""
    kept: list[str] = []
    for part in re.split(r"(?m)^(?=\S)", text):
        if re.match(rf"(?:{'|'.join(keys)}):", part):
            while kept and kept[-1].startswith("#"):
                kept.pop()
            continue
        kept.append(part)
    return "".join(kept).rstrip("\n") + "\n"


BASE = without_top_level(DATA_FILE.read_text(encoding="utf-8"), "versions", "withdrawn")


def parsed(text: str) -> model.SchoolData:
    return model.parse(yaml.safe_load(text), DATA_FILE)


def test_a_version_goes_under_versions_when_withdrawn_is_the_last_key() -> None:
    text = BASE + "\n" + VERSIONS + "\n" + WITHDRAWN
    edited = release.with_version(text, ENTRY)
    # Every line kept, in its place, comments and quoting included; the entry straight after the last one.
    assert edited == text.replace(OLD_ITEM, OLD_ITEM + ENTRY_LINES)
    data = parsed(edited)
    assert [v.number for v in data.versions] == ["4.2", "4.3"] and [w.id for w in data.withdrawn] == ["C9"]
    assert data.versions[-1].summary == ENTRY["summary"]


def test_a_version_goes_under_an_empty_versions_list() -> None:
    text = BASE + "\n" + VERSIONS.replace("versions:  # end-of-line comment\n" + OLD_ITEM, "versions: []\n") + \
        "\n" + WITHDRAWN
    edited = release.with_version(text, ENTRY)
    assert edited == text.replace("versions: []\n", "versions:\n" + ENTRY_LINES)
    assert [v.number for v in parsed(edited).versions] == ["4.3"]


def test_a_data_file_without_versions_gains_the_list_at_its_end() -> None:
    text = BASE + "\n" + WITHDRAWN
    edited = release.with_version(text, ENTRY)
    assert edited == text + "\n# Approved versions, oldest first. Added by `make release`.\nversions:\n" + ENTRY_LINES
    assert [v.number for v in parsed(edited).versions] == ["4.3"]


def test_the_data_file_in_use_changes_only_by_the_new_lines() -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    edited = release.with_version(text, ENTRY)
    assert list(parsed(edited).versions) == [*DATA.versions, model.Version(**ENTRY)]
    removed = [line for line in text.splitlines() if line not in edited.splitlines()]
    assert removed in ([], ["versions: []"])
    assert len(edited.splitlines()) - len(text.splitlines()) >= len(ENTRY)


# ---- Moving files into place, or not at all ----


def test_a_failed_move_puts_back_every_file_already_moved(tmp_path: Path) -> None:
    staged = tmp_path / "staged"
    staged.mkdir()
    for name in ("new.md", "data.yml", "third"):
        (staged / name).write_text(f"staged {name}", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "data.yml").write_text("original", encoding="utf-8")
    (repo / "blocker").write_text("a file where a folder is needed", encoding="utf-8")
    files = [(staged / "new.md", repo / "docs" / "versions" / "new.md"),
             (staged / "data.yml", repo / "data.yml"),
             (staged / "third", repo / "blocker" / "third")]
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    with pytest.raises(OSError):
        release.install(files)
    assert {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()} == before
    assert not (repo / "docs" / "versions").exists()


def test_a_move_replaces_each_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    staged = tmp_path / "staged.yml"
    staged.write_text("new", encoding="utf-8")
    target = tmp_path / "data.yml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    release.install([(staged, target)])
    assert target.read_text(encoding="utf-8") == "new" and target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.yml", "staged.yml"]  # no partial file left


def test_the_report_lists_each_file_to_commit_once() -> None:
    written = [release.ROOT / "docs/versions/4.3.md", release.ROOT / "docs/versions/4.3.pdf", DATA_FILE]
    changed = [DATA_FILE, release.ROOT / "docs/policy.md"]
    lines = release.report("4.3", written, changed).splitlines()
    listed = [line.strip() for line in lines[1:-1]]
    assert listed == ["docs/versions/4.3.md", "docs/versions/4.3.pdf", release.shown(DATA_FILE), "docs/policy.md"]
    assert lines[-1].startswith("For example: git add -A -- docs/versions/4.3.md ")
    assert "not a git repository" in release.report("4.3", written, None)
