"""Small facts of HTML every package writes or reads: the heading tags, the void elements, and the
attribute that keeps a number, an address or an ID left to right."""

from __future__ import annotations

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements with no end tag (the HTML standard's void elements).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def ltr_attribute(ltr: bool) -> str:
    """On a right-to-left page a number, an address or an ID is marked left-to-right, so its digits
    and dots keep their order (a number in two groups would otherwise show its groups swapped)."""
    return ' dir="ltr"' if ltr else ""
