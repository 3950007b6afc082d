"""What one build knows, worked out once, in one frozen object: the data file (in a language's
build, in its words), the approved archives, the day of the build, the policy rendered once (its
expanded Markdown and its clauses), the draft state and, in a language's build, that language and
the English build's facts. Every macro, page and finishing step reads this one object."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from markupsafe import Markup

from macros.clauses import markup, rules
from macros.clauses.translated import (
    PROPORTIONALITY,
    TEAM,
    data_words,
    reconcile,
    response_field,
    step_field,
    up_to_date_clauses,
)
from macros.common import previews
from macros.common.problems import Problem, SiteError
from macros.data import front_matter
from macros.data.language_file import TRANSLATIONS, LanguageFile
from macros.data.model import Response, SchoolData
from macros.pages import contents
from macros.pages.templates import Expand
from macros.versions import approval, archive, changes

POLICY_PAGE = "policy.md"
POLICY_URL = "policy/"
OG_IMAGE = "assets/og-image.png"
# Pages that may define clauses: the guidance, and its approved archives (their ids prefixed).
ARCHIVE_PREFIX = "versions/"
# Set before each line of the WhatsApp text on a right-to-left page (Build.whatsapp_rules).
RIGHT_TO_LEFT_MARK = "\u200f"


@dataclass(frozen=True)
class Policy:
    markdown: str
    clauses: tuple[markup.Clause, ...]
    # In a language's build, the clauses it shows in English (out of date, or not yet translated).
    in_english: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Translation:
    """A language's build: its file, and the English build that came before it."""

    language: LanguageFile
    english: Build


@dataclass(frozen=True)
class Build:
    data: SchoolData
    archives: tuple[archive.Archive, ...]
    today: dt.date
    docs_dir: Path
    policy: Policy
    is_draft: bool
    og_image: previews.Image
    translation: Translation | None = field(default=None, repr=False)

    @property
    def policy_file(self) -> str:
        return policy_file(self.docs_dir, self.translation.language if self.translation else None)

    @property
    def english_root(self) -> str:
        """From a page's folder up to the English site's root, for pages only the English has."""
        return "../" if self.translation else ""

    def whatsapp_rules(self) -> str:
        """The code of conduct in WhatsApp's format, for the group rules page. In a language's build,
        as HTML (Markup, which the page's `| e` leaves as it is), the school's name marked English."""
        conduct = [c for c in self.policy.clauses if c.id.startswith("C")]
        heading = f"{self.data.school.name}: {conduct[0].section}"
        link = f"{self.data.school.site_url}{POLICY_URL}#{contents.CODE_OF_CONDUCT}"
        text = rules.whatsapp_text(heading, conduct, link)
        if not self.translation:
            return text
        if self.translation.language.dir == "rtl":
            # WhatsApp sets a line's direction from its first strong letter, and each line starts
            # in Latin (the school's name, C1, the link): a right-to-left mark first, U+200F, which
            # every phone knows (the Arabic letter mark, U+061C, is from 2013: older ones draw a box).
            text = "\n".join(RIGHT_TO_LEFT_MARK + line for line in text.split("\n"))
        name = escape(self.data.school.name, quote=False)
        return Markup(escape(text, quote=False).replace(name, f'<span lang="en">{name}</span>'))

    def version_texts(self) -> list[changes.Text]:
        """Every approved version, then the current text: what comparisons compare."""
        return changes.texts(self.archives, self.policy.clauses, archive.data_snapshot(self.data), POLICY_URL)

    def version_changes(self) -> str:
        """Each approved version against the next, then the latest against the current text."""
        return changes.neighbours_html(self.version_texts(), self.data.withdrawn)

    def check_may_hold_clauses(self, page_file: str, markdown: str) -> None:
        """Only the guidance defines clauses: anywhere else a `- [Z1]` line would get a copy button
        for a short link that is never written."""
        if page_file == POLICY_PAGE or page_file.startswith(ARCHIVE_PREFIX):
            return
        found = markup.find(markdown)
        if found:
            ids = ", ".join(c.id for c in found)
            raise SiteError(Problem(
                f"{self.docs_dir.name}/{page_file}",
                f"this page defines clause {ids}, but only the guidance ({self.policy_file}) may define clauses.",
                f"to refer to a clause, link to it, for example [{found[0].id}](policy.md#{found[0].anchor}); "
                f"to add a clause, add it to {self.policy_file}.",
                value=f"- [{found[0].id}] {found[0].text[:60]}"))


def policy_file(docs_dir: Path, language: LanguageFile | None) -> str:
    """The guidance's file, as the reader knows it."""
    if language:
        return f"{TRANSLATIONS}/{language.language}/docs/{POLICY_PAGE}"
    return f"{docs_dir.name}/{POLICY_PAGE}"


