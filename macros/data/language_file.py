"""A language's file, `translations/<lang>/language.yml`: its model, and the checks the schema
cannot make (what a status needs recorded, the strings the site uses), each problem named by
file, line, field and value.

Run `python -m macros.data.language_file` to print the JSON Schema of `language.yml`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, StringConstraints, ValidationError

from macros.common.problems import Problem, SiteError
from macros.data import model
from macros.data.model import ClauseId, Date, Strict, Text

TRANSLATIONS = "translations"
LANGUAGE_FILE = "language.yml"
# Interface strings keep their spaces: " and " joins the last two steps.
Words = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
SourceHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
# The strings the site itself uses; a language file may hold more (for pages still to come).
USED_STRINGS = [
    "translation_date", "authority_notice", "read_in_english", "translation_updating",
    "staff_pages_english", "language_switch_label", "read_in_your_language", "policy_title", "site_description",
    "contents",
    "switch_to_dark_mode", "switch_to_light_mode", "link_to_this_section", "call", "email", "date",
    "months", "list_separator", "list_last_separator", "journey_raise", "journey_contact", "journey_look",
    "journey_school_will", "journey_respond", "journey_depending", "clause_heading", "go_to",
    "copy_link", "copy_link_to_clause", "link_copied", "copied", "copy_failed", "copy_for_whatsapp",
    "copy_rules_for_whatsapp", "rules_copied", "printed_from", "printed_on", "words_updating", "english_page",
    "nav_staff", "notice_draft", "notice_more",
    # The version panel and banners (macros/versions/approval.py)
    "version_panel_label", "version_number", "in_force_since", "in_force_undated", "coming_into_force",
    "replaced_by_on", "replaced_by", "until_then_in_force", "approval_not_recorded", "approved_by_on",
    "minute_reference", "not_recorded", "no_review_date", "review_was_due", "next_review", "review_overdue",
    "version_history", "no_version_approved", "not_yet_approved", "draft_banner", "see_the_changes",
]  # fmt: skip
# What a status needs recorded: a translation is checked by a fluent speaker, then approved.
STATUS_RECORDS = {
    "draft": (),
    "checked": ("checked_by", "checked_on"),
    "approved": ("checked_by", "checked_on", "approved_by", "approved_on"),
}


class TranslatedText(Strict):
    """Words in this language, a clause's or the data file's, with the English they were translated from."""

    text: Text
    # The English it was translated from: sha256 of its words (whitespace collapsed), 12 hex digits.
    source: SourceHash


class TranslatedResponse(Strict):
    action: TranslatedText
    applies_when: TranslatedText | None = None


class TranslatedData(Strict):
    """The data file's words, in this language; contacts (email, phone) stay the data file's.
    A response is a clause of the guidance: its words are here, not under `clauses:`."""

    # Any word left out is shown in English with a notice, as a clause left out is.
    contact_team: TranslatedText | None = None
    concern_steps: list[TranslatedText] = Field(default_factory=list)
    responses: dict[ClauseId, TranslatedResponse] = Field(default_factory=dict)
    proportionality: TranslatedText | None = None


class LanguageFile(Strict):
    """`translations/<lang>/language.yml`: one language's words, and how far they are checked."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    name: Text
    dir: Literal["ltr", "rtl"]
    english_name: Text
    status: Literal["draft", "checked", "approved"]
    translated_by: Text
    translated_on: Date
    checked_by: Text | None = None
    checked_on: Date | None = None
    approved_by: Text | None = None
    approved_on: Date | None = None
    clauses: dict[ClauseId, TranslatedText]
    data: TranslatedData = Field(default_factory=TranslatedData)
    strings: dict[str, Words | list[Text]]

    def text(self, key: str, **names: str) -> str:
        value = self.strings[key]
        return value.format(**names) if isinstance(value, str) else " ".join(value)

    def long_date(self, day: dt.date) -> str:
        months = self.strings["months"]
        assert isinstance(months, list)
        return self.text("date", day=str(day.day), month=months[day.month - 1], year=str(day.year))


def record_problems(loaded: LanguageFile) -> list[tuple[str, str, str, str]]:
    """What the schema cannot say: (field, what is wrong, what to do, the value)."""
    found: list[tuple[str, str, str, str]] = []
    needed = STATUS_RECORDS[loaded.status]
    missing = [name for name in needed if getattr(loaded, name) is None]
    if missing:
        found.append(("status", f"the status {loaded.status!r} needs {', '.join(missing)} recorded.",
                      "record who checked (and approved) the translation and when, or keep the status lower.",
                      loaded.status))
    early = [name for name in ("checked_by", "checked_on", "approved_by", "approved_on")
             if name not in needed and getattr(loaded, name) is not None]
    if early:
        found.append((early[0], f"{', '.join(early)} recorded, but the status is {loaded.status!r}.",
                      "raise the status to match, or leave them empty (null).", str(getattr(loaded, early[0]))))
    # The notice's short line: a draft's own; a checked or approved translation's, its status.
    own_status = ["notice_draft"] if loaded.status == "draft" else [f"status_{loaded.status}"]
    absent = [name for name in [*USED_STRINGS, *own_status] if name not in loaded.strings]
    if absent:
        found.append(("strings", f"the site's strings {', '.join(absent)} are missing.",
                      "add them, translated: the Polish file (translations/pl/language.yml) has every one, "
                      "with the English beside it.", ", ".join(absent)))
    months = loaded.strings.get("months")
    if not isinstance(months, list) or len(months) != 12:
        found.append(("strings", "strings.months must list the 12 months, January first.",
                      "list the months' names as a date needs them.", str(months)))
    return found


def load(path: Path) -> LanguageFile:
    """Read and validate one language file; any problem raises SiteError naming the file and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SiteError(Problem(str(path), f"the language file cannot be read: {error.strerror}.",
                                "check that the file exists and can be read.")) from None
    return validated(path, text)


# A build reads each language file several times (each language's build, the language menus,
# the sitemaps): the same words are parsed and checked once.
@functools.lru_cache(maxsize=64)
def validated(path: Path, text: str) -> LanguageFile:
    """One language file's text, parsed and validated (see `load`)."""
    try:
        root, raw = model.parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SiteError(Problem(str(path), f"the language file cannot be read: {getattr(error, 'problem', error)}.",
                                "check the quotes and the indentation on this line and the one above.",
                                f"line {mark.line + 1}" if mark else "")) from None
    try:
        loaded = LanguageFile.model_validate(raw)
    except ValidationError as error:
        raise SiteError(*model.describe(error, path, root)) from None
    problems = [Problem(str(path), problem, fix, f"line {model.line_of(root, (field,))}, {field}", repr(value))
                for field, problem, fix, value in record_problems(loaded)]
    if problems:
        raise SiteError(*problems)
    if loaded.language != path.parent.name:
        raise SiteError(Problem(str(path), f"the file says its language is {loaded.language!r}, but it is in "
                                f"the folder for {path.parent.name!r}.", "make `language:` the folder's name.",
                                "language", repr(loaded.language)))
    return loaded


def discover(project: Path) -> list[tuple[Path, LanguageFile]]:
    """Every `translations/<lang>/language.yml`, by language code: (its folder, its file)."""
    return [(path.parent, load(path)) for path in sorted((project / TRANSLATIONS).glob(f"*/{LANGUAGE_FILE}"))]


def json_schema() -> dict[str, Any]:
    return LanguageFile.model_json_schema()


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
