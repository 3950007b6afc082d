"""Approved versions: frozen copies checked against their recorded hashes, the version in
force, review dates, the draft state (derived, never typed) and word-by-word changes."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import yaml

from macros.clause_markup import Clause, find, number_slug
from macros.clauses import long_date
from macros.model import SchoolData, Version

ARCHIVE_DIR = "versions"
NOT_RECORDED = "not recorded"


class ArchiveError(ValueError):
    """An archived copy is missing or no longer matches the hash recorded when it was approved."""


@dataclass(frozen=True)
class Archive:
    version: Version
    body: str
    data: dict[str, Any]

    @property
    def clauses(self) -> list[Clause]:
        return find(self.body)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def archive_path(docs_dir: Path, number: str) -> Path:
    return docs_dir / ARCHIVE_DIR / f"{number}.md"


def pdf_path(docs_dir: Path, number: str) -> Path:
    return docs_dir / ARCHIVE_DIR / f"{number}.pdf"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not match:
        return {}, text
    return yaml.safe_load(match[1]) or {}, match[2]


def load_archives(docs_dir: Path, data: SchoolData) -> list[Archive]:
    """Every recorded version's frozen copy, after checking it (and its PDF) against its hash."""
    archives = []
    for version in data.versions:
        path = archive_path(docs_dir, version.number)
        if not path.is_file():
            raise ArchiveError(f"version {version.number}: the archived copy {path} is missing")
        if sha256(path) != version.sha256:
            raise ArchiveError(
                f"version {version.number}: {path} does not match the SHA-256 recorded in the data file "
                f"(recorded {version.sha256}, found {sha256(path)}): the approved copy has been changed"
            )
        pdf = pdf_path(docs_dir, version.number)
        if version.pdf_sha256 is not None and (not pdf.is_file() or sha256(pdf) != version.pdf_sha256):
            raise ArchiveError(f"version {version.number}: {pdf} is missing or does not match its recorded SHA-256")
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        archives.append(Archive(version, body, meta.get("data", {})))
    return archives


def data_snapshot(data: SchoolData) -> dict[str, Any]:
    """What an archive keeps of the data file: the contacts and the ladder as they were."""
    return data.model_dump(mode="json", include={"contact", "concern_steps", "responses", "proportionality"})


def normalise(body: str) -> str:
    return "\n".join(line.rstrip() for line in body.strip().splitlines())


def is_draft(current_body: str, current_data: dict[str, Any], archives: list[Archive]) -> bool:
    """The text differs from the latest approved version (no approved version: draft)."""
    if not archives:
        return True
    latest = archives[-1]
    return normalise(current_body) != normalise(latest.body) or current_data != latest.data


def describe(value: object) -> str:
    if isinstance(value, dt.date):
        return long_date(value)
    return str(value) if value else NOT_RECORDED


def approved_by(version: Version) -> str:
    """"Full Governing Body (minute FGB/2027/04)", or "not recorded"."""
    return describe(version.approved_by) + (f" (minute {version.minute_ref})" if version.minute_ref else "")


def approval_line(version: Version) -> str:
    if version.approved_on is None and version.approved_by is None:
        return f"Approval: {NOT_RECORDED}"
    return f"Approved by {approved_by(version)} on {describe(version.approved_on)}"


def review_status(version: Version, today: dt.date) -> tuple[str, bool]:
    """The review line, and whether the review is overdue."""
    if version.next_review is None:
        return "No review date is recorded.", False
    if version.next_review < today:
        return f"The review was due on {long_date(version.next_review)} and is overdue.", True
    return f"Next review: {long_date(version.next_review)}.", False


def panel_html(archives: list[Archive], today: dt.date, history_url: str) -> str:
    """The compact 'version in force' panel on the policy page (printed too)."""
    if not archives:
        return (
            '<aside class="version-panel" aria-label="Version">'
            "<p>No version of this guidance has been recorded as approved.</p></aside>"
        )
    version = archives[-1].version
    review, overdue = review_status(version, today)
    effective = f" · In force from {describe(version.effective_from)}" if version.effective_from else ""
    css = "version-panel version-panel--overdue" if overdue else "version-panel"
    return (
        f'<aside class="{css}" aria-label="Version in force">'
        f'<p><strong>Version {escape(version.number)}</strong>{escape(effective)}</p>'
        f"<p>{escape(approval_line(version))}</p>"
        f'<p class="version-panel__review">{"<strong>Review overdue:</strong> " if overdue else ""}{escape(review)}</p>'
        f'<p class="version-panel__history"><a href="{escape(history_url)}">Version history</a></p>'
        "</aside>"
    )


def draft_banner_html(changes_url: str) -> str:
    return (
        '<div class="draft-banner" role="note">'
        "<p><strong>This text includes changes not yet approved by the governors.</strong> "
        f'<a href="{escape(changes_url)}">See the changes</a></p></div>'
    )


