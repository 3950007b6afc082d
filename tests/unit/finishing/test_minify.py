"""The site's own assets, minified."""

from __future__ import annotations

from macros.finishing import html_edit, minify


def test_own_assets_are_minified() -> None:
    assert minify.minify("a.css", "/* why */\n.a {\n  color: red;\n}\n") == ".a{color:red}"
    assert minify.minify("a.js", "/* why */\nvar a = 1;\n") == "var a=1;"


def test_stylesheets_join_into_one_with_one_charset_and_no_source_maps() -> None:
    joined = minify.joined_css(['@charset "UTF-8";a{b:c}\n/*# sourceMappingURL=main.css.map*/',
                                '@charset "UTF-8";d{e:f}', "g{h:i}"])
    assert joined == '@charset "UTF-8";a{b:c}d{e:f}\ng{h:i}'


PAGE = """<head><link rel="icon" href="../assets/favicon.svg">
    <link rel="stylesheet" href="../assets/stylesheets/main.1234abcd.min.css">
    <link rel="stylesheet" href="../assets/stylesheets/palette.5678abcd.min.css">
    <link rel="stylesheet" href="../assets/site.css">
<link rel="stylesheet" href="../print.css"><link rel="alternate" href="../assets/site.css">"""
JOINED = {"assets/stylesheets/main.1234abcd.min.css": "assets/stylesheets/site.00000000.min.css",
          "assets/stylesheets/palette.5678abcd.min.css": "assets/stylesheets/site.00000000.min.css",
          "assets/site.css": "assets/stylesheets/site.00000000.min.css"}


def test_a_page_links_the_joined_stylesheet_once_and_has_its_favicon_inside() -> None:
    assert minify.with_joined_assets(PAGE, JOINED, "data:image/svg+xml,x") == (
        """<head><link rel="icon" href="data:image/svg+xml,x">
    <link rel="stylesheet" href="../assets/stylesheets/site.00000000.min.css">
<link rel="stylesheet" href="../print.css"><link rel="alternate" href="../assets/site.css">""")


def test_removing_a_link_gives_the_same_page_whether_its_indentation_is_folded_before_or_after() -> None:
    folded = html_edit.folded_space(PAGE)
    assert (html_edit.folded_space(minify.with_joined_assets(PAGE, JOINED, None))
            == minify.with_joined_assets(folded, JOINED, None))


def test_a_favicon_s_address_needs_no_escaping_in_html() -> None:
    url = minify.data_url('<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#fff"/></svg>\n')
    assert url == "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3Crect%20fill='%23fff'/%3E%3C/svg%3E"
