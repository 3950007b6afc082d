"""Reproducible builds: the same tree built twice, later and in another time zone, is byte-identical.

Every date in the output comes from SOURCE_DATE_EPOCH (the Makefile sets it from the last
commit; tests.support.builds sets a fixed one), so a rebuild can be checked against a deployment.
The two builds are made from two copies of the project taken together, in different folders
(as a CI checkout and a laptop would be), so an edit made while the tests run cannot differ
between them, and neither can the folder's name leak into the output.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import time
from pathlib import Path

import pytest

from tests.support.builds import SAMPLE_LANGUAGES, Build, build, copy_project
from tests.support.pages import Html

pytestmark = pytest.mark.same_for_any_school(
    "two builds of one tree: the data file is one input among the rest")


def contents(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """Two builds, the second begun in a later second and in a time zone 14 hours ahead."""
    first_tree = copy_project(tmp_path_factory.mktemp("first") / "project")
    second_tree = copy_project(tmp_path_factory.mktemp("second") / "checkout")
    with pytest.MonkeyPatch.context() as env:
        # The policy's review status is as of the day of the build, by design: both builds are
        # told the same day, so that only the clock and the time zone differ.
        env.setenv("BUILD_DATE", os.environ.get("BUILD_DATE") or dt.date.today().isoformat())
        started = int(time.time())
        first = build(first_tree.parent / "site", project=first_tree)
        # A later second by the clock (a build takes longer: this waits only on a very fast machine).
        while int(time.time()) <= started:
            time.sleep(0.05)
        env.setenv("TZ", "America/Adak" if os.environ.get("TZ") == "Pacific/Kiritimati" else "Pacific/Kiritimati")
        second = build(second_tree.parent / "site", project=second_tree)
    assert first.ok, first.output
    assert second.ok, second.output
    return first, second


def test_two_builds_of_the_same_tree_are_byte_identical(two_builds: tuple[Build, Build]) -> None:
    first, second = (contents(b.site) for b in two_builds)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"these files differ between two builds: {differing}"
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "search/search_index.full.json",
                 "index.html"):
        assert name in first
    # Its translations, one of each direction, are built and checked too.
    directions = {Html(first[f"{code}/index.html"].decode()).find("html")[0]["dir"] for code in SAMPLE_LANGUAGES}
    assert directions == {"ltr", "rtl"}, SAMPLE_LANGUAGES


def test_the_sitemap_dates_are_the_source_date(site: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    day = dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert dates == {day}


def test_the_compressed_sitemap_carries_the_source_time_not_the_build_time(site: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    raw = (site / "sitemap.xml.gz").read_bytes()
    # The gzip header's MTIME field: MkDocs stamps the day of SOURCE_DATE_EPOCH (midnight UTC).
    assert int.from_bytes(raw[4:8], "little") == epoch - epoch % 86400
    assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()
