"""Accessibility in a real Chromium, to the GOV.UK bar: nothing scrolls sideways at 320 px or when
zoomed to 400%, the skip link works and the search dialog is named (axe-core: test_axe.py;
keyboard focus: test_keyboard_focus.py).

Pages are discovered from the built site (404.html included), so a new page is tested the day
it is added. The site is served under its published path, as GitHub Pages serves it, because
404.html links to its styles by absolute URL.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import (
    browsing,
    is_material,
    open_page,
    report,
    wait_until,
)


def test_the_search_dialog_has_a_name(page: Page) -> None:
    page.goto("")
    page.locator(".md-search__input").focus()
    expect(page.get_by_role("dialog", name="Search")).to_have_count(1)


# ---- Reflow: no sideways scrolling -----------------------------------------------------------

# Anything a reader needs (content, footer, a short link's page) that sticks out of the screen,
# and isn't inside a box that scrolls on its own (WCAG allows that for code and tables).
OUT_OF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (e) => { for (let a = e.parentElement; a; a = a.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true; } return false; };
  const out = [];
  for (const e of document.querySelectorAll('.md-content *, .md-footer *, body > main *')) {
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true}) || scrolls(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width && r.height && (r.right > width + 1 || r.left < -1))
      out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ` +
               `spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, out: out.slice(0, 5)};
}"""


def sideways(page: Page) -> list[str]:
    found = page.evaluate(OUT_OF_SCREEN)
    problems = list(found["out"])
    if found["scrollWidth"] > found["clientWidth"]:
        problems.insert(0, f"the page is {found['scrollWidth']} px wide in a {found['clientWidth']} px window")
    return problems


@pytest.mark.parametrize(
    ("width", "height", "phone", "zoom"),
    [(320, 640, True, 1), (640, 400, False, 2), (320, 200, False, 4)],
    ids=["phone 320 px", "200% zoom (640 px on a 1280 px screen)", "400% zoom (320 px on a 1280 px screen)"],
)
def test_no_page_scrolls_sideways(
    browser: Browser, base_url: str, site: Path, pages: list[str], width: int, height: int, phone: bool, zoom: int
) -> None:
    failures: dict[str, list[str]] = {}
    with browsing(browser, base_url, width, height, phone=phone, zoom=zoom) as context:
        page = context.new_page()
        for path in pages:
            open_page(page, site, path)
            assert page.evaluate("window.innerWidth") == width
            found = sideways(page)
            if found:
                failures[path] = found
    assert not failures, report(failures)


def test_the_sideways_check_catches_a_wide_element(browser: Browser, base_url: str, site: Path) -> None:
    """Material hides horizontal overflow on <html>: the check must still see what sticks out."""
    with browsing(browser, base_url, 320, 640) as context:
        page = context.new_page()
        open_page(page, site, "policy/")
        page.evaluate("document.querySelector('.md-content p').style.width = '500px'")
        assert sideways(page)


# ---- Keyboard: skip link and visible focus ----------------------------------------------------


def skip_link_problem(page: Page) -> str | None:
    """Tab once: a visible "Skip to content" link; activate it: the main heading, in view, and
    focus moved past the header and menu. The problem found, or None."""
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    if not re.fullmatch(r"\s*Skip to content\s*", skip.text_content() or ""):
        return f"the first Tab stop is {skip.evaluate('e => e.outerHTML.slice(0, 80)')}"
    # Shown once focused: opaque, on screen and on top of everything else.
    if not wait_until(
        page,
        """() => { const e = document.activeElement, r = e.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return getComputedStyle(e).opacity === '1' && r.top >= 0 && r.left >= 0
            && r.bottom <= innerHeight && r.right <= innerWidth && e.contains(top); }""",
    ):
        return "the focused skip link is not shown"
    href = skip.get_attribute("href") or ""
    if not href.startswith("#") or len(href) < 2:
        return f"the skip link goes to {href!r}"
    target_id = href[1:]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#" + re.escape(target_id) + "$"))
    heading = page.locator("h1").first
    target = page.locator(f"[id='{target_id}']")
    # The target is the main heading, or a mark just before it, outside the header and menu.
    if not target.evaluate(
        """(t, h) => t === h || t.contains(h) ||
          (!!(t.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) && !t.closest('header, nav'))""",
        heading.element_handle(),
    ):
        return f"the skip link goes to #{target_id}, not the main heading"
    header = page.locator("header.md-header").bounding_box()
    box = heading.bounding_box()
    if not (header and box and header["y"] + header["height"] - 1 <= box["y"] < page.viewport_size["height"]):  # type: ignore[index]
        return f"the main heading is not in view below the header ({box})"
    # Focus moved: the target took it, or the next Tab stop is in or after the heading.
    if page.evaluate("id => document.activeElement.id !== id", target_id):
        page.keyboard.press("Tab")
        if not page.evaluate(
            """h => { const a = document.activeElement;
              return h.contains(a) || !!(h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING); }""",
            heading.element_handle(),
        ):
            return "after the skip link, Tab goes back into the header or menu"
    return None


@pytest.mark.parametrize("width", [360, 1280])
def test_the_skip_link_comes_first_and_skips_to_the_main_heading(
    browser: Browser, base_url: str, site: Path, pages: list[str], width: int
) -> None:
    failures: dict[str, list[str]] = {}
    checked = 0
    # Set to reduce motion, the skip link shows at once rather than fading in: what is checked is
    # how it ends up, shown, and where it leads (its fade-in: the states test above).
    with browsing(browser, base_url, width, 740, phone=width < 1000, motion="reduce") as context:
        page = context.new_page()
        for path in pages:
            open_page(page, site, path)
            if not is_material(page):
                # A short link's page: a heading, a quote, a link; no header or menu to skip.
                if page.locator("header, nav").count():
                    failures[path] = ["a header or menu, but no skip link"]
                continue
            checked += 1
            problem = skip_link_problem(page)
            if problem:
                failures[path] = [problem]
    assert checked >= 4, "too few pages with a header were checked"
    assert not failures, report(failures)
