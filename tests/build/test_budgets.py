"""Speed budgets, in figures that do not vary from run to run: bytes after gzip, and requests.

A page's first load is its HTML and every same-site file it makes the browser fetch:
stylesheets (and what they import), scripts, icons, images, the page a short link forwards
to, and the search worker and index that Material fetches as soon as it starts. Each file
is counted once, gzip-compressed at level 6 as GitHub Pages serves it, with the headers of its
response, as Lighthouse's `total-byte-weight` counts them (HEADER_BYTES).
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros.finishing import minify
from tests.support.browser import page_language
from tests.support.builds import DATA, ROOT
from tests.support.pages import Html, pages

KIB = 1024
# Every page, in every language (translations/, built into <lang>/), English or not.
FIRST_LOAD_BYTES = 72 * KIB
# Material's defaults make 6 (the bench's reference): the site makes no more.
FIRST_LOAD_REQUESTS = 6
# Each response's status line and headers, as Lighthouse counts them in a file's transfer: the
# tests' gzip server (tools/bench.py GzipHandler) sends about 190 bytes (status, Server, Date,
# Content-Type, Content-Encoding, Content-Length, Vary); GitHub Pages sends more, which
# Lighthouse, run against it, would count too.
HEADER_BYTES = 256
OWN_CSS_JS_BYTES = 6 * KIB
POLICY_HTML_BYTES = 12 * KIB

SITE_URL = DATA.school.site_url
FETCHED_LINKS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+)$", re.IGNORECASE)


@cache
def compressed_size(path: Path) -> int:
    """What GitHub Pages sends: the file gzip-compressed at level 6 (no name, no time)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def page_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return SITE_URL + relative.removesuffix("index.html")


def site_file(site: Path, url: str) -> Path | None:
    """The built file a same-site URL is served from; None for another site or `data:`."""
    if not url.startswith(SITE_URL):
        return None
    path = urlsplit(url).path[len(urlsplit(SITE_URL).path) :]
    file = site / path
    return file / "index.html" if path == "" or path.endswith("/") or file.is_dir() else file


def html_references(source: str, url: str) -> list[str]:
    """Absolute URLs of what the browser fetches for this HTML, Material's search included."""
    page = Html(source)
    found: list[str] = []
    for tag, attrs in page.tags:
        rels = set(attrs.get("rel", "").lower().split())
        if tag == "link" and rels & FETCHED_LINKS and attrs.get("href"):
            found.append(attrs["href"])
        elif tag in {"script", "img", "iframe", "embed", "video", "audio", "source", "track"} and attrs.get("src"):
            found.append(attrs["src"])
        elif tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            target = REFRESH.match(attrs.get("content", ""))
            if target:
                found.append(target.group(1).strip())
    for tag, attrs in page.tags:
        if tag in {"img", "source"} and attrs.get("srcset"):
            found.extend(candidate.split()[0] for candidate in attrs["srcset"].split(",") if candidate.strip())
    absolute = [urljoin(url, ref) for ref in found if not ref.startswith("data:")]
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', source, re.S)
    if config:
        settings = json.loads(config.group(1))
        base = urljoin(url, settings["base"].rstrip("/") + "/")
        if settings.get("search"):
            worker = urljoin(url, settings["search"])
            absolute += [worker, urljoin(base, "search/search_index.json")]
    return absolute


def css_references(source: str, url: str) -> list[str]:
    refs = [m.group(1) or m.group(2) for m in CSS_URL.finditer(source)]
    return [urljoin(url, ref) for ref in refs if not ref.startswith(("data:", "#"))]


@dataclass(frozen=True)
class FirstLoad:
    page: str
    files: tuple[Path, ...]
    elsewhere: tuple[str, ...]
    # The address each file was fetched at, in the same order: what a browser's cache is keyed by.
    urls: tuple[str, ...] = ()
    # The most requests one page of the visit makes, itself included (a short link is one
    # request; the page it forwards to makes its own).
    most_for_one_page: int = 0

    @property
    def requests(self) -> int:
        return len(self.files)

    @property
    def compressed(self) -> int:
        return sum(compressed_size(f) for f in self.files)

    @property
    def transferred(self) -> int:
        """What Lighthouse counts: the compressed files and each response's headers."""
        return self.compressed + self.requests * HEADER_BYTES


