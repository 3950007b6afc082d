"""Short links (`/c3/`): tiny pages that forward to a clause and preview it when pasted.

A URL fragment never reaches a link-preview crawler, so a page per clause is the only
way a pasted link can show the clause's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from macros.clauses.markup import Clause
from macros.clauses.rules import withdrawal_sentence
from macros.common.previews import Image, Preview, meta_tags
from macros.data.language_file import LanguageFile
from macros.data.model import SchoolData


@dataclass(frozen=True)
class LinkWords:
    """The language a short link's page is written in: the English site's by default; a
    translation's, with the clauses it shows in English (out of date or not yet translated)."""

    language: str = "en"
    dir: str = "ltr"
    clause: str = "Clause {id}"
    go_to: str = "Go to {heading}"
    in_english: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, language: LanguageFile, in_english: frozenset[str]) -> LinkWords:
        """A translation's short links are in its language; a clause it shows in English is quoted so."""
        return cls(language.language, language.dir, str(language.strings["clause_heading"]),
                   str(language.strings["go_to"]), in_english)


ENGLISH = LinkWords()


def forwarding_page(preview: Preview, target: str, canonical: str, heading: str, clause_id: str,
                    words: LinkWords = ENGLISH, quote_in_english: bool = False) -> str:
    """Forwards at once without JavaScript; the link is there for browsers that do not follow.

    `target` is relative, so a copy of the site served anywhere forwards within itself.
    """
    direction = ' dir="rtl"' if words.dir == "rtl" else ""
    quote = ' lang="en" dir="ltr"' if quote_in_english else ""
    # In right-to-left words the clause's ID stays left to right ("A1", not "1A").
    shown = escape(heading).replace(clause_id, f'<span dir="ltr">{clause_id}</span>') if direction else escape(heading)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(words.language)}"{direction}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{escape(preview.title)}</title>\n"
        f'<meta name="description" content="{escape(preview.description)}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        f"{meta_tags(preview)}\n</head>\n"
        '<body class="short-link">\n<main class="md-typeset short-link__main">\n'
        f"<h1>{shown}</h1>\n<blockquote{quote}><p>{escape(preview.description)}</p></blockquote>\n"
        f'<p><a href="{escape(target)}">{escape(words.go_to).replace("{heading}", shown)}</a></p>\n'
        "</main>\n</body>\n</html>\n"
    )


def pages(data: SchoolData, policy: list[Clause], policy_url: str, image: Image,
          words: LinkWords = ENGLISH) -> dict[str, str]:
    """A short link for every clause in the text, and for every withdrawn one: path → page."""
    site_url, school = data.school.site_url, data.school.name
    links = [
        (c.id, c.anchor, f"{c.id} · {c.section} · {school}", c.text, f"{policy_url}#{c.anchor}",
         words.clause.format(id=c.id))
        for c in policy
    ] + [
        (w.id, w.anchor, f"{w.id} (withdrawn) · {school}", withdrawal_sentence(w), f"withdrawn/#{w.anchor}",
         f"Clause {w.id} (withdrawn)")
        for w in data.withdrawn
    ]
    made = {}
    in_english = {c.anchor for c in policy if c.id in words.in_english}
    for clause_id, slug, title, description, target, heading in links:
        preview = Preview(title, description, f"{site_url}{slug}/", image, school)
        made[f"{slug}/index.html"] = forwarding_page(preview, f"../{target}", f"{site_url}{target}", heading,
                                                     clause_id, words, slug in in_english)
    return made
