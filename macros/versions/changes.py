"""What changed between two texts of the guidance (two approved versions, or one and the
current text): clause by clause, matched by ID, word by word, contacts and responses too."""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from macros.clauses.markup import Clause
from macros.clauses.rules import withdrawal_sentence
from macros.data.model import Withdrawal, number_slug
from macros.versions.archive import Archive

CURRENT = "current"
WORDS = re.compile(r"\S+")


def word_diff(old: str, new: str) -> str:
    """Inline HTML: deleted words in <del>, inserted words in <ins>, each announced in words."""
    before, after = WORDS.findall(old), WORDS.findall(new)
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(before[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(
                f'<del><span class="change-label">deleted: </span>{escape(" ".join(before[i1:i2]))}</del>'
            )
        if tag in ("insert", "replace"):
            parts.append(
                f'<ins><span class="change-label">inserted: </span>{escape(" ".join(after[j1:j2]))}</ins>'
            )
    return " ".join(parts)


@dataclass(frozen=True)
class ClauseChange:
    id: str
    kind: str  # "added", "reworded", "removed", "withdrawn" or "replaced"
    html: str
    note: str = ""  # for a withdrawn or replaced clause: when, why, and by what

    @property
    def in_new_text(self) -> bool:
        return self.kind in ("added", "reworded")


def clause_changes(old: list[Clause], new: list[Clause], withdrawn: Sequence[Withdrawal] = ()) -> list[ClauseChange]:
    """Clause by clause, matched by ID (never by position), in the new text's order; then the
    clauses gone, each as withdrawn or replaced when the data file records why."""
    before = {c.id: c for c in old}
    after = {c.id: c for c in new}
    records = {w.id: w for w in withdrawn}
    changes: list[ClauseChange] = []
    for clause in new:
        if clause.id not in before:
            changes.append(ClauseChange(clause.id, "added", f"<ins>{escape(clause.text)}</ins>"))
        elif before[clause.id].text != clause.text:
            changes.append(ClauseChange(clause.id, "reworded", word_diff(before[clause.id].text, clause.text)))
    for clause in old:
        if clause.id not in after:
            record = records.get(clause.id)
            kind = "removed" if record is None else "replaced" if record.replaced_by else "withdrawn"
            note = withdrawal_sentence(record) if record else ""
            changes.append(ClauseChange(clause.id, kind, f"<del>{escape(clause.text)}</del>", note))
    return changes


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Data as 'contact.email' → value lines, so changes can be listed field by field."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in flatten(item, f"{prefix}{key}.").items()}
    if isinstance(value, list):
        if all(isinstance(item, dict) and "id" in item for item in value):
            return {k: v for item in value for k, v in flatten(item, f"{prefix}{item['id']}.").items()}
        return {k: v for i, item in enumerate(value, 1) for k, v in flatten(item, f"{prefix}{i}.").items()}
    return {prefix.rstrip("."): "" if value is None else str(value)}


FIELD_NAMES = {
    "contact.team": "Contact team",
    "contact.email": "Contact email",
    "contact.email_subject": "Email subject line",
    "contact.phone": "Contact phone",
    "proportionality": "Proportionality statement",
}


def field_name(key: str) -> str:
    if key in FIELD_NAMES:
        return FIELD_NAMES[key]
    if key.startswith("concern_steps."):
        return f"Step after a concern {key.split('.')[1]}"
    if key.startswith("responses."):
        _, rid, field = key.split(".")
        return f"Response {rid}: {'when it applies' if field == 'applies_when' else field}"
    return key


def data_changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    before, after = flatten(old), flatten(new)
    rows = []
    for key in list(after) + [k for k in before if k not in after]:
        if before.get(key, "") != after.get(key, ""):
            rows.append((field_name(key), word_diff(before.get(key, ""), after.get(key, ""))))
    return rows


@dataclass(frozen=True)
class Text:
    """One side of a comparison: an approved version, or the current text."""

    slug: str  # "1.1", or CURRENT
    name: str  # "version 1.1", or "the current text"
    clauses: list[Clause]
    data: dict[str, Any]
    url: str  # where it is read, from the site's root: "versions/1.1/", "policy/"
    anchor_prefix: str  # what its clause ids start with: "v1-1-", or ""


def texts(archives: Sequence[Archive], current: Sequence[Clause], current_data: dict[str, Any],
          policy_url: str) -> list[Text]:
    """Every approved version, oldest first, then the current text."""
    versions = [
        Text(a.version.number, f"version {a.version.number}", a.clauses, a.data,
             f"versions/{a.version.number}/", f"v{number_slug(a.version.number)}-")
        for a in archives
    ]
    return [*versions, Text(CURRENT, "the current text", list(current), current_data, policy_url, "")]


def pair_slug(old: str, new: str) -> str:
    """The comparison's address under versions/changes/: 1.0...1.2, 1.2...current."""
    return f"{old}...{new}"


def comparison_html(old: Text, new: Text, withdrawn: list[Withdrawal], root: str, level: int = 2) -> str:
    """The changes from `old` to `new`; `root` leads from the page to the site's root, and
    `level` is the rank of the heading over the contact changes, so no rank is skipped."""
    changes = clause_changes(old.clauses, new.clauses, withdrawn)
    rows = data_changes(old.data, new.data)
    parts = []
    if not changes and not rows:
        parts.append("<p>No changes.</p>")
    if changes:
        parts.append('<ul class="changes">')
        for change in changes:
            side = new if change.in_new_text else old
            link = f'<a href="{escape(root + side.url)}#{side.anchor_prefix}{change.id.lower()}">{change.id}</a>'
            note = f' <span class="change__note">{escape(change.note)}</span>' if change.note else ""
            parts.append(
                f'<li class="change change--{change.kind}"><span class="change__id">{link}</span> '
                f'<span class="change__kind">{change.kind.capitalize()}</span> '
                f'<span class="change__text">{change.html}</span>{note}</li>'
            )
        parts.append("</ul>")
    if rows:
        parts.append(f'<h{level}>Contact details and responses</h{level}><ul class="changes">')
        parts.extend(f'<li class="change"><span class="change__kind">{escape(name)}</span> '
                     f'<span class="change__text">{html}</span></li>' for name, html in rows)
        parts.append("</ul>")
    return "".join(parts)


def change_anchor(old: str, new: str) -> str:
    return f"from-{number_slug(old)}-to-{number_slug(new)}"


def span(old: Text, new: Text) -> str:
    """"from version 1.0 to the current text"."""
    return f"from {old.name} to {new.name}"


def neighbours_html(sides: list[Text], withdrawn: list[Withdrawal]) -> str:
    """The changes page (versions/changes/): each version against the next, newest first,
    starting with the latest against the current text."""
    if len(sides) < 2:
        return "<p>No approved version has been recorded yet.</p>"
    parts = []
    for old, new in itertools.pairwise(sides):
        anchor = CURRENT if new.slug == CURRENT else change_anchor(old.slug, new.slug)
        parts.append(f'<h2 id="{anchor}">{escape(span(old, new).capitalize())}</h2>'
                     f"{comparison_html(old, new, withdrawn, '../../', level=3)}")
    return "".join(reversed(parts))


@dataclass(frozen=True)
class Made:
    """A page to make: where, from the site's root (`versions/changes/1.0...1.2/`), and what it says.

    `body` is the article's HTML, its one `<h1 id="…">` included, with links relative to `path`;
    the finishing step frames it in a built page (macros/finishing/frame.py).
    """

    path: str
    title: str
    description: str
    body: str


def pair_pages(sides: list[Text], withdrawn: list[Withdrawal], banner: str) -> list[Made]:
    """A page for every pair of texts, older first in the address; `banner` (the draft banner,
    or nothing) heads each."""
    pages = []
    for index, old in enumerate(sides):
        for new in sides[index + 1 :]:
            heading = f"Changes {span(old, new)}"
            path = f"versions/changes/{pair_slug(old.slug, new.slug)}/"
            body = (
                f"{banner}<h1 id=\"changes\">{escape(heading)}</h1>"
                "<p>Clauses are matched by their ID. Deleted words are struck through and inserted words "
                "are underlined; a screen reader announces each as deleted or inserted.</p>"
                f'<p>Read <a href="../../../{old.url}">{escape(old.name)}</a> or '
                f'<a href="../../../{new.url}">{escape(new.name)}</a> in full.</p>'
                f"{comparison_html(old, new, withdrawn, '../../../')}"
                '<p class="pair-links"><a href="../../">Version history</a> · '
                '<a href="../">Changes between neighbouring versions</a></p>'
            )
            # The point in the first sentence: a messaging app shows only the first 80 characters or so.
            description = (f"What changed in the guidance {span(old, new)}. Clause by clause and word by word, "
                           "including contact details and the school's responses.")
            pages.append(Made(path, heading, description, body))
    return pages
