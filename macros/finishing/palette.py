"""Material's colour stylesheet, cut to the colours the site's pages can show.

Material's palette stylesheet (assets/stylesheets/palette.<hash>.min.css) has rules for each of
its named primary and accent colours, and every page loads it. A page shows only the colours
its palette options set (mkdocs.yml's `theme.palette`; here `custom`, which site.css colours):
the rules for the others are cut from the built copy, four fifths of the file, and every other
rule is kept as Material wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

STYLESHEETS = "assets/stylesheets"
PALETTE_FILES = "palette.*.min.css"
# The colours a page sets: on <body>, and on each option of the palette switch.
PAGE_COLOUR = re.compile(r'\sdata-md-color-(?P<kind>primary|accent)="(?P<colour>[^"]*)"')
RULE_COLOUR = re.compile(r"\[data-md-color-(?P<kind>primary|accent)=(?P<colour>[\w-]+)\]")
NEGATION = re.compile(r":not\([^()]*\)")

Colour = tuple[str, str]


def page_colours(html: str) -> set[Colour]:
    """(primary|accent, colour) for every colour the page's palette can set."""
    return {(m["kind"], m["colour"]) for m in PAGE_COLOUR.finditer(html)}


def split_rules(css: str) -> list[tuple[str, str | None]]:
    """The top-level statements of a stylesheet: (prelude, block contents), or (statement, None)
    for one without a block (`@import …;`). Quoted strings may hold braces."""
    found: list[tuple[str, str | None]] = []
    start = depth = 0
    prelude_end = -1
    quote = ""
    for index, char in enumerate(css):
        if quote:
            quote = "" if char == quote and css[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                found.append((css[start:prelude_end], css[prelude_end + 1 : index]))
                start = index + 1
        elif char == ";" and depth == 0:
            found.append((css[start : index + 1], None))
            start = index + 1
    if css[start:].strip():
        found.append((css[start:], None))
    return found


def split_selectors(prelude: str) -> list[str]:
    """A selector list's selectors (commas inside `:not(…)` or `:is(…)` do not split)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    return [*parts, prelude[start:]]


def shown(selector: str, used: set[Colour]) -> bool:
    """Whether the selector can match on a page whose palette sets only `used` colours."""
    required = NEGATION.sub("", selector)
    return all((m["kind"], m["colour"]) in used for m in RULE_COLOUR.finditer(required))


def kept_rules(css: str, keep: Callable[[str], bool]) -> str:
    """The stylesheet with only the selectors `keep` accepts (a rule left with none goes), inside
    @media and @supports too; other at-rules (@font-face, @keyframes, …) are kept whole."""
    out = []
    for prelude, block in split_rules(css):
        if block is None:
            out.append(prelude)
        elif prelude.lstrip().startswith("@"):
            inner = kept_rules(block, keep) if prelude.lstrip().startswith(("@media", "@supports")) else block
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in split_selectors(prelude) if keep(s)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{block}}}")
    return "".join(out)


def trimmed(css: str, used: set[Colour]) -> str:
    """The stylesheet less the rules (and selectors) for colours no page sets."""
    return kept_rules(css, lambda selector: shown(selector, used))


def trim_site(site_dir: Path) -> None:
    """Cut the built palette stylesheet to the colours the built pages set (none set: kept whole,
    as a page without Material's palette has nothing to say which it needs)."""
    used: set[Colour] = set()
    for page in site_dir.rglob("*.html"):
        used |= page_colours(page.read_text(encoding="utf-8"))
    if not used:
        return
    for path in sorted((site_dir / STYLESHEETS).glob(PALETTE_FILES)):
        css = path.read_text(encoding="utf-8")
        cut = trimmed(css, used)
        if cut != css:
            path.write_text(cut, encoding="utf-8")
