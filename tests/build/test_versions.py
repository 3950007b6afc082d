"""Versions for governors: three approved versions, their archive, the changes, the draft banner."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import feedparser
import pypdf
import pytest

from macros.data import language_file, model
from macros.data.language_file import LanguageFile
from macros.pages import contacts
from macros.versions.archive import sha256
from tests.support.builds import DATA, ROOT, SAMPLE_LANGUAGES, Build, build, lychee, replace, web_root
from tests.support.pages import Html, pages
from tests.support.releases import C2_NEW, C2_OLD, releasable_copy, release

C3_OLD = "[C3] The group should not be used for private conversations with anyone else using the group"
C3_NEW = "[C3] The group should not be used for private conversations with other members"
C5 = "- [C5] Messages should be kept to school matters\n"
A7 = "- [A7] Threatening behaviour, such as verbally intimidating staff, or using bad language\n"
A7_WITHDRAWN = (
    'withdrawn:\n  - id: "A7"\n    withdrawn_on: "2028-03-01"\n    reason: "Covered by A2."\n    replaced_by: "A2"\n'
)
pytestmark = pytest.mark.same_for_any_school(
    "a history of versions is recorded, archived, compared and shown the same way whatever the school; "
    "another school's first release, from its own data file: tests/build/test_new_school.py")
# The days the history is read on: after 1.2 came into force; and after 1.1 was approved
# (20 January 2027) but before it came into force (1 February 2027).
AFTER_1_2 = "2028-03-01"
BEFORE_1_1 = "2027-01-25"
# The translations the project copy keeps, one of each direction: their guidance says the same, in
# their words. Every language's words for each standing, with its dates, are checked without a
# build (tests/unit/versions/test_approval.py).
LANGUAGES = [language for _, language in language_file.discover(ROOT) if language.language in SAMPLE_LANGUAGES]
PAIRS = ["1.0...1.1", "1.0...1.2", "1.0...current", "1.1...1.2", "1.1...current", "1.2...current"]

# 1.1 changes the phone number: another valid number of the same school's.
PHONE = DATA.contact.phone
NEW_PHONE = PHONE[:-1] + ("2" if PHONE[-1] != "2" else "3")


@pytest.fixture(scope="module")
def three_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1.0 as published; 1.1 rewords C2 and changes the phone; 1.2 adds C5; then, unapproved,
    C3 reworded and A7 withdrawn in favour of A2."""
    project = releasable_copy(tmp_path_factory.mktemp("versions") / "project")
    if not DATA.versions:
        # Another school's data file: its 1.0 is the text as it stands, approval not recorded.
        done = release(project, "1.0", "--approved-on", "2026-09-01", "--approved-by", "Governors", "--no-pdf",
                       today="2026-09-01")
        assert done.returncode == 0, done.stdout + done.stderr
    replace("docs/policy.md", C2_OLD, C2_NEW)(project)
    replace("school.yml", f'"{PHONE}"', f'"{NEW_PHONE}"')(project)
    done = release(project, "1.1", "--approved-on", "2027-01-20", "--approved-by", "Full Governing Body",
                   "--minute-ref", "FGB 27/03", "--effective-from", "2027-02-01", "--next-review", "2028-01-20",
                   "--no-pdf", today="2027-01-21")
    assert done.returncode == 0, done.stdout + done.stderr
    replace("docs/policy.md", "- [C4]", C5 + "- [C4]")(project)
    done = release(project, "1.2", "--approved-on", "2028-01-15", "--approved-by", "Full Governing Body",
                   "--next-review", "2029-01-15", "--no-pdf", today="2028-01-16")
    assert done.returncode == 0, done.stdout + done.stderr
    replace("docs/policy.md", C3_OLD, C3_NEW)(project)
    replace("docs/policy.md", A7, "")(project)
    replace("school.yml", "withdrawn: []\n", A7_WITHDRAWN)(project)
    return project


