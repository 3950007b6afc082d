"""The site in other languages: each `translations/<lang>/` (its `language.yml` and its `docs/`)
is built, after the English, into `<site>/<lang>/` with the same mkdocs.yml and a few overrides.

A school adds a language by adding files: nothing here names a language. The English stays the
authoritative text: a translated clause whose English has changed since it was translated (its
`source` hash no longer matches), or that the translation lacks, shows the current English in its
place with a notice, and the build prints a warning naming the language and the clauses.

Run `python -m macros.languages` to print the JSON Schema of `language.yml`.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import hashlib
import io
import json
import posixpath
import re
import shutil
import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from mkdocs.utils.meta import get_data
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from macros import (
    assets, clause_markup, clauses, contacts, model, pipeline, previews, responses, search, shortlinks,
)
from macros.model import ClauseId, Date, Response, SchoolData, Text
from macros.problems import Problem, SiteError
from macros.site import POLICY_PAGE, POLICY_URL, Policy, Site, body_and_first_line

TRANSLATIONS = "translations"
LANGUAGE_FILE = "language.yml"
# Material's search has stemmers for these (material/templates/assets/javascripts/lunr/min/);
# any other language is searched word by word, as English without stemming would be.
SEARCH_LANGUAGES = {
    "ar", "da", "de", "du", "el", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko", "nl",
    "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh",
}  # fmt: skip
# mkdocs.yml's menu sections, by their English title → the string that names them.
NAV_SECTIONS = {"For staff and governors": "nav_staff"}
# Interface strings keep their spaces: " and " joins the last two steps.
Words = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
SourceHash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]
# The strings the site itself uses; a language file may hold more (for pages still to come).
USED_STRINGS = [
    "status_notice", "translation_date", "authority_notice", "read_in_english", "translation_updating",
    "staff_pages_english", "language_switch_label", "read_in_your_language", "policy_title", "site_description",
    "contents",
    "switch_to_dark_mode", "switch_to_light_mode", "link_to_this_section", "call", "email", "date",
    "months", "list_separator", "list_last_separator", "journey_raise", "journey_contact", "journey_look",
    "journey_school_will", "journey_respond", "journey_depending", "clause_heading", "go_to",
    "copy_link", "copy_link_to_clause", "link_copied", "copied", "copy_failed", "copy_for_whatsapp",
    "copy_rules_for_whatsapp", "rules_copied", "printed_from", "printed_on",
]  # fmt: skip
# What a status needs recorded: a translation is checked by a fluent speaker, then approved.
STATUS_RECORDS = {
    "draft": (),
    "checked": ("checked_by", "checked_on"),
    "approved": ("checked_by", "checked_on", "approved_by", "approved_on"),
}


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class TranslatedClause(Strict):
    text: Text
    # The English it was translated from: sha256 of its words (whitespace collapsed), 12 hex digits.
    source: SourceHash


class TranslatedResponse(Strict):
    action: Text
    applies_when: Text | None = None


class TranslatedData(Strict):
    """The data file's words, in this language; contacts (email, phone) stay the data file's."""

    contact_team: Text
    concern_steps: list[Text] = Field(min_length=1)
    responses: dict[ClauseId, TranslatedResponse]
    proportionality: Text


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
    clauses: dict[ClauseId, TranslatedClause]
    data: TranslatedData
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
    found = []
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
    own_status = [] if loaded.status == "draft" else [f"status_{loaded.status}"]
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
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        raise SiteError(Problem(str(path), f"the language file cannot be read: {getattr(error, 'problem', error)}.",
                                "check the quotes and the indentation on this line and the one above.",
                                f"line {mark.line + 1}" if mark else "")) from None
    try:
        loaded = LanguageFile.model_validate(raw)
    except ValidationError as error:
        raise SiteError(*model._describe(error, path, root)) from None
    problems = [Problem(str(path), problem, fix, f"line {model._line_of(root, (field,))}, {field}", repr(value))
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


# ---- What a language build needs of the English one ----


def source_hash(english: str) -> str:
    """The short hash a translated clause records of the English it was translated from."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class English:
    """The English build's facts, for the language builds that follow it."""

    clauses: list[clause_markup.Clause]
    is_draft: bool
    site_url: str
    docs_dir: Path
    og_image: previews.Image


