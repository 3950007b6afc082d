"""The draft translations (translations/<lang>/): each language's file and pages line up with the
English, section by section and clause by clause, keep every macro, anchor, link and number as the
English has them, and record which English words each clause was translated from."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.utils.meta import get_data

from macros.clauses import markup
from macros.clauses.markup import Clause
from macros.clauses.rules import whatsapp_text
from macros.data import language_file as language_file_model
from macros.data import model
from macros.data.model import Response
from macros.data.settings import FREEZE_ENV
from macros.pages.contents import CODE_OF_CONDUCT
from macros.pages.facts import POLICY_URL
from macros.pages.responses import response_clauses, response_text
from tests.support.builds import ROOT, SHIPPED_LANGUAGES, build, copy_project

TRANSLATIONS = ROOT / "translations"
DOCS = ROOT / "docs"
# The translations are of this repository's own text, data file included (another school's data
# file would need translations of its own): they are checked against the English built from it.
SOURCE_DATA = ROOT / "school.yml"
pytestmark = pytest.mark.same_for_any_school(
    "the translations are checked against this repository's own data file (SOURCE_DATA), whichever the run uses")
# The rule: the languages the school ships must be complete, and are checked whole; a language
# added since as files may be partial (README: a language file and as few as two pages). What it
# has is checked as strictly; what it lacks is shown in English, marked lang="en", which
# tests/build/test_languages.py checks on the built site.
LANGUAGES = sorted(set(SHIPPED_LANGUAGES) | {path.parent.name for path in TRANSLATIONS.glob("*/language.yml")})
RIGHT_TO_LEFT = {"ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}
# What a parent reads; the pages for staff and governors stay in English.
PARENT_PAGES = ["index.md", "policy.md", "raise-a-concern.md", "group-rules.md", "accessibility.md"]
PAGES = PARENT_PAGES + sorted(f"_includes/{path.name}" for path in (DOCS / "_includes").glob("*.md"))


def pages_to_check(names: list[str]) -> list[tuple[str, str]]:
    """(language, page): every page of a shipped language, the pages a partial language has."""
    return [
        (language, name)
        for language in LANGUAGES
        for name in names
        if language in SHIPPED_LANGUAGES or (TRANSLATIONS / language / "docs" / name).is_file()
    ]


# What a status needs recorded: a translation is checked by a fluent speaker, then approved.
STATUS_RECORDS = {
    "draft": [],
    "checked": ["checked_by", "checked_on"],
    "approved": ["checked_by", "checked_on", "approved_by", "approved_on"],
}
REQUIRED_STRINGS = [
    "notice_draft", "notice_more", "translation_date", "authority_notice", "read_in_english", "translation_updating",
    "staff_pages_english", "language_switch_label", "read_in_your_language", "policy_title", "copy_link",
    "copy_link_to_clause",
    "link_copied", "copied", "copy_failed", "copy_for_whatsapp", "rules_copied", "contents", "printed_from",
    "printed_on", "months", "call", "email", "journey_raise", "journey_contact", "journey_look",
    "journey_school_will", "journey_respond", "version_panel_label", "version_history", "not_yet_approved",
    "draft_banner", "see_the_changes",
]  # fmt: skip

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# An attribute list, `{ #id .class }`: a brace that is not part of `{{`, `}}`, `{%` or `%}`.
ATTRIBUTES = re.compile(r"(?<![{%])\{(?![{%])([^{}]*)\}(?!\})")
ANCHOR = re.compile(r"#([\w-]+)")
HEADING = re.compile(r"^(#{1,6})[ ]", re.MULTILINE)
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
NUMBER = re.compile(r"[0-9]+")
CLAUSE_LINE = re.compile(r"^- \[(?P<id>[A-Z]{1,3}[0-9]{1,3})\] (?P<text>.+)$", re.MULTILINE)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
SHORT_HASH = re.compile(r"^[0-9a-f]{12}$")


def source_hash(english: str) -> str:
    """The English a clause was translated from, as its file records it."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:12]


