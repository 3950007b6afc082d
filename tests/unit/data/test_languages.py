"""A language's file (translations/<lang>/language.yml): checked as the data file is, its schema
committed for editors, and the functions that keep a translation honest about the English."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import string
from pathlib import Path

import pytest

from macros.clauses import translated
from macros.clauses.markup import Clause
from macros.common.problems import SiteError
from macros.data import language_file
from macros.pages import translated_page
from tools.translations_worklist import NOT_FOUND, worklist

ROOT = Path(__file__).resolve().parents[3]
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


ENGLISH = [Clause("C1", "One.", "S"), Clause("C2", "Two.", "S"), Clause("C3", "Three.", "S")]


def polish_with(clauses: dict[str, tuple[str, str]]) -> language_file.LanguageFile:
    loaded = language_file.load(POLISH)
    return loaded.model_copy(update={"clauses": {
        k: language_file.TranslatedClause(text=t, source=translated.source_hash(s)) for k, (t, s) in clauses.items()}})


def test_reconcile_keeps_current_translations_and_shows_the_english_of_the_rest() -> None:
    words = polish_with({"C1": ("Jeden.", "One."), "C2": ("Dwa.", "Two, before.")})
    markdown = "Intro\n\n- [C1] Jeden.\n- [C2] Dwa.\n- [Z1] Stare.\n\nEnd"
    done = translated.reconcile(markdown, words, ENGLISH)
    assert done.stale == ["C2", "C3"] and done.gone == ["Z1"]
    lines = done.markdown.splitlines()
    assert lines[2] == "- [C1] Jeden."
    assert lines[3].startswith('- [C2] <span lang="en" dir="ltr">Two.</span>')
    assert lines[4].startswith('- [C3] <span lang="en" dir="ltr">Three.</span>')
    assert words.text("translation_updating") in lines[4]
    assert "Z1" not in done.markdown and lines[-1] == "End"


def test_dates_are_written_in_the_language() -> None:
    words = language_file.load(POLISH)
    months = words.strings["months"]
    assert isinstance(months, list)
    assert words.long_date(dt.date(2027, 1, 20)) == words.text("date", day="20", month=months[0], year="2027")


def test_the_worklist_names_each_clause_to_translate_with_what_changed_in_the_english() -> None:
    earlier = [Clause("C2", "Two words before.", "S")]
    words = polish_with({"C1": ("Jeden.", "One."), "C2": ("Dwa.", "Two words before."), "C3": ("Trzy.", "Lost."),
                         "Z1": ("Stare.", "Old.")})
    listed = worklist(ENGLISH, earlier, [words])
    assert listed.startswith("Polish (pl, translations/pl/)\n")
    assert "C1" not in listed
    assert "C2: the English has changed since it was translated." in listed
    assert "What changed: [deleted: Two words before.] [inserted: Two.]" in listed
    assert f"C3: the English has changed since it was translated.\n    What changed: {NOT_FOUND}" in listed
    assert "Z1: no longer in the English" in listed
    lacking = worklist(ENGLISH, [], [polish_with({"C1": ("Jeden.", "One.")})])
    assert "C2: not translated yet. The English now: Two." in lacking
    assert "Nothing to translate" in worklist(ENGLISH, [], [polish_with(
        {c.id: (c.text, c.text) for c in ENGLISH})])


# ---- site.js's messages in the language ----

SITE_JS = ROOT / "docs" / "assets" / "site.js"


def said_in(words: language_file.LanguageFile, english: str) -> str:
    """What the page's siteWords gives for an English message, done as overrides/main.html does it:
    the matching pattern replaced as JavaScript replaces (`$1` the first group, `$$` a `$`)."""
    said = json.loads(translated_page.script_words(words))
    for pattern, replacement in said["messages"].items():
        found = re.fullmatch(pattern, english)
        if found:
            parts = re.findall(r"\$\$|\$\d|[^$]+|\$", replacement)
            return "".join("$" if part == "$$" else found[int(part[1])] if re.fullmatch(r"\$\d", part) else part
                           for part in parts)
    return english


def test_every_message_of_site_js_is_given_in_the_language() -> None:
    words = language_file.load(POLISH)
    months = words.strings["months"]
    assert isinstance(months, list)
    link = "https://example.org/pl/c3/"
    assert said_in(words, "Copied") == words.text("copied")
    assert said_in(words, "Copy link") == words.text("copy_link")
    assert said_in(words, "Copy link to clause C3") == words.text("copy_link_to_clause", id="C3")
    assert said_in(words, f"Link to clause C3 copied: {link}") == words.text("link_copied", id="C3", link=link)
    # The month is the language's already: site.js takes siteWords' months.
    assert said_in(words, f" on 24 {months[10]} 2026") == words.text(
        "printed_on", date=words.text("date", day="24", month=months[10], year="2026"))
    assert json.loads(translated_page.script_words(words))["months"] == months
    for key, english in translated_page.SCRIPT_MESSAGES.items():
        if "{" not in english:
            assert said_in(words, english) == words.text(key), key
    # A message the language does not give stays English.
    assert said_in(words, "Clear selection") == "Clear selection"
    odd = words.model_copy(update={"strings": {**words.strings, "copied": "</script>$1 $&", "copy_link": "5 $"}})
    assert "<" not in translated_page.script_words(odd)
    assert said_in(odd, "Copied") == "</script>$1 $&" and said_in(odd, "Copy link") == "5 $"


def test_site_js_still_writes_each_message_it_is_given_for() -> None:
    """site.js writes a message as its English, its blanks joined in: each piece is in it as written."""
    script = SITE_JS.read_text(encoding="utf-8")
    for english in [*translated_page.SCRIPT_MESSAGES.values(), translated_page.PRINTED_ON]:
        pieces = [literal for literal, _, _, _ in string.Formatter().parse(english) if literal]
        assert f"t({json.dumps(pieces[0])}" in script, english
        assert all(json.dumps(piece) in script for piece in pieces), english


@pytest.mark.parametrize(("key", "words", "said"), [
    ("copy_link_to_clause", "Kopiuj {link}", "have the blank {link}, which the English has not"),
    ("copied", "Skopiowano {", "have a { or } that is not part of a blank"),
    ("printed_on", " dnia {day}", "have a blank that is not {date}"),
    ("date", "{day} {miesiąc}", "have a blank that is not {day}, {month} or {year}"),
])
def test_a_blank_the_english_message_has_not_is_named(key: str, words: str, said: str) -> None:
    polish = language_file.load(POLISH)
    wrong = polish.model_copy(update={"strings": {**polish.strings, key: words}})
    with pytest.raises(SiteError) as raised:
        translated_page.script_words(wrong)
    message = str(raised.value)
    assert "translations/pl/language.yml" in message and f"strings.{key}" in message
    assert said in message and repr(words) in message
