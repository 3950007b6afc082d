"""Read from every built page, without a browser: landmarks of one kind have names of their own,
and a translated page marks as English (`lang="en"`) each English word it shows."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from macros.common.markup import VOID
from macros.data import language_file
from tests.support.builds import DATA, ROOT
from tests.support.pages import OpenElements, pages

LANGUAGES = [language for _, language in language_file.discover(ROOT)]
# Elements that are a landmark by themselves, and the roles that make one (WAI-ARIA 1.2).
LANDMARK_TAGS = {"nav": "navigation", "aside": "complementary", "main": "main", "search": "search"}
LANDMARK_ROLES = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}
# A <header> or <footer> is the page's banner or contentinfo only outside these (HTML-AAM).
SECTIONING = {"article", "aside", "main", "nav", "section"}
# Where a translated page can show words: its text, and these attributes (said or shown).
WORD_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
# English on an Arabic-script page: a run of two or more Latin letters (a clause ID, "C1", is one)
# outside a web address (no language's words: the WhatsApp text ends with the guidance's).
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
WEB_ADDRESS = re.compile(r"https?://\S+")


@dataclass
class Words:
    """A text or an attribute's words, with the language of the nearest element that sets one."""

    text: str
    lang: str
    where: str


@dataclass
class Landmark:
    role: str
    attrs: dict[str, str]


class _Reader(OpenElements):
    """One pass over a page: the landmarks, each id's text (for aria-labelledby), and the words of
    the body with their language."""

    def __init__(self) -> None:
        super().__init__()
        self.landmarks: list[Landmark] = []
        self.id_text: dict[str, str] = {}
        self.words: list[Words] = []

    def lang(self, *element: tuple[str, dict[str, str]]) -> str:
        return next((attrs["lang"] for _, attrs in reversed([*self.open, *element]) if "lang" in attrs), "")

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attrs_list}
        inside = {name for name, _ in self.open}
        role = attrs.get("role") or LANDMARK_TAGS.get(tag, "")
        if tag in {"header", "footer"} and not inside & SECTIONING and "role" not in attrs:
            role = "banner" if tag == "header" else "contentinfo"
        if tag in {"section", "form"} and "role" not in attrs and ({"aria-label", "aria-labelledby"} & set(attrs)):
            role = "region" if tag == "section" else "form"
        if role in LANDMARK_ROLES:
            self.landmarks.append(Landmark(role, attrs))
        if "body" in inside or tag == "body":
            for name in WORD_ATTRIBUTES:
                if attrs.get(name, "").strip():
                    self.words.append(Words(attrs[name], self.lang((tag, attrs)), f"<{tag} {name}>"))
        if tag not in VOID:
            self.open.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        for _, attrs in self.open:
            if "id" in attrs:
                self.id_text[attrs["id"]] = self.id_text.get(attrs["id"], "") + data
        tags = [tag for tag, _ in self.open]
        if "body" in tags and not {"script", "style", "template"} & set(tags) and data.strip():
            self.words.append(Words(data, self.lang(), f"<{tags[-1]}>"))


