"""The translations in a real Chromium: right-to-left pages mirrored, the site script's words in
the page's language. (axe-core checks every translated page with the English ones, in both
schemes and at both sizes: tests/browser/test_axe.py.)"""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from macros.data import language_file
from tests.support.builds import DATA, ROOT

LANGUAGES = [language for _, language in language_file.discover(ROOT)]
# The mirrored layout is the writing direction's, which the template decides: English, then one
# translation of each direction the site has (each page's `dir` is checked on the built files,
# tests/build/test_languages.py), so another language of a direction adds nothing here.
PAGES_BY_DIRECTION = [("", "ltr")] + [
    (f"{found.language}/", direction)
    for direction in ("ltr", "rtl")
    for found in [next((item for item in LANGUAGES if item.dir == direction), None)] if found
]


def language(code: str) -> language_file.LanguageFile:
    return next(item for item in LANGUAGES if item.language == code)


MARKER_AND_TEXT = """(li) => {
  const id = li.querySelector('.clause__id').getBoundingClientRect();
  const words = [...li.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  const range = document.createRange();
  range.selectNodeContents(words);
  const text = range.getBoundingClientRect();
  const style = getComputedStyle(li);
  return {id: [id.left, id.right], text: [text.left, text.right],
          border: {left: style.borderLeftWidth, right: style.borderRightWidth}};
}"""


@pytest.mark.parametrize(("prefix", "direction"), PAGES_BY_DIRECTION, ids=lambda v: v.strip("/") or "en")
def test_the_clause_marker_sits_where_the_language_starts_a_line(page: Page, prefix: str, direction: str) -> None:
    """At 360 px: right to left (Arabic, Urdu) the marker is on the right of the words, and the
    clause's edge (which marks the clause a link lands on) on the right too; left to right
    (English, Polish) both on the left."""
    page.goto(f"{prefix}policy/")
    boxes = page.locator("li#c1").evaluate(MARKER_AND_TEXT)
    start, end = ("right", "left") if direction == "rtl" else ("left", "right")
    if direction == "rtl":
        assert boxes["id"][0] >= boxes["text"][1] - 1, boxes
    else:
        assert boxes["id"][1] <= boxes["text"][0] + 1, boxes
    assert boxes["border"][start] == "4px" and boxes["border"][end] == "0px", boxes


# ---- The site's own script speaks the page's language ----


@pytest.fixture
def clipboard_page(context: BrowserContext) -> Page:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    return context.new_page()


@pytest.mark.parametrize("code", ["pl", "ar"])
def test_a_clauses_copy_button_is_named_and_answers_in_the_pages_language(clipboard_page: Page, code: str) -> None:
    """Polish, and Arabic for a right-to-left language: the buttons' names, what a button says once
    it has copied, and what a screen reader hears, all from the language file."""
    page, words = clipboard_page, language(code)
    page.goto(f"{code}/policy/")
    button = page.locator("li#c3 > .copy-button")
    expect(button).to_have_text(words.text("copy_link"))
    expect(button).to_have_accessible_name(words.text("copy_link_to_clause", id="C3"))
    expect(page.get_by_role("button", name=words.text("copy_link_to_clause", id="A7"), exact=True)).to_have_count(1)
    expect(page.get_by_role("button", name="Copy link to clause C3")).to_have_count(0)
    button.click()
    link = f"{DATA.school.site_url}{code}/c3/"
    assert page.evaluate("navigator.clipboard.readText()") == link
    expect(button).to_have_text(words.text("copied"))
    expect(button).to_have_accessible_name(words.text("copied"))
    expect(page.get_by_role("status")).to_have_text(words.text("link_copied", id="C3", link=link))


RIGHT_TO_LEFT_MARK, ARABIC_LETTER_MARK = "\u200f", "\u061c"


