"""Staff cite several clauses at once from the clause index: tick them, copy one block for a
letter (plain text) or an email (HTML), by keyboard, told what was copied; without JavaScript
the index still lists every clause with its link, and printing leaves the controls out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.browser import browsing, report, violations
from tests.support.pages import Html

# The policy page's own clause entries: the words and short link each clause must be cited with.
POLICY_CLAUSE = re.compile(r'<li class="clause" data-clause="(\w+)" data-link="([^"]+)"[^>]*>(.*?)</li>', re.S)
# Picked out of order, from different sections: the copy follows the index's order.
PICKED = ["R2", "C3", "V1"]

# Both flavours on the clipboard, the HTML read back as the list it holds.
READ_CLIPBOARD = """async () => {
  const [item] = await navigator.clipboard.read();
  const flavour = async (type) => item.types.includes(type) ? (await item.getType(type)).text() : null;
  const html = await flavour("text/html");
  const list = html && new DOMParser().parseFromString(html, "text/html");
  return {
    types: item.types,
    text: await flavour("text/plain"),
    entries: list && [...list.querySelectorAll("li")].map((li) => ({
      bold: [...li.querySelectorAll("strong")].map((b) => b.textContent),
      links: [...li.querySelectorAll("a")].map((a) => [a.getAttribute("href"), a.textContent]),
      text: li.textContent,
    })),
  };
}"""


def cited(site: Path) -> dict[str, tuple[str, str]]:
    """Each clause's words and short link, from the built policy page."""
    source = Html.read(site / "policy" / "index.html").source
    found = {
        cid: (Html(body).text.removeprefix(cid).strip(), link) for cid, link, body in POLICY_CLAUSE.findall(source)
    }
    assert set(PICKED) <= set(found), sorted(found)
    return found


@pytest.fixture
def clipboard_page(context: BrowserContext) -> Page:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("clauses/")
    return page


def select_by_keyboard(page: Page, clause_id: str) -> None:
    """Tab from the clause's short link to its box, then Space."""
    page.locator(f"li[data-clause='{clause_id}'] .clause-ref__short").focus()
    page.keyboard.press("Tab")
    box = page.get_by_role("checkbox", name=f"Select {clause_id}", exact=True)
    expect(box).to_be_focused()
    page.keyboard.press("Space")
    expect(box).to_be_checked()


def press_copy_by_keyboard(page: Page) -> None:
    """Tab from the last link before the controls onto the button, then Enter."""
    page.locator("article p a").first.focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Copy selected clauses")).to_be_focused()
    page.keyboard.press("Enter")


def test_each_clause_has_a_labelled_box_and_the_count_shows(page: Page, site: Path) -> None:
    page.goto("clauses/")
    ids = list(cited(site))
    for clause_id in ids:
        box = page.get_by_role("checkbox", name=f"Select {clause_id}", exact=True)
        expect(box).to_have_count(1)
        # The name is the words shown beside the box (WCAG 2.5.3).
        expect(page.locator("label.clause-pick").filter(has=box)).to_have_text(f"Select {clause_id}")
    expect(page.get_by_role("checkbox")).to_have_count(len(ids))
    count = page.locator(".clause-picker__count")
    expect(count).to_be_visible()
    expect(count).to_have_text("No clauses selected")
    button = page.get_by_role("button", name="Copy selected clauses", exact=True)
    expect(button).to_have_accessible_description("No clauses selected")
    page.get_by_role("checkbox", name="Select C3", exact=True).check()
    expect(count).to_have_text("1 clause selected")
    expect(button).to_have_accessible_description("1 clause selected")
    page.get_by_role("checkbox", name="Select V1", exact=True).check()
    expect(count).to_have_text("2 clauses selected")


def test_copying_several_clauses_by_keyboard_gives_text_and_html_and_says_so(
    clipboard_page: Page, site: Path
) -> None:
    page = clipboard_page
    words = cited(site)
    for clause_id in PICKED:
        select_by_keyboard(page, clause_id)
    expect(page.locator(".clause-picker__count")).to_have_text(f"{len(PICKED)} clauses selected")
    press_copy_by_keyboard(page)
    in_order = [cid for cid in words if cid in PICKED]
    assert in_order != PICKED, "picked in index order: the test would not notice the order changing"
    expect(page.get_by_role("status")).to_have_text(f"{len(PICKED)} clauses copied: {', '.join(in_order)}")
    expect(page.get_by_role("button", name="Copied", exact=True)).to_have_count(1)

    copied: dict[str, Any] = page.evaluate(READ_CLIPBOARD)
    assert set(copied["types"]) == {"text/plain", "text/html"}
    assert copied["text"] == "\n\n".join(f"{cid} {words[cid][0]}\n{words[cid][1]}" for cid in in_order)
    assert len(copied["entries"]) == len(in_order)
    for entry, cid in zip(copied["entries"], in_order, strict=True):
        text, link = words[cid]
        assert entry["bold"] == [cid]
        assert entry["links"] == [[link, link]]
        assert " ".join(entry["text"].split()) == f"{cid} {text}{link}"


def test_copying_falls_back_to_text_where_the_browser_cannot_write_html(context: BrowserContext, site: Path) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script("delete window.ClipboardItem")
    page = context.new_page()
    page.goto("clauses/")
    words = cited(site)
    select_by_keyboard(page, "C3")
    press_copy_by_keyboard(page)
    expect(page.get_by_role("status")).to_have_text("1 clause copied: C3")
    copied = page.evaluate(READ_CLIPBOARD)
    assert copied["types"] == ["text/plain"]
    assert copied["text"] == f"C3 {words['C3'][0]}\n{words['C3'][1]}"


