"""An in-page contents list, as GOV.UK guidance has: on a phone the sidebar is out of sight."""

from __future__ import annotations

import re
from html import escape

# The section the WhatsApp rules link to.
CODE_OF_CONDUCT = "code-of-conduct"

SECTION = re.compile(r"^(?P<level>#{2,3})[ ]+(?P<title>.+?)[ ]+\{[ ]*#(?P<anchor>[\w-]+)[ ]*\}[ ]*$", re.MULTILINE)


def contents_list(markdown: str) -> str:
    """Links to every `##`/`###` heading that has an explicit id, nested by level."""
    items: list[str] = []
    for match in SECTION.finditer(markdown):
        css = "page-contents__item" + (" page-contents__item--sub" if match["level"] == "###" else "")
        items.append(f'<li class="{css}"><a href="#{match["anchor"]}">{escape(match["title"])}</a></li>')
    return (
        '<nav class="page-contents" aria-labelledby="page-contents-title">'
        '<h2 class="page-contents__title" id="page-contents-title">Contents</h2>'
        f'<ol class="page-contents__list">{"".join(items)}</ol></nav>'
    )


def with_contents(markdown: str) -> str:
    """The page with its contents list placed before its first section."""
    listing = contents_list(markdown)
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("## "):
            return "\n".join(lines[:index] + [listing, ""] + lines[index:])
    return markdown