@pytest.mark.parametrize("code", ["pl", "ur", "ar"])
def test_the_rules_copy_button_answers_in_the_pages_language(clipboard_page: Page, code: str) -> None:
    """What is copied is the text shown; on a right-to-left page each line starts with a right-to-left
    mark, as WhatsApp sets a line's direction from its first strong letter, and each line here starts
    in Latin (the school's name, C1, the link); on a left-to-right page no mark is added."""
    page, words = clipboard_page, language(code)
    page.goto(f"{code}/group-rules/")
    page.get_by_role("button", name=words.text("copy_for_whatsapp"), exact=True).click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#whatsapp-text").text_content()
    expect(page.get_by_role("status")).to_have_text(words.text("rules_copied"))
    lines = copied.split("\n")
    assert len(lines) >= 6 and lines[-1].lstrip(RIGHT_TO_LEFT_MARK).startswith("https://"), lines
    starts = {line.lstrip(RIGHT_TO_LEFT_MARK)[0] for line in lines}
    assert starts <= {"*", "C", "h"}, starts
    if words.dir == "rtl":
        assert all(line.startswith(RIGHT_TO_LEFT_MARK) and line[1] != RIGHT_TO_LEFT_MARK for line in lines), lines
    else:
        assert RIGHT_TO_LEFT_MARK not in copied and ARABIC_LETTER_MARK not in copied, lines


@pytest.mark.parametrize("code", ["pl", "ar"])
def test_a_printed_page_says_where_from_and_when_in_the_pages_language(own_page: Page, code: str) -> None:
    words = language(code)
    own_page.clock.install(time=dt.datetime(2026, 11, 24, 21, 0))
    own_page.goto(f"{code}/policy/")
    months = words.strings["months"]
    assert isinstance(months, list)
    printed = words.text("printed_on", date=words.text("date", day="24", month=months[10], year="2026"))
    url = f"{DATA.school.site_url}{code}/policy/"
    expect(own_page.locator(".print-meta")).to_have_text(words.text("printed_from", url=url) + printed)


# ---- The language switch ----

SWITCH_STYLE = """(list) => {
  const ul = getComputedStyle(list), li = getComputedStyle(list.querySelector('li'));
  return {listStyle: ul.listStyleType, display: ul.display, padding: ul.paddingInlineStart,
          indent: li.marginInlineStart, link: getComputedStyle(list.querySelector('a')).display};
}"""


@pytest.mark.parametrize("path", ["policy/", "pl/policy/", "ar/policy/", "ur/policy/"])
def test_the_language_switch_is_a_row_of_names_without_bullets(page: Page, path: str) -> None:
    """After a page's text (in its footer), as at the top of the English home page: the other
    languages side by side, no bullet, no list indent; right to left too."""
    page.goto("")
    home = page.locator("nav.language-switch ul").evaluate(SWITCH_STYLE)
    assert home == {
        "listStyle": "none",
        "display": "flex",
        "padding": "0px",
        "indent": "0px",
        "link": "inline-block",
    }, home
    page.goto(path)
    assert page.locator("nav.language-switch ul").evaluate(SWITCH_STYLE) == home


# ---- Left to right inside right-to-left text ----