def test_copying_with_nothing_selected_explains_and_copies_nothing(clipboard_page: Page) -> None:
    page = clipboard_page
    page.evaluate("navigator.clipboard.writeText('left alone')")
    press_copy_by_keyboard(page)
    expect(page.get_by_role("status")).to_have_text("No clauses are selected. Select the clauses to copy first.")
    expect(page.get_by_role("button", name="Copy selected clauses", exact=True)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == "left alone"


def test_clear_unticks_every_box_and_says_so(page: Page) -> None:
    page.goto("clauses/")
    for clause_id in PICKED:
        select_by_keyboard(page, clause_id)
    clear = page.get_by_role("button", name="Clear selection", exact=True)
    expect(clear).to_have_accessible_description(f"{len(PICKED)} clauses selected")
    clear.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".clause-pick input:checked")).to_have_count(0)
    expect(page.locator(".clause-picker__count")).to_have_text("No clauses selected")
    expect(page.get_by_role("status")).to_have_text("No clauses selected")


def test_without_javascript_every_clause_is_listed_with_its_link_and_no_controls(
    browser: Browser, base_url: str, site: Path
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("clauses/")
        words = cited(site)
        entries = page.locator("li.clause-ref")
        expect(entries).to_have_count(len(words))
        for entry, (cid, (text, link)) in zip(entries.all(), words.items(), strict=True):
            expect(entry.locator(".clause-ref__id")).to_have_text(cid)
            expect(entry.locator(".clause-ref__text")).to_have_text(text)
            short = entry.locator("a.clause-ref__short")
            expect(short).to_have_text(link)
            expect(short).to_be_visible()
        expect(page.locator("article").locator("input, button, label")).to_have_count(0)
        # Nor room kept for controls that will not come: no gap above the list, none in an entry.
        expect(page.locator(".clause-picker")).to_be_hidden()
        below_link = """() => Math.max(...[...document.querySelectorAll('li.clause-ref')].map(e =>
            e.getBoundingClientRect().bottom - e.querySelector('.clause-ref__short').getBoundingClientRect().bottom
            - parseFloat(getComputedStyle(e).paddingBottom) - parseFloat(getComputedStyle(e).borderBottomWidth)))"""
        assert page.evaluate(below_link) < 1
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 720, 1280])
def test_adding_the_controls_moves_nothing_at_any_width(browser: Browser, base_url: str, width: int) -> None:
    """The boxes, buttons and count arrive with site.js: the room for them is kept from the
    start, on a phone and wider (the columns do not narrow the words), so nothing moves."""
    where = """() => [...document.querySelectorAll('h2, li.clause-ref, .clause-ref__text')].map(e => {
        const r = e.getBoundingClientRect(); return [r.left, r.top + scrollY, r.width, r.height]; })"""
    with browsing(browser, base_url, width, 800, phone=width < 1000) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"])  # so that the copy is made
        page = context.new_page()
        page.route("**/assets/site.js", lambda route: route.abort())
        page.goto("clauses/")
        expect(page.locator(".clause-picker button")).to_have_count(0)
        without = page.evaluate(where)
        page.unroute_all()
        page.goto("clauses/")
        expect(page.locator(".clause-picker button")).to_have_count(2)
        expect(page.locator(".clause-pick")).to_have_count(page.locator("li.clause-ref").count())
        assert page.evaluate(where) == without
        # Saying "Copied" moves nothing either.
        page.get_by_role("checkbox").first.check()
        clear = page.get_by_role("button", name="Clear selection", exact=True).bounding_box()
        page.get_by_role("button", name="Copy selected clauses", exact=True).click()
        expect(page.get_by_role("button", name="Copied", exact=True)).to_have_count(1)
        assert page.get_by_role("button", name="Clear selection", exact=True).bounding_box() == clear
        assert page.evaluate(where) == without


def test_printing_leaves_the_controls_out(page: Page) -> None:
    page.goto("clauses/")
    page.get_by_role("checkbox", name="Select C3", exact=True).check()
    page.emulate_media(media="print")
    expect(page.locator(".clause-picker")).to_be_hidden()
    for control in page.locator(".clause-pick, .clause-picker button").all():
        expect(control).to_be_hidden()


# Each colour scheme and each layout once: the page itself is checked in all four pairings
# (tests/browser/test_axe.py); what the controls add is their states' colours and their layout.
@pytest.mark.parametrize(("width", "scheme"), [(360, "light"), (1280, "dark")])
def test_axe_finds_nothing_with_the_controls_in_use(browser: Browser, base_url: str, width: int, scheme: str) -> None:
    """Boxes ticked, one focused, the count changed and the copy confirmed."""
    with browsing(browser, base_url, width, 800, scheme, phone=width < 1000) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.goto("clauses/")
        for clause_id in PICKED:
            select_by_keyboard(page, clause_id)
        failures = {"clauses/, boxes ticked": violations(page)}
        press_copy_by_keyboard(page)
        expect(page.get_by_role("status")).not_to_be_empty()
        failures["clauses/, copied"] = violations(page)
    failures = {k: v for k, v in failures.items() if v}
    assert not failures, report(failures)