def read(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def accessible_name(landmark: Landmark, id_text: dict[str, str]) -> str:
    """Its aria-labelledby's text, else its aria-label (what a screen reader's list of landmarks says)."""
    labelled_by = landmark.attrs.get("aria-labelledby", "").split()
    if labelled_by:
        return " ".join(" ".join(id_text.get(ref, "") for ref in labelled_by).split())
    return " ".join(landmark.attrs.get("aria-label", "").split())


def test_no_two_landmarks_of_one_kind_share_a_name_on_any_page(site: Path) -> None:
    """On every page, in every language: two navigations named alike ("Spis treści" for the page's
    own contents and Material's) cannot be told apart in a screen reader's list of landmarks."""
    found = pages(site)
    languages = {path.relative_to(site).parts[0] for path in found} & {lang.language for lang in LANGUAGES}
    assert len(found) > 100 and len(languages) == len(LANGUAGES) >= 3, (len(found), languages)
    shared = {}
    for path in found:
        page = read(path)
        names = Counter((mark.role, accessible_name(mark, page.id_text)) for mark in page.landmarks)
        twice = sorted(key for key, count in names.items() if count > 1)
        if twice:
            shared[path.relative_to(site).as_posix()] = twice
    assert not shared, shared


def test_the_finder_sees_landmarks_and_their_names() -> None:
    page = _Reader()
    page.feed('<body><header><nav aria-label="Menu"></nav></header><main><nav aria-labelledby="t">'
              '<h2 id="t">Contents</h2></nav><nav aria-label="Contents"></nav><footer></footer></main>'
              '<div role="contentinfo"></div><section aria-label="x"></section><section></section></body>')
    assert [(mark.role, accessible_name(mark, page.id_text)) for mark in page.landmarks] == [
        ("banner", ""), ("navigation", "Menu"), ("main", ""), ("navigation", "Contents"),
        ("navigation", "Contents"), ("contentinfo", ""), ("region", "x"),
    ]


# ---- English on a translated page is marked English ----


def translated_pages(site: Path, code: str) -> list[Path]:
    found = sorted((site / code).rglob("*.html"))
    assert len(found) > 20, found
    return found


def english_only_titles() -> list[str]:
    """The menu's titles of the pages only the English has (for staff and governors): a translated
    page's menu links to them under these English titles."""
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    titles = []
    for item in nav:
        (title, value), = item.items()
        for child in value if isinstance(value, list) else [{title: value}]:
            (child_title, page), = child.items()
            if not all((ROOT / "translations" / lang.language / "docs" / page).is_file() for lang in LANGUAGES):
                titles.append(child_title)
    assert "Clause index" in titles, titles
    return titles


def unmarked_english(path: Path, language: language_file.LanguageFile, known: list[str]) -> list[str]:
    """Words in the page's own language (not marked English, nor another language's name) that are
    English: a known English string, or, in a language not written in Latin letters, any Latin word."""
    latin_script = LATIN_WORD.search(language.name) is not None
    found = []
    for words in read(path).words:
        if words.lang != language.language:
            continue
        english = [text for text in known if text in words.text]
        if not latin_script:
            english += LATIN_WORD.findall(WEB_ADDRESS.sub("", words.text))
        if english:
            found.append(f"{words.where} {words.text.strip()[:80]!r}: {english}")
    return found


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.language)
def test_a_translated_page_marks_every_english_word_it_shows_as_english(
    site: Path, language: language_file.LanguageFile
) -> None:
    """The school's name (header, menu, logo link, footer), the menu's links to the English pages,
    the email address, the notice's English, the names of English bodies and laws: each inside an
    element whose nearest `lang` is "en", so a screen reader reads it as English. In Arabic and Urdu
    any Latin word counts; in Polish, the English the site is known to show."""
    known = [DATA.school.name, DATA.contact.email, *english_only_titles(), "Draft translation into",
             "404 - Not found", "Equality and Human Rights Commission", "Equality Advisory and Support Service",
             "Accessibility Regulations", "Supplemental Fonts"]
    found = {path.relative_to(site).as_posix(): unmarked_english(path, language, known)
             for path in translated_pages(site, language.language)}
    assert not {page: words for page, words in found.items() if words}, found


def test_the_english_finder_catches_what_is_unmarked(tmp_path: Path) -> None:
    urdu = next(language for language in LANGUAGES if language.language == "ur")
    polish = next(language for language in LANGUAGES if language.language == "pl")
    page = tmp_path / "index.html"
    page.write_text('<html lang="ur"><body><a aria-label="Haydn – home"><span lang="en">Haydn</span></a>'
                    '<p>C1 <span lang="en">Clause index</span> پر</p><a lang="pl">Polski</a>'
                    '<p>ای میل admin@example.org</p><p>https://example.org/ur/</p><script>var English</script>'
                    "</body></html>", encoding="utf-8")
    assert unmarked_english(page, urdu, ["Clause index"]) == [
        "<a aria-label> 'Haydn – home': ['Haydn', 'home']",
        "<p> 'ای میل admin@example.org': ['admin', 'example', 'org']",
    ]
    page.write_text('<html lang="pl"><body><p>Clause index</p><p lang="en">Clause index</p></body></html>',
                    encoding="utf-8")
    assert unmarked_english(page, polish, ["Clause index"]) == ["<p> 'Clause index': ['Clause index']"]
