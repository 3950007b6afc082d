"""Lighthouse, with its mobile defaults, on the heaviest page of each template in each language:
100 for accessibility, best practices and SEO in every language; and on each template's heaviest
page in any language, what the page loads: at most 72 KiB transferred (headers included), at most
six requests, nothing but the stylesheet and the scripts blocking the first paint, and no critical
request chained behind another file but the search index stub.

A template is what a page is made from: Material's page template (main.html, every page of the
Markdown and the comparisons of two versions), its 404 page, and the site's short-link page. Pages
of one template in one language score alike, so the heaviest of each stands for the rest (a test
below checks that every page of the site is of a template audited). A language changes each
template's words, `lang` and `dir`, and weight: each language's heaviest page of each template is
audited for what its words there do to accessibility, best practices and SEO (a title, a
description, names of links). What a page loads, and in what order, is its template's, the same in
every language: Lighthouse's performance category runs once per template, on its heaviest page in
any language, and the budget tests count every page's weight statically (tests/build/
test_budgets.py), a count this test checks is never below Lighthouse's. A short link is not
audited: it forwards at once to the guidance, which is, and is kept out of search engines
(`noindex`) on purpose. The performance score itself is not asserted: Lighthouse works out blocking
time from how long the processor took, which depends on what else the machine runs; README (Speed)
records a run with 100 on every page.

One Node process audits every page in one Chromium (tests/lighthouse/audit.mjs), served gzipped
as GitHub Pages serves it, with a page made to fail alongside, so a run that audits nothing
cannot pass."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.build.test_budgets import FIRST_LOAD_BYTES, FIRST_LOAD_REQUESTS, first_load
from tests.support.browser import (
    NOT_FOUND,
    PAGE,
    SHORT_LINK,
    built_file,
    largest_of_each_template,
    page_language,
    template,
)
from tests.support.builds import DATA, ROOT
from tools.bench import GzipHandler
from tools.browser import ARGS, serve

AUDIT = ROOT / "tests" / "lighthouse" / "audit.mjs"
# No language, no description, no title, an unlabelled field: fails both categories.
FAILING_PAGE = '<!doctype html><html><head></head><body><input type="text"><a href="#">x</a></body></html>'
ASSERTED = ("accessibility", "best-practices", "seo")
# What a Markdown page's front matter would name to be made from another template.
OWN_TEMPLATE = re.compile(r"\A---\n(?:.*\n)*?template\s*:", re.MULTILINE)


def built_pages(site: Path) -> dict[str, tuple[str, str]]:
    """Every page of the site, in every language, by its path from the site's root → (language,
    template)."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix().removesuffix("index.html")
        found[path] = (page_language(site, path), template(file.read_text(encoding="utf-8"), path))
    return found


def transferred(site: Path, path: str) -> int:
    return first_load(site, built_file(site, path)).transferred


def heaviest_pages(site: Path) -> dict[tuple[str, str], str]:
    """(language, template) → the heaviest first load of that template in that language."""
    paths = [path for path, (_, kind) in built_pages(site).items() if kind != SHORT_LINK]
    return largest_of_each_template(site, paths, lambda path: transferred(site, path))


def heaviest_of_each_template(site: Path, heaviest: dict[tuple[str, str], str]) -> dict[str, str]:
    """Template → its heaviest first load in any language: where its performance is audited."""
    kinds = {kind for _, kind in heaviest}
    return {kind: max((path for (_, of), path in heaviest.items() if of == kind), key=lambda p: transferred(site, p))
            for kind in sorted(kinds)}


@pytest.fixture(scope="module")
def gzip_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site gzipped under its published path, as GitHub Pages serves it (the 404 page's
    addresses start at the server's root)."""
    published = urlsplit(DATA.school.site_url).path.strip("/")
    root = tmp_path_factory.mktemp("gzipped")
    if published:
        (root / published).parent.mkdir(parents=True, exist_ok=True)
        (root / published).symlink_to(site, target_is_directory=True)
    else:
        root = site
    with serve(root, GzipHandler) as url:
        yield f"{url}{published}/" if published else url


@pytest.fixture(scope="module")
def heaviest(site: Path) -> dict[tuple[str, str], str]:
    return heaviest_pages(site)


@pytest.fixture(scope="module")
def loads(site: Path, heaviest: dict[tuple[str, str], str]) -> list[str]:
    """The pages audited for performance too: each template's heaviest, in any language."""
    return sorted(heaviest_of_each_template(site, heaviest).values())


@pytest.fixture(scope="module")
def audits(heaviest: dict[tuple[str, str], str], loads: list[str], gzip_url: str, chromium_path: str,
           tmp_path_factory: pytest.TempPathFactory) -> dict:
    words = sorted(set(heaviest.values()) - set(loads))
    bad = tmp_path_factory.mktemp("lighthouse")
    (bad / "index.html").write_text(FAILING_PAGE, encoding="utf-8")
    with serve(bad) as bad_url:
        done = subprocess.run(
            ["node", str(AUDIT), gzip_url, *loads, "--without-performance", *words, "--made-to-fail", bad_url],
            capture_output=True, text=True, timeout=600, check=False,
            env={**os.environ, "CHROME_PATH": chromium_path, "CHROME_FLAGS": json.dumps(ARGS)},
        )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    results["made to fail"] = results.pop(bad_url)
    assert set(results) == {*heaviest.values(), "made to fail"}
    return results


def test_every_template_and_every_language_is_audited(site: Path, heaviest: dict[tuple[str, str], str]) -> None:
    """Every page is of a known template, each template and each language has a page audited, and
    no Markdown page asks for a template of its own (which would need auditing too)."""
    pages = built_pages(site)
    unknown = sorted(path for path, (_, kind) in pages.items() if kind == "unknown")
    assert not unknown, f"pages of no known template: {unknown}"
    kinds = {kind for kind in pages.values() if kind[1] != SHORT_LINK}
    languages = {language for language, _ in kinds}
    every = {(language, kind) for language in languages for kind in (PAGE, NOT_FOUND)}
    assert set(heaviest) == kinds == every
    assert languages >= {"en", "pl", "ar", "ur"}
    sources = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "translations").rglob("*.md")]
    own = [str(md.relative_to(ROOT)) for md in sources if OWN_TEMPLATE.match(md.read_text(encoding="utf-8"))]
    assert not own, f"pages with a template of their own, which test_lighthouse.py does not audit: {own}"


