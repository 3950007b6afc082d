"""axe-core finds nothing on any page in any language (English and the translations, right to
left ones too), at 360 and 1280 px, light and dark, nor in the states a visitor opens (the skip
link shown, search open, the menu drawer open), to the GOV.UK bar (WCAG 2.2 AA).

Pages are discovered from the built site (404.html included), so a new page is tested the day
it is added. Apart from the other accessibility checks (test_accessibility.py) because it is the
longest of them: the test workers run it beside them.
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_nothing_on_any_page(
    browser: Browser, base_url: str, site: Path, pages: list[str], translated_pages: list[str], width: int,
    scheme: str,
) -> None:
    """The English pages and the translations' (right-to-left ones too), one browser tab for all."""
    failures: dict[str, list[str]] = {}
    with browsing(browser, base_url, width, 800, scheme, phone=width < 1000) as context:
        page = context.new_page()
        for path in [*pages, *translated_pages]:
            open_page(page, site, path)
            if is_material(page):
                # The test is only worth anything if the scheme asked for is the one shown.
                assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], path
            found = violations(page)
            if found:
                failures[path] = found
    assert not failures, report(failures)


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
