"""The site is a template: another school's data file gives another school's site."""

from __future__ import annotations

from macros.data import model
from tests.support.builds import FIXTURES, ROOT, Build

HAYDN = model.load(ROOT / "school.yml")
OAKFIELD = model.load(FIXTURES / "oakfield.yml")


def test_no_trace_of_haydn_in_the_fictional_schools_site(fictional_build: Build) -> None:
    traces = {"Haydn", "haydn", HAYDN.contact.email, HAYDN.contact.phone, "1159150193", "9150193"}
    for path in (p for p in fictional_build.site.rglob("*") if p.is_file()):
        content = path.read_bytes().decode("utf-8", errors="replace")
        for trace in traces:
            assert trace not in content, f"{trace!r} in {path.relative_to(fictional_build.site)}"


def test_the_fictional_school_appears_everywhere_haydn_would(fictional_build: Build) -> None:
    site = fictional_build.site
    policy = (site / "policy" / "index.html").read_text(encoding="utf-8")
    assert f"At {OAKFIELD.school.short_name}, we believe" in policy
    assert "tel:+442079460321" in policy and OAKFIELD.contact.email in policy
    assert "Inform the police (where a crime may have been committed)" in policy
    assert "listen to everyone involved and talk to the parent concerned" in policy
    assert "<title>The guidance - Oakfield Meadow Primary Academy</title>" in policy
    index = (site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    assert "policy/#r3" in index and "policy/#r4" not in index
    assert OAKFIELD.school.site_url in (site / "sitemap.xml").read_text(encoding="utf-8")
