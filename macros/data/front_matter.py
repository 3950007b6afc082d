"""A page's front matter: the one way every part of the site reads it (MkDocs' own reader)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.utils.meta import get_data


@dataclass(frozen=True)
class Page:
    """A Markdown file split: its front matter, its Markdown, and the file line the Markdown starts on."""

    meta: dict[str, Any]
    body: str
    first_line: int


def split(source: str) -> Page:
    body, meta = get_data(source)
    first_line = source[: len(source) - len(body)].count("\n") + 1 if source.endswith(body) else 1
    return Page(meta, body, first_line)
