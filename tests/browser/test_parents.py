"""What a parent does on a phone (360 px), in a real Chromium: the three big actions on the home
page, tap to call or email the school, the path of a concern, dark mode, search that lands on a
clause, and not one request to anyone but the school's own site.

Expected contact details come from school.yml, never from this file. The site is served under
its published path, as GitHub Pages serves it, because 404.html links to its styles by absolute URL.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros.data import model
from tests.support.browser import (
    PHONE,
    REFRESH,
    assert_in_view_below_header,
    search,
    source,
)
from tests.support.builds import ROOT

DATA = model.load(ROOT / "school.yml")
# The number as a phone dials it (E.164), worked out here from the number the school writes.
TEL = "tel:" + phonenumbers.format_number(
    phonenumbers.parse(DATA.contact.phone, "GB"), phonenumbers.PhoneNumberFormat.E164
)
LOOPBACK = "127.0.0.1"


# ---- The site as published, and its pages ----------------------------------------------


def phone(browser: Browser, base_url: str, scheme: str = "light") -> BrowserContext:
    return browser.new_context(
        viewport=PHONE, base_url=base_url, is_mobile=True, has_touch=True, color_scheme=scheme  # type: ignore[arg-type]
    )


# ---- Every page ------------------------------------------------------------------------------


def test_the_call_and_email_buttons_are_big_enough_for_a_thumb(page: Page) -> None:
    page.goto("raise-a-concern/")
    buttons = page.locator("a.contact-action")
    expect(buttons).to_have_count(2)
    expect(buttons.filter(has_text=DATA.contact.phone)).to_have_attribute("href", TEL)
    expect(buttons.filter(has_text=DATA.contact.email)).to_have_attribute("href", re.compile("^mailto:"))
    for button in buttons.all():
        expect(button).to_be_visible()
        box = button.bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, box


# ---- Home page ---------------------------------------------------------------------------------

BIG_ACTIONS = [
    # What the button says, where it goes, what the reader lands on.
    (re.compile(r"code of conduct", re.I), "policy/", "#code-of-conduct", re.compile(r"code of conduct", re.I)),
    (re.compile(r"not OK", re.I), "policy/", "#inappropriate", re.compile(r"inappropriate", re.I)),
    (re.compile(r"raise a concern", re.I), "raise-a-concern/", "h1", re.compile(r"raise a concern", re.I)),
]


def test_the_home_page_shows_the_three_big_actions(page: Page) -> None:
    page.goto("")
    actions = page.locator(".big-actions a")
    expect(actions).to_have_count(len(BIG_ACTIONS))
    for name, *_ in BIG_ACTIONS:
        action = actions.filter(has_text=name)
        expect(action).to_be_visible()
        box = action.bounding_box()
        assert box and box["height"] >= 44, f"{name.pattern}: {box}"


@pytest.mark.parametrize(("name", "path", "target", "heading"), BIG_ACTIONS, ids=["code", "not OK", "concern"])
def test_each_big_action_lands_where_it_says(
    page: Page, base_url: str, name: re.Pattern[str], path: str, target: str, heading: re.Pattern[str]
) -> None:
    page.goto("")
    page.locator(".big-actions a").filter(has_text=name).tap()
    page.wait_for_url(base_url + path + (target if target.startswith("#") else ""))
    page.wait_for_load_state("load")
    expect(page.locator(target)).to_have_text(heading)
    assert_in_view_below_header(page, target)


# ---- Raise a concern -----------------------------------------------------------------------------


def test_raise_a_concern_shows_the_journey_and_the_options(page: Page) -> None:
    page.goto("raise-a-concern/")
    stages = page.locator(".journey .journey-stage")
    assert stages.count() >= 3
    for stage in stages.all():
        expect(stage.locator(".journey-stage__title")).to_be_visible()
    options = page.locator(".journey-options")
    expect(options).to_be_visible()
    # A set of choices, not steps: a bulleted list without bullets or numbers.
    assert options.evaluate("e => e.tagName") == "UL"
    items = options.locator("> li")
    expect(items).to_have_count(len(DATA.responses))
    for item, response in zip(items.all(), DATA.responses, strict=True):
        expect(item.locator(".journey-option__id")).to_have_text(response.id)
        expect(item.locator(".journey-option__id")).to_have_attribute("href", re.compile(f"#{response.id.lower()}$"))
        expect(item).to_contain_text(response.action)
        if response.applies_when:
            expect(item).to_contain_text(response.applies_when)
        assert item.evaluate("e => getComputedStyle(e).listStyleType") == "none"
        assert item.evaluate("e => getComputedStyle(e, '::marker').content") in ("none", "normal", "")


def test_on_a_wide_screen_the_options_sit_side_by_side(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=base_url)
    try:
        page = context.new_page()
        page.goto("raise-a-concern/")
        options = page.locator(".journey-options")
        assert options.evaluate("e => getComputedStyle(e).display") == "grid"
        tops = [round(box["y"]) for box in (o.bounding_box() for o in options.locator("> li").all()) if box]
        assert len(tops) == len(DATA.responses) and max(tops) - min(tops) <= 1, f"not one row: tops {tops}"
    finally:
        context.close()


# ---- Dark mode ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("scheme", "shown", "switched"), [("dark", "slate", "default"), ("light", "default", "slate")])
def test_the_colours_follow_the_phone_and_the_switch(
    browser: Browser, base_url: str, scheme: str, shown: str, switched: str
) -> None:
    context = phone(browser, base_url, scheme)
    try:
        page = context.new_page()
        page.goto("policy/")
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", shown)
        page.locator("form[data-palette-switch] label:visible").tap()
        expect(body).to_have_attribute("data-md-color-scheme", switched)
        # The choice is remembered on the next page.
        page.goto("raise-a-concern/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", switched)
    finally:
        context.close()


# ---- Search ------------------------------------------------------------------------------------------


def test_search_offers_the_clause_first_and_lands_on_it(own_page: Page) -> None:
    own_page.goto("")
    search(own_page, "political platform")
    # Material heads each page's group with the own_page itself (score 0 when only its parts match);
    # the first result that matched the words is the one offered.
    matched = own_page.locator(".md-search-result__link:has(article:not([data-md-score='0.00']))")
    first = matched.first
    expect(first).to_contain_text("C2")
    href = first.get_attribute("href") or ""
    assert urlsplit(href).fragment == "c2", href
    first.tap()
    own_page.wait_for_url(re.compile(r"/policy/(\?[^#]*)?#c2$"))
    own_page.wait_for_load_state("load")
    assert_in_view_below_header(own_page, "li#c2")


# ---- Privacy --------------------------------------------------------------------------------------------

# Everything on a own_page that makes the browser fetch something.
LOADS = """() => [...document.querySelectorAll(
  'script[src], img[src], iframe[src], source[src], video[src], audio[src], embed[src], object[data],' +
  'link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="prefetch"],' +
  'link[rel~="preconnect"], link[rel~="dns-prefetch"], link[rel~="icon"], link[rel~="manifest"]'
)].map(e => new URL(e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data'), location.href).href)"""


def test_nothing_is_fetched_from_anyone_but_the_site(
    browser: Browser, base_url: str, site: Path, pages: list[str]
) -> None:
    """Parents' phones talk to nobody else: no fonts, analytics or CDN, on any page or in search."""
    context = phone(browser, base_url)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    declared: list[str] = []
    try:
        page = context.new_page()
        for path in pages:
            page.goto(path)
            if REFRESH.search(source(site, path)):  # a short link forwards, as it does for a parent
                page.wait_for_url(lambda url, path=path: not urlsplit(url).path.endswith("/" + path))
            page.wait_for_load_state("networkidle")
            declared += page.evaluate(LOADS)
        page.goto("")
        search(page, "political platform")
        page.locator(".md-search-result__link[href*='#']").first.tap()
        # (Wait for the page it opens: closing during a navigation can hang Chromium.)
        page.wait_for_url(re.compile(r"#"))
        page.wait_for_load_state("networkidle")
    finally:
        context.close()

    def elsewhere(urls: list[str]) -> list[str]:
        return sorted(
            {
                u for u in urls
                if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).hostname != LOOPBACK
            }
        )

    # The recorder saw the pages, their styles and the search index the search worker fetched.
    assert any(u.endswith(".css") for u in requests) and any("search_index.json" in u for u in requests), requests
    assert not elsewhere(requests), f"requests to other hosts: {elsewhere(requests)}"
    assert not elsewhere(declared), f"pages load from other hosts: {elsewhere(declared)}"
