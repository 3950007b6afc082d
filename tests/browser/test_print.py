"""Printing for governors: navigation, search and buttons gone; IDs, version, URL and date kept."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from playwright.sync_api import Page, expect


@pytest.mark.parametrize("path", ["policy/", "clauses/", "versions/changes/"])
def test_print_keeps_what_matters_and_hides_the_rest(page: Page, path: str) -> None:
    page.goto(path)
    page.emulate_media(media="print")
    for hidden in ("header.md-header", ".md-sidebar--primary", ".md-search", "footer.md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    for button in page.locator(".copy-button").all():
        expect(button).to_be_hidden()
    meta = page.locator(".print-meta")
    expect(meta).to_be_visible()
    today = dt.date.today()
    expect(meta).to_contain_text("Printed from https://")
    expect(meta).to_contain_text(f"{today.day} {today:%B %Y}")


def test_printed_policy_keeps_clause_ids_and_the_version(page: Page) -> None:
    page.goto("policy/")
    page.emulate_media(media="print")
    expect(page.locator("li#c3 .clause__id")).to_be_visible()
    expect(page.locator("li#c3 .clause__id")).to_have_text("C3")
    panel = page.locator(".version-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Version 1.0")
    expect(panel).to_contain_text("Approval: not recorded")


def test_the_clause_index_prints_on_one_page(page: Page) -> None:
    page.goto("clauses/")
    pdf = page.pdf(format="A4", margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, f"{len(reader.pages)} pages"
    text = " ".join(reader.pages[0].extract_text().split())
    assert "A7" in text and "R4" in text and "Copy link" not in text


def test_a_page_left_open_prints_the_day_it_is_printed(own_page: Page) -> None:
    """Opened one evening, printed the next morning: the printout carries the morning's date."""
    own_page.clock.install(time=dt.datetime(2026, 11, 24, 21, 0))
    own_page.goto("policy/")
    expect(own_page.locator(".print-meta")).to_contain_text("on 24 November 2026")
    own_page.clock.set_system_time(dt.datetime(2026, 11, 25, 8, 30))
    pdf = own_page.pdf(format="A4")
    text = " ".join(" ".join(sheet.extract_text() for sheet in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Printed from" in text
    assert "on 25 November 2026" in text and "24 November" not in text
