"""The site's own assets, minified."""

from __future__ import annotations

from macros.finishing import minify


def test_own_assets_are_minified() -> None:
    assert minify.minify("a.css", "/* why */\n.a {\n  color: red;\n}\n") == ".a{color:red}"
    assert minify.minify("a.js", "/* why */\nvar a = 1;\n") == "var a=1;"