def test_each_template_scores_100_for_accessibility_best_practices_and_seo(audits: dict) -> None:
    pages = {path: result for path, result in audits.items() if path != "made to fail"}
    short = {
        path or "/": f"{r['scores']}: {r['failed']} {r['error'] or ''}"
        for path, r in pages.items()
        if r["error"] or any(r["scores"][category] != 1 for category in ASSERTED)
    }
    # Performance is reported, not asserted (the module's docstring says why).
    print("\nLighthouse performance: " + ", ".join(
        f"/{p} {r['scores']['performance']}" for p, r in audits.items() if r["scores"]["performance"] is not None))
    assert not short, "\n".join(f"{path}: {why}" for path, why in short.items())


def test_each_template_transfers_at_most_72_kib_in_at_most_6_requests(
    site: Path, audits: dict, loads: list[str]
) -> None:
    """As Lighthouse counts them: every file with its headers, on each template's heaviest page.
    The budget tests' static count of every page (test_budgets.py) is never below it, so that what
    they pass, Lighthouse passes."""
    for path in loads:
        result = audits[path]
        assert result["scores"]["performance"] is not None, path
        fetched = [r for r in result["requests"] if not r["url"].startswith("data:")]
        assert result["bytes"] <= FIRST_LOAD_BYTES, (path, result["bytes"], fetched)
        assert len(fetched) <= FIRST_LOAD_REQUESTS, (path, fetched)
        static = first_load(site, built_file(site, path))
        assert result["bytes"] <= static.transferred and len(fetched) == static.requests, (path, result, static)


def chains(tree: dict) -> Iterator[list[str]]:
    """Each chain of critical requests of Lighthouse's network dependency tree, root first."""
    for node in tree.values():
        below = list(chains(node["children"]))
        yield from ([[node["url"], *chain] for chain in below] if below else [[node["url"]]])


def test_only_the_stylesheet_and_scripts_block_and_no_critical_request_waits_on_another(
    site: Path, audits: dict, loads: list[str]
) -> None:
    """What Lighthouse's render-blocking and network-dependency-tree insights look at, in the
    figures that do not vary: which files may block, and how the critical ones chain. Blocking:
    the one stylesheet always, and Material's script or the site's when the page is painted after
    they arrive. The tree insight fails any page whose HTML loads a critical file (README: Speed);
    here the chains go page → file, and only Material's script starts one more (its search index
    stub)."""
    for path in loads:
        result = audits[path]
        blocking = {urlsplit(url).path.rsplit("/assets/", 1)[-1] for url in result["renderBlocking"]}
        (stylesheet,) = (p.name for p in (site / "assets" / "stylesheets").glob("site.*.min.css"))
        bundle = next(p.name for p in (site / "assets" / "javascripts").glob("bundle.*.min.js"))
        assert f"stylesheets/{stylesheet}" in blocking, (path, blocking)
        assert blocking <= {f"stylesheets/{stylesheet}", f"javascripts/{bundle}", "site.js"}, (path, blocking)
        tree = next(item["value"]["chains"] for item in result["dependencyTree"]["items"]
                    if item["value"].get("type") == "network-tree")
        found = list(chains(tree))
        assert found and all(len(chain) <= 2 or (len(chain) == 3 and "/javascripts/bundle." in chain[1]
                                                 and chain[2].endswith("/search/search_index.json"))
                             for chain in found), (path, found)


def test_lighthouse_speaks_up_when_there_is_something_to_find(audits: dict) -> None:
    bad = audits["made to fail"]
    assert bad["scores"]["accessibility"] < 1 and bad["scores"]["seo"] < 1
    failed = " ".join(bad["failed"])
    assert "html-has-lang" in failed and "meta-description" in failed and "label" in failed
