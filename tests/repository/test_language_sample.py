"""The translations a test of a mechanism keeps in its project copy (tests.support.builds): one of
each direction, the same whatever languages a school adds, since tests name the shipped ones (a
bad input edits the Polish file) and a language sorted before them must not take their place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.builds import FIXTURES, ROOT, SAMPLE_LANGUAGES, copy_project, one_of_each_direction

ADDED = FIXTURES / "translations" / "ro"
pytestmark = pytest.mark.same_for_any_school("which translations a copy keeps does not depend on the data file")


def add_language(project: Path, code: str) -> None:
    """The Romanian fixture added under another language code, as a school adds a language."""
    folder = project / "translations" / code
    shutil.copytree(ADDED, folder)
    words = folder / "language.yml"
    words.write_text(words.read_text(encoding="utf-8").replace("language: ro\n", f"language: {code}\n", 1),
                     encoding="utf-8")


def test_the_sample_is_one_shipped_language_of_each_direction() -> None:
    assert SAMPLE_LANGUAGES == ("ar", "pl")
    assert one_of_each_direction(ROOT) == SAMPLE_LANGUAGES


def test_a_language_added_before_the_shipped_ones_leaves_the_sample_alone(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "translations", project / "translations")
    for code in ("ro", "hr", "bg"):
        if not (project / "translations" / code).exists():
            add_language(project, code)
    assert one_of_each_direction(project) == SAMPLE_LANGUAGES


def test_a_copy_keeps_the_sample_or_the_languages_named(tmp_path: Path) -> None:
    def kept(project: Path) -> list[str]:
        return sorted(path.parent.name for path in (project / "translations").glob("*/language.yml"))

    assert kept(copy_project(tmp_path / "sample")) == list(SAMPLE_LANGUAGES)
    assert kept(copy_project(tmp_path / "polish", languages=("pl",))) == ["pl"]
    assert kept(copy_project(tmp_path / "english", languages=())) == []
    assert kept(copy_project(tmp_path / "all", languages=None)) == kept(ROOT)
