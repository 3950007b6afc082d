"""An in-page contents list, as GOV.UK guidance has: on a phone the sidebar is out of sight."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

# The section the WhatsApp rules link to.
CODE_OF_CONDUCT = "code-of-conduct"

SECTION = re.compile(r"^(?P<level>#{2,3})[ ]+(?P<title>.+?)[ ]+\{[ ]*#(?P<anchor>[\w-]+)[ ]*\}[ ]*$", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    """A heading the list links to: 2 for a section, 3 for one inside it."""

    level: int
    title: str
    anchor: str


def sections(markdown: str) -> list[Section]:
    """Every `##`/`###` heading that has an explicit id."""
    return [Section(len(m["level"]), m["title"], m["anchor"]) for m in SECTION.finditer(markdown)]


def listing_html(found: list[Section]) -> str:
    """Links to the sections, nested by level."""
    items = [
        f'<li class="page-contents__item{" page-contents__item--sub" if section.level == 3 else ""}">'
        f'<a href="#{section.anchor}">{escape(section.title)}</a></li>'
        for section in found
    ]
    return (
        '<nav class="page-contents" aria-labelledby="page-contents-title">'
        '<h2 class="page-contents__title" id="page-contents-title">Contents</h2>'
        f'<ol class="page-contents__list">{"".join(items)}</ol></nav>'
    )


def contents_list(markdown: str) -> str:
    """Links to every `##`/`###` heading that has an explicit id, nested by level."""
    return listing_html(sections(markdown))


def with_contents(markdown: str) -> str:
    """The page with its contents list placed before its first section."""
    listing = contents_list(markdown)
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("## "):
            return "\n".join(lines[:index] + [listing, ""] + lines[index:])
    return markdown
