"""A language's file (translations/<lang>/language.yml): checked as the data file is, its mistakes
named with file, line, field and value; dates in its words."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from macros.common.problems import SiteError
from macros.data import language_file
from macros.pages import responses, translated_page
from macros.versions import approval
from tests.support.builds import ROOT

POLISH = ROOT / "translations" / "pl" / "language.yml"


def test_the_committed_json_schema_is_current() -> None:
    committed = json.loads((ROOT / "translations.schema.json").read_text(encoding="utf-8"))
    assert committed == language_file.json_schema(), "run `make schema` and commit translations.schema.json"


def test_every_language_file_is_valid() -> None:
    assert [language.language for _, language in language_file.discover(ROOT)] == sorted(
        path.parent.name for path in (ROOT / "translations").glob("*/language.yml"))


def broken(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "pl"
    folder.mkdir()
    text = POLISH.read_text(encoding="utf-8")
    assert old in text
    (folder / "language.yml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder / "language.yml"


@pytest.mark.parametrize(("old", "new", "said"), [
    ("status: draft", "status: checked", "the status 'checked' needs checked_by, checked_on recorded"),
    ("status: draft", "status: finished", "Input should be 'draft', 'checked' or 'approved'"),
    ('source: "20bf740720fd"', 'source: "20bf74"', "String should match pattern"),
    ("dir: ltr", "dir: left", "Input should be 'ltr' or 'rtl'"),
])
def test_a_mistake_is_named_with_its_file_line_field_and_value(tmp_path: Path, old: str, new: str, said: str) -> None:
    path = broken(tmp_path, old, new)
    with pytest.raises(SiteError) as raised:
        language_file.load(path)
    message = str(raised.value)
    assert str(path) in message and said in message
    assert "line " in message


def test_a_file_that_cannot_be_read_or_parsed_is_named_with_why(tmp_path: Path) -> None:
    with pytest.raises(SiteError, match=r"the language file cannot be read: No such file") as raised:
        language_file.load(tmp_path / "pl" / "language.yml")
    assert str(tmp_path / "pl" / "language.yml") in str(raised.value)
    path = broken(tmp_path, "status: draft", 'status: "draft')
    with pytest.raises(
        SiteError, match=r"line \d+:\n  the language file cannot be read: expected <block end>, but found '<scalar>'"
    ):
        language_file.load(path)


def test_raising_the_status_with_its_reviewer_recorded_is_valid(tmp_path: Path) -> None:
    path = broken(tmp_path, "checked_by: null\nchecked_on: null",
                  'checked_by: "A. Parent (fluent speaker)"\nchecked_on: 2027-01-10')
    text = path.read_text(encoding="utf-8").replace("status: draft", "status: checked")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError, match="status_checked"):
        language_file.load(path)
    text = text.replace("strings:\n", 'strings:\n  status_checked: "Sprawdzone: {checked_by}, {checked_on}."\n')
    path.write_text(text, encoding="utf-8")
    checked = language_file.load(path)
    assert checked.status == "checked"
    assert "A. Parent" in translated_page.status_html(checked, "../")


def test_a_folder_and_its_language_must_agree(tmp_path: Path) -> None:
    (tmp_path / "de").mkdir()
    shutil.copy(POLISH, tmp_path / "de" / "language.yml")
    with pytest.raises(SiteError, match="folder for 'de'"):
        language_file.load(tmp_path / "de" / "language.yml")


def test_dates_are_written_in_the_language() -> None:
    words = language_file.load(POLISH)
    months = words.strings["months"]
    assert isinstance(months, list)
    assert words.long_date(dt.date(2027, 1, 20)) == words.text("date", day="20", month=months[0], year="2027")


@pytest.mark.parametrize("key", ["in_force_since", "draft_banner", "words_updating", "english_page"])
def test_a_missing_string_fails_naming_the_file_and_the_key(tmp_path: Path, key: str) -> None:
    line = next(line for line in POLISH.read_text(encoding="utf-8").splitlines() if line.startswith(f"  {key}: "))
    path = broken(tmp_path, line + "\n", "")
    with pytest.raises(SiteError) as raised:
        language_file.load(path)
    message = str(raised.value)
    assert str(path) in message and f"the site's strings {key} are missing" in message


def test_every_string_the_site_says_is_one_a_language_file_must_have() -> None:
    """No string falls back to English: each the code asks a language for is checked at load."""
    asked = set()
    for path in (ROOT / "macros").rglob("*.py"):
        asked |= set(re.findall(r"""\.text\(\s*["'](\w+)["']""", path.read_text(encoding="utf-8")))
    asked |= set(approval.ENGLISH_WORDS) | set(responses.JOURNEY_WORDS)
    assert asked - set(language_file.USED_STRINGS) == set()


def test_a_data_word_without_its_source_is_named(tmp_path: Path) -> None:
    path = broken(tmp_path, ', source: "36d966069784" }', " }")
    with pytest.raises(SiteError) as raised:
        language_file.load(path)
    assert "data.proportionality.source" in str(raised.value) and "line " in str(raised.value)
