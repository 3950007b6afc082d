"""site.js's messages in a language's words, checked against what site.js writes."""

from __future__ import annotations

import json
import re
import string

import pytest

from macros.common.problems import SiteError
from macros.data import language_file
from macros.pages import translated_page
from tests.support.builds import ROOT

POLISH = ROOT / "translations" / "pl" / "language.yml"


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
