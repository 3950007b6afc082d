"""The translations wired into the site: each `translations/<lang>/` is built into `<site>/<lang>/`
with its own words, says how far it is checked, and never shows out-of-date words as current."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html import escape, unescape
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

from macros.clauses.translated import (
    TEAM,
    WordsShown,
    data_words,
    response_field,
    step_field,
    up_to_date_clauses,
)
from macros.data import language_file, model
from macros.data.language_file import LanguageFile
from macros.finishing.pipeline import clauses_from_html
from macros.languages import builds
from macros.pages import responses
from tests.support.builds import DATA, FIXTURES, ROOT, SHIPPED_LANGUAGES, Build, build, copy_project
from tests.support.pages import Html, directed_texts

LANGUAGES = [language for _, language in language_file.discover(ROOT)]
# The rule: the languages the school ships (pl, ar, ur) must be complete, and the tests below that
# take a code check every page and data word of each. A language added since as files may be
# partial: it is checked by the `changed` build below (what it has in its language, what it lacks
# in English marked lang="en"), whether or not it is also in this run's translations/.
CODES = [language.language for language in LANGUAGES if language.language in SHIPPED_LANGUAGES]
PARENT_PAGES = ["", "policy/", "raise-a-concern/", "group-rules/", "accessibility/"]
STAFF_PAGES = ["clauses/", "withdrawn/", "versions/", "versions/changes/"]


def language(code: str) -> LanguageFile:
    return next(item for item in LANGUAGES if item.language == code)


def page(site: Path, code: str, url: str) -> Html:
    return Html.read(site / code / url / "index.html")


def test_there_are_translations_to_build() -> None:
    assert len(LANGUAGES) >= 3


@pytest.mark.parametrize("code", CODES)
def test_each_language_is_built_into_its_own_folder_in_its_language(site: Path, code: str) -> None:
    words = language(code)
    for url in PARENT_PAGES:
        built = page(site, code, url)
        assert built.find("html", lang=code), f"/{code}/{url}"
        assert built.find("body", dir=words.dir), f"/{code}/{url}"
    # Only the parents' pages are translated: the staff pages stay English, at the root.
    for url in STAFF_PAGES:
        assert not (site / code / url).exists()
        assert (site / url / "index.html").is_file()


@pytest.mark.parametrize("code", CODES)
def test_the_menu_is_translated_and_links_to_the_english_staff_pages(site: Path, code: str) -> None:
    home = page(site, code, "")
    assert words_in(home, language(code).text("nav_staff"))
    links = {a["href"] for a in home.find("a") if "md-nav__link" in a.get("class", "")}
    for url in STAFF_PAGES:
        assert "../" + url in links
    assert "policy/" in links and "raise-a-concern/" in links


def current_translations(words: LanguageFile, site: Path) -> dict[str, str]:
    """The clauses this language shows translated (from the English as it is), as it shows them:
    the text's from its file, the responses' from its data file words."""
    english = clauses_from_html((site / "policy" / "index.html").read_text(encoding="utf-8"))
    data = data_words(DATA, words)
    shown = {word.field: word.shown for word in data}
    translated = {clause_id: entry.text for clause_id, entry in words.clauses.items()} | {
        r.id: responses.response_text(r.model_copy(update={
            "action": shown[response_field(r.id, "action")],
            "applies_when": shown[response_field(r.id, "applies_when")] if r.applies_when else None}))
        for r in DATA.responses}
    return {clause_id: translated[clause_id] for clause_id in up_to_date_clauses(words, english, data)}


def words_in(built: Html, words: str) -> bool:
    return " ".join(words.split()) in built.text


# The panel's and the banners' English words, none of which a translated page may show.
PANEL_ENGLISH = re.compile(r"\b(Version|Approv\w*|force|review|recorded|governors|changes)\b")


@pytest.mark.parametrize("code", CODES)
def test_the_version_panel_and_banners_are_in_the_pages_language(site: Path, code: str) -> None:
    """The staff pages they link to stay English, and the links say so."""
    words = language(code)
    policy = page(site, code, "policy/")
    panels = policy.find("aside", **{"aria-label": words.text("version_panel_label")})
    assert len(panels) == 1 and "lang" not in panels[0]
    start = '<aside class="version-panel'
    panel = Html(start + policy.source.split(start, 1)[1].split("</aside>", 1)[0])
    assert not PANEL_ENGLISH.search(panel.text), panel.text
    if DATA.versions:
        assert words.text("version_number", number=DATA.versions[-1].number) in panel.text
        assert words.text("version_history") in panel.text and words.text("english_page") in panel.text
        assert panel.find("a", hreflang="en", href="../../versions/")
    else:
        assert panel.text == words.text("no_version_approved")
    titles = [t for t in policy.source.split('id="page-contents-title">')[1:2]]
    assert titles and titles[0].startswith(words.text("contents") + "</h2>")
    expected = words.text("not_yet_approved") if not DATA.versions else words.text("draft_banner")
    for url in PARENT_PAGES:
        built = page(site, code, url)
        for banner in built.find("div", class_="draft-banner"):
            assert "lang" not in banner
        for source in built.source.split('<div class="draft-banner" role="note">')[1:]:
            text = Html(source.split("</div>", 1)[0]).text
            assert expected in text and not PANEL_ENGLISH.search(text), text


@pytest.mark.parametrize("code", CODES)
def test_search_uses_the_language_where_material_can(site: Path, code: str) -> None:
    config = json.loads((site / code / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == [code if code in builds.SEARCH_LANGUAGES else "en"]


@pytest.mark.parametrize("code", CODES)
def test_the_data_file_words_are_the_languages_and_the_contacts_the_data_files(site: Path, code: str) -> None:
    words = language(code)
    concern = page(site, code, "raise-a-concern/")
    for key in ("journey_raise", "journey_look", "journey_respond", "journey_depending"):
        assert words_in(concern, words.text(key)), key
    assert words_in(concern, words.text("call")) and words_in(concern, words.text("email"))
    assert DATA.contact.email in concern.text and DATA.contact.phone in concern.text
    assert "Contact the" not in concern.text and "The school may respond" not in concern.text
    # Each word translated from the data file's English as it is, in the language; any other
    # (this school's words, if the data file is another's), in English, marked so.
    data = data_words(DATA, words)
    shown = {word.field: word.shown for word in data}
    team = escape(words.text("journey_contact", team="{team}")).replace("{team}", WordsShown.of(data, words).html(
        TEAM, shown[TEAM]))
    assert team in concern.source
    for word in data:
        assert escape(word.shown) in concern.source, word.field
        if word.up_to_date:
            assert f'<span lang="en" dir="ltr">{escape(word.english)}</span>' not in concern.source, word.field
        else:
            assert (f'<span lang="en" dir="ltr">{escape(word.english)}</span> <span class="translation-updating">'
                    f'{escape(words.text("words_updating"))}</span>') in concern.source, word.field
    policy = page(site, code, "policy/")
    steps = [shown[step_field(index)] for index in range(len(DATA.concern_steps))]
    if all(word.up_to_date for word in data if word.field.startswith("data.concern_steps")):
        assert words_in(policy, responses.steps_sentence(steps, words.text("list_separator"),
                                                         words.text("list_last_separator")))


@pytest.mark.parametrize("code", CODES)
def test_every_translated_page_says_it_is_a_draft_in_both_languages_and_links_to_the_english(
    site: Path, code: str
) -> None:
    words = language(code)
    assert words.status == "draft"
    for url in PARENT_PAGES:
        built = page(site, code, url)
        notice = built.source.split('<div class="translation-notice"', 1)[1].split("</div>", 1)[0]
        # First, in a line or two, the status and the English's authority; the rest behind <details>.
        short, more = notice.split("<details>", 1)
        assert words_in(Html(short), words.text("notice_draft")), short
        details = Html(more)
        assert words_in(details, f"Draft translation into {words.english_name} by {words.translated_by}")
        assert words_in(details, "not checked by a fluent speaker. The English is authoritative.")
        english = [a["href"] for a in details.find("a", hreflang="en")]
        assert english == ["../" * (url.count("/") + 1) + url], english


@pytest.mark.parametrize("code", CODES)
def test_short_links_preview_the_clause_in_the_language(site: Path, code: str) -> None:
    """Current translations preview in the language; any out of date (another school's responses)
    in the English they show."""
    words = language(code)
    english = {c.id: c.text for c in clauses_from_html((site / "policy" / "index.html").read_text(encoding="utf-8"))}
    policy = page(site, code, "policy/")
    clauses = policy.find("li", class_="clause")
    assert [c["data-clause"] for c in clauses] == list(english)
    translated = current_translations(words, site)
    for clause in clauses:
        clause_id = clause["data-clause"]
        short = Html.read(site / code / clause_id.lower() / "index.html")
        assert short.find("meta", content="0; url=../policy/#" + clause_id.lower())
        current = clause_id in translated
        assert short.meta("og:description") == (translated[clause_id] if current else english[clause_id]), clause_id
        assert clause["data-link"] == f"{DATA.school.site_url}{code}/{clause_id.lower()}/"
        # Its page, for a browser that does not forward, is in the language too, and right to
        # left where the language is; the clause it quotes in English is marked English.
        root = short.find("html")[0]
        assert root["lang"] == code and root.get("dir", "ltr") == words.dir, (clause_id, root)
        heading = escape(words.text("clause_heading", id=clause_id))
        # (Its ID left to right in right-to-left words.)
        if words.dir == "rtl":
            heading = heading.replace(clause_id, f'<span dir="ltr">{clause_id}</span>')
        assert f"<h1>{heading}</h1>" in short.source, clause_id
        go_to = escape(words.text("go_to", heading="{heading}")).replace("{heading}", heading)
        assert f'<a href="../policy/#{clause_id.lower()}">{go_to}</a>' in short.source, clause_id
        quote = short.find("blockquote")[0]
        assert (quote.get("lang"), quote.get("dir")) == ((None, None) if current else ("en", "ltr")), clause_id


# ---- Out of date: the English changed, or the translation lacks a clause ----


FOURTH = ROOT / "tests" / "fixtures" / "translations" / "ro"


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """One build for what a school changes: the English of C3 reworded; the Polish lacking C4 and
    keeping a clause the English no longer has; and a language added as files only (a language
    file and two pages). Its other translations are left out: none of this is about them."""
    project = copy_project(tmp_path_factory.mktemp("changed") / "project", languages=("pl",))
    policy = project / "docs" / "policy.md"
    text = policy.read_text(encoding="utf-8")
    c3 = re.search(r"^- \[C3\] (.+)$", text, re.MULTILINE)
    assert c3
    policy.write_text(text.replace(c3[0], f"- [C3] Reworded for this test: {c3[1]}"), encoding="utf-8")
    polish = project / "translations" / "pl" / "docs" / "policy.md"
    lines = [line for line in polish.read_text(encoding="utf-8").splitlines() if not line.startswith("- [C4] ")]
    lines.insert(lines.index(next(line for line in lines if line.startswith("- [C1] "))), "- [Z9] Gone")
    polish.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copytree(FOURTH, project / "translations" / FOURTH.name, dirs_exist_ok=True)
    result = build(project / "site", project=project)
    assert result.ok, result.output
    return result


def test_a_changed_or_missing_clause_shows_the_english_marked_and_explained(changed: Build) -> None:
    words = language("pl")
    built = (changed.site / "pl" / "policy" / "index.html").read_text(encoding="utf-8")
    notice = words.text("translation_updating")
    for clause_id in ("C3", "C4"):
        item = re.search(rf'<li[^>]*data-clause="{clause_id}"[^>]*>(.*?)</li>', built, re.DOTALL)
        assert item, clause_id
        assert '<span lang="en" dir="ltr">' in item[1] and notice in item[1], clause_id
    assert "Reworded for this test" in built
    ids = re.findall(r'data-clause="([A-Z]+[0-9]+)"', built)
    assert ids.index("C3") < ids.index("C4") < ids.index("E1")
    assert "Z9" not in ids
    # Clauses still translated from the current English stay translated.
    assert words.clauses["C2"].text in unescape(built)


def test_the_build_warns_naming_the_language_and_the_clauses(changed: Build) -> None:
    warnings = [line for line in changed.output.splitlines() if "translation pl" in line]
    assert warnings and "C3, C4" in warnings[0] and "Z9" in warnings[0]


# ---- Finding your language ----


def test_right_to_left_languages_say_so_on_the_html_element(site: Path) -> None:
    for code in CODES:
        assert page(site, code, "policy/").find("html", lang=code, dir=language(code).dir), code
    assert Html.read(site / "policy" / "index.html").find("html", lang="en", dir="ltr")


def switch_links(built: Html) -> list[dict[str, str]]:
    source = built.source.split('<nav class="language-switch', 1)[1].split("</nav>", 1)[0]
    return Html(source).find("a")


def test_every_page_links_to_the_same_page_in_every_other_language(site: Path) -> None:
    names = {"en": "English", **{language.language: language.name for language in LANGUAGES}}
    checked = 0
    for path in sorted(site.rglob("index.html")):
        built = Html.read(path)
        if 'http-equiv="refresh"' in built.source:
            continue  # a short link forwards at once
        relative = path.parent.relative_to(site).as_posix()
        code = relative.split("/")[0] if relative.split("/")[0] in names else "en"
        url = relative.removeprefix(code).strip("/") if code != "en" else ("" if relative == "." else relative)
        links = switch_links(built)
        assert [a["hreflang"] for a in links] == [c for c in names if c != code], path
        for link in links:
            other = link["hreflang"]
            assert link["lang"] == other
            target = (path.parent / link["href"]).resolve()
            assert (target / "index.html").is_file(), (path, link)
            root = site.resolve() if other == "en" else (site / other).resolve()
            same = root / url if url else root
            expected = same if (same / "index.html").is_file() else root
            assert target == expected, (path, link["href"])
            nav = built.source.split('<nav class="language-switch', 1)[1]
            text = nav.split(f'hreflang="{other}"', 1)[1].split(">", 1)[1].split("</a>")[0]
            if path == site / "index.html":
                assert text == language(other).text("read_in_your_language")
            else:
                assert text == names[other]
        checked += 1
    assert checked > 20
    assert Html.read(site / "pl" / "index.html").find("nav", class_="language-switch md-grid md-typeset",
                                                       **{"aria-label": language("pl").text("language_switch_label")})


# ---- A school adds a language by adding files ----

def test_a_language_added_as_files_is_built_with_its_pages_and_menu(changed: Build) -> None:
    site, added = changed.site, language_file.load(FOURTH / "language.yml")
    code = added.language
    home, policy = page(site, code, ""), page(site, code, "policy/")
    assert home.find("html", lang=code, dir="ltr") and policy.find("html", lang=code)
    assert words_in(home, added.text("notice_draft")) and words_in(policy, added.text("notice_draft"))
    links = {a["href"] for a in home.find("a") if "md-nav__link" in a.get("class", "")}
    # The pages it has not translated yet are the English ones.
    assert {"../raise-a-concern/", "../group-rules/", "../accessibility/", "../clauses/"} <= links
    assert not (site / code / "raise-a-concern").exists()


def test_its_missing_clauses_show_the_english_with_the_notice(changed: Build) -> None:
    site, added = changed.site, language_file.load(FOURTH / "language.yml")
    built = (site / added.language / "policy" / "index.html").read_text(encoding="utf-8")
    english = {c.id: c.text for c in clauses_from_html((site / "policy" / "index.html").read_text(encoding="utf-8"))}
    assert re.findall(r'data-clause="([A-Z]+[0-9]+)"', built) == list(english)
    notice = added.text("translation_updating")
    translated = current_translations(added, site)
    for clause_id in english:
        item = re.search(rf'<li[^>]*data-clause="{clause_id}"[^>]*>(.*?)</li>', built, re.DOTALL)
        assert item
        if clause_id in translated:
            assert translated[clause_id] in unescape(item[1]) and notice not in item[1]
        else:
            assert '<span lang="en" dir="ltr">' in item[1] and notice in item[1], clause_id
    warning = next(line for line in changed.output.splitlines() if f"translation {added.language}:" in line)
    assert "V1" in warning and "C1," not in warning
    # The data file's words it has not translated yet (R4's, the proportionality sentence) too.
    # (With another school's data file, its last response is out of date in any case.)
    last = DATA.responses[-1].id
    assert f"data.responses.{last}.action" in warning and "data.proportionality" in warning


def test_its_short_links_preview_its_words_or_the_english(changed: Build) -> None:
    site, added = changed.site, language_file.load(FOURTH / "language.yml")
    english = {c.id: c.text for c in clauses_from_html((site / "policy" / "index.html").read_text(encoding="utf-8"))}
    translated = current_translations(added, site)
    for clause_id, text in english.items():
        short = Html.read(site / added.language / clause_id.lower() / "index.html")
        assert short.meta("og:description") == translated.get(clause_id, text), clause_id
        quote = short.find("blockquote")[0]
        assert quote.get("lang") == (None if clause_id in translated else "en"), clause_id


def test_every_page_offers_the_added_language(changed: Build) -> None:
    site, added = changed.site, language_file.load(FOURTH / "language.yml")
    offered = []
    for path in sorted(site.rglob("index.html")):
        built = Html.read(path)
        if 'http-equiv="refresh"' in built.source or path.is_relative_to(site / added.language):
            continue
        link = next(a for a in switch_links(built) if a["hreflang"] == added.language)
        assert link["lang"] == added.language
        assert (path.parent / link["href"] / "index.html").resolve().is_relative_to((site / added.language).resolve())
        offered.append(path.parent.relative_to(site).as_posix())
    # Every English page and every Polish one (the build's other translation).
    assert {".", "policy", "versions", "pl", "pl/policy"} <= set(offered) and len(offered) > 10, offered
    # Its home page and guidance are alternates of the English ones for search engines.
    base = DATA.school.site_url
    alternates = sitemap_alternates(site / "sitemap.xml")
    for url in ("", "policy/"):
        assert alternates[base + url][added.language] == f"{base}{added.language}/{url}"
    assert "ro" not in alternates[base + "raise-a-concern/"]


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_alternates(path: Path) -> dict[str, dict[str, str]]:
    """Each page the sitemap lists → its alternates, language → address."""
    tree = ElementTree.fromstring(path.read_bytes())
    return {entry.findtext("s:loc", namespaces=SITEMAP_NS) or "": {
        link.get("hreflang", ""): link.get("href", "") for link in entry.findall("x:link", SITEMAP_NS)}
        for entry in tree.findall("s:url", SITEMAP_NS)}


def check_sitemaps(site: Path, codes: list[str]) -> None:
    """Every page of the languages in `codes`, and of a partial language in the build the pages it has."""
    base = DATA.school.site_url
    english = sitemap_alternates(site / "sitemap.xml")
    partial = [path.name for path in site.iterdir() if (path / "sitemap.xml").is_file() and path.name not in codes]
    for url in PARENT_PAGES:
        has = [*codes, *(code for code in partial if (site / code / url / "index.html").is_file()
                         and 'http-equiv="refresh"' not in (site / code / url / "index.html").read_text("utf-8"))]
        expected = {"en": base + url, **{code: f"{base}{code}/{url}" for code in has}}
        assert english[base + url] == expected, url
        for code in has:
            assert sitemap_alternates(site / code / "sitemap.xml")[f"{base}{code}/{url}"] == expected, (code, url)
    # A page only the English has has no alternates.
    assert english[base + "clauses/"] == {}
    # The compressed copy says the same.
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def test_the_sitemaps_give_each_page_its_versions_in_the_other_languages(site: Path) -> None:
    check_sitemaps(site, CODES)
    # Not in every page's head: Material would then fetch every language's sitemap on every page.
    assert not Html.read(site / "policy" / "index.html").find("link", rel="alternate", hreflang="pl")


# ---- One set of assets for every language ----


def local(site: Path, page_file: Path, url: str) -> Path:
    """The built file an address in a page stands for; the 404 page's start at the server's root."""
    published = urlsplit(DATA.school.site_url).path
    path = url.split("?")[0]
    return (site / path.removeprefix(published) if path.startswith("/") else page_file.parent / path).resolve()


@pytest.mark.parametrize("code", CODES)
def test_every_language_uses_the_english_sites_assets(site: Path, code: str) -> None:
    assert not (site / code / "assets").exists()
    checked = searching = 0
    for path in sorted((site / code).rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for url in re.findall(r'\s(?:href|src)="([^"#:]+)"', html):
            target = local(site, path, url)
            if "assets" in url:
                assert target.is_relative_to((site / "assets").resolve()) and target.is_file(), (path, url)
                checked += 1
        worker = re.search(r'"search": "([^"?]+)\?worker=([^"&]+)"', html)
        if worker:
            loader = local(site, path, worker[1])
            assert loader == (site / "assets/javascripts/workers/search-loader.js").resolve()
            assert (loader.parent / worker[2]).is_file()
            searching += 1
    # Each page: the stylesheet, Material's script and the site's.
    assert checked >= 3 * len(PARENT_PAGES) and searching >= len(PARENT_PAGES)
    # The loader finds the language's own index from the settings Material fetches first.
    stub = json.loads((site / code / "search/search_index.json").read_text(encoding="utf-8"))
    loader_folder = site / "assets/javascripts/workers"
    full_index = (site / code / "search/search_index.full.json").resolve()
    assert (loader_folder / stub["config"]["full_index"]).resolve() == full_index



# ---- Left to right inside right-to-left text ----

CLAUSE_ID = re.compile(r"\b[A-Z]{1,3}[0-9]{1,3}\b")
RIGHT_TO_LEFT = [language.language for language in LANGUAGES if language.dir == "rtl"]
# Set left to right, or isolated (<bdi>).
ISOLATED = {"ltr", "auto"}


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_numbers_addresses_and_clause_ids_stay_left_to_right(site: Path, code: str) -> None:
    """On a right-to-left page, each phone number and email address (every tel: and mailto: link's)
    and each clause ID is in an element of its own set left-to-right, or a <bdi>: "0115 9150193"
    would otherwise show as "9150193 0115"."""
    links, ids = 0, 0
    for path in sorted((site / code).rglob("*.html")):
        for piece in directed_texts(path.read_text(encoding="utf-8")):
            tags = [tag for tag, _ in piece.inside]
            if tags[-1] in {"script", "style", "pre", "code"}:
                continue  # code, and the rules as the plain text copied into WhatsApp
            link = next((attrs["href"] for tag, attrs in reversed(piece.inside)
                         if tag == "a" and attrs.get("href", "").startswith(("tel:", "mailto:"))), None)
            if link and re.search(r"[0-9@]", piece.text):
                # Only the number or address is left to right, not the words beside it ("Call").
                assert piece.text.strip() == (DATA.contact.phone if link.startswith("tel:") else DATA.contact.email)
                assert piece.direction in ISOLATED, (path, piece)
                links += 1
            for found in CLAUSE_ID.findall(piece.text):
                assert piece.direction in ISOLATED, (path, found, piece.text)
                ids += 1
    assert links >= 10 and ids >= 23 + 4, (links, ids)


def test_in_english_numbers_and_ids_are_marked_up_as_before(site: Path) -> None:
    """The English page is left to right throughout: its markup gains nothing."""
    policy = (site / "policy" / "index.html").read_text(encoding="utf-8")
    assert '<a class="clause__id" href="#c3">C3</a>' in policy
    assert re.search(r'<a class="contact-link" href="tel:[^"]+">', policy)


@pytest.mark.parametrize("code", CODES)
def test_the_notice_says_in_the_language_when_it_was_translated(site: Path, code: str) -> None:
    """The date with the language's own month name ("1 grudnia 2026" in Polish), in its own sentence."""
    words = language(code)
    months = words.strings["months"]
    assert isinstance(months, list)
    day = words.translated_on
    for url in PARENT_PAGES:
        built = page(site, code, url)
        own = Html(built.source.split('<div class="translation-notice"', 1)[1].split("<details>", 1)[1]
                   .split("</p>", 1)[0])
        assert months[day.month - 1] in own.text and str(day.year) in own.text, (url, own.text)
        assert f"{day:%B}" not in own.text, (url, own.text)
        assert words_in(own, words.text("translation_date", date=words.long_date(day)))


# ---- Another school's data file: its words were never translated ----


@pytest.mark.parametrize("code", CODES)
def test_no_translated_page_shows_this_schools_translated_data_words(fictional_build: Build, code: str) -> None:
    """Built with the fictional school's data file: each translated page shows that school's words
    in English, marked so, with the notice in its language; never this school's translation."""
    words = language(code)
    site = fictional_build.site
    data = words.data
    ours = [entry.text for entry in [data.contact_team, *data.concern_steps, data.proportionality] if entry]
    ours += [entry.text for r in data.responses.values() for entry in (r.action, r.applies_when) if entry]
    assert len(ours) >= 8
    pages = [path for path in (site / code).rglob("*") if path.suffix in {".html", ".json"}]
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        shown = json.dumps(json.loads(text), ensure_ascii=False) if path.suffix == ".json" else unescape(text)
        for translated in ours:
            assert translated not in shown, (path.relative_to(site), translated)
    fictional = model.load(FIXTURES / "oakfield.yml")
    fields = [word.field for word in data_words(fictional, words)]
    assert not any(word.up_to_date for word in data_words(fictional, words))
    notice = f'<span class="translation-updating">{escape(words.text("words_updating"))}</span>'
    concern = page(site, code, "raise-a-concern/").source
    policy = page(site, code, "policy/").source
    for word in data_words(fictional, words):
        marked = f'<span lang="en" dir="ltr">{escape(word.english)}</span> {notice}'
        assert marked in concern, word.field
        # The guidance shows the steps and the proportionality sentence so; a response is a clause,
        # shown whole in English with the clause's notice.
        if not word.clause:
            assert marked in policy, word.field
    for response in fictional.responses:
        item = re.search(rf'<li[^>]*data-clause="{response.id}"[^>]*>(.*?)</li>', policy, re.DOTALL)
        assert item and f'<span lang="en" dir="ltr">{escape(responses.response_text(response))}</span>' in item[1]
        assert escape(words.text("translation_updating")) in item[1]
    warning = next(line for line in fictional_build.output.splitlines() if f"translation {code}:" in line)
    assert f"the data file's words {', '.join(fields)} show the English" in warning
