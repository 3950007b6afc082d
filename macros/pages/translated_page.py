"""The words a translated page has around its text: the notice of how far its translation is
checked (in its language and in English), site.js's messages in its language, and the language
control every page has."""

from __future__ import annotations

import datetime as dt
import json
import string
from html import escape
from pathlib import Path
from typing import Any

from macros.common import dates
from macros.common.problems import Problem, SiteError
from macros.data.language_file import (
    LANGUAGE_FILE,
    TRANSLATIONS,
    LanguageFile,
    discover,
)

STATUS_ENGLISH = {
    "draft": "Draft translation into {english_name} by {translated_by}, {translated_on}, not checked by a fluent "
    "speaker.",
    "checked": "Translated into {english_name} by {translated_by}, {translated_on}; checked by a fluent speaker, "
    "{checked_by}, on {checked_on}.",
    "approved": "Translated into {english_name} by {translated_by}, {translated_on}; checked by {checked_by} on "
    "{checked_on} and approved by {approved_by} on {approved_on}.",
}


def english_date(day: dt.date | None) -> str:
    return dates.long_date(day) if day else ""


def status_html(language: LanguageFile, english_href: str, home: bool = False) -> str:
    """What every translated page says first, short, in its language: how far the translation is
    checked, and that the English is authoritative. One tap away (a <details>): when it was made
    and a link to the English, in its language; and in English, its status, who made it and when.
    (The language switch below the text links to the English page too.)"""
    facts = {
        "english_name": language.english_name, "checked_by": language.checked_by or "",
        "checked_on": english_date(language.checked_on), "approved_by": language.approved_by or "",
        "approved_on": english_date(language.approved_on), "translated_by": language.translated_by,
        "translated_on": english_date(language.translated_on),
    }
    if language.status == "draft":
        short = language.text("notice_draft")
    else:
        short = language.text(
            f"status_{language.status}", checked_by=language.checked_by or "",
            approved_by=language.approved_by or "",
            checked_on=language.long_date(language.checked_on) if language.checked_on else "",
            approved_on=language.long_date(language.approved_on) if language.approved_on else "",
        ) + " " + language.text("authority_notice")
    when = language.text("translation_date", date=language.long_date(language.translated_on))
    href = escape(english_href)
    return (
        '<div class="translation-notice" role="note">'
        f"<p>{escape(short)}</p>"
        f'<details><summary>{escape(language.text("notice_more"))}</summary>'
        f"<p>{escape(when)} "
        + (f'{escape(language.text("staff_pages_english"))} ' if home else "") +
        f'<a href="{href}" hreflang="en">{escape(language.text("read_in_english"))}</a></p>'
        f'<p lang="en" dir="ltr">{escape(STATUS_ENGLISH[language.status].format(**facts), quote=False)} '
        "The English is authoritative.</p>"
        "</details></div>"
    )


CONTENTS_TITLE = 'id="page-contents-title">Contents</h2>'


def page_markdown(language: LanguageFile, markdown: str, english_href: str, home: bool) -> str:
    """A translated page's Markdown, finished: its status notice first and its contents list
    titled in its language."""
    markdown = markdown.replace(CONTENTS_TITLE, f'id="page-contents-title">{escape(language.text("contents"))}</h2>')
    return status_html(language, english_href, home) + "\n\n" + markdown


# site.js's messages as it writes them in English, each blank named as the language file names it
# (tests/unit/test_languages.py checks that site.js still writes each one).
SCRIPT_MESSAGES = {
    "copied": "Copied",
    "copy_failed": "Could not copy. Select the text and copy it instead.",
    "copy_link": "Copy link",
    "copy_link_to_clause": "Copy link to clause {id}",
    "link_copied": "Link to clause {id} copied: {link}",
    "copy_for_whatsapp": "Copy for WhatsApp",
    "rules_copied": "The rules are copied. Paste them into your group.",
}
# The date a printed page says it was printed on, " on 24 November 2026": `printed_on` and `date`.
PRINTED_ON = " on {day} {month} {year}"
REGEX_SPECIAL = frozenset("\\^$.*+?()[]{}|/")


def message_pattern(english: str) -> tuple[str, list[str]]:
    """A message as site.js writes it, as a JavaScript pattern its blanks are groups of, with
    their names in order: "Copy link to clause {id}" → ("^Copy link to clause (.+?)$", ["id"])."""
    pattern, names = "^", []
    for literal, name, _, _ in string.Formatter().parse(english):
        pattern += "".join("\\" + char if char in REGEX_SPECIAL else char for char in literal)
        if name is not None:
            pattern += "(.+?)"
            names.append(name)
    return pattern + "$", names


def script_words(language: LanguageFile) -> str:
    """site.js's messages in the language, for the page's `siteWords` (overrides/main.html), as
    JSON: each English message's pattern → the language's words as its replacement, each blank
    `$1`, `$2`… (the pattern's groups); and the months."""
    file = f"{TRANSLATIONS}/{language.language}/{LANGUAGE_FILE}"

    def wrong(key: str, problem: str, names: list[str]) -> SiteError:
        return SiteError(Problem(file, f"its words {problem}", f"use the English blanks: "
                                 f"{', '.join(f'{{{name}}}' for name in names) or 'none'}.", f"strings.{key}",
                                 repr(language.strings[key])))

    messages = {key: (english, str(language.strings[key])) for key, english in SCRIPT_MESSAGES.items()}
    try:
        date = language.text("date", day="{day}", month="{month}", year="{year}")
    except (KeyError, IndexError, ValueError):
        raise wrong("date", "have a blank that is not {day}, {month} or {year}.", ["day", "month", "year"]) from None
    try:
        messages["printed_on"] = (PRINTED_ON, language.text("printed_on", date=date))
    except (KeyError, IndexError, ValueError):
        raise wrong("printed_on", "have a blank that is not {date}.", ["date"]) from None
    found = {}
    for key, (english, words) in messages.items():
        pattern, names = message_pattern(english)
        numbered = ""
        try:
            parts = list(string.Formatter().parse(words))
        except ValueError:
            raise wrong(key, "have a { or } that is not part of a blank.", names) from None
        for literal, name, _, _ in parts:
            if name is not None and name not in names:
                raise wrong(key, f"have the blank {{{name}}}, which the English has not.", names)
            numbered += literal.replace("$", "$$") + ("" if name is None else f"${names.index(name) + 1}")
        found[pattern] = numbered
    said = {"messages": found, "months": language.strings["months"]}
    # Inside <script>: no `<` can close it.
    return json.dumps(said, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


ENGLISH_LABEL = "Language"


def switch_links(project: Path, english_docs: Path, current: LanguageFile | None) -> dict[str, Any]:
    """What the language control on every page needs (overrides/main.html): each language in its
    own name, where its site is from this build's root, and the pages it has."""
    root = "../" if current else ""
    found = [{"code": "en", "name": "English", "root": root, "home": "",
              "pages": sorted(p.relative_to(english_docs).as_posix() for p in english_docs.rglob("*.md"))}]
    for folder, language in discover(project):
        docs = folder / "docs"
        found.append({
            "code": language.language, "name": language.name, "dir": language.dir,
            "root": f"{root}{language.language}/" if not current or current.language != language.language else "",
            "home": language.text("read_in_your_language"),
            "pages": sorted(p.relative_to(docs).as_posix() for p in docs.glob("*.md")),
        })
    return {"label": current.text("language_switch_label") if current else ENGLISH_LABEL,
            "current": current.language if current else "en", "languages": found}
