"""Search in every language: a word of a translated clause, typed on that language's site,
offers that clause and lands on it, whether or not Material has a stemmer for the language."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from macros.data import language_file
from macros.finishing import search as site_search
from macros.languages import builds
from tests.support.browser import assert_in_view_below_header, search
from tests.support.builds import ROOT

LANGUAGES = [language for _, language in language_file.discover(ROOT)]
TAGS = re.compile(r"<[^>]+>")


def is_word(token: str) -> bool:
    """Letters and their marks only (Arabic's vowel signs are marks), at least four of them."""
    return len(token) >= 4 and all(unicodedata.category(ch)[0] in "LM" for ch in token)


def clause_and_word(site: Path, code: str) -> tuple[str, str]:
    """A clause of this language's index and a word with a letter outside ASCII that no other
    entry holds (not even inside a longer word, as search matches the start of words): searching
    for it can offer only that clause."""
    docs = json.loads((site / code / site_search.FULL_INDEX).read_text(encoding="utf-8"))["docs"]
    texts = [f"{d['title']} {TAGS.sub(' ', d['text'])}".lower() for d in docs]
    for doc in docs:
        if not doc.get("tags"):
            continue
        words = {w.strip(".,;:!?()«»\"'،؛؟") for w in TAGS.sub(" ", doc["text"]).lower().split()}
        unique = [w for w in words if is_word(w) and not w.isascii() and sum(w in t for t in texts) == 1]
        if unique:
            return doc["location"].split("#")[1], max(sorted(unique), key=len)
    raise AssertionError(f"no clause of {code}'s index has a word of its own")


def test_both_kinds_of_language_are_searched() -> None:
    """Material has a stemmer for some of the site's languages (Arabic) and none for others
    (Polish, Urdu): the test below covers both."""
    stemmed = {language.language in builds.SEARCH_LANGUAGES for language in LANGUAGES}
    assert stemmed == {True, False}, [language.language for language in LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.language)
def test_a_word_of_a_translated_clause_offers_the_clause_and_lands_on_it(
    own_page: Page, site: Path, language: language_file.LanguageFile
) -> None:
    page, code = own_page, language.language
    anchor, word = clause_and_word(site, code)
    page.goto(f"{code}/")
    search(page, word, keys=False)
    first = page.locator(".md-search-result__link:has(article:not([data-md-score='0.00']))").first
    href = first.get_attribute("href") or ""
    url = urlsplit(href)
    assert url.fragment == anchor and url.path.endswith(f"/{code}/policy/"), (word, href)
    first.tap()
    page.wait_for_url(re.compile(rf"/{code}/policy/(\?[^#]*)?#{anchor}$"))
    page.wait_for_load_state("load")
    assert_in_view_below_header(page, f"li#{anchor}")


def test_pasted_words_search_too(page: Page) -> None:
    """Material searches when a key is released; words pasted from the phone's menu come with
    none, and still search (site.js)."""
    page.goto("")
    page.locator("label.md-header__button[for='__search']").tap()
    page.locator(".md-search__input").fill("political platform")
    expect(page.locator(".md-search-result__link[href$='#c2']")).to_be_visible()
