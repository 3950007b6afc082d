"""Material's stylesheet, cut to the rules whose classes a page or a script uses."""

from __future__ import annotations

from macros.finishing import unused_rules

CSS = (
    '@charset "UTF-8";'
    ".md-typeset .admonition,.md-typeset details{margin:1em}"
    ".md-typeset .admonition-title:before{content:\"\"}"
    "@media print{.md-header{display:none}.md-tag{color:red}}"
    "@keyframes pulse{0%{opacity:0}to{opacity:1}}"
    ".md-nav__link:not(.md-nav__link--active){color:grey}"
    ".md-typeset :is(.tabbed-set,.md-nav){margin:0}"
    "a[href$=\".pdf\"]{color:blue}"
    ".md-search-result__meta{color:grey}"
)


def test_a_page_s_classes_and_a_script_s_words_are_used() -> None:
    used = unused_rules.used_classes(
        ['<div class="md-typeset  md-header">', "<a class='md-nav__link' href=x>"],
        ['e.className="md-search-result__meta";'],
    )
    assert {"md-typeset", "md-header", "md-nav__link", "md-search-result__meta", "className"} <= used
    assert "admonition" not in used


def test_rules_needing_a_class_nothing_uses_are_cut_and_the_rest_kept_as_written() -> None:
    used = {"md-typeset", "md-header", "md-nav__link", "md-search-result__meta"}
    assert unused_rules.trimmed(CSS, used) == (
        '@charset "UTF-8";'
        ".md-typeset details{margin:1em}"
        "@media print{.md-header{display:none}}"
        "@keyframes pulse{0%{opacity:0}to{opacity:1}}"
        ".md-nav__link:not(.md-nav__link--active){color:grey}"
        ".md-typeset :is(.tabbed-set,.md-nav){margin:0}"
        "a[href$=\".pdf\"]{color:blue}"
        ".md-search-result__meta{color:grey}"
    )


def test_every_class_used_keeps_the_whole_stylesheet() -> None:
    used = {"md-typeset", "admonition", "admonition-title", "md-header", "md-tag", "md-nav__link",
            "md-search-result__meta"}
    assert unused_rules.trimmed(CSS, used) == CSS
