"""Archived copies: read back with the data they keep, and refused once changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from macros.data import model
from macros.versions import archive
from tests.support.builds import ROOT

# The data file in use: SCHOOL_DATA when set (the fictional school), else this school's.
DATA = model.load(ROOT / (os.environ.get("SCHOOL_DATA") or "school.yml"))
COPY = "---\ntitle: Version 9.9 (archived)\ndata:\n  contact:\n    team: T\n---\n# Title\n- [C1] Words\n"


def recorded(docs: Path, text: str) -> model.SchoolData:
    path = archive.archive_path(docs, "9.9")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    version = model.Version(number="9.9", summary="S", sha256=archive.sha256(path))
    return DATA.model_copy(update={"versions": [version]})


def test_an_archive_is_read_with_its_data_and_clauses(tmp_path: Path) -> None:
    (read,) = archive.load_archives(tmp_path, recorded(tmp_path, COPY))
    assert read.data == {"contact": {"team": "T"}}
    assert [(c.id, c.text) for c in read.clauses] == [("C1", "Words")]
    assert read.body == "# Title\n- [C1] Words\n"


def test_a_changed_archive_is_refused_naming_the_version(tmp_path: Path) -> None:
    data = recorded(tmp_path, COPY)
    archive.archive_path(tmp_path, "9.9").write_text(COPY.replace("Words", "Other words"), encoding="utf-8")
    with pytest.raises(archive.ArchiveError, match=r"version 9\.9: .*9\.9\.md does not match the SHA-256"):
        archive.load_archives(tmp_path, data)


def test_a_missing_archive_is_refused(tmp_path: Path) -> None:
    data = recorded(tmp_path, COPY)
    archive.archive_path(tmp_path, "9.9").unlink()
    with pytest.raises(archive.ArchiveError, match="the archived copy .* is missing"):
        archive.load_archives(tmp_path, data)


def test_the_snapshot_keeps_contacts_and_the_ladder_only() -> None:
    assert set(archive.data_snapshot(DATA)) == {"contact", "concern_steps", "responses", "proportionality"}
    assert archive.data_snapshot(DATA)["contact"]["email"] == DATA.contact.email
