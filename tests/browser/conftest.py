"""A real Chromium, driven by Playwright, against the built site served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

from macros.data import model
from tests.support.browser import (
    PHONE,
    REFRESH,
    browsing,
    source,
)
from tests.support.builds import ROOT
from tests.support.pages import english_pages
from tools.browser import ARGS, serve, system_chromium

# A test machine running several workers answers slower than a phone: wait up to 10 s, not 5.
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def base_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site as GitHub Pages serves it, under its published path (/parent-whatsapp-guidance/),
    so root-relative links, as on the 404 page, work too."""
    published = urlsplit(model.load(ROOT / "school.yml").school.site_url).path.strip("/")
    if not published:
        with serve(site) as url:
            yield url
        return
    root = tmp_path_factory.mktemp("published")
    (root / published).parent.mkdir(parents=True, exist_ok=True)
    (root / published).symlink_to(site, target_is_directory=True)
    with serve(root) as url:
        yield f"{url}{published}/"


@pytest.fixture(scope="session")
def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, 404.html included, as a URL path from its root.

    The 23 short links are one template with other words: the first stands for them all,
    which keeps the browser suite within minutes."""
    found = [p.relative_to(site).as_posix().removesuffix("index.html") for p in english_pages(site)]
    assert "" in found and "404.html" in found and "policy/" in found, found
    forwarding = [path for path in found if REFRESH.search(source(site, path))]
    assert len(forwarding) >= 23, forwarding
    return [path for path in found if path not in forwarding[1:]]


@pytest.fixture(scope="session")
def translated_pages(site: Path, pages: list[str]) -> list[str]:
    """The translations' pages (`<lang>/…`), a short link of each standing for the rest, as for
    `pages`. Kept apart, so that a test can check them where it needs, not everywhere."""
    english = set(pages) | {p.relative_to(site).as_posix().removesuffix("index.html") for p in english_pages(site)}
    found = [p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(site.rglob("*.html"))]
    translated = [path for path in found if path not in english]
    kept, seen = [], set()
    for path in translated:
        code = path.split("/")[0]
        if REFRESH.search(source(site, path)):
            if code in seen:
                continue
            seen.add(code)
        kept.append(path)
    assert len({path.split("/")[0] for path in kept}) >= 3, kept
    return kept


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def chromium_path(playwright: Playwright) -> str:
    """The Chromium Lighthouse drives: the system's headless shell or Chromium, else Playwright's."""
    return system_chromium(headless_shell=True) or playwright.chromium.executable_path


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    # The system's headless shell or Chromium, else Playwright's own (its headless shell).
    # No skip when Chromium is missing: launching fails, and so does the test.
    launched = playwright.chromium.launch(executable_path=system_chromium(headless_shell=True), args=ARGS)
    yield launched
    launched.close()


@pytest.fixture
def context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    with browsing(browser, base_url, PHONE["width"], PHONE["height"]) as phone:
        yield phone


@pytest.fixture(scope="module")
def phone_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """One phone-sized page for a test file's tests (`page`): a new browser context costs a new
    renderer process and Material's script compiled again, about half a second of processor."""
    with browsing(browser, base_url, PHONE["width"], PHONE["height"]) as shared:
        yield shared.new_page()


@pytest.fixture
def page(phone_page: Page) -> Iterator[Page]:
    """A phone-sized page: the test file's shared one, put back after each test as a new one is (no
    routes, the phone's size, screen media, light and motion, nothing stored, a blank page). A test
    that installs a clock, listens to events or counts what is fetched (and so must not find it in
    the cache) takes `own_page` instead: those cannot be put back. So does a test that searches and
    follows a result: on a shared page, with the site in its cache, one such tap led nowhere (once
    in five runs of `make test`, not seen since); until that is understood, they start afresh."""
    yield phone_page
    phone_page.unroute_all(behavior="ignoreErrors")
    if urlsplit(phone_page.url).scheme in ("http", "https"):
        phone_page.evaluate("localStorage.clear(); sessionStorage.clear()")
    phone_page.emulate_media(media="null", color_scheme="light", reduced_motion="no-preference")
    phone_page.set_viewport_size(PHONE)
    phone_page.goto("about:blank")


@pytest.fixture
def own_page(context: BrowserContext) -> Page:
    """A page in a browser context of its own (see `page`)."""
    return context.new_page()
