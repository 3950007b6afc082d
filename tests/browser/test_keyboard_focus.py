"""Keyboard focus in a real Chromium: tabbing forwards and backwards through the pages, every
stop is visible, on screen, clear of the sticky header and the back-to-top button, and has a
focus ring (WCAG 2.4.7, 2.4.11). Apart from the other accessibility checks because it is the
longest: the test workers run it beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import browsing, is_material, open_page, report, wait_until

# Where focus shows: the element, or for Material's hidden radio buttons (the palette switch),
# the label drawn for it. Its ring (and whether a box that clips its content cuts the ring off),
# visibility, place on screen, and whether anything covers it.
FOCUS = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  // The walk's first stop, kept to notice when Tab comes round to it again.
  const again = window.walkStart === a;
  window.walkStart = window.walkStart || a;
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
    again,
    name: `${a.tagName.toLowerCase()}.${[...a.classList].filter(c => c !== 'focus-visible').join('.')} ` +
          `${a.getAttribute('href') || a.id || ''}`,
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
    page.evaluate("window.walkStart = null")
    for _ in range(400):
        page.keyboard.press(direction)
        stop = page.evaluate(FOCUS)
        if stop and stop["again"]:
            break  # round to the first stop again without leaving the page: every stop is seen
        if stop and not (
            stop["ring"] and stop["ringShown"] and stop["visible"] and stop["onScreen"] and not stop["covered"]
        ):
            wait_until(page, SETTLED, timeout=3.0)  # look again once nothing is moving (slow under load)
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
    else:
        raise AssertionError(f"{direction} never came back to the page or its first stop")
    assert seen > 3, "Tab reached almost nothing"
    return problems


# Every kind of stop is on these pages; tabbing through all pages would take many minutes.
KINDS = ["", "policy/", "raise-a-concern/", "clauses/", "group-rules/", "versions/changes/", "404.html"]
# Right to left, the menu drawer and its panels wait off screen on the other side.
RIGHT_TO_LEFT = ["ar/policy/", "ur/raise-a-concern/"]


@pytest.mark.parametrize("kinds", [KINDS, RIGHT_TO_LEFT], ids=["english", "right-to-left"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_keyboard_stop_shows_focus(
    browser: Browser,
    base_url: str,
    site: Path,
    pages: list[str],
    translated_pages: list[str],
    width: int,
    kinds: list[str],
) -> None:
    """Forwards and backwards, every focused element is visible, on screen, not under the sticky
    header (WCAG 2.4.11) and has a focus ring (WCAG 2.4.7); in Arabic and Urdu too."""
    failures: dict[str, list[str]] = {}
    pages = pages + translated_pages
    assert set(kinds) <= set(pages), f"pages gone: {set(kinds) - set(pages)}"
    # With reduced motion (a setting many visitors use), Material drops its transitions: a stop
    # is in its final place at once, so the walk need not wait for each drawer slide and fade-in.
    # What is checked is that final place either way; motion itself: the back-to-top test below.
    with browsing(browser, base_url, width, 740, phone=width < 1000, motion="reduce") as context:
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
        # The page has scrolled there and drawn it, so Material sees the next scroll go up.
        assert wait_until(page, STILL)
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
