"""A translated policy kept honest about the English: each translated clause records the English it
was translated from (`source`, a short hash); one whose English has changed, or that the
translation lacks, shows the current English in its place with a notice."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from macros.clauses import markup
from macros.data.language_file import LanguageFile


def source_hash(english: str) -> str:
    """The short hash a translated clause records of the English it was translated from."""
    return hashlib.sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:12]


CLAUSE_LINE = re.compile(r"^(?P<indent>[ ]*)- \[(?P<id>[A-Z]{1,3}[0-9]{1,3})\][ ]+(?P<text>\S.*)$")


@dataclass(frozen=True)
class Reconciled:
    markdown: str
    # Clause IDs whose translation is out of date (changed in English, or never translated).
    stale: list[str]
    # Translated clauses the English no longer has.
    gone: list[str]


def english_in_place(clause: markup.Clause, notice: str) -> str:
    """A clause whose translation is out of date: the current English, marked as such."""
    return (f'<span lang="en" dir="ltr">{clause.text}</span> '
            f'<span class="translation-updating">{escape(notice)}</span>')


def reconcile(markdown: str, language: LanguageFile, english: Sequence[markup.Clause]) -> Reconciled:
    """The translated policy with every English clause in it, each either translated from the
    current English or shown in English with a notice, in the English order where it is missing."""
    current = {c.id: c for c in english}
    notice = language.text("translation_updating")
    lines = markdown.split("\n")
    stale: list[str] = []
    gone: list[str] = []
    kept: list[str] = []
    at: dict[str, int] = {}
    for line in lines:
        match = CLAUSE_LINE.match(line)
        if not match:
            kept.append(line)
            continue
        clause_id = match["id"]
        if clause_id not in current:
            gone.append(clause_id)
            continue
        recorded = language.clauses.get(clause_id)
        if recorded is None or recorded.source != source_hash(current[clause_id].text):
            stale.append(clause_id)
            line = f"{match['indent']}- [{clause_id}] {english_in_place(current[clause_id], notice)}"
        at[clause_id] = len(kept)
        kept.append(line)
    # Clauses the translation lacks go after the clause the English puts before them.
    for index, clause in enumerate(english):
        if clause.id in at:
            continue
        before = next((at[c.id] for c in reversed(english[:index]) if c.id in at), None)
        after = next((at[c.id] for c in english[index + 1:] if c.id in at), None)
        line = f"- [{clause.id}] {english_in_place(clause, notice)}"
        if before is not None:
            position = before + 1
            kept.insert(position, line)
        elif after is not None:
            position = after
            kept.insert(position, line)
        else:
            kept.extend(["", line])
            position = len(kept) - 1
        at = {k: (v + 1 if v >= position else v) for k, v in at.items()}
        at[clause.id] = position
        stale.append(clause.id)
    order = {c.id: n for n, c in enumerate(english)}
    return Reconciled("\n".join(kept), sorted(stale, key=order.__getitem__), gone)
