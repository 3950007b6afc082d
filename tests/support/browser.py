"""What the browser tests share: pages opened in Chromium, searched, walked and checked with axe-core."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    expect,
)

PHONE = {"width": 360, "height": 740}


# A forwarding page (a clause's short link) is held in place, so its own content is tested.
REFRESH = re.compile(r"<meta\s+http-equiv=[\"']?refresh[^>]*>", re.IGNORECASE)
# The templates a built page is made from: Material's page (main.html: every page of the Markdown
# and the comparisons of two versions), its 404 page, and the site's short-link page.
PAGE, NOT_FOUND, SHORT_LINK = "Material's page (main.html)", "Material's 404 page", "short link"


def template(html: str, path: str) -> str:
    """The template a built page was made from, by what each writes ("unknown" for none of them)."""
    if REFRESH.search(html) and 'class="short-link"' in html:
        return SHORT_LINK
    if 'data-md-component="content"' in html:
        return NOT_FOUND if path.rsplit("/", 1)[-1] == "404.html" else PAGE
    return "unknown"


def built_file(site: Path, path: str) -> Path:
    """The file a page's path from the site's root ("", "policy/", "404.html") is served from."""
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def source(site: Path, path: str) -> str:
    return built_file(site, path).read_text(encoding="utf-8")


def page_language(site: Path, path: str) -> str:
    """The language a page (its path from the site's root) is in: its translation's folder (one
    with a search index of its own), else "en"."""
    first = path.split("/")[0]
    return first if first and (site / first / "search" / "search_index.json").is_file() else "en"


def largest_of_each_template(site: Path, paths: Iterable[str],
                             weight: Callable[[str], int]) -> dict[tuple[str, str], str]:
    """(language, template) → of these pages, the one of that template in that language with the
    greatest `weight`: the one that stands for the rest in a check that pages of one template share."""
    chosen: dict[tuple[str, str], tuple[int, str]] = {}
    for path in paths:
        key = (page_language(site, path), template(source(site, path), path))
        size = weight(path)
        if key not in chosen or size > chosen[key][0]:
            chosen[key] = (size, path)
    return {key: path for key, (_, path) in sorted(chosen.items())}


def open_page(page: Page, site: Path, path: str) -> None:
    """Load a page as a visitor gets it; a forwarding page is held so its own content is tested."""
    html = source(site, path)
    if REFRESH.search(html):
        held = REFRESH.sub("", html)
        page.route(
            lambda url: urlsplit(url).path.endswith("/" + path),
            lambda route: route.fulfill(body=held, content_type="text/html; charset=utf-8"),
        )
    try:
        page.goto(path)
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready.then(() => true)")
    finally:
        page.unroute_all()


def header_bottom(page: Page) -> float:
    box = page.locator("header.md-header").bounding_box()
    assert box is not None
    return box["y"] + box["height"]


def assert_in_view_below_header(page: Page, target: str) -> None:
    """The element is on screen and not hidden under the sticky header."""
    element = page.locator(target)
    expect(element).to_be_in_viewport()
    box = element.bounding_box()
    assert box is not None
    assert box["y"] >= header_bottom(page) - 1, f"{target} is under the sticky header ({box['y']} px)"


def search(page: Page, words: str, keys: bool = True) -> None:
    """Tap the magnifier and type, as a parent does: key by key, or (`keys=False`) as a phone
    keyboard for another script enters a word, as text without key presses."""
    page.locator("label.md-header__button[for='__search']").tap()
    field = page.locator(".md-search__input")
    expect(field).to_be_focused()
    if keys:
        field.press_sequentially(words, delay=30)
    else:
        page.keyboard.insert_text(words)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


SCHEMES = {"light": "default", "dark": "slate"}


axe = Axe()


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
    motion: str = "no-preference",
) -> Iterator[BrowserContext]:
    """A context of the given CSS size; `zoom` is browser zoom on a desktop screen; `motion` is
    the visitor's motion setting ("reduce": Material then drops its transitions)."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        base_url=base_url,
        color_scheme=scheme,  # type: ignore[arg-type]
        reduced_motion=motion,  # type: ignore[arg-type]
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