def preview_image(docs_dir: Path, site_url: str) -> previews.Image:
    """The link-preview picture, its size and type read from the file."""
    try:
        return previews.png_image(docs_dir / OG_IMAGE, site_url + OG_IMAGE)
    except previews.ImageError as error:
        raise SiteError(Problem(f"{docs_dir.name}/{OG_IMAGE}", f"{error}.",
                                "put back the PNG from git history, or draw it again with "
                                "`python -m tools.og_image`.")) from None


def policy_markdown(docs_dir: Path, file: str, expand: Expand) -> str:
    """The guidance page's Markdown with its macros expanded."""
    page = front_matter.split((docs_dir / POLICY_PAGE).read_text(encoding="utf-8"))
    return expand(page.body, file, page.first_line)


def english(data: SchoolData, archives: tuple[archive.Archive, ...], today: dt.date, docs_dir: Path,
            expand: Expand) -> Build:
    """The English build's facts: the policy rendered once, what the page publishes, a release
    freezes, the clause index lists and the comparison compares."""
    file = policy_file(docs_dir, None)
    markdown = policy_markdown(docs_dir, file, expand)
    found = markup.find(markdown)
    try:
        rules.check_unique([(POLICY_PAGE, c) for c in found])
        published = {c.id for archived in archives for c in archived.clauses}
        rules.check_published(found, published, {w.id: w.replaced_by for w in data.withdrawn})
    except (rules.DuplicateClauseError, rules.BrokenLinkError) as error:
        raise SiteError(Problem(file, f"{error}.".replace("..", "."),
                                "give each clause its own ID, and record a clause you take out under "
                                "`withdrawn:` in the data file.")) from None
    # Whether the current text differs from the latest approved version.
    is_draft = approval.is_draft(markdown, archive.data_snapshot(data), archives)
    return Build(data, archives, today, docs_dir, Policy(markdown, tuple(found)), is_draft,
                 preview_image(docs_dir, data.school.site_url))


def translated(data: SchoolData, docs_dir: Path, expand: Expand, translation: Translation) -> Build:
    """A language's build: its own pages and words; the English build's archives, day, draft state
    and picture; its policy reconciled with the English clauses."""
    language, english_build = translation.language, translation.english
    file = policy_file(docs_dir, language)
    words = data_words(english_build.data, language)
    fresh = up_to_date_clauses(language, english_build.policy.clauses, words)
    reconciled = reconcile(policy_markdown(docs_dir, file, expand), language, english_build.policy.clauses, fresh)
    in_english = [word.field for word in words if not word.up_to_date]
    if reconciled.stale or reconciled.gone or in_english:
        # A warning, not an error: the English is shown in their place, and contacts must publish.
        parts = []
        if in_english:
            parts.append(f"the data file's words {', '.join(in_english)} show the English (the translation "
                         "is out of date or missing)")
        if reconciled.stale:
            parts.append(f"clauses {', '.join(reconciled.stale)} show the English (the translation is out "
                         "of date or missing)")
        if reconciled.gone:
            parts.append(f"clauses {', '.join(reconciled.gone)} are left out (no longer in the English)")
        print(f"WARNING - translation {language.language}: {'; '.join(parts)}; "
              "`make translations-worklist` lists what to translate", file=sys.stderr)
    # An out-of-date clause's words are the English it shows (its search entry, its short link).
    english_words = {c.id: c.text for c in english_build.policy.clauses}
    found = [markup.Clause(c.id, english_words[c.id], c.section) if c.id in reconciled.stale else c
             for c in markup.find(reconciled.markdown)]
    try:
        rules.check_unique([(POLICY_PAGE, c) for c in found])
    except rules.DuplicateClauseError as error:
        raise SiteError(Problem(file, f"{error}.", "give each clause its own ID.")) from None
    policy = Policy(reconciled.markdown, tuple(found), frozenset(reconciled.stale))
    return Build(data, english_build.archives, english_build.today, docs_dir, policy, english_build.is_draft,
                 english_build.og_image, translation)


def translated_data(data: SchoolData, language: LanguageFile) -> SchoolData:
    """The data file with its words in this language where translated from its current English,
    and in English where not (`translated.WordsShown` marks those); contacts and approvals as they are."""
    shown = {word.field: word.shown for word in data_words(data, language)}
    responses = [
        Response(id=r.id, action=shown[response_field(r.id, "action")],
                 applies_when=shown[response_field(r.id, "applies_when")] if r.applies_when else None)
        for r in data.responses
    ]
    return data.model_copy(update={
        "school": data.school.model_copy(update={"site_url": f"{data.school.site_url}{language.language}/"}),
        "contact": data.contact.model_copy(update={"team": shown[TEAM]}),
        "concern_steps": [shown[step_field(index)] for index in range(len(data.concern_steps))],
        "responses": responses,
        "proportionality": shown[PROPORTIONALITY],
    })
