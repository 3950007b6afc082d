"""The site's own assets, minified."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_material_s_script_gets_the_compile_hint_a_name_from_its_content_and_its_map_one_line_lower(
        tmp_path: Path) -> None:
    folder = tmp_path / "assets" / "javascripts"
    folder.mkdir(parents=True)
    script = '"use strict";a();\n//# sourceMappingURL=bundle.1234abcd.min.js.map\n'
    (folder / "bundle.1234abcd.min.js").write_text(script, encoding="utf-8")
    (folder / "bundle.1234abcd.min.js.map").write_text('{"version": 3, "mappings": "AAAA"}', encoding="utf-8")
    renamed = minify.hint_script(tmp_path)
    (name,) = renamed.values()
    assert renamed == {"assets/javascripts/bundle.1234abcd.min.js": name}
    assert name == minify.digest_name(minify.HINTED_NAME, minify.COMPILE_HINT + script)
    hinted = (tmp_path / name).read_text(encoding="utf-8")
    assert hinted.startswith(minify.COMPILE_HINT + '"use strict";a();\n')
    assert hinted.endswith(f"//# sourceMappingURL={Path(name).name}.map\n")
    assert json.loads((tmp_path / (name + ".map")).read_text(encoding="utf-8"))["mappings"] == ";AAAA"
    assert sorted(p.name for p in folder.iterdir()) == sorted([Path(name).name, Path(name).name + ".map"])
    assert minify.hint_script(tmp_path) == {}  # hinted already: left as it is


def test_a_page_loads_a_renamed_script_by_its_new_name_from_where_it_is() -> None:
    page = ('<script src="../assets/javascripts/bundle.1234abcd.min.js"></script><script src="../assets/site.js">'
            '</script><script src="/site/assets/javascripts/bundle.1234abcd.min.js"></script>')
    renamed = {"assets/javascripts/bundle.1234abcd.min.js": "assets/javascripts/bundle.99999999.min.js"}
    assert minify.with_joined_assets(page, {}, None, renamed) == (
        '<script src="../assets/javascripts/bundle.99999999.min.js"></script><script src="../assets/site.js">'
        '</script><script src="/site/assets/javascripts/bundle.99999999.min.js"></script>')
