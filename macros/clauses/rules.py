"""Clauses across the site: list items written `- [C3] words` (found and marked up by
macros/clauses/markup.py). Their IDs are written by hand, never derived from position or
wording, so a link to a clause survives any edit."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from macros.clauses.markup import Clause
from macros.common.dates import long_date
from macros.data.model import Withdrawal


class DuplicateClauseError(ValueError):
    """Two clauses share an ID: links to it would be ambiguous."""


def check_unique(found: list[tuple[str, Clause]]) -> None:
    """Fail when an ID is used twice, naming it and where. `found` pairs each clause with its page."""
    first: dict[str, tuple[str, Clause]] = {}
    for page, clause in found:
        if clause.id in first:
            earlier_page, earlier = first[clause.id]
            raise DuplicateClauseError(
                f"clause ID {clause.id} is used twice: in {earlier_page} "
                f"({earlier.text[:40]!r}…) and in {page} ({clause.text[:40]!r}…)"
            )
        first[clause.id] = (page, clause)


class BrokenLinkError(ValueError):
    """A clause that has been published is gone without a recorded withdrawal."""


def check_published(current: list[Clause], published: set[str], withdrawn: dict[str, str | None]) -> None:
    """Every published ID must still be in the text, or be recorded as withdrawn.

    `withdrawn` maps a withdrawn ID to the ID replacing it, if any.
    """
    ids = {c.id for c in current}
    missing = sorted(published - ids - set(withdrawn))
    if missing:
        raise BrokenLinkError(
            f"published clause(s) {', '.join(missing)} missing from the current text: links to them "
            "would break. Put the clause back, or record it under `withdrawn:` in the data file "
            "with the date, a reason and, if there is one, the clause that replaces it."
        )
    for gone, replacement in withdrawn.items():
        if gone in ids:
            raise BrokenLinkError(f"clause {gone} is recorded as withdrawn but is still in the text")
        if replacement is not None and replacement not in ids:
            raise BrokenLinkError(f"clause {gone} is replaced by {replacement}, which is not in the text")


def sections(found: Sequence[Clause]) -> list[tuple[str, list[Clause]]]:
    """Clauses grouped by the heading they sit under, in order."""
    grouped: list[tuple[str, list[Clause]]] = []
    for clause in found:
        if not grouped or grouped[-1][0] != clause.section:
            grouped.append((clause.section, []))
        grouped[-1][1].append(clause)
    return grouped


def index_html(found: Sequence[Clause], policy_url: str, site_url: str, page_prefix: str) -> str:
    """The staff reference: each clause's ID, words and short link, linking to the clause.

    It carries no clause ids of its own: those stay on the policy page.
    """
    example = f"{site_url}{found[0].anchor}/" if found else site_url
    parts: list[str] = [
        f'<p class="clause-index__pattern">Every short link is the site address followed by the clause ID: '
        f"<strong>{escape(site_url)}</strong><em>id</em>/, for example {escape(example)}</p>",
        # Filled by site.js with the controls to copy several clauses at once; sized in site.css.
        '<div class="clause-picker" data-clause-picker></div>',
    ]
    for section, members in sections(found):
        # Left out of search: the policy page's own clause entries answer those searches.
        parts.append(
            f'<h2 class="clause-index__section">{escape(section)}</h2>'
            '<ul class="clause-index" data-search-exclude>'
        )
        for clause in members:
            short = f"{site_url}{clause.anchor}/"
            parts.append(
                f'<li class="clause-ref" data-link="{escape(short)}" data-clause="{clause.id}">'
                f'<a class="clause-ref__id" href="{escape(policy_url)}#{clause.anchor}">{clause.id}</a>'
                f'<span class="clause-ref__text">{escape(clause.text)}</span>'
                f'<a class="clause-ref__short" href="{page_prefix}{clause.anchor}/">{escape(short)}</a></li>'
            )
        parts.append("</ul>")
    return "".join(parts)


WHATSAPP_LIMIT = 2048


def whatsapp_text(heading: str, found: list[Clause], link: str) -> str:
    """Plain text in WhatsApp's format: a *bold* heading, one clause a line, then the link."""
    lines = [f"*{heading}*", *(f"{c.id} {c.text}" for c in found), link]
    text = "\n".join(lines)
    if len(text) > WHATSAPP_LIMIT:
        raise ValueError(f"the WhatsApp rules are {len(text)} characters, over the {WHATSAPP_LIMIT} that fit")
    return text


def withdrawal_sentence(gone: Withdrawal) -> str:
    sentence = f"Clause {gone.id} was withdrawn on {long_date(gone.withdrawn_on)}. {gone.reason}"
    if gone.replaced_by:
        sentence += f" It is replaced by clause {gone.replaced_by}."
    return sentence


def withdrawn_html(withdrawn: list[Withdrawal], policy_url: str) -> str:
    """One entry per withdrawn clause, carrying its old id so its links still land."""
    if not withdrawn:
        return "<p>No clause has been withdrawn.</p>"
    parts = []
    for gone in withdrawn:
        replacement = (
            f'<p>Replaced by <a href="{escape(policy_url)}#{gone.replaced_by.lower()}">'
            f"clause {gone.replaced_by}</a>.</p>"
            if gone.replaced_by
            else "<p>It has no replacement.</p>"
        )
        parts.append(
            f'<section class="withdrawn" id="{gone.anchor}" aria-labelledby="{gone.anchor}-title">'
            f'<h2 id="{gone.anchor}-title">{gone.id}</h2>'
            f"<p>Withdrawn on {long_date(gone.withdrawn_on)}.</p>"
            f"<p>Why: {escape(gone.reason)}</p>{replacement}</section>"
        )
    return "".join(parts)
