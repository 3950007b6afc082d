"""Where each version stands on a given day, and the words that say so."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from macros.data import language_file
from macros.data.model import Version
from macros.versions import approval
from macros.versions.archive import Archive
from tests.support.builds import ROOT
from tests.support.pages import Html

HASH = "0" * 64
OLD = Version(number="1.0", summary="First", sha256=HASH)
NEXT = Version(number="1.1", approved_on="2027-01-20", approved_by="Board", minute_ref="B 1",
               effective_from="2027-02-01", next_review="2028-01-20", summary="Second", sha256=HASH)
LAST = Version(number="1.2", approved_on="2028-01-15", summary="Third", sha256=HASH)
ALL = [OLD, NEXT, LAST]


def states(day: str) -> list[str]:
    return [s.state for s in approval.standings(ALL, dt.date.fromisoformat(day))]


def test_the_version_in_force_is_the_latest_to_have_come_into_force() -> None:
    assert states("2026-06-01") == [approval.IN_FORCE, approval.COMING, approval.COMING]
    assert states("2027-01-25") == [approval.IN_FORCE, approval.COMING, approval.COMING]
    assert states("2027-02-01") == [approval.REPLACED, approval.IN_FORCE, approval.COMING]
    assert states("2028-01-15") == [approval.REPLACED, approval.REPLACED, approval.IN_FORCE]


def test_a_version_with_no_date_in_force_takes_its_approval_date() -> None:
    assert approval.comes_into_force(LAST) == dt.date(2028, 1, 15)
    assert approval.comes_into_force(OLD) is None


def test_each_standing_is_said_plainly() -> None:
    before, after = approval.standings(ALL, dt.date(2027, 1, 25)), approval.standings(ALL, dt.date(2028, 3, 1))
    assert approval.standing_sentence(before[0]) == "In force (the date it came into force is not recorded)."
    assert approval.standing_sentence(before[1]) == "Approved on 20 January 2027, comes into force on 1 February 2027."
    assert approval.standing_sentence(after[2]) == "In force since 15 January 2028."
    assert approval.standing_sentence(after[0]) == "Replaced by version 1.1 on 1 February 2027."
    assert approval.standing_sentence(after[1]) == "Replaced by version 1.2 on 15 January 2028."


def test_the_record_names_every_field_and_says_what_is_not_recorded() -> None:
    assert dict(approval.record_rows(NEXT)) == {
        "Approved on": "20 January 2027", "Approved by": "Board", "Minute reference": "B 1",
        "In force from": "1 February 2027", "Next review": "20 January 2028", "Summary": "Second"}
    assert dict(approval.record_rows(OLD))["Approved by"] == approval.NOT_RECORDED
    html = approval.record_html(NEXT)
    assert f'<dt>SHA-256 of this archived copy</dt><dd><code class="version-record__hash">{HASH}</code></dd>' in html
    assert "<dt>Version</dt><dd>1.1</dd>" in html


def archives(*versions: Version) -> list[Archive]:
    return [Archive(v, "", {}) for v in versions]


def test_the_archive_notice_depends_on_the_day_and_the_draft() -> None:
    pending = Html(approval.archive_notice_html(archives(*ALL), "1.1", dt.date(2027, 1, 25), False, "../../p/")).text
    assert "Approved on 20 January 2027, comes into force on 1 February 2027." in pending
    assert "Until then, version 1.0 is in force." in pending
    replaced = approval.archive_notice_html(archives(*ALL), "1.0", dt.date(2028, 3, 1), True, "../../p/")
    assert "version 1.1 replaced it on 1 February 2027" in replaced and 'href="../changes/1.0...1.1/"' in replaced
    assert 'href="../changes/1.2...current/"' in replaced and "not yet approved" in replaced
    latest = Html(approval.archive_notice_html(archives(*ALL), "1.2", dt.date(2028, 3, 1), False, "../../p/")).text
    assert "It is the version in force since 15 January 2028." in latest
    assert "The current text is the same as this version." in latest


def test_the_history_links_every_comparison_and_names_each_state(tmp_path) -> None:
    html = approval.history_html(archives(*ALL), False, dt.date(2027, 1, 25), tmp_path)
    assert re.findall(r'<h2 id="version-[\d-]+">(.*?)</h2>', html) == [
        "Version 1.2 (not yet in force)", "Version 1.1 (not yet in force)", "Version 1.0 (in force)"]
    assert sorted(set(re.findall(r'href="changes/([^"]+)/"', html))) == [
        "1.0...1.1", "1.0...1.2", "1.0...current", "1.1...1.2", "1.1...current", "1.2...current"]
    assert 'href="feed.xml"' in html and "not yet approved" not in html


def test_the_panel_says_when_the_latest_version_comes_into_force() -> None:
    text = Html(approval.panel_html(archives(OLD, NEXT), dt.date(2027, 1, 25), "../versions/")).text
    assert "Version 1.1 · Approved on 20 January 2027, comes into force on 1 February 2027." in text
    assert "Until then, version 1.0 is in force." in text
    panel = approval.panel_html(archives(OLD), dt.date(2027, 1, 25), "")
    assert "Version 1.0Approval: not recorded" in Html(panel).text


# English words the panel and banners have, none of which a translated one may show.
ENGLISH_WORDS = re.compile(r"\b(Version|Approv\w*|force|review|recorded|January|February|governors|changes)\b")


@pytest.mark.parametrize("words", [words for _, words in language_file.discover(ROOT)],
                         ids=lambda words: words.language)
def test_the_panel_and_banners_are_in_the_pages_language_with_its_dates(words: language_file.LanguageFile) -> None:
    """Each language's words for every standing, with its dates; the build puts them on its pages
    (tests/build/test_versions.py, with one language of each direction)."""
    date = words.long_date
    pending = approval.panel_html(archives(OLD, NEXT), dt.date(2027, 1, 25), "../../versions/", words)
    overdue = approval.panel_html(archives(OLD, NEXT), dt.date(2028, 2, 1), "../../versions/", words)
    unrecorded = approval.panel_html(archives(OLD), dt.date(2027, 1, 25), "../../versions/", words)
    banners = [approval.draft_banner_html("../versions/changes/", words),
               approval.not_yet_approved_html("../versions/", words),
               approval.panel_html([], dt.date(2027, 1, 25), "", words)]
    for html in [pending, overdue, unrecorded, *banners]:
        # The only English is the governors' own name for themselves, marked so.
        assert not ENGLISH_WORDS.search(Html(html.replace('<span lang="en" dir="ltr">Board</span>', "")).text), html
    assert f'aria-label="{words.text("version_panel_label")}"' in pending
    text = Html(pending).text
    assert words.text("version_number", number="1.1") in text
    coming = words.text("coming_into_force", approved=date(dt.date(2027, 1, 20)), effective=date(dt.date(2027, 2, 1)))
    assert coming in text
    assert words.text("until_then_in_force", number="1.0") in text
    assert words.text("next_review", date=date(dt.date(2028, 1, 20))) in text
    assert words.text("minute_reference", ref="B 1") in text
    assert '<a href="../../versions/" hreflang="en">' in pending and words.text("english_page") in text
    text = Html(overdue).text
    assert words.text("in_force_since", date=date(dt.date(2027, 2, 1))) in text
    assert words.text("review_overdue") in text
    assert words.text("review_was_due", date=date(dt.date(2028, 1, 20))) in text
    assert words.text("approval_not_recorded") in Html(unrecorded).text
    replaced = approval.standings([OLD, NEXT], dt.date(2027, 3, 1))[0]
    assert approval.standing_sentence(replaced, words) == words.text(
        "replaced_by_on", number="1.1", date=date(dt.date(2027, 2, 1)))
    assert words.text("draft_banner") in Html(banners[0]).text
    assert words.text("not_yet_approved") in Html(banners[1]).text
    assert words.text("no_version_approved") in Html(banners[2]).text
    # Its month names, not the English ones.
    months = words.strings["months"]
    assert isinstance(months, list) and months[0] in date(dt.date(2027, 1, 20))
