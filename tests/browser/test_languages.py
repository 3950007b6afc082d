"""The translations in a real Chromium: right-to-left pages mirrored. (axe-core checks every
translated page with the English ones: tests/browser/test_accessibility.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from macros import languages
from tests.sitebuild import ROOT

LANGUAGES = [language for _, language in languages.discover(ROOT)]


MARKER_AND_TEXT = """(li) => {
  const id = li.querySelector('.clause__id').getBoundingClientRect();
  const words = [...li.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  const range = document.createRange();
  range.selectNodeContents(words);
  const text = range.getBoundingClientRect();
  const style = getComputedStyle(li);
  return {id: [id.left, id.right], text: [text.left, text.right],
          border: {left: style.borderLeftWidth, right: style.borderRightWidth}};
}"""


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.language)
def test_the_clause_marker_sits_where_the_language_starts_a_line(page: Page, language: languages.LanguageFile) -> None:
    """At 360 px: in Arabic and Urdu the marker is on the right of the words, and the clause's
    edge (which marks the clause a link lands on) on the right too; in English and Polish both
    on the left."""
    for prefix, direction in (("", "ltr"), (f"{language.language}/", language.dir)):
        page.goto(f"{prefix}policy/")
        boxes = page.locator("li#c1").evaluate(MARKER_AND_TEXT)
        start, end = ("right", "left") if direction == "rtl" else ("left", "right")
        if direction == "rtl":
            assert boxes["id"][0] >= boxes["text"][1] - 1, (prefix, boxes)
        else:
            assert boxes["id"][1] <= boxes["text"][0] + 1, (prefix, boxes)
        assert boxes["border"][start] == "4px" and boxes["border"][end] == "0px", (prefix, boxes)