CHARACTER_BOXES = """(element) => {
  const text = element.firstChild;
  const boxes = [...text.textContent].map((_, at) => {
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const box = range.getBoundingClientRect();
    return {left: box.left, top: box.top};
  });
  return {text: element.textContent, direction: getComputedStyle(element).direction, boxes};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_in_arabic_a_phone_number_reads_left_to_right(page: Page, width: int) -> None:
    """Its digits in their order from left to right, the two groups of "0115 9150193" included
    (unmarked, the page's right-to-left order would swap them), in the sentence and on the button."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("ar/raise-a-concern/")
    for number in (
        page.locator("a.contact-link[href^='tel:']"),
        page.locator("a.contact-action .contact-action__detail").first,
    ):
        found = number.evaluate(CHARACTER_BOXES)
        assert found["text"] == DATA.contact.phone and found["direction"] == "ltr", found
        boxes = found["boxes"]
        space = found["text"].index(" ")
        assert boxes[space - 1]["top"] == boxes[space + 1]["top"], "the number is split across lines"
        lefts = [box["left"] for box in boxes]
        assert lefts == sorted(lefts), found


PHONE_LINES = """() => [...document.querySelectorAll(
  "article a.contact-link[href^='tel:'], article a[href^='tel:'] .contact-action__detail")]
  .map(number => [number.textContent, number.getClientRects().length])"""


@pytest.mark.parametrize(
    "path", ["ur/raise-a-concern/", "ar/raise-a-concern/", "pl/raise-a-concern/", "raise-a-concern/"]
)
def test_a_phone_number_never_breaks_across_lines(page: Page, path: str) -> None:
    """From 320 px up, in the running text and on the button, each phone number is on one line:
    one box (the words before it, however long, used to push "9150193" onto the next line)."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(path)
    page.evaluate("document.fonts.ready.then(() => true)")
    broken = {}
    # Where the line ends depends on the width and the fonts: step across phone widths.
    for width in range(320, 440, 8):
        page.set_viewport_size({"width": width, "height": 800})
        numbers = page.evaluate(PHONE_LINES)
        assert numbers and any(text == DATA.contact.phone for text, _ in numbers), numbers
        if any(lines != 1 for _, lines in numbers):
            broken[width] = numbers
    assert not broken, broken


NAME_START = """(name) => {
  const text = [...name.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
  const at = text.textContent.indexOf(text.textContent.trim()[0]);
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 1);
  const first = range.getBoundingClientRect(), box = name.getBoundingClientRect();
  return {cut: name.scrollWidth > name.clientWidth, text: text.textContent.trim(),
          firstShown: first.left >= box.left - 0.5 && first.right <= box.right + 0.5};
}"""


@pytest.mark.parametrize("path", ["ar/policy/", "ur/policy/", "policy/"])
def test_a_school_name_too_long_for_the_header_is_cut_at_its_end(page: Page, path: str) -> None:
    """At 320 px the header cannot hold the school's name: it shows its start and is cut at its
    end, as the name reads (an English name on an Arabic page too, not "…dn Primary School")."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(path)
    page.evaluate("document.fonts.ready.then(() => true)")
    found = page.locator(".md-header__topic:first-child .md-ellipsis").evaluate(NAME_START)
    assert found["cut"] and found["firstShown"], found


COPYRIGHT = """(line) => {
  const text = line.querySelector('[lang=en]').firstChild, at = text.textContent.indexOf('\u00a9');
  const box = (k) => { const range = document.createRange(); range.setStart(text, k); range.setEnd(text, k + 1);
                       const b = range.getBoundingClientRect(); return [b.left, b.right]; };
  const shown = line.getBoundingClientRect(), room = line.parentElement.getBoundingClientRect();
  return {sign: box(at), space: box(at + 1), name: box(at + 2),
          left: shown.left - room.left, right: room.right - shown.right};
}"""


@pytest.mark.parametrize("path", ["ar/policy/", "ur/policy/", "policy/"])
def test_the_copyright_sign_comes_before_the_school_name(page: Page, path: str) -> None:
    """In the footer, "© Haydn Primary School" (marked English, and so left to right) reads as the
    name does, the sign then a space before it, not after it; the line itself on the page's starting
    side, right to left on the right."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(path)
    found = page.locator(".md-copyright__highlight").evaluate(COPYRIGHT)
    assert found["sign"][1] <= found["space"][0] + 0.5 and found["space"][1] <= found["name"][0] + 0.5, found
    start = "right" if path.split("/")[0] in ("ar", "ur") else "left"
    assert abs(found[start]) < 1, found


def test_the_logo_links_say_where_they_go_in_english(page: Page) -> None:
    """In the header and the menu, on an Urdu page: "<school> – home", marked English (what a
    screen reader says for the logo, whether an image or an inline SVG)."""
    page.goto("ur/policy/")
    # Each is shown at its own width: the menu's on a phone, the header's on a desktop.
    for width, where in ((360, ".md-nav__button"), (1280, ".md-header__button")):
        logo = page.locator(f"{where}.md-logo")
        page.set_viewport_size({"width": width, "height": 740})
        expect(logo).to_have_accessible_name(f"{DATA.school.name} – home")
        assert logo.evaluate("(link) => link.closest('[lang]').lang") == "en"


# ---- Fonts: Urdu in Nastaliq, English in the site's own ----

FONTS = """() => ({text: getComputedStyle(document.querySelector('article.md-content__inner p')).fontFamily,
  english: [...document.querySelectorAll('body [lang=en]')].map(element => getComputedStyle(element).fontFamily)})"""


def test_arabic_script_asks_for_the_fonts_devices_ship_and_english_keeps_the_sites_own(own_page: Page) -> None:
    """Urdu asks first for Nastaliq (Noto Nastaliq Urdu on Android, Apple and Linux; Urdu Typesetting on
    Windows), Arabic for Naskh; both then for the site's own fonts, not a serif. English on those pages
    (the school's name, the notice's English, the footer…) is set in the site's own fonts, not in
    the Urdu or Arabic ones' Latin letters. No font is fetched."""
    fonts: list[str] = []
    own_page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    own_page.goto("policy/")
    site = own_page.evaluate("getComputedStyle(document.body).fontFamily")
    assert site.split(",")[-1].strip() == "sans-serif", site
    for code, first in (("ur", ["Noto Nastaliq Urdu", "Urdu Typesetting", "Noto Naskh Arabic"]),
                        ("ar", ["Noto Naskh Arabic", "Geeza Pro", "Segoe UI"])):
        own_page.goto(f"{code}/policy/")
        found = own_page.evaluate(FONTS)
        names = [name.strip().strip('"') for name in found["text"].split(",")]
        assert names[:3] == first and found["text"].endswith(site), found
        assert len(found["english"]) >= 5 and set(found["english"]) == {site}, found
    assert not fonts, fonts


# ---- The translation notice: short on a phone ----


def test_the_notice_takes_at_most_a_quarter_of_a_phones_first_screen(page: Page) -> None:
    """At 360 × 740, in every language: the status and the English's authority in a line or two; who
    translated it and when, the English sentence and the link to the English page one tap away."""
    page.emulate_media(reduced_motion="reduce")
    assert page.viewport_size == {"width": 360, "height": 740}
    for words in LANGUAGES:
        page.goto(f"{words.language}/")
        page.evaluate("document.fonts.ready.then(() => true)")
        notice = page.locator(".translation-notice")
        box = notice.bounding_box()
        assert box and box["height"] <= 740 / 4, (words.language, box)
        english = notice.locator("details p[lang=en]")
        expect(english).to_be_hidden()
        notice.get_by_text(words.text("notice_more"), exact=True).click()
        expect(english).to_be_visible()
        expect(notice.get_by_role("link", name=words.text("read_in_english"))).to_have_attribute("hreflang", "en")


# ---- The mirrored layout, on screen ----

# Where, across a screenshot of the element, its edge colour runs from top to bottom: the columns
# (in screen pixels) whose middle pixel is the colour the clause's start edge is drawn in.
EDGE_COLUMNS = """async ([png, selector]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const drawing = canvas.getContext('2d');
  drawing.drawImage(image, 0, 0);
  const {data, width, height} = drawing.getImageData(0, 0, image.width, image.height);
  const edge = getComputedStyle(document.querySelector(selector)).borderInlineStartColor.match(/[0-9.]+/g).map(Number);
  const y = Math.floor(height / 2), columns = [];
  for (let x = 0; x < width; x++) {
    const at = (y * width + x) * 4;
    if (Math.abs(data[at] - edge[0]) + Math.abs(data[at + 1] - edge[1])
        + Math.abs(data[at + 2] - edge[2]) < 24) columns.push(x);
  }
  return {width, columns};
}"""


@pytest.mark.parametrize(("prefix", "direction"), PAGES_BY_DIRECTION, ids=lambda v: v.strip("/") or "en")
def test_a_screenshot_shows_the_clause_a_link_lands_on_marked_where_the_language_starts(
    page: Page, prefix: str, direction: str
) -> None:
    """At 360 px, a screenshot of the clause a link lands on (C1): its coloured edge is the
    screenshot's right-hand columns right to left, its left-hand ones left to right."""
    page.goto(f"{prefix}policy/#c1")
    page.wait_for_load_state("load")
    clause = page.locator("li#c1")
    expect(clause).to_be_in_viewport()
    png = base64.b64encode(clause.screenshot(animations="disabled")).decode()
    found = page.evaluate(EDGE_COLUMNS, [png, "li#c1"])
    edge = list(range(found["width"] - 4, found["width"])) if direction == "rtl" else list(range(4))
    assert found["columns"] == edge, found
