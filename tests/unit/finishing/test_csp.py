"""macros.finishing.csp: finding inline scripts, hashing them, and placing the policy before any script."""

from __future__ import annotations

import base64
import hashlib

import pytest

from macros.engine import mkdocs_hooks
from macros.finishing import csp

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>T</title>
    <script>var a = "</scr" + "ipt>";</script>
    <script src="x.js"></script>
  </head>
  <body>
    <!-- <script>not a script</script> -->
    <script id="__config" type="application/json">{"a": 1}</script>
    <script type="module">import "./y.js"</script>
  </body>
</html>
"""


def test_inline_scripts_are_those_a_browser_runs_with_their_exact_text() -> None:
    assert csp.inline_scripts(PAGE) == ['var a = "</scr" + "ipt>";', 'import "./y.js"']


def test_the_hash_is_sha256_of_the_utf8_text_in_base64() -> None:
    text = "alert('é')"
    expected = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    assert csp.script_hash(text) == f"'sha256-{expected}'"


def test_the_policy_lists_each_hash_once_and_never_unsafe() -> None:
    policy = csp.policy(["'sha256-a'", "'sha256-b'", "'sha256-a'"])
    assert "script-src 'self' 'sha256-a' 'sha256-b';" in policy
    assert "unsafe" not in policy
    assert policy.startswith("default-src 'self'; ")
    assert "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'" in policy


def test_the_tags_go_right_after_meta_charset_and_cover_every_inline_script() -> None:
    result = csp.with_policy(PAGE)
    charset = result.index('<meta charset="utf-8">')
    meta = result.index('<meta http-equiv="Content-Security-Policy"')
    assert charset < meta < result.index("<title>") < result.index("<script")
    for text in csp.inline_scripts(PAGE):
        assert csp.script_hash(text) in result
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in result


def test_rewriting_a_page_twice_changes_nothing() -> None:
    once = csp.with_policy(PAGE)
    assert csp.with_policy(once) == once
    assert once.count("Content-Security-Policy") == 1


def test_a_page_without_scripts_gets_a_policy_without_hashes() -> None:
    result = csp.with_policy('<html><head><meta charset="utf-8"><title>T</title></head></html>')
    assert "script-src 'self';" in result


def test_a_script_before_meta_charset_is_refused() -> None:
    with pytest.raises(csp.NoHeadError):
        csp.with_policy('<html><head><script>x()</script><meta charset="utf-8"></head></html>')


def test_the_command_comes_from_mkdocs_on_startup() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><script>x()</script></body></html>'
    try:
        mkdocs_hooks.on_startup(command="serve", dirty=False)
        assert "Content-Security-Policy" not in mkdocs_hooks.on_post_page(page, None, None)
        mkdocs_hooks.on_startup(command="build", dirty=False)
        assert "Content-Security-Policy" in mkdocs_hooks.on_post_page(page, None, None)
    finally:
        mkdocs_hooks.on_startup(command="build", dirty=False)