def first_load(site: Path, path: Path) -> FirstLoad:
    """Every file one visit to this page fetches, each once, in the order found."""
    languages = search_languages(site)
    files: dict[Path, str] = {}
    elsewhere: list[str] = []
    # Each address to fetch, with the page that fetches it.
    queue = [(page_url(site, path), page_url(site, path))]
    per_page: dict[str, int] = {}
    while queue:
        url, by_page = queue.pop(0)
        file = site_file(site, url)
        if file is None:
            elsewhere.append(url)
            continue
        if file in files:
            continue
        assert file.is_file(), f"{path.relative_to(site)} fetches {url}, which is not in the site"
        files[file] = url
        if file.suffix == ".html":
            by_page = url
            found = html_references(file.read_text(encoding="utf-8"), url)
            worker = next((u for u in found if "/workers/search" in u), None)
            if worker:
                found += [urljoin(worker, ref) for ref in worker_imports(languages)]
            queue += [(ref, url) for ref in found]
        elif file.suffix == ".css":
            queue += [(ref, by_page) for ref in css_references(file.read_text(encoding="utf-8"), url)]
        per_page[by_page] = per_page.get(by_page, 0) + 1
    return FirstLoad(path.relative_to(site).as_posix(), tuple(files), tuple(elsewhere), tuple(files.values()),
                     max(per_page.values()))


def search_languages(site: Path) -> tuple[str, ...]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return tuple(index["config"]["lang"])


def worker_imports(languages: tuple[str, ...]) -> list[str]:
    """What Material's search worker passes to importScripts, relative to the worker."""
    scripts: list[str] = []
    for lang in languages:
        if lang == "ja":
            scripts.append("../lunr/tinyseg.js")
        elif lang in {"hi", "th"}:
            scripts.append("../lunr/wordcut.js")
        if lang != "en":
            scripts.append(f"../lunr/min/lunr.{lang}.min.js")
    if len(languages) > 1:
        scripts.append("../lunr/min/lunr.multi.min.js")
    return ["../lunr/min/lunr.stemmer.support.min.js", *scripts] if scripts else []


@pytest.fixture(scope="module")
def loads(site: Path) -> list[FirstLoad]:
    return [first_load(site, path) for path in pages(site)]


def table(loads: list[FirstLoad]) -> str:
    rows = [f"{load.page:<28} {load.transferred:>7,} B {load.transferred / KIB:6.1f} KiB {load.requests:>3} requests"
            for load in loads]
    return "\n".join(rows)


def test_the_model_of_a_first_load_matches_what_a_browser_fetches(site: Path) -> None:
    """The home page: HTML, one stylesheet (Material's and the site's joined), Material's script and
    the site's, the search loader and the index stub; the favicon and the logo are in the page;
    Material's worker and the full index wait for the first search."""
    load = first_load(site, site / "index.html")
    names = sorted(f.relative_to(site).as_posix() for f in load.files)
    assert "index.html" in names and "search/search_index.json" in names
    assert "assets/javascripts/workers/search-loader.js" in names
    assert not any(n.startswith("assets/javascripts/workers/search.") for n in names)
    assert "search/search_index.full.json" not in names
    assert "assets/site.js" in names, names
    assert [n for n in names if n.endswith(".css")] == [next(iter((site / "assets" / "stylesheets").glob("*.css")))
                                                       .relative_to(site).as_posix()], names
    assert not any(n.endswith(".svg") for n in names), names
    assert load.requests == 6, names


def test_a_short_link_counts_the_page_it_forwards_to(site: Path) -> None:
    load = first_load(site, site / "c3" / "index.html")
    assert load.files[:2] == (site / "c3" / "index.html", site / "policy" / "index.html")


