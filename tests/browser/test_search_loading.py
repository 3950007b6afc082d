"""Search costs nothing until it is used: Material's worker and the full index load on the first search."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect


def test_search_loads_on_first_use_and_then_finds_clauses(own_page: Page) -> None:
    fetched: list[str] = []
    # Paths only: the loader's own address names the files it will fetch later.
    own_page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    own_page.goto("policy/")
    own_page.wait_for_load_state("networkidle")
    assert any("search-loader.js" in url for url in fetched)
    assert not any("search_index.full.json" in url or "/workers/search." in url for url in fetched), fetched
    own_page.locator("label[for='__search']").first.click()
    own_page.locator("input.md-search__input").press_sequentially("cultural sensitivity", delay=20)
    first = own_page.locator(".md-search-result__item").first
    expect(first.locator("a.md-search-result__link").nth(1)).to_have_attribute(
        "href", re.compile(r"/policy/\?h=cultural\+sensitivity#c4$")
    )
    assert any("search_index.full.json" in url for url in fetched)
    assert any("/workers/search." in url for url in fetched)