def translated_data(data: SchoolData, language: LanguageFile) -> SchoolData:
    """The data file with its words in this language; contacts and approvals as they are."""
    words = language.data
    responses = [
        Response(id=r.id, action=words.responses[r.id].action, applies_when=words.responses[r.id].applies_when)
        if r.id in words.responses else r
        for r in data.responses
    ]
    return data.model_copy(update={
        "school": data.school.model_copy(update={"site_url": f"{data.school.site_url}{language.language}/"}),
        "contact": data.contact.model_copy(update={"team": words.contact_team}),
        "concern_steps": list(words.concern_steps) if len(words.concern_steps) == len(data.concern_steps)
        else data.concern_steps,
        "responses": responses,
        "proportionality": words.proportionality,
    })


CLAUSE_LINE = re.compile(r"^(?P<indent>[ ]*)- \[(?P<id>[A-Z]{1,3}[0-9]{1,3})\][ ]+(?P<text>\S.*)$")


@dataclass(frozen=True)
class Reconciled:
    markdown: str
    # Clause IDs whose translation is out of date (changed in English, or never translated).
    stale: list[str]
    # Translated clauses the English no longer has.
    gone: list[str]


def english_in_place(clause: clause_markup.Clause, notice: str) -> str:
    """A clause whose translation is out of date: the current English, marked as such."""
    return (f'<span lang="en" dir="ltr">{clause.text}</span> '
            f'<span class="translation-updating">{escape(notice)}</span>')


def reconcile(markdown: str, language: LanguageFile, english: list[clause_markup.Clause]) -> Reconciled:
    """The translated policy with every English clause in it, each either translated from the
    current English or shown in English with a notice, in the English order where it is missing."""
    current = {c.id: c for c in english}
    notice = language.text("translation_updating")
    lines = markdown.split("\n")
    stale: list[str] = []
    gone: list[str] = []
    kept: list[str] = []
    at: dict[str, int] = {}
    for line in lines:
        match = CLAUSE_LINE.match(line)
        if not match:
            kept.append(line)
            continue
        clause_id = match["id"]
        if clause_id not in current:
            gone.append(clause_id)
            continue
        recorded = language.clauses.get(clause_id)
        if recorded is None or recorded.source != source_hash(current[clause_id].text):
            stale.append(clause_id)
            line = f"{match['indent']}- [{clause_id}] {english_in_place(current[clause_id], notice)}"
        at[clause_id] = len(kept)
        kept.append(line)
    # Clauses the translation lacks go after the clause the English puts before them.
    for index, clause in enumerate(english):
        if clause.id in at:
            continue
        before = next((at[c.id] for c in reversed(english[:index]) if c.id in at), None)
        after = next((at[c.id] for c in english[index + 1:] if c.id in at), None)
        line = f"- [{clause.id}] {english_in_place(clause, notice)}"
        if before is None and after is None:
            kept.extend(["", line])
            position = len(kept) - 1
        else:
            position = before + 1 if before is not None else after  # type: ignore[operator]
            kept.insert(position, line)
        at = {k: (v + 1 if v >= position else v) for k, v in at.items()}
        at[clause.id] = position
        stale.append(clause.id)
    order = {c.id: n for n, c in enumerate(english)}
    return Reconciled("\n".join(kept), sorted(stale, key=order.__getitem__), gone)


