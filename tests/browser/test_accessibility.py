"""Accessibility in a real Chromium, to the GOV.UK bar: axe-core finds nothing on any page in any
language (phone and desktop, light and dark), nothing scrolls sideways at 320 px or when zoomed
to 400%, the skip link works, and every keyboard stop shows where focus is.

Pages are discovered from the built site (404.html included), so a new page is tested the day
it is added. The site is served under its published path, as GitHub Pages serves it, because
404.html links to its styles by absolute URL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from macros import model
from tests.browser.conftest import open_page
from tests.sitebuild import ROOT

DATA = model.load(ROOT / "school.yml")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
SCHEMES = {"light": "default", "dark": "slate"}
axe = Axe()


# ---- The site as published, and its pages ----------------------------------------------


def wait_until(page: Page, script: str, arg: object = None, timeout: float = 2.0) -> bool:
    """Poll a function in the page until it returns true. (Playwright's wait_for_function polls
    with eval, which the site's Content-Security-Policy rightly refuses.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(50)
    return True


def is_material(page: Page) -> bool:
    """A page built by Material: it has the header, navigation and palette switch."""
    return page.locator("header.md-header").count() == 1


@contextmanager
def browsing(
    browser: Browser,
    base_url: str,
    width: int,
    height: int,
    scheme: str = "light",
    phone: bool = True,
    zoom: int = 1,
) -> Iterator[BrowserContext]:
    """A context of the given CSS size; `zoom` is browser zoom on a desktop screen."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        base_url=base_url,
        color_scheme=scheme,  # type: ignore[arg-type]
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=zoom,
    )
    try:
        yield context
    finally:
        context.close()


def violations(page: Page, within: str | None = None) -> list[str]:
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations, one line per element (rule, help, target)."""
    found = axe.run(page, context=within, options=AXE_OPTIONS).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n      at {' > '.join(n['target'])}"
        + (f"\n      {n['failureSummary'].splitlines()[-1].strip()}" if n.get("failureSummary") else "")
        for v in found
        for n in v["nodes"]
    ]


def report(failures: dict[str, list[str]]) -> str:
    lines = [f"{len(failures)} page(s) fail:"]
    for where, problems in failures.items():
        lines.append(f"  {where or '/'}")
        lines.extend(f"    - {p}" for p in problems)
    text = "\n".join(lines)
    print(text)
    return text


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
      out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
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
    with browsing(browser, base_url, width, 740, phone=width < 1000) as context:
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


