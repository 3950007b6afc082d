"""axe-core finds nothing, to the GOV.UK bar (WCAG 2.2 AA): on every template (each English page,
404.html and a short link included) at 360 and 1280 px, light and dark; on every translated page
(right-to-left ones too) for what its language changes (its words, names, `lang` and `dir`), on a
phone; and in the states a visitor opens (the skip link shown, search open, the menu drawer open).

Pages are discovered from the built site, so a new page or language is tested the day it is
added. A translation is a template of the English site with other words: its colours, sizes and
layout are the template's, checked in all four ways on the English page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import (
    SCHEMES,
    browsing,
    is_material,
    open_page,
    report,
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_nothing_on_any_template(
    browser: Browser, base_url: str, site: Path, pages: list[str], width: int, scheme: str
) -> None:
    axe_pages(browser, base_url, site, pages, width, scheme)


def test_axe_finds_nothing_on_any_translated_page(
    browser: Browser, base_url: str, site: Path, translated_pages: list[str]
) -> None:
    """Every page of every language, on a phone, where a right-to-left layout is tightest."""
    axe_pages(browser, base_url, site, translated_pages, 360, "light")


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
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
