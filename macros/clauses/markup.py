"""Clause markup, a Python-Markdown extension: a list item written `- [C3] words` is clause C3.

Modelled on `pymdownx.tasklist`: a tree processor finds the list items and marks them up, and
an `Extension` with a config registers it. Working on the parsed tree rather than on the text
means a `- [C3]` line in a code block, a quotation or an HTML comment is never a clause.

Each clause gets its id (`c3`), class `clause`, `data-clause="C3"`, a visible self-link labelled
with its ID and, when the extension knows the site's address, its short link (`data-link`) for
the copy button. The clauses found are kept on the Markdown instance (`md.clauses`), so the
site can check them once (duplicates, published IDs, short links).

An archived version declares itself with an HTML comment line, `<!-- clauses: archived 1.0 -->`:
its ids are prefixed (`v1-0-c3`), so bare ids stay unique to the current text, and it has no
short links, which lead to the current text. Without this extension the line is a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from macros.common.markup import HEADINGS
from macros.data.model import number_slug

CLAUSE_START = re.compile(r"^\[(?P<id>[A-Z]{1,3}[0-9]{1,3})\][ ]+(?P<text>\S.*)$", re.DOTALL)
ARCHIVE_MARK = re.compile(r"^<!-- clauses: archived (?P<number>[0-9.]+) -->$")
HEADING_ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")
# Where a list item is quoted, not defined.
NOT_DEFINING = {"blockquote"}


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
    section: str

    @property
    def anchor(self) -> str:
        return self.id.lower()


def archive_mark(number: str) -> str:
    """The line that makes a page an archived version's for this extension."""
    return f"<!-- clauses: archived {number} -->"


class ArchiveMarkPreprocessor(Preprocessor):
    """Reads (and removes) an archived version's mark before the HTML-block stash sees it."""

    def run(self, lines: list[str]) -> list[str]:
        kept = []
        for line in lines:
            match = ARCHIVE_MARK.match(line.strip())
            if match:
                self.md.clause_archive = match["number"]  # type: ignore[attr-defined]
            else:
                kept.append(line)
        return kept


class ClauseTreeprocessor(Treeprocessor):
    """Finds list items that start with `[ID] ` and marks each up as a clause."""

    def __init__(self, md: Markdown, short_link_base: str, ltr_ids: bool = False) -> None:
        super().__init__(md)
        self.short_link_base = short_link_base
        self.ltr_ids = ltr_ids

    def run(self, root: Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        archived: str = getattr(self.md, "clause_archive", "")
        prefix = f"v{number_slug(archived)}-" if archived else ""
        found: list[Clause] = []
        section = ""
        for element in root.iter():
            if element.tag in HEADINGS:
                section = HEADING_ATTRIBUTES.sub("", "".join(element.itertext())).strip()
                continue
            if element.tag != "li" or not element.text or self._quoted(element, parents):
                continue
            match = CLAUSE_START.match(element.text)
            if not match:
                continue
            clause = Clause(match["id"], match["text"].strip(), section)
            anchor = prefix + clause.anchor
            direction = ' dir="ltr"' if self.ltr_ids else ""
            link = self.md.htmlStash.store(f'<a class="clause__id" href="#{anchor}"{direction}>{clause.id}</a>')
            element.text = f"{link} {match['text']}"
            element.set("id", anchor)
            element.set("class", " ".join([*element.get("class", "").split(), "clause"]))
            element.set("data-clause", clause.id)
            if self.short_link_base and not archived:
                element.set("data-link", f"{self.short_link_base}{clause.anchor}/")
            found.append(clause)
        self.md.clauses = found  # type: ignore[attr-defined]

    @staticmethod
    def _quoted(element: Element, parents: dict[Element, Element]) -> bool:
        while element in parents:
            element = parents[element]
            if element.tag in NOT_DEFINING:
                return True
        return False


class ClauseExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "short_link_base": ["", "The site's address: each clause's short link is this plus its id and '/'"],
            # On a right-to-left page an ID keeps its letter before its digits.
            "ltr_ids": [False, "Mark each clause's ID left-to-right (for a right-to-left page)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.registerExtension(self)
        self.md = md
        self.reset()
        # Before the HTML-block stash (20), which would keep the mark as raw HTML.
        md.preprocessors.register(ArchiveMarkPreprocessor(md), "clause-archive-mark", 25)
        # Before inline processing (20), as tasklist: the item's text is still its source.
        processor = ClauseTreeprocessor(md, self.getConfig("short_link_base"), self.getConfig("ltr_ids"))
        md.treeprocessors.register(processor, "clauses", 25)

    def reset(self) -> None:
        self.md.clauses = []  # type: ignore[attr-defined]
        self.md.clause_archive = ""  # type: ignore[attr-defined]


def makeExtension(**kwargs: Any) -> ClauseExtension:  # noqa: N802 - Python-Markdown's name
    return ClauseExtension(**kwargs)


# The extensions the site's pages are written with, as far as finding clauses needs them.
READING_EXTENSIONS = ["attr_list", "md_in_html", "pymdownx.superfences"]


def find(markdown: str) -> list[Clause]:
    """The clauses of a page's (macro-expanded) Markdown, read as the site will render it."""
    md = Markdown(extensions=[*READING_EXTENSIONS, ClauseExtension()])
    md.convert(markdown)
    return list(md.clauses)  # type: ignore[attr-defined]
