"""The site's own stylesheet and scripts, minified in the built site: the sources keep
their comments, while phones on slow data get the fewest bytes. Then one stylesheet for the whole
site, and the favicon inside each page: on a slow connection each request costs a round trip.

Every page links Material's stylesheet, its colours (palette.py has cut them to the site's) and
the site's own. Once every language is built (macros/languages/builds.py), they are joined, in
that order, Material's less the rules no page can use (unused_rules.py), into one file named by
its content, which every page in every language links instead: one request, cached once for every
language, and a new name whenever a byte changes, so no browser keeps a stale copy.

Material's script is named the same way once it carries V8's compile hint on its first line:
Chromium (136 on) then compiles every function as the file streams in, off the main thread, where
it otherwise compiled each on its first call inside the page's one long task (issue 19 measured
the task at about 110 ms without the hint and 75 ms with it, at a phone's 4× CPU slowdown). Other
browsers read a comment.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote

import rcssmin
import rjsmin

from macros.finishing import html_edit, unused_rules

ASSETS = "assets/"
OWN_ASSETS = ("assets/site.css", "assets/site.js", "assets/javascripts/workers/search-loader.js")
# The stylesheets every page links, in the order it links them, and whether each is Material's
# (cut to the rules the site can use) or the site's own (kept whole: written for these pages).
JOINED_STYLESHEETS = (("assets/stylesheets/main.*.min.css", True), ("assets/stylesheets/palette.*.min.css", True),
                      ("assets/site.css", False))
JOINED_NAME = "assets/stylesheets/site.{digest}.min.css"
FAVICON = "assets/favicon.svg"
MATERIAL_SCRIPT = "assets/javascripts/bundle.*.min.js"
HINTED_NAME = "assets/javascripts/bundle.{digest}.min.js"
# V8's explicit compile hint: every function in the file is called while the page loads.
COMPILE_HINT = "//# allFunctionsCalledOnLoad\n"
SCRIPT_MAP = re.compile(r"^//# sourceMappingURL=\S+$", re.MULTILINE)
# What a joined file drops: a source map's address (the maps are not published), and a @charset
# after the first file's (it is valid only as a stylesheet's first bytes).
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
CHARSET = re.compile(r'@charset "[^"]*";')
# Kept as written in a data: address: only what URL syntax or an HTML attribute needs escaped is
# (a space too, which the HTML checker does not allow in an address).
DATA_URL_SAFE = "!$&'()*+,-./:;=?@_~"


def minify(name: str, text: str) -> str:
    minified: str = rcssmin.cssmin(text) if name.endswith(".css") else rjsmin.jsmin(text)
    return minified


def minify_site(site_dir: Path) -> None:
    for name in OWN_ASSETS:
        path = site_dir / name
        path.write_text(minify(name, path.read_text(encoding="utf-8")), encoding="utf-8")


def joined_css(sources: list[str]) -> str:
    """Stylesheets as one: each as written, less its source map's address, and a @charset only at
    the very start."""
    texts = [SOURCE_MAP.sub("", text).strip() for text in sources]
    return texts[0] + "\n".join(CHARSET.sub("", text) for text in texts[1:]) if len(texts) > 1 else texts[0]


def join_stylesheets(site_dir: Path, used: set[str]) -> dict[str, str] | None:
    """Write the joined stylesheet (Material's parts cut to the `used` classes) and remove its
    parts and their source maps. Returns each part's path in the site → the joined file's; None
    when a part is missing (a site built without Material's palette, say), which leaves the
    stylesheets as they are."""
    parts: list[tuple[Path, bool]] = []
    for pattern, is_materials in JOINED_STYLESHEETS:
        found = sorted(site_dir.glob(pattern))
        if len(found) != 1:
            return None
        parts.append((found[0], is_materials))
    texts = [part.read_text(encoding="utf-8") for part, _ in parts]
    css = joined_css([unused_rules.trimmed(text, used) if is_materials else text
                      for text, (_, is_materials) in zip(texts, parts, strict=True)])
    name = digest_name(JOINED_NAME, css)
    (site_dir / name).write_text(css, encoding="utf-8")
    for part, _ in parts:
        part.unlink()
        part.with_name(part.name + ".map").unlink(missing_ok=True)
    return {part.relative_to(site_dir).as_posix(): name for part, _ in parts}


def digest_name(pattern: str, text: str) -> str:
    """A file's name with the first 8 hex digits of its content's SHA-256 in it."""
    return pattern.format(digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:8])


def hint_script(site_dir: Path) -> dict[str, str]:
    """Write Material's script with the compile hint first, named from Material's content and the
    hint, and its source map one line lower to match; remove the unhinted pair. Returns its old
    path in the site → its new one; empty when the site has not one unhinted such script."""
    texts = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.glob(MATERIAL_SCRIPT))}
    found = [path for path, text in texts.items() if not text.startswith(COMPILE_HINT)]
    if len(found) != 1:
        return {}
    (script,) = found
    text = COMPILE_HINT + texts[script]
    name = digest_name(HINTED_NAME, text)
    old_map = script.with_name(script.name + ".map")
    if old_map.is_file():
        source_map = json.loads(old_map.read_text(encoding="utf-8"))
        source_map["mappings"] = ";" + source_map["mappings"]  # each ";" starts the next line
        (site_dir / (name + ".map")).write_text(json.dumps(source_map), encoding="utf-8")
        text = SCRIPT_MAP.sub(f"//# sourceMappingURL={Path(name).name}.map", text)
        old_map.unlink()
    (site_dir / name).write_text(text, encoding="utf-8")
    script.unlink()
    return {script.relative_to(site_dir).as_posix(): name}


def data_url(svg: str) -> str:
    """A picture's `data:` address, its attributes' double quotes made single (which need no
    escaping) when it has none of those."""
    text = svg.strip() if "'" in svg else svg.strip().replace('"', "'")
    return "data:image/svg+xml," + quote(text, safe=DATA_URL_SAFE)


def asset_path(href: str) -> tuple[str, str]:
    """An address split at its last `assets/`: what leads to the site's root (as the page writes
    it, relative or from the server's root), and the file's path from there."""
    at = href.rfind(ASSETS)
    return (href[:at], href[at:].split("?", 1)[0]) if at >= 0 else (href, "")


def without_preceding_space(html: str, start: int) -> int:
    """Where an element starts once the white space before it goes with it: removed with it, the
    page is the same whether its indentation was folded before or after (pipeline.finish_page)."""
    while start > 0 and html[start - 1] in " \t\r\n\f":
        start -= 1
    return start


def with_joined_assets(html: str, joined: dict[str, str], favicon: str | None,
                       scripts: dict[str, str] | None = None) -> str:
    """The page linking the joined stylesheet where it linked the first of its parts (the others'
    links removed), with the favicon as a `data:` address, and loading each of `scripts` (old path
    → new) by its new name."""
    edits = html_edit.Edits()
    linked = False
    for element in html_edit.elements(html):
        if element.tag == "script" and scripts:
            root, path = asset_path(element.attrs.get("src", ""))
            if path in scripts:
                edits.replace(*html_edit.attribute_spans(html, element)["src"], root + scripts[path])
            continue
        if element.tag != "link":
            continue
        rels = element.attrs.get("rel", "").lower().split()
        spans = html_edit.attribute_spans(html, element)
        root, path = asset_path(element.attrs.get("href", ""))
        if "stylesheet" in rels and path in joined and "href" in spans:
            if linked:
                edits.replace(without_preceding_space(html, element.start), element.open_end, "")
            else:
                edits.replace(*spans["href"], root + joined[path])
                linked = True
        elif "icon" in rels and path == FAVICON and favicon is not None and "href" in spans:
            edits.replace(*spans["href"], favicon)
    return edits.apply(html)


def join_site(site_dir: Path) -> None:
    """One stylesheet for the whole site, Material's script hinted, and the favicon inside each
    page: last, once every language is built and uses the English site's assets, so that
    Material's stylesheet keeps what a page in any language uses."""
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site_dir.rglob("*.html"))}
    scripts = (path.read_text(encoding="utf-8") for path in sorted((site_dir / ASSETS).rglob("*.js")))
    joined = join_stylesheets(site_dir, unused_rules.used_classes(pages.values(), scripts))
    hinted = hint_script(site_dir)
    icon = site_dir / FAVICON
    favicon = data_url(icon.read_text(encoding="utf-8")) if icon.is_file() else None
    if joined is None and favicon is None and not hinted:
        return
    for page, html in pages.items():
        changed = with_joined_assets(html, joined or {}, favicon, hinted)
        if changed != html:
            page.write_text(changed, encoding="utf-8")
    if favicon is not None:
        icon.unlink()