@pytest.fixture(scope="module")
def versions_build(three_versions: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(tmp_path_factory.mktemp("versions-site") / "site", project=three_versions,
                   env={"BUILD_DATE": AFTER_1_2})
    assert result.ok, result.output
    return result


@pytest.fixture(scope="module")
def pending_build(three_versions: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The same tree built while 1.1 is approved but not yet in force."""
    result = build(tmp_path_factory.mktemp("pending-site") / "site", project=three_versions,
                   env={"BUILD_DATE": BEFORE_1_1})
    assert result.ok, result.output
    return result


def test_release_records_the_version_with_its_hash(three_versions: Path) -> None:
    text = (three_versions / "school.yml").read_text(encoding="utf-8")
    assert '  - number: "1.1"\n    approved_on: "2027-01-20"\n    approved_by: "Full Governing Body"' in text
    archive = (three_versions / "docs" / "versions" / "1.1.md").read_text(encoding="utf-8")
    assert "archived_version: '1.1'" in archive and C2_NEW.split("] ")[1] in archive
    assert f"phone: {NEW_PHONE}" in archive


def test_a_version_cannot_be_released_twice(three_versions: Path) -> None:
    again = release(three_versions, "1.1", "--no-pdf")
    assert again.returncode != 0 and "VERSION (--version) 1.1 is already recorded in school.yml" in again.stderr


def test_each_archive_keeps_its_own_words_contacts_and_ids(versions_build: Build) -> None:
    site = versions_build.site
    old = Html.read(site / "versions" / "1.0" / "index.html")
    new = Html.read(site / "versions" / "1.1" / "index.html")
    assert contacts.tel_href(PHONE) in old.source and contacts.tel_href(NEW_PHONE) in new.source
    assert "political platform" in old.text and "platform for airing political" in new.text
    assert "v1-0-c2" in old.ids and "v1-1-c2" in new.ids and "c2" not in old.ids
    assert "This is version 1.0 of the guidance" in old.text and "It is not the version in force" in old.text
    assert old.find("a", href="../../policy/")
    # C5 came with 1.2: 1.1's archive does not have it, 1.2's does.
    assert "v1-1-c5" not in new.ids and "v1-2-c5" in Html.read(site / "versions" / "1.2" / "index.html").ids


def test_archives_are_left_out_of_search(versions_build: Build) -> None:
    index = (versions_build.site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    assert '"location":"versions/1.' not in index


def test_the_policy_page_shows_the_version_in_force(versions_build: Build) -> None:
    panel = Html.read(versions_build.site / "policy" / "index.html").source
    panel = re.search(r'<aside class="version-panel[^"]*".*?</aside>', panel, re.S)[0]
    text = Html(panel).text
    assert "Version 1.2" in text
    assert "Approved by Full Governing Body on 15 January 2028" in text
    assert "Next review: 15 January 2029." in text


def test_changes_are_shown_word_by_word(versions_build: Build) -> None:
    page = Html.read(versions_build.site / "versions" / "changes" / "index.html").source
    first = page.split('id="from-1-0-to-1-1"')[1].split("<h2")[0]
    c2 = re.search(r'<li class="change change--reworded">.*?</li>', first, re.S)[0]
    assert re.findall(r"<del>(.*?)</del>", c2) == ['<span class="change-label">deleted: </span>political']
    assert re.findall(r"<ins>(.*?)</ins>", c2) == ['<span class="change-label">inserted: </span>political']
    assert "Contact phone" in first and PHONE[-4:] in first and NEW_PHONE[-4:] in first
    second = page.split('id="from-1-1-to-1-2"')[1].split("<h2")[0]
    assert 'class="change change--added"' in second and "Messages should be kept to school matters" in second
    current = page.split('id="current"')[1].split("<h2")[0]
    c3 = re.search(r'<li class="change change--reworded">.*?</li>', current, re.S)[0]
    assert Html(" ".join(re.findall(r"<del>(.*?)</del>", c3))).text == "deleted: anyone else using the group"
    assert Html(" ".join(re.findall(r"<ins>(.*?)</ins>", c3))).text == "inserted: other members"


def test_unapproved_changes_put_a_banner_on_every_page(versions_build: Build, site: Path) -> None:
    for path in pages(versions_build.site):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html" or "/versions/1." in str(path) or "md-content" not in html:
            continue
        if any(path.is_relative_to(versions_build.site / words.language) for words in LANGUAGES):
            continue  # in its language: test_each_language_says_where_the_version_stands_in_its_words
        assert "This text includes changes not yet approved by the governors" in html, path
    for path in pages(site):
        assert "not yet approved" not in path.read_text(encoding="utf-8"), path


def test_an_overdue_review_warns_but_builds(
    three_versions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BUILD_DATE", "2029-02-01")
    result = build(tmp_path / "site", project=three_versions)
    assert result.ok, result.output
    assert "the review of version 1.2 is overdue" in result.output
    text = Html.read(result.site / "policy" / "index.html").text
    assert "The review was due on 15 January 2029 and is overdue." in text
    for words in LANGUAGES:
        panel = translated_panel(result.site, words.language)
        assert words.text("review_overdue") in panel, words.language
        assert words.text("review_was_due", date=words.long_date(dt.date(2029, 1, 15))) in panel, words.language


def test_a_tampered_archive_fails_naming_the_version(three_versions: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(three_versions, project)
    replace("docs/versions/1.1.md", "platform for airing political", "platform for airing any")(project)
    result = build(tmp_path / "site", project=project)
    assert not result.ok
    assert "version 1.1:" in result.output and "does not match the SHA-256 recorded" in result.output


def test_the_history_lists_every_version_with_its_links(versions_build: Build) -> None:
    page = Html.read(versions_build.site / "versions" / "index.html")
    assert [h for h in re.findall(r'<h2 id="version-[\d-]+">(.*?)</h2>', page.source)] == [
        "Version 1.2 (in force)", "Version 1.1 (replaced)", "Version 1.0 (replaced)"]
    assert page.find("a", href="1.1/") and page.find("a", href="changes/1.0...1.1/")
    assert "FGB 27/03" in page.text and "not recorded" in page.text


@pytest.mark.published_wording  # the school's own 1.0, as published
def test_the_archived_pdf_has_selectable_text(site: Path) -> None:
    reader = pypdf.PdfReader(site / "versions" / "1.0.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "The group is not a political platform for airing opinions on current affairs" in " ".join(text.split())
    assert "This is version 1.0 of the guidance" in " ".join(text.split())


@pytest.mark.published_wording  # the school's own 1.0, as published
def test_the_first_version_reads_not_recorded(site: Path) -> None:
    text = Html.read(site / "policy" / "index.html").text
    assert "Version 1.0" in text and "Approval: not recorded" in text and "No review date is recorded." in text
    history = Html.read(site / "versions" / "index.html")
    assert history.find("a", href="1.0.pdf")
    assert (site / "versions" / "1.0.pdf").read_bytes().startswith(b"%PDF")


# ---- What the record says on the day of the build ----


def sections(site: Path) -> dict[str, str]:
    """The version history's sections by heading, each as its text."""
    source = Html.read(site / "versions" / "index.html").source
    found = re.findall(r'<section class="version".*?<h2 id="version-[\d-]+">(.*?)</h2>(.*?)</section>', source, re.S)
    return {heading: Html(body).text for heading, body in found}


def notice(site: Path, number: str) -> str:
    source = (site / "versions" / number / "index.html").read_text(encoding="utf-8")
    return Html(re.search(r'<div class="archive-notice".*?</div>', source, re.S)[0]).text


def test_the_history_says_which_version_is_in_force_and_which_replaced_which(versions_build: Build) -> None:
    history = sections(versions_build.site)
    assert list(history) == ["Version 1.2 (in force)", "Version 1.1 (replaced)", "Version 1.0 (replaced)"]
    assert history["Version 1.2 (in force)"].startswith("In force since 15 January 2028.")
    assert history["Version 1.1 (replaced)"].startswith("Replaced by version 1.2 on 15 January 2028.")
    assert history["Version 1.0 (replaced)"].startswith("Replaced by version 1.1 on 1 February 2027.")


def test_a_version_approved_but_not_yet_in_force_says_so(pending_build: Build) -> None:
    history = sections(pending_build.site)
    assert list(history) == [
        "Version 1.2 (not yet in force)", "Version 1.1 (not yet in force)", "Version 1.0 (in force)"
    ]
    assert history["Version 1.1 (not yet in force)"].startswith(
        "Approved on 20 January 2027, comes into force on 1 February 2027.")
    panel = Html(re.search(r'<aside class="version-panel.*?</aside>',
                           (pending_build.site / "policy" / "index.html").read_text(encoding="utf-8"), re.S)[0]).text
    assert "Until then, version 1.0 is in force." in panel


def test_no_version_is_called_in_force_beside_a_date_still_to_come(versions_build: Build, pending_build: Build) -> None:
    for result, day in ((versions_build, AFTER_1_2), (pending_build, BEFORE_1_1)):
        for heading, text in sections(result.site).items():
            if "(in force)" not in heading:
                continue
            for dated in re.findall(r"(?:Approved on|In force from) ?(\d+ \w+ \d{4})", text):
                assert dt.datetime.strptime(dated, "%d %B %Y").date() <= dt.date.fromisoformat(day), (heading, text)


def test_the_archived_version_in_force_says_so_and_names_unapproved_changes(versions_build: Build) -> None:
    said = notice(versions_build.site, "1.2")
    assert "This is version 1.2 of the guidance, kept exactly as it was approved." in said
    assert "It is the version in force since 15 January 2028." in said
    assert "The current text has changes not yet approved by the governors" in said
    page = Html.read(versions_build.site / "versions" / "1.2" / "index.html")
    assert page.find("a", href="../changes/1.2...current/")


def test_an_older_archived_version_names_what_replaced_it_and_when(versions_build: Build) -> None:
    said = notice(versions_build.site, "1.0")
    assert "It is not the version in force: version 1.1 replaced it on 1 February 2027." in said
    assert "The version in force is version 1.2." in said
    page = Html.read(versions_build.site / "versions" / "1.0" / "index.html")
    assert page.find("a", href="../changes/1.0...1.1/") and page.find("a", href="../1.2/")


def test_before_it_comes_into_force_an_archive_says_when_it_will(pending_build: Build) -> None:
    assert "Approved on 20 January 2027, comes into force on 1 February 2027." in notice(pending_build.site, "1.1")
    assert "Until then, version 1.0 is in force." in notice(pending_build.site, "1.1")
    earlier = notice(pending_build.site, "1.0")
    assert "It is the version in force" in earlier
    assert "Version 1.1 was approved on 20 January 2027 and comes into force on 1 February 2027" in earlier


def definitions(html: str) -> dict[str, str]:
    """A description list's terms and their descriptions, as text."""
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html, re.S)
    return {Html(term).text: Html(value).text for term, value in pairs}


def record(site: Path, number: str) -> dict[str, str]:
    source = (site / "versions" / number / "index.html").read_text(encoding="utf-8")
    return definitions(re.search(r'<section class="version-record".*?</section>', source, re.S)[0])


def test_every_archived_page_carries_its_approval_record_and_hash(three_versions: Path, versions_build: Build) -> None:
    data = model.load(three_versions / "school.yml")
    for version in data.versions:
        shown = record(versions_build.site, version.number)
        assert shown["SHA-256 of this archived copy"] == version.sha256
        assert version.sha256 == sha256(three_versions / "docs" / "versions" / f"{version.number}.md")
        assert shown["Version"] == version.number and shown["Summary"] == version.summary
    assert record(versions_build.site, "1.1") == {
        "Version": "1.1", "Approved on": "20 January 2027", "Approved by": "Full Governing Body",
        "Minute reference": "FGB 27/03", "In force from": "1 February 2027", "Next review": "20 January 2028",
        "Summary": "Release 1.1", "SHA-256 of this archived copy": data.versions[1].sha256,
    }


# ---- Any two versions compared ----


def test_any_two_versions_are_compared_at_a_stable_address(versions_build: Build) -> None:
    site = versions_build.site
    made = sorted(p.name for p in (site / "versions" / "changes").iterdir() if p.is_dir())
    assert made == PAIRS
    page = Html.read(site / "versions" / "changes" / "1.0...1.2" / "index.html")
    assert len(page.find("h1")) == 1 and "Changes from version 1.0 to version 1.2" in page.text
    assert page.source.count("<title>Changes from version 1.0 to version 1.2 - ") == 1
    assert page.meta("description").startswith("What changed in the guidance from version 1.0 to version 1.2")
    site_url = DATA.school.site_url
    assert page.find("link", rel="canonical", href=f"{site_url}versions/changes/1.0...1.2/")
    c2 = re.search(r'<li class="change change--reworded">.*?</li>', page.source, re.S)[0]
    assert 'href="../../../versions/1.2/#v1-2-c2"' in c2
    assert 'class="change change--added"' in page.source and "Messages should be kept to school matters" in page.text
    assert "Contact phone" in page.text and PHONE[-4:] in page.text and NEW_PHONE[-4:] in page.text
    assert "<script" in page.source and "/versions/changes/1.0...1.2/" not in (site / "sitemap.xml").read_text()
    index = (site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    assert "1.0...1.2" not in index


def test_a_withdrawn_clause_is_listed_as_replaced_with_its_reason(versions_build: Build) -> None:
    page = Html.read(versions_build.site / "versions" / "changes" / "1.2...current" / "index.html")
    a7 = Html(re.search(r'<li class="change change--replaced">.*?</li>', page.source, re.S)[0])
    assert a7.text.startswith("A7 Replaced")
    assert "Clause A7 was withdrawn on 1 March 2028. Covered by A2. It is replaced by clause A2." in a7.text
    assert a7.find("a", href="../../../versions/1.2/#v1-2-a7")


def test_a_recorded_withdrawal_keeps_the_link_working(versions_build: Build) -> None:
    """A7, withdrawn in favour of A2: its short link lands on the withdrawn list, which says why."""
    site = versions_build.site
    short = Html.read(site / "a7" / "index.html")
    refresh = [a["content"] for t, a in short.tags if t == "meta" and a.get("http-equiv") == "refresh"]
    assert refresh == ["0; url=../withdrawn/#a7"]
    assert short.meta("og:description") == (
        "Clause A7 was withdrawn on 1 March 2028. Covered by A2. It is replaced by clause A2."
    )
    withdrawn = Html.read(site / "withdrawn" / "index.html")
    assert "a7" in withdrawn.ids
    assert "Withdrawn on 1 March 2028." in withdrawn.text and "Why: Covered by A2." in withdrawn.text
    assert withdrawn.find("a", href="../policy/#a2")
    all_ids = [i for p in pages(site) for i in Html.read(p).ids]
    assert all_ids.count("a7") == 1


def test_every_comparison_is_one_tap_from_the_version_history(versions_build: Build) -> None:
    history = Html.read(versions_build.site / "versions" / "index.html")
    linked = {a["href"].removeprefix("changes/").rstrip("/") for a in history.find("a") if "..." in a.get("href", "")}
    assert linked == set(PAIRS)


def test_every_link_in_the_versioned_site_resolves(versions_build: Build, tmp_path: Path) -> None:
    result = lychee(versions_build.site, web_root(versions_build.site, tmp_path / "root"))
    assert result.returncode == 0, result.stdout + result.stderr


# ---- The feed of approved versions ----


def test_the_feed_lists_each_approved_version_with_its_record_and_links(
    three_versions: Path, versions_build: Build
) -> None:
    site_url = DATA.school.site_url
    parsed = feedparser.parse((versions_build.site / "versions" / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    feed = parsed.feed
    assert feed.id == f"{site_url}versions/feed.xml" and feed.title and feed.updated == "2028-01-15T00:00:00Z"
    assert feed.author == model.load(three_versions / "school.yml").school.name
    assert any(link.rel == "alternate" and link.href == f"{site_url}versions/" for link in feed.links)
    assert [e.title for e in parsed.entries] == ["Version 1.2", "Version 1.1", "Version 1.0"]
    assert [e.id for e in parsed.entries] == [f"{site_url}versions/{n}/" for n in ("1.2", "1.1", "1.0")]
    one_one = parsed.entries[1]  # 1.1: the one with every field recorded
    assert one_one.summary == "Release 1.1" and one_one.updated == "2027-01-20T00:00:00Z"
    content = definitions(one_one.content[0].value)
    assert content["Approved by"] == "Full Governing Body" and content["Minute reference"] == "FGB 27/03"
    assert content["SHA-256 of the archived copy"] == model.load(three_versions / "school.yml").versions[1].sha256
    links = {link.rel: link.href for link in one_one.links}
    assert links == {"alternate": f"{site_url}versions/1.1/", "related": f"{site_url}versions/changes/1.0...1.1/"}
    for entry in parsed.entries:
        for link in entry.links:
            path = versions_build.site / link.href.removeprefix(site_url) / "index.html"
            assert path.is_file(), link.href


def test_the_feed_depends_on_the_sources_not_the_day_it_is_built(versions_build: Build, pending_build: Build) -> None:
    feed = "versions/feed.xml"
    assert (versions_build.site / feed).read_bytes() == (pending_build.site / feed).read_bytes()


def test_every_page_and_the_history_lead_to_the_feed(versions_build: Build) -> None:
    feed = versions_build.site / "versions" / "feed.xml"
    for path in pages(versions_build.site):
        if path.name == "404.html" or "md-content" not in path.read_text(encoding="utf-8"):
            continue
        html = Html.read(path)
        # Not `rel="alternate"` alone: Material's script would fetch a sitemap.xml beside the feed.
        assert not html.find("link", rel="alternate"), path
        (alternate,) = html.find("link", rel="alternate feed", type="application/atom+xml")
        # One address for every page (and every language): the English site's feed.
        assert alternate["href"] == f"{DATA.school.site_url}versions/feed.xml", path
        assert (versions_build.site / alternate["href"].removeprefix(DATA.school.site_url)).resolve() == feed.resolve()
    assert Html.read(versions_build.site / "versions" / "index.html").find("a", href="feed.xml")


# ---- The same, on each language's guidance: in its words, with its month names ----
# The panel's and banners' English words; the governors' own name for themselves is marked English.
PANEL_ENGLISH = re.compile(r"\b(Version|Approv\w*|force|review|recorded|governors|changes|January|February)\b")


def translated_panel(site: Path, code: str) -> str:
    """The version panel's text on a language's guidance, without what it marks as English."""
    source = (site / code / "policy" / "index.html").read_text(encoding="utf-8")
    panel = re.search(r'<aside class="version-panel.*?</aside>', source, re.S)
    assert panel, code
    text = Html(re.sub(r'<span lang="en" dir="ltr">.*?</span>', "", panel[0])).text
    assert not PANEL_ENGLISH.search(text), (code, text)
    return text


@pytest.mark.parametrize("words", LANGUAGES, ids=lambda words: words.language)
def test_each_language_says_where_the_version_stands_in_its_words(
    versions_build: Build, pending_build: Build, words: LanguageFile
) -> None:
    def date(iso: str) -> str:
        return words.long_date(dt.date.fromisoformat(iso))

    in_force = translated_panel(versions_build.site, words.language)
    assert words.text("version_number", number="1.2") in in_force
    assert words.text("in_force_since", date=date("2028-01-15")) in in_force
    assert words.text("next_review", date=date("2029-01-15")) in in_force
    pending = translated_panel(pending_build.site, words.language)
    assert words.text("coming_into_force", approved=date("2028-01-15"), effective=date("2028-01-15")) in pending
    assert words.text("until_then_in_force", number="1.0") in pending
    # The banner of unapproved changes, on every page of the language.
    for path in pages(versions_build.site / words.language):
        source = path.read_text(encoding="utf-8")
        if path.name == "404.html" or "md-content" not in source:
            continue
        banner = re.search(r'<div class="draft-banner" role="note">.*?</div>', source, re.S)
        assert banner, path
        assert words.text("draft_banner") in Html(banner[0]).text and not PANEL_ENGLISH.search(Html(banner[0]).text)
