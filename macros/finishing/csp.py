"""Content-Security-Policy for every built page, computed from the page's own inline scripts.

GitHub Pages cannot send headers, so the policy travels in a `<meta http-equiv>` tag, which
must come before the first script to cover it. Material writes a few small inline scripts
(the storage helpers, the saved colour scheme, the tabbed-content fix); each is allowed by
its SHA-256 hash, so no page needs 'unsafe-inline'. The hashes are taken from the built HTML
after every template and plugin has run, so a Material upgrade that changes a script
changes its hash with it: nothing is typed by hand.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from macros.finishing import html_edit

# Script types a browser runs; anything else (`application/json` for Material's config) is data.
JAVASCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
REFERRER = "strict-origin-when-cross-origin"


class NoHeadError(ValueError):
    """The page has no <head> to put the policy in."""


@dataclass(frozen=True)
class Script:
    """One `<script>` element: its attributes and its text exactly as written."""

    attrs: dict[str, str]
    text: str

    @property
    def is_inline(self) -> bool:
        """Inline code that runs: no `src`, and a JavaScript type (not a data block)."""
        kind = self.attrs.get("type", "").strip().lower()
        return "src" not in self.attrs and kind in JAVASCRIPT_TYPES


def scripts(html: str) -> list[Script]:
    """Every <script> element of a page, in order, its text exactly as written."""
    return [Script(e.attrs, e.inner(html)) for e in html_edit.elements(html) if e.tag == "script"]


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run."""
    return [s.text for s in scripts(html) if s.is_inline]


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this script text (UTF-8, SHA-256)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: list[str]) -> str:
    """The page's policy: its own files only, inline scripts only by hash, no inline styles."""
    script_src = " ".join(["'self'", *dict.fromkeys(hashes)])
    directives = [
        "default-src 'self'",
        f"script-src {script_src}",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    return "; ".join(directives)


def meta_tags(csp: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n<meta name="referrer" content="{REFERRER}">'


def page_policy(html: str) -> str:
    return policy([script_hash(text) for text in inline_scripts(html)])


def with_policy(html: str) -> str:
    """The page with its policy and referrer tags right after `<meta charset>` (else `<head>`).

    A meta policy covers only what follows it, so the tags must come before any script. Tags an
    earlier pass inserted are replaced, so rewriting a page twice changes nothing.
    """
    found = html_edit.elements(html)
    edits = html_edit.Edits()
    for element in found:
        if element.tag == "meta" and (element.attrs.get("http-equiv", "").lower() == "content-security-policy"
                                      or element.attrs.get("name") == "referrer"):
            # With the line break the insertion put before it.
            start = element.start - 1 if html[element.start - 1 : element.start] == "\n" else element.start
            edits.replace(start, element.open_end, "")
    anchor = next((e for e in found if e.tag == "meta" and "charset" in e.attrs), None)
    anchor = anchor or next((e for e in found if e.tag == "head"), None)
    if anchor is None:
        raise NoHeadError("no <head> or <meta charset> to put the Content-Security-Policy after")
    first_script = next((e for e in found if e.tag == "script"), None)
    if first_script is not None and first_script.start < anchor.open_end:
        raise NoHeadError("a <script> comes before <meta charset>, so a meta policy would not cover it")
    edits.insert(anchor.open_end, "\n" + meta_tags(page_policy(html)))
    return edits.apply(html)