# Where focus shows: the element, or for Material's hidden radio buttons (the palette switch),
# the label drawn for it. Its ring (and whether a box that clips its content cuts the ring off),
# visibility, place on screen, and whether anything covers it.
FOCUS = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  const shown = a.matches('input.md-option') ? a.nextElementSibling : a;
  const s = getComputedStyle(shown), r = shown.getBoundingClientRect();
  const outline = s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0;
  const outside = outline ? parseFloat(s.outlineOffset) + outline : 0;
  let sides = 4;
  if (outside > 0) {
    const clips = [[0, 0, innerWidth, innerHeight]];
    // (The root's overflow, and the body's when the root has none, belongs to the window.)
    const rootClips = getComputedStyle(document.documentElement).overflow !== 'visible';
    for (let e = shown.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      if (e === document.body && !rootClips) break;
      const o = getComputedStyle(e);
      if (o.overflowX !== 'visible' || o.overflowY !== 'visible') {
        const c = e.getBoundingClientRect(); clips.push([c.left, c.top, c.right, c.bottom]);
      }
    }
    const strips = [[r.left, r.top - outside, r.right, r.top], [r.right, r.top, r.right + outside, r.bottom],
                    [r.left, r.bottom, r.right, r.bottom + outside], [r.left - outside, r.top, r.left, r.bottom]];
    sides = strips.filter(([l, t, rr, b]) => clips.every(([cl, ct, cr, cb]) =>
      l >= cl - 0.5 && t >= ct - 0.5 && rr <= cr + 0.5 && b <= cb + 0.5)).length;
  }
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    name: `${a.tagName.toLowerCase()}.${[...a.classList].filter(c => c !== 'focus-visible').join('.')} ${a.getAttribute('href') || a.id || ''}`,
    ring: (outline > 0 || s.boxShadow !== 'none'),
    ringShown: sides >= 2,
    visible: shown.checkVisibility({opacityProperty: true, visibilityProperty: true}) && r.width > 0 && r.height > 0,
    onScreen: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    covered: !top || !(shown.contains(top) || top.contains(shown) || (top.htmlFor && top.htmlFor === a.id)),
  };
}"""


# Moving parts (the menu drawer sliding in, the skip link fading in) have finished moving.
SETTLED = """() => !document.getAnimations().some(a =>
  a.playState === 'running' && a.effect && a.effect.getTiming().iterations !== Infinity)"""
# The page has stopped scrolling (End scrolls smoothly: a walk begun meanwhile is carried along).
STILL = """() => new Promise((done) => { const y = scrollY;
  requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY === y))); })"""


def focus_problems(page: Page, direction: str) -> list[str]:
    """Tab through the whole page (forwards or backwards); describe every stop that fails."""
    problems = []
    seen = 0
    for _ in range(200):
        page.keyboard.press(direction)
        stop = page.evaluate(FOCUS)
        if stop and not (stop["ring"] and stop["ringShown"] and stop["visible"] and stop["onScreen"] and not stop["covered"]):
            wait_until(page, SETTLED, timeout=1.0)  # look again once nothing is moving
            stop = page.evaluate(FOCUS)
        if stop is None:
            break
        seen += 1
        faults = [
            fault
            for fault, bad in (
                ("no focus ring", not stop["ring"]),
                ("focus ring cut off", stop["ring"] and not stop["ringShown"]),
                ("invisible", not stop["visible"]),
                ("off screen", not stop["onScreen"]),
                ("covered", stop["covered"]),
            )
            if bad
        ]
        if faults:
            problems.append(f"{stop['name']}: {', '.join(faults)}")
    assert seen > 3, "Tab reached almost nothing"
    return problems


@pytest.mark.parametrize("width", [360, 1280])
def test_every_keyboard_stop_shows_focus(
    browser: Browser, base_url: str, site: Path, pages: list[str], width: int
) -> None:
    """Forwards and backwards, every focused element is visible, on screen, not under the sticky
    header (WCAG 2.4.11) and has a focus ring (WCAG 2.4.7)."""
    failures: dict[str, list[str]] = {}
    # Every kind of stop is on these pages; tabbing through all pages would take many minutes.
    kinds = ["", "policy/", "raise-a-concern/", "clauses/", "group-rules/", "versions/changes/", "404.html"]
    assert set(kinds) <= set(pages), f"pages gone: {set(kinds) - set(pages)}"
    with browsing(browser, base_url, width, 740, phone=width < 1000) as context:
        page = context.new_page()
        for path in (p for p in pages if p in kinds):
            open_page(page, site, path)
            if not is_material(page):
                continue
            found = focus_problems(page, "Tab")
            page.evaluate("document.activeElement && document.activeElement.blur()")
            page.keyboard.press("End")
            assert wait_until(page, STILL), f"{path}: still scrolling after End"
            found += [f"{p} (backwards)" for p in focus_problems(page, "Shift+Tab")]
            if found:
                failures[path] = sorted(set(found))
    assert not failures, report(failures)


@pytest.mark.parametrize("width", [360, 1280])
def test_focus_moving_up_is_not_left_under_the_back_to_top_button(
    browser: Browser, base_url: str, width: int
) -> None:
    """Scrolling up shows Material's back-to-top button below the header; a link that Shift+Tab
    reaches in that band is scrolled clear of it, whatever the fonts put beside it."""
    with browsing(browser, base_url, width, 740, phone=width < 1000) as context:
        page = context.new_page()
        page.goto("policy/")
        link = page.locator("article a.contact-link").first
        top = link.evaluate("a => a.getBoundingClientRect().top + scrollY")
        # Come up from below, so the button shows, leaving the link at 3.5rem: under the button.
        band = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize) * 3.5")
        page.evaluate("y => scrollTo(0, y)", top - band + 400)
        page.wait_for_timeout(200)
        page.evaluate("y => scrollTo(0, y)", top - band)
        button = page.locator(".md-top")
        expect(button).to_be_visible()
        wait_until(page, SETTLED)
        # Focus the next stop without scrolling, then step back onto the link by keyboard.
        link.evaluate(
            """a => { const stops = [...document.querySelectorAll('a[href], button, input')];
                      stops[stops.indexOf(a) + 1].focus({preventScroll: true}); }"""
        )
        page.keyboard.press("Shift+Tab")
        wait_until(page, SETTLED)
        assert page.evaluate("document.activeElement.classList.contains('contact-link')")
        shown = button.bounding_box()
        assert shown is not None
        landed = link.evaluate("a => a.getBoundingClientRect().top")
        assert landed >= shown["y"] + shown["height"], (
            f"the focused link sits at {landed}px, under the back-to-top button ({shown})"
        )


def test_a_focused_link_has_a_visible_ring(page: Page) -> None:
    page.goto("")
    link = page.locator("article a[href]:not(.headerlink)").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    expect(link).to_be_focused()
    outline, width, shadow = link.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert (outline != "none" and width != "0px") or shadow != "none", (outline, width, shadow)
