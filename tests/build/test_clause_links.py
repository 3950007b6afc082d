"""Clause links for staff: short links that preview the clause, the index, and links that never break."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from macros.clauses import rules
from tests.support.builds import CLAUSE_IDS, DATA, build, copy_project, replace
from tests.support.pages import Html, pages

URL = DATA.school.site_url


def policy_clauses(site: Path) -> dict[str, str]:
    policy = Html.read(site / "policy" / "index.html")
    found = re.findall(r'<li class="clause" data-clause="(\w+)"[^>]*>(.*?)</li>', policy.source, re.S)
    return {cid: Html(body).text.removeprefix(cid).strip() for cid, body in found}


@pytest.mark.parametrize("clause_id", CLAUSE_IDS)
def test_each_clause_has_a_short_link_that_previews_it_and_forwards(site: Path, clause_id: str) -> None:
    anchor = clause_id.lower()
    page = Html.read(site / anchor / "index.html")
    words = policy_clauses(site)[clause_id]
    section = {"C": "Code of Conduct", "R": "How the school may respond"}.get(clause_id[0])
    title = page.meta("og:title")
    assert title is not None and title.startswith(f"{clause_id} · ") and title.endswith(f" · {DATA.school.name}")
    if section:
        assert title == f"{clause_id} · {section} · {DATA.school.name}"
    assert page.meta("og:description") == words == page.meta("twitter:description")
    assert page.meta("og:url") == f"{URL}{anchor}/"
    assert page.meta("og:image") == f"{URL}assets/og-image.png"
    assert page.meta("twitter:card") == "summary_large_image"
    refresh = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "refresh"]
    assert refresh == [{"http-equiv": "refresh", "content": f"0; url=../policy/#{anchor}"}]
    assert page.find("a", href=f"../policy/#{anchor}"), "a visible link for browsers that do not follow"
    assert page.meta("robots") == "noindex"


def test_short_links_stay_out_of_the_sitemap_and_search(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    index = (site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    for clause_id in CLAUSE_IDS:
        assert f"/{clause_id.lower()}/<" not in sitemap
        assert f'"location":"{clause_id.lower()}/' not in index


def test_every_page_has_preview_tags_and_a_canonical_url(site: Path) -> None:
    assert (site / "assets" / "og-image.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for path in pages(site):
        if path.name == "404.html":
            continue
        html = Html.read(path)
        for name in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:image",
                     "description"):
            assert html.meta(name), (path, name)
        canonical = [a["href"] for t, a in html.tags if t == "link" and a.get("rel") == "canonical"]
        assert len(canonical) == 1 and canonical[0].startswith(URL), path
    name = DATA.school.name
    assert Html.read(site / "policy" / "index.html").meta("og:title") == f"The guidance · {name}"
    assert Html.read(site / "index.html").meta("og:title") == name
    # The 404 page has no Markdown of its own: it previews as the site itself.
    assert Html.read(site / "404.html").meta("og:title") == name


def test_the_clause_index_lists_every_clause_by_section_without_ids(site: Path) -> None:
    page = Html.read(site / "clauses" / "index.html")
    words = policy_clauses(site)
    entries = [a for t, a in page.tags if t == "li" and a.get("class") == "clause-ref"]
    assert [e["data-clause"] for e in entries] == CLAUSE_IDS
    for clause_id in CLAUSE_IDS:
        anchor = clause_id.lower()
        assert anchor not in page.ids
        assert page.find("a", class_="clause-ref__id", href=f"../policy/#{anchor}")
        assert page.find("a", class_="clause-ref__short", href=f"../{anchor}/")
        assert f"{URL}{anchor}/" in page.text and words[clause_id] in page.text
    sections = re.findall(r'<h2 class="clause-index__section">(.*?)</h2>', page.source)
    assert sections == ["Our values", "Code of Conduct", "What we expect of parents, carers and visitors",
                        "Inappropriate online activity", "How the school may respond"]


def test_the_whatsapp_text_is_the_code_of_conduct_verbatim(site: Path) -> None:
    source = (site / "group-rules" / "index.html").read_text(encoding="utf-8")
    text = Html(re.search(r'<pre class="whatsapp-text"[^>]*>(.*?)</pre>', source, re.S)[1]).source
    lines = html.unescape(text).split("\n")
    words = policy_clauses(site)
    assert lines[0] == f"*{DATA.school.name}: Code of Conduct*"
    assert lines[1:5] == [f"C{i} {words[f'C{i}']}" for i in range(1, 5)]
    assert lines[5] == f"{URL}policy/#code-of-conduct"
    assert len("\n".join(lines)) <= rules.WHATSAPP_LIMIT


def test_the_whatsapp_text_may_not_outgrow_a_group_description() -> None:
    long = [rules.Clause("C1", "x" * 2100, "Code of Conduct")]
    with pytest.raises(ValueError, match="over the 2048"):
        rules.whatsapp_text("Rules", long, "https://example.org/")


C4_LINE = ("- [C4] The group should be used keeping in mind mutual respect and cultural sensitivity "
           "between all its members\n")
WITHDRAWAL = """withdrawn:
  - id: "C4"
    withdrawn_on: 2027-01-20
    reason: "Covered by C1."
    replaced_by: "C1"
"""


@pytest.mark.published_wording  # C4 was published in this school's version 1.0
def test_removing_a_published_clause_fails_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace("docs/policy.md", C4_LINE, "")(project)
    result = build(tmp_path / "site", project=project)
    assert not result.ok
    assert "published clause(s) C4 missing from the current text" in result.output


@pytest.mark.parametrize(
    ("mutations", "message"),
    [
        ([replace("school.yml", "withdrawn: []\n", WITHDRAWAL)],
         "C4 is recorded as withdrawn but is still in the text"),
        ([replace("docs/policy.md", C4_LINE, ""),
          replace("school.yml", "withdrawn: []\n", WITHDRAWAL.replace('replaced_by: "C1"', 'replaced_by: "C9"'))],
         "C4 is replaced by C9, which is not in the text"),
    ],
)
def test_an_inconsistent_withdrawal_fails(tmp_path: Path, mutations: list, message: str) -> None:
    project = copy_project(tmp_path / "project")
    for mutate in mutations:
        mutate(project)
    result = build(tmp_path / "site", project=project)
    assert not result.ok and message in result.output, result.output
