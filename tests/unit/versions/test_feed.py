"""The Atom feed of approved versions: valid, newest first, dated by approval, never by the clock."""

from __future__ import annotations

import datetime as dt
import os

import feedparser

from macros.data import model
from macros.versions import feed
from tests.support.builds import ROOT

# The data file in use: SCHOOL_DATA when set (the fictional school), else this school's.
DATA = model.load(ROOT / (os.environ.get("SCHOOL_DATA") or "school.yml"))
HASH = "0" * 64
VERSIONS = [model.Version(number="1.0", summary="First", sha256=HASH),
            model.Version(number="1.1", approved_on="2027-01-20", approved_by="Board", summary="Second", sha256=HASH)]
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def parsed(versions: list[model.Version]) -> feedparser.FeedParserDict:
    return feedparser.parse(feed.atom(DATA.model_copy(update={"versions": versions}), "Guidance", EPOCH))


def test_the_feed_is_valid_atom_newest_first() -> None:
    result = parsed(VERSIONS)
    assert not result.bozo, result.bozo_exception
    assert [e.id for e in result.entries] == [f"{DATA.school.site_url}versions/{n}/" for n in ("1.1", "1.0")]
    assert result.feed.updated == "2027-01-20T00:00:00Z" and result.feed.author == DATA.school.name
    assert result.entries[0].published == "2027-01-20T00:00:00Z"


def test_a_version_without_dates_takes_the_source_date() -> None:
    assert parsed(VERSIONS).entries[1].updated == "2026-01-01T00:00:00Z"
    assert feed.source_date({"SOURCE_DATE_EPOCH": "1767225600"}) == EPOCH
    assert feed.source_date({}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_an_empty_history_is_still_a_valid_feed() -> None:
    result = parsed([])
    assert not result.bozo and result.entries == [] and result.feed.updated == "2026-01-01T00:00:00Z"
