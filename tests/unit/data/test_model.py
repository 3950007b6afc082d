"""The data model: what a school may write in school.yml, and how mistakes are reported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from macros.data import model
from tests.support.builds import DATA, DATA_FILE, FIXTURES, ROOT

VALID = DATA_FILE
EMAIL, PHONE, TEAM = DATA.contact.email, DATA.contact.phone, DATA.contact.team


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "school.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_school_data_file_is_valid() -> None:
    data = model.load(ROOT / "school.yml")
    assert data.contact.email.endswith(".sch.uk")
    assert [r.id for r in data.responses] == ["R1", "R2", "R3", "R4"]


def test_the_fictional_school_is_valid() -> None:
    assert model.load(FIXTURES / "oakfield.yml").school.short_name == "Oakfield Meadow"


@pytest.mark.parametrize(
    ("old", "new", "field", "value"),
    [
        (EMAIL, "admin@@haydn", "contact.email", "'admin@@haydn'"),
        (PHONE, "0115 915", "contact.phone", "'0115 915'"),
        (PHONE, "not a number", "contact.phone", "'not a number'"),
        ("email_subject", "email_subjet", "contact.email_subjet", "Extra inputs"),
        (f'team: "{TEAM}"', "team: no", "contact.team", "The value: False"),
        (f'team: "{TEAM}"', f"team: “{TEAM}”", "contact.team", "curly quotes"),
        (f'  team: "{TEAM}"', f'\tteam: "{TEAM}"', "line ", "indented with a tab"),
        ('id: "R2"', 'id: "R 2"', "responses.1.id", "'R 2'"),
        ('id: "R2"', 'id: "R1"', "responses", "'R1' appears twice"),
        ('site_url: "https://', 'site_url: "http://', "school.site_url", "http://"),
    ],
)
def test_a_bad_value_names_file_field_and_value(
    tmp_path: Path, old: str, new: str, field: str, value: str
) -> None:
    text = VALID.read_text(encoding="utf-8")
    assert old in text
    path = write(tmp_path, text.replace(old, new, 1))
    with pytest.raises(model.DataFileError) as error:
        model.load(path)
    message = str(error.value)
    assert str(path) in message
    assert field in message
    assert value in message


def test_a_missing_required_field_is_named(tmp_path: Path) -> None:
    text = VALID.read_text(encoding="utf-8")
    path = write(tmp_path, text.replace('proportionality: "', 'proportionalty: "'))
    message = str(pytest.raises(model.DataFileError, model.load, path).value)
    assert "proportionality:\n  Field required" in message


def test_an_unquoted_yes_no_gets_a_hint(tmp_path: Path) -> None:
    text = VALID.read_text(encoding="utf-8").replace(f'short_name: "{DATA.school.short_name}"', "short_name: on")
    message = str(pytest.raises(model.DataFileError, model.load, write(tmp_path, text)).value)
    assert "school.short_name" in message and "put it in quotes" in message


def test_a_yaml_syntax_error_gives_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "school:\n  name: [unclosed\n  short_name: x\n")
    message = str(pytest.raises(model.DataFileError, model.load, path).value)
    assert str(path) in message and "line 3, column 13:\n  YAML syntax error" in message


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    message = str(pytest.raises(model.DataFileError, model.load, tmp_path / "nope.yml").value)
    assert "nope.yml" in message and "cannot read" in message


def test_dates_may_be_bare_or_quoted() -> None:
    base = model.load(VALID).model_dump()
    version = {"number": "1.0", "summary": "x", "sha256": "0" * 64}
    bare = model.parse({**base, "versions": [{**version, "approved_on": dt.date(2027, 1, 20)}]}, VALID)
    quoted = model.parse({**base, "versions": [{**version, "approved_on": "2027-01-20"}]}, VALID)
    assert bare.versions[0].approved_on == quoted.versions[0].approved_on


def test_the_committed_json_schema_is_current() -> None:
    committed = json.loads((ROOT / "school.schema.json").read_text(encoding="utf-8"))
    assert committed == model.json_schema(), "run `make schema` and commit school.schema.json"


def test_yaml_is_read_with_its_lines_and_broken_yaml_is_described_as_the_pure_parser_says() -> None:
    root, raw = model.parse_yaml('a: plain\nb:\n  - "quoted"\n')
    assert raw == {"a": "plain", "b": ["quoted"]}
    assert isinstance(root, yaml.MappingNode) and root.value[1][1].value[0].start_mark.line == 2
    assert model.parse_yaml("") == (None, None)
    broken = 'name: "Haydn\nother: x\n'
    with pytest.raises(yaml.YAMLError) as raised:
        model.parse_yaml(broken)
    with pytest.raises(yaml.YAMLError) as pure:
        yaml.compose(broken, Loader=yaml.SafeLoader)
    assert str(raised.value) == str(pure.value)
