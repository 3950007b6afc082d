"""Pages made after the build, in the frame of a page the engine has already built: its
header, menu, footer, styles and scripts, with new words, title, description and address.

The engine (MkDocs, or any other) builds only the pages it has Markdown for; this makes
any number more from one, with nothing engine-specific but the frame's HTML itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from macros.previews import page_title

# A URL that stays as it is when the page moves: with a scheme, root-relative, a fragment.
FIXED_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
# Material's own relative paths, in its settings and in the script that scopes saved settings.
SCRIPT_PATHS = re.compile(r'("(?:base|search)": ")([^"]*)(")|(new URL\(")([^"]*)(",location\))')
ARTICLE = re.compile(r'(<article\b[^>]*>)(.*?)(<p class="print-meta">|</article>)', re.S)
HEADING = re.compile(r'<h1 id="([^"]*)"[^>]*>(.*?)</h1>', re.S)
TOC = re.compile(r'(<nav class="md-nav md-nav--secondary"[^>]*>).*?(</nav>)', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


class ShellError(ValueError):
    """The page taken as the frame lacks what a made page replaces."""


@dataclass(frozen=True)
class Made:
    """A page to make: where, from the site's root (`versions/changes/1.0...1.2/`), and what it says.

    `body` is the article's HTML, its one `<h1 id="…">` included, with links relative to `path`.
    """

    path: str
    title: str
    description: str
    body: str


def moved(url: str, levels: int) -> str:
    if FIXED_URL.match(url):
        return url
    return "../" * levels + (url[2:] if url.startswith("./") else url)


def relocate(html: str, levels: int) -> str:
    """The page as it would be `levels` folders deeper: every relative URL climbs that much more."""
    html = URL_ATTRIBUTE.sub(lambda m: m[1] + moved(m[2], levels) + m[3], html)

    def script_path(match: re.Match[str]) -> str:
        start, url, end = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
        return start + moved(url, levels) + end

    return SCRIPT_PATHS.sub(script_path, html)


def set_meta(html: str, key: str, value: str) -> str:
    """Replace the content of `<meta name|property="key">`, wherever it is written."""
    pattern = re.compile(rf'(<meta (?:name|property)="{re.escape(key)}" content=")[^"]*(")')
    return pattern.sub(lambda m: m[1] + escape(value) + m[2], html)


def framed(shell: str, levels: int, site_url: str, page: Made) -> str:
    """The new page, in the shell's frame; the shell lives `levels` folders above it."""
    article, heading, canonical, title = ARTICLE.search(shell), HEADING.search(shell), CANONICAL.search(shell), TITLE.search(shell)
    new_heading = HEADING.search(page.body)
    if not (article and heading and canonical and title and new_heading):
        raise ShellError("the frame page needs an <article>, an <h1 id>, a canonical link and a <title>")
    # The shell's heading, less its permalink sign, is its title as <title> carries it.
    old_title = unescape(re.sub(r"<[^>]+>", "", heading[2])).replace("¶", "").strip()
    url = site_url + page.path
    html = relocate(shell, levels)
    html = ARTICLE.sub(lambda m: m[1] + page.body + m[3], html, count=1)
    html = TOC.sub(lambda m: m[1] + m[2], html, count=1)
    html = TITLE.sub(lambda m: "<title>" + m[1].replace(escape(old_title, quote=False), escape(page.title, quote=False), 1)
                     + "</title>", html, count=1)
    html = html.replace(f'href="#{heading[1]}"', f'href="#{new_heading[1]}"')
    html = re.sub(re.escape(canonical[1]) + r'(?=["<])', url, html)
    html = set_meta(html, "description", page.description)
    for key in ("og:description", "twitter:description"):
        html = set_meta(html, key, page.description)
    site_name = re.search(r'<meta property="og:site_name" content="([^"]*)"', html)
    for key in ("og:title", "twitter:title"):
        html = set_meta(html, key, page_title(page.title, unescape(site_name[1]) if site_name else "", False))
    return html


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
