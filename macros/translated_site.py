"""A language's build: the one Site it shares (its own pages and words, the English build's
clauses and draft state), the data file in its words, and the macros that speak them."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from macros import clause_markup, clauses, contacts, previews, responses
from macros.language_file import LANGUAGE_FILE, TRANSLATIONS, LanguageFile, load
from macros.model import Response, SchoolData
from macros.problems import Problem, SiteError
from macros.site import POLICY_PAGE, Policy, Site, body_and_first_line
from macros.translated_clauses import Reconciled, reconcile


@dataclass(frozen=True)
class English:
    """The English build's facts, for the language builds that follow it."""

    clauses: list[clause_markup.Clause]
    is_draft: bool
    site_url: str
    docs_dir: Path
    og_image: previews.Image


def translated_data(data: SchoolData, language: LanguageFile) -> SchoolData:
    """The data file with its words in this language; contacts and approvals as they are."""
    words = language.data
    responses = [
        Response(id=r.id, action=words.responses[r.id].action, applies_when=words.responses[r.id].applies_when)
        if r.id in words.responses else r
        for r in data.responses
    ]
    return data.model_copy(update={
        "school": data.school.model_copy(update={"site_url": f"{data.school.site_url}{language.language}/"}),
        "contact": data.contact.model_copy(update={"team": words.contact_team}),
        "concern_steps": list(words.concern_steps) if len(words.concern_steps) == len(data.concern_steps)
        else data.concern_steps,
        "responses": responses,
        "proportionality": words.proportionality,
    })


@dataclass
class TranslatedSite(Site):
    """A language's build: its own pages and words, the English build's clauses and draft state."""

    language: LanguageFile = field(default=None, repr=False)  # type: ignore[assignment]
    english: English = field(default=None, repr=False)  # type: ignore[assignment]
    english_root = "../"

    @cached_property
    def og_image(self) -> previews.Image:
        return self.english.og_image

    @cached_property
    def reconciled(self) -> Reconciled:
        source = (self.docs_dir / POLICY_PAGE).read_text(encoding="utf-8")
        body, first_line = body_and_first_line(source)
        return reconcile(self.expand(body, self.policy_file, first_line), self.language, self.english.clauses)

    @cached_property
    def policy(self) -> Policy:
        reconciled = self.reconciled
        if reconciled.stale or reconciled.gone:
            # A warning, not an error: the English is shown in their place, and contacts must publish.
            parts = []
            if reconciled.stale:
                parts.append(f"clauses {', '.join(reconciled.stale)} show the English (the translation is out "
                             "of date or missing)")
            if reconciled.gone:
                parts.append(f"clauses {', '.join(reconciled.gone)} are left out (no longer in the English)")
            print(f"WARNING - translation {self.language.language}: {'; '.join(parts)}; "
                  "`make translations-worklist` lists what to translate", file=sys.stderr)
        # An out-of-date clause's words are the English it shows (its search entry, its short link).
        english = {c.id: c.text for c in self.english.clauses}
        found = [clause_markup.Clause(c.id, english[c.id], c.section) if c.id in reconciled.stale else c
                 for c in clause_markup.find(reconciled.markdown)]
        try:
            clauses.check_unique([(POLICY_PAGE, c) for c in found])
        except clauses.DuplicateClauseError as error:
            raise SiteError(Problem(self.policy_file, f"{error}.", "give each clause its own ID.")) from None
        return Policy(reconciled.markdown, found)

    @cached_property
    def is_draft(self) -> bool:
        return self.english.is_draft

    @property
    def policy_file(self) -> str:
        return f"{TRANSLATIONS}/{self.language.language}/docs/{POLICY_PAGE}"


def for_build(conf: Mapping[str, Any], project: Path) -> tuple[LanguageFile, English] | None:
    """In a language's build, its file and the English build's facts; None in the English build."""
    code = conf["extra"].get("translation")
    if not code:
        return None
    english = conf["extra"].get("english")
    if not isinstance(english, English):
        raise SiteError(Problem("mkdocs.yml", f"the {code!r} translation is built on its own.",
                                "build the whole site with `make build`: a translation needs the English first."))
    return load(project / TRANSLATIONS / code / LANGUAGE_FILE), english


def apply(conf: Any, docs_dir: Path) -> None:
    """The site's description in this language: its home page's, which makes its point first."""
    _, meta = get_data((docs_dir / "index.md").read_text(encoding="utf-8"))
    if meta.get("description"):
        conf["site_description"] = str(meta["description"])


def register(env: Any, site: TranslatedSite) -> None:
    """The macros and variables whose words are the language's: the data file's words, joined
    and labelled in it; contacts (email, phone) stay as the data file has them."""
    language, data = site.language, site.data
    words = {key: language.text(key) if key != "journey_contact" else str(language.strings[key])
             for key in responses.JOURNEY_WORDS}
    # Numbers, addresses and IDs stay left-to-right on a right-to-left page.
    ltr = language.dir == "rtl"
    env.variables["policy_title"] = language.text("policy_title")
    env.macro(lambda: contacts.email_link(data.contact, ltr), "email_link")
    env.macro(lambda: contacts.phone_link(data.contact, ltr), "phone_link")
    env.macro(lambda: contacts.contact_actions(data.contact, language.text("call"), language.text("email"), ltr),
              "contact_actions")
    env.macro(lambda: responses.steps_sentence(data.concern_steps, language.text("list_separator"),
                                               language.text("list_last_separator")), "concern_steps")
    env.macro(lambda policy_url: responses.concern_journey(data, policy_url, words, ltr), "concern_journey")
