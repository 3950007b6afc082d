"""Every built page is valid HTML: the Nu Html Checker (vnu, the W3C validator's engine) finds
no error in any page, in every language, short links and 404.html included, fetched over HTTP
as a browser gets them. One JVM checks them all, with a page made invalid on purpose among them, so that a run
that checked nothing cannot pass.

vnu is pinned in tests/lighthouse/package-lock.json (with its hash) and needs Java 11 or newer
(Debian: default-jre-headless); `make test` installs it with Lighthouse.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.builds import ROOT
from tests.support.pages import pages
from tools.browser import serve

VNU_JAR = ROOT / "tests" / "lighthouse" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# vnu refuses loopback addresses unless told otherwise (it guards its web service against them).
ALLOW_LOOPBACK = "-Dnu.validator.servlet.allow-forbidden-hosts=true"
# A known error, the kind Material's templates used to have: `autocomplete` on a checkbox.
INVALID_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Invalid on purpose</title></head>
<body><main><input type="checkbox" id="toggle" autocomplete="off"><label for="toggle">Toggle</label></main></body>
</html>
"""


def url_path(site: Path, page: Path) -> str:
    """The address a visitor uses: a folder for its index.html, as the site links to it."""
    path = page.relative_to(site).as_posix()
    return path.removesuffix("index.html")


def vnu_errors(urls: list[str]) -> list[dict[str, object]]:
    """Every error vnu reports for these pages (pages it could not fetch included), in one run."""
    java = shutil.which("java")
    assert java, "Java is needed to run vnu (Debian or Ubuntu: sudo apt-get install default-jre-headless)"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `npm ci --prefix tests/lighthouse` (make test does)"
    result = subprocess.run(
        [java, ALLOW_LOOPBACK, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *urls],
        capture_output=True,
        text=True,
        timeout=240,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise AssertionError(
            f"vnu did not report in JSON (exit {result.returncode}):\n{result.stderr[-2000:]}"
        ) from None
    return [m for m in messages if m.get("type") in {"error", "non-document-error"}]


def describe(message: dict[str, object], base: str) -> str:
    page = str(message.get("url", "?")).removeprefix(base) or "/"
    line = message.get("lastLine") or message.get("firstLine") or "?"
    extract = " ".join(str(message.get("extract", "")).split())
    return f"{page}, line {line}: {message['message']}" + (f"\n      {extract}" if extract else "")


def test_every_page_is_valid_html(site: Path, tmp_path: Path) -> None:
    built = pages(site)
    assert any(p.name == "404.html" for p in built) and (site / "policy" / "index.html") in built
    translations = [path.parent.parent.name for path in site.glob("*/search/search_index.json")]
    assert len(translations) >= 3 and all(
        {site / code / "policy" / "index.html", site / code / "404.html"} <= set(built) for code in translations)
    (tmp_path / "invalid.html").write_text(INVALID_PAGE, encoding="utf-8")
    with serve(site) as site_url, serve(tmp_path) as spare_url:
        invalid = spare_url + "invalid.html"
        errors = vnu_errors([site_url + url_path(site, p) for p in built] + [invalid])
    caught = [e for e in errors if e.get("url") == invalid]
    assert any("autocomplete" in str(e["message"]) for e in caught), (
        "vnu did not report the page made invalid on purpose, so its silence about the site means nothing:\n"
        + "\n".join(describe(e, spare_url) for e in errors)
    )
    found = [describe(e, site_url) for e in errors if e not in caught]
    assert not found, f"{len(found)} HTML error(s) in {len(built)} pages:\n  - " + "\n  - ".join(found)
