"""Every link and anchor in the built site resolves, checked by lychee without the network.

The site is laid out as GitHub Pages serves it: under its path (/parent-whatsapp-guidance/),
so the 404 page's root-relative links resolve too; and links to the site's own full
address (canonical links, short links) are checked against the built files, anchors included.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support.builds import DATA, lychee, web_root

SITE_URL = DATA.school.site_url


def test_no_broken_links_or_anchors(site: Path, tmp_path: Path) -> None:
    result = lychee(site, web_root(site, tmp_path / "root"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 Errors\b", result.stdout), result.stdout


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        ("index.html", 'href="policy/#code-of-conduct"', 'href="policy/#no-such-section"'),
        ("c3/index.html", f'href="{SITE_URL}policy/#c3"', f'href="{SITE_URL}policy/#c99"'),
        ("404.html", "/assets/stylesheets/site.", "/assets/stylesheets/no-such."),
    ],
    ids=["broken anchor", "broken canonical anchor", "broken root-relative link"],
)
def test_a_broken_link_fails(site: Path, tmp_path: Path, page: str, old: str, new: str) -> None:
    """The check above would catch a break: run it on a copy of the site with one link broken."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    path = copy / page
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new), encoding="utf-8")
    result = lychee(copy, web_root(copy, tmp_path / "root"))
    assert result.returncode != 0, result.stdout
    assert new.removeprefix('href="').rstrip('"').rsplit("/", 1)[-1].lstrip("#") in result.stdout, result.stdout
