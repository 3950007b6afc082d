"""The site's own stylesheet and scripts, minified in the built site: the sources keep
their comments, while phones on slow data get the fewest bytes."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

OWN_ASSETS = ("assets/site.css", "assets/site.js", "assets/javascripts/workers/search-loader.js")


def minify(name: str, text: str) -> str:
    minified: str = rcssmin.cssmin(text) if name.endswith(".css") else rjsmin.jsmin(text)
    return minified


def minify_site(site_dir: Path) -> None:
    for name in OWN_ASSETS:
        path = site_dir / name
        path.write_text(minify(name, path.read_text(encoding="utf-8")), encoding="utf-8")