@dataclass
class TranslatedSite(Site):
    """A language's build: its own pages and words, the English build's clauses and draft state."""

    language: LanguageFile = field(default=None, repr=False)  # type: ignore[assignment]
    english: English = field(default=None, repr=False)  # type: ignore[assignment]
    english_root = "../"

    @cached_property
    def og_image(self) -> previews.Image:
        return self.english.og_image

    @cached_property
    def reconciled(self) -> Reconciled:
        source = (self.docs_dir / POLICY_PAGE).read_text(encoding="utf-8")
        body, first_line = body_and_first_line(source)
        return reconcile(self.expand(body, self.policy_file, first_line), self.language, self.english.clauses)

    @cached_property
    def policy(self) -> Policy:
        reconciled = self.reconciled
        if reconciled.stale or reconciled.gone:
            # A warning, not an error: the English is shown in their place, and contacts must publish.
            parts = []
            if reconciled.stale:
                parts.append(f"clauses {', '.join(reconciled.stale)} show the English (the translation is out "
                             "of date or missing)")
            if reconciled.gone:
                parts.append(f"clauses {', '.join(reconciled.gone)} are left out (no longer in the English)")
            print(f"WARNING - translation {self.language.language}: {'; '.join(parts)}; "
                  "`make translations-worklist` lists what to translate", file=sys.stderr)
        # An out-of-date clause's words are the English it shows (its search entry, its short link).
        english = {c.id: c.text for c in self.english.clauses}
        found = [clause_markup.Clause(c.id, english[c.id], c.section) if c.id in reconciled.stale else c
                 for c in clause_markup.find(reconciled.markdown)]
        try:
            clauses.check_unique([(POLICY_PAGE, c) for c in found])
        except clauses.DuplicateClauseError as error:
            raise SiteError(Problem(self.policy_file, f"{error}.", "give each clause its own ID.")) from None
        return Policy(reconciled.markdown, found)

    @cached_property
    def is_draft(self) -> bool:
        return self.english.is_draft

    @property
    def policy_file(self) -> str:
        return f"{TRANSLATIONS}/{self.language.language}/docs/{POLICY_PAGE}"


# ---- The words of the page around the text ----


STATUS_ENGLISH = {
    "draft": "This is a draft translation into {english_name}: no fluent speaker has checked it yet.",
    "checked": "This translation into {english_name} has been checked by a fluent speaker, {checked_by}, "
    "on {checked_on}.",
    "approved": "This translation into {english_name} has been checked by {checked_by} on {checked_on} and "
    "approved by {approved_by} on {approved_on}.",
}


def english_date(day: dt.date | None) -> str:
    return clauses.long_date(day) if day else ""


def status_html(language: LanguageFile, english_href: str, home: bool = False) -> str:
    """What every translated page says first, in its language and in English: how far the
    translation is checked, who made it and when (the date in the language), that the English
    is authoritative, and where it is."""
    facts = {
        "english_name": language.english_name, "checked_by": language.checked_by or "",
        "checked_on": english_date(language.checked_on), "approved_by": language.approved_by or "",
        "approved_on": english_date(language.approved_on),
    }
    own = language.text("status_notice") if language.status == "draft" else language.text(
        f"status_{language.status}", checked_by=language.checked_by or "", approved_by=language.approved_by or "",
        checked_on=language.long_date(language.checked_on) if language.checked_on else "",
        approved_on=language.long_date(language.approved_on) if language.approved_on else "")
    when = language.text("translation_date", date=language.long_date(language.translated_on))
    href = escape(english_href)
    made = f"{language.translated_by}, {english_date(language.translated_on)}."
    return (
        '<div class="translation-notice" role="note">'
        f'<p>{escape(str(own))} {escape(when)} {escape(language.text("authority_notice"))} '
        + (f'{escape(language.text("staff_pages_english"))} ' if home else "") +
        f'<a href="{href}" hreflang="en">{escape(language.text("read_in_english"))}</a></p>'
        f'<p lang="en" dir="ltr">{escape(STATUS_ENGLISH[language.status].format(**facts))} '
        f"Translated by {escape(made)} The English guidance is the authoritative text. "
        f'<a href="{href}" hreflang="en">Read this page in English</a></p>'
        "</div>"
    )


