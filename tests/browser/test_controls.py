"""Controls say what they show, in a real Chromium: every visible link and button has an
accessible name that contains its visible words (WCAG 2.5.3 Label in Name: someone using
voice control says what they see), every form control has a label, and the menu and search
toggles stay closed when a visitor comes Back to a page.

Names are Chromium's own, from its accessibility tree (the DevTools protocol), as a screen
reader or voice control gets them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, expect

from tests.support.browser import open_page, report

NAMED_ROLES = {"link", "button"}
FORM_ROLES = {"checkbox", "radio", "switch", "textbox", "searchbox", "combobox", "listbox", "spinbutton", "slider"}

# The words a sighted visitor sees on a control (for a form control, on its labels): text
# that is painted, not text hidden off screen for screen readers or clipped to nothing.
VISIBLE_TEXT = """function () {
  const shown = (text) => {
    for (let e = text.parentElement; e; e = e.parentElement) {
      if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
      const s = getComputedStyle(e), r = e.getBoundingClientRect();
      if (s.clip.startsWith('rect(0') || s.clipPath.startsWith('inset(50%')) return false;
      if (s.overflow !== 'visible' && (r.width <= 1 || r.height <= 1)) return false;
    }
    const range = document.createRange();
    range.selectNodeContents(text);
    return [...range.getClientRects()].some(r => r.width > 1 && r.height > 1);
  };
  const words = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (shown(t)) parts.push(t.data);
    return parts.join(' ');
  };
  const sources = this.matches('input, select, textarea') ? [...this.labels] : [this];
  return {
    visible: this.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    text: sources.map(words).join(' '),
    html: this.outerHTML.slice(0, 120),
  };
}"""

# Every form control in the page, shown or not, with no label at all: no <label> and no ARIA name.
UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
  .filter(c => !c.labels.length && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby'))
  .map(c => c.outerHTML.slice(0, 120))"""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def says_what_it_shows(name: str, shown: str) -> bool:
    """The visible words, in order, within the name (case, spaces and punctuation aside)."""
    seen, named = words(shown), words(name)
    if not seen:
        return " ".join(shown.split()).casefold() in " ".join(name.split()).casefold()
    return any(named[i : i + len(seen)] == seen for i in range(len(named) - len(seen) + 1))


# VISIBLE_TEXT for many elements in one call: each given by its place among the page's elements.
VISIBLE_TEXTS = f"""(places) => {{
  const all = document.querySelectorAll('*'), seen = {VISIBLE_TEXT};
  return places.map(i => seen.call(all[i]));
}}"""


def control_problems(page: Page, cdp: CDPSession) -> list[str]:
    """Every visible link, button and form control whose name leaves out what it shows, or that
    has no name; and every form control without a label. Each control of the accessibility tree
    is found among the page's elements by its node (the DevTools protocol lists both in document
    order), and all of them are looked at in one call."""
    problems = [f"a form control without a label: {html}" for html in page.evaluate(UNLABELLED)]
    document = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    controls = [
        node for node in cdp.send("Accessibility.getFullAXTree")["nodes"]
        if not node.get("ignored") and node.get("role", {}).get("value") in NAMED_ROLES | FORM_ROLES
        and "backendDOMNodeId" in node
    ]
    elements = cdp.send("DOM.querySelectorAll", {"nodeId": document, "selector": "*"})["nodeIds"]
    place = {node_id: index for index, node_id in enumerate(elements)}
    node_ids = cdp.send("DOM.pushNodesByBackendIdsToFrontend",
                        {"backendNodeIds": [node["backendDOMNodeId"] for node in controls]})["nodeIds"]
    missing = [node for node, node_id in zip(controls, node_ids, strict=True) if node_id not in place]
    assert not missing, f"controls not found among the page's elements: {missing}"
    shown = page.evaluate(VISIBLE_TEXTS, [place[node_id] for node_id in node_ids])
    for node, seen in zip(controls, shown, strict=True):
        role, name = node["role"]["value"], str(node.get("name", {}).get("value", ""))
        if not seen["visible"]:
            continue
        if not name.strip():
            problems.append(f"a {role} with no name: {seen['html']}")
        elif seen["text"].strip() and not says_what_it_shows(name, seen["text"]):
            problems.append(f"a {role} shows {' '.join(seen['text'].split())!r} but is named {name!r}: {seen['html']}")
    return problems


@pytest.mark.parametrize("width", [360, 1280])
def test_every_control_is_named_for_what_it_shows(
    browser: Browser, base_url: str, site: Path, pages: list[str], width: int
) -> None:
    """On a phone and on a desktop (each shows different controls), every page."""
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=base_url)
    failures: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        for path in pages:
            open_page(page, site, path)
            found = control_problems(page, cdp)
            if found:
                failures[path] = found
    finally:
        context.close()
    assert not failures, report(failures)


@pytest.mark.parametrize(
    ("path", "button"), [("policy/", "li.clause > .copy-button"), ("group-rules/", ".copy-button--large")]
)
def test_a_copy_button_is_named_for_what_it_shows_once_it_has_copied(
    context: BrowserContext, site: Path, path: str, button: str
) -> None:
    """After a copy, the button shows "Copied": its name follows."""
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, site, path)
    page.locator(button).first.click()
    expect(page.locator(button).first).to_have_text("Copied")
    assert not control_problems(page, context.new_cdp_session(page))


def test_the_check_catches_a_name_that_leaves_out_the_words_shown(page: Page, site: Path) -> None:
    """The check is worth something only if it fails: a button named otherwise than it reads, a
    control without a label, and a link with no name."""
    open_page(page, site, "")
    page.evaluate(
        """() => {
          const article = document.querySelector('article');
          article.insertAdjacentHTML('afterbegin',
            '<button type="button" aria-label="Send the rules">Copy for WhatsApp</button>' +
            '<input type="checkbox" id="unlabelled-on-purpose">' +
            '<a href="#"><svg width="20" height="20"></svg></a>');
        }"""
    )
    problems = control_problems(page, page.context.new_cdp_session(page))
    assert any("shows 'Copy for WhatsApp' but is named 'Send the rules'" in p for p in problems), problems
    assert any("without a label" in p and "unlabelled-on-purpose" in p for p in problems), problems
    assert any(p.startswith("a link with no name") for p in problems), problems


def test_a_name_may_say_more_than_is_shown_but_not_otherwise() -> None:
    assert says_what_it_shows("Copy link to clause C3", "Copy link")
    assert says_what_it_shows("Previous: Raise a concern", "Previous Raise a concern")
    assert says_what_it_shows("¶", "¶")
    assert not says_what_it_shows("Copy the rules for WhatsApp", "Copy for WhatsApp")
    assert not says_what_it_shows("Link to clause C3", "Copy link")


def test_the_menu_is_closed_when_a_visitor_comes_back(page: Page) -> None:
    """Material's menu and search are checkboxes; a browser restores a checkbox on Back unless
    told not to (autocomplete="off", here from the form they name, where it is valid HTML)."""
    page.goto("")
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=0.9)
    page.locator(".md-sidebar--primary a.md-nav__link[href='policy/']").click()
    page.wait_for_url("**/policy/")
    page.go_back()
    page.wait_for_load_state("load")
    assert not page.evaluate("document.getElementById('__drawer').checked"), "the menu reopened on Back"
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()
