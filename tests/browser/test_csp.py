"""The Content-Security-Policy breaks nothing: every template (each English page, 404.html and one
short link), used as a parent would, on a 360 px phone set to reduce motion.

On each page: search (open, type, see results), the colour-scheme toggle, copy buttons where
there are any, and the navigation drawer, from which a link is followed to another page.
A listener added before any page script reports every `securitypolicyviolation`; Chromium's
own console warnings about the policy are collected too. There must be none.

A translated page runs the same scripts as its English template; what its language changes (its
own inline scripts, with their words, and their hashes in its policy) is checked on every page of
every language without a browser, in tests/build/test_csp.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from tests.support.browser import browsing, source

SEARCH_WORD = "group"
LISTENER = """
window.__cspReported = 0;
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspReported += 1;
  window.__cspViolation({
    page: location.href, directive: e.effectiveDirective, blocked: e.blockedURI,
    where: e.sourceFile + ":" + e.lineNumber, sample: e.sample,
  });
});
"""

# The first link in the open drawer that the visitor can tap now (on top, in the drawer's
# current level, the drawer done sliding in) and that leaves this page, counted from 1; 0 while there is none.
TAPPABLE_LINK_ELSEWHERE = """(here) => {
  const links = [...document.querySelectorAll("nav.md-nav--primary a.md-nav__link[href]")];
  return links.findIndex((a) => {
    const box = a.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return box.width > 0 && box.x >= 0 && a.contains(top) && !a.getAttribute("href").startsWith("#")
      && a.href.split("#")[0] !== here;
  }) + 1;
}"""


class Watch:
    """Everything the policy refused, from the event listener and from the console."""

    def __init__(self, context: BrowserContext) -> None:
        self.violations: list[str] = []
        context.expose_function("__cspViolation", lambda v: self.violations.append(str(v)))
        context.add_init_script(LISTENER)
        context.on("page", self.listen)

    def listen(self, page: Page) -> None:
        page.on("console", self.console)

    def console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(f"console {message.type}: {message.text}")


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[tuple[Watch, Page]]:
    # A phone, set to reduce motion: the same scripts run, and nothing waits for a transition.
    with browsing(browser, base_url, 360, 740, motion="reduce") as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        watch = Watch(context)
        yield watch, context.new_page()


def use_search(page: Page, word: str = SEARCH_WORD) -> None:
    page.locator("label.md-header__button[for='__search']").click()
    field = page.locator("input.md-search__input")
    expect(field).to_be_focused()
    field.press_sequentially(word, delay=10)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".md-search-result__item").first).to_be_hidden()


def use_palette(page: Page) -> None:
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-palette-switch] label:not([hidden])").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before or "")


def use_copy_buttons(page: Page) -> None:
    for selector in ("button.copy-button", "button.md-clipboard"):
        buttons = page.locator(selector)
        if buttons.count():
            buttons.first.scroll_into_view_if_needed()
            buttons.first.click()
    if page.locator("button.copy-button").count():
        # Copied (in the page's language).
        expect(page.locator("button.copy-button").first).to_have_class(re.compile(r"\bcopy-button--done\b"))


def use_drawer_and_navigate(page: Page) -> str:
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("nav.md-nav--primary")
    expect(drawer).to_be_in_viewport()
    here = page.url.split("#")[0]
    # A function, not an expression: Playwright would eval() an expression, which the policy forbids.
    found = page.wait_for_function(TAPPABLE_LINK_ELSEWHERE, arg=here, timeout=5000)
    link = drawer.locator("a.md-nav__link[href]").nth(int(found.json_value()) - 1)
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")
    return page.url


def exercise(page: Page, path: str, html: str) -> None:
    forward = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    if forward:
        # A short link: it forwards at once to its clause, where the policy applies again.
        with page.expect_navigation(url=lambda url: url.endswith(forward.group(1).lstrip("./"))):
            page.goto(path)
        page.wait_for_load_state("load")
        return
    page.goto(path)
    page.wait_for_load_state("load")
    # A translation's pages are searched for a clause ID, which every language has.
    translated = page.locator("html").get_attribute("lang") != "en"
    use_search(page, "C1" if translated else SEARCH_WORD)
    use_palette(page)
    use_copy_buttons(page)
    use_drawer_and_navigate(page)


# Resolves once the tasks already queued have run (a violation's event is one), and says how many
# violations the page reported.
REPORTED = "() => new Promise((done) => setTimeout(() => done(window.__cspReported), 0))"


def test_no_page_breaks_the_policy_in_use(site: Path, pages: list[str], watched: tuple[Watch, Page]) -> None:
    """Every template; of the short links, which are one template, one."""
    watch, page = watched
    seen: dict[str, list[str]] = {}
    for relative in pages:
        start = len(watch.violations)
        exercise(page, relative, source(site, relative))
        # The page's reports came before this answer, so the test has heard them all.
        reported = page.evaluate(REPORTED)
        assert reported == 0 or len(watch.violations) > start, relative
        if len(watch.violations) > start:
            seen[relative or "/"] = watch.violations[start:]
    report = "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in seen.items())
    print(report)
    assert not seen, f"Content-Security-Policy violations:\n{report}"


def test_the_listener_does_report_a_violation(watched: tuple[Watch, Page]) -> None:
    """Guards the test above: a style attribute added to the page is refused, and reported."""
    watch, page = watched
    page.goto("policy/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    assert page.evaluate(REPORTED) >= 1
    assert any("style-src" in v for v in watch.violations), watch.violations
