"""Where each approved version stands on the day of the build, and how the site says so:
the policy page's panel, the version history, the archived page's notice and approval
record, and the draft state (derived from the text, never typed). The panel and the banners
are in the page's language (its file's strings and month names); the rest is for staff and
governors, in English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Protocol

from macros.common.dates import long_date
from macros.data.model import Version, number_slug
from macros.versions.archive import Archive, pdf_path
from macros.versions.changes import CURRENT, pair_slug

NOT_RECORDED = "not recorded"
IN_FORCE, COMING, REPLACED = "in force", "not yet in force", "replaced"
# The panel's and the banners' words in English, named as a language file names its own.
ENGLISH_WORDS = {
    "version_panel_label": "Version",
    "version_number": "Version {number}",
    "in_force_since": "In force since {date}.",
    "in_force_undated": "In force (the date it came into force is not recorded).",
    "coming_into_force": "Approved on {approved}, comes into force on {effective}.",
    "replaced_by_on": "Replaced by version {number} on {date}.",
    "replaced_by": "Replaced by version {number}.",
    "until_then_in_force": "Until then, version {number} is in force.",
    "approval_not_recorded": f"Approval: {NOT_RECORDED}",
    "approved_by_on": "Approved by {who} on {date}",
    "minute_reference": "(minute {ref})",
    "not_recorded": NOT_RECORDED,
    "no_review_date": "No review date is recorded.",
    "review_was_due": "The review was due on {date} and is overdue.",
    "next_review": "Next review: {date}.",
    "review_overdue": "Review overdue:",
    "version_history": "Version history",
    "no_version_approved": "No version of this guidance has been recorded as approved.",
    "not_yet_approved": "This guidance has not yet been approved by the governors.",
    "draft_banner": "This text includes changes not yet approved by the governors.",
    "see_the_changes": "See the changes",
}


class Wording(Protocol):
    """The language the panel and banners are written in: a language file is one."""

    @property
    def language(self) -> str: ...

    def text(self, key: str, **names: str) -> str: ...

    def long_date(self, day: dt.date) -> str: ...


@dataclass(frozen=True)
class English:
    language: str = "en"

    def text(self, key: str, **names: str) -> str:
        return ENGLISH_WORDS[key].format(**names)

    def long_date(self, day: dt.date) -> str:
        return long_date(day)


ENGLISH = English()


def normalise(body: str) -> str:
    return "\n".join(line.rstrip() for line in body.strip().splitlines())


def is_draft(current_body: str, current_data: dict[str, Any], archives: Sequence[Archive]) -> bool:
    """The text differs from the latest approved version (no approved version: draft)."""
    if not archives:
        return True
    latest = archives[-1]
    return normalise(current_body) != normalise(latest.body) or current_data != latest.data


def describe(value: object, words: Wording = ENGLISH) -> str:
    if isinstance(value, dt.date):
        return words.long_date(value)
    return str(value) if value else words.text("not_recorded")


def approved_by(version: Version, words: Wording = ENGLISH) -> str:
    """"Full Governing Body (minute FGB/2027/04)", or "not recorded"."""
    minute = " " + words.text("minute_reference", ref=version.minute_ref) if version.minute_ref else ""
    return describe(version.approved_by, words) + minute


def approval_html(version: Version, words: Wording = ENGLISH) -> str:
    """Who approved it and when; in another language, the governors' own (English) words marked so."""
    if version.approved_on is None and version.approved_by is None:
        return escape(words.text("approval_not_recorded"))
    who = escape(approved_by(version, words))
    if version.approved_by and words.language != "en":
        who = f'<span lang="en" dir="ltr">{who}</span>'
    return escape(words.text("approved_by_on", who="{who}", date=describe(version.approved_on, words))).replace(
        "{who}", who)


def review_status(version: Version, today: dt.date, words: Wording = ENGLISH) -> tuple[str, bool]:
    """The review line, and whether the review is overdue."""
    if version.next_review is None:
        return words.text("no_review_date"), False
    if version.next_review < today:
        return words.text("review_was_due", date=words.long_date(version.next_review)), True
    return words.text("next_review", date=words.long_date(version.next_review)), False


def comes_into_force(version: Version) -> dt.date | None:
    """The day it takes effect: the day recorded, else the day it was approved."""
    return version.effective_from or version.approved_on


@dataclass(frozen=True)
class Standing:
    """Where one version stands on a given day."""

    version: Version
    state: str  # IN_FORCE, COMING or REPLACED
    in_force: Version | None  # the version in force that day (None before the first)
    successor: Version | None  # for REPLACED: the version that replaced it