# The site's own blocks that stay in English on a translated page (the approval record and
# banners, for staff and governors): marked so, so a screen reader reads them as English.
ENGLISH_BLOCKS = ('<aside class="version-panel', '<div class="draft-banner" role="note"')
CONTENTS_TITLE = 'id="page-contents-title">Contents</h2>'


def page_markdown(language: LanguageFile, markdown: str, english_href: str, home: bool) -> str:
    """A translated page's Markdown, finished: its status notice first, its contents list titled
    in its language, and the blocks that stay English marked as English."""
    for block in ENGLISH_BLOCKS:
        tag, rest = block.split(" ", 1)
        markdown = markdown.replace(block, f'{tag} lang="en" dir="ltr" {rest}')
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
    messages = {key: (english, str(language.strings[key])) for key, english in SCRIPT_MESSAGES.items()}
    messages["printed_on"] = (PRINTED_ON, language.text("printed_on", date=language.text(
        "date", day="{day}", month="{month}", year="{year}")))
    found = {}
    for key, (english, words) in messages.items():
        pattern, names = message_pattern(english)
        numbered = ""
        for literal, name, _, _ in string.Formatter().parse(words):
            if name is not None and name not in names:
                raise SiteError(Problem(f"{TRANSLATIONS}/{language.language}/{LANGUAGE_FILE}",
                                        f"strings.{key} has the blank {{{name}}}, which the English has not.",
                                        f"use the English blanks: {', '.join(names) or 'none'}.",
                                        f"strings.{key}", repr(words)))
            numbered += literal.replace("$", "$$") + ("" if name is None else f"${names.index(name) + 1}")
        found[pattern] = numbered
    said = {"messages": found, "months": language.strings["months"]}
    # Inside <script>: no `<` can close it.
    return json.dumps(said, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


# ---- Building every language ----


def nav_for(english_nav: list[Any], docs: Path, english_site_url: str, language: LanguageFile) -> list[Any]:
    """The English menu with each page this language has (titled from its own page) and, for the
    pages it does not have (those for staff and governors), links to the English ones."""

    def entry(item: Any) -> Any:
        if isinstance(item, str):
            return item if (docs / item).is_file() else {item: english_url(item)}
        (title, value), = item.items()
        if isinstance(value, list):
            key = NAV_SECTIONS.get(title)
            named = language.text(key) if key and key in language.strings else title
            return {named: [entry(child) for child in value]}
        if isinstance(value, str) and value.endswith(".md"):
            return value if (docs / value).is_file() else {title: english_url(value)}
        return item

    return [entry(item) for item in english_nav]


def english_url(page: str) -> str:
    """Where a page's English is, from the language's root: `versions/index.md` → `../versions/`."""
    path = page.removesuffix(".md")
    return "../" + (path.removesuffix("index") if path.endswith("index") else path + "/")


def language_config(raw: Mapping[str, Any], folder: Path, language: LanguageFile, project: Path,
                    english_site_url: str) -> dict[str, Any]:
    """mkdocs.yml for one language: its pages, menu, interface language and direction, search."""
    config = copy.deepcopy(dict(raw))
    docs = folder / "docs"
    config["docs_dir"] = str(docs.relative_to(project))
    theme = config["theme"]
    theme["language"] = language.language
    theme["direction"] = language.dir
    for scheme in theme.get("palette", []):
        toggle = scheme.get("toggle")
        if toggle:
            toggle["name"] = language.text("switch_to_light_mode" if scheme.get("scheme") == "slate"
                                           else "switch_to_dark_mode")
    plugins = []
    for plugin in config["plugins"]:
        name, options = (plugin, {}) if isinstance(plugin, str) else next(iter(plugin.items()))
        options = dict(options or {})
        if name == "search":
            options["lang"] = language.language if language.language in SEARCH_LANGUAGES else "en"
        if name == "macros":
            # Its own shared sentences; without any, an include names the file it lacks.
            includes = docs / "_includes" if (docs / "_includes").is_dir() else docs
            options["include_dir"] = str(includes.relative_to(project))
        plugins.append({name: options})
    config["plugins"] = plugins
    extensions = []
    for extension in config.get("markdown_extensions", []):
        if isinstance(extension, dict) and "toc" in extension:
            extension = {"toc": {**extension["toc"], "permalink_title": language.text("link_to_this_section")}}
        name = extension if isinstance(extension, str) else next(iter(extension))
        if name == clause_markup.__name__ and language.dir == "rtl":
            options = {} if isinstance(extension, str) else dict(extension[name] or {})
            extension = {name: {**options, "ltr_ids": True}}
        extensions.append(extension)
    config["markdown_extensions"] = extensions
    config["nav"] = nav_for(config.get("nav", []), docs, english_site_url, language)
    # Its links to the English pages are outside this build's files: MkDocs reports each one
    # (it checks them all in the English build).
    config.setdefault("validation", {}).setdefault("nav", {})["not_found"] = "info"
    config.setdefault("extra", {})["translation"] = language.language
    # The words of site.js and of a printed page's footer (overrides/main.html) in the language.
    config["extra"]["script_words"] = script_words(language)
    config["extra"]["printed_from"] = language.strings["printed_from"]
    return config


def build_all(config_module: Any, build_module: Any, config_file: str, site_dir: str | None,
              english_config: Any) -> None:
    """Each language after the English, into `<site>/<lang>/`, in this process."""
    project = Path(config_file).resolve().parent
    site = english_config["plugins"]["macros"].site
    english = English(list(site.policy.clauses), site.is_draft, site.data.school.site_url, site.docs_dir.resolve(),
                      site.og_image)
    raw = yaml.safe_load(Path(config_file).read_text(encoding="utf-8"))
    root = Path(site_dir or english_config["site_dir"]).resolve()
    for folder, language in discover(project):
        config = language_config(raw, folder, language, project, english.site_url)
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        cfg = config_module.load_config(io.StringIO(text), config_file_path=str(Path(config_file).resolve()),
                                        strict=True, site_dir=str(root / language.language))
        cfg["extra"]["english"] = english
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build_module.build(cfg, dirty=False)
        finally:
            cfg.plugins.on_shutdown()
        share_assets(root, language.language)
    write_sitemaps(root, [language.language for _, language in discover(project)], english.site_url)


def with_english_assets(files: Any, english: English, file_class: Any, config: Any) -> Any:
    """The English build's own assets (stylesheet, script, logo, pictures) in this build too."""
    for path in sorted((english.docs_dir / "assets").rglob("*")):
        if path.is_file():
            relative = path.relative_to(english.docs_dir).as_posix()
            if files.get_file_from_path(relative) is None:
                files.append(file_class(relative, str(english.docs_dir), config["site_dir"], config["use_directory_urls"]))
    return files


def finish(site_dir: Path, data: SchoolData, policy: list[clause_markup.Clause], image: previews.Image) -> None:
    """The language build's pipeline: its short links (previewing the clause in its words), its
    clause-aware search, minified assets. Comparisons, the feed and withdrawn clauses are English."""
    data = data.model_copy(update={"withdrawn": []})
    for path, html in shortlinks.pages(data, policy, POLICY_URL, image).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(pipeline.finish_page(html, serving=False), encoding="utf-8")
    search.write_indexes(site_dir, policy, POLICY_URL)
    assets.minify_site(site_dir)


def finish_built(site_dir: Path, english_docs: Path, data: SchoolData, image: previews.Image) -> None:
    """For engines without MkDocs' hooks (`python -m macros.pipeline`): each language folder the
    engine built gets what the hooks give it, read from its built pages."""
    project = english_docs.parent
    for folder, language in discover(project):
        built = site_dir / language.language
        if not (built / POLICY_URL / "index.html").is_file():
            continue
        for path in sorted((english_docs / "assets").rglob("*")):
            target = built / path.relative_to(english_docs)
            if path.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
        shown = pipeline.clauses_from_html((built / POLICY_URL / "index.html").read_text(encoding="utf-8"))
        # An out-of-date clause's words are the English it shows, without the notice beside it.
        notice = " " + language.text("translation_updating")
        policy = [clause_markup.Clause(c.id, c.text.replace(notice, "").strip(), c.section) for c in shown]
        finish(built, translated_data(data, language), policy, image)


# A link or source in a page (an attribute, or the search worker in Material's settings).
ASSET_URL = re.compile(r'(?P<before>\s(?:href|src)="|"search": ")(?P<url>[^"]*)"')
ASSETS = "assets/"


def to_shared_assets(html: str, page_path: str, code: str) -> str:
    """A language's page pointed at the English site's assets (the same bytes) instead of its own:
    one copy of every stylesheet, script and picture, cached once for every language."""

    def shared(match: re.Match[str]) -> str:
        url = match["url"]
        if url.startswith("/"):  # the 404 page's addresses start at the server's root
            if f"/{code}/{ASSETS}" not in url:
                return match[0]
            moved = url.replace(f"/{code}/{ASSETS}", f"/{ASSETS}", 1)
        elif re.match(r"^[a-z][a-z0-9+.-]*:|^#", url):
            return match[0]
        else:
            path = url.split("?", 1)[0]
            resolved = posixpath.normpath(posixpath.join("/" + posixpath.dirname(page_path), path))
            if not resolved.startswith("/" + ASSETS):
                return match[0]
            moved = "../" + url
        # The search loader finds this language's index from the English site's worker folder.
        moved = moved.replace(f"index=../../../{search.FULL_INDEX}", f"index=../../../{code}/{search.FULL_INDEX}")
        return f'{match["before"]}{moved}"'

    return ASSET_URL.sub(shared, html)


def share_assets(root: Path, code: str) -> None:
    """Once a language's build is finished: its assets, checked to be the English ones byte for
    byte, are removed and its pages use the English ones."""
    own = root / code / ASSETS
    if not own.is_dir() or not (root / code / search.FULL_INDEX).is_file():
        return
    different = [path.relative_to(own).as_posix() for path in sorted(own.rglob("*")) if path.is_file()
                 and (root / ASSETS / path.relative_to(own)).read_bytes() != path.read_bytes()
                 ] if all((root / ASSETS / p.relative_to(own)).is_file() for p in own.rglob("*") if p.is_file()) \
        else ["(a file the English site does not have)"]
    if different:
        raise SiteError(Problem(f"{TRANSLATIONS}/{code}/", f"the {code!r} build's assets differ from the English "
                                f"site's: {', '.join(different[:5])}.", "a translation has no assets of its own: "
                                "put pictures and styles in docs/assets/, for every language.", "", None))
    for page in sorted((root / code).rglob("*.html")):
        relative = page.relative_to(root / code).as_posix()
        html = page.read_text(encoding="utf-8")
        moved = to_shared_assets(html, relative, code)
        if moved != html:
            page.write_text(moved, encoding="utf-8")
    shutil.rmtree(own)


SITEMAP = "sitemap.xml"
SITEMAP_NS = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
XHTML_NS = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
LOC = re.compile(r"<loc>(?P<url>[^<]+)</loc>")
# A sitemap entry; alternates go last in it, where the sitemap schema allows other namespaces.
ENTRY = re.compile(r"(?P<entry><url>\s*<loc>(?P<url>[^<]+)</loc>.*?)(?P<end>\s*</url>)", re.S)


def sitemap_alternates(sitemaps: Mapping[str, str], site_url: str) -> dict[str, str]:
    """Each sitemap (language code → its XML, "en" the root's) with every page's versions in the
    other languages as `xhtml:link` alternates: how search engines learn of them, without a
    `<link rel=alternate>` in every page's head (Material would then fetch each sitemap)."""
    paths = {code: {m["url"].removeprefix(site_url if code == "en" else f"{site_url}{code}/"): m["url"]
                    for m in LOC.finditer(xml)} for code, xml in sitemaps.items()}
    written = {}
    for code, xml in sitemaps.items():
        def alternates(match: re.Match[str], code: str = code) -> str:
            path = match["url"].removeprefix(site_url if code == "en" else f"{site_url}{code}/")
            found = [(other, urls[path]) for other, urls in paths.items() if path in urls]
            if len(found) < 2:
                return match[0]
            return match["entry"] + "".join(f'\n         <xhtml:link rel="alternate" hreflang="{other}" href="{url}"/>'
                                            for other, url in found) + match["end"]
        written[code] = ENTRY.sub(alternates, xml.replace(SITEMAP_NS, XHTML_NS, 1))
    return written


def write_sitemaps(root: Path, codes: list[str], site_url: str) -> None:
    """The root's and each language's sitemap.xml (and .gz, its time kept) with alternates."""
    folders = {"en": root, **{code: root / code for code in codes}}
    sitemaps = {code: (folder / SITEMAP).read_text(encoding="utf-8") for code, folder in folders.items()
                if (folder / SITEMAP).is_file()}
    for code, xml in sitemap_alternates(sitemaps, site_url).items():
        path = folders[code] / SITEMAP
        path.write_text(xml, encoding="utf-8")
        packed = path.with_name(SITEMAP + ".gz")
        mtime = int.from_bytes(packed.read_bytes()[4:8], "little") if packed.is_file() else 0
        with packed.open("wb") as out, gzip.GzipFile(filename=SITEMAP, fileobj=out, mode="wb", mtime=mtime) as gz:
            gz.write(xml.encode("utf-8"))


def for_build(conf: Mapping[str, Any], project: Path) -> tuple[LanguageFile, English] | None:
    """In a language's build, its file and the English build's facts; None in the English build."""
    code = conf["extra"].get("translation")
    if not code:
        return None
    english = conf["extra"].get("english")
    if not isinstance(english, English):
        raise SiteError(Problem("mkdocs.yml", f"the {code!r} translation is built on its own.",
                                "build the whole site with `make build`: a translation needs the English first."))
    return load(project / TRANSLATIONS / code / LANGUAGE_FILE), english


def apply(conf: Any, docs_dir: Path) -> None:
    """The site's description in this language: its home page's, which makes its point first."""
    _, meta = get_data((docs_dir / "index.md").read_text(encoding="utf-8"))
    if meta.get("description"):
        conf["site_description"] = str(meta["description"])


def register(env: Any, site: TranslatedSite) -> None:
    """The macros and variables whose words are the language's: the data file's words, joined
    and labelled in it; contacts (email, phone) stay as the data file has them."""
    language, data = site.language, site.data
    words = {key: language.text(key) if key != "journey_contact" else str(language.strings[key])
             for key in responses.JOURNEY_WORDS}
    # Numbers, addresses and IDs stay left-to-right on a right-to-left page.
    ltr = language.dir == "rtl"
    env.variables["policy_title"] = language.text("policy_title")
    env.macro(lambda: contacts.email_link(data.contact, ltr), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact, ltr), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact, language.text("call"), language.text("email"), ltr),
              "contact_actions")
    env.macro(lambda: responses.steps_sentence(data.concern_steps, language.text("list_separator"),
                                               language.text("list_last_separator")), "concern_steps")
    env.macro(lambda policy_url: responses.concern_journey(data, policy_url, words, ltr), "concern_journey")

ENGLISH_LABEL = "Language"


def switch_links(project: Path, current: LanguageFile | None) -> dict[str, Any]:
    """What the language control on every page needs (overrides/main.html): each language in its
    own name, where its site is from this build's root, and the pages it has."""
    english_docs = project / "docs"
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


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