def not_yet_approved_html(history_url: str) -> str:
    """Before the first approval there is nothing to compare with: say so, and where approvals will show."""
    return (
        '<div class="draft-banner" role="note">'
        "<p><strong>This guidance has not yet been approved by the governors.</strong> "
        f'<a href="{escape(history_url)}">Version history</a></p></div>'
    )


# ---- Word-by-word changes ----

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
    kind: str  # "added", "removed" or "reworded"
    html: str


def clause_changes(old: list[Clause], new: list[Clause]) -> list[ClauseChange]:
    """Clause by clause, matched by ID (never by position), in the new text's order."""
    before = {c.id: c for c in old}
    after = {c.id: c for c in new}
    changes: list[ClauseChange] = []
    for clause in new:
        if clause.id not in before:
            changes.append(ClauseChange(clause.id, "added", f"<ins>{escape(clause.text)}</ins>"))
        elif before[clause.id].text != clause.text:
            changes.append(ClauseChange(clause.id, "reworded", word_diff(before[clause.id].text, clause.text)))
    for clause in old:
        if clause.id not in after:
            changes.append(ClauseChange(clause.id, "removed", f"<del>{escape(clause.text)}</del>"))
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


def comparison_html(title: str, anchor: str, old: Archive, new_clauses: list[Clause],
                    new_data: dict[str, Any], policy_url: str) -> str:
    changes = clause_changes(old.clauses, new_clauses)
    rows = data_changes(old.data, new_data)
    parts = [f'<h2 id="{anchor}">{escape(title)}</h2>']
    if not changes and not rows:
        parts.append("<p>No changes.</p>")
    if changes:
        parts.append('<ul class="changes">')
        for change in changes:
            link = (f'<a href="{escape(policy_url)}#{change.id.lower()}">{change.id}</a>'
                    if change.kind != "removed" else change.id)
            parts.append(
                f'<li class="change change--{change.kind}"><span class="change__id">{link}</span> '
                f'<span class="change__kind">{change.kind.capitalize()}</span> '
                f'<span class="change__text">{change.html}</span></li>'
            )
        parts.append("</ul>")
    if rows:
        parts.append('<h3>Contact details and responses</h3><ul class="changes">')
        parts.extend(f'<li class="change"><span class="change__kind">{escape(name)}</span> '
                     f'<span class="change__text">{html}</span></li>' for name, html in rows)
        parts.append("</ul>")
    return "".join(parts)


def history_html(archives: list[Archive], draft: bool, changes_url: str, docs_dir: Path) -> str:
    """Every version, newest first, with its approval record and links."""
    if not archives:
        return "<p>No approved version has been recorded yet.</p>"
    parts = []
    if draft:
        parts.append(
            f'<p>The current text has changes not yet approved: <a href="{changes_url}#current">see them</a>.</p>'
        )
    for index in range(len(archives) - 1, -1, -1):
        version = archives[index].version
        links = [f'<a href="{version.number}/">Read version {version.number} as approved</a>']
        if pdf_path(docs_dir, version.number).is_file():
            links.append(f'<a href="{version.number}.pdf">PDF of version {version.number}</a>')
        if index > 0:
            links.append(f'<a href="{changes_url}#{change_anchor(archives[index - 1].version.number, version.number)}">'
                         f"Changes from version {archives[index - 1].version.number}</a>")
        heading_id = f"version-{number_slug(version.number)}"
        parts.append(
            f'<section class="version" aria-labelledby="{heading_id}">'
            f'<h2 id="{heading_id}">Version {escape(version.number)}'
            f'{" (in force)" if index == len(archives) - 1 else ""}</h2>'
            "<dl>"
            f"<dt>Approved by</dt><dd>{escape(approved_by(version))}</dd>"
            f"<dt>Approved on</dt><dd>{escape(describe(version.approved_on))}</dd>"
            f"<dt>In force from</dt><dd>{escape(describe(version.effective_from))}</dd>"
            f"<dt>Next review</dt><dd>{escape(describe(version.next_review))}</dd>"
            f"<dt>Changes</dt><dd>{escape(version.summary)}</dd>"
            "</dl>"
            f'<ul>{"".join(f"<li>{link}</li>" for link in links)}</ul></section>'
        )
    return "".join(parts)


def change_anchor(old: str, new: str) -> str:
    return f"from-{number_slug(old)}-to-{number_slug(new)}"


def archive_notice_html(number: str, policy_url: str) -> str:
    return (
        '<div class="archive-notice" role="note">'
        f"<p><strong>This is version {escape(number)} of the guidance, kept exactly as it was recorded. "
        "It is not the current version.</strong> "
        f'<a href="{escape(policy_url)}">Read the current guidance</a></p></div>'
    )


def after_title(markdown: str, html: str) -> str:
    """Insert HTML straight after the page's `# Title` line."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", html, ""] + lines[index + 1 :])
    return html + "\n\n" + markdown