def standings(versions: Sequence[Version], today: dt.date) -> list[Standing]:
    """Each version on `today`, oldest first. The version in force is the latest to have come
    into force; one with no dates recorded has been in force since before the record began."""
    started = [i for i, v in enumerate(versions) if (comes_into_force(v) or dt.date.min) <= today]
    current = started[-1] if started else -1
    in_force = versions[current] if started else None
    result = []
    for index, version in enumerate(versions):
        if index == current:
            result.append(Standing(version, IN_FORCE, in_force, None))
        elif index < current:
            result.append(Standing(version, REPLACED, in_force, versions[index + 1]))
        else:
            result.append(Standing(version, COMING, in_force, None))
    return result


def standing_sentence(standing: Standing, words: Wording = ENGLISH) -> str:
    """"In force since 1 February 2027.", "Approved on …, comes into force on ….", "Replaced by …"."""
    version = standing.version
    if standing.state == IN_FORCE:
        since = comes_into_force(version)
        if since:
            return words.text("in_force_since", date=words.long_date(since))
        return words.text("in_force_undated")
    if standing.state == COMING:
        return words.text("coming_into_force", approved=describe(version.approved_on, words),
                          effective=describe(comes_into_force(version), words))
    assert standing.successor is not None
    when = comes_into_force(standing.successor)
    number = standing.successor.number
    if when:
        return words.text("replaced_by_on", number=number, date=words.long_date(when))
    return words.text("replaced_by", number=number)


def record_rows(version: Version) -> list[tuple[str, str]]:
    """The approval record, field by field, as the history and the archived copy show it."""
    return [
        ("Approved on", describe(version.approved_on)),
        ("Approved by", describe(version.approved_by)),
        ("Minute reference", describe(version.minute_ref)),
        ("In force from", describe(comes_into_force(version))),
        ("Next review", describe(version.next_review)),
        ("Summary", version.summary),
    ]


def definitions(rows: list[tuple[str, str]]) -> str:
    return "".join(f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in rows)


def record_html(version: Version) -> str:
    """The archived copy's approval record, with the copy's own SHA-256, on screen and on paper."""
    return (
        '<section class="version-record" aria-label="Approval record">'
        '<p class="version-record__title"><strong>Approval record</strong></p><dl>'
        f"{definitions([('Version', version.number), *record_rows(version)])}"
        f'<dt>SHA-256 of this archived copy</dt><dd><code class="version-record__hash">{version.sha256}</code></dd>'
        "</dl></section>"
    )


def staff_link(url: str, key: str, words: Wording) -> str:
    """A link to a page for staff and governors: in another language, said to be in English."""
    if words.language == "en":
        return f'<a href="{escape(url)}">{escape(words.text(key))}</a>'
    return (f'<a href="{escape(url)}" hreflang="en">{escape(words.text(key))}</a> '
            f'{escape(words.text("english_page"))}')


def panel_html(archives: Sequence[Archive], today: dt.date, history_url: str, words: Wording = ENGLISH) -> str:
    """The compact panel on the policy page (printed too): the latest approved version and
    where it stands today."""
    label = escape(words.text("version_panel_label"))
    if not archives:
        return (
            f'<aside class="version-panel" aria-label="{label}">'
            f"<p>{escape(words.text('no_version_approved'))}</p></aside>"
        )
    standing = standings([a.version for a in archives], today)[-1]
    version = standing.version
    review, overdue = review_status(version, today, words)
    state = ("" if standing.state == IN_FORCE and comes_into_force(version) is None
             else standing_sentence(standing, words))
    if standing.state == COMING and standing.in_force is not None:
        state += " " + words.text("until_then_in_force", number=standing.in_force.number)
    css = "version-panel version-panel--overdue" if overdue else "version-panel"
    number = escape(words.text("version_number", number=version.number))
    late = f"<strong>{escape(words.text('review_overdue'))}</strong> " if overdue else ""
    return (
        f'<aside class="{css}" aria-label="{label}">'
        f'<p><strong>{number}</strong>{" · " + escape(state) if state else ""}</p>'
        f"<p>{approval_html(version, words)}</p>"
        f"<p>{late}{escape(review)}</p>"
        f'<p class="version-panel__history">{staff_link(history_url, "version_history", words)}</p>'
        "</aside>"
    )


def not_yet_approved_html(history_url: str, words: Wording = ENGLISH) -> str:
    """Before the first approval there is nothing to compare with: say so, and where approvals will show."""
    return (
        '<div class="draft-banner" role="note">'
        f"<p><strong>{escape(words.text('not_yet_approved'))}</strong> "
        f"{staff_link(history_url, 'version_history', words)}</p></div>"
    )


def draft_banner_html(changes_url: str, words: Wording = ENGLISH) -> str:
    return (
        '<div class="draft-banner" role="note">'
        f"<p><strong>{escape(words.text('draft_banner'))}</strong> "
        f"{staff_link(changes_url, 'see_the_changes', words)}</p></div>"
    )


