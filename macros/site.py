"""What one build knows, worked out once: the data file, the approved archives, the day of the
build, and the policy rendered once (its expanded Markdown and its clauses), with the draft
state derived from them. Every macro and page reads this one object."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from mkdocs.utils.meta import get_data

from macros import approval, archive, changes, clause_markup, clauses, contents, previews
from macros.model import SchoolData
from macros.problems import Problem, SiteError

POLICY_PAGE = "policy.md"
POLICY_URL = "policy/"
OG_IMAGE = "assets/og-image.png"
# Pages that may define clauses: the guidance, and its approved archives (their ids prefixed).
ARCHIVE_PREFIX = "versions/"

# (Markdown, the page's file as the reader knows it, the line the Markdown starts on) → expanded.
Expand = Callable[[str, str, int], str]


@dataclass(frozen=True)
class Policy:
    markdown: str
    clauses: list[clause_markup.Clause]


def body_and_first_line(source: str) -> tuple[str, int]:
    """A page's Markdown without its front matter, and the file line it starts on."""
    body, _ = get_data(source)
    return body, source[: len(source) - len(body)].count("\n") + 1 if source.endswith(body) else 1


def preview_image(docs_dir: Path, site_url: str) -> previews.Image:
    """The link-preview picture, its size and type read from the file."""
    try:
        return previews.png_image(docs_dir / OG_IMAGE, site_url + OG_IMAGE)
    except previews.ImageError as error:
        raise SiteError(Problem(f"{docs_dir.name}/{OG_IMAGE}", f"{error}.",
                                "put back the PNG from git history, or draw it again with "
                                "`python -m tools.og_image`.")) from None


@dataclass
class Site:
    data: SchoolData
    archives: list[archive.Archive]
    today: dt.date
    docs_dir: Path
    expand: Expand = field(repr=False)
    # From a page's folder up to the English site's root, for pages only the English has.
    english_root = ""

    @property
    def policy_file(self) -> str:
        return f"{self.docs_dir.name}/{POLICY_PAGE}"

    @cached_property
    def policy(self) -> Policy:
        """The policy page's Markdown with macros expanded, once a build: what the page publishes,
        a release freezes, the clause index lists and the comparison compares."""
        source = (self.docs_dir / POLICY_PAGE).read_text(encoding="utf-8")
        body, first_line = body_and_first_line(source)
        markdown = self.expand(body, self.policy_file, first_line)
        found = clause_markup.find(markdown)
        try:
            clauses.check_unique([(POLICY_PAGE, c) for c in found])
            published = {c.id for archive in self.archives for c in archive.clauses}
            clauses.check_published(found, published, {w.id: w.replaced_by for w in self.data.withdrawn})
        except (clauses.DuplicateClauseError, clauses.BrokenLinkError) as error:
            raise SiteError(Problem(self.policy_file, f"{error}.".replace("..", "."),
                                    "give each clause its own ID, and record a clause you take out under "
                                    "`withdrawn:` in the data file.")) from None
        return Policy(markdown, found)

    @cached_property
    def is_draft(self) -> bool:
        """Whether the current text differs from the latest approved version."""
        return approval.is_draft(self.policy.markdown, archive.data_snapshot(self.data), self.archives)

    @cached_property
    def og_image(self) -> previews.Image:
        return preview_image(self.docs_dir, self.data.school.site_url)

    def whatsapp_rules(self) -> str:
        """The code of conduct in WhatsApp's format, for the group rules page."""
        conduct = [c for c in self.policy.clauses if c.id.startswith("C")]
        heading = f"{self.data.school.name}: {conduct[0].section}"
        link = f"{self.data.school.site_url}{POLICY_URL}#{contents.CODE_OF_CONDUCT}"
        return clauses.whatsapp_text(heading, conduct, link)

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
        found = clause_markup.find(markdown)
        if found:
            ids = ", ".join(c.id for c in found)
            raise SiteError(Problem(
                f"{self.docs_dir.name}/{page_file}",
                f"this page defines clause {ids}, but only the guidance ({self.policy_file}) may define clauses.",
                f"to refer to a clause, link to it, for example [{found[0].id}](policy.md#{found[0].anchor}); "
                f"to add a clause, add it to {self.policy_file}.",
                value=f"- [{found[0].id}] {found[0].text[:60]}"))
