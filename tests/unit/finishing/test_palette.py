"""Material's palette stylesheet, cut to the colours a site's pages set."""

from __future__ import annotations

from macros.finishing import palette

# In the form of Material's palette.*.min.css: the dark scheme, then a block per named colour.
CSS = (
    "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}"
    "[data-md-color-scheme=slate][data-md-color-primary=pink]{--md-typeset-a-color:#ed5487}}"
    "[data-md-color-accent=red]{--md-accent-fg-color:#ff1947}"
    "[data-md-color-primary=red],[data-md-color-primary=custom] .x{--md-primary-fg-color:#ef5552}"
    "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--md-typeset-a-color:#8b990a}"
    "img[src$=\"#only-{light}\"]{display:none}"
    "@media screen and (min-width:60em){[data-md-color-primary=white] .md-search__form{color:red}}"
)
PAGE = ('<body data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">'
        '<input data-md-color-primary="custom" data-md-color-accent="custom">')


def test_a_page_says_which_colours_its_palette_sets() -> None:
    assert palette.page_colours(PAGE) == {("primary", "custom"), ("accent", "custom")}


def test_rules_for_colours_no_page_sets_are_cut_and_the_rest_kept_as_written() -> None:
    assert palette.trimmed(CSS, palette.page_colours(PAGE)) == (
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}"
        "[data-md-color-primary=custom] .x{--md-primary-fg-color:#ef5552}"
        "img[src$=\"#only-{light}\"]{display:none}"
    )


def test_every_colour_set_keeps_the_whole_stylesheet() -> None:
    every = {(kind, colour) for kind in ("primary", "accent")
             for colour in ("pink", "red", "custom", "lime", "white")}
    assert palette.trimmed(CSS, every) == CSS
