"""Pages made after the build, in the frame of a page the engine has already built: its
header, menu, footer, styles and scripts, with new words, title, description and address.

The engine (MkDocs, or any other) builds only the pages it has Markdown for; this makes
any number more from one, with nothing engine-specific but the frame's HTML itself.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from macros.common.previews import page_title
from macros.finishing import html_edit
from macros.versions.changes import Made

# A URL that stays as it is when the page moves: with a scheme, root-relative, a fragment.
FIXED_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
URL_ATTRIBUTES = ("href", "src")
# Material's settings (JSON) name paths relative to the page.
CONFIG_PATHS = ("base", "search")
# The script Material scopes saved settings with: JavaScript, not HTML, so matched as text.
SCOPE_URL = re.compile(r'(new URL\(")([^"]*)(",location\))')
DESCRIPTIONS = ("description", "og:description", "twitter:description")
TITLES = ("og:title", "twitter:title")


class ShellError(ValueError):
    """The page taken as the frame lacks what a made page replaces."""


def moved(url: str, levels: int) -> str:
    if FIXED_URL.match(url):
        return url
    return "../" * levels + (url[2:] if url.startswith("./") else url)


def relocate(html: str, levels: int) -> str:
    """The page as it would be `levels` folders deeper: every relative URL climbs that much more."""
    edits = html_edit.Edits()
    for element in html_edit.elements(html):
        changed = {name: moved(element.attrs[name], levels) for name in URL_ATTRIBUTES if name in element.attrs}
        if any(element.attrs[name] != value for name, value in changed.items()):
            edits.replace(element.start, element.open_end, html_edit.start_tag(html, element, changed))
        if element.tag == "script" and element.close_start > element.open_end:
            text = element.inner(html)
            if element.attrs.get("id") == "__config":
                text = moved_settings(text, levels)
            text = SCOPE_URL.sub(lambda m: m[1] + moved(m[2], levels) + m[3], text)
            if text != element.inner(html):
                edits.replace(element.open_end, element.close_start, text)
    return edits.apply(html)


def moved_settings(text: str, levels: int) -> str:
    """Material's settings with their paths moved; the rest of the JSON exactly as written."""
    settings = json.loads(text)
    for key in CONFIG_PATHS:
        value = settings.get(key)
        if isinstance(value, str):
            # However the engine spaced its JSON.
            written = re.compile(rf"({re.escape(json.dumps(key))}\s*:\s*){re.escape(json.dumps(value))}")
            found = list(written.finditer(text))
            if len(found) != 1:
                raise ShellError(f"the frame's setting {key!r} ({value!r}) is not written once")
            text = text[:found[0].end(1)] + json.dumps(moved(value, levels)) + text[found[0].end():]
    return text


def framed(shell: str, levels: int, site_url: str, page: Made) -> str:
    """The new page, in the shell's frame; the shell lives `levels` folders above it."""
    html = relocate(shell, levels)
    found = html_edit.elements(html)
    article = next((e for e in found if e.tag == "article"), None)
    heading = next((e for e in found if e.tag == "h1" and "id" in e.attrs and article
                    and article.start < e.start < article.close_start), None)
    canonical = next((e for e in found if e.tag == "link" and e.attrs.get("rel") == "canonical"), None)
    title = next((e for e in found if e.tag == "title"), None)
    new_heading = html_edit.first(page.body, "h1")
    if not (article and heading and canonical and title and new_heading and "id" in new_heading.attrs):
        raise ShellError("the frame page needs an <article>, an <h1 id>, a canonical link and a <title>")
    old_id, new_id = heading.attrs["id"], new_heading.attrs["id"]
    old_url, url = canonical.attrs["href"], site_url + page.path
    # The shell's heading, less its permalink sign, is its title as <title> carries it.
    old_title = html_edit.text(html, heading, skip_class="headerlink")
    site_name = next((e.attrs.get("content", "") for e in found if e.attrs.get("property") == "og:site_name"), "")
    print_meta = next((e for e in found if e.tag == "p" and e.has_class("print-meta")
                       and article.start < e.start < article.close_start), None)
    edits = html_edit.Edits()
    # The article's words, up to the line print adds at its foot.
    edits.replace(article.open_end, print_meta.start if print_meta else article.close_start, page.body)
    if print_meta:
        edits.replace(print_meta.open_end, print_meta.close_start, print_meta.inner(html).replace(old_url, url))
    edits.replace(title.open_end, title.close_start,
                  title.inner(html).replace(escape(old_title, quote=False), escape(page.title, quote=False), 1))
    for element in found:
        if element.start < article.close_start and element.end > article.open_end and element is not article:
            continue  # inside the article: replaced above
        if element.tag in {"nav", "div"} and element.has_class("md-nav--secondary"):
            # The frame's contents list is not the page's (the sidebar's, a <nav>; the menu's, a <div>).
            edits.replace(element.open_end, element.close_start, "")
            continue
        changed = {}
        if element.attrs.get("href") == f"#{old_id}":
            changed["href"] = f"#{new_id}"
        for name, value in element.attrs.items():
            if value == old_url:
                changed[name] = url
        key = element.attrs.get("name") or element.attrs.get("property")
        if element.tag == "meta" and key in DESCRIPTIONS:
            changed["content"] = page.description
        if element.tag == "meta" and key in TITLES:
            changed["content"] = page_title(page.title, site_name, False)
        if changed:
            edits.replace(element.start, element.open_end, html_edit.start_tag(html, element, changed))
    return edits.apply(html)


def made_pages(site_dir: Path, shell_path: str, pages: list[Made], site_url: str) -> dict[str, str]:
    """Each page framed by the built page at `shell_path` (a folder URL): path → page."""
    if not pages:
        return {}
    shell = (site_dir / shell_path / "index.html").read_text(encoding="utf-8")
    made = {}
    for page in pages:
        levels = page.path.count("/") - shell_path.count("/")
        if levels < 0:
            raise ShellError(f"{page.path} is above its frame {shell_path}")
        made[f"{page.path}index.html"] = framed(shell, levels, site_url, page)
    return made
