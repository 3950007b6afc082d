"""A language's pages pointed at the English site's assets, changing only the addresses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from macros.common.problems import SiteError
from macros.languages import shared_assets

WORKER = "../assets/javascripts/workers/search-loader.js?worker=search.0123abcd.min.js"
SETTINGS = json.dumps({"base": "..", "search": WORKER, "note": "../assets/"})
PAGE = f"""<!doctype html><html><head><link rel="stylesheet" href="../assets/site.css">
<link rel="icon" href='/school/pl/assets/favicon.svg'></head><body>
<a href="../raise-a-concern/">Next</a> <a href="#c3">C3</a> <a href="https://example.org/assets/x.png">There</a>
<p>Write href="../assets/site.css" in a page.</p><img src="../assets/logo.svg" alt="">
<script id="__config" type="application/json">{SETTINGS}</script>\
<script src="../assets/site.js"></script></body></html>"""


def test_only_the_addresses_of_the_sites_assets_change() -> None:
    moved = shared_assets.to_shared_assets(PAGE, "policy/index.html", "pl")
    expected = (PAGE.replace('href="../assets/site.css">', 'href="../../assets/site.css">')
                .replace("'/school/pl/assets/favicon.svg'", "'/school/assets/favicon.svg'")
                .replace('src="../assets/logo.svg"', 'src="../../assets/logo.svg"')
                .replace('src="../assets/site.js"', 'src="../../assets/site.js"'))
    settings = json.loads(moved.split('type="application/json">', 1)[1].split("</script>", 1)[0])
    # The search worker is the English site's, at the English pages' address (the index it loads
    # is named by this language's stub index: macros/finishing/search.py).
    assert settings == {"base": "..", "note": "../assets/", "search": "../" + WORKER}
    assert moved == expected.replace(SETTINGS, json.dumps(settings))
    # A page at the language's root is one folder nearer the assets.
    assert 'href="../assets/site.css"' in shared_assets.to_shared_assets(
        '<link href="assets/site.css">', "index.html", "pl")


def language_site(tmp_path: Path, css: str) -> Path:
    for folder in (tmp_path, tmp_path / "pl"):
        (folder / "assets").mkdir(parents=True)
        (folder / "search").mkdir()
        (folder / "search" / "search_index.full.json").write_text("{}", encoding="utf-8")
    (tmp_path / "assets" / "site.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "pl" / "assets" / "site.css").write_text(css, encoding="utf-8")
    (tmp_path / "pl" / "index.html").write_text('<link href="assets/site.css">', encoding="utf-8")
    return tmp_path


def test_a_languages_assets_are_the_english_ones_and_are_removed(tmp_path: Path) -> None:
    root = language_site(tmp_path, "p{}")
    shared_assets.share_assets(root, "pl")
    assert not (root / "pl" / "assets").exists()
    assert (root / "pl" / "index.html").read_text(encoding="utf-8") == '<link href="../assets/site.css">'


def test_assets_of_its_own_are_named(tmp_path: Path) -> None:
    root = language_site(tmp_path, "p{color:red}")
    with pytest.raises(SiteError) as raised:
        shared_assets.share_assets(root, "pl")
    assert "translations/pl/" in str(raised.value) and "site.css" in str(raised.value)
    assert (root / "pl" / "assets" / "site.css").is_file()
