"""Every built page carries a Content-Security-Policy that covers all its scripts and allows no inline code.

The checks here read the HTML with their own regular expressions, not with macros.finishing.csp,
so a fault in the module that writes the policy cannot hide itself.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.support.pages import CSP_META, Html, inline_script_hashes, pages

REQUIRED = {
    "default-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}
STRICT_ENOUGH = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed





@pytest.fixture(scope="module")
def built(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in pages(site)}


def test_every_page_is_checked(built: dict[str, str]) -> None:
    assert {"index.html", "policy/index.html", "404.html", "c3/index.html"} <= set(built)


def test_every_page_has_one_policy_before_any_script(built: dict[str, str]) -> None:
    for name, source in built.items():
        metas = list(CSP_META.finditer(source))
        assert len(metas) == 1, f"{name}: {len(metas)} policies"
        head_start = source.index("<head")
        first_script = source.find("<script")
        assert head_start < metas[0].start(), name
        assert first_script == -1 or metas[0].end() < first_script, f"{name}: a script comes before the policy"
        assert metas[0].start() < source.index("</head>"), name


def test_no_page_allows_inline_code_or_eval(built: dict[str, str]) -> None:
    for name, source in built.items():
        policy = html.unescape(CSP_META.search(source).group(1))  # type: ignore[union-attr]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, name
        assert "unsafe-hashes" not in policy and "*" not in policy, name


def test_every_policy_has_the_required_directives(built: dict[str, str]) -> None:
    for name, source in built.items():
        parsed = directives(CSP_META.search(source).group(1))  # type: ignore[union-attr]
        for directive, values in REQUIRED.items():
            assert parsed.get(directive) == values, f"{name}: {directive} {parsed.get(directive)}"
        script_src = parsed["script-src"]
        assert script_src[0] == "'self'", name
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", v) for v in script_src[1:]), name


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else_is(built: dict[str, str]) -> None:
    for name, source in built.items():
        allowed = directives(CSP_META.search(source).group(1))["script-src"][1:]  # type: ignore[union-attr]
        hashes = inline_script_hashes(source)
        assert sorted(set(hashes)) == sorted(allowed), name


def test_material_pages_do_have_inline_scripts_to_allow(built: dict[str, str]) -> None:
    """Guards the check above against finding no scripts at all."""
    assert len(inline_script_hashes(built["policy/index.html"])) >= 3
    assert '<script id="__config" type="application/json">' in built["policy/index.html"]


def test_every_page_sends_a_strict_referrer(built: dict[str, str]) -> None:
    for name, source in built.items():
        assert Html(source).meta("referrer") in STRICT_ENOUGH, name


def test_no_inline_styles_that_the_policy_would_block(built: dict[str, str]) -> None:
    """style-src 'self' blocks style attributes and <style> elements in markup."""
    for name, source in built.items():
        page = Html(source)
        assert not [t for t, a in page.tags if t == "style" or "style" in a], name


def test_no_inline_event_handlers_or_script_urls_that_the_policy_would_block(built: dict[str, str]) -> None:
    """Without 'unsafe-hashes', an `onclick=` or a `javascript:` link is refused: in every page of
    every language, whatever words a translation's Markdown brings."""
    for name, source in built.items():
        page = Html(source)
        handlers = [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
        script_urls = [a for _, a in page.tags for k in ("href", "src", "action")
                       if a.get(k, "").strip().lower().startswith("javascript:")]
        assert not handlers and not script_urls, (name, handlers, script_urls)
