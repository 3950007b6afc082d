"""Editing built HTML by its structure, leaving every other byte as the engine wrote it.

The standard library's HTML parser finds the elements and where each starts and ends in the
text; edits then replace exact spans. Unlike a parser that writes the page out again, nothing
else moves: an inline script keeps the bytes its Content-Security-Policy hash was taken from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from html.parser import (  # type: ignore[attr-defined]  # the parser's own patterns, not in typeshed
    HTMLParser,
    attrfind_tolerant,
    tagfind_tolerant,
)

from macros.common.markup import VOID

NEWLINE = re.compile("\n")
# Elements that have no end tag.


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    start: int  # where `<tag` begins
    open_end: int  # just after the start tag's `>`
    close_start: int = -1  # where `</tag` begins (-1: void or never closed)
    end: int = -1  # just after `</tag>`
    children: list[Element] = field(default_factory=list, repr=False)

    def inner(self, html: str) -> str:
        return html[self.open_end : self.close_start] if self.close_start >= 0 else ""

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()


class _Locator(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0, *(match.end() for match in NEWLINE.finditer(html))]
        self.found: list[Element] = []
        self.open: list[Element] = []

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _add(self, tag: str, attrs: list[tuple[str, str | None]]) -> Element:
        start = self._position()
        raw = self.get_starttag_text() or ""
        element = Element(tag, {k: v or "" for k, v in attrs}, start, start + len(raw))
        if self.open:
            self.open[-1].children.append(element)
        self.found.append(element)
        return element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = self._add(tag, attrs)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        start = self._position()
        # Close the nearest open element of this name; anything left open inside it closes too.
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth].tag == tag:
                element = self.open[depth]
                element.close_start = start
                element.end = self.html.index(">", start) + 1
                del self.open[depth:]
                return


def elements(html: str) -> list[Element]:
    """Every element of the page, in document order, with its place in the text."""
    return list(_parsed(html))


# The pipeline's steps each read the page they are given; several read it before any has
# changed it (about half of a build's parses): a page's text is parsed once.
@functools.lru_cache(maxsize=4)
def _parsed(html: str) -> tuple[Element, ...]:
    locator = _Locator(html)
    locator.feed(html)
    locator.close()
    return tuple(locator.found)


def find(html: str, tag: str, **attrs: str) -> Iterator[Element]:
    """Elements of a tag whose attributes include those given (`class_` matches one class)."""
    wanted_class = attrs.pop("class_", None)
    for element in elements(html):
        if element.tag != tag or any(element.attrs.get(k) != v for k, v in attrs.items()):
            continue
        if wanted_class is not None and not element.has_class(wanted_class):
            continue
        yield element


def first(html: str, tag: str, **attrs: str) -> Element | None:
    return next(find(html, tag, **attrs), None)


@dataclass
class Edits:
    """Replacements of exact spans of one text, applied together (they must not overlap)."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, text: str) -> None:
        self.spans.append((start, end, text))

    def insert(self, at: int, text: str) -> None:
        self.spans.append((at, at, text))

    def apply(self, html: str) -> str:
        out, last = [], 0
        for start, end, text in sorted(self.spans, key=lambda span: (span[0], span[1])):
            if start < last:
                raise ValueError("overlapping HTML edits")
            out += [html[last:start], text]
            last = end
        return "".join(out) + html[last:]


def attribute_spans(html: str, element: Element) -> dict[str, tuple[int, int]]:
    """Where each attribute's value is written in the element's start tag, inside its quotes, as
    the parser reads the tag (its own patterns), so that one value can be replaced alone.
    An attribute written without a value has no span."""
    spans: dict[str, tuple[int, int]] = {}
    tag = tagfind_tolerant.match(html, element.start + 1, element.open_end)
    at = tag.end() if tag else element.open_end
    while at < element.open_end:
        found = attrfind_tolerant.match(html, at, element.open_end)
        if not found or found.end() == at:
            break
        name, rest, value = found.group(1, 2, 3)
        if rest:
            start, end = found.span(3)
            if value[:1] in "'\"" and value[:1] == value[-1:] and len(value) > 1:
                start, end = start + 1, end - 1
            spans.setdefault(name.lower(), (start, end))
        at = found.end()
    return spans


def start_tag(html: str, element: Element, changed: dict[str, str], dropped: tuple[str, ...] = ()) -> str:
    """The element's start tag with some attributes given new values and some left out, the
    others kept in order."""
    attrs = {name: value for name, value in {**element.attrs, **changed}.items() if name not in dropped}
    closing = "/>" if html[element.start : element.open_end].endswith("/>") else ">"
    written = "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attrs.items())
    return f"<{element.tag}{written}{closing}"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text(html: str, element: Element, skip_class: str = "") -> str:
    """An element's text, entities decoded and white space folded, leaving out the descendants
    that carry `skip_class` (a heading's permalink, a clause's ID link)."""
    edits = Edits()
    stack = list(element.children)
    while stack:
        child = stack.pop()
        if skip_class and child.has_class(skip_class):
            edits.replace(child.start, child.end if child.end >= 0 else child.open_end, "")
        else:
            stack.extend(child.children)
    inner = edits.apply(html[: element.close_start])[element.open_end :] if element.close_start >= 0 else ""
    reader = _Text()
    reader.feed(inner)
    reader.close()
    return " ".join("".join(reader.parts).split())


# Where white space is kept as written: shown as it is (Material styles code and kbd pre-wrap),
# or not HTML text at all.
KEEP_SPACE = frozenset({"pre", "textarea", "code", "kbd", "script", "style"})
SPACE_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def folded_space(html: str) -> str:
    """The page with each run of white space that holds a line break, outside tags, written as
    one line break: a template's indentation and blank lines, which a browser folds to one space
    anyway. Tags (their attributes too) and what KEEP_SPACE elements hold keep every byte."""
    kept: list[tuple[int, int]] = []
    for element in elements(html):
        if element.close_start < 0:
            kept.append((element.start, element.open_end))
        elif element.tag in KEEP_SPACE:
            kept.append((element.start, element.end))
        else:
            kept += [(element.start, element.open_end), (element.close_start, element.end)]
    out, last = [], 0
    for start, end in sorted(kept):
        if start > last:
            out.append(SPACE_RUN.sub("\n", html[last:start]))
        if end > last:
            out.append(html[max(start, last) : end])
            last = end
    out.append(SPACE_RUN.sub("\n", html[last:]))
    return "".join(out)
