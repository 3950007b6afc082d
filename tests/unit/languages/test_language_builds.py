"""Each language's build settings, and the sitemaps that name every page's other languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from macros.clauses import markup
from macros.data import language_file
from macros.languages import builds, sitemaps

ROOT = Path(__file__).resolve().parents[3]
SITE_URL = "https://example.org/s/"


def config_for(code: str) -> dict[str, Any]:
    raw = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    folder = ROOT / "translations" / code
    language = language_file.load(folder / "language.yml")
    return builds.language_config(raw, folder, language, ROOT)


def extension_options(config: dict[str, Any], name: str) -> dict[str, Any] | None:
    for extension in config["markdown_extensions"]:
        if extension == name:
            return {}
        if isinstance(extension, dict) and name in extension:
            return dict(extension[name] or {})
    return None


def test_a_right_to_left_language_is_built_right_to_left_with_its_ids_left_to_right() -> None:
    arabic, polish = config_for("ar"), config_for("pl")
    assert arabic["theme"]["language"] == "ar" and arabic["theme"]["direction"] == "rtl"
    assert extension_options(arabic, markup.__name__) == {"ltr_ids": True}
    assert polish["theme"]["direction"] == "ltr" and extension_options(polish, markup.__name__) == {}
    assert arabic["docs_dir"] == "translations/ar/docs" and arabic["extra"]["translation"] == "ar"


def test_the_site_scripts_words_and_the_print_footer_are_the_languages() -> None:
    config = config_for("pl")
    polish = language_file.load(ROOT / "translations" / "pl" / "language.yml")
    assert config["extra"]["printed_from"] == polish.strings["printed_from"]
    said = json.loads(config["extra"]["script_words"])
    assert said["months"] == polish.strings["months"] and "^Copied$" in said["messages"]
    # Its menu links to the English pages it does not have.
    assert {"Clause index": "../clauses/"} in next(
        entry for entry in config["nav"] if isinstance(entry, dict) and polish.text("nav_staff") in entry
    )[polish.text("nav_staff")]


def sitemap(*urls: str) -> str:
    entries = "".join(f"<url>\n<loc>{url}</loc>\n</url>\n" for url in urls)
    return f'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>'


def test_each_page_names_its_versions_in_the_other_languages_and_only_those() -> None:
    written = sitemaps.sitemap_alternates({
        "en": sitemap(SITE_URL, f"{SITE_URL}clauses/"),
        "pl": sitemap(f"{SITE_URL}pl/"),
    }, SITE_URL)
    for code in ("en", "pl"):
        assert f'<xhtml:link rel="alternate" hreflang="pl" href="{SITE_URL}pl/"/>' in written[code]
        assert f'<xhtml:link rel="alternate" hreflang="en" href="{SITE_URL}"/>' in written[code]
        assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in written[code]
    clauses = written["en"].split(f"<loc>{SITE_URL}clauses/</loc>", 1)[1].split("</url>", 1)[0]
    assert "xhtml:link" not in clauses
