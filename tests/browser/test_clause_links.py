"""Staff copy a clause's link; parents who follow it land on the highlighted clause (360 px)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.data import model
from tests.support.browser import PHONE
from tests.support.builds import ROOT

DATA = model.load(ROOT / "school.yml")


@pytest.fixture
def clipboard_page(context: BrowserContext) -> Page:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    return context.new_page()


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def assert_lands_on_highlighted_clause(page: Page, anchor: str) -> None:
    assert page.url.endswith(f"/policy/#{anchor}")
    clause = page.locator(f"li#{anchor}")
    expect(clause).to_be_in_viewport()
    box = clause.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    assert box is not None and header is not None
    assert box["y"] >= header["y"] + header["height"] - 1, "the clause is hidden under the sticky header"
    # Highlighted by more than colour: an outline and a border.
    style = clause.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).borderLeftWidth]")
    assert style[0] != "none" and style[1] != "0px"
    other = page.locator("li#v1").evaluate("e => getComputedStyle(e).outlineStyle")
    assert other == "none"


def test_copy_link_button_copies_the_short_link_and_says_so(clipboard_page: Page) -> None:
    page = clipboard_page
    page.goto("policy/")
    button = page.get_by_role("button", name="Copy link to clause C3")
    expect(button).to_have_count(1)
    expect(page.get_by_role("button", name="Copy link to clause C1")).to_have_count(1)
    assert page.locator("li.clause button").count() == 23
    button.focus()
    page.keyboard.press("Enter")
    assert clipboard(page) == f"{DATA.school.site_url}c3/"
    # Its name is what it shows, "Copied", until it goes back to "Copy link".
    copied = page.locator("li#c3 > .copy-button")
    expect(copied).to_have_text("Copied")
    expect(copied).to_have_accessible_name("Copied")
    expect(page.get_by_role("status")).to_contain_text("Link to clause C3 copied")


def test_the_clause_index_copies_too(clipboard_page: Page) -> None:
    page = clipboard_page
    page.goto("clauses/")
    page.get_by_role("button", name="Copy link to clause A4").click()
    assert clipboard(page) == f"{DATA.school.site_url}a4/"
    page.get_by_role("link", name="A4", exact=True).click()
    assert_lands_on_highlighted_clause(page, "a4")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript on", "javascript off"])
def test_a_short_link_lands_on_the_highlighted_clause(browser: Browser, base_url: str, javascript: bool) -> None:
    context = browser.new_context(viewport=PHONE, base_url=base_url, is_mobile=True, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto("r3/")
        page.wait_for_url("**/policy/#r3")
        page.wait_for_load_state("load")
        assert_lands_on_highlighted_clause(page, "r3")
    finally:
        context.close()


def test_a_clause_link_in_a_message_lands_on_the_clause(page: Page) -> None:
    page.goto("policy/#e5")
    assert_lands_on_highlighted_clause(page, "e5")


def test_copy_for_whatsapp_copies_the_text_shown(clipboard_page: Page) -> None:
    page = clipboard_page
    page.goto("group-rules/")
    shown = page.locator("#whatsapp-text").inner_text()
    page.get_by_role("button", name="Copy for WhatsApp", exact=True).click()
    copied = clipboard(page)
    assert copied == shown
    assert copied.startswith(f"*{DATA.school.name}: Code of Conduct*\nC1 The group should never")
    assert len(copied) <= 2048
    expect(page.get_by_role("status")).to_contain_text("The rules are copied")


@pytest.mark.parametrize(("typed", "anchor"), [("C3", "c3"), ("c3", "c3"), ("R2", "r2"),
                                              ("political platform", "c2")])
def test_searching_a_clause_id_offers_that_clause_first_and_lands_on_it(
    own_page: Page, typed: str, anchor: str
) -> None:
    own_page.goto("")
    own_page.locator("label[for='__search']").first.click()
    own_page.locator("input.md-search__input").press_sequentially(typed, delay=20)
    first_item = own_page.locator(".md-search-result__item").first
    expect(first_item).to_be_visible()
    # Material heads each page's results with the own_page itself; the first match under it is the clause.
    links = first_item.locator("a.md-search-result__link")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs[0].split("#")[0].split("?")[0].endswith("policy/") and "#" not in hrefs[0]
    assert hrefs[1].endswith(f"#{anchor}"), hrefs
    expect(links.nth(1)).to_contain_text(anchor.upper())
    links.nth(1).click()
    own_page.wait_for_url(f"**/policy/**#{anchor}")
    clause = own_page.locator(f"li#{anchor}")
    expect(clause).to_be_in_viewport()


@pytest.mark.parametrize("path", ["policy/", "clauses/"])
def test_adding_the_copy_buttons_moves_nothing(context: BrowserContext, path: str) -> None:
    """The buttons arrive with site.js, after the page has painted: their room is kept from the
    start, so the words a parent is reading do not jump (no layout shift)."""
    entries = "li.clause, li.clause-ref"
    where = f"""() => [...document.querySelectorAll('{entries}')].map(e => {{
        const r = e.getBoundingClientRect(); return [e.dataset.clause, r.top + scrollY, r.height]; }})"""
    page = context.new_page()
    page.route("**/assets/site.js", lambda route: route.abort())
    page.goto(path)
    expect(page.locator(".copy-button")).to_have_count(0)
    without = page.evaluate(where)
    page.unroute_all()
    page.goto(path)
    expect(page.locator(f":is({entries}) .copy-button")).to_have_count(len(without))
    assert len(without) >= 23
    assert page.evaluate(where) == without