def compare_links(numbers: list[str], index: int, changes_url: str) -> str:
    """Links from one version to its comparison with every other version and the current text."""
    others = [(i, n) for i, n in enumerate(numbers) if i != index] + [(len(numbers), CURRENT)]
    links = []
    for other, number in others:
        slug = pair_slug(numbers[index], number) if other > index else pair_slug(number, numbers[index])
        label = "the current text" if number == CURRENT else f"version {number}"
        links.append(f'<a href="{changes_url}{slug}/">{escape(label)}</a>')
    return f'<p class="version__compare">Compare version {escape(numbers[index])} with: {", ".join(links)}</p>'


def history_html(archives: Sequence[Archive], draft: bool, today: dt.date, docs_dir: Path) -> str:
    """Every version, newest first: where it stands today, its approval record and links to
    its copy, its PDF and its comparison with every other version (all from versions/)."""
    if not archives:
        return "<p>No approved version has been recorded yet.</p>"
    numbers = [a.version.number for a in archives]
    parts = ['<p class="version-feed"><a href="feed.xml" type="application/atom+xml">'
             "New versions as a feed (Atom), for a feed reader</a></p>"]
    if draft:
        parts.append(f'<p>The current text has changes not yet approved: '
                     f'<a href="changes/{pair_slug(numbers[-1], CURRENT)}/">see them</a>.</p>')
    for index, standing in reversed(list(enumerate(standings([a.version for a in archives], today)))):
        version = standing.version
        links = [f'<a href="{version.number}/">Read version {version.number} as approved</a>']
        if pdf_path(docs_dir, version.number).is_file():
            links.append(f'<a href="{version.number}.pdf">PDF of version {version.number}</a>')
        if index > 0:
            links.append(f'<a href="changes/{pair_slug(numbers[index - 1], version.number)}/">'
                         f"Changes from version {numbers[index - 1]}</a>")
        heading_id = f"version-{number_slug(version.number)}"
        parts.append(
            f'<section class="version" aria-labelledby="{heading_id}">'
            f'<h2 id="{heading_id}">Version {escape(version.number)} ({standing.state})</h2>'
            f'<p class="version__standing">{escape(standing_sentence(standing))}</p>'
            f"<dl>{definitions(record_rows(version))}</dl>"
            f'<ul>{"".join(f"<li>{link}</li>" for link in links)}</ul>'
            f"{compare_links(numbers, index, 'changes/')}</section>"
        )
    return "".join(parts)


def archive_notice_html(archives: Sequence[Archive], number: str, today: dt.date, draft: bool,
                        policy_url: str) -> str:
    """What an archived copy says above its text, as of `today`: whether it is the version in
    force, not yet in force, or replaced (by which version, when). Links are from versions/<n>/."""
    numbers = [a.version.number for a in archives]
    every = standings([a.version for a in archives], today)
    standing = every[numbers.index(number)]
    said = [f"This is version {escape(number)} of the guidance, kept exactly as it was approved."]
    more = []
    if standing.state == IN_FORCE:
        since = comes_into_force(standing.version)
        said.append(f"It is the version in force{f' since {long_date(since)}' if since else ''}.")
        for coming in (s for s in every if s.state == COMING):
            more.append(f"Version {escape(coming.version.number)} was approved on "
                        f"{describe(coming.version.approved_on)} and comes into force on "
                        f"{describe(comes_into_force(coming.version))}: "
                        f'<a href="../changes/{pair_slug(number, coming.version.number)}/">see what will change</a>.')
    elif standing.state == COMING:
        said.append(escape(standing_sentence(standing)))
        if standing.in_force is not None:
            more.append(f'Until then, <a href="../{standing.in_force.number}/">version '
                        f"{escape(standing.in_force.number)}</a> is in force.")
    else:
        assert standing.successor is not None
        when = comes_into_force(standing.successor)
        said.append(f"It is not the version in force: version {escape(standing.successor.number)} replaced it"
                    f"{f' on {long_date(when)}' if when else ''}.")
        more.append(f'<a href="../changes/{pair_slug(number, standing.successor.number)}/">See what changed</a>.')
        if standing.in_force is not None and standing.in_force != standing.successor:
            more.append(f'The version in force is <a href="../{standing.in_force.number}/">version '
                        f"{escape(standing.in_force.number)}</a>.")
    if draft:
        more.append("The current text has changes not yet approved by the governors: "
                    f'<a href="../changes/{pair_slug(numbers[-1], CURRENT)}/">see them</a>.')
    elif number == numbers[-1]:
        more.append("The current text is the same as this version.")
    more.append(f'<a href="{escape(policy_url)}">Read the current guidance</a>')
    return (
        '<div class="archive-notice" role="note">'
        f"<p><strong>{' '.join(said)}</strong> {' '.join(more)}</p></div>"
    )


def after_title(markdown: str, html: str) -> str:
    """Insert HTML straight after the page's `# Title` line."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: index + 1] + ["", html, ""] + lines[index + 1 :])
    return html + "\n\n" + markdown
