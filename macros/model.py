"""The school's data file: one pydantic model, strict, so a typo fails the build.

Run `python -m macros.model` to print the JSON Schema that editors use.
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

ClauseId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,3}[0-9]{1,3}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# It names the archived copy's file and address, so digits and dots only: 1.0, 1.1, 2.0.
VersionNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$")]
# Dates may be written bare (2027-01-20) or quoted; both mean the same day.
Date = Annotated[dt.date, Field(strict=False)]


class DataFileError(Exception):
    """A data file that cannot be used: the message names the file, field and value."""


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


def _describe(error: ValidationError, path: Path) -> str:
    lines = [f"{path}: the data file has {error.error_count()} problem(s):"]
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        value = item.get("input")
        shown = "missing" if item["type"] == "missing" else repr(value)
        hint = ""
        if item["type"] == "string_type" and isinstance(value, (bool, int, float)):
            hint = " (YAML read an unquoted value as a number or yes/no: put it in quotes)"
        lines.append(f"  - {where}: {item['msg']} (value: {shown}){hint}")
    return "\n".join(lines)


def parse(raw: Any, path: Path) -> SchoolData:
    """Validate already-loaded YAML, raising DataFileError with every problem found."""
    try:
        return SchoolData.model_validate(raw)
    except ValidationError as error:
        raise DataFileError(_describe(error, path)) from None


def load(path: Path) -> SchoolData:
    """Read and validate the data file; any problem raises DataFileError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"{path}: cannot read the data file ({error.strerror})") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataFileError(f"{path}: YAML syntax error{where}: {problem}") from None
    return parse(raw, path)


def json_schema() -> dict[str, Any]:
    return SchoolData.model_json_schema()


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
