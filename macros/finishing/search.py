"""Make Material's search index clause-aware: one entry per clause, landing on the clause."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from macros.clauses.markup import Clause
from macros.finishing import html_edit


def clause_entry(clause: Clause, page_url: str) -> dict[str, Any]:
    """An index entry whose location carries the clause's id, so choosing it lands there.

    The ID is also a tag, which Material weighs above titles, so "C3" finds C3 first.
    """
    return {
        "location": f"{page_url}#{clause.anchor}",
        "title": f"{clause.id} · {clause.section}",
        "text": f"<p>{clause.text}</p>",
        "tags": [clause.id],
    }


def without_clauses(text: str, clauses: Sequence[Clause]) -> str:
    """A section's text less its clauses, so a clause's words find the clause, not its section."""
    for clause in clauses:
        text = text.replace(clause.text, "")
    return text


def add_clauses(index: dict[str, Any], clauses: Sequence[Clause], page_url: str) -> dict[str, Any]:
    """Insert clause entries after their page's own entries, which no longer carry the clauses."""
    docs = [
        {**d, "text": without_clauses(d["text"], clauses)} if d["location"].startswith(page_url) else d
        for d in index["docs"]
    ]
    entries = [clause_entry(c, page_url) for c in clauses]
    last_of_page = max(
        (i for i, d in enumerate(docs) if d["location"].split("#")[0] == page_url), default=len(docs) - 1
    )
    return {**index, "docs": docs[: last_of_page + 1] + entries + docs[last_of_page + 1 :]}


INDEX = "search/search_index.json"
FULL_INDEX = "search/search_index.full.json"
LOADER = "assets/javascripts/workers/search-loader.js"
WORKERS = "assets/javascripts/workers/"
WORKER_NAME = re.compile(r"search\.[0-9a-f]+\.min\.js")


def stub_index(index: dict[str, Any], folder: str = "") -> dict[str, Any]:
    """What Material fetches on every page: the settings, no documents, and where the loader finds
    them, from its own folder. Material hands the settings to the loader as they are; so every
    language's pages start the one loader at one address, which a browser fetches once, and
    `folder` says whose index it is ("pl/"; "" for the English)."""
    return {"config": {**index["config"], "full_index": f"../../../{folder}{FULL_INDEX}"}, "docs": []}


def point_to_loader(html: str) -> str:
    """Swap Material's worker for the loader in the page's settings (`<script id="__config">`),
    telling it where Material's is. A page without the settings, or already swapped, is left alone."""
    config = html_edit.first(html, "script", id="__config")
    if config is None:
        return html
    text = config.inner(html)
    worker = json.loads(text).get("search", "")
    base, _, name = worker.rpartition(WORKERS)
    if not WORKER_NAME.fullmatch(name):
        return html
    swapped = f"{base}{LOADER}?worker={name}"
    old, new = json.dumps(worker), json.dumps(swapped)
    if text.count(old) != 1:
        raise ValueError(f"the page's search setting {old} is not written once in its settings")
    edits = html_edit.Edits()
    edits.replace(config.open_end, config.close_start, text.replace(old, new))
    return edits.apply(html)


def write_indexes(site_dir: Path, clauses: Sequence[Clause], page_url: str, folder: str = "") -> None:
    """Make Material's index clause-aware and move it behind the loader, leaving Material a stub
    (`folder`: a language's, as for `stub_index`). Each page is pointed at the loader by
    `point_to_loader`."""
    path = site_dir / INDEX
    index = add_clauses(json.loads(path.read_text(encoding="utf-8")), clauses, page_url)
    for target, content in ((site_dir / FULL_INDEX, index), (path, stub_index(index, folder))):
        target.write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
