"""Pages made after the build in the frame of a built one: every relative URL still lands."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.finishing import frame

FRAME = """<!doctype html><html><head><title>Frame page - School</title>
<meta name="description" content="Frame words.">
<link rel="canonical" href="https://example.org/s/frame/">
<meta property="og:site_name" content="School">
<meta property="og:title" content="Frame page · School">
<meta property="og:url" content="https://example.org/s/frame/">
<link rel="stylesheet" href="../assets/site.css">
<script>__md_scope=new URL("..",location)</script></head><body>
<a href="#frame-page" class="md-skip">Skip</a>
<a href="./">Here</a> <a href="../">Home</a> <a href="https://elsewhere.example/">Out</a> <a href="#top">Top</a>
<nav class="md-nav md-nav--secondary" aria-label="Table of contents"><a href="#frame-section">S</a></nav>
<div class="md-nav md-nav--secondary"><a href="#frame-menu-section">S</a></div>
<article class="md-content__inner md-typeset">\
<h1 id="frame-page">Frame page<a class="headerlink" href="#frame-page">&para;</a></h1>
<p>Old words</p><p class="print-meta">Printed from https://example.org/s/frame/<span></span></p></article>
<script id="__config" type="application/json">{"base": "..", "search": "../assets/search.js"}</script>
<img src="../assets/logo.svg"></body></html>"""
PAGE = frame.Made("frame/a...b/", "New page", "New words.", '<h1 id="new">New page</h1><p>New body</p>')


def test_relocate_climbs_one_more_folder_for_each_relative_url_only() -> None:
    moved = frame.relocate(FRAME, 1)
    for _old, new in [('href="../assets/site.css"', 'href="../../assets/site.css"'), ('href="./"', 'href="../"'),
                     ('new URL("..",location)', 'new URL("../..",location)'), ('"base": ".."', '"base": "../.."'),
                     ('"search": "../assets/search.js"', '"search": "../../assets/search.js"'),
                     ('src="../assets/logo.svg"', 'src="../../assets/logo.svg"')]:
        assert new in moved, new
    assert 'href="https://elsewhere.example/"' in moved and 'href="#top"' in moved


def test_a_made_page_has_its_own_title_description_address_and_words() -> None:
    html = frame.framed(FRAME, 1, "https://example.org/s/", PAGE)
    assert "<title>New page - School</title>" in html
    assert '<meta name="description" content="New words.">' in html
    assert '<link rel="canonical" href="https://example.org/s/frame/a...b/">' in html
    assert '<meta property="og:url" content="https://example.org/s/frame/a...b/">' in html
    assert '<meta property="og:title" content="New page · School">' in html
    assert "Printed from https://example.org/s/frame/a...b/<span>" in html
    assert "Old words" not in html and "<p>New body</p>" in html and 'href="#new" class="md-skip"' in html
    assert "frame-section" not in html, "the frame's contents list is not the page's"
    assert "frame-menu-section" not in html, "nor is the menu's copy of it"


def test_pages_are_made_at_their_path(tmp_path: Path) -> None:
    (tmp_path / "frame").mkdir()
    (tmp_path / "frame" / "index.html").write_text(FRAME, encoding="utf-8")
    made = frame.made_pages(tmp_path, "frame/", [PAGE], "https://example.org/s/")
    assert list(made) == ["frame/a...b/index.html"] and "New body" in made["frame/a...b/index.html"]


def test_a_frame_without_an_article_is_refused() -> None:
    with pytest.raises(frame.ShellError, match="needs an <article>"):
        frame.framed(FRAME.replace("article", "div"), 1, "https://example.org/s/", PAGE)
