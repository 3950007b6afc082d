"""Clauses: list items written `- [C3] words` in a page. Their IDs are written by hand,
never derived from position or wording, so a link to a clause survives any edit."""

from __future__ import annotations

import re
from dataclasses import dataclass

CLAUSE_LINE = re.compile(
    r"^(?P<indent>[ ]*)[-*+][ ]+\[(?P<id>[A-Z]{1,3}[0-9]{1,3})\][ ]+(?P<text>\S.*?)[ ]*$",
    re.MULTILINE,
)
HEADING_LINE = re.compile(r"^(?P<level>#{1,6})[ ]+(?P<title>.+?)[ ]*(?:\{[^}]*\})?[ ]*$")
ATTRIBUTES = re.compile(r"\{[^}]*#(?P<anchor>[\w-]+)[^}]*\}")


class DuplicateClauseError(ValueError):
    """Two clauses share an ID: links to it would be ambiguous."""


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
    section: str
    page: str

    @property
    def anchor(self) -> str:
        return self.id.lower()


def find(markdown: str, page: str) -> list[Clause]:
    """Every clause in a page's Markdown, in order, each with the heading it sits under."""
    clauses: list[Clause] = []
    section = ""
    for line in markdown.splitlines():
        heading = HEADING_LINE.match(line)
        if heading:
            section = heading["title"]
            continue
        clause = CLAUSE_LINE.match(line)
        if clause:
            clauses.append(Clause(clause["id"], clause["text"], section, page))
    return clauses


def check_unique(clauses: list[Clause]) -> None:
    """Fail when an ID is used twice, naming it and where."""
    first: dict[str, Clause] = {}
    for clause in clauses:
        if clause.id in first:
            earlier = first[clause.id]
            raise DuplicateClauseError(
                f"clause ID {clause.id} is used twice: in {earlier.page} "
                f"({earlier.text[:40]!r}…) and in {clause.page} ({clause.text[:40]!r}…)"
            )
        first[clause.id] = clause


def mark_up(markdown: str, id_prefix: str = "") -> str:
    """Give each clause line its id, class and a visible self-link labelled with its ID."""

    def replace(match: re.Match[str]) -> str:
        anchor = id_prefix + match["id"].lower()
        indent = match["indent"]
        return (
            f'{indent}- <a class="clause__id" href="#{anchor}">{match["id"]}</a> {match["text"]}\n'
            f"{indent}  {{: #{anchor} .clause data-clause=\"{match['id']}\" }}"
        )

    return CLAUSE_LINE.sub(replace, markdown)