def test_every_first_load_is_at_most_72_kib_transferred(site: Path, loads: list[FirstLoad]) -> None:
    """In every language, headers included: a translation's page, which says what its translation
    is in its own language and in English, has no allowance beyond the English pages'."""
    heaviest: dict[str, FirstLoad] = {}
    for load in loads:
        code = page_language(site, load.page)
        if code not in heaviest or load.transferred > heaviest[code].transferred:
            heaviest[code] = load
    assert len(heaviest) >= 4, f"too few languages measured: {sorted(heaviest)}"
    print("\nHeaviest first load in each language:\n" + table(list(heaviest.values())))
    over = [load for load in loads if load.transferred > FIRST_LOAD_BYTES]
    assert not over, f"over {FIRST_LOAD_BYTES:,} bytes:\n{table(over)}\n\nall pages:\n{table(loads)}"


def test_every_first_load_is_at_most_6_requests(loads: list[FirstLoad]) -> None:
    """Requests for one page: a short link's visit is two pages, the link (one request) and the
    guidance it forwards to."""
    over = [load for load in loads if load.most_for_one_page > FIRST_LOAD_REQUESTS]
    assert not over, f"over {FIRST_LOAD_REQUESTS} requests:\n{table(over)}"
    short_link = next(load for load in loads if load.page == "c3/index.html")
    assert (short_link.requests, short_link.most_for_one_page) == (7, 6), short_link


# What a browser keeps from one page for the next (Material's, the site's own): cached by address.
KEPT_SUFFIXES = (".css", ".js", ".woff", ".woff2", ".ttf", ".otf")


def kept_files(load: FirstLoad) -> set[str]:
    """The addresses of the stylesheets, scripts and fonts a first load fetches (queries included:
    an address that differs only in its query is another file to a browser's cache)."""
    return {url for url in load.urls if urlsplit(url).path.endswith(KEPT_SUFFIXES)}


def test_switching_language_downloads_no_stylesheet_script_or_font_again(site: Path, loads: list[FirstLoad]) -> None:
    """A page and the same page in any other language fetch the same stylesheets, scripts and
    fonts at the same addresses: after the switch, each is in the browser's cache already."""
    by_page = {load.page: load for load in loads}
    different = {}
    compared = set()
    for load in loads:
        code = page_language(site, load.page)
        if code == "en":
            continue
        english = by_page[load.page.removeprefix(f"{code}/")]
        compared.add(code)
        assert len(kept_files(english)) >= 4, english
        if kept_files(load) != kept_files(english):
            different[load.page] = sorted(kept_files(load) ^ kept_files(english))
    assert len(compared) >= 3, compared
    assert not different, "\n".join(f"{page} and its English differ in: {urls}" for page, urls in different.items())


def test_our_own_css_and_js_are_at_most_6_kib_compressed(site: Path) -> None:
    """The site's script as built, and its stylesheet as the joined stylesheet ends with it."""
    (joined,) = (site / "assets" / "stylesheets").glob("site.*.min.css")
    css = minify.minify("site.css", (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8"))
    assert joined.read_text(encoding="utf-8").endswith(css)
    own = {"site.css": len(gzip.compress(css.encode("utf-8"), compresslevel=6, mtime=0)),
           "site.js": compressed_size(site / "assets" / "site.js")}
    assert sum(own.values()) <= OWN_CSS_JS_BYTES, own


def test_the_policy_page_html_is_at_most_12_kib_compressed(site: Path) -> None:
    size = compressed_size(site / "policy" / "index.html")
    assert size <= POLICY_HTML_BYTES, f"policy/index.html is {size:,} bytes compressed"


def test_every_page_loads_material_s_script_with_its_compile_hint(loads: list[FirstLoad]) -> None:
    """So that Chromium compiles it as it downloads, off the main thread (minify.hint_script)."""
    scripts = {load.page: [f for f in load.files if f.name.startswith("bundle.") and f.suffix == ".js"]
               for load in loads}
    assert all(len(found) == 1 for found in scripts.values()), {p: f for p, f in scripts.items() if len(f) != 1}
    unhinted = {f.name for found in scripts.values() for f in found
                if not f.read_text(encoding="utf-8").startswith(minify.COMPILE_HINT)}
    assert not unhinted, unhinted
