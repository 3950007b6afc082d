"""The school's data file: one pydantic model, strict, so a typo fails the build.

Run `python -m macros.data.model` to print the JSON Schema that editors use.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import email_validator
import phonenumbers
import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from macros.common.problems import Problem, SiteError

ClauseId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,3}[0-9]{1,3}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# It names the archived copy's file and address, so digits and dots only: 1.0, 1.1, 2.0.
VersionNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]
# Dates may be written bare (2027-01-20) or quoted; both mean the same day.
Date = Annotated[dt.date, Field(strict=False)]


class DataFileError(SiteError):
    """A data file that cannot be used: each problem names the file, the line and field, the value."""


def _email(value: str) -> str:
    # Syntax only: a build must not depend on DNS.
    return email_validator.validate_email(value, check_deliverability=False).normalized


def _uk_phone(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException as error:
        raise ValueError(f"not a phone number ({error})") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid UK phone number")
    return value


def number_slug(number: str) -> str:
    """A version number as it can stand in an id: 1.0 → 1-0."""
    return number.replace(".", "-")


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class School(Strict):
    name: Text
    short_name: Text
    site_url: Annotated[str, StringConstraints(pattern=r"^https://[^\s]+/$")]


class Contact(Strict):
    team: Text
    email: Annotated[str, AfterValidator(_email)]
    email_subject: Text
    phone: Annotated[str, AfterValidator(_uk_phone)]


class Response(Strict):
    id: ClauseId
    action: Text
    applies_when: Text | None = None


class Withdrawal(Strict):
    """A published clause taken out of the policy: its links still explain what happened."""

    id: ClauseId
    withdrawn_on: Date
    reason: Text
    replaced_by: ClauseId | None = None

    @property
    def anchor(self) -> str:
        """Its id on the withdrawn page, and its short link: the same as when it was a clause."""
        return self.id.lower()


class Version(Strict):
    """One approved version. Unknown approval facts stay empty and show as "not recorded"."""

    number: VersionNumber
    approved_on: Date | None = None
    approved_by: Text | None = None
    minute_ref: Text | None = None
    effective_from: Date | None = None
    next_review: Date | None = None
    summary: Text
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    pdf_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = None


class SchoolData(Strict):
    school: School
    contact: Contact
    concern_steps: list[Text] = Field(min_length=1)
    responses: list[Response] = Field(min_length=1)
    proportionality: Text
    withdrawn: list[Withdrawal] = []
    versions: list[Version] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> SchoolData:
        for field, ids in (
            ("responses", [r.id for r in self.responses]),
            ("withdrawn", [w.id for w in self.withdrawn]),
            ("versions", [v.number for v in self.versions]),
        ):
            seen: set[str] = set()
            for value in ids:
                if value in seen:
                    raise ValueError(f"{field}: {value!r} appears twice")
                seen.add(value)
        return self


def _problem(path: Path, problem: str, fix: str, where: str = "", value: str | None = None) -> Problem:
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    return Problem(str(shown), problem, fix, where, value)


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """A YAML document's nodes (which know their lines) and its data, from one parse: libyaml's,
    when PyYAML has it (several times faster; a build reads a dozen such files). A document that
    does not parse raises the pure-Python parser's YAMLError, whose words the messages quote."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    except yaml.YAMLError:
        yaml.compose(text, Loader=yaml.SafeLoader)
        raise
    finally:
        loader.dispose()


def line_of(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line (1-based) where a field sits in the file, following its path through the YAML nodes."""
    node, line = root, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


FIXES = {
    "missing": "add this field: every school needs it (see the comments in school.yml for an example).",
    "extra_forbidden": "check the spelling of this name against the other school's file or the README: "
    "the site only knows the names it documents.",
    "string_pattern_mismatch": "check the value against the examples in the comments of school.yml.",
    "too_short": "add at least one entry.",
}


def describe(error: ValidationError, path: Path, root: yaml.Node | None) -> list[Problem]:
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        line = line_of(root, item["loc"])
        place = f"line {line}, {where}" if line else where
        value = item.get("input")
        message = item["msg"].removeprefix("Value error, ")
        fix = FIXES.get(item["type"], "correct the value, keeping the quotes.")
        if item["type"] == "string_type" and isinstance(value, (bool, int, float)):
            fix = "YAML read an unquoted value as a number or yes/no: put it in quotes."
        shown = None if item["type"] == "missing" else repr(value)
        problems.append(_problem(path, message, fix, place, shown))
    return problems


def parse(raw: Any, path: Path, root: yaml.Node | None = None) -> SchoolData:
    """Validate already-loaded YAML, raising DataFileError with every problem found."""
    try:
        return SchoolData.model_validate(raw)
    except ValidationError as error:
        raise DataFileError(*describe(error, path, root)) from None


OPENING_QUOTES = "“‘„‚«"
CLOSING_QUOTES = "”’«»‟"


def _curly_quotes(root: yaml.Node | None, path: Path) -> list[Problem]:
    """Values a word processor wrapped in curly quotes: YAML keeps the quotes as part of the value,
    so parents would see them. Plain (unquoted) scalars only: inside straight quotes they are words."""
    found: list[Problem] = []

    def walk(node: yaml.Node | None, where: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, f"{where}.{key.value}" if where else str(key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, f"{where}.{index}")
        elif isinstance(node, yaml.ScalarNode) and not node.style:  # plain: None, or "" from libyaml
            text = node.value
            if text[:1] in OPENING_QUOTES or text[-1:] in CLOSING_QUOTES:
                found.append(_problem(
                    path, "the value is wrapped in curly quotes (“ ”), as a word processor types them; "
                    "the site would show the quotes to parents.",
                    f'use straight quotes instead (a plain-text editor types them): '
                    f'{where.rsplit(".", 1)[-1]}: "{text.strip(OPENING_QUOTES + CLOSING_QUOTES)}"',
                    f"line {node.start_mark.line + 1}, {where}", text))

    walk(root, "")
    return found


def load(path: Path) -> SchoolData:
    """Read and validate the data file; any problem raises DataFileError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(_problem(path, f"cannot read the data file ({error.strerror}).",
                                     "check that the file exists and that SCHOOL_DATA, if set, names it.")) from None
    tabs = [n for n, line in enumerate(text.splitlines(), 1) if "\t" in line[: len(line) - len(line.lstrip())]]
    if tabs:
        raise DataFileError(*(_problem(path, "this line is indented with a tab; the data file must be indented "
                                       "with spaces.", "replace the tab with spaces, lined up with the lines "
                                       "around it.", f"line {n}") for n in tabs))
    try:
        root, raw = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataFileError(_problem(path, f"YAML syntax error: {problem}.",
                                     "check the quotes and the indentation on this line and the one above.",
                                     where)) from None
    curly = _curly_quotes(root, path)
    if curly:
        raise DataFileError(*curly)
    return parse(raw, path, root)


def json_schema() -> dict[str, Any]:
    return SchoolData.model_json_schema()


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
