"""axe-core finds nothing, to the GOV.UK bar (WCAG 2.2 AA): on every template (each English page,
404.html and a short link included) on a phone in light and on a desktop in dark; in each language
(right-to-left ones too) for what a language changes (its words, names, `lang` and `dir`), on the
largest page of each template, on a phone; and in the states a visitor opens (the skip link shown,
search open, the menu drawer open).

Pages are discovered from the built site, so a new page or language is tested the day it is
added. A translation is the English site's pages with other words: its structure, colours, sizes
and layout are those of the English page, checked on every English page. What a language changes
on every one of its pages is checked without a browser: landmark names and English marked English
(tests/build/test_landmarks_and_languages.py), valid HTML with unique ids
(tests/build/test_html_valid.py), `lang` and `dir` (tests/build/test_languages.py).

Two pairings, not all four: a page's colours come from its scheme, not its width, and what the
width changes is which parts show (the desktop's sidebars, the phone's header buttons). 360 px in
light and 1280 px in dark check every part at each width and every part in each scheme; the parts
a phone shows only on demand (the menu drawer, search) are opened in both schemes below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import (
    SCHEMES,
    browsing,
    is_material,
    largest_of_each_template,
    open_page,
    report,
    source,
    violations,
    wait_until,
)

# ---- axe-core ------------------------------------------------------------------------------


def axe_pages(browser: Browser, base_url: str, site: Path, paths: list[str], width: int, scheme: str) -> None:
    """axe-core on each page in one browser tab; every finding, page by page."""
    failures: dict[str, list[str]] = {}
    with browsing(browser, base_url, width, 800, scheme, phone=width < 1000) as context:
        page = context.new_page()
        for path in paths:
            open_page(page, site, path)
            if is_material(page):
                # The test is only worth anything if the scheme asked for is the one shown.
                assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], path
            found = violations(page)
            if found:
                failures[path] = found
    assert not failures, report(failures)


# (width, scheme): each width once, each scheme once (the module's docstring says why).
PAIRINGS = [(360, "light"), (1280, "dark")]


@pytest.mark.parametrize(("width", "scheme"), PAIRINGS)
def test_axe_finds_nothing_on_any_template(
    browser: Browser, base_url: str, site: Path, pages: list[str], width: int, scheme: str
) -> None:
    axe_pages(browser, base_url, site, pages, width, scheme)


def test_axe_finds_nothing_on_each_languages_templates(
    browser: Browser, base_url: str, site: Path, translated_pages: list[str]
) -> None:
    """Each language's largest page of each template, on a phone, where a right-to-left layout is
    tightest."""
    chosen = sorted(largest_of_each_template(site, translated_pages, lambda path: len(source(site, path))).values())
    languages = {path.split("/")[0] for path in translated_pages}
    assert len(chosen) == 3 * len(languages) and {p.split("/", 1)[1] for p in chosen} >= {"policy/", "404.html"}, chosen
    axe_pages(browser, base_url, site, chosen, 360, "light")


def test_axe_speaks_up_when_there_is_something_to_find(page: Page) -> None:
    """Silence is only worth something if the audit can fail: pale grey text on white is reported."""
    page.goto("")
    page.evaluate("document.querySelector('article p').style.color = '#bbbbbb'")
    assert any(v.startswith("color-contrast") for v in violations(page))


def search_open(page: Page, words: str) -> None:
    """Open Material's search as a visitor does (the magnifier on a phone) and type."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(words, delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


# The phone's menu drawer and search in both schemes; the desktop's search in dark.
@pytest.mark.parametrize(("width", "scheme"), [(360, "light"), (360, "dark"), (1280, "dark")])
def test_axe_finds_nothing_in_the_states_a_visitor_opens(
    browser: Browser, base_url: str, site: Path, width: int, scheme: str
) -> None:
    """The skip link shown, search open with results, and (on a phone) the menu drawer open."""
    failures: dict[str, list[str]] = {}
    with browsing(browser, base_url, width, 800, scheme, phone=width < 1000) as context:
        page = context.new_page()
        open_page(page, site, "policy/")
        page.keyboard.press("Tab")
        expect(page.locator("a.md-skip")).to_be_focused()
        assert wait_until(page, "() => getComputedStyle(document.activeElement).opacity === '1'")
        failures["policy/, skip link focused"] = violations(page)

        open_page(page, site, "policy/")
        search_open(page, "political platform")
        # Only the header with its search: the page behind is dimmed and cannot be used.
        failures["policy/, search open"] = violations(page, within="header.md-header")

        if width < 1000:
            open_page(page, site, "policy/")
            page.locator("label.md-header__button[for='__drawer']").click()
            expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=0.9)
            failures["policy/, menu open"] = violations(page)
    failures = {k: v for k, v in failures.items() if v}
    assert not failures, report(failures)
