"""Every sitemap with each page's versions in the other languages (`xhtml:link` alternates)."""

from __future__ import annotations

import gzip
import re
from collections.abc import Mapping
from pathlib import Path

SITEMAP = "sitemap.xml"
SITEMAP_NS = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
XHTML_NS = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
LOC = re.compile(r"<loc>(?P<url>[^<]+)</loc>")
# A sitemap entry; alternates go last in it, where the sitemap schema allows other namespaces.
ENTRY = re.compile(r"(?P<entry><url>\s*<loc>(?P<url>[^<]+)</loc>.*?)(?P<end>\s*</url>)", re.S)


def sitemap_alternates(sitemaps: Mapping[str, str], site_url: str) -> dict[str, str]:
    """Each sitemap (language code → its XML, "en" the root's) with every page's versions in the
    other languages as `xhtml:link` alternates: how search engines learn of them, without a
    `<link rel=alternate>` in every page's head (Material would then fetch each sitemap)."""
    paths = {code: {m["url"].removeprefix(site_url if code == "en" else f"{site_url}{code}/"): m["url"]
                    for m in LOC.finditer(xml)} for code, xml in sitemaps.items()}
    written = {}
    for code, xml in sitemaps.items():
        def alternates(match: re.Match[str], code: str = code) -> str:
            path = match["url"].removeprefix(site_url if code == "en" else f"{site_url}{code}/")
            found = [(other, urls[path]) for other, urls in paths.items() if path in urls]
            if len(found) < 2:
                return match[0]
            return match["entry"] + "".join(f'\n         <xhtml:link rel="alternate" hreflang="{other}" href="{url}"/>'
                                            for other, url in found) + match["end"]
        written[code] = ENTRY.sub(alternates, xml.replace(SITEMAP_NS, XHTML_NS, 1))
    return written


def write_sitemaps(root: Path, codes: list[str], site_url: str) -> None:
    """The root's and each language's sitemap.xml (and .gz, its time kept) with alternates."""
    folders = {"en": root, **{code: root / code for code in codes}}
    sitemaps = {code: (folder / SITEMAP).read_text(encoding="utf-8") for code, folder in folders.items()
                if (folder / SITEMAP).is_file()}
    for code, xml in sitemap_alternates(sitemaps, site_url).items():
        path = folders[code] / SITEMAP
        path.write_text(xml, encoding="utf-8")
        packed = path.with_name(SITEMAP + ".gz")
        mtime = int.from_bytes(packed.read_bytes()[4:8], "little") if packed.is_file() else 0
        with packed.open("wb") as out, gzip.GzipFile(filename=SITEMAP, fileobj=out, mode="wb", mtime=mtime) as gz:
            gz.write(xml.encode("utf-8"))