def language_file(language: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((TRANSLATIONS / language / "language.yml").read_text(encoding="utf-8"))
    return loaded


def page(path: Path) -> tuple[str, dict[str, Any]]:
    """A page's Markdown and its front matter."""
    return get_data(path.read_text(encoding="utf-8"))


def english(page_name: str) -> tuple[str, dict[str, Any]]:
    return page(DOCS / page_name)


def translated(language: str, page_name: str) -> tuple[str, dict[str, Any]]:
    return page(TRANSLATIONS / language / "docs" / page_name)


def translated_responses(language: str) -> list[Response]:
    data = language_file(language)["data"]["responses"]
    return [Response(id=rid, action=fields["action"]["text"],
                     applies_when=fields["applies_when"]["text"] if "applies_when" in fields else None)
            for rid, fields in data.items()]


def with_responses(language: str, markdown: str) -> str:
    """The translated policy with its responses listed as the macro will list them."""
    return markdown.replace("{{ response_clauses() }}", response_clauses(translated_responses(language)))


@pytest.fixture(scope="module")
def english_clauses(tmp_path_factory: pytest.TempPathFactory) -> list[Clause]:
    """The clauses as the built site has them (macros expanded), from the data file translated."""
    folder = tmp_path_factory.mktemp("translation-source")
    frozen = folder / "policy.md"
    # The English alone: it is what the translations are checked against.
    english_only = copy_project(folder / "project", languages=())
    result = build(folder / "site", project=english_only, data_file=SOURCE_DATA, env={FREEZE_ENV: str(frozen)})
    assert result.ok, result.output
    return markup.find(frozen.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_every_page_a_parent_reads_is_translated(language: str) -> None:
    """A shipped language has every page; a language added as files may lack some (shown in English)."""
    assert (TRANSLATIONS / language / "language.yml").is_file()
    missing = [name for name in PAGES if not (TRANSLATIONS / language / "docs" / name).is_file()]
    assert not missing, f"{language}: no translation of {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_file_says_what_language_and_how_far_checked(language: str) -> None:
    meta = language_file(language)
    assert meta["language"] == language
    assert meta["name"].strip() and meta["english_name"].strip() and meta["translated_by"].strip()
    assert meta["dir"] == ("rtl" if language in RIGHT_TO_LEFT else "ltr")
    assert isinstance(meta["translated_on"], dt.date)
    assert meta["status"] in STATUS_RECORDS
    recorded = STATUS_RECORDS[meta["status"]]
    for field in ["checked_by", "checked_on", "approved_by", "approved_on"]:
        assert (meta[field] is not None) == (field in recorded), f"{language}: {field} with status {meta['status']}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_fluent_speaker_has_checked_these_yet(language: str) -> None:
    assert language_file(language)["status"] == "draft"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_clause_has_its_words_and_english_source(language: str, english_clauses: list[Clause]) -> None:
    """Every clause but the responses (the data file's words, below), translated from the English as it is.

    A shipped language has every clause; a partial one has some, in the English order (the rest are
    shown in English with the notice).
    """
    clauses = language_file(language)["clauses"]
    responses = {r.id for r in model.load(SOURCE_DATA).responses}
    english = {c.id: c.text for c in english_clauses if c.id not in responses}
    if language in SHIPPED_LANGUAGES:
        assert list(clauses) == list(english)
    else:
        assert list(clauses) == [clause_id for clause_id in english if clause_id in clauses]
    for clause_id, entry in clauses.items():
        assert str(entry["text"]).strip(), f"{language} {clause_id}: no words"
        assert SHORT_HASH.match(str(entry["source"])), f"{language} {clause_id}: source {entry['source']!r}"
        assert entry["source"] == source_hash(english[clause_id]), f"{language} {clause_id}: not from the English now"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_policy_has_its_clauses_once_in_the_english_order(language: str, english_clauses: list[Clause]) -> None:
    markdown, _ = translated(language, "policy.md")
    lines = CLAUSE_LINE.findall(with_responses(language, markdown))
    ids = [clause_id for clause_id, _ in lines]
    # In the English order, each once. A clause the English has gained since is not required:
    # the site shows the English in its place (and the build and the worklist say so).
    assert len(ids) == len(set(ids)) and ids == [c.id for c in english_clauses if c.id in ids]
    words = {k: v["text"] for k, v in language_file(language)["clauses"].items()}
    words |= {r.id: response_text(r) for r in translated_responses(language)}
    assert {clause_id: text.strip() for clause_id, text in lines} == words


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_data_file_words_are_all_translated_from_the_english_as_it_is(language: str) -> None:
    """Each of the data file's words, with the fingerprint of the data file's English now.

    A shipped language has them all; a partial one has some (the rest are shown in English).
    """
    source = model.load(SOURCE_DATA)
    data = language_file(language)["data"]
    english = {r.id: r for r in source.responses}
    complete = language in SHIPPED_LANGUAGES
    responses = data.get("responses", {})
    assert set(responses) == set(english) if complete else set(responses) <= set(english)
    pairs: list[tuple[Any, str]] = [(data.get(field), words) for field, words in
             [("contact_team", source.contact.team), ("proportionality", source.proportionality)]]
    steps = data.get("concern_steps", [])
    assert len(steps) == len(source.concern_steps) if complete else len(steps) <= len(source.concern_steps)
    pairs += list(zip(steps, source.concern_steps, strict=False))
    for rid, fields in responses.items():
        pairs.append((fields.get("action"), english[rid].action))
        # "When it applies" where the data file has one, and only there (a partial language may lack it).
        assert "applies_when" not in fields or english[rid].applies_when is not None, f"{language} {rid}"
        if complete:
            assert ("applies_when" in fields) == (english[rid].applies_when is not None), f"{language} {rid}"
        if applies_when := english[rid].applies_when:
            pairs.append((fields.get("applies_when"), applies_when))
    if complete:
        assert all(entry is not None for entry, _ in pairs), f"{language}: a data word is missing"
    pairs = [(entry, words) for entry, words in pairs if entry is not None]
    for entry, words in pairs:
        assert str(entry["text"]).strip(), f"{language}: no words for {words!r}"
        assert entry["source"] == source_hash(words), f"{language}: {entry['text']!r} is not from {words!r}"


@pytest.mark.parametrize(("language", "page_name"), pages_to_check(PAGES))
def test_macro_calls_are_the_english_ones(language: str, page_name: str) -> None:
    """A shipped language's page has the English ones; a partial language's page only English ones."""
    theirs = Counter(MACRO.findall(translated(language, page_name)[0]))
    ours = Counter(MACRO.findall(english(page_name)[0]))
    assert theirs == ours if language in SHIPPED_LANGUAGES else theirs <= ours


@pytest.mark.parametrize(("language", "page_name"), pages_to_check(PAGES))
def test_anchors_are_the_english_ones(language: str, page_name: str) -> None:
    def anchors(markdown: str) -> list[str]:
        return [anchor for attributes in ATTRIBUTES.findall(markdown) for anchor in ANCHOR.findall(attributes)]

    theirs, ours = anchors(translated(language, page_name)[0]), anchors(english(page_name)[0])
    # A partial language's page may have fewer sections: those it has, in the English order.
    assert theirs == (ours if language in SHIPPED_LANGUAGES else [anchor for anchor in ours if anchor in theirs])


@pytest.mark.parametrize(("language", "page_name"), pages_to_check(PAGES))
def test_headings_links_and_numbers_are_the_english_ones(language: str, page_name: str) -> None:
    """Sections align one to one; links, numbers, emails and addresses are never translated."""
    theirs, ours = translated(language, page_name)[0], english(page_name)[0]
    headings = HEADING.findall(MACRO.sub("", theirs)), HEADING.findall(MACRO.sub("", ours))
    links = Counter(LINK_TARGET.findall(theirs)), Counter(LINK_TARGET.findall(ours))
    numbers = set(NUMBER.findall(MACRO.sub("", theirs))), set(NUMBER.findall(MACRO.sub("", ours)))
    if language in SHIPPED_LANGUAGES:
        assert headings[0] == headings[1] and links[0] == links[1] and numbers[0] == numbers[1]
    else:  # a partial language's page: fewer sections, never a heading level, link or number of its own
        assert set(headings[0]) <= set(headings[1]) and links[0] <= links[1] and numbers[0] <= numbers[1]


@pytest.mark.parametrize(("language", "page_name"), pages_to_check(PARENT_PAGES))
def test_title_and_description_are_translated(language: str, page_name: str) -> None:
    theirs, ours = translated(language, page_name)[1], english(page_name)[1]
    assert set(theirs) == set(ours)
    for field in ["title", "description"]:
        assert theirs[field].strip() and theirs[field] != ours[field], f"{language} {page_name}: {field}"
    assert {k: v for k, v in theirs.items() if k not in {"title", "description"}} == {
        k: v for k, v in ours.items() if k not in {"title", "description"}
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interface_strings_are_there(language: str) -> None:
    strings = language_file(language)["strings"]
    missing = [key for key in REQUIRED_STRINGS if not strings.get(key)]
    assert not missing, f"{language}: no {missing}"
    assert len(strings["months"]) == 12 and all(m.strip() for m in strings["months"])


def test_every_language_has_the_same_strings_with_the_same_blanks() -> None:
    """A string's `{names}` are filled in by the site: each language must keep them all.

    Every string the site uses (`USED_STRINGS`) is in every language; a language file may hold
    more (the model allows strings for pages still to come), and one that does keeps its blanks
    as every other language that has it does.
    """
    files = {language: language_file(language)["strings"] for language in LANGUAGES}
    for language, strings in files.items():
        assert set(language_file_model.USED_STRINGS) - set(strings) == set(), f"{language} lacks strings"
    for key in sorted({key for strings in files.values() for key in strings}):
        blanks = {
            language: set(PLACEHOLDER.findall(strings[key]))
            for language, strings in files.items()
            if isinstance(strings.get(key), str)
        }
        assert len({frozenset(found) for found in blanks.values()}) <= 1, f"{key}: {blanks}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_translated_rules_fit_a_whatsapp_group_description(language: str) -> None:
    """The rules page says the code of conduct fits in a group description: in every language."""
    source = model.load(SOURCE_DATA)
    markdown, _ = translated(language, "policy.md")
    section = re.search(rf"^## (.+?) \{{ #{CODE_OF_CONDUCT} \}}$", markdown, re.MULTILINE)
    assert section
    conduct = [
        Clause(clause_id, entry["text"], section[1])
        for clause_id, entry in language_file(language)["clauses"].items()
        if clause_id.startswith("C")
    ]
    assert conduct
    link = f"{source.school.site_url}{POLICY_URL}#{CODE_OF_CONDUCT}"
    whatsapp_text(f"{source.school.name}: {section[1]}", conduct, link)
