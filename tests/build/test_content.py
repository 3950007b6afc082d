"""The built site carries the school's approved words, verbatim, with every clause addressable."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import phonenumbers
import pytest

from macros.pages import contacts
from tests.support.builds import CLAUSE_IDS, DATA, ORIGINAL, ROOT
from tests.support.pages import Html, english_pages, pages


def source_lines() -> list[str]:
    """The school's original text (kept in the repository, original/), one sentence or bullet a line."""
    if not ORIGINAL.is_file():
        return []
    text = ORIGINAL.read_text(encoding="utf-8")
    return [line.removeprefix("· ").strip() for line in text.splitlines() if line.strip()]


@pytest.mark.published_wording
def test_the_source_text_is_read() -> None:
    assert len(source_lines()) == 41


@pytest.mark.published_wording
@pytest.mark.parametrize("line", source_lines())
def test_every_sentence_of_the_source_is_on_the_policy_page(site: Path, line: str) -> None:
    text = Html.read(site / "policy" / "index.html").text
    assert re.sub(r"\s+", " ", line) in text


def test_every_clause_has_one_id_on_the_whole_site(site: Path) -> None:
    all_ids = [i for p in english_pages(site) for i in Html.read(p).ids]
    policy = Html.read(site / "policy" / "index.html")
    clauses = [a for t, a in policy.tags if t == "li" and "clause" in a.get("class", "").split()]
    assert [c["data-clause"] for c in clauses] == CLAUSE_IDS
    for clause_id in CLAUSE_IDS:
        assert all_ids.count(clause_id.lower()) == 1, clause_id
        assert policy.find("a", class_="clause__id", href=f"#{clause_id.lower()}"), clause_id


def test_the_policy_page_has_a_contents_list_in_source_order(site: Path) -> None:
    policy = Html.read(site / "policy" / "index.html")
    contents = policy.source.split('<nav class="page-contents"')[1].split("</nav>")[0]
    toc = re.findall(r'href="#([\w-]+)"', contents)
    expected = ["class-groups", "values", "code-of-conduct", "expectations", "inappropriate",
                "raising-concerns", "responses"]
    assert toc == expected


def test_every_page_has_a_description_and_one_h1(site: Path) -> None:
    for path in pages(site):
        html = Html.read(path)
        assert html.meta("description"), path
        assert len(html.find("h1")) == 1, path


def test_the_search_index_has_an_entry_for_each_clause_landing_on_it(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.full.json").read_text(encoding="utf-8"))["docs"]
    clause_docs = {d["location"]: d for d in docs if d.get("tags")}
    assert sorted(clause_docs) == sorted(f"policy/#{c.lower()}" for c in CLAUSE_IDS)
    assert "political platform" in clause_docs["policy/#c2"]["text"]
    assert clause_docs["policy/#c2"]["title"] == "C2 · Code of Conduct"


def test_contacts_and_responses_are_typed_only_in_the_data_file() -> None:
    data = DATA
    typed = [data.school.name, data.school.short_name, data.contact.email, data.contact.phone,
             data.contact.team, data.proportionality, *data.concern_steps,
             *(r.action for r in data.responses)]
    places = [ROOT / "mkdocs.yml", *(ROOT / "docs").rglob("*.md"), *(ROOT / "overrides").rglob("*"),
              *(ROOT / "macros").rglob("*.py"), *(ROOT / "docs").rglob("*.js")]
    # Archived versions are frozen copies made by `make release`, not typed.
    archives = ROOT / "docs" / "versions"
    for place in (p for p in places if p.is_file() and archives not in p.parents):
        content = place.read_text(encoding="utf-8")
        for value in typed:
            assert value not in content, f"{value!r} is typed in {place.relative_to(ROOT)}"


def test_tap_to_call_and_email_on_every_page_that_needs_them(site: Path) -> None:
    for name in ("index.html", "policy/index.html", "raise-a-concern/index.html", "accessibility/index.html"):
        html = Html.read(site / name)
        assert html.find("a", href=contacts.tel_href(DATA.contact.phone)), name
        assert any(a.get("href", "").startswith(f"mailto:{DATA.contact.email}?subject=")
                   for _, a in html.tags if _ == "a"), name


def test_every_call_and_email_link_in_every_language_is_the_schools(site: Path) -> None:
    """Each tel: link dials the school's number (E.164, worked out here from the number the data
    file writes), each mailto: link writes to its address with its subject: on every page, the
    translations' too. (The links sit in the built HTML: no browser is needed to read them.)"""
    tel = "tel:" + phonenumbers.format_number(phonenumbers.parse(DATA.contact.phone, "GB"),
                                              phonenumbers.PhoneNumberFormat.E164)
    problems, seen = [], set()
    for path in pages(site):
        for _, attributes in (item for item in Html.read(path).tags if item[0] == "a"):
            href = attributes.get("href", "")
            if href.startswith("tel:"):
                seen.add("tel")
                problems += [f"{path.relative_to(site)}: {href}"] if href != tel else []
            elif href.startswith("mailto:"):
                seen.add("mailto")
                parts = urlsplit(href)
                subject = parse_qs(parts.query).get("subject")
                if parts.path != DATA.contact.email or subject != [DATA.contact.email_subject]:
                    problems.append(f"{path.relative_to(site)}: {href}")
    assert seen == {"tel", "mailto"} and not problems, problems
