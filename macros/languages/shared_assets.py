"""One set of assets for every language: once a language's build is finished, its assets (checked
to be the English site's, byte for byte) are removed and its pages point at the English ones."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

from macros.common.problems import Problem, SiteError
from macros.data.language_file import TRANSLATIONS
from macros.finishing import html_edit, search

ASSETS = "assets/"
# Where a page names an asset: these attributes, and the search worker in Material's settings.
URL_ATTRIBUTES = ("href", "src")
SETTINGS = "__config"


def shared_url(url: str, page_path: str, code: str) -> str | None:
    """An address in a language's page, pointed at the English site's asset it stands for; None
    for an address that is not of an asset of this site."""
    if url.startswith("/"):  # the 404 page's addresses start at the server's root
        if f"/{code}/{ASSETS}" not in url:
            return None
        moved = url.replace(f"/{code}/{ASSETS}", f"/{ASSETS}", 1)
    elif re.match(r"^[a-z][a-z0-9+.-]*:|^#", url):
        return None
    else:
        path = url.split("?", 1)[0]
        resolved = posixpath.normpath(posixpath.join("/" + posixpath.dirname(page_path), path))
        if not resolved.startswith("/" + ASSETS):
            return None
        moved = "../" + url
    return moved


def to_shared_assets(html: str, page_path: str, code: str) -> str:
    """A language's page pointed at the English site's assets (the same bytes) instead of its own:
    one copy of every stylesheet, script and picture, cached once for every language. Only the
    addresses change, each as the page writes it; every other byte stays."""
    edits = html_edit.Edits()
    for element in html_edit.elements(html):
        for name, (start, end) in html_edit.attribute_spans(html, element).items():
            moved = shared_url(html[start:end], page_path, code) if name in URL_ATTRIBUTES else None
            if moved is not None:
                edits.replace(start, end, moved)
        if element.tag == "script" and element.attrs.get("id") == SETTINGS:
            settings = element.inner(html)
            worker = json.loads(settings).get("search")
            moved = shared_url(worker, page_path, code) if isinstance(worker, str) else None
            if moved is not None:
                old, new = json.dumps(worker), json.dumps(moved)
                if settings.count(old) != 1:
                    raise ValueError(f"the page's search setting {old} is not written once in its settings")
                edits.replace(element.open_end, element.close_start, settings.replace(old, new))
    return edits.apply(html)


def share_assets(root: Path, code: str) -> None:
    """Once a language's build is finished: its assets, checked to be the English ones byte for
    byte, are removed and its pages use the English ones."""
    own = root / code / ASSETS
    if not own.is_dir() or not (root / code / search.FULL_INDEX).is_file():
        return
    different = [path.relative_to(own).as_posix() for path in sorted(own.rglob("*")) if path.is_file()
                 and (root / ASSETS / path.relative_to(own)).read_bytes() != path.read_bytes()
                 ] if all((root / ASSETS / p.relative_to(own)).is_file() for p in own.rglob("*") if p.is_file()) \
        else ["(a file the English site does not have)"]
    if different:
        raise SiteError(Problem(f"{TRANSLATIONS}/{code}/", f"the {code!r} build's assets differ from the English "
                                f"site's: {', '.join(different[:5])}.", "a translation has no assets of its own: "
                                "put pictures and styles in docs/assets/, for every language.", "", None))
    for page in sorted((root / code).rglob("*.html")):
        relative = page.relative_to(root / code).as_posix()
        html = page.read_text(encoding="utf-8")
        moved = to_shared_assets(html, relative, code)
        if moved != html:
            page.write_text(moved, encoding="utf-8")
    shutil.rmtree(own)
