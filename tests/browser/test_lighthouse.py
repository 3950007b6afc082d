"""Lighthouse's accessibility and SEO audits score 100 on every page (issue 2), and on each
translation's guidance (issue 11). A translation's pages are the English templates with its
words, and axe-core checks every one of them (test_axe.py); an audit takes about ten
seconds, so each language's largest page stands for the rest.

One Node process audits every page in one Chromium (tests/lighthouse/audit.mjs), with a page
made to fail alongside, so a run that audits nothing cannot pass."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.support.browser import REFRESH, source
from tests.support.builds import ROOT
from tools.browser import ARGS, serve

AUDIT = ROOT / "tests" / "lighthouse" / "audit.mjs"
# No language, no description, no title, an unlabelled field: fails both categories.
FAILING_PAGE = '<!doctype html><html><head></head><body><input type="text"><a href="#">x</a></body></html>'


# Of each translation: its guidance, where its short links lead.
TRANSLATED = ("policy/",)


def languages(translated_pages: list[str]) -> list[str]:
    return sorted({path.split("/")[0] for path in translated_pages})


@pytest.fixture(scope="module")
def audits(
    site: Path, base_url: str, pages: list[str], translated_pages: list[str], chromium_path: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict:
    # Forwarding pages (short links) are left out: Lighthouse follows them to the policy page.
    paths = [path for path in pages if not REFRESH.search(source(site, path))]
    paths += [f"{code}/{path}" for code in languages(translated_pages) for path in TRANSLATED]
    bad = tmp_path_factory.mktemp("lighthouse")
    (bad / "index.html").write_text(FAILING_PAGE, encoding="utf-8")
    with serve(bad) as bad_url:
        done = subprocess.run(
            ["node", str(AUDIT), base_url, *paths, bad_url],
            capture_output=True, text=True, timeout=600, check=False,
            env={**os.environ, "CHROME_PATH": chromium_path, "CHROME_FLAGS": json.dumps(ARGS)},
        )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    results["made to fail"] = results.pop(bad_url)
    assert set(results) == {*paths, "made to fail"}
    return results


def test_every_page_scores_100_for_accessibility_and_seo(audits: dict, translated_pages: list[str]) -> None:
    pages = {path: result for path, result in audits.items() if path != "made to fail"}
    assert len(pages) >= 10
    codes = languages(translated_pages)
    assert len(codes) >= 3 and {f"{code}/{path}" for code in codes for path in TRANSLATED} <= set(pages)
    short = {
        path or "/": f"accessibility {r['accessibility']}, SEO {r['seo']}: {r['failed']} {r['error'] or ''}"
        for path, r in pages.items()
        if r["error"] or r["accessibility"] != 1 or r["seo"] != 1
    }
    assert not short, "\n".join(f"{path}: {why}" for path, why in short.items())


def test_lighthouse_speaks_up_when_there_is_something_to_find(audits: dict) -> None:
    bad = audits["made to fail"]
    assert bad["accessibility"] < 1 and bad["seo"] < 1
    failed = " ".join(bad["failed"])
    assert "html-has-lang" in failed and "meta-description" in failed and "label" in failed
